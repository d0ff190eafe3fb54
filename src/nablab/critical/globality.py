"""Global statements for a polynomial f: bounded or not, and its global minimum/maximum.

- **Coercive** (f → +∞ as ‖x‖ → ∞): proven when f's top-degree part p_d is positive
  definite, since f(x) ≥ ‖x‖^d·(min_{‖u‖=1} p_d(u) − C/‖x‖) for large ‖x‖; or when pure even
  powers cᵢxᵢ^{dᵢ} outgrow every other term (weighted AM–GM,
  :func:`~nablab.critical.forms.dominant_powers`), as in x⁴ − 2x² + y². A coercive
  continuous f is bounded below and attains its infimum; at that point ∇f = 0, so when the
  list of critical points is complete, **the lowest critical point is the global minimum**
  (the notes' argument for x² + y²). Negative definite p_d: the same for the maximum.
- **Even powers**: if f(p + h) − f(p) is a sum of terms c·hᵅ with c > 0 and all αᵢ even
  (x² + y² at 0), then f ≥ f(p) everywhere: p is a global minimiser, no completeness needed.
- **Unbounded below** (or above): proven by a line. Along x = t·u, f(t·u) is a polynomial in t;
  if its leading term has odd degree or a negative coefficient, f(t·u) → −∞. Directions come
  from p_d (where p_d(u) < 0) or from small integer vectors.

- **A proven bound reached**: f ≥ c term by term or by convexity
  (:mod:`nablab.critical.bounds`: (1 − x)² + 100(y − x²)² ≥ 0, 9 − x⁴y⁴ ≤ 9) and f = c
  exactly at a critical point (exact coordinates, or a numeric one snapped to a short
  rational and checked exactly): that point is a global minimum (maximum), no completeness
  needed. This also works for non-polynomial f (√(x² + y²) + 1 ≥ 1).

Other non-polynomial functions get no global statement (``reason="not_polynomial"``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any

import sympy

from nablab.core.printing import to_str, to_unicode
from nablab.critical import display
from nablab.critical.bounds import (
    SUM_OF_SQUARES,
    Bound,
    lower_bound,
    squares_chain,
    upper_bound,
)
from nablab.critical.degenerate import shifted
from nablab.critical.equality import where_reached
from nablab.critical.forms import (
    INDEFINITE,
    NEGATIVE,
    POSITIVE,
    directions,
    dominant_powers,
    even_powers_sign,
    form_sign,
    homogeneous_parts,
    sign,
    sign_witnesses,
)
from nablab.critical.result import (
    CriticalPoint,
    ExtremumTest,
    GlobalAnalysis,
    GlobalExtremum,
    Line,
)
from nablab.solve._roots import short_exact


@dataclass(frozen=True)
class Candidate:
    """A critical point as the global analysis needs it (exact coordinates when known)."""

    point: dict[str, float]
    exact: tuple[Any, ...] | None
    value: float
    value_exact: Any | None
    unicode: str


def polynomial_global(poly: sympy.Poly, candidates: Sequence[Candidate],
                      complete: bool, expr: Any = None) -> GlobalAnalysis:
    """Boundedness, coercivity and global extrema of a polynomial f.

    Args:
        poly: f as a polynomial in its variables.
        candidates: its critical points (all of them when ``complete``).
        complete: whether ``candidates`` are provably all critical points.
        expr: f as typed (for bounds read off its form, such as a sum of squares).
    """
    n = len(poly.gens)
    degree = poly.total_degree()
    top = homogeneous_parts(poly).get(degree, {})
    kind = form_sign(top, n, degree) if degree > 0 else None
    up, down = _dominant(poly, top, kind, POSITIVE), _dominant(-poly, top, kind, NEGATIVE)
    coercive, anticoercive = up is not None, down is not None
    below, above = _lines(poly, top, n, degree, kind)
    typed = poly.as_expr() if expr is None else expr
    low = lower_bound(typed, poly) if below is None else None
    high = upper_bound(typed, poly) if above is None else None
    minimum = _extremum(poly, candidates, +1, coercive and complete)
    maximum = _extremum(poly, candidates, -1, anticoercive and complete)
    minimum = minimum or attained(low, candidates, poly.gens, typed)
    maximum = maximum or attained(high, candidates, poly.gens, typed)
    chain = _chain(low, high, coercive, anticoercive, poly.gens)
    if chain is not None:   # f → ±∞ proven by the squares; the lowest critical point
        coercive, anticoercive = coercive or chain[0] > 0, anticoercive or chain[0] < 0
        minimum = minimum or _extremum(poly, candidates, +1, coercive and complete)
        maximum = maximum or _extremum(poly, candidates, -1, anticoercive and complete)
    dominant = up if up is not None else (down if down is not None else top)
    return GlobalAnalysis(
        bounded_below=False if below else (True if coercive or minimum or low else None),
        bounded_above=False if above else (True if anticoercive or maximum or high else None),
        coercive=coercive, anticoercive=anticoercive,
        top_form=to_unicode(_form_expr(poly, dominant)) if dominant else None,
        minimum=minimum, maximum=maximum, below=below, above=above,
        squares_chain=None if chain is None else chain[1])


def _chain(low: Bound | None, high: Bound | None, coercive: bool, anticoercive: bool,
           gens: Sequence[Any]) -> tuple[int, str] | None:
    """(side, text) when f (side +1) or −f (−1) is c + a sum of squares that bounds every
    variable (:func:`~nablab.critical.bounds.squares_chain`) and f's top form did not
    already show it: ``"1 − x → x; y − x² → y"``."""
    for bound, done in ((low, coercive), (high, anticoercive)):
        if bound is None or done or bound.reason != SUM_OF_SQUARES:
            continue
        chain = squares_chain(bound.side * bound.certificate, gens)
        if chain is not None:
            return bound.side, "; ".join(f"{_as_base(q)} → {to_unicode(v)}"
                                         for q, v in chain)
    return None


def _as_base(q: Any) -> str:
    """q as it is printed inside its square, 1 − x rather than −x + 1."""
    squared = to_unicode(q ** 2)
    if squared.startswith("(") and squared.endswith(")²"):
        return squared[1:-2]
    return to_unicode(q)


def _dominant(poly: sympy.Poly, top: dict[Any, Any], kind: str | None,
              definite: str) -> dict[Any, Any] | None:
    """The terms proving f → +∞ (``definite=POSITIVE``; pass −f for −∞), or ``None``."""
    if kind == definite:
        return top
    found = dominant_powers(poly)
    if found is None or definite == POSITIVE:
        return found
    return {m: -c for m, c in found.items()}


def _form_expr(poly: sympy.Poly, form: dict[Any, Any]) -> Any:
    return sympy.Poly.from_dict(form, *poly.gens).as_expr()


def _lines(poly: sympy.Poly, top: dict[Any, Any], n: int, degree: int,
           kind: str | None) -> tuple[Line | None, Line | None]:
    """Lines proving f unbounded below / above, when there are such lines."""
    if kind is None:
        return None, None
    tries: list[tuple[int, ...]] = []
    if kind == INDEFINITE or degree % 2:
        plus, minus = sign_witnesses(top, n)
        tries += [d for d in (plus, minus) if d is not None]
    elif kind in (POSITIVE, NEGATIVE):
        tries.append(directions(n)[0])
    else:
        tries += directions(n)
    below = above = None
    for d in tries:
        line_below, line_above = _along(poly, d)
        below, above = below or line_below, above or line_above
        if below and above:
            break
    return below, above


def _along(poly: sympy.Poly, direction: tuple[int, ...]) -> tuple[Line | None, Line | None]:
    """f(t·u) and where it goes: (line to −∞, line to +∞), each ``None`` when it does not."""
    t = sympy.Symbol("t", real=True)
    restricted = sympy.Poly(poly.as_expr().xreplace(
        {g: d * t for g, d in zip(poly.gens, direction, strict=True)}), t)
    if restricted.degree() < 1:
        return None, None
    k, lead = restricted.degree(), sign(restricted.LC())
    text, pretty = to_str(restricted.as_expr()), to_unicode(restricted.as_expr())
    # t → +∞ gives the sign of lead; t → −∞ gives lead·(−1)^k.
    at_minus = lead * (-1) ** k
    below = above = None
    for limit, s in (("+inf", lead), ("-inf", at_minus)):
        if s < 0 and below is None:
            below = Line(direction, text, pretty, limit)
        if s > 0 and above is None:
            above = Line(direction, text, pretty, limit)
    return below, above


def _extremum(poly: sympy.Poly, candidates: Sequence[Candidate], direction: int,
              coercive: bool) -> GlobalExtremum | None:
    """The global minimum (direction +1) or maximum (−1), when it can be proven."""
    if not candidates:
        return None
    best = min(candidates, key=lambda c: direction * c.value)
    ties = [c for c in candidates if abs(c.value - best.value) <= 1e-12 * max(1, abs(best.value))
            and _same_value(c, best)]
    best = next((c for c in ties if c.value_exact is not None), best)
    certificate = _certificate(poly, best, direction)
    reason = "coercive" if coercive else ("even_powers" if certificate else None)
    if reason is None:
        return None
    return GlobalExtremum(best.value, None if best.value_exact is None else
                          to_str(best.value_exact), tuple(c.point for c in ties),
                          tuple(c.unicode for c in ties), reason, certificate,
                          display.coordinate(best.value, best.value_exact))


def _certificate(poly: sympy.Poly, best: Candidate, direction: int) -> str | None:
    """f(x) − f(p) as a sum of even powers of (xᵢ − pᵢ) of one sign, when it is one."""
    top = homogeneous_parts(poly).get(poly.total_degree(), {})
    # f(p + h) − f(p) has f's top-degree part: it must already be even powers of that sign.
    if best.exact is None or any(k % 2 for m in top for k in m) or \
            any(sign(c) != direction for c in top.values()):
        return None
    g = shifted(poly, best.exact)
    if even_powers_sign(g) != direction:
        return None
    back = {h: x - p for h, x, p in zip(g.gens, poly.gens, best.exact, strict=True)}
    return to_unicode(g.as_expr().xreplace(back))


def bound_global(expr: Any, gens: Sequence[Any],
                 points: Sequence[CriticalPoint]) -> GlobalAnalysis:
    """Global facts of a non-polynomial f from proven bounds reached at (numeric) critical
    points; ``reason="not_polynomial"`` when neither extremum is decided."""
    candidates = [Candidate(p.point, None, p.value, None, p.unicode) for p in points]
    low, high = lower_bound(expr), upper_bound(expr)
    listed = [c.point for c in candidates]
    minimum = attained(low, candidates + [c for c in _reached(expr, gens)
                                          if c.point not in listed], gens, expr)
    maximum = attained(high, candidates + [c for c in _reached(-expr, gens)
                                           if c.point not in listed], gens, expr)
    return GlobalAnalysis(bounded_below=True if low else None,
                          bounded_above=True if high else None, minimum=minimum,
                          maximum=maximum,
                          reason=None if minimum or maximum else "not_polynomial")


#: Directions tried for a ray to ±∞ of a non-polynomial f (each costs a symbolic limit).
RAY_TRIES = 6


def rays(expr: Any, gens: Sequence[Any]) -> tuple[Line | None, Line | None]:
    """Rays t ↦ t·u (t > 0) along which a non-polynomial f tends to −∞ / +∞.

    f(t·u) must be real for every t > 0 (SymPy's assumptions with t positive: √(t²) + 1 is
    t + 1, log(−t) is not real), and its limit as t → +∞ exactly ±∞ (a symbolic limit,
    never a float)."""
    t = sympy.Symbol("t", positive=True)
    below = above = None
    for direction in directions(len(gens))[:RAY_TRIES]:
        restricted = expr.xreplace({g: d * t for g, d in zip(gens, direction, strict=True)})
        if not restricted.has(t) or restricted.is_extended_real is not True:
            continue
        try:
            limit = sympy.limit(restricted, t, sympy.oo)
        except (TypeError, ValueError, NotImplementedError, sympy.PoleError):
            continue   # SymPy cannot take this limit (max(t², 1)): no ray from it
        line = Line(direction, to_str(restricted), to_unicode(restricted), "+inf", "ray")
        if limit is sympy.S.NegativeInfinity and below is None:
            below = line
        elif limit is sympy.S.Infinity and above is None:
            above = line
        if below and above:
            break
    return below, above


def _reached(expr: Any, gens: Sequence[Any]) -> list[Candidate]:
    """The points where f (pass −f for the upper bound) is at its term-by-term lower bound,
    as candidates (∇f need not exist there: the cone's tip)."""
    out = []
    for at in where_reached(expr, gens):
        floats = [float(a) for a in at]
        out.append(Candidate({str(g): v for g, v in zip(gens, floats, strict=True)}, at,
                             float("nan"), None, display.point(floats, at)))
    return out


def attained(bound: Bound | None, candidates: Sequence[Candidate], gens: Sequence[Any],
             expr: Any) -> GlobalExtremum | None:
    """The global extremum a proven bound gives, when f reaches it (exactly) at candidates."""
    if bound is None:
        return None
    hits = [c for c in candidates if reaches(bound, expr, gens, c.exact, c.value_exact,
                                             tuple(c.point.values()))]
    if not hits:
        return None
    value = bound.value
    return GlobalExtremum(float(value), to_str(value), tuple(c.point for c in hits),
                          tuple(c.unicode for c in hits), bound.reason,
                          to_unicode(bound.certificate),
                          display.coordinate(float(value), short_exact(value)))


def reaches(bound: Bound, expr: Any, gens: Sequence[Any], exact: Sequence[Any] | None,
            value_exact: Any | None, point: Sequence[float]) -> bool:
    """Whether f = bound exactly at the point: its exact value, else f at its exact
    coordinates, else at the float coordinates snapped to short rationals."""
    if value_exact is not None:
        return sign(value_exact - bound.value) == 0
    at = exact if exact is not None else snapped(point)
    if at is None:
        return False
    value = expr.xreplace(dict(zip(gens, at, strict=True)))
    return bool(value.is_number and value.is_finite) and sign(value - bound.value) == 0


def snapped(point: Sequence[float], denominator: int = 10_000,
            tolerance: float = 1e-8) -> tuple[Any, ...] | None:
    """The point with every coordinate a short rational, when each is that close to one
    (relative ``tolerance``); what is then claimed is checked at the rational point."""
    out = []
    for x in point:
        q = Fraction(x).limit_denominator(denominator)
        if abs(float(q) - x) > tolerance * max(1.0, abs(x)):
            return None
        out.append(sympy.Rational(q.numerator, q.denominator))
    return tuple(out)


def settle(points: Sequence[CriticalPoint], analysis: GlobalAnalysis) -> tuple[CriticalPoint, ...]:
    """Degenerate points the Hessian left open that a proven global extremum attains:
    f ≥ f(p) everywhere makes p a minimum (x²y² at 0), so their test says so."""
    out = []
    for p in points:
        for result, extremum in (("minimum", analysis.minimum), ("maximum", analysis.maximum)):
            if extremum is not None and p.point in extremum.points and p.kind == "degenerate" \
                    and (p.test is None or p.test.result not in ("minimum", "maximum")):
                p = replace(p, test=ExtremumTest(result, "global_bound", True))
        out.append(p)
    return tuple(out)


def _same_value(a: Candidate, b: Candidate) -> bool:
    """Exact comparison when both values are exact, else the float tie above decides."""
    if a.value_exact is None or b.value_exact is None:
        return True
    return sign(a.value_exact - b.value_exact) == 0


__all__ = ["Candidate", "attained", "bound_global", "polynomial_global", "rays", "reaches",
           "settle", "snapped"]
