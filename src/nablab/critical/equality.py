"""Where f equals its term-by-term lower bound: the points a global minimum is at.

f = Σ aᵢ ≥ Σ lowᵢ term by term (:func:`nablab.critical.bounds.value_range`), each aᵢ ≥ lowᵢ,
so f = Σ lowᵢ exactly where every aᵢ = lowᵢ. Each condition becomes polynomial equations
(x² + y² = 0 splits into x = 0 and y = 0, √u = 0 is u = 0, eᵘ at its low is u at its
own) and the system is solved exactly. This finds minimisers where ∇f does not exist:
√(x² + y²) + 1 = 1 only at (0, 0).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sympy

from nablab.critical.bounds import value_range
from nablab.critical.forms import sign
from nablab.solve import FINITE, solve_polynomial_system


def where_reached(expr: Any, gens: Sequence[Any]) -> tuple[tuple[Any, ...], ...]:
    """The real points where f equals its term-by-term lower bound, found exactly.

    f = Σ aᵢ ≥ Σ lowᵢ with each aᵢ ≥ lowᵢ, so f = Σ lowᵢ exactly where every aᵢ = lowᵢ.
    Each such condition is written as a polynomial equation (aᵢ − lowᵢ for a polynomial
    term; u = 0 for √u, |u|, u^{2k} at their low 0) and the system solved exactly; only a
    finite set of exact real solutions is returned (``()`` otherwise). What f is at them is
    checked by the caller. This reaches points where ∇f does not exist: √(x² + y²) + 1 is
    1 only at (0, 0)."""
    low, _ = value_range(expr)
    equations = None if low is None else _at_low(expr, low, gens)
    if not equations:
        return ()
    try:
        solved = solve_polynomial_system(equations, gens)
    except ValueError:   # not rational coefficients
        return ()
    if solved.status != FINITE:
        return ()
    return tuple(s.exact for s in solved.solutions if s.is_exact)


def _at_low(term: Any, low: Any, gens: Sequence[Any]) -> list[Any] | None:
    """Polynomial equations (each = 0) that hold exactly where ``term`` equals ``low``, its
    proven lower end: a sum is at its low where every summand is at its own (the summands'
    lows add up to it), so x² + y² = 0 splits into x = 0 and y = 0 — real points only."""
    if term.is_number:
        return []
    if term.is_Add:
        out: list[Any] = []
        for arg in term.args:
            part_low, _ = value_range(arg)
            found = None if part_low is None else _at_low(arg, part_low, gens)
            if found is None:
                return [term - low] if term.is_polynomial(*gens) else None
            out += found
        return out
    coeff, rest = term.as_coeff_Mul()
    if coeff != 1 and coeff.is_positive and rest is not term:
        return _at_low(rest, low / coeff, gens)
    inner = None
    if sign(low) == 0 and isinstance(term, sympy.Abs):
        inner = term.args[0]
    elif sign(low) == 0 and term.is_Pow and term.exp.is_Rational and term.exp > 0 and \
            (term.exp.q % 2 == 0 or term.exp.p % 2 == 0):
        inner = term.base     # √u, u^{2/3}, u^{2k}: 0 exactly where u = 0
    if inner is not None:
        inner_low, _ = value_range(inner)
        if inner_low is not None and sign(inner_low) == 0:
            return _at_low(inner, inner_low, gens)
        return [inner] if inner.is_polynomial(*gens) else None
    if term.is_polynomial(*gens):
        return [term - low]
    increasing = type(term).__name__ in _INCREASING and len(term.args) == 1 or (
        term.is_Pow and term.exp.is_Rational and term.exp > 0)
    if increasing:   # eᵘ, √u on u ≥ 0: at its low exactly where u is at its own
        inner = term.args[0]
        inner_low, _ = value_range(inner)
        if inner_low is not None and (not term.is_Pow or sign(inner_low) >= 0):
            return _at_low(inner, inner_low, gens)
    return None


#: Strictly increasing functions of one argument (their low is reached where u's is).
_INCREASING = frozenset({"exp", "log", "atan", "tanh", "sinh", "asinh", "sigmoid",
                         "softplus"})


__all__ = ["where_reached"]
