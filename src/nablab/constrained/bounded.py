"""Does f have a highest / lowest value on the constraint set S, and which candidate is it?

Existence first, then comparison — the notes' step (b) is only right once existence is known:

- **S compact** (closed and bounded) and f continuous: both extremes exist (Weierstrass).
  S is bounded when, after eliminating variables (:mod:`nablab.constrained.reduce`), a
  constraint alone bounds it — an equality or ``≤`` side whose highest-degree part is definite
  (x² + y² = 1) — or its linear constraints cut out a bounded polyhedron (no recession
  direction: checked exactly on the extreme rays of the recession cone), or interval bounds
  propagated through the constraints become finite (:mod:`nablab.constrained.boxes`: x² ≤ y
  and x + y ≤ 2), or no variable is left.
- **f → −∞ far out on S** (f's highest-degree part, on the reduced problem, negative
  definite): every set {x ∈ S : f(x) ≥ c} is bounded, so a highest point exists, and no
  lowest can be promised. The notes' path: f = 4 − x² − 2y² with y = ((x − 1)² + 3)/5 is a
  quartic in x with leading term −2x⁴/25.
- **f → −∞ far out on S because S lies in a polyhedron** whose recession cone holds no
  direction where f's highest-degree part is ≥ 0 (:mod:`nablab.constrained.cones`):
  −3x² − 4xy − y² on the quadrant x, y ≥ 0. A highest point exists.
- **Linear f, linear constraints**: bounded above exactly when f does not increase along any
  direction of recession of the polyhedron, and then attained (linear programming).
- **f constant on S** (after elimination): every point is both highest and lowest.
- **A curve in S along which f → ±∞** (:mod:`nablab.constrained.curves`, a branch of a
  plane curve: :mod:`nablab.constrained.branches`, or into a pole of f at a point of S:
  :mod:`nablab.constrained.poles`): that extreme does not exist, proven exactly.

When an extreme exists and is attained at a regular point, it is a KKT point with the right
multiplier signs; otherwise it is a singular point. So with every candidate and every
singular point known (``complete``), the best of them is the global extreme (``proven``).
Otherwise nothing is claimed (``None``), never a guess.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import sympy

from nablab.constrained import boxes
from nablab.constrained.branches import unbounded_branches
from nablab.constrained.candidates import Candidate, SingularPoint
from nablab.constrained.cones import sign_on_cone
from nablab.constrained.continuity import (
    Continuity,
    enclosing_box,
    everywhere,
    on_set,
    sided,
)
from nablab.constrained.curves import Curve, unbounded_curves
from nablab.constrained.poles import pole_curves
from nablab.constrained.problem import Problem
from nablab.constrained.reduce import Reduced, reduce
from nablab.constrained.systems import is_polynomial
from nablab.core.printing import to_unicode
from nablab.critical.forms import NEGATIVE, POSITIVE, form_sign, homogeneous_parts

ATTAINED, UNBOUNDED, UNKNOWN, EMPTY = "attained", "unbounded", "unknown", "empty"


@dataclass(frozen=True)
class Extreme:
    """The highest (or lowest) value of f on the set, and where it is attained.

    Attributes:
        value: the value; ``value_exact`` when short; ``value_unicode`` as written.
        points: every point attaining it (candidates and singular points), ``unicode`` each.
        proven: every candidate and singular point was found exactly, so this is the global
            extreme; ``False``: the best of a numeric search, existence proven.
    """

    value: float
    value_exact: str | None
    points: tuple[dict[str, float], ...]
    unicode: tuple[str, ...]
    value_unicode: str
    proven: bool

    def to_dict(self) -> dict[str, Any]:
        return {"point": dict(self.points[0]), "points": [dict(p) for p in self.points],
                "value": self.value, "value_exact": self.value_exact, "proven": self.proven}


@dataclass(frozen=True)
class GlobalAnalysis:
    """Existence of the extremes on the constraint set, with reasons.

    Attributes:
        above, below: whether f is bounded above / below on the set (``None``: unknown).
        maximum_status, minimum_status: ``"attained"``, ``"unbounded"``, ``"unknown"`` or
            ``"empty"`` (the set has no point).
        maximum_reason, minimum_reason: ``"compact"``, ``"coercive"`` (f → −∞ resp. +∞ far
            out on the set), ``"coercive_cone"`` (that, because f's highest-degree part is
            negative resp. positive on the recession cone of the linear constraints),
            ``"pole"`` (a curve in the set into a point where f is not defined, along which
            f → ±∞), ``"linear"`` (a linear f bounded on a polyhedron), ``"constant"``
            (f is constant on the set), ``"curve"``, or ``None``.
        compact: the set is closed and bounded (``True``), unbounded (``False``), unknown.
        compact_reason: ``"bounded_constraint"``, ``"polyhedron"``, ``"propagated"`` (interval
            bounds propagated through the constraints), ``"point"`` or ``None``.
        up, down: curves in the set along which f → +∞ / −∞.
        eliminated: the eliminations used, Unicode (``y = (x − 1)²/5 + 3/5``).
        reduced: f on the set in the variables left (Unicode), when something was eliminated.
        top: the highest-degree part of that f, which decides far out.
        maximum, minimum: the global extremes when they exist and candidates were compared.
        reason: ``"not_polynomial"`` when the constraints are not polynomials and the set
            is not shown to be compact (nothing else tried).
        continuity: whether f is continuous on the set (looked at when the set is compact).
        cone_rays: the rays spanning the recession cone of the linear constraints (Unicode),
            when a ``"coercive_cone"`` reason rests on them.
    """

    above: bool | None = None
    below: bool | None = None
    maximum_status: str = UNKNOWN
    minimum_status: str = UNKNOWN
    maximum_reason: str | None = None
    minimum_reason: str | None = None
    compact: bool | None = None
    compact_reason: str | None = None
    up: Curve | None = None
    down: Curve | None = None
    eliminated: tuple[str, ...] = ()
    reduced: str | None = None
    top: str | None = None
    maximum: Extreme | None = None
    minimum: Extreme | None = None
    reason: str | None = None
    continuity: Continuity | None = None
    cone_rays: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"above": self.above, "below": self.below,
                "maximum": self.maximum_status, "minimum": self.minimum_status,
                "maximum_reason": self.maximum_reason, "minimum_reason": self.minimum_reason,
                "compact": self.compact, "compact_reason": self.compact_reason,
                "unbounded_above_along": None if self.up is None else self.up.to_dict(),
                "unbounded_below_along": None if self.down is None else self.down.to_dict(),
                "eliminated": list(self.eliminated), "reduced": self.reduced, "top": self.top,
                "reason": self.reason,
                "continuity": None if self.continuity is None else self.continuity.to_dict(),
                "recession_cone": list(self.cone_rays)}


def existence(problem: Problem) -> GlobalAnalysis:
    """Whether each extreme exists, with the reasons, before any candidate is known (pure
    SymPy: run it under a time budget). ``maximum``/``minimum`` stay ``None``; see
    :func:`conclude`."""
    if not is_polynomial(problem, objective=False):
        return _beyond_polynomials(problem)
    reduced = reduce(problem)
    if reduced.empty:
        return GlobalAnalysis(maximum_status=EMPTY, minimum_status=EMPTY, compact=True)
    compact, compact_reason = _compact(reduced)
    continuity = _continuity(problem) if compact else None
    top, kind = _top(reduced)
    # On a compact set f is bounded: no curve to ±∞ exists, none is looked for.
    up, down = (None, None) if compact else unbounded_curves(reduce(problem, rational=True),
                                                             problem.names)
    if not compact and (up is None or down is None):
        branch_up, branch_down = unbounded_branches(reduced, problem.names)
        up, down = up or branch_up, down or branch_down
    if continuity is not None and continuity.exact is not None:
        up, down = pole_curves(problem.objective.expr, sided(problem), problem.variables,
                               continuity.exact)
    continuous = continuity is not None and continuity.proven
    cone = _cone(reduced)
    linear = _linear_status(reduced, cone)
    on_cone = None if kind in (POSITIVE, NEGATIVE) or compact else _sign_on_cone(reduced, cone)
    constant = not reduced.objective.free_symbols
    status: dict[str, tuple[str, str | None]] = {}
    for sense, curve, coercive in (("max", up, NEGATIVE), ("min", down, POSITIVE)):
        if constant:
            status[sense] = (ATTAINED, "constant")
        elif curve is not None:
            status[sense] = (UNBOUNDED, "pole" if curve.kind == "pole" else "curve")
        elif compact and continuous:
            status[sense] = (ATTAINED, "compact")
        elif kind == coercive:
            status[sense] = (ATTAINED, "coercive")
        elif on_cone == coercive:
            status[sense] = (ATTAINED, "coercive_cone")
        else:
            status[sense] = linear.get(sense, (UNKNOWN, None))
    solved = reduced.solved()
    return GlobalAnalysis(
        maximum_status=status["max"][0], minimum_status=status["min"][0],
        maximum_reason=status["max"][1], minimum_reason=status["min"][1],
        compact=False if (up or down) and not compact else compact,
        compact_reason=compact_reason, up=up,
        down=down, eliminated=tuple(f"{to_unicode(v)} = {to_unicode(e)}"
                                    for v, e in solved.items()),
        reduced=to_unicode(reduced.objective) if solved else None, top=top,
        continuity=continuity, cone_rays=_rays(cone) if on_cone else ())


def _continuity(problem: Problem) -> Continuity:
    """f's continuity on the set: everywhere, or proven on a box holding the set."""
    f = problem.objective.expr
    if everywhere(f):
        return Continuity(True, "everywhere")
    box = enclosing_box(problem)
    if box is None:
        return Continuity(False, "unknown")
    return on_set(f, sided(problem), box, problem.variables)


