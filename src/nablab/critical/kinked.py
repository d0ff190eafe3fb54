"""Critical points of an f with kinks: ∇F_σ = 0 inside each piece, and the points where ∇f
does not exist (:mod:`nablab.critical.nonsmooth`), each classified.

Inside a piece f is differentiable and its critical points are classified by the Hessian as
usual. A point where ∇f does not exist is classified in one variable by the one-sided
behaviour, exactly: the signs of f(a − t) − f(a) and f(a + t) − f(a) for small t > 0, read
from the first non-zero limit of (f(a ± t) − f(a))/tᵏ (k = 1 is the one-sided derivative
f′(a±)): both positive, a minimum; both negative, a maximum; opposite, neither. At the end
of f's domain (x = 2 of √(4 − x²)) only one side exists and decides. In several variables
f is sampled on small spheres around the point (numerical evidence, said so).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

import numpy as np
import sympy

from nablab.budget import run_bounded
from nablab.core.catalog import CATALOG
from nablab.core.expression import Expression
from nablab.core.printing import to_str, to_unicode
from nablab.critical import display
from nablab.critical.degenerate import neighbourhood_directions
from nablab.critical.exact import NOT_POLYNOMIAL, ExactAnalysis, as_polynomial, exact_analysis
from nablab.critical.explain import counterexample, notes
from nablab.critical.globality import settle
from nablab.critical.nonsmooth import (
    Cell,
    Kink,
    StratumSolution,
    cells,
    differentiable_at,
    in_cell,
    limit_text,
    locus_text,
    solve_stratum,
    stratum_equations,
)
from nablab.critical.numeric import classify_solution, numeric_analysis
from nablab.critical.result import (
    CriticalPoint,
    CriticalPointsResult,
    ExtremumTest,
    GlobalAnalysis,
    Note,
)
from nablab.errors import ComputationTimeout, MemoryLimitExceeded
from nablab.numeric import compile
from nablab.solve import INFINITE, Solution, lambdify_system, newton_multistart
from nablab.solve._roots import short_exact
from nablab.solve.system import DEFAULT_BOUND

Box = tuple[tuple[float, float], ...]
#: Seconds for the one-sided limits of all points together.
LIMIT_TIMEOUT = 3.0
#: Radii f is sampled at around a point where ∇f does not exist.
RADII = (1e-2, 1e-3, 1e-4)
#: Newton's starts per piece at least (the caller's are shared among the pieces Newton
#: searches), and seconds for all of them after the exact job gave up.
MIN_STARTS = 256
NUMERIC_SECONDS = 4.0
#: Multipliers' box for Newton on a stratum's Lagrange system.
MULTIPLIER_BOUND = 100.0


def kinked_points(expression: Expression, kinks: Sequence[Kink], box: Box | None,
                  exact_timeout: float | None, max_starts: int,
                  facts: Callable[[tuple[CriticalPoint, ...]], GlobalAnalysis] | None = None,
                  ) -> CriticalPointsResult | None:
    """Every piece's critical points and every point where ∇f does not exist, classified;
    ``None`` when f's only kinks are roots and no point of their loci is a candidate (then
    the usual path is unchanged). ``facts`` gives the global statements from the points
    found (proven bounds they reach, rays), as for any non-polynomial f."""
    variables = expression.variables
    pieces = cells(expression.expr, kinks)
    search = box or tuple((-DEFAULT_BOUND, DEFAULT_BOUND) for _ in variables)
    fallback: str | None = None
    try:
        solved: list[Any] = run_bounded(_exact_cells, expression, pieces, timeout=exact_timeout)
    except (ComputationTimeout, MemoryLimitExceeded) as exc:
        fallback = "timeout" if isinstance(exc, ComputationTimeout) else "memory"
        solved = [None] * len(pieces)
    state = _State()
    starts = max(MIN_STARTS, max_starts // max(1, sum(e is None for e in solved)))
    deadline = time.monotonic() + NUMERIC_SECONDS
    for cell, exact in zip(pieces, solved, strict=True):
        if exact is None and time.monotonic() > deadline:
            state.complete = False          # out of time: this piece is not searched
        elif cell.open:
            _open_cell(expression, cell, exact, search, starts, state)
        else:
            _stratum(expression, cell, exact, search, starts, state)
    if not state.kinked and all(k.kind == "root" for k in kinks):
        return None
    kinked = _classified(expression, _distinct(state.kinked))
    every = sorted([*state.smooth, *kinked], key=lambda p: tuple(p.point.values()))
    inside = tuple(p for p in every if box is None or _inside(p, box))
    analysis = GlobalAnalysis(reason="not_polynomial") if facts is None else facts(inside)
    inside = settle(inside, analysis)
    if fallback is None and not state.complete:
        fallback = "infinite" if state.pieces else "not_polynomial"
    exact_path = state.complete and fallback is None
    result = CriticalPointsResult(
        function=to_str(expression.expr), unicode=expression.unicode,
        variables=expression.variable_names, points=inside, complete=exact_path,
        method="groebner" if exact_path else "newton", fallback=fallback,
        domain=box if exact_path else search, outside_domain=len(every) - len(inside),
        infinite=(True if state.pieces else None) if not exact_path else False,
        solution_set=tuple(state.pieces), truncated=False, starts=state.starts, periods={},
        global_analysis=analysis, expression=expression)
    compiled = compile(expression)
    example = counterexample(result.points, lambda z: compiled.f(*z),
                             lambda x: compiled.hess(*x))
    return replace(result, notes=_notes(result, example, exact_timeout, state))


class _State:
    """What the cells gave, gathered."""

    def __init__(self) -> None:
        self.smooth: list[CriticalPoint] = []
        self.kinked: list[tuple[Cell, Solution]] = []
        self.complete = True
        self.starts = 0
        self.pieces: list[str] = []


def _exact_cells(expression: Expression, pieces: Sequence[Cell]) -> list[Any]:
    """The bounded job: each open cell's exact analysis, each stratum's exact solve."""
    out: list[Any] = []
    for cell in pieces:
        piece = Expression.from_sympy(cell.function, expression.variables)
        if cell.open and as_polynomial(piece) is not None:
            out.append(exact_analysis(piece))
        elif cell.open:     # roots: ∇F's numerators may still be polynomials
            out.append(solve_stratum(stratum_equations(cell.function, (), piece.variables),
                                     piece.variables))
        else:
            equations = stratum_equations(cell.function, cell.loci, expression.variables)
            out.append(solve_stratum(equations, expression.variables))
    return out


def _open_cell(expression: Expression, cell: Cell, exact: Any, search: Box, max_starts: int,
               state: _State) -> None:
    variables = expression.variables
    piece = Expression.from_sympy(cell.function, variables)
    if piece.is_constant:
        if _occupied(cell, variables, search):
            state.complete = False
            state.pieces.append(_piece_text(cell, piece))
        return
    found: Sequence[CriticalPoint]
    if isinstance(exact, StratumSolution) and exact.status == "finite":
        found = _radical_points(piece, cell, exact.solutions)
    elif isinstance(exact, ExactAnalysis) and exact.status not in (NOT_POLYNOMIAL, INFINITE):
        found = exact.points
    else:
        state.complete = False
        numeric = numeric_analysis(piece, search, max_starts)
        state.starts += numeric.search.starts
        found = numeric.points
    state.smooth += [p for p in found
                     if in_cell(cell, variables, tuple(p.point.values()), None)]


def _radical_points(piece: Expression, cell: Cell,
                    solutions: Sequence[Solution]) -> list[CriticalPoint]:
    """The zeros of ∇F's numerators where F is differentiable, classified (the Hessian in
    floats), with their exact coordinates and value."""
    out = []
    for s in solutions:
        if not differentiable_at(cell.function, piece.variables, s.x):
            continue
        point = classify_solution(piece, s)
        if point is None:
            continue
        value, value_exact = _value(piece, s)
        out.append(replace(point, exact={n: to_str(e) for n, e in zip(
            piece.variable_names, s.exact, strict=True)} if s.is_exact else None,
            value=value, value_exact=None if value_exact is None else to_str(value_exact),
            unicode=display.point(s.x, s.exact if s.is_exact else None),
            value_unicode=display.coordinate(value, value_exact)))
    return out


def _occupied(cell: Cell, variables: Sequence[sympy.Symbol], search: Box) -> bool:
    """Whether a grid of the box has a point in the (open) cell; a cell no grid point
    reaches is taken as empty (its boundary points are found on the kinks anyway)."""
    k = max(3, int(4096 ** (1 / len(variables))))
    axes = [np.linspace(lo, hi, k) for lo, hi in search]
    grid = np.stack([a.ravel() for a in np.meshgrid(*axes, indexing="ij")])
    inside = np.ones(grid.shape[1], dtype=bool)
    for u, s in cell.sides:
        values = sympy.lambdify(list(variables), u, "numpy")(*grid)
        with np.errstate(all="ignore"):
            inside &= np.broadcast_to(np.asarray(values, dtype=float) * s > 0, inside.shape)
    return bool(np.any(inside))


def _piece_text(cell: Cell, piece: Expression) -> str:
    """``x + 1 > 0, x − 1 < 0: f = 2`` (the JSON's ``solution_set`` entry)."""
    sides = ", ".join(f"{to_unicode(u)} {'>' if s > 0 else '<'} 0" for u, s in cell.sides)
    return f"{sides}: f = {piece.unicode}"


def _stratum(expression: Expression, cell: Cell, exact: StratumSolution | None, search: Box,
             max_starts: int, state: _State) -> None:
    variables = expression.variables
    if exact is not None and exact.status == "finite":
        solutions = tuple(s for s in exact.solutions
                          if differentiable_at(cell.function, variables, s.x))
    else:
        state.complete = False
        solutions = _newton_stratum(cell, variables, search, max_starts, state)
    state.kinked += [(cell, s) for s in solutions
                     if in_cell(cell, variables, s.x, s.exact if s.is_exact else None)]


def _newton_stratum(cell: Cell, variables: Sequence[sympy.Symbol], search: Box,
                    max_starts: int, state: _State) -> tuple[Solution, ...]:
    """Newton on ∇F = Σλᵢ∇uᵢ, uᵢ = 0 (or on uᵢ = 0 alone when they are as many as x)."""
    n, m = len(variables), len(cell.loci)
    if m > n:
        return ()
    if m == n:
        equations, unknowns = list(cell.loci), list(variables)
    else:
        lams = [sympy.Dummy(f"l{i}") for i in range(m)]
        equations = [sympy.diff(cell.function, v) - sum(
            (lam * sympy.diff(u, v) for lam, u in zip(lams, cell.loci, strict=True)),
            sympy.Integer(0)) for v in variables] + list(cell.loci)
        unknowns = [*variables, *lams]
    fun, jac = lambdify_system(equations, unknowns)
    bounds = list(search) + [(-MULTIPLIER_BOUND, MULTIPLIER_BOUND)] * (len(unknowns) - n)
    found = newton_multistart(fun, jac, bounds, max_starts=max_starts)
    state.starts += found.starts
    return tuple(Solution(s.x[:n], (None,) * n, s.residual) for s in found.solutions)


def _distinct(points: Sequence[tuple[Cell, Solution]]) -> list[tuple[Cell, Solution]]:
    out: list[tuple[Cell, Solution]] = []
    for cell, s in points:
        x = np.asarray(s.x, dtype=float)
        if all(np.max(np.abs(x - np.asarray(t.x))) > 1e-8 * max(1.0, float(np.max(np.abs(x))))
               for _, t in out):
            out.append((cell, s))
    return out


def _classified(expression: Expression,
                points: Sequence[tuple[Cell, Solution]]) -> list[CriticalPoint]:
    """Each point where ∇f does not exist, with its value and local test. In one variable a
    point whose one-sided derivatives agree is differentiable after all (|x|³, x|x| at 0):
    kept as an ordinary critical point when f′(a) = 0, dropped otherwise."""
    if not points:
        return []
    tests: list[tuple[ExtremumTest, tuple[str, str]] | None] = [None] * len(points)
    if len(expression.variables) == 1:
        exact = [s.exact[0] if s.is_exact else None for _, s in points]
        try:
            tests = run_bounded(_one_sided_all, expression, exact, timeout=LIMIT_TIMEOUT)
        except (ComputationTimeout, MemoryLimitExceeded):
            pass
    compiled = compile(expression)
    out = []
    for (cell, s), found in zip(points, tests, strict=True):
        value, value_exact = _value(expression, s)
        if found is None:
            test, sides = _sampled(lambda *z: compiled.f(*z), s.x, value), None
            if len(expression.variables) == 1:
                sides = None
        else:
            test, sides = found
        smooth = sides is not None and sides[0] == sides[1] and bool(sides[0]) \
            and "∞" not in sides[0]
        if smooth and sides is not None and sides[0] != "0":
            continue        # f′(a) exists and is not 0 (|x|³ + x at 0): no critical point
        kind = {"minimum": "minimum", "maximum": "maximum",
                "not_extremum": "not_extremum"}.get(test.result, "undecided")
        exact_dict = ({n: to_str(e) for n, e in zip(expression.variable_names, s.exact,
                                                     strict=True)} if s.is_exact else None)
        out.append(CriticalPoint(
            dict(zip(expression.variable_names, s.x, strict=True)), exact_dict, value,
            None if value_exact is None else to_str(value_exact), kind, (), s.residual, test,
            display.point(s.x, s.exact if s.is_exact else None),
            display.coordinate(value, value_exact), differentiable=smooth,
            locus=() if smooth else locus_text(cell), one_sided=None if smooth else sides))
    return out


def _value(expression: Expression, s: Solution) -> tuple[float, Any | None]:
    if s.is_exact:
        exact = sympy.radsimp(expression.expr.xreplace(
            dict(zip(expression.variables, s.exact, strict=True))))
        if exact.is_number and exact.is_real:
            return float(exact.evalf(30)) + 0.0, short_exact(exact)
    return float(compile(expression).f(*s.x)) + 0.0, None


def _one_sided_all(expression: Expression, points: Sequence[Any | None],
                   ) -> list[tuple[ExtremumTest, tuple[str, str]] | None]:
    """The bounded job: the one-sided test at each exact point of a one-variable f."""
    return [None if a is None else _one_sided(expression.expr, expression.variables[0], a)
            for a in points]


def _one_sided(expr: Any, var: sympy.Symbol, a: Any,
               ) -> tuple[ExtremumTest, tuple[str, str]] | None:
    """(the test from the signs of f(a ± t) − f(a), (f′(a−), f′(a+)) as written)."""
    t = sympy.Symbol("t", positive=True)
    expr = _without_max(expr)
    at = expr.xreplace({var: a})
    signs: list[int | None] = []
    slopes: list[str] = []
    for s in (-1, 1):
        near = expr.xreplace({var: a + s * t})
        if not _defined(near, t):
            signs.append(None)
            slopes.append("")
            continue
        difference = near - at
        orders = [sympy.limit(difference / t**k, t, 0, "+") for k in range(1, 5)]
        if any(not (o.is_extended_real and (o.is_finite or o.is_infinite)) for o in orders):
            return None
        slopes.append(limit_text(s * orders[0]))
        signs.append(next((1 if o > 0 else -1 for o in orders if o != 0),
                          0 if _flat(difference, t) else 2))
    return _side_verdict(signs), (slopes[0], slopes[1])


def _without_max(expr: Any) -> Any:
    """max(a, b) = (a + b + |a − b|)/2, min(a, b) = (a + b − |a − b|)/2, relu(u) = (u + |u|)/2:
    the forms SymPy's one-sided limits can expand."""
    def rebuild(node: Any) -> Any:
        if not node.args:
            return node
        args = [rebuild(arg) for arg in node.args]
        if isinstance(node, (sympy.Max, sympy.Min)) and len(args) == 2:
            a, b = args
            sign = 1 if isinstance(node, sympy.Max) else -1
            return (a + b + sign * sympy.Abs(a - b)) / 2
        row = CATALOG.of(node)
        if row is not None and row.kink == "relu":
            return (args[0] + sympy.Abs(args[0])) / 2
        return node.func(*args)
    return rebuild(expr)


def _flat(difference: Any, t: sympy.Symbol) -> bool:
    """Whether f(a ± t) = f(a) for small t (f constant on that side), numerically."""
    return all(abs(complex(difference.xreplace({t: sympy.Float(h, 30)}).evalf(30))) < 1e-25
               for h in ("1e-2", "1e-3", "1e-5", "1e-7"))


def _defined(near: Any, t: sympy.Symbol) -> bool:
    """Whether f is real just beside the point (it is not past the end of its domain)."""
    for h in ("1e-6", "1e-9"):
        value = near.xreplace({t: sympy.Float(h, 30)}).evalf(30)
        if not (value.is_number and value.is_real and value.is_finite):
            return False
    return True


def _side_verdict(signs: Sequence[int | None]) -> ExtremumTest:
    """The local verdict from the signs of f(a − t) − f(a) and f(a + t) − f(a): ±1, 0 when
    f is constant on that side (a minimum and a maximum there, not strict; seen
    numerically), 2 when undecided, ``None`` where f is not defined."""
    known = [s for s in signs if s is not None and s != 0]
    proof = 0 not in signs
    if not known or 2 in known:
        return ExtremumTest("inconclusive", "one_sided", False)
    if all(s > 0 for s in known):
        return ExtremumTest("minimum", "one_sided", proof)
    if all(s < 0 for s in known):
        return ExtremumTest("maximum", "one_sided", proof)
    return ExtremumTest("not_extremum", "one_sided", True)


def _sampled(f: Any, x: Sequence[float], value: float) -> ExtremumTest:
    """f on small spheres around x: higher everywhere, lower everywhere, or both (floats)."""
    p = np.asarray(x, dtype=float)
    dirs = neighbourhood_directions(len(p))
    tol = 1e-12 * max(1.0, abs(value))
    lower = higher = seen = False
    for r in RADII:
        with np.errstate(all="ignore"):
            diff = np.asarray(f(*(p[:, None] + r * dirs.T)), dtype=float) - value
        diff = diff[np.isfinite(diff)]
        seen |= bool(diff.size)
        lower |= bool(np.any(diff < -tol))
        higher |= bool(np.any(diff > tol))
    if lower and higher:
        return ExtremumTest("not_extremum", "neighbourhood", False)
    if seen and (lower or higher):
        return ExtremumTest("maximum" if lower else "minimum", "neighbourhood", False)
    return ExtremumTest("inconclusive", "neighbourhood", False)


def _inside(point: CriticalPoint, box: Box) -> bool:
    return all(lo - 1e-12 <= x <= hi + 1e-12
               for x, (lo, hi) in zip(point.point.values(), box, strict=True))


def _notes(result: CriticalPointsResult, example: Any, exact_timeout: float | None,
           state: _State) -> tuple[Note, ...]:
    """The usual explanation, its method sentences replaced by the pieces' account."""
    base = notes(result, example, exact_timeout)
    kept = [n for n in base if not n[0].startswith(("critical.method.", "critical.fallback."))]
    kinked = [p for p in result.points if not p.differentiable]
    method: list[Note] = [("critical.method.pieces", {
        "count": sum(p.differentiable for p in result.points), "kinks": len(kinked)})]
    method += [("critical.method.constant_piece", dict(zip(("piece", "value"),
                                                           text.split(": f = "), strict=True)))
               for text in state.pieces]
    if result.complete:
        method.append(("critical.method.pieces_exact", {}))
    elif not state.pieces:
        method.append(("critical.method.pieces_numeric", {}))
    why: list[Note] = []
    if kinked:
        loci = sorted({locus for p in kinked for locus in p.locus})
        why.append(("critical.explain.kinks" if len(result.variables) > 1 else
                    "critical.explain.kinks_1d",
                    {"points": ", ".join(p.unicode for p in kinked),
                     "loci": ", ".join(loci)}))
    head = [n for n in kept if n[0].startswith(("critical.truncated", "critical.outside",
                                                "critical.periodic"))]
    rest = [n for n in kept if n not in head]
    split = next((i + 1 for i, n in enumerate(rest)
                  if n[0].startswith("critical.explain.necessary")), 0)
    return (*method, *head, *rest[:split], *why, *rest[split:])


__all__ = ["kinked_points"]
