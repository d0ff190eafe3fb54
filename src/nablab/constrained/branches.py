"""Branches of a plane curve g(x, y) = 0 that run off to infinity, and f along them.

x³ − y³ = 1 has no line in it and cannot be solved for x or y rationally, yet it runs off
along the direction (1, 1), a real root of its highest-degree part x³ − y³. Around such a
direction d, with e = (−d₂, d₁), write a point as t·d + s·e. When g(t·d + s·e) has opposite
signs at s = −c and s = +c for every large t (read exactly from the leading coefficients in
t), the intermediate value theorem gives, for each large t, a point t·d + s(t)·e of the
curve with |s(t)| < c — a branch of the set going to infinity. If f(t·d + s·e) → +∞ as
t → +∞ uniformly for s in [−c, c] (its leading coefficient in t, a polynomial in s, has no
root on [−c, c]), then f → +∞ along that branch: f has no highest value on the set.
Inequalities are checked the same way (their leading coefficient keeps the right sign on
the strip). For x³ − y³ = 1 and d = (1, 1), e = (−1, 1): x = t − s, y = t + s and
g = −2s(3t² + s²) − 1, which is 6t² + 1 > 0 at s = −1 and −6t² − 3 < 0 at s = 1; and
f = x + y = 2t → +∞ (−∞ along −d). Exact rational arithmetic throughout; nothing is
sampled.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import sympy

from nablab.constrained.curves import Curve
from nablab.constrained.reduce import Reduced
from nablab.core.printing import to_unicode

#: Half-widths c of the strip tried around each direction.
WIDTHS = (1, 16)


def unbounded_branches(reduced: Reduced, names: Sequence[str],
                       ) -> tuple[Curve | None, Curve | None]:
    """(a branch along which f → +∞, one along which f → −∞), each ``None`` if not found.

    Only for one equality in two variables left after elimination (nothing eliminated),
    every function a polynomial over ℚ."""
    if reduced.empty or len(reduced.variables) != 2 or len(reduced.equalities) != 1 or \
            reduced.eliminated:
        return None, None
    x, y = reduced.variables
    functions = [reduced.objective, reduced.equalities[0], *(r for _, r in reduced.inequalities)]
    if not all(_rational_poly(e, (x, y)) for e in functions):
        return None, None
    t, s = sympy.Symbol("t", real=True), sympy.Symbol("s", real=True)
    up = down = None
    for d in _directions(reduced.equalities[0], x, y):
        point = {x: t * d[0] - s * d[1], y: t * d[1] + s * d[0]}
        along = [sympy.Poly(sympy.expand(e.xreplace(point)), t, s) for e in functions]
        for c in WIDTHS:
            limit = _limit(along[0], along[1], [(side, p) for (side, _), p in
                                                zip(reduced.inequalities, along[2:],
                                                    strict=True)], c)
            if limit is None:
                continue
            curve = _curve(along[0], point, c, limit, names, reduced.equalities[0], t, s)
            if limit > 0 and up is None:
                up = curve
            if limit < 0 and down is None:
                down = curve
            break
        if up is not None and down is not None:
            break
    return up, down


def _rational_poly(expr: Any, variables: Sequence[sympy.Symbol]) -> bool:
    try:
        poly = sympy.Poly(expr, *variables)
    except sympy.PolynomialError:
        return False
    return bool(poly.domain.is_ZZ or poly.domain.is_QQ)


def _directions(g: Any, x: sympy.Symbol, y: sympy.Symbol) -> Iterator[tuple[int, int]]:
    """±d for each rational root direction d of g's highest-degree part (a linear factor
    a·x + b·y of it gives d = (b, −a))."""
    poly = sympy.Poly(g, x, y)
    degree = poly.total_degree()
    top = sympy.Poly.from_dict({m: c for m, c in poly.terms() if sum(m) == degree}, x, y)
    for factor, _ in sympy.factor_list(top.as_expr(), x, y)[1]:
        linear = sympy.Poly(factor, x, y)
        if linear.total_degree() != 1:
            continue
        a, b = linear.coeff_monomial(x), linear.coeff_monomial(y)
        scale = sympy.ilcm(sympy.fraction(a)[1], sympy.fraction(b)[1])
        a, b = int(a * scale), int(b * scale)
        yield b, -a
        yield -b, a


def _leading(p: sympy.Poly) -> tuple[int, Any]:
    """(degree in t, its coefficient as a polynomial in s) of p(t, s)."""
    degree = p.degree(p.gens[0])
    coefficient = sum((c * p.gens[1] ** m[1] for m, c in p.terms() if m[0] == degree),
                      sympy.Integer(0))
    return degree, coefficient


def _sign_on(coefficient: Any, s: sympy.Symbol, c: int) -> int:
    """+1 / −1 when the polynomial ``coefficient`` in s keeps that sign on [−c, c] (no
    root there), else 0."""
    if coefficient.is_number:
        return int(sympy.sign(coefficient))
    poly = sympy.Poly(coefficient, s)
    if poly.count_roots(-c, c) != 0:
        return 0
    return int(sympy.sign(poly.nth(0)))  # its value at s = 0


def _eventual_sign(p: sympy.Poly, s_value: int) -> int:
    """The sign of p(t, s_value) for all large t (0 when identically 0)."""
    q = sympy.Poly(p.as_expr().xreplace({p.gens[1]: s_value}), p.gens[0])
    return 0 if q.is_zero else int(sympy.sign(q.LC()))


def _limit(f: sympy.Poly, g: sympy.Poly, inequalities: Sequence[tuple[int, sympy.Poly]],
           c: int) -> int | None:
    """+1 / −1 when the strip |s| ≤ c holds a branch of g = 0 for large t on which every
    inequality holds and f → +∞ / −∞ uniformly; else ``None``."""
    low, high = _eventual_sign(g, -c), _eventual_sign(g, c)
    if low == 0 or high == 0 or low == high:
        return None
    s = g.gens[1]
    for side, r in inequalities:
        degree, coefficient = _leading(r)
        sign = _sign_on(coefficient, s, c)
        if sign == 0 or side * sign >= 0 or (degree == 0 and not coefficient.is_number):
            return None
    degree, coefficient = _leading(f)
    sign = _sign_on(coefficient, s, c)
    return sign if degree >= 1 and sign != 0 else None


def _curve(f: sympy.Poly, point: dict[sympy.Symbol, Any], c: int, limit: int,
           names: Sequence[str], g: Any, t: sympy.Symbol, s: sympy.Symbol) -> Curve:
    degree, coefficient = _leading(f)
    leading = sympy.expand(coefficient * t ** degree)
    along = f.as_expr()
    shown = {k.name: to_unicode(v) for k, v in point.items()}
    return Curve({n: shown[n] for n in names if n in shown}, to_unicode(along),
                 to_unicode(leading), "+inf" if limit > 0 else "-inf", kind="branch",
                 strip=f"|s| < {c}", equation=f"{to_unicode(g)} = 0")


__all__ = ["unbounded_branches"]
