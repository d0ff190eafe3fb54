"""What a layered network's pictures show, as numbers (no matplotlib): the epochs sampled for
the frames, the input window and grid, ŷ on the grid at an epoch, the boundary ŷ = ½ as line
segments, and the data in the coordinates of the last hidden layer.

The still figure, the animation and the web card's frames all take their numbers from here,
so the browser's slider and ``--animate`` show the same boundary at the same epochs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from nablab.plot.ranges import fit_interval

#: The most frames of an animation or of the web card's slider.
MAX_FRAMES = 60
#: Grid points per axis of the boundary (the web card's is smaller).
GRID = 120
#: The level of the decision boundary: ŷ = ½ (a probability with the sigmoid output).
LEVEL = 0.5


def frame_epochs(epochs: int, count: int = MAX_FRAMES) -> list[int]:
    """About ``count`` epochs from 0 to ``epochs``: dense at the start, where most changes.

    Half the frames are spread evenly, half geometrically (1, 2, 4, …), so the first
    epochs, where the boundary swings most, are not a single frame.

    >>> frame_epochs(4)
    [0, 1, 2, 3, 4]
    >>> frame_epochs(1000, 10)[:3], frame_epochs(1000, 10)[-1]
    ([0, 1, 6], 1000)
    """
    count = max(2, count)
    if epochs + 1 <= count:
        return list(range(epochs + 1))
    half = count // 2
    even = np.linspace(0, epochs, count - half)
    geometric = np.geomspace(1, epochs, half)
    picked = np.unique(np.round(np.concatenate([[0], even, geometric])).astype(int))
    while len(picked) > count:   # rounding rarely merges few; drop the most crowded
        gaps = np.diff(picked)
        picked = np.delete(picked, int(np.argmin(gaps[1:-1] if len(gaps) > 2 else gaps)) + 1)
    return [int(e) for e in picked]


def inputs_of(result: Any) -> np.ndarray:
    """The data's input columns (N × n₀), in the network's order."""
    return np.column_stack([result.data.column(name) for name in result.inputs])


def targets_of(result: Any) -> np.ndarray:
    """The target column (N,)."""
    return np.asarray(result.data.column(result.target), dtype=float)


def is_classifier(result: Any) -> bool:
    """Whether the run classifies (a sigmoid output, so the boundary ŷ = ½ means something)."""
    return result.accuracies is not None


def window_of(result: Any) -> tuple[tuple[float, float], ...]:
    """An interval around each input column, with a margin."""
    x = inputs_of(result)
    return tuple(fit_interval(x[:, k]) for k in range(x.shape[1]))


@dataclass(frozen=True)
class Grid:
    """Grid points over two inputs: axes ``x`` (n,), ``y`` (m,), and the points (n·m × 2)
    in row order (``y`` outer, ``x`` inner), so ``values.reshape(len(y), len(x))``."""

    x: np.ndarray
    y: np.ndarray

    @property
    def points(self) -> np.ndarray:
        xx, yy = np.meshgrid(self.x, self.y)
        return np.column_stack([xx.ravel(), yy.ravel()])

    @property
    def shape(self) -> tuple[int, int]:
        return (len(self.y), len(self.x))


def grid_of(result: Any, points: int = GRID) -> Grid:
    """The grid over the data's window (2-D inputs)."""
    (a, b), (c, d) = window_of(result)[:2]
    return Grid(np.linspace(a, b, points), np.linspace(c, d, points))


def surface_at(result: Any, grid: Grid, epoch: int | None = None) -> np.ndarray:
    """ŷ on the grid after ``epoch`` (None: the end), shaped (len(y), len(x))."""
    return np.asarray(result.predict(grid.points, epoch), dtype=float).reshape(grid.shape)


def level_lines(x: np.ndarray, y: np.ndarray, z: np.ndarray,
                level: float = LEVEL) -> list[np.ndarray]:
    """The curves z = level over the grid, each an (k × 2) array of points."""
    import contourpy

    if not np.isfinite(z).all() or z.min() > level or z.max() < level:
        return []
    lines = contourpy.contour_generator(x, y, z).lines(level)
    return [np.asarray(line, dtype=float) for line in lines if len(line) > 1]


def joined(lines: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Curves as one polyline broken by NaNs (one Line2D, or one Plotly trace)."""
    if not lines:
        return np.array([]), np.array([])
    parts: list[np.ndarray] = []
    for line in lines:
        parts.extend([line, np.full((1, 2), np.nan)])
    both = np.concatenate(parts[:-1])
    return both[:, 0], both[:, 1]


def hidden_layer(result: Any) -> int | None:
    """The hidden layer whose outputs are drawn as new coordinates: the last one, when it has
    at least two units (then the output unit's line ŷ = ½ is drawn there when it has exactly
    two); None without a hidden layer or when it has one unit."""
    widths = result.layers
    if len(widths) < 3 or widths[-2] < 2:
        return None
    return len(widths) - 2


def output_line(result: Any, epoch: int | None = None) -> tuple[np.ndarray, float] | None:
    """w and b of the output unit, z = w·a + b, when it reads a hidden layer of two units
    (its boundary ŷ = ½ is the line z = 0 in those coordinates); None otherwise."""
    layer = hidden_layer(result)
    if layer is None or result.layers[layer] != 2:
        return None
    weights = result.weights_at(epoch)
    last = result.network.depth
    return (np.asarray(weights[f"W{last}"], float)[0],
            float(np.asarray(weights[f"b{last}"], float).ravel()[0]))


def line_through(w: np.ndarray, b: float, box: tuple[tuple[float, float], ...]
                 ) -> tuple[np.ndarray, np.ndarray]:
    """The segment of w₁a₁ + w₂a₂ + b = 0 inside ``box`` (empty when it misses it)."""
    (a0, a1), (c0, c1) = box
    if abs(w[1]) >= abs(w[0]) and w[1] != 0:
        xs = np.linspace(a0, a1, 200)
        ys = -(w[0] * xs + b) / w[1]
    elif w[0] != 0:
        ys = np.linspace(c0, c1, 200)
        xs = -(w[1] * ys + b) / w[0]
    else:
        return np.array([]), np.array([])
    keep = (xs >= a0) & (xs <= a1) & (ys >= c0) & (ys <= c1)
    return xs[keep], ys[keep]


def hidden_box(result: Any, epochs: list[int] | None = None) -> tuple[tuple[float, float], ...]:
    """The window of the hidden coordinates, over every epoch drawn (the axes stay still)."""
    layer = hidden_layer(result)
    assert layer is not None
    x = inputs_of(result)
    values = np.concatenate([result.hidden(x, layer, e)[:, :2]
                             for e in (epochs if epochs is not None else [None])])
    if result.network.activation == "tanh":
        values = np.concatenate([values, [[-1.0, -1.0], [1.0, 1.0]]])
    elif result.network.activation == "sigmoid":
        values = np.concatenate([values, [[0.0, 0.0], [1.0, 1.0]]])
    lo, hi = values.min(axis=0), values.max(axis=0)
    pad = np.maximum(0.08 * (hi - lo), 0.05)
    return tuple((float(lo[k] - pad[k]), float(hi[k] + pad[k])) for k in range(2))


__all__ = ["GRID", "LEVEL", "MAX_FRAMES", "Grid", "frame_epochs", "grid_of", "hidden_box",
           "hidden_layer", "inputs_of", "is_classifier", "joined", "level_lines",
           "line_through", "output_line", "surface_at", "targets_of", "window_of"]
