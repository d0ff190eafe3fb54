"""``critical_points(f)``: every point where ∇f = 0, classified, and what it means.

The necessary condition for a local extremum of a differentiable f at an interior point p
is ∇f(p) = 0 (f'(a) = 0 in one variable): otherwise f decreases along −∇f(p). It is not
sufficient — x³ at 0, and every saddle point, satisfy it — so each solution is classified
by the Hessian (:mod:`nablab.critical.classify`), degenerate ones looked at further
(:mod:`nablab.critical.degenerate`), and the global picture stated where it can be proven
(:mod:`nablab.critical.globality`).

Where ∇f does not exist (|x|, relu, max, min, roots at 0) f is split into pieces and the
points of its kinks are candidates too (:mod:`nablab.critical.kinked`). Otherwise two
paths: a polynomial f is solved exactly and completely (lex Gröbner basis, under a time
budget) — ``complete: true``; anything else, or a solve over budget, goes to multi-start
Newton over the domain (default [−10, 10]ⁿ) — ``complete: false``, and the result says why.
"""

from __future__ import annotations

from dataclasses import replace

from nablab.budget import run_bounded
from nablab.core.expression import Expression
from nablab.core.printing import to_str, to_unicode
from nablab.critical.critical_set import with_samples
from nablab.critical.domain import DomainLike, resolve_domain
from nablab.critical.exact import NOT_POLYNOMIAL, ExactAnalysis, global_only
from nablab.critical.explain import notes
from nablab.critical.globality import bound_global, rays, settle
from nablab.critical.kinked import kinked_points
from nablab.critical.nonsmooth import MAX_CELLS, Kink, find_kinks, has_loci, too_many
from nablab.critical.numeric import numeric_analysis, periods
from nablab.critical.result import (
    CriticalPoint,
    CriticalPointsResult,
    GlobalAnalysis,
    GlobalExtremum,
)
from nablab.critical.rewritten import any_exact_analysis, rewrite_notes
from nablab.errors import ComputationTimeout, MemoryLimitExceeded, UnsupportedError
from nablab.parse import parse
from nablab.solve import INFINITE
from nablab.solve.newton import MAX_STARTS
from nablab.solve.system import DEFAULT_BOUND, EXACT_TIMEOUT

#: Seconds the symbolic limits along rays of a non-polynomial f may take.
RAYS_TIMEOUT = 1.0


def critical_points(f: Expression | str, domain: DomainLike | None = None, *,
                    exact_timeout: float | None = EXACT_TIMEOUT,
                    max_starts: int = MAX_STARTS) -> CriticalPointsResult:
    """All critical points of f (∇f = 0), classified, with global statements and an explanation.

    Args:
        f: the function, as text (read by :func:`nablab.parse`) or an Expression.
        domain: the box to search or keep: ``"-5:5,-5:5"``, ``[(-5, 5), (-5, 5)]``,
            ``(-5, 5)`` for every variable, or ``{"x": (-5, 5), …}``. The exact method finds
            every critical point and keeps those inside; the numeric one searches it
            (default [−10, 10]ⁿ).
        exact_timeout: seconds the exact method may take before Newton takes over
            (``None``: no limit).
        max_starts: Newton's starting points per round.

    Returns:
        A :class:`~nablab.critical.result.CriticalPointsResult`.

    Raises:
        ParseError: f or the domain cannot be read.
        UnsupportedError: f is a vector, has unbound parameters, jumps (sign, H, floor,
            ceiling), or has more kinks than :mod:`nablab.critical.nonsmooth` splits.

    >>> result = critical_points("x^3 - 3x + y^2")
    >>> [(p.exact, p.kind) for p in result.points]
    [({'x': '-1', 'y': '0'}, 'saddle'), ({'x': '1', 'y': '0'}, 'minimum')]
    >>> result.complete, result.method
    (True, 'groebner')
    """
    expression = _checked(parse(f))
    box = resolve_domain(domain, expression.variable_names)
    if expression.is_constant:
        return constant_result(expression, box)
    found = _kinks(expression)
    if found:
        kinked = kinked_points(expression, found, box, exact_timeout, max_starts,
                               lambda points: _global(expression, "not_polynomial",
                                                      exact_timeout, points))
        if kinked is not None:
            return kinked
    fallback, exact = "not_polynomial", None
    if expression.expr.is_rational_function(*expression.variables):
        try:
            exact = run_bounded(any_exact_analysis, expression, timeout=exact_timeout)
        except ComputationTimeout:
            fallback = "timeout"
        except MemoryLimitExceeded:
            fallback = "memory"
        else:
            if exact.status == NOT_POLYNOMIAL:
                exact = None
            elif exact.status != INFINITE:
                return _from_exact(expression, exact, box, exact_timeout)
            elif exact.critical_set is not None and any(
                    box is None or _inside(p, box) for p in exact.points):
                return _from_set(expression, exact, box, exact_timeout)
            else:
                fallback = "infinite"
    return _from_numeric(expression, box, fallback, exact, exact_timeout, max_starts)


