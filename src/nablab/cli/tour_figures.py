"""The figures of ``nablab tour``: each chapter's pictures, named and written into a folder.

:data:`FIGURES` maps a chapter's key to a function returning ``(file name, Picture)`` pairs;
a chapter without an entry has no figure. Every picture is built and written in a bounded
job. Names are ``NN-chapter-what.png`` in chapter order, so the folder reads like the tour.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from nablab.cli.app import Context
from nablab.cli.figures import human_size
from nablab.errors import NablabError
from nablab.plot.picture import Picture

#: Where ``nablab tour`` writes its figures unless told otherwise.
DEFAULT_FOLDER = "nablab-figures"

Figures = list[tuple[str, Picture]]


def _tour_function() -> Any:
    from nablab.cli.tour import TOUR_FUNCTION
    from nablab.parse import parse

    return parse(TOUR_FUNCTION)


def foundation(chapter: Any) -> Figures:
    """The notes' figure of x² + y², and the slices whose slopes are ∂f/∂x and ∂f/∂y."""
    from nablab.plot.function import function_picture

    f = _tour_function()
    return [("surface-contour", function_picture(f)),
            ("partials-slices", function_picture(f, "slices", point=(1.0, 2.0)))]


def derivatives(chapter: Any) -> Figures:
    """The limit definition made visible: secants of x² − x turning into its tangent at 2."""
    from nablab.cli.tour.derivatives import TANGENT
    from nablab.parse import parse
    from nablab.plot.calculus import tangent_picture

    text, x0 = TANGENT
    return [("secants-tangent", tangent_picture(parse(text), (float(x0),)))]


def critical(chapter: Any) -> Figures:
    """∇f = 0 at the minimum of x² + y², and the saddle of the chapter's contrast function."""
    from nablab.cli.tour.critical import CONTRAST
    from nablab.parse import parse
    from nablab.plot.critical import critical_picture

    figures = [("gradient-field", critical_picture(_tour_function(),
                                                   chapter.data["critical_points"]))]
    if "contrast" in chapter.data:
        figures.append(("saddle", critical_picture(parse(CONTRAST), chapter.data["contrast"])))
    return figures


def _race(start: tuple[float, ...], rates: tuple[float, ...]) -> Picture:
    from nablab.optimize import descend
    from nablab.plot.descent import descent_picture

    f = _tour_function()
    point = dict(zip(f.variable_names, start, strict=True))
    return descent_picture(f, [descend(f, point, lr=lr, steps=1000) for lr in rates],
                           race=len(rates) > 1)


def descent(chapter: Any) -> Figures:
    """Gradient descent from the chapter's start, with a good and a too large η."""
    from nablab.cli.tour.descent import LEARNING_RATE, START, TOO_LARGE

    return [("gradient-descent", _race(tuple(map(float, START)), (LEARNING_RATE,))),
            ("learning-rates", _race(tuple(map(float, START)), (LEARNING_RATE, TOO_LARGE)))]


def lagrange(chapter: Any) -> Figures:
    """The notes' hike: the mountain's level curves, the path, ∇f ∥ ∇g, the height walked."""
    from nablab.cli.tour.lagrange import MOUNTAIN, PATH
    from nablab.constrained import lagrange as solve
    from nablab.plot.lagrange import lagrange_picture

    return [("hike", lagrange_picture(solve(MOUNTAIN, PATH)))]


def network(chapter: Any) -> Figures:
    """The notes' two-weight network: its loss surface with the path; backprop; XOR's line."""
    from nablab.cli.tour import network as chapter_module
    from nablab.network import example, train
    from nablab.network.graph import graph
    from nablab.plot.graph import graph_picture
    from nablab.plot.network import training_picture

    linear, xor = example("linear"), example("xor")
    run = train(chapter_module.MODEL, linear, lr=chapter_module.LEARNING_RATE, epochs=1000,
                start=chapter_module.START)
    xor_run = train(chapter_module.SUGGESTIONS["xor"].model, xor,
                    lr=chapter_module.CLASSIFIER_LR, epochs=chapter_module.CLASSIFIER_EPOCHS)
    return [("loss-surface", training_picture(run, linear)),
            ("backprop-graph", graph_picture(graph(chapter_module.NEURON,
                                                   chapter_module.NEURON_POINT))),
            ("xor", training_picture(xor_run, xor))]


FIGURES: dict[str, Callable[[Any], Figures]] = {
    "foundation": foundation,
    "derivatives": derivatives,
    "critical": critical,
    "descent": descent,
    "lagrange": lagrange,
    "network": network,
}


def _write(make: Callable[[Any], Figures], chapter: Any, index: int, folder: str,
           lang: str) -> list[dict[str, Any]]:
    from nablab.plot.output import write_picture

    written = []
    for name, picture in make(chapter):
        target = Path(folder) / f"{index:02d}-{chapter.key}-{name}.png"
        written.append(write_picture(picture, target, lang))
    return written


def write_tour_figures(chapters: list[Any], folder: str, ctx: Context) -> list[dict[str, Any]]:
    """Write every chapter's figures into ``folder`` (created if needed); what was written."""
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise NablabError("plot_write_failed", file=folder,
                          reason=exc.strerror or str(exc)) from None
    written: list[dict[str, Any]] = []
    for index, chapter in enumerate(chapters, 1):
        make = FIGURES.get(chapter.key)
        if make is not None:
            written += ctx.run(partial(_write, make), chapter, index, folder, ctx.lang)
    return written


def show_written(written: list[dict[str, Any]], folder: str, ctx: Context, out: Any) -> None:
    """The figures section at the end of the tour."""
    from nablab.cli import render

    out.print()
    out.print(render.heading(ctx.t("tour.figures", folder=folder, count=len(written))))
    for info in written:
        out.print(f"  {Path(info['file']).name}  ({human_size(info['bytes'])})")


__all__ = ["DEFAULT_FOLDER", "FIGURES", "show_written", "write_tour_figures"]
