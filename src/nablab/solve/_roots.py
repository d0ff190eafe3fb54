"""Real roots of one irreducible polynomial over ℚ: exact when short, 50 digits always.

A polynomial of degree 1 or 2 has its roots written exactly (``3/2``, ``-1/2 + sqrt(5)/2``),
and so does a binomial a·xⁿ + b (``-2**(2/3)/2``). Otherwise, from degree 3 on, radicals
(Cardano) or ``CRootOf`` are no help to a learner, so the roots
are isolated exactly — SymPy's ``Poly.intervals`` gives disjoint rational intervals, one per
real root, by Descartes' rule of signs on continued fractions — and each root is refined
inside its interval to :data:`DIGITS` digits by safeguarded Newton steps (bisection when a
step would leave the interval). The isolation makes the count and the separation of the
roots exact; only the digits come from floating point.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import mpmath
import numpy as np
import sympy

from nablab.core.printing import to_str

#: Working precision (decimal digits) of every high-precision value.
DIGITS = 50
#: Exact forms longer than this many characters (as ``to_str`` writes them) become floats.
SHORT = 32


@dataclass(frozen=True)
class RealRoot:
    """One real root: ``value`` to :data:`DIGITS` digits and, when short, ``exact``."""

    value: Any
    exact: Any | None


def short_exact(value: Any) -> Any | None:
    """``value`` if it is a short, explicit real number (no ``RootOf``), else ``None``."""
    if value is None or value.has(sympy.RootOf) or not value.is_number:
        return None
    return value if len(to_str(value)) <= SHORT else None


def real_roots(h: sympy.Poly) -> list[RealRoot]:
    """The real roots of an irreducible ``h`` with rational coefficients, in increasing order.

    Args:
        h: a univariate polynomial, irreducible over ℚ (so its roots are simple).

    Returns:
        One :class:`RealRoot` per real root; exact forms for degrees 1 and 2 and for
        binomials a·xⁿ + b.
    """
    degree = h.degree()
    if degree == 1:
        a, b = h.all_coeffs()
        root = sympy.Rational(-b, a)
        return [RealRoot(_mpf(root), root)]
    if degree == 2:
        return _quadratic_roots(*h.all_coeffs())
    if len(h.terms()) == 2 and h.nth(0) != 0:
        return _pure_roots(h)
    guesses = np.roots([float(c) for c in h.all_coeffs()]).real
    with mpmath.workdps(DIGITS + 10):
        coeffs = [mpmath.mpf(int(c.p)) / int(c.q) for c in map(sympy.Rational, h.all_coeffs())]
        return [RealRoot(_refine(coeffs, a, b, guesses), None) for (a, b), _ in h.intervals()]


def _quadratic_roots(a: Any, b: Any, c: Any) -> list[RealRoot]:
    """Roots of a x² + b x + c by the quadratic formula, when b² − 4ac > 0."""
    disc = b * b - 4 * a * c
    if disc < 0:
        return []
    out = []
    for sign in (-1, 1) if a > 0 else (1, -1):
        exact = sympy.radsimp((-b + sign * sympy.sqrt(disc)) / (2 * a))
        with mpmath.workdps(DIGITS + 10):
            value = (-_mpf(b) + sign * mpmath.sqrt(_mpf(disc))) / (2 * _mpf(a))
        out.append(RealRoot(value, short_exact(exact)))
    return out


def _pure_roots(h: sympy.Poly) -> list[RealRoot]:
    """Real roots of a·xⁿ + b: ±|b/a|^(1/n), a pure radical (``-2**(2/3)/2``)."""
    a, b = h.LC(), h.nth(0)
    n, ratio = h.degree(), sympy.Rational(-b, a)
    if n % 2 == 0 and ratio < 0:
        return []
    magnitude = sympy.root(abs(ratio), n)
    signs = (-1, 1) if n % 2 == 0 else ((1,) if ratio > 0 else (-1,))
    out = []
    for sign in signs:
        exact = sympy.radsimp(sign * magnitude)
        with mpmath.workdps(DIGITS + 10):
            value = sign * mpmath.root(abs(_mpf(ratio)), n)
        out.append(RealRoot(value, short_exact(exact)))
    return out


def _mpf(value: Any) -> Any:
    value = sympy.Rational(value)
    with mpmath.workdps(DIGITS + 10):
        return mpmath.mpf(int(value.p)) / int(value.q)


def _refine(coeffs: list[Any], low: Any, high: Any, guesses: Any) -> Any:
    """The one root of the polynomial in [low, high], by Newton safeguarded with bisection,
    started from a float root (``numpy.roots``) inside the interval when there is one."""
    lo, hi = _mpf(low), _mpf(high)
    if lo == hi:
        return lo
    f_lo = mpmath.polyval(coeffs, lo)
    inside = [g for g in guesses if float(low) <= g <= float(high)]
    x = mpmath.mpf(inside[0]) if inside and lo < inside[0] < hi else (lo + hi) / 2
    tol = mpmath.mpf(10) ** (-DIGITS - 5) * max(1, abs(x))
    for _ in range(400):
        fx, dfx = mpmath.polyval(coeffs, x, derivative=True)
        if fx == 0:
            return x
        if (fx > 0) == (f_lo > 0):
            lo, f_lo = x, fx
        else:
            hi = x
        step = fx / dfx if dfx != 0 else mpmath.inf
        if abs(step) <= tol:
            return x - step
        new = x - step
        if not lo <= new <= hi:
            new = (lo + hi) / 2
        if hi - lo <= tol:
            return new
        x = new
    return x


__all__ = ["DIGITS", "SHORT", "RealRoot", "real_roots", "short_exact"]
