"""Drawing helpers shared by the figures: filled contours, contour lines, a 3D surface."""

from __future__ import annotations

from typing import Any, Literal

import numpy as np

from nablab.core.expression import Expression
from nablab.numeric import compile
from nablab.plot import labels
from nablab.plot.ranges import Interval
from nablab.plot.sampling import Surface, clip_to_view, sample_surface

#: The notes' colour map.
CMAP = "viridis"
#: Rows and columns of a 3D surface mesh (matplotlib's default; more only slows the PNG).
MESH = 50


def surface_of(expression: Expression, window: tuple[Interval, ...],
               n: int = 400) -> Surface:
    """Sample a two-variable expression over the window."""
    compiled = compile(expression)
    return sample_surface(compiled.f, window[0], window[1], n)


def levels(surface: Surface, count: int = 20) -> np.ndarray:
    """About ``count`` contour levels at round numbers, spanning the visible value range."""
    from matplotlib.ticker import MaxNLocator

    lo, hi = surface.zlim
    values = np.asarray(MaxNLocator(nbins=count).tick_values(lo, hi), dtype=float)
    inside = values[(values >= lo) & (values <= hi)]
    return inside if inside.size >= 2 else np.linspace(lo, hi, count + 1)


def quads(x: np.ndarray, y: np.ndarray, z: np.ndarray, cells: int = MESH) -> np.ndarray:
    """The surface as quadrilaterals ``(k, 4, 3)`` on a mesh of at most ``cells`` per side.

    Quads with a non-finite corner are dropped (holes, not garbage).
    """
    rows = np.unique(np.linspace(0, len(y) - 1, min(cells, len(y) - 1) + 1).astype(int))
    cols = np.unique(np.linspace(0, len(x) - 1, min(cells, len(x) - 1) + 1).astype(int))
    xx, yy = np.meshgrid(x[cols], y[rows])
    zz = z[np.ix_(rows, cols)]
    points = np.stack([xx, yy, zz], axis=-1)
    corners = [points[:-1, :-1], points[:-1, 1:], points[1:, 1:], points[1:, :-1]]
    verts = np.stack(corners, axis=2).reshape(-1, 4, 3)
    return verts[np.isfinite(verts).all(axis=(1, 2))]


def filled_contour(ax: Any, surface: Surface, count: int = 20) -> Any:
    """The notes' ``contourf`` (viridis); values past the view get the end colours.

    Levels as :func:`adaptive_levels` chooses them, a colour band each: a narrow valley
    shows its floor instead of one dark band.
    """
    from matplotlib.colors import BoundaryNorm

    z = np.ma.masked_invalid(surface.z)
    steps = adaptive_levels(surface, count)
    below, above = bool((z < steps[0]).any()), bool((z > steps[-1]).any())
    extend: Literal["neither", "both", "min", "max"] = {
        (True, True): "both", (True, False): "min", (False, True): "max"}.get(
        (below, above), "neither")  # type: ignore[assignment]
    norm = BoundaryNorm(steps, 256, extend=extend)
    try:
        return ax.contourf(surface.x, surface.y, z, levels=steps, cmap=CMAP, extend=extend,
                           norm=norm)
    except ValueError:   # values near the float limit (6¹⁰⁰⁰): the extension bands overflow
        # into the end bands themselves (a value on a level's edge is left unfilled)
        clipped = np.ma.clip(z, (steps[0] + steps[1]) / 2, (steps[-2] + steps[-1]) / 2)
        return ax.contourf(surface.x, surface.y, clipped, levels=steps, cmap=CMAP,
                           norm=BoundaryNorm(steps, 256))


def adaptive_levels(surface: Surface, count: int) -> np.ndarray:
    """Levels spaced geometrically above the lowest value when the values crowd at the bottom.

    A valley like Rosenbrock's has almost all its area at low values; evenly spaced levels
    would draw nothing there, and even quantile levels stop above its floor. Levels at
    min + r·qᵏ (a geometric series from 10⁻⁵ of the values' spread up to the whole spread, or
    the 0.2nd percentile when that is higher) draw the floor and the walls alike.
    """
    z = surface.z[np.isfinite(surface.z)]
    z = z[(z >= surface.zlim[0]) & (z <= surface.zlim[1])]
    even = levels(surface, count)
    if z.size < 4 or np.median(z) > surface.zlim[0] + 0.1 * (surface.zlim[1] - surface.zlim[0]):
        return even
    low, spread = float(z.min()), float(z.max() - z.min())
    if not spread > 0:
        return even
    first = max(float(np.quantile(z - low, 0.002)), 1e-5 * spread)
    steps = np.geomspace(first, spread, count)
    return np.unique(_round(low + steps))


def _round(values: np.ndarray, digits: int = 2) -> np.ndarray:
    """Values at ``digits`` significant digits: contour labels that read as numbers."""
    with np.errstate(divide="ignore"):
        scale = 10.0 ** (digits - 1 - np.floor(np.log10(np.abs(values))))
    return np.where(np.isfinite(scale), np.round(values * scale) / scale, values)


