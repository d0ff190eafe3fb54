"""Which part of the plane (or of the y axis) a figure shows, in pure NumPy.

The default window is the notes' −5 ≤ x, y ≤ 5. When a figure has points that matter
(critical points, a descent's start and end, the candidates on a constraint) the window is
fitted around them instead. The visible value range ignores spikes near a pole: a few huge
samples must not flatten the rest of the picture.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

Interval = tuple[float, float]

#: The notes' window: ``np.linspace(-5, 5, 400)`` on both axes.
DEFAULT_INTERVAL: Interval = (-5.0, 5.0)
#: Least margin around the points a window is fitted to.
MIN_PAD = 1.5


def view_limits(values: np.ndarray) -> Interval:
    """A value range that shows ``values`` but not the spikes of a pole.

    The full range is used unless it is more than four times the 2nd–98th percentile
    range; then the percentiles plus a quarter on either side are shown.

    >>> view_limits(np.array([0.0, 1.0, 2.0]))
    (-0.1, 2.1)
    """
    finite = np.asarray(values, dtype=float)
    finite = finite[np.isfinite(finite)]
    if finite.size == 0:
        return (-1.0, 1.0)
    lo, hi = float(finite.min()), float(finite.max())
    p_lo, p_hi = (float(v) for v in np.percentile(finite, [2.0, 98.0]))
    if hi - lo <= 4.0 * (p_hi - p_lo):
        margin = 0.05 * (hi - lo)
        lo, hi = lo - margin, hi + margin
    else:
        margin = 0.25 * (p_hi - p_lo)
        lo, hi = max(lo, p_lo - margin), min(hi, p_hi + margin)
    if not hi > lo:
        centre = 0.5 * (lo + hi)
        pad = max(1.0, abs(centre) * 0.1)
        return (centre - pad, centre + pad)
    return (round(lo, 12), round(hi, 12))


def fit_interval(coords: Iterable[float], default: Interval = DEFAULT_INTERVAL) -> Interval:
    """An interval around ``coords`` with a margin; ``default`` when there are none.

    >>> fit_interval([0.0])
    (-1.5, 1.5)
    >>> fit_interval([])
    (-5.0, 5.0)
    """
    values = np.asarray(list(coords), dtype=float)
    values = values[np.isfinite(values)]
    if values.size == 0:
        return default
    lo, hi = float(values.min()), float(values.max())
    pad = max(0.3 * (hi - lo), MIN_PAD)
    return (lo - pad, hi + pad)


def fit_window(points: Sequence[Sequence[float]], dims: int,
               default: Interval = DEFAULT_INTERVAL) -> tuple[Interval, ...]:
    """One interval per axis, fitted around ``points`` (each a sequence of ``dims`` numbers)."""
    if not points:
        return (default,) * dims
    array = np.asarray(points, dtype=float).reshape(len(points), dims)
    return tuple(fit_interval(array[:, k], default) for k in range(dims))


def default_window_with(points: Sequence[Sequence[float]], dims: int) -> tuple[Interval, ...]:
    """The default window, widened where needed so every point has a margin around it.

    >>> default_window_with([(10.0,)], 1)
    ((-5.0, 11.5),)
    """
    window = []
    for k in range(dims):
        coords = [float(p[k]) for p in points if np.isfinite(p[k])]
        lo = min([DEFAULT_INTERVAL[0]] + [c - MIN_PAD for c in coords])
        hi = max([DEFAULT_INTERVAL[1]] + [c + MIN_PAD for c in coords])
        window.append((lo, hi))
    return tuple(window)


__all__ = ["DEFAULT_INTERVAL", "Interval", "default_window_with", "fit_interval", "fit_window",
           "view_limits"]
