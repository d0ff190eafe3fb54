"""Infinitely many critical points, said as a set: "the line x = y, where f = 0".

When ∇f = 0 has a curve or surface of solutions, its Gröbner basis G describes them all
exactly. Two facts a learner can check come from G:

- **Where they are**: the factors common to every element of G are whole components
  ((x − y) for (x − y)², x and y for x²y², whose G is {x²y, xy²}), provided the rest of the
  system has no points off them (checked exactly: 1 ∈ ⟨G/g, 1 − t·g⟩). A linear G is an
  affine subspace. Each component is written solved for a variable (x = y, y = x²): a graph,
  so it has real points, and plain exact ones are shown (no numerical search).
- **f on them**: if f reduces modulo G to a constant c, then f − c lies in the ideal of
  ∇f, so f = c at every critical point. With a proven bound f ≥ c
  (:mod:`nablab.critical.bounds`) every one of them is a global minimum (f ≤ c: maximum).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any

import sympy

from nablab.core.printing import to_str, to_unicode
from nablab.critical import display
from nablab.critical.bounds import Bound, lower_bound, upper_bound
from nablab.critical.forms import sign
from nablab.critical.globality import settle, snapped
from nablab.critical.result import CriticalPoint, CriticalSet, GlobalAnalysis, GlobalExtremum
from nablab.solve import INFINITE, solve_polynomial_system

#: Sample points of an infinite critical set kept in the table.
SAMPLES = 3


@dataclass(frozen=True)
class Described:
    """What :func:`describe` found: the set, the bound that makes its points global
    extrema, a few plain exact points of it, the exact critical points off it, and the
    set's own equations (each = 0)."""

    found: CriticalSet | None = None
    bound: Bound | None = None
    samples: tuple[tuple[Any, ...], ...] = ()
    isolated: tuple[tuple[Any, ...], ...] = ()
    equations: tuple[Any, ...] = ()


def describe(poly: sympy.Poly, basis: Sequence[Any], expr: Any) -> Described:
    """The critical set of ``poly`` (∇f's Gröbner basis ``basis``): where f is constant
    on all of it, or on its common factor when the rest is finitely many points (the
    circle and the centre of (x² + y² − 1)²); empty when neither."""
    gens = poly.gens
    grid = sympy.groebner(list(basis), *gens, order="lex")
    exprs = list(grid.exprs)
    _, rest = grid.reduce(poly.as_expr())
    isolated: tuple[tuple[Any, ...], ...] = ()
    parts: Parts | None
    if rest.is_number:
        parts = _components(exprs, gens)
    else:
        split = _split(exprs, poly, gens)
        if split is None:
            return Described()
        rest, factors, isolated = split
        parts = _factor_components(factors, gens)
    if parts is None:
        return Described()
    components, builder, shape, samples, equations = parts
    value = sympy.nsimplify(rest)
    bound, extremum = None, None
    for found, name in ((lower_bound(expr, poly), "minimum"), (upper_bound(expr, poly),
                                                                 "maximum")):
        if found is not None and sign(found.value - value) == 0:
            bound, extremum = found, name
            break
    names = ", ".join(to_unicode(g) for g in gens)
    return Described(CriticalSet(
        equations=tuple(to_str(e) for e in exprs), components=tuple(components),
        builder=f"{{({names}) : {builder}}}", shape=shape, value=float(value),
        value_exact=to_str(value), value_unicode=display.coordinate(float(value), value),
        extremum=extremum, real=shape != "set"), bound, samples, isolated, tuple(equations))


Parts = tuple[list[str], str, str, tuple[tuple[Any, ...], ...], list[Any]]


def _components(basis: list[Any], gens: Sequence[Any]) -> Parts:
    """(components as shown, the set's condition, shape, plain exact points, the set's
    equations).

    A linear G is one affine subspace: a ``"line"`` or ``"plane"`` (its equations hold
    together). Otherwise the factors common to all of G, when its other zeros lie on them,
    are whole components (:func:`_factor_components`). Anything else is a ``"set"``,
    described by G itself, of which nothing more is claimed (it may have no real points,
    or finitely many)."""
    n = len(gens)
    if all(sympy.Poly(b, *gens).total_degree() == 1 for b in basis):
        shown = [_equation(b, gens) for b in basis]
        shape = {1: "line", 2: "plane"}.get(n - len(basis), "set")
        points = _points([_graph_points(basis, gens)]) if shape != "set" else ()
        return shown, ", ".join(shown), shape, points, basis
    common = sympy.gcd_list(basis, *gens) if len(basis) > 1 else basis[0]
    factors = [f for f, _ in sympy.factor_list(common, *gens)[1]]
    parts = None
    if factors and _covers(basis, sympy.Mul(*factors), gens):
        parts = _factor_components(factors, gens)
    if parts is None:
        shown = [f"{to_unicode(b)} = 0" for b in basis]
        return shown, ", ".join(shown), "set", (), basis
    return parts