def contour_lines(ax: Any, surface: Surface, count: int = 15, **kwargs: Any) -> Any:
    """Level curves f = c, coloured by height (levels adapted to the values)."""
    from matplotlib.colors import BoundaryNorm

    z = np.ma.masked_invalid(surface.z)
    steps = adaptive_levels(surface, count)
    options = {"linewidths": 0.9, **kwargs}
    if "colors" not in options:
        options.setdefault("cmap", CMAP)
        # A colour per level, not per value: geometric levels would all come out dark.
        options.setdefault("norm", BoundaryNorm(steps, 256, extend="both"))
    return ax.contour(surface.x, surface.y, z, levels=steps, **options)


def surface_3d(ax: Any, surface: Surface, **kwargs: Any) -> Any:
    """The notes' ``plot_surface`` (viridis); spikes beyond the view are holes."""
    z = clip_to_view(surface.z, surface.zlim)
    xx, yy = np.meshgrid(surface.x, surface.y)
    # Rasterized: in SVG and PDF thousands of quads would weigh megabytes; text stays vector.
    options = {"cmap": CMAP, "rcount": MESH, "ccount": MESH, "rasterized": True,
               "vmin": surface.zlim[0], "vmax": surface.zlim[1], **kwargs}
    artist = ax.plot_surface(xx, yy, z, **options)
    ax.set_zlim(*surface.zlim)
    return artist


def add_quads(ax: Any, verts: np.ndarray, facecolors: Any, zorder: float = 1) -> Any:
    """Quads ``(k, 4, 3)`` as one 3D collection (depth-sorted quad by quad)."""
    from mpl_toolkits.mplot3d.art3d import Poly3DCollection

    collection = Poly3DCollection(list(verts), facecolors=facecolors,
                                  edgecolors=(0, 0, 0, 0.08), linewidths=0.2, zorder=zorder,
                                  rasterized=True)
    ax.add_collection3d(collection)
    return collection


def mesh_3d(ax: Any, surface: Surface, *, alpha: float = 0.9, zorder: float = 1) -> Any:
    """The surface as quads coloured by height (viridis), fixing the axes to its window."""
    from matplotlib import colormaps
    from matplotlib.colors import Normalize

    verts = quads(surface.x, surface.y, clip_to_view(surface.z, surface.zlim))
    colours = colormaps[CMAP](Normalize(*surface.zlim)(verts[:, :, 2].mean(axis=1)))
    colours[:, 3] = alpha
    collection = add_quads(ax, verts, colours, zorder)
    ax.set_xlim(surface.x[0], surface.x[-1])
    ax.set_ylim(surface.y[0], surface.y[-1])
    ax.set_zlim(*surface.zlim)
    return collection


def level_colorbar(figure: Any, artist: Any, ax: Any, label: str) -> Any:
    """A colour bar for contour levels, its ticks written as figure numbers (−, 4 digits)."""
    from matplotlib.ticker import FuncFormatter

    colorbar = figure.colorbar(artist, ax=ax)
    colorbar.set_label(label)
    colorbar.ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: labels.number(v)))
    return colorbar


def label_axes(ax: Any, expression: Expression, *, z: bool = False) -> None:
    """Axis labels: the variable names, and f(x, y) on the height axis."""
    names = expression.variable_names
    ax.set_xlabel(labels.math(names[0], names[0]))
    ax.set_ylabel(labels.math(names[1], names[1]))
    if z:
        ax.set_zlabel(labels.signature(expression))


def set_window(ax: Any, window: tuple[Interval, ...]) -> None:
    """A contour panel's limits, one scale on both axes when the ranges are comparable."""
    ax.set_xlim(*window[0])
    ax.set_ylim(*window[1])
    equal_if_comparable(ax, window)


#: Widths of the two variables' ranges within this ratio share one scale on a contour plot.
COMPARABLE_RATIO = 4.0


def equal_scale(window: tuple[Interval, ...] | list[Any]) -> bool:
    """Whether a contour plot over ``window`` should use one scale for both axes.

    With one scale a circle of x² + y² is round and a descent path crosses the level curves
    at right angles, as the gradient does; ranges of very different widths would leave a
    thin strip, so they keep a scale each.
    """
    widths = [float(hi) - float(lo) for lo, hi in window[:2]]
    if len(widths) < 2 or min(widths) <= 0:
        return False
    return max(widths) / min(widths) <= COMPARABLE_RATIO


def equal_if_comparable(ax: Any, window: tuple[Interval, ...]) -> None:
    """One scale on both axes when :func:`equal_scale` says so (the box shrinks to fit)."""
    if equal_scale(window):
        ax.set_aspect("equal", adjustable="box")


__all__ = ["CMAP", "MESH", "adaptive_levels", "add_quads", "mesh_3d", "quads", "contour_lines",
           "filled_contour", "label_axes", "levels", "set_window", "surface_3d", "surface_of",
           "COMPARABLE_RATIO", "equal_if_comparable", "equal_scale", "level_colorbar"]
