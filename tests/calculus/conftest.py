"""Independent oracles for derivative tests: SymPy's diff, mpmath's numeric derivative.

Tests get them through the ``oracle`` fixture.
"""

from __future__ import annotations

import random
from types import SimpleNamespace
from typing import Any

import mpmath
import pytest
import sympy

from nablab.core.catalog import expand_named

POINTS = (-1.7, -0.45, 0.35, 1.3, 2.6, 0.8)


def mp_function(expr: Any, var: sympy.Symbol, others: dict[sympy.Symbol, Any]) -> Any:
    """t ↦ expr at var = t, in mpmath (σ and relu written in exp/max first)."""
    plain = expand_named(expr).xreplace(others)
    return sympy.lambdify([var], plain, modules="mpmath")


def symbolically_zero(difference: Any) -> bool:
    """The difference simplifies to 0: cheap rewritings first, ``simplify`` last."""
    if difference == 0:
        return True
    for rewrite in (sympy.expand, sympy.cancel, sympy.simplify):
        if rewrite(difference) == 0:
            return True
    return bool(sympy.simplify(expand_named(difference).rewrite(sympy.exp)) == 0)


def numeric_points(expr: Any, var: sympy.Symbol, count: int = 3, seed: int = 1,
                   function: Any = None) -> list[dict[sympy.Symbol, Any]]:
    """Points (every free symbol given a value) where ``expr`` is real and finite, and where
    every power and function inside ``function`` is real (the rules are for real functions)."""
    rng = random.Random(seed)
    inside = sympy.S.Zero if function is None else function
    symbols = sorted(expr.free_symbols | inside.free_symbols | {var}, key=lambda s: s.name)
    points = []
    for attempt in range(40):
        point = {s: sympy.Float(rng.choice(POINTS) + attempt / 97, 30) for s in symbols}
        value = expr.xreplace(point).evalf(30)
        nodes = [n for n in sympy.preorder_traversal(inside) if n.is_Pow or n.is_Function]
        if value.is_real and value.is_finite and all(
                n.xreplace(point).evalf(30).is_real for n in nodes):
            points.append(point)
        if len(points) == count:
            break
    return points


def agrees_with_mpmath(derivative: Any, f: Any, var: sympy.Symbol, point: dict[Any, Any]
                       ) -> bool:
    """derivative(point) equals mpmath's numeric derivative of f there (30 digits)."""
    mpmath.mp.dps = 30
    others = {s: v for s, v in point.items() if s != var}
    g = mp_function(f, var, others)
    x0 = mpmath.mpf(sympy.Float(point[var], 40))
    numeric = mpmath.diff(g, x0)
    exact = complex(derivative.xreplace(point).evalf(30))
    return bool(abs(complex(numeric) - exact) <= 1e-15 * (1 + abs(exact)))


@pytest.fixture(scope="session")
def oracle() -> SimpleNamespace:
    """``symbolically_zero``, ``numeric_points``, ``agrees_with_mpmath``."""
    return SimpleNamespace(symbolically_zero=symbolically_zero, numeric_points=numeric_points,
                           agrees_with_mpmath=agrees_with_mpmath)
