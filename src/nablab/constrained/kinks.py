"""Lagrange where ∇f or ∇gᵢ does not exist: |u|, relu, max, min, roots u^r at u = 0.

The kinks of f and of the constraints split space into cells (:mod:`nablab.critical.nonsmooth`):
on the closed cell σ, f = F_σ and gᵢ = Gᵢ,σ, smooth, so the problem on the cell is an ordinary
one — F_σ under the Gᵢ,σ, uⱼ = 0 on the cell's loci and σⱼuⱼ ≥ 0 on its sides. The set is the
union of its closed cells, so f has a highest value on it when it has one on every cell
(existence is decided per closed cell), and it is the highest of the cells' candidates. A
point on a side of a cell lies on a locus, in a lower cell (a stratum) where that locus is an
equation, so each cell's Lagrange systems are solved without its sides (exactly when
polynomial; roots through the numerators of the minors), and its points outside the closed
cell are dropped. A point on a locus of a kink of f, or of a constraint binding there, is a
point where ∇f or ∇gᵢ does not exist: it enters the comparison like a singular point
(``reason="nondifferentiable"``). A point on a locus no kink of the problem makes special is
an ordinary candidate when the locus' multiplier vanishes (a KKT point of the problem itself),
else it is an artefact of the split, dropped.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import sympy

from nablab.budget import run_bounded
from nablab.constrained.bounded import (
    ATTAINED,
    EMPTY,
    UNBOUNDED,
    UNKNOWN,
    GlobalAnalysis,
    conclude,
    existence,
)
from nablab.constrained.candidates import Candidate, SingularPoint, build_candidates, build_singular
from nablab.constrained.functions import ProblemFunctions
from nablab.constrained.problem import Constraint, Problem
from nablab.constrained.solving import (
    MAX_SAMPLE,
    Found,
    Solved,
    assemble,
    exact_job,
    singular_job,
)
from nablab.constrained.systems import active_sets, is_polynomial, lagrange_system
from nablab.core.catalog import CATALOG
from nablab.core.expression import Expression
from nablab.core.printing import to_str, to_unicode
from nablab.critical.degenerate import neighbourhood_directions
from nablab.critical.nonsmooth import (
    MAX_CELLS,
    Cell,
    Kink,
    cells,
    differentiable_at,
    find_kinks,
    has_loci,
    solve_stratum,
    stratum_equations,
    too_many,
)
from nablab.errors import ComputationTimeout, MemoryLimitExceeded, UnsupportedError
from nablab.parse import Relation
from nablab.solve import Solution, lambdify_system, newton_multistart, polynomial_system
from nablab.solve._roots import short_exact

Box = Sequence[tuple[float, float]]
#: Tolerance for a float point on a locus, relative to max(1, ‖x‖)².
TOL = 1e-9
#: Newton starts per active set of a cell, multipliers' box, and seconds for all cells.
CELL_STARTS = 256
MULTIPLIER_BOUND = 100.0
NUMERIC_SECONDS = 4.0
#: Radii f is compared at around a point where ∇f or ∇g does not exist.
RADII = (1e-3, 1e-5)


def problem_kinks(problem: Problem) -> tuple[Kink, ...]:
    """The kinks of f and the constraints when some has a locus, else ``()``.

    Raises:
        UnsupportedError: a jump (sign, H, floor, ceiling), or too many kinks to split.
    """
    found = find_kinks(sympy.Tuple(problem.objective.expr, *(c.g for c in problem.constraints)))
    if not has_loci(found):
        return ()
    if too_many(found):
        raise UnsupportedError("too_many_kinks", limit=MAX_CELLS)
    return found


@dataclass(frozen=True)
class Kinked:
    """The merged answer of every cell.

    Attributes:
        candidates: KKT points of the problem where everything is differentiable.
        singular: singular points and points where ∇f or ∇gᵢ does not exist.
        analysis: existence and the global extremes over the whole set.
        solved: a summary for the result (method, completeness, fallback, starts).
        constant: the cells where f is constant, as (``x + 1 ≥ 0, x − 1 ≤ 0``, value).
    """

    candidates: tuple[Candidate, ...]
    singular: tuple[SingularPoint, ...]
    analysis: GlobalAnalysis
    solved: Solved
    constant: tuple[tuple[str, str], ...]


def solve_kinked(problem: Problem, kinks: Sequence[Kink], box: Box,
                 exact_timeout: float | None) -> Kinked:
    """Every cell: existence on the closed cell, the exact solve of F_σ under the constraints
    and the cell's loci (all cells in one bounded job; Newton where needed); the points
    outside the closed cell dropped, the rest mapped back and merged.

    The cell's sides are not constraints of the solve: a point on a side lies on a locus,
    that is in another cell (a stratum), where it is found — so no active set of a side is
    solved (a side along which F is constant would be a continuum of needless candidates)."""
    m = len(problem.constraints)
    owners = [_owners(problem, k) for k in kinks]
    pieces = cells(sympy.Tuple(problem.objective.expr, *(c.g for c in problem.constraints)),
                   kinks)
    closed = [_sub_problem(problem, cell, sides=True) for cell in pieces]
    subs = [_sub_problem(problem, cell, sides=False) for cell in pieces]
    fallback = "not_polynomial"
    try:
        jobs = run_bounded(_all_cells, closed, subs, timeout=exact_timeout)
    except (ComputationTimeout, MemoryLimitExceeded) as exc:
        fallback = "timeout" if isinstance(exc, ComputationTimeout) else "memory"
        jobs = [(GlobalAnalysis(), None, None)] * len(subs)
    deadline = time.monotonic() + NUMERIC_SECONDS
    candidates: list[Candidate] = []
    singular: list[SingularPoint] = []
    facts: list[GlobalAnalysis] = []
    complete, regular, starts, why = True, True, 0, None
    constant: list[tuple[str, str]] = []
    for cell, shut, sub, (cell_facts, exact, odd_found) in zip(pieces, closed, subs, jobs,
                                                               strict=True):
        flat = sub.objective.is_constant
        if flat:
            sub = shut
        if flat and exact is not None:
            solved = exact          # every point has the same value: no Newton sampling
        elif exact is not None:
            solved = assemble(sub, box, exact, odd_found, fallback)
        else:
            solved = _numeric(sub, box, odd_found, fallback, deadline)
        facts.append(_continuous_on_cell(shut, cell_facts))
        funcs = ProblemFunctions(sub)
        found = [c for c in build_candidates(sub, funcs, solved.stationary)
                 if _in_closed(cell, sub.variables, c.point)]
        odd = [p for p in build_singular(sub, funcs, solved.singular, found)
               if _in_closed(cell, sub.variables, p.point)]
        if flat:
            found = list(_exact_first(found))
            # a piece, or a locus that is more than points (x − y = 0 in the plane)
            if (found or odd) and len(cell.loci) < len(sub.variables):
                constant.append((_cell_text(cell, problem.names),
                                 to_unicode(sub.objective.expr)))
        else:
            complete &= solved.complete and solved.regular is True
            regular &= solved.regular is True
            why = why or solved.fallback
        starts += solved.starts
        for c in found:
            point = _map_candidate(problem, c, owners, kinks, m)
            if isinstance(point, Candidate):
                candidates.append(point)
            elif point is not None:
                singular.append(point)
        for p in odd:
            mapped = _map_singular(problem, funcs, p, owners, kinks, m)
            if mapped is not None:
                singular.append(mapped)
    merged_c, merged_s = _merged(candidates, singular)
    merged_s = tuple(_with_kind(problem, p) for p in merged_s)
    analysis = conclude(_combined(facts), merged_c, merged_s, complete)
    solved = Solved((), (), complete, "groebner" if complete else "newton",
                    None if complete else (why or fallback), True if regular else None,
                    starts=starts, bounds=None if complete else tuple(box))
    return Kinked(merged_c, merged_s, analysis, solved, tuple(constant))


def _all_cells(closed: Sequence[Problem], subs: Sequence[Problem]) -> list[Any]:
    """The bounded job: per cell, existence on the closed cell, then the exact solutions —
    every active set (polynomial F_σ and constraints), or :func:`_radical` (roots in F_σ)
    with the singular systems (polynomial constraints) — else ``None``."""
    out: list[Any] = []
    for shut, sub in zip(closed, subs, strict=True):
        facts = existence(shut)
        if sub.objective.is_constant:
            sub = shut      # f constant: the closed cell's corners witness its value
        if is_polynomial(sub):
            out.append((facts, exact_job(sub), None))
        elif is_polynomial(sub, objective=False):
            out.append((facts, _radical(sub), singular_job(sub)))
        else:
            out.append((facts, None, None))
    return out


def _in_closed(cell: Cell, variables: Sequence[sympy.Symbol], point: dict[str, float]) -> bool:
    """Whether the point is in the closed cell (every sᵢuᵢ ≥ 0, to a tolerance)."""
    x = [point[v.name] for v in variables]
    scale = TOL * max(1.0, max((abs(v) for v in x), default=1.0)) ** 2
    at = {v: sympy.Float(value, 30) for v, value in zip(variables, x, strict=True)}
    for u, s in cell.sides:
        number = u.xreplace(at).evalf(30)
        if not number.is_real or s * float(number) < -scale:
            return False
    return True


def _numeric(sub: Problem, box: Box, singular: tuple[tuple[Found, ...], bool] | None,
             fallback: str, deadline: float) -> Solved:
    """Newton on each active set of a cell (fewer starts than an ordinary problem: there are
    many cells), until ``deadline``; never complete."""
    found, starts = [], 0
    for active in active_sets(sub):
        if len(active) > len(sub.variables) or time.monotonic() > deadline:
            continue
        equations, unknowns = lagrange_system(sub, active)
        fun, jac = lambdify_system(equations, unknowns)
        bounds = list(box) + [(-MULTIPLIER_BOUND, MULTIPLIER_BOUND)] * len(active)
        result = newton_multistart(fun, jac, bounds, names=[str(u) for u in unknowns],
                                   max_starts=CELL_STARTS, max_roots=MAX_SAMPLE)
        starts += result.starts
        found.append(Found(active, result.solutions))
    points, continuum = singular if singular is not None else ((), False)
    return Solved(tuple(found), points, False, "newton", fallback,
                  None if singular is None else not continuum, starts=starts,
                  bounds=tuple(box), singular_infinite=continuum)


def _radical(sub: Problem) -> Solved | None:
    """Every active set S of a cell, exactly, when f has roots and the constraints are
    polynomials: gᵢ = kᵢ (i ∈ S) and the numerators of the (|S| + 1)-minors of
    [∇F; ∇gᵢ] (:func:`~nablab.critical.nonsmooth.stratum_equations`), then λ_S from
    ∇F = Σλᵢ∇gᵢ at each point where F is differentiable. ``None`` when a system is not
    polynomial or has infinitely many solutions (then Newton, as before)."""
    found = []
    f = sub.objective.expr
    for active in active_sets(sub):
        if len(active) > len(sub.variables):
            continue
        residuals = [sub.constraints[i].residual for i in active]
        solved = solve_stratum(stratum_equations(f, residuals, sub.variables), sub.variables)
        if solved.status != "finite":
            return None
        points = []
        for s in solved.solutions:
            if not differentiable_at(f, sub.variables, s.x):
                continue
            lam = _multipliers(sub, active, s)
            if lam is not None:
                points.append(Solution((*s.x, *lam[0]), (*s.exact, *lam[1]), 0.0))
        found.append(Found(active, tuple(points)))
    found_singular = singular_job(sub)
    if found_singular is None:     # the exact solver declined: the piece goes numeric
        return None
    singular, continuum = found_singular
    return Solved(tuple(found), singular, not continuum, "groebner", None, not continuum,
                  singular_infinite=continuum)


def _multipliers(sub: Problem, active: Sequence[int], s: Solution,
                 ) -> tuple[tuple[float, ...], tuple[Any, ...]] | None:
    """λ_S with ∇F = Σλᵢ∇gᵢ at the point (exactly when the point is exact), or ``None``
    where the ∇gᵢ are dependent (a singular point: found by the singular systems)."""
    if not active:
        return (), ()
    rows = sympy.Matrix([sub.gradient(sub.constraints[i].g) for i in active])
    grad = sympy.Matrix(sub.gradient(sub.objective.expr))
    if s.is_exact:
        at = dict(zip(sub.variables, s.exact, strict=True))
        jac, g = rows.xreplace(at), grad.xreplace(at).applyfunc(sympy.radsimp)
        normal = jac * jac.T
        if abs(float(normal.det().evalf(30))) < 1e-20:
            return None
        lam = normal.LUsolve(jac * g).applyfunc(sympy.radsimp)
        values = [float(v.evalf(30)) + 0.0 for v in lam]
        left = np.array(jac.T.evalf(30).tolist(), dtype=float) @ np.array(values)
        right = np.array(g.evalf(30).tolist(), dtype=float).ravel()
        if not np.allclose(left, right, rtol=1e-9, atol=1e-9):
            return None             # ∇F is not a combination of the ∇gᵢ there
        return tuple(values), tuple(short_exact(v) for v in lam)
    at_f = {v: sympy.Float(x, 30) for v, x in zip(sub.variables, s.x, strict=True)}
    jac_f = np.array(rows.xreplace(at_f).evalf(30).tolist(), dtype=float)
    g_f = np.array(grad.xreplace(at_f).evalf(30).tolist(), dtype=float).ravel()
    if np.linalg.matrix_rank(jac_f) < len(active):
        return None
    lam_f = np.linalg.lstsq(jac_f.T, g_f, rcond=None)[0]
    return tuple(float(v) + 0.0 for v in lam_f), (None,) * len(active)


def _owners(problem: Problem, kink: Kink) -> frozenset[int]:
    """Where the kink sits: −1 for f, i for constraint i."""
    out = {-1} if problem.objective.expr.has(kink.node) else set()
    out |= {i for i, c in enumerate(problem.constraints) if c.g.has(kink.node)}
    return frozenset(out)


def _sub_problem(problem: Problem, cell: Cell, sides: bool) -> Problem:
    """F_σ under the Gᵢ,σ, uⱼ = 0 on the cell's loci and (``sides``) σⱼuⱼ ≥ 0 on its
    sides."""
    f, *gs = cell.function.args
    built = [replace(c, g=g) for c, g in zip(problem.constraints, gs, strict=True)]
    zero = sympy.Integer(0)
    extra = [(u, "=") for u in cell.loci]
    if sides:
        extra += [(u, ">=" if s > 0 else "<=") for u, s in cell.sides]
    for j, (u, op) in enumerate(extra):
        relation = Relation(f"{to_str(u)} {op} 0", u, op, zero,
                            tuple(sorted(u.free_symbols, key=lambda v: v.name)))
        built.append(Constraint(relation, u, zero, op, sympy.Symbol(f"cell_{j}", real=True)))
    objective = Expression.from_sympy(_restricted(f, cell.loci, problem.variables),
                                      problem.variables)
    return Problem(objective, problem.variables, tuple(built))


def _restricted(f: Any, loci: Sequence[Any], variables: Sequence[sympy.Symbol]) -> Any:
    """F on linear loci, their pivot variables eliminated (x·y on x = 0 is 0): equal to F
    wherever the cell's points are, and constant when F is constant along the locus — then
    the cell is solved as a flat one, not as a continuum of candidates."""
    if not loci or any(polynomial_system([u], variables) is None
                       or sympy.Poly(u, *variables).total_degree() != 1 for u in loci):
        return f
    solved = sympy.linsolve(list(loci), list(variables))
    if not isinstance(solved, sympy.FiniteSet) or len(solved) != 1:
        return f
    (values,) = solved.args
    return sympy.expand(f.xreplace(dict(zip(variables, values, strict=True))))


def _continuous_on_cell(sub: Problem, facts: GlobalAnalysis) -> GlobalAnalysis:
    """On a compact cell, F_σ is continuous when its roots' arguments are kept ≥ 0 by the
    cell and its denominators are positive polynomials: then both extremes exist."""
    if facts.compact is not True or not _continuous(sub):
        return facts
    status = {s: (ATTAINED, "compact") if getattr(facts, f"{s}imum_status") == UNKNOWN
              else (getattr(facts, f"{s}imum_status"), getattr(facts, f"{s}imum_reason"))
              for s in ("max", "min")}
    return replace(facts, maximum_status=status["max"][0], maximum_reason=status["max"][1],
                   minimum_status=status["min"][0], minimum_reason=status["min"][1])


def _continuous(sub: Problem) -> bool:
    kept = {c.g for c in sub.constraints if c.op == ">=" and c.k == 0}
    for node in sympy.preorder_traversal(sub.objective.expr):
        if isinstance(node, sympy.Pow):
            base, power = node.args
            if (power.is_Integer and power >= 0) or (base.is_number and base.is_positive):
                continue
            if power.is_Rational and power > 0 and base in kept:
                continue
            if not (power.is_Rational and power < 0 and _positive(base)):
                return False
        elif isinstance(node, sympy.Function):
            row = CATALOG.of(node)
            if row is None or not row.continuous:
                return False
    return True


def _positive(expr: Any) -> bool:
    """A polynomial > 0 everywhere, seen simply: even powers with positive coefficients and a
    positive constant term (4 + x², 1 + x² + y⁴)."""
    try:
        poly = sympy.Poly(expr, *sorted(expr.free_symbols, key=lambda v: v.name))
    except sympy.PolynomialError:
        return False
    terms = poly.terms()
    return (all(c > 0 and all(e % 2 == 0 for e in m) for m, c in terms)
            and any(not any(m) for m, _ in terms))


def _exact_first(found: Sequence[Candidate]) -> tuple[Candidate, ...]:
    """On a cell where f is constant, the points found exactly (a sample otherwise)."""
    exact = tuple(c for c in found if c.exact is not None)
    return exact or tuple(found[:1])


def _cell_text(cell: Cell, names: Sequence[str]) -> str:
    parts = [f"{to_unicode(u)} = 0" for u in cell.loci]
    parts += [f"{to_unicode(u)} {'≥' if s > 0 else '≤'} 0" for u, s in cell.sides]
    return ", ".join(parts) or ", ".join(names)


def _real_loci(problem: Problem, point: dict[str, float], active: Sequence[bool],
               kinks: Sequence[Kink],
               owners: Sequence[frozenset[int]]) -> list[str]:
    """The loci through the point of a kink of f or of a constraint binding there."""
    x = np.array(list(point.values()), dtype=float)
    scale = TOL * max(1.0, float(np.abs(x).max()) if x.size else 1.0) ** 2
    at_float = {v: sympy.Float(point[v.name], 30) for v in problem.variables}
    out = []
    for kink, owner in zip(kinks, owners, strict=True):
        if not (-1 in owner or any(active[i] for i in owner if i >= 0)):
            continue
        if 0 not in kink.signs:
            continue
        u = _argument(kink)
        number = u.xreplace(at_float).evalf(30)
        if number.is_real and abs(float(number)) <= scale:
            out.append(f"{to_unicode(u)} = 0")
    return out


def _argument(kink: Kink) -> Any:
    if kink.kind in ("max", "min"):
        return kink.node.args[0] - kink.node.args[1]
    return kink.node.args[0] if kink.kind != "root" else kink.node.base


def _map_candidate(problem: Problem, c: Candidate, owners: Sequence[frozenset[int]],
                   kinks: Sequence[Kink], m: int) -> Candidate | SingularPoint | None:
    """A cell's KKT point as a point of the problem (``None``: an artefact of the split)."""
    loci = _real_loci(problem, c.point, c.active, kinks, owners)
    if loci:
        return _nondifferentiable(c.point, c.exact, c.value, c.value_exact, c.active[:m],
                                  c.unicode, c.value_unicode, loci)
    scale = 1e-9 * max(1.0, float(np.abs(np.asarray(c.gradient)).max()))
    if any(abs(v) > scale for v in c.multipliers[m:]):
        return None
    return replace(c, multipliers=c.multipliers[:m], multipliers_exact=c.multipliers_exact[:m],
                   multipliers_unicode=c.multipliers_unicode[:m], active=c.active[:m],
                   constraint_gradients=c.constraint_gradients[:m])