def _beyond_polynomials(problem: Problem) -> GlobalAnalysis:
    """Constraints that are not polynomials over ℚ (real constants such as 2π, or other
    functions): the set is compact when a box holds it (bounds propagated through its
    polynomial constraints) and every constraint function is continuous on that box, so
    that the set is closed; then f continuous on the set gives both extremes."""
    box = enclosing_box(problem)
    if box is None:
        return GlobalAnalysis(reason="not_polynomial")
    polynomial = [(s, r) for s, r in sided(problem) if r.is_polynomial(*problem.variables)]
    for _, r in sided(problem):
        if not on_set(r, polynomial, box, problem.variables).proven:
            return GlobalAnalysis(reason="not_polynomial")
    continuity = _continuity(problem)
    status, reason = (ATTAINED, "compact") if continuity.proven else (UNKNOWN, None)
    up = down = None
    if continuity.exact is not None:
        up, down = pole_curves(problem.objective.expr, sided(problem), problem.variables,
                               continuity.exact)
    return GlobalAnalysis(
        maximum_status=UNBOUNDED if up else status, minimum_status=UNBOUNDED if down else status,
        maximum_reason="pole" if up else reason, minimum_reason="pole" if down else reason,
        compact=True, compact_reason="propagated", continuity=continuity, up=up, down=down)


