"""Numeric back-substitution in a lexicographic Gröbner basis, in 50-digit arithmetic.

Used only when a component of the solution set is not in shape position and its last
coordinate is irrational. With xₖ₊₁, …, xₙ known, the basis elements in xₖ, …, xₙ become
univariate in xₖ (extension theorem: the one of least degree whose leading coefficient does
not vanish there has all the candidates among its roots); each real candidate must make every
such element vanish to 30 digits.
"""

from __future__ import annotations

from typing import Any

import mpmath
import sympy

from nablab.solve._roots import DIGITS, RealRoot

#: One (partial) solution: a value for some of the unknowns.
Partial = dict[sympy.Symbol, RealRoot]

_TINY = mpmath.mpf(10) ** -30


def back_substitute(basis: list[Any], unknowns: tuple[sympy.Symbol, ...],
                    known: Partial) -> list[Partial]:
    """Extend ``known`` (values of the last unknowns) to full solutions of ``basis``."""
    partials = [known]
    for k in range(len(unknowns) - 1, -1, -1):
        v = unknowns[k]
        if v in known:
            continue
        allowed = set(unknowns[k:])
        polys = [e for e in basis if v in e.free_symbols and e.free_symbols <= allowed]
        partials = [{**p, v: RealRoot(r, None)} for p in partials
                    for r in _candidates(polys, v, p)]
    return partials


def _candidates(polys: list[Any], v: sympy.Symbol, known: Partial) -> list[Any]:
    with mpmath.workdps(DIGITS + 10):
        univariate = [_coefficients(e, v, known) for e in polys]
        usable = [c for c in univariate if _leading_ok(c)]
        if not usable:
            return []
        best = min(usable, key=len)
        roots = _real(mpmath.polyroots(_trim(best), maxsteps=400, extraprec=200))
        return [r for r in roots
                if all(abs(mpmath.polyval(c, r)) <= _TINY * _scale(c, r) for c in univariate)]


def _coefficients(e: Any, v: sympy.Symbol, known: Partial) -> list[Any]:
    """Coefficients (highest first) of e as a polynomial in v, the known values put in."""
    # safe: Float() reads a decimal string mpmath printed, not user text
    subs = {s: sympy.Float(mpmath.nstr(r.value, DIGITS + 5), DIGITS + 5)
            for s, r in known.items()}
    return [mpmath.mpf(sympy.Float(c.xreplace(subs).evalf(DIGITS + 5), DIGITS + 5))
            for c in sympy.Poly(e, v).all_coeffs()]


def _leading_ok(coeffs: list[Any]) -> bool:
    return len(coeffs) > 1 and abs(coeffs[0]) > _TINY * max(abs(c) for c in coeffs)


def _trim(coeffs: list[Any]) -> list[Any]:
    return coeffs if abs(coeffs[0]) > 0 else _trim(coeffs[1:])


def _scale(coeffs: list[Any], r: Any) -> Any:
    return max(1, sum(abs(c) * max(1, abs(r)) ** i for i, c in enumerate(reversed(coeffs))))


def _real(roots: list[Any]) -> list[Any]:
    """Real roots among ``roots``, a cluster of (numerically split) multiple roots merged."""
    real = sorted(mpmath.re(r) for r in roots if abs(mpmath.im(r)) <= mpmath.mpf(10) ** -10
                  * max(1, abs(r)))
    merged: list[Any] = []
    for r in real:
        if merged and abs(r - merged[-1]) <= mpmath.mpf(10) ** -8 * max(1, abs(r)):
            continue
        merged.append(r)
    return merged


__all__ = ["Partial", "back_substitute"]
