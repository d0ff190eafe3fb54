"""Curves in the set running into a pole of f: f has no highest (lowest) value there.

x² + 2/x on −1 ≤ x ≤ 4 is not defined at x = 0, a point of the set, so the extreme value
theorem does not apply; and indeed along x = 1/t (in the set for t ≥ 1/4) f = 1/t² + 2t
→ +∞, along x = −1/t f → −∞: no maximum and no minimum. In general, at a point p of the
set where a denominator of f vanishes (an exact rational point, found by
:mod:`nablab.constrained.continuity`), try the curves x = p + d/t for small integer
directions d: with u = 1/t → 0⁺ every function is a rational function P(u)/Q(u), whose
behaviour as u → 0⁺ is its lowest-order term (P's lowest coefficient over Q's, times
u^(ord P − ord Q)) — exact, nothing sampled. The curve lies in the set for all large t when
each equality vanishes identically along it and each inequality's residual is eventually
of the right sign (or 0); f → ±∞ when its order is negative.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sympy

from nablab.constrained.curves import Curve
from nablab.core.printing import to_unicode
from nablab.critical.forms import directions

Sided = tuple[int, Any]


def pole_curves(f: Any, constraints: Sequence[Sided], variables: Sequence[sympy.Symbol],
                point: Sequence[Any]) -> tuple[Curve | None, Curve | None]:
    """(a curve x = p + d/t in the set along which f → +∞, one along which f → −∞), each
    ``None`` if not found. Only for f and the constraints rational functions with real
    constant coefficients (π allowed: signs are decided exactly) and p rational."""
    u = sympy.Symbol("u", positive=True)
    functions = [f, *(r for _, r in constraints)]
    if not all(e.is_rational_function(*variables) for e in functions) or \
            not all(p.is_Rational for p in point):
        return None, None
    up = down = None
    for d in directions(len(variables)):
        moved = {v: p + di * u for v, p, di in zip(variables, point, d, strict=True)}
        inside = True
        for s, r in constraints:
            order = _lowest(r.xreplace(moved), u)
            if order is None or (s == 0 and order[1] != 0) or (s != 0 and s * order[1] > 0):
                inside = False
                break
        if not inside:
            continue
        order = _lowest(f.xreplace(moved), u)
        if order is None or order[0] >= 0 or order[1] == 0:
            continue
        curve = _curve(f, variables, point, d, order)
        if order[1] > 0 and up is None:
            up = curve
        if order[1] < 0 and down is None:
            down = curve
        if up is not None and down is not None:
            break
    return up, down


def _lowest(expr: Any, u: sympy.Symbol) -> tuple[int, int] | None:
    """(order, sign) of the lowest-order term of a rational function of u at u → 0⁺;
    (0, 0) when it is identically 0; ``None`` when a coefficient's sign is not known."""
    numerator, denominator = sympy.fraction(sympy.together(expr))
    try:
        top, bottom = sympy.Poly(numerator, u), sympy.Poly(denominator, u)
    except sympy.PolynomialError:
        return None
    if not all(c.is_number and c.is_real for c in top.coeffs() + bottom.coeffs()):
        return None
    if top.is_zero:
        return 0, 0
    if bottom.is_zero:
        return None
    (low_top, a), (low_bottom, b) = _low(top), _low(bottom)
    signs = [_sign(a), _sign(b)]
    if 0 in signs:
        return None
    return low_top - low_bottom, signs[0] * signs[1]


def _sign(c: Any) -> int:
    """The sign of a real constant (π − 3 included), 0 when SymPy cannot prove it."""
    if c.is_positive:
        return 1
    return -1 if c.is_negative else 0


def _low(poly: sympy.Poly) -> tuple[int, Any]:
    """(degree, coefficient) of the lowest-degree non-zero term."""
    degree, coefficient = min(((m[0], c) for m, c in poly.terms()), key=lambda mc: mc[0])
    return degree, coefficient


def _curve(f: Any, variables: Sequence[sympy.Symbol], point: Sequence[Any],
           d: Sequence[int], order: tuple[int, int]) -> Curve:
    t = sympy.Symbol("t", positive=True)
    coords = {v: p + sympy.Rational(di) / t for v, p, di in zip(variables, point, d,
                                                                 strict=True)}
    along = sympy.cancel(f.xreplace(coords))
    numerator, denominator = sympy.fraction(along)
    top, bottom = sympy.Poly(numerator, t), sympy.Poly(denominator, t)
    leading = sympy.cancel(top.LC() / bottom.LC()) * t ** (top.degree() - bottom.degree())
    return Curve({v.name: to_unicode(e) for v, e in coords.items()}, to_unicode(along),
                 to_unicode(leading), "+inf" if order[1] > 0 else "-inf", kind="pole")


__all__ = ["pole_curves"]
