"""Descent pictures: trajectories over the contours, and f(θ_k) against k on a log scale.

One picture serves ``descend`` (one run) and ``race`` (several): every path over the level
curves of f with its start (○) and end (★) marked and a legend, and beside it the loss curve
f(θ_k). Functions of one variable show the path on the curve; more than two variables, the
loss curve alone (a network's loss has no picture of its own). A Newton run also shows the
quadratic model of its first steps (dashed).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from nablab.core.expression import Expression
from nablab.numeric import compile
from nablab.optimize.optimizers import SECOND_ORDER
from nablab.plot import axes, labels
from nablab.plot.curve import draw_curve
from nablab.plot.newton import draw_quadratic_models
from nablab.plot.output import new_figure
from nablab.plot.paths import descent_window, draw_losses, draw_paths
from nablab.plot.ranges import Interval
from nablab.plot.runs import Descents, Run, as_runs, function_of
from nablab.plot.sampling import sample_curve


def _path_panel(ax: Any, expression: Expression, runs: Sequence[Run],
                window: tuple[Interval, ...], lang: str) -> None:
    if len(expression.variables) == 1:
        curve = sample_curve(compile(expression).f, window[0])
        draw_curve(ax, curve, expression, lang)
        draw_paths(ax, runs, lang, one_d=True)
        bottom, top = ax.get_ylim()
        draw_quadratic_models(ax, expression, runs, lang, one_d=True)
        ax.set_ylim(bottom, top)
        return
    surface = axes.surface_of(expression, window, 200)
    axes.contour_lines(ax, surface, 18, alpha=0.8)
    draw_paths(ax, runs, lang)
    draw_quadratic_models(ax, expression, runs, lang, one_d=False)
    axes.set_window(ax, window)
    axes.label_axes(ax, expression)


def descent_figure(expression: Expression, data: Any, lang: str,
                   window: Sequence[Interval] | None = None, *,
                   title_key: str = "descent_title") -> Any:
    """Paths over the contours (left) and the loss curves (right) of one or more runs.

    Args:
        data: a DescentResult, a RaceResult, or a list of descents.
        window: the window of the left panel (default: fitted around the paths).
    """
    runs = as_runs(data)
    dims = len(expression.variables)
    figure = new_figure(13.0, 5.6) if dims <= 2 else new_figure(7.5, 5.6)
    if dims <= 2:
        chosen = tuple(window) if window else descent_window(runs, dims)
        ax = figure.add_subplot(1, 2, 1)
        _path_panel(ax, expression, runs, chosen, lang)
        ax.legend(loc="best", fontsize=8, framealpha=0.9)
        if title_key == "descent_title" and runs and all(r.name in SECOND_ORDER for r in runs):
            title_key = "newton_title"      # not "gradient descent": Newton divides by H
        key = title_key + ("_curve" if dims == 1 else "")
        ax.set_title(labels.title(key, lang, labels.formula(expression)))
    loss = figure.add_subplot(1, 2 if dims <= 2 else 1, 2 if dims <= 2 else 1)
    draw_losses(loss, runs, lang)
    if len(runs) > 1 or dims > 2:
        loss.legend(loc="best", fontsize=8)
    figure.set_layout_engine("tight")
    return figure


def race_figure(expression: Expression, data: Any, lang: str,
                window: Sequence[Interval] | None = None) -> Any:
    """:func:`descent_figure` titled as a race of optimizers."""
    return descent_figure(expression, data, lang, window, title_key="race_title")


def descent_page(expression: Expression, data: Any, lang: str,
                 window: Sequence[Interval] | None = None) -> Any:
    """Interactive: the paths drawn on the rotatable surface (two variables)."""
    from nablab.plot import interactive

    runs = as_runs(data)
    if len(expression.variables) != 2:
        return None
    chosen = tuple(window) if window else descent_window(runs, 2)
    figure = interactive.surface_page(expression, chosen, lang)
    return interactive.paths_on_surface(figure, [(r.label, r.path, r.values) for r in runs])


def descent_picture(data: Descents) -> Any:
    """``descend``/``race`` ``--plot``/``--animate``: figure, surface page, animation.

    Several descents (a race, or a list) are titled as a race of optimizers.
    """
    from functools import partial

    from nablab.plot import animate
    from nablab.plot.picture import Picture

    expression = function_of(data)
    race = len(as_runs(data)) > 1
    static = partial(race_figure if race else descent_figure, expression, data)
    page = partial(descent_page, expression, data) if len(expression.variables) == 2 else None
    return Picture(static, page, partial(animate.descent_animation, expression, data))


__all__ = ["descent_figure", "descent_page", "descent_picture", "race_figure"]
