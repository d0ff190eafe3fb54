"""The front door: exact when the system is polynomial and the budget allows, else numeric.

The exact path (:func:`~nablab.solve.exact.solve_exact`: polynomials over ℚ, and systems
that are polynomial once constants such as π and √2 are coefficients and denominators are
cleared) runs under a time budget
(:func:`~nablab.budget.run_bounded`); when it is not polynomial, runs out of time
or memory, or finds infinitely many solutions, the numeric path
(:func:`~nablab.solve.newton.newton_multistart`) searches the box and the result says why
(``fallback``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

import numpy as np
import sympy

from nablab.budget import run_bounded
from nablab.errors import ComputationTimeout, MemoryLimitExceeded
from nablab.solve.exact import exact_kind, solve_exact
from nablab.solve.newton import lambdify_system, newton_multistart
from nablab.solve.result import INFINITE, Solution, SystemSolution

#: Seconds the exact path may take by default.
EXACT_TIMEOUT = 5.0
#: The numeric search's default box: [−10, 10] for every unknown.
DEFAULT_BOUND = 10.0

Array = np.ndarray


def solve_system(equations: Sequence[Any], unknowns: Sequence[sympy.Symbol], *,
                 bounds: Sequence[tuple[float, float]] | None = None,
                 exact_timeout: float | None = EXACT_TIMEOUT,
                 fun: Callable[[Array], Array] | None = None,
                 jac: Callable[[Array], Array] | None = None,
                 max_starts: int | None = None) -> SystemSolution:
    """Real solutions of F(z) = 0: every one exactly if possible, else those Newton finds.

    Args:
        equations: SymPy expressions Fᵢ (code-built, trusted), each meaning Fᵢ = 0.
        unknowns: the unknowns, in order.
        bounds: the box for the numeric search, ``(low, high)`` per unknown (default
            [−10, 10]ⁿ). The exact path ignores it and returns every real solution.
        exact_timeout: seconds for the exact path (``None``: unbounded).
        fun, jac: vectorised F and its Jacobian for the numeric path (the convention of
            :mod:`nablab.solve.newton`); built from ``equations`` when omitted.
        max_starts: starts per Newton round (default :data:`~nablab.solve.newton.MAX_STARTS`).

    Returns:
        The exact :class:`SystemSolution` (``complete=True``) when the system is polynomial
        (or rewritably so: :func:`~nablab.solve.exact.solve_exact`) with finitely many real
        solutions and solved in time; otherwise the numeric one with
        ``fallback`` saying why (for an infinite set ``status="infinite"`` and
        ``solution_set`` stay, and the numeric points are a sample of the set).
    """
    unknowns = tuple(unknowns)
    fallback = "not_polynomial"
    exact: SystemSolution | None = None
    if exact_kind(equations, unknowns) is not None:
        try:
            exact = run_bounded(solve_exact, list(equations), unknowns, timeout=exact_timeout)
        except ComputationTimeout:
            fallback = "timeout"
        except MemoryLimitExceeded:
            fallback = "memory"
        else:
            if exact is not None and exact.status != INFINITE:
                return exact
            fallback = "infinite" if exact is not None else fallback
    numeric = _numeric(equations, unknowns, bounds, fun, jac, max_starts)
    if exact is not None:
        return replace(numeric, solutions=_merged(exact.solutions, numeric.solutions),
                       status=INFINITE, solution_set=exact.solution_set,
                       components=exact.components, fallback=fallback)
    return replace(numeric, fallback=fallback)


def _merged(exact: tuple[Solution, ...], found: tuple[Solution, ...]) -> tuple[Solution, ...]:
    """The exact isolated solutions, then the numeric ones that are none of them."""
    def known(s: Solution) -> bool:
        return any(max(abs(a - b) for a, b in zip(s.x, e.x, strict=True))
                   <= 1e-9 * max(1.0, *map(abs, e.x)) for e in exact)

    return tuple(sorted(exact + tuple(s for s in found if not known(s)), key=lambda s: s.x))


def _numeric(equations: Sequence[Any], unknowns: tuple[sympy.Symbol, ...],
             bounds: Sequence[tuple[float, float]] | None,
             fun: Callable[[Array], Array] | None, jac: Callable[[Array], Array] | None,
             max_starts: int | None) -> SystemSolution:
    if fun is None or jac is None:
        fun, jac = lambdify_system(equations, unknowns)
    box = bounds if bounds is not None else [(-DEFAULT_BOUND, DEFAULT_BOUND)] * len(unknowns)
    options = {} if max_starts is None else {"max_starts": max_starts}
    return newton_multistart(fun, jac, box, names=[str(u) for u in unknowns], **options)


__all__ = ["DEFAULT_BOUND", "EXACT_TIMEOUT", "solve_system"]
