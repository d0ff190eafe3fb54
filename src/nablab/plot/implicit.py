"""``implicit --plot``: the level curve with its tangent, normal and ∇F; or the level surface
(drawn as its slices z = const) with its tangent plane and the normal along ∇F."""

from __future__ import annotations

from functools import partial
from typing import Any

import numpy as np

from nablab.calculus.implicit_result import ImplicitResult
from nablab.numeric.lambdify import numpy_lambdify
from nablab.plot import labels
from nablab.plot.output import new_figure
from nablab.plot.picture import Picture

CURVE_COLOUR = "#1f77b4"
TANGENT_COLOUR = "#d62728"
NORMAL_COLOUR = "#2ca02c"
GRADIENT_COLOUR = "#ff7f0e"


def implicit_picture(result: ImplicitResult) -> Picture:
    """The picture of ``implicit --plot`` (a still figure)."""
    return Picture(partial(implicit_figure, result))


def implicit_figure(result: ImplicitResult, lang: str) -> Any:
    """The level curve F(x, y) = 0 or the level surface F(x, y, z) = 0, with the point's lines."""
    if len(result.variables) == 2:
        return level_curve_figure(result, lang)
    return level_surface_figure(result, lang)


def half_width(result: ImplicitResult) -> float:
    """Half the side of the square window around the origin: 3, or wider to hold the point."""
    if result.point is None:
        return 3.0
    return max(3.0, 1.5 * max(abs(float(a)) for a in result.point.values()))


def evaluate(result: ImplicitResult, *grids: np.ndarray) -> np.ndarray:
    """F on the grids, NaN where it is undefined or not real."""
    f = numpy_lambdify(result.variables, result.F)
    with np.errstate(all="ignore"):
        values = np.asarray(f(*grids), dtype=complex) * np.ones_like(grids[0])
    return np.where(np.abs(values.imag) < 1e-9, values.real, np.nan)


def _unit(vector: np.ndarray) -> np.ndarray:
    return vector / np.linalg.norm(vector)


def level_curve_figure(result: ImplicitResult, lang: str, *, n: int = 400) -> Any:
    """The curve F = 0; at the point the tangent (⟂ ∇F), the normal (along ∇F) and ∇F."""
    h = half_width(result)
    x, y = np.meshgrid(np.linspace(-h, h, n), np.linspace(-h, h, n))
    figure = new_figure(7.0, 7.0)
    ax = figure.add_subplot(1, 1, 1)
    ax.contour(x, y, evaluate(result, x, y), levels=[0.0], colors=CURVE_COLOUR)
    ax.plot([], [], color=CURVE_COLOUR, label=labels.text("label.level_curve", lang))
    if result.point is not None and result.gradient is not None:
        a = np.array([float(v) for v in result.point.values()])
        ax.scatter([a[0]], [a[1]], color="black", zorder=5,
                   label=labels.text("label.point", lang, point=labels.point(a)))
        grad = np.array([float(g) for g in result.gradient])
        if np.linalg.norm(grad) > 0:
            normal = _unit(grad)
            tangent = np.array([normal[1], -normal[0]])
            t = np.array([-h, h]) * 2
            ax.plot(a[0] + t * tangent[0], a[1] + t * tangent[1], color=TANGENT_COLOUR,
                    label=labels.text("label.implicit_tangent", lang))
            ax.plot(a[0] + t * normal[0], a[1] + t * normal[1], color=NORMAL_COLOUR,
                    linestyle="--", label=labels.text("label.normal", lang))
            arrow = normal * h / 3
            ax.quiver([a[0]], [a[1]], [arrow[0]], [arrow[1]], angles="xy", scale_units="xy",
                      scale=1, color=GRADIENT_COLOUR, zorder=6,
                      label=labels.text("label.gradient_vector", lang))
    ax.set_xlim(-h, h)
    ax.set_ylim(-h, h)
    ax.set_aspect("equal")
    ax.set_xlabel(result.variables[0].name)
    ax.set_ylabel(result.variables[1].name)
    ax.legend(loc="upper right")
    ax.set_title(labels.title("implicit_curve_title", lang, result.relation.unicode))
    figure.set_layout_engine("tight")
    return figure


def level_surface_figure(result: ImplicitResult, lang: str, *, n: int = 120,
                         slices: int = 17) -> Any:
    """The surface F = 0 as its slices z = const; at the point the tangent plane and ∇F."""
    h = half_width(result)
    x, y = np.meshgrid(np.linspace(-h, h, n), np.linspace(-h, h, n))
    figure = new_figure(8.0, 7.0)
    ax = figure.add_subplot(1, 1, 1, projection="3d")
    for z in np.linspace(-h, h, slices):
        values = evaluate(result, x, y, np.full_like(x, z))
        if np.nanmin(values, initial=np.inf) <= 0 <= np.nanmax(values, initial=-np.inf):
            ax.contour(x, y, values, levels=[0.0], zdir="z", offset=z, colors=CURVE_COLOUR,
                       linewidths=1.0)
    ax.plot([], [], color=CURVE_COLOUR, label=labels.text("label.level_surface", lang))
    if result.point is not None and result.gradient is not None:
        _plane_and_normal(ax, result, h, lang)
    ax.set_xlim(-h, h)
    ax.set_ylim(-h, h)
    ax.set_zlim(-h, h)
    for setter, v in zip((ax.set_xlabel, ax.set_ylabel, ax.set_zlabel), result.variables,
                         strict=True):
        setter(v.name)
    ax.legend(loc="upper left")
    ax.set_title(labels.title("implicit_surface_title", lang, result.relation.unicode))
    return figure


def _plane_and_normal(ax: Any, result: ImplicitResult, h: float, lang: str) -> None:
    """The tangent plane as a patch spanned by two unit vectors ⟂ ∇F, and ∇F at the point."""
    assert result.point is not None and result.gradient is not None
    a = np.array([float(v) for v in result.point.values()])
    ax.scatter(*a, color="black", s=30, depthshade=False,
               label=labels.text("label.point", lang, point=labels.point(a)))
    grad = np.array([float(g) for g in result.gradient])
    if np.linalg.norm(grad) == 0:
        return
    normal = _unit(grad)
    helper = np.eye(3)[int(np.argmin(np.abs(normal)))]
    u = _unit(np.cross(normal, helper))
    v = np.cross(normal, u)
    s, t = np.meshgrid(np.linspace(-h / 2, h / 2, 2), np.linspace(-h / 2, h / 2, 2))
    patch = [a[i] + s * u[i] + t * v[i] for i in range(3)]
    ax.plot_surface(*patch, color=TANGENT_COLOUR, alpha=0.35)
    ax.plot([], [], color=TANGENT_COLOUR, linewidth=6,
            label=labels.text("label.tangent_plane", lang))
    arrow = normal * h / 3
    ax.quiver(*a, *arrow, color=GRADIENT_COLOUR,
              label=labels.text("label.gradient_vector", lang))


__all__ = ["evaluate", "half_width", "implicit_figure", "implicit_picture",
           "level_curve_figure", "level_surface_figure"]