def conclude(facts: GlobalAnalysis, candidates: Sequence[Candidate],
             singular: Sequence[SingularPoint], complete: bool) -> GlobalAnalysis:
    """Step (b): where an extreme exists, the best allowed candidate or singular point."""
    maximum, max_status = _extreme(candidates, singular, facts.maximum_status, +1, complete)
    minimum, min_status = _extreme(candidates, singular, facts.minimum_status, -1, complete)
    return replace(facts, above=_bounded(max_status), below=_bounded(min_status),
                   maximum_status=max_status, minimum_status=min_status, maximum=maximum,
                   minimum=minimum)


def _bounded(status: str) -> bool | None:
    return {ATTAINED: True, UNBOUNDED: False, EMPTY: True}.get(status)


def _compact(reduced: Reduced) -> tuple[bool | None, str | None]:
    if not reduced.variables:
        return True, "point"
    n = len(reduced.variables)
    sided = [(1, e) for e in reduced.equalities] + [(-1, -e) for e in reduced.equalities]
    for s, e in [*sided, *reduced.inequalities]:
        poly = _polynomial(s * e, reduced.variables)
        if poly is None or poly.total_degree() < 2:
            continue
        parts = homogeneous_parts(poly)
        if form_sign(parts[max(parts)], n, max(parts)) == POSITIVE:
            return True, "bounded_constraint"
    cone = _cone(reduced)
    if cone is not None and not cone.lines and not cone.rays:
        return True, "polyhedron"
    if _propagated(reduced):
        return True, "propagated"
    return None, None