def _map_singular(problem: Problem, funcs: ProblemFunctions, p: SingularPoint,
                  owners: Sequence[frozenset[int]],
                  kinks: Sequence[Kink], m: int) -> SingularPoint | None:
    """A cell's singular point as a point of the problem: where ∇f or ∇gᵢ does not exist,
    singular when the binding constraints' gradients are dependent, else ``None``."""
    loci = _real_loci(problem, p.point, p.active, kinks, owners)
    if loci:
        return _nondifferentiable(p.point, p.exact, p.value, p.value_exact, p.active[:m],
                                  p.unicode, p.value_unicode, loci)
    binding = [i for i in range(m) if p.active[i]]
    if not binding:
        return None
    jac = funcs.jac(np.array(list(p.point.values()), dtype=float))[binding]
    if np.linalg.matrix_rank(jac, tol=1e-9 * max(1.0, float(np.abs(jac).max()))) == len(binding):
        return None
    return replace(p, active=p.active[:m])


def _nondifferentiable(point: dict[str, float], exact: dict[str, str] | None, value: float,
                       value_exact: str | None, active: tuple[bool, ...], unicode: str,
                       value_unicode: str, loci: Sequence[str]) -> SingularPoint:
    return SingularPoint(dict(point), exact, value, value_exact, tuple(active), unicode,
                         value_unicode, reason="nondifferentiable", locus=tuple(loci))