def _factor_components(factors: list[Any], gens: Sequence[Any]) -> Parts | None:
    """The union of the hypersurfaces factor = 0, in the plane or in space, when each
    surely has infinitely many real points: it is a graph (solved for a variable: a
    ``"line"``/``"plane"``, ``"curve"`` y = x², ``"surface"`` z = xy; ``"axes"`` for x = 0
    and y = 0), or has a rational point where its gradient is not 0 (a real branch passes
    through it: the circle x² + y² − 1 = 0 through (0, 1)). The union's condition is the
    product (x = 0 or y = 0 is xy = 0)."""
    n = len(gens)
    if n not in (2, 3) or not factors:
        return None
    factors = sorted(factors, key=lambda f: [-sympy.degree(f, g) for g in gens])
    per_factor = []
    for f in factors:
        found = _graph_points([f], gens) if _solved_for(f, gens) else _regular_points(f, gens)
        if not found:
            return None
        per_factor.append(found)
    shown = [_equation(f, gens) for f in factors]
    linear = all(sympy.Poly(f, *gens).total_degree() == 1 for f in factors)
    kinds = ("line", "lines", "curve", "curves") if n == 2 else (
        "plane", "planes", "surface", "surfaces")
    shape = kinds[(0 if linear else 2) + (len(factors) > 1)]
    product = sympy.Mul(*factors)
    if n == 2 and sorted(factors, key=str) == sorted(gens, key=str):
        shape = "axes"
    builder = shown[0] if len(factors) == 1 else f"{to_unicode(product)} = 0"
    return shown, builder, shape, _points(per_factor), [product]


def _split(basis: list[Any], poly: sympy.Poly, gens: Sequence[Any]
           ) -> tuple[Any, list[Any], tuple[tuple[Any, ...], ...]] | None:
    """(f's value on the common factor's zeros, its factors, the exact critical points off
    it) when G = common·(quotients), the quotients have finitely many common zeros, all
    exact, and f reduces to a constant modulo the common factor."""
    if len(basis) < 2:
        return None
    common = sympy.gcd_list(basis, *gens)
    if sympy.Poly(common, *gens).total_degree() < 1:
        return None
    factors = [f for f, _ in sympy.factor_list(common, *gens)[1]]
    product = sympy.Mul(*factors)
    _, rest = sympy.reduced(poly.as_expr(), [product], *gens)
    if not rest.is_number:
        return None
    quotients = [sympy.cancel(b / product) for b in basis]
    solved = solve_polynomial_system(quotients, gens)
    if solved.status == INFINITE or not all(s.is_exact for s in solved.solutions):
        return None
    off = tuple(s.exact for s in solved.solutions
                if product.xreplace(dict(zip(gens, s.exact, strict=True))) != 0)
    return rest, factors, off


def _graph_points(equations: list[Any], gens: Sequence[Any]) -> list[tuple[Any, ...]]:
    """Plain exact points of a graph (or of a linear system): free coordinates 0, then
    ±1 one at a time, the others solved for."""
    graph = _solved_for(equations[0], gens) if len(equations) == 1 else None
    if graph is not None:
        general = tuple(graph[1] if g == graph[0] else g for g in gens)
    else:
        solved = sympy.linsolve(equations, *gens)
        if not solved:
            return []
        general = next(iter(solved))
    free = [g for g in gens if any(c.has(g) for c in general)]
    choices = [{g: 0 for g in free}]
    choices += [{g: (v if g == h else 0) for g in free} for h in free for v in (1, -1)]
    return [tuple(c.xreplace(vals) for c in general) for vals in choices]


def _regular_points(f: Any, gens: Sequence[Any]) -> list[tuple[Any, ...]]:
    """Rational points of f = 0 where ∇f ≠ 0: all coordinates but one in {0, ±1}, the
    last a rational root (x² + y² − 1: (0, ±1), (±1, 0))."""
    gradient = [sympy.diff(f, g) for g in gens]
    out: list[tuple[Any, ...]] = []
    for v in gens:
        others = [g for g in gens if g != v]
        for values in itertools.product((0, 1, -1), repeat=len(others)):
            at = dict(zip(others, values, strict=True))
            line = sympy.Poly(f.xreplace(at), v)
            if line.degree() < 1:
                continue
            for root in sympy.roots(line, filter="Q"):
                point = {**at, v: root}
                exact = tuple(sympy.Rational(point[g]) for g in gens)
                if any(d.xreplace(point) != 0 for d in gradient) and exact not in out:
                    out.append(exact)
        if len(out) >= SAMPLES:
            break
    return out


def _points(per_piece: list[list[tuple[Any, ...]]]) -> tuple[tuple[Any, ...], ...]:
    """At most :data:`SAMPLES` points, plainest first, spread over the components (x = 0
    gives (0, 0) and (0, 1), y = 0 gives (1, 0))."""
    out: list[tuple[Any, ...]] = []
    for row in itertools.zip_longest(*per_piece):
        for p in row:
            if p is not None and p not in out:
                out.append(p)
    return tuple(out[:SAMPLES])