def _propagated(reduced: Reduced) -> bool:
    """Interval bound propagation (:mod:`nablab.constrained.boxes`) on every constraint."""
    sided = [(1, e) for e in reduced.equalities] + [(-1, e) for e in reduced.equalities]
    terms = []
    for s, e in [*sided, *reduced.inequalities]:
        poly = _polynomial(s * e, reduced.variables)
        if poly is None:
            return False
        terms.append({m: float(c) for m, c in poly.terms()})
    return bool(terms) and boxes.bounded(terms, len(reduced.variables))


@dataclass(frozen=True)
class _Cone:
    """The recession cone of the linear constraints: a basis of the lines it contains and
    its extreme rays (in the complement of the lines); ``exact`` when every constraint is
    linear, so that it is the recession cone of the whole set."""

    lines: list[Any]
    rays: list[Any]
    exact: bool


def _cone(reduced: Reduced) -> _Cone | None:
    """Exactly: the lines are the kernel of all rows; with them added as equalities the cone
    is pointed, and each extreme ray spans the kernel of n − 1 independent rows with ±d in
    the cone. ``None`` when there is no linear constraint."""
    n = len(reduced.variables)
    equal: list[list[Any]] = []
    upper: list[list[Any]] = []
    exact = True
    for s, e in [(0, e) for e in reduced.equalities] + list(reduced.inequalities):
        poly = _polynomial(e, reduced.variables)
        if poly is None or poly.total_degree() != 1:
            exact = False
            continue
        row = [poly.coeff_monomial(v) for v in reduced.variables]
        (equal if s == 0 else upper).append([s * c for c in row] if s else row)
    if not equal and not upper:
        return None
    lines = sympy.Matrix(equal + upper).nullspace()
    equal += [list(v) for v in lines]
    rays = []
    for chosen in itertools.combinations(equal + upper, n - 1):
        kernel = sympy.Matrix(chosen).nullspace() if chosen else [sympy.Matrix([1])]
        if len(kernel) != 1:
            continue
        for d in (kernel[0], -kernel[0]):
            if all(_dot(r, d) == 0 for r in equal) and all(_dot(r, d) <= 0 for r in upper):
                rays.append(d)
    return _Cone(lines, rays, exact)


def _dot(row: Sequence[Any], d: Any) -> Any:
    return sum((a * b for a, b in zip(row, d, strict=True)), sympy.Integer(0))


