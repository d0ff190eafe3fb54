"""Sweep pictures: the basins of attraction, and the converged fraction against η.

Drawn from a :class:`~nablab.optimize.SweepResult` (its start grid, minima, labels and
outcomes). Each start point is coloured by the minimum its run reached, at the learning rate
that converged most often — the same letters A, B, … as the text map of ``nablab sweep``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from nablab.core.expression import Expression
from nablab.optimize.sweep import Minimum, SweepResult
from nablab.plot import axes, labels
from nablab.plot.output import new_figure

#: Letters of the minima, as in the text map.
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#: Colours: diverged, not converged, then one per minimum.
DIVERGED, NOT_CONVERGED = "#222222", "#dddddd"
MINIMUM_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
                   "#e377c2", "#bcbd22", "#17becf")


def basin_codes(result: SweepResult) -> np.ndarray:
    """Per start, at the best learning rate: 0 diverged, 1 not converged, 2 + i reached
    minimum i; shaped like the start grid when there is one."""
    best = result.best_row()
    found = np.asarray(result.labels[best], dtype=int)
    codes = np.where(result.status[best] == "diverged", 0, np.where(found < 0, 1, found + 2))
    return codes.reshape([len(a) for a in result.axes]) if result.axes is not None else codes


def _colours(count: int) -> list[str]:
    return [DIVERGED, NOT_CONVERGED] + [MINIMUM_COLOURS[i % len(MINIMUM_COLOURS)]
                                        for i in range(count)]


def _legend(ax: Any, minima: Sequence[Minimum], codes: np.ndarray, lang: str) -> None:
    from matplotlib.patches import Patch

    colours = _colours(len(minima))
    handles = [Patch(color=colours[2 + i], label=f"{LETTERS[i % 26]}: {labels.point(m.point)}")
               for i, m in enumerate(minima) if (codes == 2 + i).any()]
    for code, key in ((0, "label.diverged"), (1, "label.not_converged")):
        if (codes == code).any():
            handles.append(Patch(color=colours[code], label=labels.text(key, lang)))
    ax.legend(handles=handles, loc="upper right", fontsize=8, framealpha=0.9)


def draw_basins(ax: Any, expression: Expression, result: SweepResult,
                grid_axes: Sequence[np.ndarray], lang: str) -> None:
    """The start grid coloured by basin, the level curves of f and the minima on top."""
    from matplotlib.colors import ListedColormap

    minima = result.minima
    codes = basin_codes(result)
    cmap = ListedColormap(_colours(len(minima)))
    xs, ys = (np.asarray(a, dtype=float) for a in grid_axes)
    ax.pcolormesh(xs, ys, codes.T, cmap=cmap, vmin=-0.5, vmax=len(minima) + 1.5,
                  shading="nearest", alpha=0.85)
    window = ((float(xs.min()), float(xs.max())), (float(ys.min()), float(ys.max())))
    surface = axes.surface_of(expression, window, 150)
    axes.contour_lines(ax, surface, 12, colors="white", linewidths=0.6, alpha=0.7)
    for i, m in enumerate(minima):
        x, y = (float(v) for v in m.point)
        ax.plot([x], [y], "*", color="white", markeredgecolor="black", markersize=14)
        ax.annotate(LETTERS[i % 26], (x, y), xytext=(7, 5), textcoords="offset points",
                    fontweight="bold")
    _legend(ax, minima, codes, lang)
    axes.label_axes(ax, expression)
    lr = float(result.lrs[result.best_row()])
    ax.set_title(labels.text("basins_title", lang, lr=labels.number(lr)))


def draw_rates(ax: Any, result: SweepResult, lang: str) -> None:
    """Converged and diverged fractions against η (log axis), divergence marked."""
    rates = np.asarray(result.lrs, dtype=float)
    converged = np.array([result.fraction("converged", i) for i in range(len(rates))])
    diverged = np.array([result.fraction("diverged", i) for i in range(len(rates))])
    ax.plot(rates, converged, "-o", color="tab:green", markersize=4,
            label=labels.text("label.converged_fraction", lang))
    ax.plot(rates, diverged, "-s", color="tab:red", markersize=4,
            label=labels.text("label.diverged_fraction", lang))
    first = result.divergence_boundary()[1]
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


def sweep_figure(result: SweepResult, lang: str) -> Any:
    """Basins of attraction (two variables on a start grid) beside the fractions against η."""
    expression = result.expression
    if expression is None:
        raise ValueError("the sweep does not carry its function")
    grid_axes = result.axes
    basins = grid_axes is not None and len(grid_axes) == 2 and len(expression.variables) == 2
    figure = new_figure(13.0, 5.6) if basins else new_figure(7.5, 5.4)
    if basins:
        assert grid_axes is not None
        draw_basins(figure.add_subplot(1, 2, 1), expression, result, grid_axes, lang)
    draw_rates(figure.add_subplot(1, 2 if basins else 1, 2 if basins else 1), result, lang)
    figure.suptitle(labels.formula(expression))
    figure.set_layout_engine("tight")
    return figure


def sweep_picture(result: SweepResult) -> Any:
    """``sweep --plot``: basins and fractions (an HTML page inlines the same figure)."""
    from functools import partial

    from nablab.plot.picture import Picture

    return Picture(partial(sweep_figure, result))


__all__ = ["LETTERS", "sweep_picture", "basin_codes", "draw_basins", "draw_rates", "sweep_figure"]
