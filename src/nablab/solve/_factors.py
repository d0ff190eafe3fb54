"""The factors of an eliminant that matter for exact forms, without factoring it in full.

A real root has a short exact form only when its irreducible factor over ℚ has degree 1 or
2 or is a binomial a·xᵏ + b (:mod:`nablab.solve._roots`). A small eliminant is factored
completely (SymPy's Zassenhaus algorithm). A large one — degree 49 for ∇f = 0 of a dense
bivariate octic — costs that algorithm a third of a second in Hensel lifting, so only those
factors are looked for: each real root, refined to :data:`_DIGITS` digits, is tested for being
rational (continued fractions), quadratic (PSLQ, ``mpmath.findpoly``) or a k-th root of a
rational; a candidate counts only once its irreducible factor divides the eliminant exactly.
What is left is one cofactor, whose real roots are isolated as before (exactly; floats to 50
digits). A factor with a long form is not found, but its roots have no short form anyway.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import mpmath
import sympy

from nablab.solve._roots import RealRoot, real_roots

#: Eliminants up to this degree are factored completely.
SMALL = 12
#: Digits the real roots are refined to for recognising them.
_DIGITS = 120
#: Largest coefficient of a quadratic factor looked for (a short form has far smaller
#: ones), and the digits PSLQ works with to find it (three times its size, and a margin).
_MAX_COEFF = 10 ** 20
_PSLQ_DIGITS = 80
#: Largest numerator and denominator of a rational root (or power of a root) looked for.
_LIMIT = 10 ** 40


def factors(h: sympy.Poly) -> list[tuple[sympy.Poly, int, list[RealRoot]]]:
    """(factor, multiplicity, its real roots) whose product is h up to a constant:
    irreducible factors when h is small; otherwise the irreducible factors with exactly
    written real roots, and one cofactor per multiplicity holding the rest."""
    if h.degree() <= SMALL:
        return [(f, m, real_roots(f)) for f, m in h.factor_list()[1]]
    out: list[tuple[sympy.Poly, int, list[RealRoot]]] = []
    for g, m in h.sqf_list()[1]:
        if g.degree() <= SMALL:
            out += [(f, m * k, real_roots(f)) for f, k in g.factor_list()[1]]
            continue
        rest, left = g, []
        for small, roots in _exact_factors(g):
            if small is None:
                left += roots
                continue
            rest = rest.exquo(small)
            out.append((small, m, real_roots(small)))
        if rest.degree() > 0:
            out.append((rest, m, left))
    return out


def _exact_factors(g: sympy.Poly) -> list[tuple[sympy.Poly | None, list[RealRoot]]]:
    """The distinct irreducible factors of degree ≤ 2 or binomial with a real root, and
    (with ``None``) the real roots of g that belong to none of them."""
    x = g.gen
    found: list[sympy.Poly] = []
    left: list[RealRoot] = []
    with mpmath.workdps(_DIGITS + 20):
        coefficients = [mpmath.mpf(int(c))
                        for c in g.clear_denoms(convert=True)[1].all_coeffs()]
    for approximate in real_roots(g):
        root = _refined(coefficients, approximate.value)
        if any(_vanishes(f, root) for f in found):
            continue
        for candidate in _candidates(root, x, g.degree()):
            factor = _vanishing_factor(candidate, root)
            if factor is not None and g.rem(factor).is_zero:
                found.append(factor)
                break
        else:
            left.append(approximate)
    return [(f, []) for f in found] + [(None, left)]


def _refined(coefficients: list[Any], start: Any) -> Any:
    """A 50-digit root polished by Newton's method to :data:`_DIGITS` digits."""
    with mpmath.workdps(_DIGITS + 20):
        x = mpmath.mpf(start)
        for _ in range(4):
            value, slope = mpmath.polyval(coefficients, x, derivative=True)
            if slope == 0:
                break
            x -= value / slope
        return x


def _candidates(root: Any, x: sympy.Symbol, degree: int) -> list[Any]:
    """Polynomials of degree 1, 2 and binomials that the root might satisfy."""
    out = []
    with mpmath.workdps(_DIGITS):
        rational = _rational(root)
        if rational is not None:
            out.append(rational.denominator * x - rational.numerator)
        with mpmath.workdps(_PSLQ_DIGITS):
            quadratic = mpmath.findpoly(+root, 2, maxcoeff=_MAX_COEFF)
        if quadratic:
            out.append(sum(int(c) * x ** (len(quadratic) - 1 - i)
                           for i, c in enumerate(quadratic)))
        for k in range(3, min(degree, SMALL) + 1):
            power = _rational(root ** k)
            if power is not None:
                out.append(power.denominator * x ** k - power.numerator)
                break
    return out


def _rational(value: Any) -> Fraction | None:
    """p/q equal to ``value`` to all but 20 of its digits, |p|, q < 10⁴⁰, else ``None``."""
    if not abs(value) < _LIMIT or value == 0:
        return None if value != 0 else Fraction(0)
    mantissa, exponent = int(value.man), int(value.exp)
    exact = Fraction(mantissa * 2 ** exponent) if exponent >= 0 else \
        Fraction(mantissa, 2 ** -exponent)
    fraction = exact.limit_denominator(_LIMIT)
    if abs(fraction.numerator) >= _LIMIT or abs(
            mpmath.mpf(fraction.numerator) / fraction.denominator - value) > \
            mpmath.mpf(10) ** (20 - _DIGITS) * max(1, abs(value)):
        return None
    return fraction


def _vanishing_factor(candidate: Any, root: Any) -> sympy.Poly | None:
    """The irreducible factor of the candidate that vanishes at the root."""
    for f, _ in sympy.Poly(candidate).factor_list()[1]:
        if _vanishes(f, root):
            return f
    return None


def _vanishes(f: sympy.Poly, root: Any) -> bool:
    """f(root) = 0 to all but 30 of the root's digits, relative to f's terms."""
    with mpmath.workdps(_DIGITS):
        coefficients = [mpmath.mpf(int(c)) for c in f.clear_denoms(convert=True)[1].all_coeffs()]
        size = sum(abs(c) for c in coefficients) * max(1, abs(root)) ** f.degree()
        return bool(abs(mpmath.polyval(coefficients, root))
                    <= mpmath.mpf(10) ** (30 - _DIGITS) * size)


__all__ = ["SMALL", "factors"]
