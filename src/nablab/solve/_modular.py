"""The eliminant h(xₙ) of a zero-dimensional ideal in shape position, by modular arithmetic.

In ℚ[x]/I the powers 1, xₙ, …, xₙ^(D−1) are a basis exactly when the lexicographic basis is
in *shape position* (xᵢ − qᵢ(xₙ) for i < n, and h(xₙ) of degree D); then xₙ^D, written in
that basis, gives h. Solving that D×D system over ℚ directly is slow in Python (the entries
have hundreds of digits), but h itself is small: it is solved modulo word-sized primes
(NumPy, exact in int64), the coefficients rebuilt by the Chinese remainder theorem and
rational reconstruction (von zur Gathen & Gerhard, *Modern Computer Algebra*, §5.10), and
the result is then *proven* in exact integers: h(xₙ) reduces to 0 modulo the Gröbner basis
(:func:`nablab.solve._quotient.annihilates`). A system whose powers of xₙ are dependent
modulo three primes in a row is taken as not in shape position (``None``): the caller then
uses the general FGLM conversion.
"""

from __future__ import annotations

from collections.abc import Iterator
from math import gcd

import numpy as np
import sympy

from nablab.solve._quotient import Quotient, annihilates

#: Primes below this bound keep every product of two residues, and sums of 64 of them,
#: exact in int64.
_PRIME_BOUND = 2 ** 28
#: Primes tried at most before giving up (the eliminant's coefficients then have more than
#: ~1500 digits: the caller takes the general route).
MAX_PRIMES = 160
#: Singular Krylov systems in a row (from the first prime) that mean "not in shape position".
_SINGULAR = 3


def eliminant(q: Quotient) -> list[int] | None:
    """The minimal polynomial H of xₙ in ℚ[x]/I as primitive integers, lowest degree first,
    when it has degree D (shape position), proven to lie in I; else ``None``."""
    moduli: list[int] = []
    residues: list[list[int]] = []
    previous: list[sympy.Rational] | None = None
    failures = 0
    for p in _primes():
        if len(moduli) + failures >= MAX_PRIMES:
            return None
        if q.scale % p == 0:
            continue
        found = _minimal_mod(q, p)
        if found is None:
            failures += 1
            if not moduli and failures >= _SINGULAR:
                return None
            continue
        moduli.append(p)
        residues.append(found)
        if len(moduli) % 2:
            continue
        candidate = _reconstructed(moduli, residues)
        if candidate is not None and candidate == previous:
            integers = _primitive(candidate)
            if annihilates(q, integers):
                return integers
        previous = candidate
    return None


def _primes() -> Iterator[int]:
    p = _PRIME_BOUND
    while True:
        p = int(sympy.prevprime(p))
        yield p


def _minimal_mod(q: Quotient, p: int) -> list[int] | None:
    """c with xₙ^D = Σ cₖ xₙᵏ in (ℚ[x]/I) mod p, or ``None`` when the powers are dependent."""
    d = q.dimension
    matrix = np.zeros((d, d), dtype=np.int64)
    for j, column in enumerate(q.columns):
        for i, e in column.items():
            matrix[i, j] = e % p
    inverse = pow(q.scale % p, -1, p)
    krylov = np.zeros((d, d + 1), dtype=np.int64)
    u = np.zeros(d, dtype=np.int64)
    u[0] = 1
    for k in range(d + 1):
        krylov[:, k] = u
        u = _matvec(matrix, u, p) * inverse % p
    return _solve_mod(krylov, p)


def _matvec(matrix: np.ndarray, u: np.ndarray, p: int) -> np.ndarray:
    out = np.zeros(matrix.shape[0], dtype=np.int64)
    for start in range(0, matrix.shape[1], 64):
        out = (out + matrix[:, start:start + 64] @ u[start:start + 64]) % p
    return out


def _solve_mod(augmented: np.ndarray, p: int) -> list[int] | None:
    """The solution of [K | b] mod p by Gauss–Jordan elimination, or ``None`` if K is
    singular mod p."""
    a = augmented.copy()
    d = a.shape[0]
    for col in range(d):
        rows = np.flatnonzero(a[col:, col]) + col
        if rows.size == 0:
            return None
        pivot = int(rows[0])
        if pivot != col:
            a[[col, pivot]] = a[[pivot, col]]
        a[col] = a[col] * pow(int(a[col, col]), -1, p) % p
        factors = a[:, col].copy()
        factors[col] = 0
        a = (a - np.outer(factors, a[col]) % p) % p
    return [int(v) for v in a[:, d]]


def _reconstructed(moduli: list[int], residues: list[list[int]]) -> list[sympy.Rational] | None:
    """The rationals with these residues (CRT, then rational reconstruction), or ``None``."""
    modulus = 1
    values = [0] * len(residues[0])
    for p, found in zip(moduli, residues, strict=True):
        inverse = pow(modulus % p, -1, p)
        values = [v + modulus * ((r - v) * inverse % p) for v, r in zip(values, found,
                                                                          strict=True)]
        modulus *= p
    out = []
    for v in values:
        rational = _rational(v, modulus)
        if rational is None:
            return None
        out.append(rational)
    return out


def _rational(a: int, m: int) -> sympy.Rational | None:
    """n/d ≡ a (mod m) with |n|, d ≤ √(m/2), by the extended Euclidean algorithm."""
    bound = int(sympy.integer_nthroot(m // 2, 2)[0])
    r0, r1, t0, t1 = m, a % m, 0, 1
    while r1 > bound:
        quotient = r0 // r1
        r0, r1 = r1, r0 - quotient * r1
        t0, t1 = t1, t0 - quotient * t1
    if t1 == 0 or abs(t1) > bound or gcd(r1, abs(t1)) != 1:
        return None
    return sympy.Rational(r1, t1)


def _primitive(coefficients: list[sympy.Rational]) -> list[int]:
    """x^D − Σ cₖ xᵏ as coprime integers, lowest degree first, positive leading one."""
    rationals = [-c for c in coefficients] + [sympy.Integer(1)]
    denominator = 1
    for c in rationals:
        denominator = denominator // gcd(denominator, int(c.q)) * int(c.q)
    integers = [int(c.p) * (denominator // int(c.q)) for c in rationals]
    common = 0
    for c in integers:
        common = gcd(common, c)
    return [c // common for c in integers]


__all__ = ["MAX_PRIMES", "eliminant"]
