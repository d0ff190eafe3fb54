"""Signs of polynomials near a point and at infinity, decided exactly when possible.

Two questions reduce to the sign of a *homogeneous form* q of degree m (every term of
total degree m):

- near a critical point p, f(p + h) − f(p) = q₂(h) + q₃(h) + …, and the lowest non-zero
  part q_m decides when it is definite (a strict minimum or maximum) or takes both signs
  (not an extremum); an odd m always takes both signs;
- at infinity, f(t·u) = t^d·p_d(u) + O(t^{d−1}), so a positive definite top-degree part p_d
  makes f → +∞ in every direction (f is *coercive*).

:func:`form_sign` proves definiteness by Sylvester's criterion (m = 2), by the sign of a
univariate polynomial without real roots (two variables), or by weighted AM–GM
(|a·hᵅ| ≤ |a|·Σᵢ (αᵢ/m)|hᵢ|^m, so dominant pure powers win); it proves indefiniteness by
two exact evaluations of opposite signs. Otherwise it says ``"unknown"``.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

import sympy

POSITIVE, NEGATIVE, INDEFINITE, UNKNOWN = "positive", "negative", "indefinite", "unknown"

Monomial = tuple[int, ...]


def homogeneous_parts(poly: sympy.Poly) -> dict[int, dict[Monomial, Any]]:
    """``{degree: {monomial: coefficient}}`` of a polynomial, zero coefficients left out."""
    parts: dict[int, dict[Monomial, Any]] = {}
    for monomial, coeff in poly.terms():
        if coeff != 0:
            parts.setdefault(sum(monomial), {})[monomial] = coeff
    return parts


def evaluate(form: dict[Monomial, Any], point: Sequence[Any]) -> Any:
    """The form's exact value at a point (integers or rationals)."""
    total = sympy.Integer(0)
    for monomial, coeff in form.items():
        term = coeff
        for value, power in zip(point, monomial, strict=True):
            term *= sympy.Integer(value) ** power if power else 1
        total += term
    return sympy.expand(total)


def directions(n: int) -> list[tuple[int, ...]]:
    """Small integer directions to try, simplest first: {−2, …, 2}ⁿ for n ≤ 2, {−1, 0, 1}³,
    else sums of two signed axes."""
    if n <= 3:
        values = (-2, -1, 0, 1, 2) if n <= 2 else (-1, 0, 1)
        return sorted((d for d in itertools.product(values, repeat=n) if any(d)), key=_plain)
    out = []
    for i, j in itertools.combinations_with_replacement(range(n), 2):
        for si, sj in ((1, 1), (1, -1), (-1, -1), (-1, 1)):
            d = [0] * n
            d[i] += si
            d[j] += sj
            if any(d):
                out.append(tuple(d))
    return sorted(set(out), key=_plain)


def _plain(d: tuple[int, ...]) -> tuple[Any, ...]:
    """Simplest first: (1, 0) before (0, 1) before (1, 1) before (−1, 2)."""
    return (sum(abs(v) for v in d), max(abs(v) for v in d), sum(v < 0 for v in d),
            tuple(-abs(v) for v in d))


def sign_witnesses(form: dict[Monomial, Any], n: int,
                   ) -> tuple[tuple[int, ...] | None, tuple[int, ...] | None]:
    """A direction where the form is positive, and one where it is negative (or ``None``)."""
    plus = minus = None
    for d in directions(n):
        value = sign(evaluate(form, d))
        if value > 0 and plus is None:
            plus = d
        elif value < 0 and minus is None:
            minus = d
        if plus is not None and minus is not None:
            break
    return plus, minus


def form_sign(form: dict[Monomial, Any], n: int, degree: int) -> str:
    """:data:`POSITIVE`/:data:`NEGATIVE` (definite, proven), :data:`INDEFINITE`, or
    :data:`UNKNOWN` for a non-zero homogeneous form of ``degree`` in ``n`` variables."""
    plus, minus = sign_witnesses(form, n)
    if plus is not None and minus is not None:
        return INDEFINITE
    if degree % 2:
        return INDEFINITE  # q(−h) = −q(h), so a non-zero odd form takes both signs
    if minus is None and _positive_definite(form, n, degree):
        return POSITIVE
    negated = {m: -c for m, c in form.items()}
    if plus is None and _positive_definite(negated, n, degree):
        return NEGATIVE
    return UNKNOWN


def _positive_definite(form: dict[Monomial, Any], n: int, degree: int) -> bool:
    if n == 1:
        return sign(form.get((degree,), 0)) > 0
    if degree == 2 and _sylvester(form, n):
        return True
    if n == 2 and _two_variables(form, degree):
        return True
    return _am_gm(form, n, degree)