def _checked(expression: Expression) -> Expression:
    expression.require_scalar("critical_points")
    expression.require_numeric("critical")
    return expression


def _kinks(expression: Expression) -> tuple[Kink, ...]:
    """f's kinks and roots when some has a locus where ∇f may not exist, else ``()``.

    Raises:
        UnsupportedError: a jump (sign, H, floor, ceiling), or more kinks than
            :data:`~nablab.critical.nonsmooth.MAX_CELLS` pieces allow (roots alone: the
            usual path, as before).
    """
    found = find_kinks(expression.expr)
    if not has_loci(found):
        return ()
    if too_many(found):
        if all(k.kind == "root" for k in found):
            return ()
        raise UnsupportedError("too_many_kinks", limit=MAX_CELLS)
    return found


def constant_result(expression: Expression,
                    box: tuple[tuple[float, float], ...] | None = None) -> CriticalPointsResult:
    """f = c: ∇f = 0 everywhere, so every point is a critical point, and c is both the
    global minimum and the global maximum (each attained everywhere)."""
    value = expression.constant_value()
    exact = to_str(expression.expr)
    extremum = GlobalExtremum(value, exact, (), (), "constant",
                              value_unicode=to_unicode(expression.expr))
    analysis = GlobalAnalysis(bounded_below=True, bounded_above=True, minimum=extremum,
                              maximum=extremum)
    shown = {"value": to_unicode(expression.expr)}
    return CriticalPointsResult(
        function=exact, unicode=expression.unicode,
        variables=expression.variable_names, points=(), complete=False, method="constant",
        fallback=None, domain=box, outside_domain=0, infinite=True, solution_set=(),
        truncated=False, starts=0, periods={}, global_analysis=analysis,
        notes=(("critical.method.constant", shown), ("critical.global.constant", shown)),
        expression=expression, constant=True)


def _from_exact(expression: Expression, exact: ExactAnalysis,
                box: tuple[tuple[float, float], ...] | None,
                exact_timeout: float | None) -> CriticalPointsResult:
    inside = tuple(p for p in exact.points if box is None or _inside(p, box))
    result = CriticalPointsResult(
        function=to_str(expression.expr), unicode=expression.unicode,
        variables=expression.variable_names, points=inside, complete=True,
        method="groebner", fallback=None, domain=box,
        outside_domain=len(exact.points) - len(inside), infinite=False, solution_set=(),
        truncated=False, starts=0, periods={}, global_analysis=exact.global_analysis,
        expression=expression)
    said = notes(result, exact.example, exact_timeout)
    return replace(result, notes=said + rewrite_notes(exact, "critical.method"))


