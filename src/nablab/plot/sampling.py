"""Samples for figures, in pure NumPy: curves with their breaks, surfaces, gradient fields.

Every sampler evaluates the compiled function on broadcast axes (never SymPy per point) and
masks what cannot be drawn: non-finite values become ``nan``, and a curve is cut at a pole or
a jump (1/x, tan x, sign x) instead of being joined by a vertical line. matplotlib and Plotly
both leave a gap at a ``nan``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from nablab.plot.ranges import Interval, view_limits

#: The most points per axis a surface is sampled at (a 400 × 400 grid is the notes' size).
MAX_SURFACE_POINTS = 400
#: Points of a one-variable curve.
CURVE_POINTS = 1200
#: Bisection steps that tell a jump (it stays) from a steep slope (it shrinks).
_BISECTIONS = 40
#: At most this many suspicious intervals are examined per curve.
_MAX_SUSPECTS = 64

Array = np.ndarray
Function1 = Callable[[Array], Array]


@dataclass(frozen=True)
class Curve:
    """y = f(x) ready to draw: ``nan`` at every gap, ``ylim`` a sensible view."""

    x: Array
    y: Array
    ylim: Interval
    breaks: tuple[float, ...]


@dataclass(frozen=True)
class Surface:
    """z[i, j] = f(x[j], y[i]) with non-finite values as ``nan``; ``zlim`` a sensible view."""

    x: Array
    y: Array
    z: Array
    zlim: Interval


@dataclass(frozen=True)
class Field:
    """∇f on a coarse grid: arrow tails (x, y) and components (u, v), non-finite as ``nan``."""

    x: Array
    y: Array
    u: Array
    v: Array


def finite_or_nan(values: Array) -> Array:
    """A float copy of ``values`` with ±inf (and nan) as ``nan``."""
    out = np.array(values, dtype=float)
    out[~np.isfinite(out)] = np.nan
    return out


def _jumps(f: Function1, a: Array, b: Array) -> Array:
    """For each interval [a, b], whether |f(b) − f(a)| stays large as the interval shrinks.

    A continuous function's change over an interval halves with its width; at a jump or a
    pole it does not. Bisection keeps the half with the larger change each time.
    """
    with np.errstate(all="ignore"):
        fa, fb = f(a), f(b)
        first = np.abs(fb - fa)
        for _ in range(_BISECTIONS):
            m = 0.5 * (a + b)
            fm = f(m)
            left = np.abs(fm - fa) >= np.abs(fb - fm)
            b, fb = np.where(left, m, b), np.where(left, fm, fb)
            a, fa = np.where(left, a, m), np.where(left, fa, fm)
        last = np.abs(fb - fa)
    return ~(last < 0.1 * first)


def find_breaks(f: Function1, x: Array, y: Array) -> Array:
    """Indices ``i`` where the curve must not be joined between ``x[i]`` and ``x[i + 1]``.

    Suspects are steps much larger than the typical step; each is confirmed by bisection
    (:func:`_jumps`), so a steep but continuous stretch stays joined.
    """
    dy = np.abs(np.diff(y))
    finite = np.isfinite(dy)
    if not finite.any():
        return np.zeros(0, dtype=int)
    typical = float(np.median(dy[finite]))
    lo, hi = view_limits(y)
    suspect = finite & (dy > max(20.0 * typical, 0.02 * (hi - lo)))
    index = np.flatnonzero(suspect)
    if index.size > _MAX_SUSPECTS:
        index = index[np.argsort(dy[index])[-_MAX_SUSPECTS:]]
        index.sort()
    if index.size == 0:
        return index
    return index[_jumps(f, x[index].copy(), x[index + 1].copy())]


def sample_curve(f: Function1, interval: Interval, n: int = CURVE_POINTS) -> Curve:
    """f on ``interval``, cut at poles and jumps, with a view that ignores the spikes.

    >>> import numpy as np
    >>> c = sample_curve(lambda x: 1 / x, (-1.0, 1.0), 200)
    >>> len(c.breaks), bool(np.isnan(c.y).any())
    (1, True)
    """
    x = np.linspace(interval[0], interval[1], n)
    with np.errstate(all="ignore"):
        y = finite_or_nan(np.broadcast_to(f(x), x.shape))
    cuts = find_breaks(f, x, y)
    breaks = tuple(float(0.5 * (x[i] + x[i + 1])) for i in cuts)
    ylim = view_limits(y)
    x = np.insert(x, cuts + 1, 0.5 * (x[cuts] + x[cuts + 1]))
    y = np.insert(y, cuts + 1, np.nan)
    return Curve(x, y, ylim, breaks)


def sample_surface(f: Callable[[Array, Array], Array], x_range: Interval, y_range: Interval,
                   n: int = MAX_SURFACE_POINTS) -> Surface:
    """f on an ``n × n`` grid (``n`` capped at :data:`MAX_SURFACE_POINTS`), broadcast axes."""
    n = max(2, min(int(n), MAX_SURFACE_POINTS))
    x = np.linspace(*x_range, n)
    y = np.linspace(*y_range, n)
    with np.errstate(all="ignore"):
        z = finite_or_nan(np.broadcast_to(f(x[None, :], y[:, None]), (n, n)))
    return Surface(x, y, z, view_limits(z))


def sample_field(grad: Callable[[Array, Array], Array], x_range: Interval, y_range: Interval,
                 n: int = 21) -> Field:
    """∇f at the nodes of an ``n × n`` grid (``grad`` returns shape ``(2, n, n)``)."""
    x = np.linspace(*x_range, n)
    y = np.linspace(*y_range, n)
    with np.errstate(all="ignore"):
        g = np.broadcast_to(grad(x[None, :], y[:, None]), (2, n, n))
    xx, yy = np.meshgrid(x, y)
    return Field(xx, yy, finite_or_nan(g[0]), finite_or_nan(g[1]))


def clip_to_view(values: Array, limits: Interval) -> Array:
    """``values`` with everything outside ``limits`` as ``nan`` (holes, not plateaus)."""
    out = np.array(values, dtype=float)
    span = limits[1] - limits[0]
    with np.errstate(invalid="ignore"):
        outside = (out < limits[0] - 1e-9 * span) | (out > limits[1] + 1e-9 * span)
    out[outside] = np.nan
    return out


__all__ = ["CURVE_POINTS", "MAX_SURFACE_POINTS", "Curve", "Field", "Surface", "clip_to_view",
           "find_breaks", "finite_or_nan", "sample_curve", "sample_field", "sample_surface"]
