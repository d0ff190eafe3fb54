"""Oracles for constrained extrema, independent of nablab's solvers.

- ``scipy_best``: SciPy's ``trust-constr`` (not the SLSQP nablab uses for its own check)
  from many random starts, on f and the constraints written out with ``lambdify``; the best
  feasible value it reaches for max f or min f.
- ``sampled``: f on points of the constraint set made by hand (a parametrisation, or a fine
  grid filtered by the inequalities) — brute force, no calculus at all.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence

import numpy as np
import pytest
import sympy
from scipy.optimize import NonlinearConstraint, minimize

from nablab.parse import parse, parse_relation


def _function(text: str, names: Sequence[str]) -> Callable[..., float]:
    symbols = [sympy.Symbol(n, real=True) for n in names]
    return sympy.lambdify(symbols, parse(text, list(names)).expr, "numpy")


def scipy_best(f: str, constraints: Sequence[str], names: Sequence[str], sense: str,
               starts: int = 10, radius: float = 3.0, seed: int = 1) -> tuple[float, np.ndarray]:
    """Best feasible value of f (``sense`` "max" or "min") from ``starts`` trust-constr runs."""
    fun = _function(f, names)
    sign = -1.0 if sense == "max" else 1.0
    cons = []
    for text in constraints:
        rel = parse_relation(text, list(names))
        g = sympy.lambdify([sympy.Symbol(n, real=True) for n in names], rel.lhs - rel.rhs,
                           "numpy")
        low, high = {"=": (0, 0), "<=": (-np.inf, 0), ">=": (0, np.inf)}[rel.op]
        cons.append(NonlinearConstraint(lambda x, g=g: float(g(*x)), low, high))
    rng = np.random.default_rng(seed)
    best, where = np.inf, np.zeros(len(names))
    for start in rng.uniform(-radius, radius, size=(starts, len(names))):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = minimize(lambda x: sign * float(fun(*x)), start, method="trust-constr",
                              constraints=cons, options={"maxiter": 2000, "gtol": 1e-10,
                                                         "xtol": 1e-12})
        if result.constr_violation < 1e-7 and result.fun < best:
            best, where = result.fun, result.x
    return sign * best, where


def sampled(f: str, names: Sequence[str], points: np.ndarray) -> np.ndarray:
    """f at each row of ``points`` (brute force)."""
    values = _function(f, names)(*points.T)
    return np.broadcast_to(np.asarray(values, dtype=float), points.shape[:1])


@pytest.fixture(scope="session")
def circle() -> np.ndarray:
    t = np.linspace(0, 2 * np.pi, 200001)
    return np.stack([np.cos(t), np.sin(t)], axis=1)


Best = Callable[..., tuple[float, np.ndarray]]
Sampled = Callable[[str, Sequence[str], np.ndarray], np.ndarray]


@pytest.fixture(scope="session")
def scipy_oracle() -> Best:
    """:func:`scipy_best`."""
    return scipy_best


@pytest.fixture(scope="session")
def sample_oracle() -> Sampled:
    """:func:`sampled`."""
    return sampled
