"""What the solvers return: real solutions of F(z) = 0, with how they were found.

Both solvers (:mod:`nablab.solve.polynomial`, :mod:`nablab.solve.newton`) and the front door
:func:`nablab.solve.solve_system` return a :class:`SystemSolution`; each solution is a
:class:`Solution` whose coordinates follow the order of the unknowns.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: ``SystemSolution.status``: the real solutions are finitely many (all listed when complete).
FINITE = "finite"
#: The system has infinitely many complex solutions (a positive-dimensional set).
INFINITE = "infinite"
#: The system has no solution at all, not even a complex one.
NONE = "none"


@dataclass(frozen=True)
class Solution:
    """One real solution z of F(z) = 0.

    Attributes:
        x: the coordinates as floats, in the order of the unknowns (correctly rounded from
            a 50-digit value on the exact path; Newton-refined on the numeric path).
        exact: per coordinate, a short exact SymPy number (``1``, ``1/2``, ``sqrt(2)/2``) or
            ``None`` where only a float is available (roots of irreducible cubics and higher
            are never written with radicals).
        residual: ``max_i |F_i(x)|`` at the float point ``x``, evaluated in high precision.
    """

    x: tuple[float, ...]
    exact: tuple[Any, ...]
    residual: float

    @property
    def is_exact(self) -> bool:
        """Whether every coordinate has a short exact form."""
        return all(e is not None for e in self.exact)


@dataclass(frozen=True)
class SystemSolution:
    """The real solutions of a system F(z) = 0 of equations in the unknowns z.

    Attributes:
        unknowns: the unknowns' names, in order.
        solutions: the real solutions found, sorted by coordinates.
        status: :data:`FINITE`, :data:`INFINITE` or :data:`NONE` when it is known; ``None``
            when only a numeric search ran (it cannot tell).
        complete: ``True`` only when *every* real solution is listed (the exact path on a
            zero-dimensional system). A numeric search is never complete.
        method: ``"groebner"`` (exact) or ``"newton"`` (numeric multi-start).
        fallback: why the numeric method ran instead of the exact one: ``"not_polynomial"``,
            ``"timeout"``, ``"memory"``, ``"infinite"`` (a positive-dimensional set, sampled
            numerically), or ``None``.
        solution_set: for an :data:`INFINITE` system, the reduced lexicographic Gröbner basis
            (SymPy expressions) whose common zeros are exactly the solution set; else ``()``.
        bounds: the box the numeric search covered (``None`` when it did not run).
        starts: how many starting points the numeric search used (0 when it did not run).
        truncated: the numeric search found more than its ``max_roots`` distinct roots and
            stopped: the roots probably form curves or surfaces, and the list is a sample.
        components: for an :data:`INFINITE` exact result, the lex Gröbner bases of the
            positive-dimensional pieces of the set that may have real points (pieces proven
            to have none are left out: :mod:`nablab.solve.components`); ``solutions`` then
            holds every real solution of the zero-dimensional pieces, exactly.
        constants: the symbolic constants (π, √2, Unicode) that were exact coefficients
            (:func:`nablab.solve.exact.solve_exact`); ``()`` when there were none.
        denominators: the denominators that were cleared (Unicode); the points where one
            vanishes were removed from the solutions.
    """

    unknowns: tuple[str, ...]
    solutions: tuple[Solution, ...]
    status: str | None
    complete: bool
    method: str
    fallback: str | None = None
    solution_set: tuple[Any, ...] = ()
    bounds: tuple[tuple[float, float], ...] | None = None
    starts: int = 0
    truncated: bool = False
    components: tuple[tuple[Any, ...], ...] = ()
    constants: tuple[str, ...] = ()
    denominators: tuple[str, ...] = ()


__all__ = ["FINITE", "INFINITE", "NONE", "Solution", "SystemSolution"]
