"""Animations: the point moving and the path growing; secants turning into the tangent.

Each function returns :class:`~nablab.plot.frames.Frames` — an Agg figure (no pyplot), its
moving artists and an ``update(i)``; :mod:`nablab.plot.frames` writes them as GIF (Pillow),
MP4 (ffmpeg) or an HTML player. Frames are few (≤ :data:`MAX_FRAMES`) and small.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from nablab.core.expression import Expression
from nablab.numeric import compile
from nablab.plot import axes, labels
from nablab.plot.curve import draw_curve, tangent_at
from nablab.plot.frames import Frames
from nablab.plot.output import FPS, new_figure
from nablab.plot.paths import colour, descent_window, draw_losses
from nablab.plot.ranges import Interval
from nablab.plot.runs import Run, as_runs, thin_path
from nablab.plot.sampling import sample_curve

#: The most frames of one animation.
MAX_FRAMES = 60
#: Figure size and resolution of animations (small: a GIF stores every frame).
SIZE, DPI = (10.0, 4.4), 80


def _frames(figure: Any, moving: Sequence[Any], update: Any, count: int) -> Frames:
    figure.set_dpi(DPI)
    figure.set_layout_engine("tight")
    return Frames(figure, list(moving), update, count, FPS)


def secant_steps(window: Interval, frames: int) -> np.ndarray:
    """h from 0.4 of the window's width down to a thousandth of that, geometrically."""
    first = 0.4 * (window[1] - window[0])
    return first * np.geomspace(1.0, 1e-3, frames)


def secant_animation(expression: Expression, window: tuple[Interval, ...], x0: float,
                     lang: str, *, frames: int = 40) -> Any:
    """The secant through (x₀, f(x₀)) and (x₀ + h, f(x₀ + h)) as h shrinks to the tangent."""
    value, slope = tangent_at(expression, x0)
    f = compile(expression).f
    curve = sample_curve(f, window[0])
    figure = new_figure(7.5, 5.0)
    ax = figure.add_subplot(1, 1, 1)
    draw_curve(ax, curve, expression, lang)
    xs = np.array([curve.x[0], curve.x[-1]])
    ax.plot(xs, value + slope * (xs - x0), color="tab:red", linestyle="--", alpha=0.6,
            label=labels.text("label.tangent", lang, slope=labels.number(slope)))
    ax.plot([x0], [value], "o", color="black", zorder=5)
    (line,) = ax.plot([], [], color="tab:orange", linewidth=2)
    (dot,) = ax.plot([], [], "o", color="tab:orange", zorder=5)
    ax.legend(loc="upper left", fontsize=8)
    ax.set_title(labels.formula(expression))
    caption = ax.text(0.5, 0.02, "", transform=ax.transAxes, ha="center", fontsize=10,
                      bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "0.7"})
    steps = secant_steps(window[0], min(frames, MAX_FRAMES))

    def update(i: int) -> None:
        h = float(steps[i])
        y = float(f(x0 + h))
        s = (y - value) / h
        line.set_data(xs, value + s * (xs - x0))
        dot.set_data([x0 + h], [y])
        caption.set_text(labels.text("secant_frame", lang, h=labels.number(h),
                                     slope=labels.number(s), tangent=labels.number(slope)))
    return _frames(figure, [line, dot, caption], update, len(steps))


def _background(ax: Any, expression: Expression, window: tuple[Interval, ...],
                lang: str) -> None:
    if len(expression.variables) == 1:
        draw_curve(ax, sample_curve(compile(expression).f, window[0]), expression, lang)
        return
    axes.contour_lines(ax, axes.surface_of(expression, window, 150), 15, alpha=0.8)
    axes.set_window(ax, window)
    axes.label_axes(ax, expression)


def _moving_parts(ax: Any, runs: Sequence[Run], one_d: bool) -> list[tuple[Any, Any]]:
    parts = []
    for index, run in enumerate(runs):
        c = colour(index)
        start_y = run.values[0] if one_d else run.path[0, 1]
        ax.plot([run.path[0, 0]], [start_y], "o", color=c, markerfacecolor="white",
                markeredgewidth=2, markersize=8)
        (path,) = ax.plot([], [], "-", color=c, linewidth=1.5, label=run.label)
        (head,) = ax.plot([], [], "o", color=c, markeredgecolor="black", markersize=8)
        parts.append((path, head))
    return parts


def descent_animation(expression: Expression, data: Any, lang: str,
                      window: Sequence[Interval] | None = None, *,
                      frames: int = MAX_FRAMES) -> Any:
    """Each optimizer's point moving over the contours, its path and f(θ_k) growing."""
    runs = as_runs(data)
    dims = len(expression.variables)
    one_d = dims == 1
    figure = new_figure(*SIZE)
    losses = figure.add_subplot(1, 2, 2) if dims <= 2 else figure.add_subplot(1, 1, 1)
    draw_losses(losses, runs, lang)
    grown = [line for line in losses.get_lines()]
    for line in grown:
        line.set_alpha(0.15)
    parts: list[tuple[Any, Any]] = []
    if dims <= 2:
        ax = figure.add_subplot(1, 2, 1)
        _background(ax, expression, tuple(window) if window else descent_window(runs, dims),
                    lang)
        parts = _moving_parts(ax, runs, one_d)
        ax.legend(loc="best", fontsize=7)
        ax.set_title(labels.formula(expression))
    growing = [losses.plot([], [], color=colour(i), linewidth=2)[0] for i in range(len(runs))]
    longest = max(len(r.path) for r in runs)
    ticks = thin_path(Run("", np.zeros((longest, 1)), np.zeros(longest), ""), frames)

    def update(i: int) -> None:
        k = int(ticks[i])
        for run, (path, head), loss in zip(runs, parts or [(None, None)] * len(runs), growing,
                                           strict=True):
            j = min(k, len(run.path) - 1)
            ys = run.values[: j + 1] if one_d else run.path[: j + 1, 1]
            if path is not None:
                path.set_data(run.path[: j + 1, 0], ys)
                head.set_data([run.path[j, 0]], [ys[-1]])
            loss.set_data(np.arange(j + 1), run.values[: j + 1])
    moving = [a for pair in parts for a in pair] + growing
    return _frames(figure, moving, update, len(ticks))


__all__ = ["MAX_FRAMES", "descent_animation", "secant_animation", "secant_steps"]