def _from_set(expression: Expression, exact: ExactAnalysis,
              box: tuple[tuple[float, float], ...] | None,
              exact_timeout: float | None) -> CriticalPointsResult:
    """A line, plane or lines of critical points, known exactly: the set and a few plain
    points of it (no numerical search)."""
    inside = tuple(p for p in exact.points if box is None or _inside(p, box))
    isolated = tuple(p for p in exact.isolated if box is None or _inside(p, box))
    assert exact.critical_set is not None
    points, analysis, critical_set = with_samples(
        exact.critical_set, exact.set_bound, exact.basis, exact.global_analysis, inside,
        expression.expr, expression.variables, isolated)
    result = CriticalPointsResult(
        function=to_str(expression.expr), unicode=expression.unicode,
        variables=expression.variable_names, points=points, complete=False,
        method="groebner", fallback="infinite", domain=box, outside_domain=0, infinite=True,
        solution_set=exact.solution_set, truncated=False, starts=0, periods={},
        global_analysis=analysis, expression=expression, critical_set=critical_set)
    set_text = "; ".join(f"{e} = 0" for e in exact.solution_set_unicode)
    return replace(result, notes=notes(result, None, exact_timeout, set_text))


def _from_numeric(expression: Expression, box: tuple[tuple[float, float], ...] | None,
                  fallback: str, exact: ExactAnalysis | None, exact_timeout: float | None,
                  max_starts: int) -> CriticalPointsResult:
    search_box = box or tuple((-DEFAULT_BOUND, DEFAULT_BOUND) for _ in expression.variables)
    found = numeric_analysis(expression, search_box, max_starts)
    points, critical_set = found.points, None
    if exact is not None:
        analysis, found_periods = exact.global_analysis, {}
        if exact.critical_set is not None:   # the set first, a few of its points
            isolated = tuple(p for p in exact.isolated if _inside(p, search_box))
            points, analysis, critical_set = with_samples(
                exact.critical_set, exact.set_bound, exact.basis, analysis, points,
                expression.expr, expression.variables, isolated)
    else:
        analysis = _global(expression, fallback, exact_timeout, points)
        points = settle(points, analysis)
        found_periods = periods(expression) if fallback == "not_polynomial" else {}
    result = CriticalPointsResult(
        function=to_str(expression.expr), unicode=expression.unicode,
        variables=expression.variable_names, points=points, complete=False,
        method="newton", fallback=fallback, domain=search_box, outside_domain=0,
        infinite=True if exact is not None else None,
        solution_set=exact.solution_set if exact is not None else (),
        truncated=found.search.truncated, starts=found.search.starts,
        periods=found_periods, global_analysis=analysis, expression=expression,
        critical_set=critical_set)
    set_text = "; ".join(exact.solution_set_unicode) if exact is not None else ""
    return replace(result, notes=notes(result, found.example, exact_timeout, set_text,
                                       len(found.points)))


def _global(expression: Expression, fallback: str, timeout: float | None,
            points: tuple[CriticalPoint, ...]) -> GlobalAnalysis:
    """Global facts without the exact critical points (lines to ±∞; a proven bound that
    numeric points reach), within budget."""
    try:
        if fallback != "not_polynomial":
            return run_bounded(global_only, expression, timeout=timeout)
        analysis = run_bounded(bound_global, expression.expr, expression.variables, points,
                               timeout=timeout)
    except (ComputationTimeout, MemoryLimitExceeded):
        return GlobalAnalysis(reason=fallback if fallback == "not_polynomial" else None)
    try:
        below, above = run_bounded(rays, expression.expr, expression.variables,
                                   timeout=None if timeout is None else min(timeout, RAYS_TIMEOUT))
    except (ComputationTimeout, MemoryLimitExceeded):
        return analysis
    decided = analysis.minimum or analysis.maximum or below or above
    return replace(analysis, below=below, above=above,
                   bounded_below=False if below else analysis.bounded_below,
                   bounded_above=False if above else analysis.bounded_above,
                   reason=None if decided else analysis.reason)


def _inside(point: CriticalPoint, box: tuple[tuple[float, float], ...]) -> bool:
    return all(lo - 1e-12 <= x <= hi + 1e-12
               for x, (lo, hi) in zip(point.point.values(), box, strict=True))


__all__ = ["critical_points"]
