"""One solution of a polynomial system to 50 digits, its last coordinate known exactly.

When the eliminant h(xₙ) is in shape position, each real root r of h belongs to exactly one
solution, and it is real. Its other coordinates come from a float guess (an eigenvector of
the multiplication matrix, or msolve's isolating box) polished by Gauss–Newton steps in
60-digit arithmetic on the original equations with xₙ = r held fixed: the Jacobian there has
full rank (the ideal is radical at that point), so the steps converge quadratically. The
result must satisfy every equation to 30 digits, relative to the size of its terms — the same
test the exact path applies — else ``None``, and the caller takes the slower exact route.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import mpmath
import sympy

from nablab.solve._roots import DIGITS

Terms = list[tuple[tuple[int, ...], Any]]

#: A polished point must satisfy the equations to this relative accuracy.
VERIFY = mpmath.mpf(10) ** -30
#: Gauss–Newton steps at most.
STEPS = 60


def polish(polys: Sequence[sympy.Poly], last: Any, guess: Sequence[Any]) -> list[Any] | None:
    """The solution with xₙ = ``last`` (an mpf) near ``guess`` (x₁, …, xₙ₋₁), to 50
    digits, or ``None`` when Gauss–Newton does not settle on a verified solution."""
    with mpmath.workdps(DIGITS + 10):
        terms = [_terms(p) for p in polys]
        n = len(guess) + 1
        gradients = [[_derivative(t, j) for j in range(n - 1)] for t in terms]
        z = [mpmath.mpf(g.numerator) / g.denominator if isinstance(g, Fraction) else
             mpmath.mpf(g) for g in guess]
        # a step below 10^(−35) relative leaves an error of about its square: done
        tol = mpmath.mpf(10) ** (-(DIGITS + 20) // 2)
        top = max(max((max(m) for m, _ in t), default=0) for t in terms)
        for _ in range(STEPS):
            table = _powers([*z, last], top)
            residual = mpmath.matrix([_eval(t, table) for t in terms])
            jacobian = mpmath.matrix([[_eval(d, table) for d in row] for row in gradients])
            try:
                step = mpmath.qr_solve(jacobian, -residual)[0]
            except (ZeroDivisionError, ValueError):
                return None
            z = [a + b for a, b in zip(z, step, strict=True)]
            if not all(mpmath.isfinite(a) for a in z):
                return None
            if max(abs(s) for s in step) <= tol * max(1, *(abs(a) for a in z)):
                break   # the step before was this small: quadratic convergence is done
        point = [*z, last]
        scale = max(1, *(abs(v) for v in point))
        size = max(sum(abs(c) * scale ** sum(m) for m, c in t) for t in terms)
        table = _powers(point, top)
        if max(abs(_eval(t, table)) for t in terms) > VERIFY * size:
            return None
        return point


def _terms(poly: sympy.Poly) -> Terms:
    return [(m, mpmath.mpf(int(c.p)) / int(c.q)) for m, c in
            ((m, sympy.Rational(c)) for m, c in poly.terms())]


def _derivative(terms: Terms, j: int) -> Terms:
    return [(tuple(e - (i == j) for i, e in enumerate(m)), c * m[j]) for m, c in terms if m[j]]


def residual(terms: list[Terms], point: list[Any]) -> Any:
    """max |Fᵢ(point)| (call inside ``workdps``), each power computed once."""
    top = max((max(m) for t in terms for m, _ in t), default=0)
    table = _powers(point, top)
    return max((abs(_eval(t, table)) for t in terms), default=mpmath.mpf(0))


def _powers(point: list[Any], top: int) -> list[list[Any]]:
    """[v⁰, v¹, …, v^top] for each coordinate v: each power computed once per point."""
    table = []
    for value in point:
        row = [mpmath.mpf(1)]
        for _ in range(top):
            row.append(row[-1] * value)
        table.append(row)
    return table


def _eval(terms: Terms, table: list[list[Any]]) -> Any:
    total = mpmath.mpf(0)
    for monomial, coeff in terms:
        term = coeff
        for row, power in zip(table, monomial, strict=True):
            if power:
                term *= row[power]
        total += term
    return total


__all__ = ["polish", "residual"]
