"""Sweep pictures: the basins of attraction, and the converged fraction against η.

Takes a :class:`~nablab.optimize.SweepResult` or its ``to_dict()`` (then the start grid's
axes are passed separately: the dict carries the grid's shape, not its coordinates). Each
start point is coloured by the minimum its run reached, at the learning rate that converged
most often — the same letters A, B, … as the text map of ``nablab sweep``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from nablab.core.expression import Expression
from nablab.plot import axes, labels
from nablab.plot.output import new_figure

#: Letters of the minima, as in the text map.
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#: Colours: diverged, not converged, then one per minimum.
DIVERGED, NOT_CONVERGED = "#222222", "#dddddd"
MINIMUM_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
                   "#e377c2", "#bcbd22", "#17becf")


def _plain(data: Any) -> tuple[dict[str, Any], tuple[np.ndarray, ...] | None]:
    if isinstance(data, Mapping):
        return dict(data), None
    return data.to_dict(), data.axes


def basin_codes(basins: Mapping[str, Any]) -> np.ndarray:
    """Per start: 0 diverged, 1 not converged, 2 + i reached minimum i; grid-shaped."""
    labels_ = np.asarray(basins["labels"], dtype=int)
    status = np.asarray(basins["status"])
    codes = np.where(status == "diverged", 0, np.where(labels_ < 0, 1, labels_ + 2))
    shape = basins.get("shape")
    return codes.reshape(shape) if shape else codes


def _colours(count: int) -> list[str]:
    return [DIVERGED, NOT_CONVERGED] + [MINIMUM_COLOURS[i % len(MINIMUM_COLOURS)]
                                        for i in range(count)]


def _legend(ax: Any, minima: Sequence[Mapping[str, Any]], codes: np.ndarray,
            lang: str) -> None:
    from matplotlib.patches import Patch

    colours = _colours(len(minima))
    handles = [Patch(color=colours[2 + i], label=f"{LETTERS[i % 26]}: "
                     f"{labels.point(list(m['point'].values()))}")
               for i, m in enumerate(minima) if (codes == 2 + i).any()]
    for code, key in ((0, "label.diverged"), (1, "label.not_converged")):
        if (codes == code).any():
            handles.append(Patch(color=colours[code], label=labels.text(key, lang)))
    ax.legend(handles=handles, loc="upper right", fontsize=8, framealpha=0.9)


def draw_basins(ax: Any, expression: Expression, data: Mapping[str, Any],
                grid_axes: Sequence[np.ndarray], lang: str) -> None:
    """The start grid coloured by basin, the level curves of f and the minima on top."""
    from matplotlib.colors import ListedColormap

    minima = data["minima"]
    codes = basin_codes(data["basins"])
    cmap = ListedColormap(_colours(len(minima)))
    xs, ys = (np.asarray(a, dtype=float) for a in grid_axes)
    ax.pcolormesh(xs, ys, codes.T, cmap=cmap, vmin=-0.5, vmax=len(minima) + 1.5,
                  shading="nearest", alpha=0.85)
    window = ((float(xs.min()), float(xs.max())), (float(ys.min()), float(ys.max())))
    surface = axes.surface_of(expression, window, 150)
    axes.contour_lines(ax, surface, 12, colors="white", linewidths=0.6, alpha=0.7)
    for i, m in enumerate(minima):
        x, y = (float(v) for v in m["point"].values())
        ax.plot([x], [y], "*", color="white", markeredgecolor="black", markersize=14)
        ax.annotate(LETTERS[i % 26], (x, y), xytext=(7, 5), textcoords="offset points",
                    fontweight="bold")
    _legend(ax, minima, codes, lang)
    axes.label_axes(ax, expression)
    ax.set_title(labels.text("basins_title", lang, lr=labels.number(data["basins"]["lr"])))


def draw_rates(ax: Any, data: Mapping[str, Any], lang: str) -> None:
    """Converged and diverged fractions against η (log axis), divergence marked."""
    rates = np.array([row["lr"] for row in data["by_lr"]])
    converged = np.array([row["converged"] for row in data["by_lr"]])
    diverged = np.array([row["diverged"] for row in data["by_lr"]])
    ax.plot(rates, converged, "-o", color="tab:green", markersize=4,
            label=labels.text("label.converged_fraction", lang))
    ax.plot(rates, diverged, "-s", color="tab:red", markersize=4,
            label=labels.text("label.diverged_fraction", lang))
    first = data["divergence"]["diverges_from_lr"]
    if first is not None:
        ax.axvline(first, color="0.4", linestyle="--",
                   label=labels.text("label.divergence", lang, lr=labels.number(first)))
    if rates.size and rates.min() > 0:
        ax.set_xscale("log")
    ax.set_ylim(-0.03, 1.03)
    ax.set_xlabel(labels.text("label.learning_rate", lang))
    ax.set_ylabel(labels.text("label.fraction", lang))
    ax.set_title(labels.text("rates_title", lang))
    ax.legend(loc="best", fontsize=8)
    ax.grid(alpha=0.3, which="both")


def sweep_figure(expression: Expression, data: Any, lang: str,
                 grid_axes: Sequence[np.ndarray] | None = None) -> Any:
    """Basins of attraction (two variables on a start grid) beside the fractions against η."""
    plain, own_axes = _plain(data)
    grid_axes = grid_axes if grid_axes is not None else own_axes
    shape = plain["basins"].get("shape")
    basins = grid_axes is not None and len(grid_axes) == 2 and shape is not None \
        and len(expression.variables) == 2
    figure = new_figure(13.0, 5.6) if basins else new_figure(7.5, 5.4)
    if basins:
        assert grid_axes is not None
        draw_basins(figure.add_subplot(1, 2, 1), expression, plain, grid_axes, lang)
    draw_rates(figure.add_subplot(1, 2 if basins else 1, 2 if basins else 1), plain, lang)
    figure.suptitle(labels.formula(expression))
    figure.set_layout_engine("tight")
    return figure


def sweep_picture(expression: Expression, data: Any,
                  grid_axes: Sequence[np.ndarray] | None = None) -> Any:
    """``sweep --plot``: basins and fractions (an HTML page inlines the same figure)."""
    from functools import partial

    from nablab.plot.picture import Picture

    return Picture(partial(sweep_figure, expression, data, grid_axes=grid_axes))


__all__ = ["LETTERS", "sweep_picture", "basin_codes", "draw_basins", "draw_rates", "sweep_figure"]
