"""A positive-dimensional system split into components, and which of them have real points.

A lex Gröbner basis G that is not zero-dimensional describes a complex solution set of
dimension ≥ 1, but its *real* points may be finitely many or none: the Lagrange system of
(x + 2y − z)² on z = x² + y² + 10 is the union of {λ = 0, x + 2y − z = 0, z = x² + y² + 10}
(a complex curve with no real point: there (x − ½)² + (y − 1)² + 35/4 = 0) and one point
(½, 1, 45/4, 35/2). So the set is split first: if an element of G factors as p·q, then
V(G) = V(G + ⟨p⟩) ∪ V(G + ⟨q⟩) (Cox–Little–O'Shea ch. 4), each part gets its own Gröbner
basis, and the splitting repeats until no element factors (or :data:`MAX_COMPONENTS`).

A zero-dimensional component is solved exactly, like any other system. A positive-dimensional
one is *empty over ℝ* when one of its elements provably has no real zero:

- a polynomial in one unknown without a real root (Sturm's count, exact);
- a quadratic a + bᵀz + ½zᵀHz whose H is positive (negative) semidefinite, with H z = −b
  solvable: its least (largest) value is p(z*), exact, and it is > 0 (< 0).

Anything else is kept: it may have real points (``open``), and the caller samples it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sympy

#: Components examined at most; past this the set stays one undivided (open) piece.
MAX_COMPONENTS = 64


@dataclass(frozen=True)
class Components:
    """The pieces of V(G): zero-dimensional bases, and positive-dimensional ones that may
    have real points (those proven to have none are dropped)."""

    finite: tuple[tuple[Any, ...], ...]
    open: tuple[tuple[Any, ...], ...]


def split_components(basis: Sequence[Any], unknowns: Sequence[sympy.Symbol]) -> Components:
    """Split V(G) by factoring basis elements; decide which pieces can have real points.

    Args:
        basis: a reduced lex Gröbner basis (SymPy expressions over ℚ), not ``[1]``.
        unknowns: its generators, in the lex order.

    Returns:
        :class:`Components`; ``open`` empty means every real solution lies on ``finite``.
    """
    gens = tuple(unknowns)
    pending: list[tuple[Any, ...]] = [tuple(basis)]
    seen: set[tuple[Any, ...]] = set()
    finite: list[tuple[Any, ...]] = []
    opened: list[tuple[Any, ...]] = []
    while pending:
        if len(seen) > MAX_COMPONENTS:
            return Components((), (tuple(basis),))
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        factors = _split_factors(current, gens)
        if factors is not None:
            for factor in factors:
                sub = sympy.groebner([*current, factor], *gens, order="lex")
                if list(sub.exprs) != [1]:
                    pending.append(tuple(sub.exprs))
            continue
        if sympy.groebner(list(current), *gens, order="lex").is_zero_dimensional:
            finite.append(current)
        elif not any(_no_real_zero(e) for e in current):
            opened.append(current)
    return Components(tuple(finite), tuple(opened))


def _split_factors(basis: tuple[Any, ...], gens: tuple[sympy.Symbol, ...]) -> list[Any] | None:
    """The distinct irreducible factors of the first element that has several (or a
    repeated one), else ``None``."""
    for e in basis:
        _, factors = sympy.factor_list(e, *gens)
        nonconstant = [f for f, _ in factors if f.free_symbols]
        if len(nonconstant) > 1 or any(m > 1 for f, m in factors if f.free_symbols):
            return nonconstant
    return None


def _no_real_zero(e: Any) -> bool:
    """Whether the polynomial e provably has no real zero (univariate, or quadratic)."""
    symbols = sorted(e.free_symbols, key=str)
    if not symbols:
        return e != 0
    poly = sympy.Poly(e, *symbols)
    if len(symbols) == 1:
        return poly.count_roots() == 0
    return poly.total_degree() == 2 and _quadratic_sign(e, symbols) != 0


def _quadratic_sign(e: Any, symbols: list[sympy.Symbol]) -> int:
    """+1 when the quadratic e > 0 everywhere, −1 when e < 0 everywhere, else 0."""
    hessian = sympy.hessian(e, symbols)
    origin = dict.fromkeys(symbols, 0)
    b = sympy.Matrix([sympy.diff(e, v).subs(origin) for v in symbols])
    for sign in (1, -1):
        if not (sign * hessian).is_positive_semidefinite:
            continue
        solution = sympy.linsolve((hessian, -b), *symbols)
        if not solution:
            return 0
        point = next(iter(solution))
        # A free parameter in z* leaves the value unchanged (b lies in H's range).
        extreme = sympy.expand(e.subs(dict(zip(symbols, point, strict=True)),
                                      simultaneous=True))
        extreme = extreme.subs({s: 0 for s in extreme.free_symbols})
        return sign if sign * extreme > 0 else 0
    return 0


__all__ = ["MAX_COMPONENTS", "Components", "split_components"]
