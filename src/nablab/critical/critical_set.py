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
from dataclasses import replace
from fractions import Fraction
from typing import Any

import sympy

from nablab.core.printing import to_str, to_unicode
from nablab.critical import display
from nablab.critical.bounds import Bound, lower_bound, upper_bound
from nablab.critical.forms import sign
from nablab.critical.globality import settle, snapped
from nablab.critical.result import CriticalPoint, CriticalSet, GlobalAnalysis, GlobalExtremum

#: Sample points of an infinite critical set kept in the table.
SAMPLES = 3


def describe(poly: sympy.Poly, basis: Sequence[Any], expr: Any
             ) -> tuple[CriticalSet | None, Bound | None, tuple[tuple[Any, ...], ...]]:
    """The critical set of ``poly`` (∇f's Gröbner basis ``basis``), the bound that makes
    its points global extrema, and a few of its points, exact (:data:`SAMPLES` plain ones
    of its graphs); ``(None, None, ())`` when f is not constant on it."""
    gens = poly.gens
    grid = sympy.groebner(list(basis), *gens, order="lex")
    _, rest = grid.reduce(poly.as_expr())
    if not rest.is_number:
        return None, None, ()
    value = sympy.nsimplify(rest)
    components, builder, shape, pieces = _components(list(grid.exprs), gens)
    bound, extremum = None, None
    for found, name in ((lower_bound(expr, poly), "minimum"), (upper_bound(expr, poly),
                                                                 "maximum")):
        if found is not None and sign(found.value - value) == 0:
            bound, extremum = found, name
            break
    names = ", ".join(to_unicode(g) for g in gens)
    return CriticalSet(
        equations=tuple(to_str(e) for e in grid.exprs), components=tuple(components),
        builder=f"{{({names}) : {builder}}}", shape=shape, value=float(value),
        value_exact=to_str(value), value_unicode=display.coordinate(float(value), value),
        extremum=extremum, real=shape != "set"), bound, _points(pieces, gens)


def _components(basis: list[Any], gens: Sequence[Any]
                ) -> tuple[list[str], str, str, list[list[Any]]]:
    """(components as shown, the set's condition, shape, each linear component's
    equations)).

    A linear G is one affine subspace: a ``"line"`` or ``"plane"`` (its equations hold
    together). Otherwise the factors common to all of G, when its other zeros lie on them,
    are whole components; each solved for one variable (a graph, so it surely has real
    points): ``"lines"`` in the plane (``"axes"`` for x = 0 and y = 0), ``"planes"`` in
    space, a ``"curve"`` y = x² or ``"surface"`` z = xy (``"curves"``, ``"surfaces"``), whose
    union's condition is their product (x = 0 or y = 0 is xy = 0). Anything else is a
    ``"set"``, described by G itself, of which nothing more is claimed (it may have no
    real points, or finitely many)."""
    n = len(gens)
    if all(sympy.Poly(b, *gens).total_degree() == 1 for b in basis):
        shown = [_equation(b, gens) for b in basis]
        dimension = n - len(basis)
        shape = {1: "line", 2: "plane"}.get(dimension, "set")
        return shown, ", ".join(shown), shape, [basis] if shape != "set" else []
    common = sympy.gcd_list(basis, *gens) if len(basis) > 1 else basis[0]
    factors = sorted((f for f, _ in sympy.factor_list(common, *gens)[1]),
                     key=lambda f: [-sympy.degree(f, g) for g in gens])
    graphs = bool(factors) and all(_solved_for(f, gens) is not None for f in factors)
    if not graphs or n not in (2, 3) or not _covers(basis, sympy.Mul(*factors), gens):
        shown = [f"{to_unicode(b)} = 0" for b in basis]
        return shown, ", ".join(shown), "set", []
    shown = [_equation(f, gens) for f in factors]
    pieces = [[f] for f in factors]
    linear = all(sympy.Poly(f, *gens).total_degree() == 1 for f in factors)
    kinds = ("line", "lines", "curve", "curves") if n == 2 else (
        "plane", "planes", "surface", "surfaces")
    shape = kinds[(0 if linear else 2) + (len(factors) > 1)]
    if len(factors) == 1:
        return shown, shown[0], shape, pieces
    if n == 2 and sorted(factors, key=str) == sorted(gens, key=str):
        shape = "axes"
    return shown, f"{to_unicode(sympy.Mul(*factors))} = 0", shape, pieces


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


