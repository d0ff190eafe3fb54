"""Every command that is a job (``diff``, ``descend``, ``lagrange``, …), the same way.

Its options come from the job's request fields (:mod:`nablab.cli.options`), plus ``--plot``
and ``--animate`` when the job draws. Running it: the options become the request; the request
runs in a bounded worker, which also presents the result (its document, or its JSON with
``--json``: presenting a large result is bounded too) and, when figures are asked for,
returns the whole result; each figure is drawn from that same result, never computed again.
"""

from __future__ import annotations

import argparse
import os
from typing import Any

from nablab.cli import figures, render
from nablab.cli.context import Context
from nablab.cli.options import add_request_options, request_of
from nablab.cli.progress import ProgressBar
from nablab.i18n import translate
from nablab.jobs import request_type
from nablab.jobs import run as run_job
from nablab.jobs.encoding import MAX_OUTPUT, json_text


def register(sub: Any, parents: list[argparse.ArgumentParser], lang: str,
             command: str) -> argparse.ArgumentParser:
    """The command's parser: the request's options, then ``--plot``/``--animate``."""
    request = request_type(command)
    parser: argparse.ArgumentParser = sub.add_parser(
        command, parents=parents, help=translate(f"cli.{command}.help", lang),
        description=translate(f"cli.{command}.description", lang))
    add_request_options(parser, request, lang)
    if request.draws:
        figures.add_figure_options(parser, lang, animate=request.animates)
    return parser


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Make the request, run it within the budget, print the result, draw the figures."""
    request_class = request_type(args.command)
    wanted = figures.requested(args)
    request = request_of(request_class, args)
    request = request.owned_by(os.getpid())   # this process outlives a killed worker
    bar = None
    if request.progress_label is not None:
        bar = ProgressBar(ctx.stderr, translate(request.progress_label, ctx.lang))
    try:
        output, result, code = ctx.run(_run, request, bar, bool(wanted), ctx.json, ctx.lang)
    except BaseException:   # the worker killed mid-write (Ctrl+C): its partial files too
        figures.remove_partial(request.files())
        raise
    if ctx.json:
        ctx.stdout.write(output + "\n")
    else:
        render.print_document(output, ctx.stdout)
    figures.write_figures(wanted, ctx, request, result)
    return code


def _run(request: Any, bar: ProgressBar | None, drawing: bool, as_json: bool,
         lang: str) -> tuple[Any, Any, int]:
    """In the worker: the result, presented; the result itself when it is to be drawn; and
    the exit code it calls for."""
    if drawing:
        request.check_drawable()
    try:
        result = run_job(request, bar)
    finally:
        if bar is not None:
            bar.close()
    output = request.output(result, lang, as_json)
    if as_json:   # encoded here, within the budget, and only up to the output cap
        output = json_text(output, indent=2, limit=MAX_OUTPUT)
    return output, (result if drawing else None), request.exit_code(result)


__all__ = ["register", "run"]
