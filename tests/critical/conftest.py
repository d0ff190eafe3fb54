"""Oracles for critical points, independent of nablab's solvers.

``brute_force`` finds critical points the plain way: |∇f|² on a fine grid (SymPy's own
derivatives, ``lambdify``), its grid-local minima as candidates, each polished by a textbook
Newton iteration written out here, kept when |∇f| < 1e-10 inside the box, deduplicated.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

import numpy as np
import pytest
import sympy


def brute_force(expr: sympy.Expr, variables: Sequence[sympy.Symbol],
                box: Sequence[tuple[float, float]], per_axis: int | None = None) -> np.ndarray:
    n = len(variables)
    per_axis = per_axis or {1: 20001, 2: 401, 3: 61}[n]
    grad = [sympy.diff(expr, v) for v in variables]
    hess = [[sympy.diff(g, v) for v in variables] for g in grad]
    g_fn = sympy.lambdify(variables, grad, "numpy")
    h_fn = sympy.lambdify(variables, hess, "numpy")
    axes = [np.linspace(lo, hi, per_axis) for lo, hi in box]
    mesh = np.meshgrid(*axes, indexing="ij")
    size = sum(np.broadcast_to(np.asarray(g, float), mesh[0].shape) ** 2 for g in g_fn(*mesh))
    candidates = _grid_minima(size, axes)
    found: list[np.ndarray] = []
    for start in candidates:
        root = _newton(g_fn, h_fn, start)
        if root is None or not all(lo - 1e-9 <= r <= hi + 1e-9
                                   for r, (lo, hi) in zip(root, box, strict=True)):
            continue
        if all(np.max(np.abs(root - f)) > 1e-6 for f in found):
            found.append(root)
    return np.array(sorted(map(tuple, found)))


def _grid_minima(size: np.ndarray, axes: list[np.ndarray]) -> list[np.ndarray]:
    n = size.ndim
    interior = tuple(slice(1, -1) for _ in range(n))
    core = size[interior]
    is_min = np.ones(core.shape, bool)
    for shift in itertools.product((-1, 0, 1), repeat=n):
        if any(shift):
            window = tuple(slice(1 + s, size.shape[i] - 1 + s) for i, s in enumerate(shift))
            is_min &= core <= size[window]
    idx = np.argwhere(is_min) + 1
    return [np.array([axes[i][j] for i, j in enumerate(k)]) for k in idx]


def _newton(g_fn: Callable, h_fn: Callable, start: np.ndarray) -> np.ndarray | None:
    z = start.astype(float)
    for _ in range(60):
        g = np.array(g_fn(*z), float)
        if np.max(np.abs(g)) < 1e-13:
            break
        h = np.array(h_fn(*z), float).reshape(len(z), len(z))
        try:
            z = z - np.linalg.solve(h, g)
        except np.linalg.LinAlgError:
            return None
    g = np.array(g_fn(*z), float)
    return z if np.all(np.isfinite(z)) and np.max(np.abs(g)) < 1e-10 else None


@pytest.fixture
def oracle() -> Callable[..., np.ndarray]:
    return brute_force
