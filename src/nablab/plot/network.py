r"""Training pictures: the loss surface L(w₁, w₂) with the descent path on it, the loss per
epoch, and for a classifier of two inputs the data with its decision boundary.

For the notes' two-weight network the surface is the whole loss (3D beside its contours, the
path of θ walking down both). With more parameters the contours are a slice through the
final θ over the two parameters that moved most, the others held at their final values (the
path is drawn projected onto that plane, so it need not follow the slice's contours).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from nablab.core.printing import symbol_display
from nablab.network.data import Dataset
from nablab.network.kernel import block, predictor
from nablab.network.result import TrainResult
from nablab.network.surface import loss_curve, loss_grid
from nablab.plot import axes, labels
from nablab.plot.output import new_figure
from nablab.plot.paths import draw_losses, draw_paths
from nablab.plot.ranges import fit_interval, view_limits
from nablab.plot.runs import Run
from nablab.plot.sampling import Surface

#: Per-sample losses one figure may evaluate (grid points × rows).
WORK = 20_000_000


def moved_most(result: TrainResult) -> tuple[int, int]:
    """The two parameters that moved most from θ₀ to the end (all of them when two)."""
    if result.path.shape[1] == 2:
        return (0, 1)
    moved = np.abs(result.path[-1] - result.path[0])
    first, second = np.argsort(-moved, kind="stable")[:2]
    return (int(min(first, second)), int(max(first, second)))


def grid_size(rows: int) -> int:
    """Points per axis: fine for small data, coarser so a large data set stays fast."""
    return int(np.clip(np.sqrt(WORK / max(rows, 1)), 25, 150))


def loss_surface(result: TrainResult, data: Dataset,
                 pair: tuple[int, int]) -> tuple[Surface, Run]:
    """L over the window around the path's two coordinates, and the path projected there."""
    path = result.path[:, list(pair)]
    window = tuple(fit_interval(path[:, k]) for k in range(2))
    n = grid_size(data.rows)
    a, b = np.linspace(*window[0], n), np.linspace(*window[1], n)
    rows = block(result.model, data)
    z = loss_grid(result.model, rows, result.path[-1], pair, a, b)
    lo, hi = view_limits(z)
    low = float(np.nanmin(z)) if np.isfinite(z).any() else lo
    surface = Surface(a, b, z, (min(lo, low), hi))
    run = Run(result.optimizer, path, np.asarray(result.loss), result.status,
              result.lr)
    return surface, run


def _names(result: TrainResult, pair: tuple[int, int]) -> tuple[str, str]:
    names = result.model.parameter_names
    return tuple(labels.math(symbol_display(names[i]), names[i]) for i in pair)  # type: ignore[return-value]


def draw_surface_3d(ax: Any, surface: Surface, run: Run, names: tuple[str, str],
                    lang: str) -> None:
    """The loss surface with the path walking down it (the notes' 3D view)."""
    axes.surface_3d(ax, surface, alpha=0.75)
    ax.plot(run.path[:, 0], run.path[:, 1], run.values, "-o", color="#d62728", markersize=2.5,
            linewidth=1.6, zorder=10)
    ax.plot(run.path[-1:, 0], run.path[-1:, 1], run.values[-1:], "*", color="#d62728",
            markersize=14, markeredgecolor="black", zorder=11)
    ax.set_xlabel(names[0])
    ax.set_ylabel(names[1])
    ax.set_zlabel("L")
    ax.set_title(labels.text("network_surface_title", lang))


def draw_contours(ax: Any, surface: Surface, run: Run, names: tuple[str, str], lang: str,
                  *, slice_of: int) -> None:
    """Level curves of L with the path (○ start, ★ end)."""
    axes.contour_lines(ax, surface, 18, alpha=0.85)
    draw_paths(ax, [run], lang)
    axes.set_window(ax, ((float(surface.x[0]), float(surface.x[-1])),
                         (float(surface.y[0]), float(surface.y[-1]))))
    ax.set_xlabel(names[0])
    ax.set_ylabel(names[1])
    key = "network_contour_title" if slice_of <= 2 else "network_slice_title"
    ax.set_title(labels.text(key, lang, count=slice_of))
    ax.legend(loc="best", fontsize=8, framealpha=0.9)


def draw_curve(ax: Any, result: TrainResult, data: Dataset, lang: str) -> None:
    """One parameter: L(θ) with the path's points on it."""
    path = result.path[:, 0]
    window = fit_interval(path)
    a = np.linspace(*window, 400)
    ax.plot(a, loss_curve(result.model, block(result.model, data), result.path[-1], 0, a),
            color="0.3", linewidth=1.4)
    run = Run(result.optimizer, result.path[:, :1], np.asarray(result.loss), result.status)
    draw_paths(ax, [run], lang, one_d=True)
    name = result.model.parameter_names[0]
    ax.set_xlabel(labels.math(symbol_display(name), name))
    ax.set_ylabel("L")
    ax.set_title(labels.text("network_contour_title", lang, count=1))