def _merged(candidates: Sequence[Candidate], singular: Sequence[SingularPoint],
            ) -> tuple[tuple[Candidate, ...], tuple[SingularPoint, ...]]:
    """Each point once (several cells meet there): where ∇ does not exist first, then a
    candidate, then a singular point; the loci of all cells joined."""
    kept: list[Candidate | SingularPoint] = []
    every: list[Candidate | SingularPoint] = [*singular, *candidates]
    order = sorted(every, key=lambda p: (
        not (isinstance(p, SingularPoint) and p.reason == "nondifferentiable"),
        isinstance(p, SingularPoint)))
    for p in order:
        x = np.array(list(p.point.values()))
        twin = next((i for i, q in enumerate(kept) if _same(x, np.array(list(q.point.values())))),
                    None)
        if twin is None:
            kept.append(p)
            continue
        q = kept[twin]
        if isinstance(q, SingularPoint) and isinstance(p, SingularPoint) and p.locus:
            kept[twin] = replace(q, locus=tuple(dict.fromkeys((*q.locus, *p.locus))))
    key = lambda p: tuple(p.point.values())  # noqa: E731
    return (tuple(sorted((p for p in kept if isinstance(p, Candidate)), key=key)),
            tuple(sorted((p for p in kept if isinstance(p, SingularPoint)), key=key)))


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    return bool(np.max(np.abs(a - b)) <= 1e-8 * max(1.0, float(np.abs(a).max())))


