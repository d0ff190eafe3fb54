"""``--plot FILE`` and ``--animate FILE``: figures drawn from the result that was computed.

A command adds the options with :func:`add_figure_options`, checks the file names before it
computes (:func:`requested`), prints its result, then :func:`write_figures` draws each file
from that result (``request.picture(result)``) in a bounded worker; a line on stderr says where
it went (stdout stays the command's own output, one object with ``--json``). matplotlib and
Plotly are imported only inside that worker.
"""

from __future__ import annotations

import argparse
import os
from typing import Any

from nablab.cli.context import Context
from nablab.i18n import translate
from nablab.plot.picture import WrittenFigure, file_format

#: A file asked for: its path, and whether it is an animation.
Wanted = tuple[str, bool]


def add_figure_options(parser: argparse.ArgumentParser, lang: str, *,
                       animate: bool = False) -> None:
    """Add ``--plot FILE`` (and ``--animate FILE`` when the command has an animation)."""
    parser.add_argument("--plot", metavar="FILE", help=translate("cli.opt.plot", lang))
    if animate:
        parser.add_argument("--animate", metavar="FILE",
                            help=translate("cli.opt.animate", lang))


def requested(args: argparse.Namespace) -> list[Wanted]:
    """The files asked for, their formats checked up front (call it before computing).

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


def _draw(request: Any, result: Any, path: str, lang: str, animate: bool,
          owner: int) -> WrittenFigure:
    from nablab.plot.output import write_picture

    return write_picture(request.picture(result), path, lang, animate=animate, owner=owner)


def write_figures(wanted: list[Wanted], ctx: Context, request: Any,
                  result: Any) -> list[WrittenFigure]:
    """Draw each file asked for from ``result`` (each in a bounded job); say where it went.

    The file's line goes to stderr: stdout is the command's own output.
    """
    written = []
    for path, animate in wanted:
        try:
            figure = ctx.run(_draw, request, result, path, ctx.lang, animate, os.getpid())
        except BaseException:   # the worker killed mid-write (Ctrl+C): its partial file too
            remove_partial([path])
            raise
        ctx.stderr.write(figure.sentence(ctx.lang, animation=animate) + "\n")
        written.append(figure)
    return written


def remove_partial(paths: list[str]) -> None:
    """Remove the temporary files this process's workers were writing for ``paths``."""
    from nablab.plot.output import partial_path

    for path in paths:
        partial_path(path, os.getpid()).unlink(missing_ok=True)


__all__ = ["add_figure_options", "remove_partial", "requested", "write_figures"]
