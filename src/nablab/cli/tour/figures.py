"""The figures of ``nablab tour``: each chapter's pictures, drawn from the results it computed.

:data:`FIGURES` maps a chapter's key to a function returning ``(file name, Picture)`` pairs;
a chapter without an entry has no figure. Every picture is built and written in a bounded
job. Names are ``NN-chapter-what.png`` in chapter order, so the folder reads like the tour.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from nablab.cli.context import Context
from nablab.cli.tour.chapter import TOUR_FUNCTION, Chapter
from nablab.errors import NablabError
from nablab.plot.picture import Picture, WrittenFigure
from nablab.present import file_size

#: Where ``nablab tour`` writes its figures unless told otherwise.
DEFAULT_FOLDER = "nablab-figures"

Figures = list[tuple[str, Picture]]


def foundation(chapter: Chapter) -> Figures:
    """The notes' figure of x² + y², and the slices whose slopes are ∂f/∂x and ∂f/∂y."""
    from nablab.parse import parse
    from nablab.plot.function import function_picture

    f = parse(TOUR_FUNCTION)
    return [("surface-contour", function_picture(f)),
            ("partials-slices", function_picture(f, "slices", point=(1.0, 2.0)))]


def derivatives(chapter: Chapter) -> Figures:
    """The limit definition made visible: secants of x² − x turning into its tangent at 2."""
    from nablab.plot.calculus import tangent_picture

    return [("secants-tangent", tangent_picture(chapter.results["tangent"]))]


def critical(chapter: Chapter) -> Figures:
    """∇f = 0 at the minimum of x² + y², and the saddle of the chapter's contrast function."""
    from nablab.plot.critical import critical_picture

    return [("gradient-field", critical_picture(chapter.results["critical_points"])),
            ("saddle", critical_picture(chapter.results["contrast"]))]


def descent(chapter: Chapter) -> Figures:
    """Gradient descent from the chapter's start, with a good and a too large η."""
    from nablab.plot.descent import descent_picture

    good, bad = chapter.results["good"], chapter.results["too_large"]
    return [("gradient-descent", descent_picture(good)),
            ("learning-rates", descent_picture([good, bad]))]


def newton(chapter: Chapter) -> Figures:
    """The sigmoid with its Taylor polynomials; Newton's one step beside gradient descent's."""
    from nablab.plot.descent import descent_picture
    from nablab.plot.taylor import taylor_picture

    return [("sigmoid-taylor", taylor_picture(chapter.results["sigmoid"])),
            ("newton-vs-gd", descent_picture([chapter.results["gd"],
                                              chapter.results["newton"]]))]


def level(chapter: Chapter) -> Figures:
    """The contour x² + y² = 2 with its tangent, its normal and ∇F at (1, 1)."""
    from nablab.plot.implicit import implicit_picture

    return [("tangent-gradient", implicit_picture(chapter.results["implicit"]))]


def chain(chapter: Chapter) -> Figures:
    """The tree diagram L → ŷ → w₁, w₂, x₁, x₂ with each edge's partial derivative."""
    from nablab.plot.chain import chain_picture

    return [("tree", chain_picture(chapter.results["chain"]))]


def lagrange(chapter: Chapter) -> Figures:
    """The notes' hike: the mountain's level curves, the path, ∇f ∥ ∇g, the height walked."""
    from nablab.plot.lagrange import lagrange_picture

    return [("hike", lagrange_picture(chapter.results["lagrange"]))]


def network(chapter: Chapter) -> Figures:
    """The notes' two-weight network: its loss surface with the path; backprop; XOR's line;
    the hidden layer that learns XOR, with its units' outputs as new coordinates."""
    from nablab.plot.graph import graph_picture
    from nablab.plot.layered_animation import layered_picture
    from nablab.plot.network import training_picture

    return [("loss-surface", training_picture(chapter.results["linear"])),
            ("backprop-graph", graph_picture(chapter.results["graph"])),
            ("xor", training_picture(chapter.results["xor"])),
            ("xor-hidden-layer", layered_picture(chapter.results["hidden_layer"]))]


FIGURES: dict[str, Callable[[Chapter], Figures]] = {
    "foundation": foundation,
    "derivatives": derivatives,
    "critical": critical,
    "descent": descent,
    "newton": newton,
    "level": level,
    "lagrange": lagrange,
    "chain": chain,
    "network": network,
}


def _names(make: Callable[[Chapter], Figures], chapter: Chapter) -> list[str]:
    return [name for name, _ in make(chapter)]


def _write(make: Callable[[Chapter], Figures], chapter: Chapter, name: str, target: Path,
           lang: str) -> WrittenFigure:
    from nablab.plot.output import write_picture

    picture = dict(make(chapter))[name]
    return write_picture(picture, target, lang)


def write_tour_figures(chapters: list[Chapter], folder: str,
                       ctx: Context) -> list[WrittenFigure]:
    """Write every chapter's figures into ``folder`` (created if needed); what was written.

    Each figure is drawn in a bounded job of its own: a chapter with several figures gets the
    time budget once per figure, as ``--plot`` does.
    """
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise NablabError("plot_write_failed", file=folder,
                          reason=exc.strerror or str(exc)) from None
    written: list[WrittenFigure] = []
    for index, chapter in enumerate(chapters, 1):
        make = FIGURES.get(chapter.key)
        if make is None:
            continue
        for name in ctx.run(partial(_names, make), chapter):
            target = Path(folder) / f"{index:02d}-{chapter.key}-{name}.png"
            written.append(ctx.run(partial(_write, make), chapter, name, target, ctx.lang))
    return written


def show_written(written: list[WrittenFigure], folder: str, ctx: Context, out: Any) -> None:
    """The figures section at the end of the tour."""
    from nablab.cli import render

    out.print()
    out.print(render.heading(ctx.t("tour.figures", folder=folder, count=len(written))))
    for figure in written:
        out.print(f"  {Path(figure.file).name}  ({file_size(figure.bytes)})")


__all__ = ["DEFAULT_FOLDER", "FIGURES", "show_written", "write_tour_figures"]