def _solved_for(f: Any, gens: Sequence[Any]) -> tuple[Any, Any] | None:
    """(v, h) when f = 0 is v = h(the other variables): f is c·v + r, c a nonzero number
    and r free of v (a graph: y − x² is y = x²); the first such v."""
    poly = sympy.Poly(f, *gens)
    for v in gens:
        if poly.degree(v) != 1:
            continue
        coeff = sympy.Poly(f, v).coeff_monomial(v)
        if coeff.is_number and coeff != 0:
            return v, sympy.expand(-(f - coeff * v) / coeff)
    return None


def _covers(basis: list[Any], common: Any, gens: Sequence[Any]) -> bool:
    """Whether V(basis) = V(common): the quotients' zeros lie on common = 0 (Rabinowitsch)."""
    t = sympy.Dummy("t")
    quotients = [sympy.cancel(b / common) for b in basis]
    check = sympy.groebner([*quotients, 1 - t * common], *gens, t, order="grevlex")
    return list(check.exprs) == [1]


def _equation(f: Any, gens: Sequence[Any]) -> str:
    """``x - y`` as ``x = y``, ``y - x**2`` as ``y = x²``: solved for its first variable
    of degree 1 with a constant coefficient; others with the constant on the right,
    ``x² + y² = 1``."""
    graph = _solved_for(f, gens)
    if graph is not None:
        return f"{to_unicode(graph[0])} = {to_unicode(graph[1])}"
    constant = sympy.Poly(f, *gens).coeff_monomial(1)   # x² + y² − 1 as x² + y² = 1
    return f"{to_unicode(f - constant)} = {to_unicode(-constant)}"


def with_samples(found: CriticalSet, bound: Bound | None, basis: Sequence[Any],
                 analysis: GlobalAnalysis, points: Sequence[CriticalPoint], expr: Any,
                 gens: Sequence[Any], isolated: Sequence[CriticalPoint] = ()
                 ) -> tuple[tuple[CriticalPoint, ...], GlobalAnalysis, CriticalSet]:
    """A few points of the set (those exactly on it — ``basis`` are its equations — first)
    and the critical points off it (``isolated``), with the global statement the set gives
    once it is known to have real points."""
    verified = [_exactly(p, at, found) for p in points
                if (at := _on_set(basis, gens, tuple(p.point.values()))) is not None]
    verified = _distinct(sorted(verified, key=_plainness))
    real = found.real or bool(verified)
    kept = verified[:SAMPLES] if verified else _spread(list(points))
    kept = [replace(p, on_set=True) for p in kept]
    if bound is None or found.extremum is None or not real:
        found = replace(found, extremum=None, real=real)
        return (*kept, *isolated), analysis, found
    extremum = GlobalExtremum(
        found.value, found.value_exact, tuple(p.point for p in kept),
        (found.builder,), bound.reason, to_unicode(bound.certificate), found.value_unicode,
        found.builder)
    if bound.side > 0:
        analysis = replace(analysis, minimum=extremum, bounded_below=True)
    else:
        analysis = replace(analysis, maximum=extremum, bounded_above=True)
    return settle([*kept, *isolated], analysis), analysis, replace(found, real=True)


def _plainness(point: CriticalPoint) -> tuple[int, float]:
    """Sort key: points with small denominators and small coordinates first, as a learner
    would pick (0, 0), (1, 1), (−1, −1) on the line x = y."""
    sizes = [Fraction(v).limit_denominator(10_000) for v in point.point.values()]
    return max(q.denominator for q in sizes), max(abs(float(q)) for q in sizes)


def _distinct(points: list[CriticalPoint]) -> list[CriticalPoint]:
    seen: set[tuple[str, ...]] = set()
    out = []
    for p in points:
        key = tuple((p.exact or {}).values())
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _spread(points: list[CriticalPoint]) -> list[CriticalPoint]:
    if len(points) <= SAMPLES:
        return points
    return [points[0], points[len(points) // 2], points[-1]]


def _on_set(basis: Sequence[Any], gens: Sequence[Any], point: Sequence[float]
            ) -> tuple[Any, ...] | None:
    """The point snapped to short rationals, when that solves ∇f = 0 exactly (Newton
    creeps towards a degenerate point: 10⁻⁶ is the tolerance, the check is exact)."""
    at = snapped(point, tolerance=1e-6)
    if at is None:
        return None
    values = dict(zip(gens, at, strict=True))
    return at if all(sympy.expand(b.xreplace(values)) == 0 for b in basis) else None


def _exactly(p: CriticalPoint, at: tuple[Any, ...], found: CriticalSet) -> CriticalPoint:
    """The sample moved to its verified exact point, where f = the set's value."""
    floats = [float(a) for a in at]
    return replace(p, point=dict(zip(p.point, floats, strict=True)),
                   exact={k: to_str(a) for k, a in zip(p.point, at, strict=True)},
                   value=found.value, value_exact=found.value_exact,
                   unicode=display.point(floats, at), value_unicode=found.value_unicode)


__all__ = ["SAMPLES", "Described", "describe", "with_samples"]
