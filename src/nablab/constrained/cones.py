"""The sign of f's highest-degree part on a polyhedral cone: coercivity ON an unbounded set.

Far out, a polyhedron P = {Ax ≤ b} lies along its recession cone C = {Ad ≤ 0}: for x ∈ P,
x/|x| comes within O(1/|x|) of C. So when f's highest-degree part q (degree k) is negative
at every point of C other than 0, it stays below −c < 0 on the unit vectors near C, and
f(x) ≤ −c|x|ᵏ + O(|x|ᵏ⁻¹) → −∞ on P: every set {x ∈ P : f(x) ≥ m} is bounded, and f (a
polynomial, continuous) attains a highest value on any closed S ⊂ P. Positive: lowest.

Exactly, on a pointed cone spanned by linearly independent extreme rays r₁ … r_m (a
simplicial cone, such as the quadrant x, y ≥ 0): d = Σ aᵢrᵢ with a ≥ 0, a ≠ 0, and
p(a) = q(Σ aᵢrᵢ) must be negative on the orthant minus 0. That holds when

- m = 1: p = q(r₁)·a₁ᵏ with q(r₁) < 0;
- m = 2: p(a₁, a₂) = a₂ᵏ·p(s, 1) with s = a₁/a₂: p(0, 1) < 0, p(1, 0) < 0 and p(s, 1) has
  no real root s > 0 (exact root isolation);
- any m: every coefficient of p is ≤ 0 and each aᵢᵏ has a negative one (each monomial is
  ≥ 0 on the orthant, so p ≤ Σ cᵢ aᵢᵏ < 0) — sufficient, not necessary.

Otherwise nothing is claimed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sympy

from nablab.critical.forms import NEGATIVE, POSITIVE


def sign_on_cone(form: Any, variables: Sequence[sympy.Symbol], rays: Sequence[Any],
                 ) -> str | None:
    """``NEGATIVE``/``POSITIVE`` when the homogeneous polynomial ``form`` is negative
    (positive) at every non-zero point of the cone spanned by ``rays`` (exact vectors,
    linearly independent), else ``None``."""
    unique = _unique(rays)
    if not unique or sympy.Matrix.hstack(*unique).rank() != len(unique):
        return None
    a = sympy.symbols(f"a0:{len(unique)}", nonnegative=True)
    d = sum((ai * r for ai, r in zip(a, unique, strict=True)), sympy.zeros(len(variables), 1))
    p = sympy.Poly(sympy.expand(form.xreplace(dict(zip(variables, d, strict=True)))), *a)
    if p.is_zero:
        return None
    for sign, name in ((1, POSITIVE), (-1, NEGATIVE)):
        if _positive_on_orthant(sign * p):
            return name
    return None


def _unique(rays: Sequence[Any]) -> list[Any]:
    """The rays, each once (rays are equal when one is a positive multiple of the other)."""
    out: list[Any] = []
    for r in rays:
        r = sympy.Matrix(r)
        scale = max(abs(x) for x in r)
        if scale == 0:
            continue
        r = r / scale
        if all(r != s for s in out):
            out.append(r)
    return out


def _positive_on_orthant(p: sympy.Poly) -> bool:
    """Whether a homogeneous p is positive on the orthant a ≥ 0 minus 0 (see the module)."""
    m, k = len(p.gens), p.total_degree()
    pure = [p.coeff_monomial(tuple(k if j == i else 0 for j in range(m))) for i in range(m)]
    if any(c <= 0 for c in pure):
        return False
    if all(c >= 0 for c in p.coeffs()):
        return True
    if m == 2:
        s = sympy.Symbol("s", positive=True)
        one = sympy.Poly(p.as_expr().xreplace({p.gens[0]: s, p.gens[1]: 1}), s)
        return all(root <= 0 for root in one.real_roots())
    return False


__all__ = ["NEGATIVE", "POSITIVE", "sign_on_cone"]
