"""The fast grevlex basis is SymPy's own, term for term; the quotient's normal forms built
from smaller ones equal SymPy's polynomial division; the eliminant's proof accepts h and
nothing else (solve/_grevlex.py, solve/_quotient.py)."""

from __future__ import annotations

import itertools
import random
from typing import Any

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy.polys.orderings import grevlex
from sympy.polys.rings import PolyRing

from nablab.solve._grevlex import grevlex_basis
from nablab.solve._modular import eliminant
from nablab.solve._quotient import annihilates, quotient, times_last

x, y, z = sympy.symbols("x y z")


def _random_system(seed: int, nvars: int, degree: int) -> tuple[list[Any], tuple[Any, ...]]:
    rng = random.Random(seed)
    gens = (x, y, z)[:nvars]
    monomials = [m for m in itertools.product(range(degree + 1), repeat=nvars)
                 if sum(m) <= degree]
    equations = []
    for _ in range(nvars):
        terms = [sympy.Rational(rng.randint(-5, 5), rng.choice([1, 1, 2, 3]))
                 * sympy.Mul(*[g ** e for g, e in zip(gens, m, strict=True)])
                 for m in rng.sample(monomials, min(len(monomials), 5))]
        equations.append(sympy.Add(*terms))
    return equations, gens


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 10_000), nvars=st.integers(1, 3), degree=st.integers(1, 3))
def test_the_basis_is_sympys(seed: int, nvars: int, degree: int) -> None:
    equations, gens = _random_system(seed, nvars, degree)
    if all(e == 0 for e in equations):
        return
    ours = grevlex_basis(equations, gens)
    theirs = sympy.groebner(equations, *gens, order="grevlex")
    assert list(ours.exprs) == list(theirs.exprs)
    assert ours.is_zero_dimensional == theirs.is_zero_dimensional
    if theirs.is_zero_dimensional:
        assert list(ours.fglm("lex").exprs) == list(theirs.fglm("lex").exprs)


def test_hand_cases() -> None:
    # inconsistent: the basis is [1]; a line of solutions: not zero-dimensional
    assert list(grevlex_basis([x**2 + 1, x], (x, y)).exprs) == [1]
    line = grevlex_basis([x - y, 2 * x - 2 * y], (x, y))
    assert list(line.exprs) == [x - y] and not line.is_zero_dimensional
    # a circle and a line, by hand: x = y, 2y² = 1 (over ℤ: primitive, degree 2 first)
    basis = grevlex_basis([x**2 + y**2 - 1, x - y], (x, y))
    assert list(basis.exprs) == [2 * y**2 - 1, x - y]


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), nvars=st.integers(2, 3))
def test_normal_forms_equal_division(seed: int, nvars: int) -> None:
    equations, gens = _random_system(seed, nvars, 2)
    basis = sympy.groebner(equations, *gens, order="grevlex")
    if not basis.is_zero_dimensional or list(basis.exprs) == [1]:
        return
    q = quotient(basis.polys, gens, gens, 400)
    assert q is not None
    ring = PolyRing(gens, sympy.QQ, grevlex)
    divisors = [ring.from_dict({m: sympy.QQ.convert(c) for m, c in p.as_dict().items()}).monic()
                for p in basis.polys]
    index = {m: i for i, m in enumerate(q.monomials)}

    def divided(monomial: tuple[int, ...]) -> dict[int, Any]:
        rest = ring.term_new(monomial, sympy.QQ.one).rem(divisors)
        return {index[m]: c for m, c in rest.terms() if c}

    last = tuple(int(i == nvars - 1) for i in range(nvars))
    for b, column in zip(q.monomials, q.columns, strict=True):
        times = tuple(u + v for u, v in zip(b, last, strict=True))
        assert {i: sympy.QQ(v, q.scale) for i, v in column.items()} == divided(times)
    for k, form in enumerate(q.forms):
        assert form == divided(tuple(int(i == k) for i in range(nvars)))


def _scaled_horner(q: Any, coefficients: list[int]) -> bool:
    """The proof without reducing contents: Σ aₖ δ^(D−k) Nᵏ e₁ = 0 in plain integers."""
    degree = len(coefficients) - 1
    u = [0] * q.dimension
    u[0] = coefficients[degree]
    power = 1
    for k in range(degree - 1, -1, -1):
        u = times_last(q, u)
        power *= q.scale
        u[0] += coefficients[k] * power
    return not any(u)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_eliminant_proof_accepts_h_and_refuses_anything_else(seed: int) -> None:
    equations, gens = _random_system(seed, 2, 3)
    basis = sympy.groebner(equations, *reversed(gens), order="grevlex")
    q = quotient(basis.polys, tuple(reversed(gens)), gens, 400)
    assert q is not None
    h = eliminant(q)
    assert h is not None
    assert annihilates(q, h) and _scaled_horner(q, h)
    # h is the lex basis's last element (a second method)
    lex = sympy.groebner(equations, *gens, order="lex")
    assert sympy.Poly(list(reversed(h)), gens[-1]).monic() == sympy.Poly(
        lex.exprs[-1], gens[-1]).monic()
    for k in range(len(h)):
        wrong = list(h)
        wrong[k] += 1
        assert not annihilates(q, wrong) and not _scaled_horner(q, wrong)
    assert not annihilates(q, h[1:])   # a polynomial of lower degree
