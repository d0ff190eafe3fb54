"""Degenerate critical points: when the Hessian cannot decide, look further.

At a critical point p with a singular, semidefinite Hessian, the second-order term of
f(p + h) − f(p) vanishes in some direction, so higher-order terms decide. In order:

1. **Even powers** (polynomial f, exact p): if every term of f(p + h) − f(p) is c·hᵅ with
   all αᵢ even and c > 0, then f(p + h) ≥ f(p): a minimum (x⁴ + y⁴ at 0). Proof.
2. **Lowest-order term**: f(p + h) − f(p) = q_m(h) + O(|h|^{m+1}) with q_m the first
   non-zero homogeneous part. q_m definite → strict minimum/maximum; q_m taking both signs
   (always when m is odd: x³ at 0) → not an extremum. Proof.
3. **Kernel line**: H ⪰ 0 but f(p + t·v) − f(p) starts with an odd power of t or a negative
   coefficient for a null vector v of H, or along a parabola t·v + c·t²·eᵢ → not an
   extremum (f rises along an eigenvector with λ > 0 and falls along the curve). Proof.
4. **One variable, non-polynomial**: the first derivative f⁽ᵏ⁾(a) ≠ 0 (k ≥ 3), numerically:
   k odd → not an extremum; k even → minimum if f⁽ᵏ⁾(a) > 0, maximum if < 0.
5. **Neighbourhood**: f sampled on spheres of radius 10⁻¹ … 10⁻⁴ around p. Values on both
   sides of f(p) at the two smallest informative radii → not an extremum (exact arithmetic
   confirms the witnesses for a polynomial at an exact point); one side only → inconclusive,
   with that evidence. Sampling proves nothing about a minimum (Peano's (y − x²)(y − 2x²)
   has a minimum on every line through 0 and none at 0), so it never claims one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import sympy

from nablab.critical.forms import (
    INDEFINITE,
    NEGATIVE,
    POSITIVE,
    even_powers_sign,
    form_sign,
    homogeneous_parts,
    sign,
    sign_witnesses,
)
from nablab.critical.result import ExtremumTest

RADII = (1e-1, 1e-2, 1e-3, 1e-4)


def shifted(poly: sympy.Poly, point: Sequence[Any]) -> sympy.Poly:
    """f(p + h) − f(p) as a polynomial in h = (h₁, …, hₙ)."""
    gens = poly.gens
    h = sympy.symbols(f"h1:{len(gens) + 1}", real=True)
    if all(isinstance(p, int) or (isinstance(p, sympy.Basic) and p.is_Rational)
           for p in point):
        # Rational p: Poly arithmetic over ℚ, 4× faster than expanding an expression.
        moved = [sympy.Poly(hi + p, *h, domain=sympy.QQ) for hi, p in zip(h, point, strict=True)]
        total = sympy.Poly(0, *h, domain=sympy.QQ)
        for monomial, coeff in poly.terms():
            term = sympy.Poly(coeff, *h, domain=sympy.QQ)
            for base, k in zip(moved, monomial, strict=True):
                term = term * base ** k if k else term
            total = total + term
        return total - sympy.Poly(total.coeff_monomial(1), *h, domain=sympy.QQ)
    moved_expr = poly.as_expr().xreplace({g: p + hi for g, p, hi in zip(gens, point, h,
                                                                          strict=True)})
    base = poly.as_expr().xreplace(dict(zip(gens, point, strict=True)))
    return sympy.Poly(sympy.expand(moved_expr - base), *h)


def exact_test(poly: sympy.Poly, point: Sequence[Any],
               hessian: sympy.Matrix) -> ExtremumTest | None:
    """Tests 1–3 at an exact point of a polynomial; ``None`` when none decides."""
    g = shifted(poly, point)
    n = len(point)
    even = even_powers_sign(g)
    if even:
        return ExtremumTest("minimum" if even > 0 else "maximum", "even_powers", True)
    parts = homogeneous_parts(g)
    if not parts:
        return None  # f is constant near p: every point around it is critical too
    order = min(parts)
    verdict = {POSITIVE: "minimum", NEGATIVE: "maximum",
               INDEFINITE: "not_extremum"}.get(form_sign(parts[order], n, order))
    if verdict is not None:
        return ExtremumTest(verdict, "higher_order", True, order=order)
    if order == 2:
        return _kernel_line(g, parts[2], hessian, n)
    return None


def _kernel_line(g: sympy.Poly, q2: dict[Any, Any], hessian: sympy.Matrix,
                 n: int) -> ExtremumTest | None:
    """Test 3 along null vectors v of H, and along parabolas t·v + c·t²·eᵢ (which catch
    Peano's (y − x²)(y − 2x²): along y = 3x²/2 it is −x⁴/4 < 0, while y² ≥ 0)."""
    plus, _ = sign_witnesses(q2, n)
    curvature = 1 if plus is not None else -1
    t = sympy.Symbol("t")
    for v in hessian.nullspace():
        for curve in _curves(list(v), n, t):
            along = sympy.Poly(sympy.expand(g.as_expr().xreplace(
                dict(zip(g.gens, curve, strict=True)))), t)
            terms = [(m[0], c) for m, c in along.terms() if c != 0]
            if not terms:
                continue
            k, c = min(terms)
            if k % 2 or sign(c) != curvature:
                return ExtremumTest("not_extremum", "kernel_line", True, order=k)
    return None


def _curves(v: list[Any], n: int, t: sympy.Symbol) -> list[list[Any]]:
    """The line t·v, then the parabolas t·v + c·t²·eᵢ for a few rational c."""
    curves = [[t * vi for vi in v]]
    for i in range(n):
        for c in (sympy.Rational(k, 2) for k in (-6, -4, -3, -2, -1, 1, 2, 3, 4, 6)):
            curves.append([t * vi + (c * t ** 2 if j == i else 0) for j, vi in enumerate(v)])
    return curves


def derivative_test(expr: Any, var: sympy.Symbol, a: float) -> ExtremumTest | None:
    """Test 4: the first non-zero derivative of order 3…8 at a float point, numerically."""
    derivative = sympy.diff(expr, var, 2)
    at = {var: sympy.Float(a, 30)}
    for k in range(3, 9):
        derivative = sympy.diff(derivative, var)
        value = _float(derivative, at)
        following = _float(sympy.diff(derivative, var), at)
        if value is None or following is None:
            return None
        if abs(value) > 1e-6 * max(1.0, abs(following)):
            if k % 2:
                return ExtremumTest("not_extremum", "derivatives", False, order=k)
            return ExtremumTest("minimum" if value > 0 else "maximum", "derivatives", False,
                                order=k)
    return None


def _float(expr: Any, at: dict[Any, Any]) -> float | None:
    value = expr.evalf(30, subs=at)
    if not value.is_number or not value.is_real or not value.is_finite:
        return None
    return float(value)


def neighbourhood_test(f: Callable[..., Any], point: Sequence[float], value: float,
                       confirm: Callable[[np.ndarray], int | None] | None = None,
                       ) -> ExtremumTest:
    """Test 5: sample f around ``point``; ``confirm(offset)`` gives the exact sign of
    f(p + offset) − f(p) when it can (then "not an extremum" is proven)."""
    p = np.asarray(point, dtype=float)
    dirs = neighbourhood_directions(len(p))
    tol = 1e-12 * max(1.0, abs(value))
    seen = []
    for r in RADII:
        offsets = r * dirs
        with np.errstate(all="ignore"):
            diff = np.asarray(f(*(p[:, None] + offsets.T)), dtype=float) - value
        if np.any(np.isfinite(diff) & (np.abs(diff) > 100 * tol)):
            seen.append((offsets, diff))
    if not seen:
        return ExtremumTest("inconclusive", "neighbourhood", False)
    last = seen[-2:]
    lower = all(np.any(d < -tol) for _, d in last)
    higher = all(np.any(d > tol) for _, d in last)
    if lower and higher:
        offsets, diff = last[-1]
        proof = confirm is not None and _confirmed(confirm, offsets, diff)
        return ExtremumTest("not_extremum", "neighbourhood", proof)
    evidence = "no_lower_value" if not lower else ("no_higher_value" if not higher else None)
    return ExtremumTest("inconclusive", "neighbourhood", False, evidence=evidence)


def _confirmed(confirm: Callable[[np.ndarray], int | None], offsets: np.ndarray,
               diff: np.ndarray) -> bool:
    low, high = offsets[int(np.argmin(diff))], offsets[int(np.argmax(diff))]
    return confirm(low) == -1 and confirm(high) == 1


def neighbourhood_directions(n: int) -> np.ndarray:
    """Unit vectors: ±1 in one variable, 720 angles in two, 2048 spread points beyond."""
    if n == 1:
        return np.array([[-1.0], [1.0]])
    if n == 2:
        angles = np.linspace(0, 2 * np.pi, 720, endpoint=False)
        return np.stack([np.cos(angles), np.sin(angles)], axis=1)
    raw = np.random.default_rng(0).standard_normal((2048, n))
    return raw / np.linalg.norm(raw, axis=1, keepdims=True)


def exact_sign_at(g: sympy.Poly) -> Callable[[np.ndarray], int | None]:
    """``offset ↦ sign(g(offset))`` in exact arithmetic (offsets as exact binary rationals)."""

    def confirm(offset: np.ndarray) -> int | None:
        return sign(g(*[sympy.Rational(float(o)) for o in offset]))

    return confirm


__all__ = ["RADII", "derivative_test", "exact_sign_at", "exact_test", "neighbourhood_directions",
           "neighbourhood_test", "shifted"]