def draw_epochs(ax: Any, result: TrainResult, lang: str) -> None:
    """L(θ) after each epoch (log scale when positive)."""
    run = Run(result.optimizer, result.path, np.asarray(result.loss), result.status,
              result.lr)
    draw_losses(ax, [run], lang)
    ax.set_xlabel(labels.text("network_epoch", lang))
    ax.set_ylabel("L(θ)")
    ax.set_title(labels.text("network_loss_title", lang))


def draw_boundary(ax: Any, result: TrainResult, data: Dataset, lang: str) -> None:
    """The data coloured by class and the boundary p = ½ (z = 0), or ŷ = ½, of the model."""
    model = result.model
    xs = [data.column(column) for _, column in model.inputs]
    window = [fit_interval(x) for x in xs]
    g1, g2 = np.linspace(*window[0], 200), np.linspace(*window[1], 200)
    grid1, grid2 = np.meshgrid(g1, g2)
    p = len(model.parameters)
    rows = np.zeros((grid1.size, p + 3))
    rows[:, p], rows[:, p + 1] = grid1.ravel(), grid2.ravel()
    values = predictor(model)(result.path[-1], rows).reshape(grid1.shape)
    level = 0.0 if model.loss == "bce" else 0.5
    ax.contourf(g1, g2, values >= level, levels=[-0.5, 0.5, 1.5], colors=["#cfe2f3", "#f4cccc"],
                alpha=0.6)
    ax.contour(g1, g2, values, levels=[level], colors="black", linewidths=1.5)
    y = data.column(model.target[1])
    for label, colour in ((0.0, "#1f77b4"), (1.0, "#d62728")):
        mask = (y >= 0.5) == bool(label)
        ax.scatter(xs[0][mask], xs[1][mask], s=28, color=colour, edgecolors="black",
                   linewidths=0.5, label=f"y = {label:g}", zorder=3)
    names = [symbol_display(n) for n in model.input_names]
    ax.set_xlabel(labels.math(names[0], names[0]))
    ax.set_ylabel(labels.math(names[1], names[1]))
    ax.set_title(labels.text("network_boundary_title", lang,
                             percent=f"{100 * (result.accuracy or 0):.0f}"))
    ax.legend(loc="best", fontsize=8, framealpha=0.9)


def _panels(result: TrainResult) -> list[str]:
    p = result.path.shape[1]
    shown = ["curve"] if p == 1 else (["surface", "contours"] if p == 2 else ["contours"])
    shown.append("epochs")
    if result.accuracy is not None and len(result.model.inputs) == 2:
        shown.append("boundary")
    return shown


def training_figure(result: TrainResult, data: Dataset, lang: str) -> Any:
    """The loss surface with the descent path, the loss per epoch, and the boundary."""
    panels = _panels(result)
    columns = 2 if len(panels) == 4 else len(panels)
    rows_ = 2 if len(panels) == 4 else 1
    figure = new_figure(6.0 * columns, 5.2 * rows_)
    pair = moved_most(result) if result.path.shape[1] >= 2 else (0, 0)
    surface_run = loss_surface(result, data, pair) if "contours" in panels else None
    for index, panel in enumerate(panels, 1):
        projection = "3d" if panel == "surface" else None
        ax = figure.add_subplot(rows_, columns, index, projection=projection)
        if panel == "surface" and surface_run is not None:
            draw_surface_3d(ax, *surface_run, _names(result, pair), lang)
        elif panel == "contours" and surface_run is not None:
            draw_contours(ax, *surface_run, _names(result, pair), lang,
                          slice_of=result.path.shape[1])
        elif panel == "curve":
            draw_curve(ax, result, data, lang)
        elif panel == "epochs":
            draw_epochs(ax, result, lang)
        else:
            draw_boundary(ax, result, data, lang)
    figure.suptitle(labels.math(f"\\hat{{y}} = {result.model.expression.latex}",
                                f"ŷ = {result.model.expression.unicode}"))
    figure.set_layout_engine("tight")
    return figure


def training_picture(result: TrainResult) -> Any:
    """``train --plot``: the figure of the run on its data (an HTML page inlines it as SVG)."""
    from functools import partial

    from nablab.plot.picture import Picture

    if result.data is None:
        raise ValueError("the training result does not carry its data")
    return Picture(partial(training_figure, result, result.data))


__all__ = ["draw_boundary", "draw_contours", "draw_epochs", "draw_surface_3d", "grid_size",
           "loss_surface", "moved_most", "training_figure", "training_picture"]