def _linear_status(reduced: Reduced,
                   cone: _Cone | None) -> dict[str, tuple[str, str | None]]:
    """A linear f on a polyhedron (every constraint linear): bounded above exactly when
    c·d = 0 on its lines and c·d ≤ 0 on its rays, and then the maximum is attained
    (linear programming); likewise below."""
    poly = _polynomial(reduced.objective, reduced.variables)
    if cone is None or not cone.exact or poly is None or poly.total_degree() > 1:
        return {}
    c = [poly.coeff_monomial(v) for v in reduced.variables]
    if any(_dot(c, line) != 0 for line in cone.lines):
        return {}
    slopes = [_dot(c, r) for r in cone.rays]
    out: dict[str, tuple[str, str | None]] = {}
    if all(v <= 0 for v in slopes):
        out["max"] = (ATTAINED, "linear")
    if all(v >= 0 for v in slopes):
        out["min"] = (ATTAINED, "linear")
    return out


def _rays(cone: _Cone | None) -> tuple[str, ...]:
    if cone is None:
        return ()
    return tuple(dict.fromkeys("(" + ", ".join(to_unicode(x) for x in _primitive(r)) + ")"
                               for r in cone.rays))


def _primitive(ray: Any) -> list[Any]:
    """The ray scaled to coprime integers."""
    values = [sympy.Rational(x) for x in ray]
    scale = sympy.ilcm(*[v.q for v in values], 1)
    values = [v * scale for v in values]
    divisor = sympy.igcd(*[int(v) for v in values], 0) or 1
    return [v / divisor for v in values]


def _sign_on_cone(reduced: Reduced, cone: _Cone | None) -> str | None:
    """The sign of f's highest-degree part on the recession cone of the linear constraints
    (:mod:`nablab.constrained.cones`), when that cone is pointed: the set lies in their
    polyhedron, so far out it lies along that cone."""
    poly = _polynomial(reduced.objective, reduced.variables)
    if cone is None or cone.lines or not cone.rays or poly is None or poly.total_degree() < 1:
        return None
    parts = homogeneous_parts(poly)
    top = sympy.Poly.from_dict(parts[max(parts)], *reduced.variables).as_expr()
    return sign_on_cone(top, reduced.variables, cone.rays)


def _top(reduced: Reduced) -> tuple[str | None, str | None]:
    """f's highest-degree part on the reduced problem and its sign (``POSITIVE`` means
    f → +∞ far out on the set)."""
    poly = _polynomial(reduced.objective, reduced.variables)
    if poly is None or not reduced.variables or poly.total_degree() < 1:
        return None, None
    parts = homogeneous_parts(poly)
    degree = max(parts)
    top = parts[degree]
    shown = to_unicode(sympy.Poly.from_dict(top, *reduced.variables).as_expr())
    return shown, form_sign(top, len(reduced.variables), degree)


def _extreme(candidates: Sequence[Candidate], singular: Sequence[SingularPoint], status: str,
             direction: int, complete: bool) -> tuple[Extreme | None, str]:
    """The best value among the candidates allowed for this sense and the singular points."""
    if status != ATTAINED:
        return None, status
    pool: list[Candidate | SingularPoint] = [
        c for c in candidates if (c.kkt_max if direction > 0 else c.kkt_min)]
    pool += list(singular)
    if not pool:
        return None, EMPTY if complete else UNKNOWN
    best = max(pool, key=lambda c: direction * c.value)
    tol = 1e-10 * max(1.0, abs(best.value))
    ties = [c for c in pool if abs(c.value - best.value) <= tol]
    exact = next((c for c in ties if c.value_exact is not None), best)
    return Extreme(best.value, exact.value_exact, tuple(c.point for c in ties),
                   tuple(c.unicode for c in ties), exact.value_unicode, complete), ATTAINED


def _polynomial(expr: Any, variables: Sequence[sympy.Symbol]) -> sympy.Poly | None:
    if not variables:
        return None
    try:
        poly = sympy.Poly(expr, *variables)
    except sympy.PolynomialError:
        return None
    return poly if poly.domain.is_ZZ or poly.domain.is_QQ else None


__all__ = ["ATTAINED", "EMPTY", "UNBOUNDED", "UNKNOWN", "Extreme", "GlobalAnalysis", "conclude",
           "existence"]