def _sylvester(form: dict[Monomial, Any], n: int) -> bool:
    """Sylvester's criterion: every leading principal minor of the Gram matrix is > 0."""
    gram = sympy.zeros(n, n)
    for monomial, coeff in form.items():
        idx = [i for i, p in enumerate(monomial) for _ in range(p)]
        i, j = idx
        gram[i, j] += coeff if i == j else coeff / 2
        if i != j:
            gram[j, i] += coeff / 2
    return all(sign(gram[:k, :k].det()) > 0 for k in range(1, n + 1))


def _two_variables(form: dict[Monomial, Any], degree: int) -> bool:
    """q(h₁, h₂) > 0 off 0 ⇔ q(0, 1) > 0 and q(1, t) > 0 for all t (no real root, q(1,0) > 0)."""
    if not all(c.is_Rational for c in form.values()):
        return False
    t = sympy.Symbol("t")
    univariate = sympy.Poly(sum(c * t ** m[1] for m, c in form.items()), t)
    return (sign(form.get((0, degree), 0)) > 0 and sign(univariate.nth(0)) > 0
            and univariate.count_roots() == 0)


def _am_gm(form: dict[Monomial, Any], n: int, degree: int) -> bool:
    """Each pure power cᵢ·hᵢ^m outweighs its share Σ|a|·αᵢ/m of the mixed terms."""
    margins = []
    for i in range(n):
        pure = tuple(degree if k == i else 0 for k in range(n))
        share = sum(abs(c) * sympy.Rational(m[i], degree) for m, c in form.items() if m != pure)
        margins.append(form.get(pure, 0) - share)
    return all(sign(m) > 0 for m in margins)


def dominant_powers(poly: sympy.Poly) -> dict[Monomial, Any] | None:
    """Pure even powers cᵢ·xᵢ^{dᵢ} (cᵢ > 0) that outgrow every other term, proving
    f → +∞ as ‖x‖ → ∞; ``None`` when this test cannot show it.

    Weighted AM–GM: a monomial x^α with s = Σ αᵢ/dᵢ < 1 is o(Σ|xᵢ|^{dᵢ}); with s = 1 it is at
    most |a|·Σ(αᵢ/dᵢ)|xᵢ|^{dᵢ}, so each cᵢ must exceed its share of those. (x⁴ − 2x² + y²:
    x⁴ and y² dominate, though the top-degree part x⁴ alone is only semidefinite.)
    """
    n = len(poly.gens)
    terms = {m: c for m, c in poly.terms() if c != 0 and any(m)}
    pure: dict[int, tuple[Monomial, Any]] = {}
    for m, c in terms.items():
        i = next(k for k, p in enumerate(m) if p)
        if sum(1 for p in m if p) == 1 and (i not in pure or m[i] > pure[i][0][i]):
            pure[i] = (m, c)
    if len(pure) < n or any(sign(c) <= 0 or m[i] % 2 for i, (m, c) in pure.items()):
        return None
    degree = [pure[i][0][i] for i in range(n)]
    margins = [pure[i][1] for i in range(n)]
    for m, c in terms.items():
        if any(m == pure[i][0] for i in range(n)):
            continue
        share = sum(sympy.Rational(m[i], degree[i]) for i in range(n))
        if share > 1:
            return None
        if share == 1:
            margins = [margins[i] - abs(c) * sympy.Rational(m[i], degree[i]) for i in range(n)]
    if any(sign(v) <= 0 for v in margins):
        return None
    return dict(pure[i] for i in range(n))


def even_powers_sign(poly: sympy.Poly) -> int:
    """+1 if every term is c·hᵅ with c > 0 and all αᵢ even (so poly ≥ 0), −1 if all c < 0
    likewise (poly ≤ 0), else 0."""
    terms = [(m, c) for m, c in poly.terms() if c != 0]
    if not terms or any(p % 2 for m, _ in terms for p in m):
        return 0
    signs = {sign(c) for _, c in terms}
    return signs.pop() if len(signs) == 1 else 0


def sign(value: Any) -> int:
    """The exact sign of a real number (rational or a short surd expression)."""
    if isinstance(value, int):
        return (value > 0) - (value < 0)
    if value.is_Rational:
        return (value.p > 0) - (value.p < 0)
    value = sympy.expand(value)
    if value == 0:
        return 0
    if value.is_Rational:
        return 1 if value > 0 else -1
    approx = value.evalf(60)
    if abs(approx) < sympy.Float(10) ** -50:
        return 0 if value.equals(0) else (1 if approx > 0 else -1)
    return 1 if approx > 0 else -1


__all__ = ["INDEFINITE", "NEGATIVE", "POSITIVE", "UNKNOWN", "directions", "dominant_powers",
           "evaluate",
           "even_powers_sign", "form_sign", "homogeneous_parts", "sign", "sign_witnesses"]