def _with_kind(problem: Problem, p: SingularPoint) -> SingularPoint:
    """The local verdict at a point where ∇f or ∇g does not exist: f compared with feasible
    points on small spheres around it (numerical evidence; equality constraints: unknown)."""
    if p.reason != "nondifferentiable":
        return p
    if problem.equalities:
        return replace(p, kind="unknown")
    funcs = _Original(problem)
    x = np.array(list(p.point.values()), dtype=float)
    dirs = neighbourhood_directions(len(x))
    tol = 1e-12 * max(1.0, abs(p.value))
    lower = higher = False
    for r in RADII:
        near = x[:, None] + r * dirs.T
        with np.errstate(all="ignore"):
            feasible = funcs.feasible(near)
            diff = funcs.f(near)[feasible] - p.value
        diff = diff[np.isfinite(diff)]
        lower |= bool(np.any(diff < -tol))
        higher |= bool(np.any(diff > tol))
    kind = ("neither" if lower and higher else "maximum" if lower else
            "minimum" if higher else "unknown")
    return replace(p, kind=kind)


class _Original:
    """f and the constraints of the problem itself, as NumPy functions (kinks and all)."""

    def __init__(self, problem: Problem) -> None:
        xs = list(problem.variables)
        self._f = sympy.lambdify(xs, problem.objective.expr, "numpy")
        self._g = [(sympy.lambdify(xs, c.residual, "numpy"), c.side)
                   for c in problem.constraints]

    def f(self, points: np.ndarray) -> np.ndarray:
        return np.broadcast_to(np.asarray(self._f(*points), dtype=float), points.shape[1:])

    def feasible(self, points: np.ndarray) -> np.ndarray:
        ok = np.ones(points.shape[1:], dtype=bool)
        for g, side in self._g:
            value = np.broadcast_to(np.asarray(g(*points), dtype=float), ok.shape)
            ok &= side * value <= 1e-12
        return ok


