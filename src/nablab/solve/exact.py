"""The exact path for any system that is polynomial once rewritten: the front door.

:func:`solve_exact` takes what :func:`~nablab.solve.solve_polynomial_system` takes, and also
equations with symbolic constants (π, e, ln 2, √2) among the coefficients and with
denominators (rational functions): :mod:`nablab.solve.constants` rewrites them as
polynomials over ℚ or ℚ(P), denominators' zeros are removed by saturation, and the solution
is exact in the constants (r = 40/π, x = √2/2). ``None`` means the system is not of that
kind (sin x, xˣ, two transcendental constants) or the solver declined: go numeric.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import mpmath
import sympy

from nablab.core.printing import to_unicode
from nablab.solve._roots import DIGITS
from nablab.solve.constants import PARAMETER, Rewritten, rewrite
from nablab.solve.parametric import (
    algebraic_domain,
    groebner_over_parameter,
    solve_parametric,
)
from nablab.solve.polynomial import polynomial_system, solve_polynomial_system
from nablab.solve.result import NONE, Solution, SystemSolution

_SATURATION = sympy.Symbol("_nablab_t")


def exact_kind(equations: Sequence[Any], unknowns: Sequence[sympy.Symbol]) -> str | None:
    """``"polynomial"`` (over ℚ), ``"rewritten"`` (constants or denominators) or ``None``."""
    if polynomial_system(equations, unknowns) is not None:
        return "polynomial"
    return "rewritten" if rewrite(equations, unknowns) is not None else None


def solve_exact(equations: Sequence[Any], unknowns: Sequence[sympy.Symbol],
                ) -> SystemSolution | None:
    """Every real solution, exactly, or ``None`` when the system is not (rewritably) polynomial.

    Unbounded in time, like :func:`~nablab.solve.solve_polynomial_system`: run it under
    :func:`nablab.budget.run_bounded`.
    """
    unknowns = tuple(unknowns)
    if polynomial_system(equations, unknowns) is not None:
        return solve_polynomial_system(equations, unknowns)
    rewritten = rewrite(equations, unknowns)
    if rewritten is None:
        return None
    solved = _solve_rewritten(rewritten, unknowns)
    if solved is None:
        return None
    constants = [*rewritten.values] + ([rewritten.parameter] if rewritten.parameter else [])
    return replace(solved, constants=tuple(to_unicode(c) for c in constants),
                   denominators=tuple(to_unicode(d) for d in rewritten.denominators))


def _solve_rewritten(rewritten: Rewritten, unknowns: tuple[sympy.Symbol, ...],
                     ) -> SystemSolution | None:
    names = tuple(str(u) for u in unknowns)
    if rewritten.algebraic and rewritten.parameter is None:
        over_field = _over_algebraic_field(rewritten, unknowns)
        if over_field is not None:
            return replace(over_field, unknowns=names)
    gens = (*unknowns, *rewritten.algebraic)
    polys = _saturated(list(rewritten.numerators), gens, rewritten)
    if polys == [1]:
        return SystemSolution(names, (), NONE, True, "groebner")
    if rewritten.parameter is None:
        result: SystemSolution | None = solve_polynomial_system(polys, gens)
    else:
        result = solve_parametric(polys, gens, rewritten.parameter)
    return None if result is None else _projected(result, unknowns, rewritten)


def _over_algebraic_field(rewritten: Rewritten, unknowns: tuple[sympy.Symbol, ...],
                          ) -> SystemSolution | None:
    """Only algebraic constants (√2): solve over the field ℚ(√2) itself, so that the
    solutions come out exact (x = √2/2); ``None`` when that solver declines."""
    k = len(rewritten.algebraic)
    back = dict(zip(rewritten.algebraic, rewritten.values, strict=True))
    polys = [sympy.expand(e.xreplace(back)) for e in rewritten.numerators[:-k]]
    domain = algebraic_domain(rewritten.values)
    polys = _saturated(polys, unknowns, rewritten, domain)
    if polys == [1]:
        return SystemSolution(tuple(map(str, unknowns)), (), NONE, True, "groebner")
    return solve_parametric(polys, unknowns, PARAMETER, rewritten.values)


def _saturated(polys: list[Any], gens: tuple[sympy.Symbol, ...],
               rewritten: Rewritten, domain: Any = None) -> list[Any]:
    """Generators of the ideal with the denominators' zeros removed (I : D^∞), by
    eliminating t from I + ⟨t·D − 1⟩."""
    if not rewritten.denominators:
        return polys
    back = dict(zip(rewritten.algebraic, rewritten.values, strict=True))
    product = sympy.Mul(*rewritten.denominators)
    if domain is not None:
        product = product.xreplace(back)
    system = [*polys, _SATURATION * product - 1]
    order = (_SATURATION, *gens)
    if domain is not None:
        basis = groebner_over_parameter(system, order, domain)
    elif rewritten.parameter is None:
        basis = list(sympy.groebner(system, *order, order="lex").exprs)
    else:
        basis = groebner_over_parameter(system, order)
    return [e for e in basis if _SATURATION not in e.free_symbols]


def _projected(result: SystemSolution, unknowns: tuple[sympy.Symbol, ...],
               rewritten: Rewritten) -> SystemSolution:
    """Keep the solutions whose sₖ are the constants themselves; drop the sₖ; put the
    constants back into the exact forms and the solution set."""
    n = len(unknowns)
    targets = [_mp(v) for v in rewritten.values]
    kept = tuple(Solution(s.x[:n], tuple(_back(e, rewritten) for e in s.exact[:n]),
                          s.residual)
                 for s in result.solutions if _matches(s, n, targets))
    back = {s: v for s, v in zip(rewritten.algebraic, rewritten.values, strict=True)}
    if rewritten.parameter is not None:
        back[PARAMETER] = rewritten.parameter

    def restore(basis: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(e.xreplace(back) for e in basis)

    return replace(result, unknowns=tuple(str(u) for u in unknowns), solutions=kept,
                   solution_set=restore(result.solution_set),
                   components=tuple(restore(c) for c in result.components))


def _matches(solution: Solution, n: int, targets: list[Any]) -> bool:
    """sₖ = the constant: the other roots of its minimal polynomial are far from it."""
    return all(abs(x - float(t)) <= 1e-9 * max(1.0, abs(float(t)))
               for x, t in zip(solution.x[n:], targets, strict=True))


def _back(exact: Any, rewritten: Rewritten) -> Any:
    if exact is None or rewritten.parameter is None:
        return exact
    return exact.xreplace({PARAMETER: rewritten.parameter})


def _mp(value: Any) -> Any:
    with mpmath.workdps(DIGITS):
        return mpmath.mpf(sympy.Float(value.evalf(DIGITS), DIGITS))


__all__ = ["exact_kind", "solve_exact"]
