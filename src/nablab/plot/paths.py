"""Trajectories drawn: one colour per run, a window around the paths, path lines, loss curves.

The pieces every descent picture shares — the static figure (:mod:`nablab.plot.descent`), its
animation (:mod:`nablab.plot.animate`) and the training figures (:mod:`nablab.plot.network`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from nablab.plot import labels
from nablab.plot.interactive import PATH_COLOURS
from nablab.plot.ranges import Interval, fit_window
from nablab.plot.runs import Run


def descent_window(runs: Sequence[Run], dims: int) -> tuple[Interval, ...]:
    """A window around the paths, ignoring a diverging run's blow-up."""
    starts = np.array([r.path[0] for r in runs])
    reach = 2.0 * float(np.abs(starts).max()) + 1.0
    points = [tuple(p) for r in runs for p in r.path
              if np.isfinite(p).all() and np.abs(p).max() <= reach]
    return fit_window(points, dims)


def colour(index: int) -> str:
    return PATH_COLOURS[index % len(PATH_COLOURS)]


def draw_paths(ax: Any, runs: Sequence[Run], lang: str, *, one_d: bool = False) -> None:
    """Each path as a line with dots, its start ○ and end ★ (one legend entry per run)."""
    for index, run in enumerate(runs):
        xs = run.path[:, 0]
        ys = run.values if one_d else run.path[:, 1]
        c = colour(index)
        ax.plot(xs, ys, "-o", color=c, markersize=2.5, linewidth=1.4, label=run.label, zorder=4)
        ax.plot(xs[:1], ys[:1], "o", color=c, markersize=9, markerfacecolor="white",
                markeredgewidth=2, zorder=5)
        ax.plot(xs[-1:], ys[-1:], "*", color=c, markersize=15, markeredgecolor="black",
                zorder=6)
    ax.plot([], [], "o", color="0.3", markerfacecolor="white", markeredgewidth=2,
            label=labels.text("label.start", lang))
    ax.plot([], [], "*", color="0.3", markeredgecolor="black", markersize=12,
            label=labels.text("label.end", lang))


#: A loss axis turns logarithmic only when the positive values span at least this ratio.
LOG_SPAN = 10.0


def wants_log(values: np.ndarray) -> bool:
    """Whether a loss axis should be logarithmic: positive values over a decade or more.

    A small range (an XOR loss from 0.693 to 0.701) on a log axis has one tick label or
    none and looks flat; a linear axis shows its shape.
    """
    finite = values[np.isfinite(values)]
    return bool(finite.size and finite.min() > 0 and finite.max() / finite.min() >= LOG_SPAN)


def draw_losses(ax: Any, runs: Sequence[Run], lang: str) -> None:
    """f(θₖ) against k: on a log scale when the positive values span a decade (else linear)."""
    values = np.concatenate([r.values for r in runs])
    for index, run in enumerate(runs):
        ax.plot(np.arange(len(run.values)), run.values, color=colour(index), linewidth=1.6,
                label=run.label)
    if wants_log(values):
        ax.set_yscale("log")
    ax.set_xlabel(labels.text("label.step", lang))
    ax.set_ylabel(labels.math(r"f(\theta_k)", "f(θₖ)"))
    ax.set_title(labels.text("loss_title", lang))
    ax.grid(alpha=0.3, which="both")


__all__ = ["LOG_SPAN", "colour", "descent_window", "draw_losses", "draw_paths", "wants_log"]
