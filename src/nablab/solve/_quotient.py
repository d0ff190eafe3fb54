"""The quotient algebra ℚ[x₁, …, xₙ]/I of a zero-dimensional ideal, from a grevlex basis.

A Gröbner basis G of I in the graded reverse lexicographic order (far cheaper to compute than
the lexicographic one) gives a basis of ℚ[x]/I as a vector space: the *standard monomials*,
those divisible by no leading monomial of G; there are D of them, D the number of complex
solutions counted with multiplicity. Multiplying by the last unknown xₙ is a linear map of
that space; its matrix M (columns: the normal forms of xₙ·b) carries everything the solver
needs (Cox, Little, O'Shea, *Using Algebraic Geometry*, ch. 2):

- the minimal polynomial of M is the eliminant h(xₙ), the generator of I ∩ ℚ[xₙ];
- the left eigenvector of M for an eigenvalue r holds the values b(z) of the standard
  monomials at the solution z with zₙ = r (Stickelberger), so its entries for the monomials
  x₁, …, xₙ₋₁ are z's other coordinates.

M is kept scaled to integers, ``M = numerators / scale``, for exact arithmetic without
fractions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from math import gcd
from typing import Any

import numpy as np
import sympy
from sympy.polys.orderings import grevlex
from sympy.polys.rings import PolyRing

Monomial = tuple[int, ...]


@dataclass(frozen=True)
class Quotient:
    """ℚ[x]/I by its standard monomials and the integer-scaled matrix of "times xₙ".

    Attributes:
        monomials: the standard monomials (exponent tuples), the constant 1 first.
        columns: column j of the numerators of M, sparse: ``{row: integer}``.
        scale: the positive integer δ with M = numerators / δ.
        forms: for each unknown xᵢ, its normal form as a sparse rational vector.
    """

    monomials: tuple[Monomial, ...]
    columns: tuple[dict[int, int], ...]
    scale: int
    forms: tuple[dict[int, Any], ...]

    @property
    def dimension(self) -> int:
        return len(self.monomials)


def quotient(basis: Sequence[sympy.Poly], gens: Sequence[sympy.Symbol],
             unknowns: Sequence[sympy.Symbol], max_dimension: int) -> Quotient | None:
    """The quotient algebra of a zero-dimensional ideal from its reduced grevlex basis.

    Args:
        basis: the reduced basis in the grevlex order of ``gens``.
        gens: the unknowns in the order of that basis.
        unknowns: the unknowns in the solver's order: M multiplies by the last one, and
            ``forms`` follow this order.
        max_dimension: ``None`` past this many standard monomials (the dense linear algebra
            would be too slow; the caller takes another route).
    """
    ring = PolyRing(tuple(gens), sympy.QQ, grevlex)
    polys = [ring.from_dict({m: sympy.QQ.convert(c) for m, c in p.as_dict().items()})
             for p in basis]
    polys = [p.monic() for p in polys]
    leading = {p.LM: p for p in polys}
    monomials = _standard(list(leading), len(unknowns), max_dimension)
    if monomials is None:
        return None
    index = {m: i for i, m in enumerate(monomials)}
    n = len(unknowns)
    position = [list(gens).index(u) for u in unknowns]
    normal_form = _NormalForms(monomials, index, leading).of
    rational = [normal_form(_times(b, _unit(n, position[-1]))) for b in monomials]
    scale = 1
    for column in rational:
        for c in column.values():
            scale = _lcm(scale, int(c.denominator))
    columns = tuple({i: int(c.numerator) * (scale // int(c.denominator))
                     for i, c in column.items() if c} for column in rational)
    forms = tuple(normal_form(_unit(n, k)) for k in position)
    return Quotient(tuple(monomials), columns, scale, forms)


class _NormalForms:
    """Normal forms of monomials modulo a reduced grevlex basis, as sparse vectors over the
    standard monomials, each built from smaller ones instead of by polynomial division.

    A standard monomial is its own normal form, and a leading monomial's is minus its
    polynomial's tail (already standard: the basis is reduced). Any other monomial m is
    divisible by a leading monomial but is not one, so some xⱼ divides m with m/xⱼ still
    non-standard; then NF(m) = Σᵢ cᵢ NF(xⱼ·bᵢ) for NF(m/xⱼ) = Σᵢ cᵢ bᵢ. Every bᵢ is below
    m/xⱼ in the order, so every xⱼ·bᵢ is below m, and the recursion ends. Each normal form is
    computed once (SymPy's division redoes the same reductions for every monomial, and takes
    most of the solve's time past 30 standard monomials)."""

    def __init__(self, monomials: Sequence[Monomial], index: dict[Monomial, int],
                 leading: dict[Monomial, Any]) -> None:
        self._monomials, self._index, self._leading = monomials, index, leading
        self._known: dict[Monomial, dict[int, Any]] = {}

    def of(self, m: Monomial) -> dict[int, Any]:
        """NF(m) as ``{index of a standard monomial: coefficient}`` (no zero entries)."""
        known, stack = self._known, [m]
        while stack:   # depth-first without recursion: chains can be long
            top = stack[-1]
            if top in known:
                stack.pop()
                continue
            direct = self._direct(top)
            if direct is not None:
                known[top] = direct
                stack.pop()
                continue
            j, before = self._split(top)
            if before not in known:
                stack.append(before)
                continue
            steps = [_times(self._monomials[i], _unit(len(top), j)) for i in known[before]]
            missing = [t for t in steps if t not in known]
            if missing:
                stack.extend(missing)
                continue
            total: dict[int, Any] = {}
            for c, step in zip(known[before].values(), steps, strict=True):
                for k, d in known[step].items():
                    total[k] = total.get(k, 0) + c * d
            known[top] = {k: c for k, c in total.items() if c}
            stack.pop()
        return known[m]

    def _direct(self, m: Monomial) -> dict[int, Any] | None:
        if m in self._index:
            return {self._index[m]: sympy.QQ.one}
        if m in self._leading:
            return {self._index[t]: -c for t, c in self._leading[m].terms() if t != m}
        return None

    def _split(self, m: Monomial) -> tuple[int, Monomial]:
        """A variable j and m/xⱼ, with m/xⱼ not standard."""
        for j, e in enumerate(m):
            if e:
                before = tuple(x - (i == j) for i, x in enumerate(m))
                if any(_divides(lm, before) for lm in self._leading):
                    return j, before
        raise ValueError(f"{m} is standard or a leading monomial")


def _standard(leading: list[Monomial], n: int, cap: int) -> list[Monomial] | None:
    """Monomials divisible by no leading monomial, 1 first; ``None`` past ``cap``."""
    found = [tuple([0] * n)]
    seen = set(found)
    frontier = list(found)
    while frontier:
        following = []
        for m in frontier:
            for k in range(n):
                step = tuple(e + (i == k) for i, e in enumerate(m))
                if step in seen or any(_divides(lm, step) for lm in leading):
                    continue
                seen.add(step)
                following.append(step)
        found += following
        if len(found) > cap:
            return None
        frontier = following
    return found


def _unit(n: int, k: int) -> Monomial:
    return tuple(int(i == k) for i in range(n))


def _divides(a: Monomial, b: Monomial) -> bool:
    return all(x <= y for x, y in zip(a, b, strict=True))


def _times(a: Monomial, b: Monomial) -> Monomial:
    return tuple(x + y for x, y in zip(a, b, strict=True))


def _lcm(a: int, b: int) -> int:
    return a // gcd(a, b) * b


def times_last(q: Quotient, vector: list[int]) -> list[int]:
    """numerators · vector (exact integers): δ·(xₙ·v) for the element v of ℚ[x]/I."""
    out = [0] * q.dimension
    for j, c in enumerate(vector):
        if c:
            for i, e in q.columns[j].items():
                out[i] += e * c
    return out


def annihilates(q: Quotient, coefficients: Sequence[int]) -> bool:
    """Whether H(xₙ) ∈ I for the integer polynomial H = Σ aₖ xₙᵏ (coefficients lowest
    first): H(M)e₁ = 0, by Horner's rule u ← M·u + aₖe₁ in exact integers.

    The state u is kept as an integer vector w over a positive integer s (u = w/s), and after
    each step w and s are divided by their common content. Without that the numbers grow by
    the scale δ at every step whatever u is (about 150,000 bits at D = 81, where this is 50
    times faster)."""
    degree = len(coefficients) - 1
    w = [0] * q.dimension
    w[0] = coefficients[degree]
    s = 1
    for k in range(degree - 1, -1, -1):
        w = times_last(q, w)                      # N·w = δ·s·(M·u)
        s *= q.scale
        w[0] += coefficients[k] * s
        common = gcd(s, *w)
        if common > 1:
            w = [v // common for v in w]
            s //= common
    return not any(w)


def eigen_guesses(q: Quotient, roots: Sequence[float]) -> list[tuple[float, ...] | None]:
    """Float guesses of (x₁, …, xₙ₋₁) at the solutions with xₙ = each root: the left
    eigenvector of M for the eigenvalue nearest the root, scaled so that its entry for the
    monomial 1 is 1, read through the normal forms of x₁, …, xₙ₋₁ (``None`` where the
    floats overflow or the eigenvector has no such entry)."""
    try:
        matrix = np.zeros((q.dimension, q.dimension))
        for j, column in enumerate(q.columns):
            for i, e in column.items():
                matrix[i, j] = e / q.scale
        values, vectors = np.linalg.eig(matrix.T)
    except (OverflowError, np.linalg.LinAlgError):
        return [None] * len(roots)
    out: list[tuple[float, ...] | None] = []
    for root in roots:
        vector = vectors[:, int(np.argmin(np.abs(values - root)))]
        if not np.all(np.isfinite(vector)) or abs(vector[0]) < 1e-300:
            out.append(None)
            continue
        vector = vector / vector[0]
        out.append(tuple(float(sum(complex(vector[i]) * float(c) for i, c in form.items()).real)
                         for form in q.forms[:-1]))
    return out


__all__ = ["Quotient", "annihilates", "eigen_guesses", "quotient", "times_last"]
