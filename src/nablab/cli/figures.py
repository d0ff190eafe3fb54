"""``--plot FILE`` and ``--animate FILE`` for any command, and ``--range`` windows.

A command adds the options with :func:`add_figure_options`, computes and prints its result
as usual, then hands a :class:`~nablab.plot.picture.Picture` to :func:`write_figures`: each
requested file is built and written inside a bounded worker (``ctx.run``), and a line on
stderr says where it went (stdout stays the command's own output, one object with
``--json``). matplotlib and Plotly are imported only inside that worker.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any, TextIO

from nablab.cli.app import Context
from nablab.errors import ParseError, UsageError
from nablab.i18n import translate
from nablab.plot.picture import Picture, file_format
from nablab.plot.ranges import Interval

PictureSource = Picture | Callable[[], Picture]


def add_figure_options(parser: argparse.ArgumentParser, lang: str, *,
                       animate: bool = False) -> None:
    """Add ``--plot FILE`` (and ``--animate FILE`` when the command has an animation)."""
    parser.add_argument("--plot", metavar="FILE", help=translate("cli.opt.plot", lang))
    if animate:
        parser.add_argument("--animate", metavar="FILE",
                            help=translate("cli.opt.animate", lang))


def requested(args: argparse.Namespace) -> list[tuple[str, bool]]:
    """The files asked for, ``(path, is_animation)``, their formats checked up front.

    Call it before computing, so a bad suffix fails at once.

    Raises:
        UsageError: ``plot_format`` for a suffix nablab does not write.
    """
    files = []
    for option, animate in (("plot", False), ("animate", True)):
        path = getattr(args, option, None)
        if path:
            file_format(path, animation=animate)
            files.append((path, animate))
    return files


def _build_and_write(source: PictureSource, path: str, lang: str,
                     animate: bool) -> dict[str, Any]:
    from nablab.plot.output import write_picture

    picture = source() if callable(source) and not isinstance(source, Picture) else source
    return write_picture(picture, path, lang, animate=animate)


def write_figures(args: argparse.Namespace, ctx: Context,
                  source: PictureSource) -> list[dict[str, Any]]:
    """Write every requested figure (each in a bounded job) and say where it went.

    ``source`` is the picture, or a function returning it (then even choosing the
    picture happens inside the worker).
    """
    written = []
    for path, animate in requested(args):
        info = ctx.run(_build_and_write, source, path, ctx.lang, animate)
        report(info, ctx, animate=animate)
        written.append(info)
    return written


def report(info: dict[str, Any], ctx: Context, *, animate: bool = False,
           stream: TextIO | None = None) -> None:
    """``Figure written to FILE (SIZE)``, on stderr unless another stream is given."""
    key = "plot.wrote_animation" if animate else "plot.wrote"
    out = stream or ctx.stderr
    out.write(ctx.t(key, file=info["file"], size=human_size(info["bytes"])) + "\n")


def human_size(size: int) -> str:
    """``812 B``, ``45 KB``, ``4.9 MB``.

    >>> human_size(5_053_622)
    '4.8 MB'
    """
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def _endpoint(text: str, whole: str) -> float:
    from nablab.parse import parse

    try:
        expr = parse(text).expr
    except ParseError:
        raise UsageError("plot_bad_range", text=whole) from None
    if isinstance(expr, tuple) or expr.free_symbols:
        raise UsageError("plot_bad_range", text=whole)
    try:
        value = complex(expr.evalf(15))
    except (TypeError, ValueError):
        raise UsageError("plot_bad_range", text=whole) from None
    if value.imag or not abs(value.real) < 1e12:
        raise UsageError("plot_bad_range", text=whole)
    return value.real


def parse_window(text: str) -> tuple[Interval, ...]:
    """``-5:5`` or ``-5:5,-3:3`` (constants such as ``-pi:pi`` allowed) → intervals.

    Raises:
        UsageError: ``plot_bad_range`` unless each piece is ``low:high`` with low < high.
    """
    pieces = text.strip().split(",")
    if not 1 <= len(pieces) <= 2 or any(p.count(":") != 1 for p in pieces):
        raise UsageError("plot_bad_range", text=text)
    window = []
    for piece in pieces:
        low, high = (_endpoint(part, text) for part in piece.split(":"))
        if not low < high:
            raise UsageError("plot_bad_range", text=text)
        window.append((low, high))
    return tuple(window)


__all__ = ["add_figure_options", "human_size", "parse_window", "report", "requested",
           "write_figures"]
