"""``lagrange(f, constraints)``: the extremes of f on a constraint set, completely explained.

The method of Lagrange multipliers, as in the notes: at the highest point of f on the curve
g = k, the level curve of f touches the curve, so ∇f ∥ ∇g:

    (a) find every (x, λ) with ∇f = λ∇g and g = k;
    (b) compare f at the candidates.

Here (a) is done for several constraints (∇f = Σλᵢ∇gᵢ) and for inequalities by the KKT
conditions (every choice of binding inequalities, the rest with λᵢ = 0), exactly and
completely for polynomials (:mod:`nablab.constrained.solving`), and (b) only after it is
known that the extremes exist (:mod:`nablab.constrained.bounded`). Each candidate gets the
second-order check (:mod:`nablab.constrained.second_order`), λ is measured as the rate
∂f*/∂k (:mod:`nablab.constrained.sensitivity`), and SciPy's SLSQP checks the answer from
several starts (:mod:`nablab.constrained.crosscheck`); where the search was numeric, the
points its runs reach and the search missed are added (:mod:`nablab.constrained.adopted`).
Where f or a constraint has kinks (|x|, relu, max, min, roots) the problem is split into
pieces (:mod:`nablab.constrained.kinks`) and the points where ∇f or ∇gᵢ does not exist are
compared too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any, NamedTuple, TypeVar

from nablab.budget import run_bounded
from nablab.constrained import display as show
from nablab.constrained.adopted import adopt
from nablab.constrained.background import Helper, early_check, runs_with
from nablab.constrained.bounded import GlobalAnalysis, conclude, existence
from nablab.constrained.candidates import (
    Candidate,
    SingularPoint,
    build_candidates,
    build_singular,
)
from nablab.constrained.crosscheck import Runs, compare, starts_for
from nablab.constrained.explain import notes, reference
from nablab.constrained.functions import ProblemFunctions
from nablab.constrained.kinks import kink_notes, problem_kinks, solve_kinked
from nablab.constrained.problem import ConstraintLike, Problem, build_problem
from nablab.constrained.result import ConstraintInfo, LagrangeResult
from nablab.constrained.sensitivity import rates
from nablab.constrained.solving import Found, Solved, assemble, exact_job, singular_job
from nablab.constrained.systems import active_sets, interval_bounds, is_exact
from nablab.core.expression import Expression
from nablab.core.printing import to_str, to_unicode
from nablab.critical.domain import DomainLike, resolve_domain
from nablab.critical.rewritten import notes_for
from nablab.errors import ComputationTimeout, MemoryLimitExceeded
from nablab.solve.system import DEFAULT_BOUND, EXACT_TIMEOUT

P = TypeVar("P", Candidate, SingularPoint)


def lagrange(f: Expression | str, constraints: ConstraintLike | Sequence[ConstraintLike], *,
             variables: Sequence[str] | None = None, bounds: DomainLike | None = None,
             exact_timeout: float | None = EXACT_TIMEOUT, check: bool = True,
             given: str | Mapping[str, Any] | None = None) -> LagrangeResult:
    """Every candidate for an extremum of f subject to the constraints, classified.

    With L = f − Σλᵢ(gᵢ − kᵢ), the candidates solve ∇f = Σλᵢ∇gᵢ and gᵢ = kᵢ (equalities
    and binding inequalities); an inequality's multiplier must have the KKT sign (λᵢ ≥ 0 on
    a binding g ≤ k for a maximum, ≤ 0 for a minimum). λᵢ = ∂f*/∂kᵢ.

    Args:
        f: the function, as text or an Expression.
        constraints: one or several constraints, as text (``"2(x-1)^2 - 10y + 6 = 0"``,
            ``"x + y <= 2"``) or :class:`~nablab.Relation`; ``=``, ``<=``, ``>=``.
        variables: the variables, in order (default: f's, then the constraints' others).
        bounds: the box a numeric search covers (default [−10, 10]ⁿ); the exact method finds
            every real candidate wherever it is.
        exact_timeout: seconds for the exact solve (``None``: no limit), then Newton.
        check: run the SciPy SLSQP cross-check.
        given: exact values for named constants, ``"a=2,k=pi"`` or ``{"a": 2}``: the
            problem is solved with those numbers in (exactly), the names no longer variables.

    Returns:
        A :class:`~nablab.constrained.result.LagrangeResult`.

    Raises:
        ParseError: f, a constraint or ``bounds`` cannot be read.
        UnsupportedError: a strict inequality, a constraint without variables, too many
            constraints or variables, a vector f, a jump (sign, H, floor, ceiling) or more
            kinks than can be split into pieces.

    >>> result = lagrange("4 - x^2 - 2y^2", "2(x-1)^2 - 10y + 6 = 0")
    >>> [(c.unicode, c.kind) for c in result.candidates]
    [('(0.353532, 0.683584)', 'maximum')]
    >>> round(result.maximum.value, 5), result.minimum, result.global_analysis.below
    (2.94044, None, False)
    """
    problem = build_problem(f, constraints, variables, given)
    box = resolve_domain(bounds, problem.names) or tuple(
        (-DEFAULT_BOUND, DEFAULT_BOUND) for _ in problem.variables)
    funcs = ProblemFunctions(problem)
    # SciPy is imported by a helper while the exact solve runs (background.py)
    with early_check(problem, funcs, check) as helper:
        found = problem_kinks(problem)
        taken: Taken | None = None
        if found:
            kinked = solve_kinked(problem, found, box, exact_timeout)
            solved, analysis = kinked.solved, kinked.analysis
            candidates, singular = kinked.candidates, kinked.singular
        else:
            facts, solved = _solve(problem, box, exact_timeout)
            candidates = build_candidates(problem, funcs, solved.stationary)
            if check:
                solved, candidates, taken = _adopting(problem, funcs, helper, solved, candidates)
            singular = build_singular(problem, funcs, solved.singular, candidates)
            complete = solved.complete and solved.regular is True
            analysis = conclude(facts, candidates, singular, complete)
        candidates, singular = _marked(candidates, analysis), _marked(singular, analysis)
        result = _result(problem, solved, candidates, singular, analysis)
        ref = reference(result)
        if ref is not None:
            levels = [float(c.k) for c in problem.constraints]
            result = replace(result, sensitivity=rates(funcs, ref, levels),
                             sensitivity_at=result.candidates.index(ref))
        if check:
            if taken is None:   # the kinked path made no runs yet
                taken = _taken(problem, funcs, helper, candidates)
            checked = compare(problem, funcs, candidates, singular, analysis,
                              bool(solved.open_sets), taken.starts, taken.runs)
            result = replace(result, check=replace(checked, adopted=taken.adopted))
    said = notes(result, exact_timeout) + notes_for(solved.constants, solved.denominators,
                                                     "lagrange.method")
    if result.constant:
        said = (("lagrange.constant", {"value": result.unicode}), *said)
    if found:
        # "no singular point" would read as "∇g exists everywhere": said only where it does.
        said = (*kink_notes(result, kinked.constant),
                *(n for n in said if n[0] != "lagrange.regular.yes" or not singular))
    return replace(result, notes=said)


class Taken(NamedTuple):
    """The cross-check's SLSQP runs, made before the candidates are final: from how many
    starts, the runs, and how many candidates only they found."""

    starts: int
    runs: tuple[Runs, Runs]
    adopted: int


def _adopting(problem: Problem, funcs: ProblemFunctions, helper: Helper | None,
              solved: Solved, candidates: tuple[Candidate, ...],
              ) -> tuple[Solved, tuple[Candidate, ...], Taken]:
    """The SLSQP runs from the usual starts, and the points they reached that an incomplete
    search missed, added (:func:`~nablab.constrained.adopted.adopt`)."""
    taken = _taken(problem, funcs, helper, candidates)
    solved, adopted = adopt(problem, funcs, solved, taken.runs)
    if adopted:
        candidates = build_candidates(problem, funcs, solved.stationary)
    return solved, candidates, taken._replace(adopted=adopted)


def _taken(problem: Problem, funcs: ProblemFunctions, helper: Helper | None,
           candidates: Sequence[Candidate]) -> Taken:
    """SLSQP's runs from the starts scaled to ``candidates`` (made by the helper when it
    answers), nothing adopted yet."""
    starts = starts_for(funcs.n, candidates)
    return Taken(len(starts), runs_with(helper, problem, funcs, starts), 0)


def _symbolic(problem: Problem) -> tuple[GlobalAnalysis, Solved | None,
                                         tuple[tuple[Found, ...], bool] | None]:
    """The one bounded job: existence of the extremes, then every active set solved exactly
    (polynomial f and gᵢ) or only the singular systems (polynomial gᵢ)."""
    facts = existence(problem)
    exact = (exact_job(problem) if is_exact(problem) or interval_bounds(problem) is not None
             else None)
    if exact is not None:
        return facts, exact, None
    if is_exact(problem, objective=False):
        return facts, None, singular_job(problem)
    return facts, None, None


def _solve(problem: Problem, box: Sequence[tuple[float, float]],
           timeout: float | None) -> tuple[GlobalAnalysis, Solved]:
    """Run :func:`_symbolic` under the budget; over budget, Newton and the existence facts
    alone (given a second, short budget)."""
    fallback = "not_polynomial"
    try:
        facts, exact, singular = run_bounded(_symbolic, problem, timeout=timeout)
    except (ComputationTimeout, MemoryLimitExceeded) as exc:
        fallback = "timeout" if isinstance(exc, ComputationTimeout) else "memory"
        exact, singular = None, None
        try:
            facts = run_bounded(existence, problem,
                                 timeout=None if timeout is None else min(1.0, timeout))
        except (ComputationTimeout, MemoryLimitExceeded):
            facts = GlobalAnalysis()
    return facts, assemble(problem, box, exact, singular, fallback)


def _marked(points: tuple[P, ...], analysis: GlobalAnalysis) -> tuple[P, ...]:
    """Each point with ``extreme`` set when it attains the global maximum / minimum."""
    top = analysis.maximum.points if analysis.maximum else ()
    bottom = analysis.minimum.points if analysis.minimum else ()
    out = []
    for p in points:
        marks = (p.point in top, p.point in bottom)
        extreme = {(True, True): "both", (True, False): "maximum",
                   (False, True): "minimum"}.get(marks)
        out.append(replace(p, extreme=extreme))
    return tuple(out)


def _result(problem: Problem, solved: Solved, candidates: tuple[Candidate, ...],
            singular: tuple[SingularPoint, ...], analysis: GlobalAnalysis) -> LagrangeResult:
    lagrangian = show.lagrangian(problem)
    system = show.system(problem)
    vector = show.vector_form(problem)
    f = problem.objective
    if f.variables != problem.variables:   # x² under x + y = 1 is drawn as f(x, y)
        f = replace(f, variables=problem.variables, _cache={})
    return LagrangeResult(
        objective=f, function=to_str(f.expr), unicode=f.unicode, latex=f.latex,
        variables=problem.names, constraints=tuple(_info(problem, i)
                                                   for i in range(len(problem.constraints))),
        lagrangian=lagrangian.str, lagrangian_unicode=lagrangian.unicode,
        lagrangian_latex=lagrangian.latex, lagrangian_head=show.lagrangian_head(problem).unicode,
        system=tuple(w.unicode for w in system), system_latex=tuple(w.latex for w in system),
        vector_form=vector.unicode, vector_form_latex=vector.latex, candidates=candidates,
        singular_points=singular, global_analysis=analysis, method=solved.method,
        complete=solved.complete and solved.regular is True, fallback=solved.fallback,
        regular=solved.regular, infinite=solved.infinite, starts=solved.starts,
        bounds=solved.bounds, active_sets=sum(1 for _ in active_sets(problem)), check=None,
        sensitivity=(), sensitivity_at=None)


def _info(problem: Problem, i: int) -> ConstraintInfo:
    c = problem.constraints[i]
    written = show.relation(c)
    return ConstraintInfo(c.relation, c.g, c.k, float(c.k), c.op, c.kind, c.multiplier.name,
                          to_unicode(c.multiplier), to_str(c.g), to_unicode(c.g),
                          written.unicode, written.latex, written.str)


__all__ = ["lagrange"]
