"""Sampling a function of two variables on a rectangular grid, for surfaces and contours."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nablab.core.expression import Expression
from nablab.numeric.compiled import CompiledFunction, compile


@dataclass(frozen=True)
class Grid:
    """Samples z[i, j] = f(x[j], y[i]) (rows follow y, as matplotlib and Plotly expect)."""

    x: np.ndarray
    y: np.ndarray
    z: np.ndarray


def evaluate_grid(function: Expression | CompiledFunction, x_range: tuple[float, float],
                  y_range: tuple[float, float], n: int | tuple[int, int] = 400) -> Grid:
    """f on an ``n × n`` grid over ``x_range × y_range``.

    The two axes are broadcast (``x[None, :]``, ``y[:, None]``) instead of meshgridded:
    the same numbers, less memory traffic.
    """
    compiled = compile(function) if isinstance(function, Expression) else function
    if compiled.n != 2:
        raise ValueError(f"evaluate_grid needs a function of 2 variables, got {compiled.n}")
    nx, ny = (n, n) if isinstance(n, int) else n
    x = np.linspace(*x_range, nx)
    y = np.linspace(*y_range, ny)
    return Grid(x, y, compiled.f(x[None, :], y[:, None]))