def _points(pieces: list[list[Any]], gens: Sequence[Any]) -> tuple[tuple[Any, ...], ...]:
    """Plain exact points of each component: free coordinates 0, then ±1 one at a time,
    the others solved for; at most :data:`SAMPLES`, plainest first, spread over the
    components (x = 0 gives (0, 0) and (0, 1), y = 0 gives (1, 0))."""
    per_piece = []
    for piece in pieces:
        graph = _solved_for(piece[0], gens) if len(piece) == 1 else None
        if graph is not None:
            general = tuple(graph[1] if g == graph[0] else g for g in gens)
        else:
            solved = sympy.linsolve(piece, *gens)
            if not solved:
                continue
            general = next(iter(solved))
        free = [g for g in gens if any(c.has(g) for c in general)]
        choices = [{g: 0 for g in free}]
        choices += [{g: (v if g == h else 0) for g in free} for h in free for v in (1, -1)]
        per_piece.append([tuple(c.xreplace(vals) for c in general)
                          for vals in choices])
    out: list[tuple[Any, ...]] = []
    for row in itertools.zip_longest(*per_piece):
        for p in row:
            if p is not None and p not in out:
                out.append(p)
    return tuple(out[:SAMPLES])


def _covers(basis: list[Any], common: Any, gens: Sequence[Any]) -> bool:
    """Whether V(basis) = V(common): the quotients' zeros lie on common = 0 (Rabinowitsch)."""
    t = sympy.Dummy("t")
    quotients = [sympy.cancel(b / common) for b in basis]
    check = sympy.groebner([*quotients, 1 - t * common], *gens, t, order="grevlex")
    return list(check.exprs) == [1]


def _equation(f: Any, gens: Sequence[Any]) -> str:
    """``x - y`` as ``x = y``, ``y - x**2`` as ``y = x²``: solved for its first variable
    of degree 1 with a constant coefficient; others ``f = 0``."""
    graph = _solved_for(f, gens)
    if graph is None:
        return f"{to_unicode(f)} = 0"
    return f"{to_unicode(graph[0])} = {to_unicode(graph[1])}"


def with_samples(found: CriticalSet, bound: Bound | None, basis: Sequence[Any],
                 analysis: GlobalAnalysis, points: Sequence[CriticalPoint], expr: Any,
                 gens: Sequence[Any]) -> tuple[tuple[CriticalPoint, ...], GlobalAnalysis,
                                               CriticalSet]:
    """A few numeric points of the set (exactly verified ones first), and the global
    statement the set gives once it is known to have real points."""
    verified = [_exactly(p, at, found) for p in points
                if (at := _on_set(basis, gens, tuple(p.point.values()))) is not None]
    verified = _distinct(sorted(verified, key=_plainness))
    real = found.real or bool(verified)
    kept = verified[:SAMPLES] if verified else _spread(list(points))
    if bound is None or found.extremum is None or not real:
        found = replace(found, extremum=None, real=real)
        return tuple(replace(p, on_set=True) for p in kept), analysis, found
    extremum = GlobalExtremum(
        found.value, found.value_exact, tuple(p.point for p in kept),
        (found.builder,), bound.reason, to_unicode(bound.certificate), found.value_unicode)
    if bound.side > 0:
        analysis = replace(analysis, minimum=extremum, bounded_below=True)
    else:
        analysis = replace(analysis, maximum=extremum, bounded_above=True)
    kept = [replace(p, on_set=True) for p in kept]
    return settle(kept, analysis), analysis, replace(found, real=True)


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


__all__ = ["SAMPLES", "describe", "with_samples"]