def _combined(facts: Sequence[GlobalAnalysis]) -> GlobalAnalysis:
    """Existence on the union of the cells: an extreme exists when it does on every
    non-empty cell; none when f is unbounded on one."""
    status: dict[str, tuple[str, str | None]] = {}
    for sense in ("maximum", "minimum"):
        seen = [(getattr(a, f"{sense}_status"), getattr(a, f"{sense}_reason")) for a in facts]
        live = [s for s in seen if s[0] != EMPTY]
        if any(s[0] == UNBOUNDED for s in live):
            status[sense] = next(s for s in live if s[0] == UNBOUNDED)
        elif not live:
            status[sense] = (EMPTY, None)
        elif all(s[0] == ATTAINED for s in live):
            status[sense] = (ATTAINED, "pieces")
        else:
            status[sense] = (UNKNOWN, None)
    compact = [a.compact for a in facts if a.maximum_status != EMPTY]
    return GlobalAnalysis(
        maximum_status=status["maximum"][0], maximum_reason=status["maximum"][1],
        minimum_status=status["minimum"][0], minimum_reason=status["minimum"][1],
        compact=True if compact and all(c is True for c in compact) else
        False if any(c is False for c in compact) else None,
        compact_reason="pieces" if compact and all(c is True for c in compact) else None,
        up=next((a.up for a in facts if a.up is not None), None),
        down=next((a.down for a in facts if a.down is not None), None))




Note = tuple[str, dict[str, Any]]


def kink_notes(result: Any, constant: Sequence[tuple[str, str]]) -> tuple[Note, ...]:
    """How the pieces were used, the points where ∇f or ∇g does not exist, the pieces where
    f is constant (catalogue keys, method section)."""
    loci = sorted({locus for p in result.singular_points for locus in p.locus})
    points = [p for p in result.singular_points if p.reason == "nondifferentiable"]
    out: list[Note] = [("lagrange.method.kinks", {})]
    if points:
        out.append(("lagrange.method.kink_points", {
            "points": ", ".join(p.unicode for p in points), "loci": ", ".join(loci)}))
    out += [("lagrange.method.constant_piece", {"piece": piece, "value": value})
            for piece, value in constant]
    return tuple(out)


__all__ = ["Kinked", "kink_notes", "problem_kinks", "solve_kinked"]
