"""Every root of one equation in one unknown on a closed, bounded interval, exactly.

For one variable on an interval (the textbook's closed interval method), f'(x) = 0 need not
be polynomial: cos x − sin x = 0 on [0, 2π]. SymPy's ``solveset`` over the interval gives the
roots exactly when it can (π/4, 5π/4); only a ``FiniteSet`` of explicit real numbers is
accepted, or the empty set (a ``ConditionSet`` or an unevaluated union means "not decided":
``None``).
Then the answer is cross-checked numerically: F is sampled on a fine grid of the interval,
and every sign change of F must bracket one of the roots found. A sign change without a root
would be a root ``solveset`` missed, and the result is not trusted (``None``); so is a root
where F is not ≈ 0. Roots where F touches 0 without changing sign are not seen by the grid,
but ``solveset`` reports them. Like the other exact solvers, this one is unbounded in time:
run it under :func:`nablab.budget.run_bounded`.
"""

from __future__ import annotations

from typing import Any

import mpmath
import numpy as np
import sympy

from nablab.numeric.lambdify import numpy_lambdify
from nablab.solve._roots import DIGITS, short_exact

#: Grid points for the sign-change cross-check.
GRID = 20001
#: Roots found at most (a finite set larger than this is not a textbook answer).
MAX_ROOTS = 200


def roots_on_interval(equation: Any, x: sympy.Symbol, low: Any, high: Any,
                      ) -> list[tuple[float, Any]] | None:
    """The roots of ``equation`` = 0 in [low, high], increasing: (float, exact form or
    ``None`` when long); ``None`` when they are not known to be all of them.

    Args:
        equation: a SymPy expression in ``x`` alone (code-built).
        x: the unknown.
        low, high: the interval's ends, exact SymPy numbers, low < high.
    """
    found = sympy.solveset(equation, x, sympy.Interval(low, high))
    if found is not sympy.S.EmptySet and (not isinstance(found, sympy.FiniteSet)
                                          or len(found) > MAX_ROOTS):
        return None
    roots = []
    for root in found:
        if not root.is_number or root.has(sympy.RootOf):
            return None
        value = _real(root)
        if value is None or not _vanishes(equation, x, root, value):
            return None
        roots.append((value, root))
    roots.sort(key=lambda r: r[0])
    if not _every_sign_change_found(equation, x, float(low), float(high),
                                    [r[0] for r in roots]):
        return None
    return [(v, short_exact(sympy.nsimplify(e) if e.is_Float else e)) for v, e in roots]


def _real(root: Any) -> float | None:
    value = sympy.N(root, DIGITS)
    real, imag = value.as_real_imag()
    if abs(imag) > sympy.Float(10) ** -(DIGITS - 10):
        return None
    return float(real)


def _vanishes(equation: Any, x: sympy.Symbol, root: Any, value: float) -> bool:
    """F(root) ≈ 0 to 30 digits, relative to the size of F's terms (and finite)."""
    with mpmath.workdps(DIGITS):
        at = equation.evalf(DIGITS, subs={x: root})
        if not at.is_number:
            return False
        size = sum(abs(t.evalf(DIGITS, subs={x: root})) for t in sympy.Add.make_args(equation))
        return bool(abs(at) <= sympy.Float(10) ** -30 * max(1, size))


def _every_sign_change_found(equation: Any, x: sympy.Symbol, low: float, high: float,
                             roots: list[float]) -> bool:
    """Every sign change of F between neighbouring grid points brackets a root found."""
    grid = np.linspace(low, high, GRID)
    fun = numpy_lambdify([x], equation, cse=False)
    with np.errstate(all="ignore"):
        values = np.broadcast_to(np.asarray(fun(grid), dtype=float), grid.shape)
    if not np.all(np.isfinite(values)):
        return False
    step = (high - low) / (GRID - 1)
    signs = np.sign(values)
    nonzero = np.flatnonzero(signs)
    for a, b in zip(nonzero, nonzero[1:], strict=False):
        if signs[a] != signs[b]:
            lo, hi = grid[a] - step, grid[b] + step
            if not any(lo <= r <= hi for r in roots):
                return False
    return True


__all__ = ["GRID", "roots_on_interval"]
