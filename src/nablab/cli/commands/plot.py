"""``nablab plot EXPR --out FILE``: the notes' figures for any function of one or two variables."""

from __future__ import annotations

import argparse
from typing import Any

from nablab.cli import render
from nablab.cli.app import Context
from nablab.cli.figures import parse_window, report
from nablab.core.expression import Expression
from nablab.i18n import translate
from nablab.parse import parse, parse_point
from nablab.plot.function import KINDS
from nablab.plot.picture import file_format


def register(sub: Any, parents: list[argparse.ArgumentParser], lang: str) -> Any:
    p = sub.add_parser("plot", parents=parents, help=translate("cli.plot.help", lang),
                       description=translate("cli.plot.description", lang))
    p.add_argument("expr", metavar="EXPR", help=translate("cli.arg.expr", lang))
    p.add_argument("--kind", choices=tuple(KINDS), metavar="KIND",
                   help=translate("cli.plot.kind", lang, kinds=", ".join(KINDS)))
    p.add_argument("--range", metavar="RANGE", dest="window",
                   help=translate("cli.plot.range", lang))
    p.add_argument("--at", metavar="POINT", help=translate("cli.plot.at", lang))
    p.add_argument("--out", metavar="FILE", required=True, help=translate("cli.plot.out", lang))
    p.add_argument("--vars", metavar="VARS", help=translate("cli.arg.vars", lang))
    return p


def _job(expression: Expression, kind: str | None, window_text: str | None,
         point: dict[str, Any] | None, out: str, lang: str) -> dict[str, Any]:
    from nablab.plot.function import function_picture
    from nablab.plot.output import write_picture

    window = parse_window(window_text) if window_text else None
    at = [float(v) for v in point.values()] if point is not None else None
    picture = function_picture(expression, kind, window, at)
    info = write_picture(picture, out, lang)
    return {**info, "kind": kind or ("curve" if len(expression.variables) == 1
                                     else "surface+contour")}


def run(args: argparse.Namespace, ctx: Context) -> int:
    file_format(args.out)
    expression = parse(args.expr, variables=args.vars)
    point = None
    if args.at is not None:
        point = parse_point(args.at, expression.variable_names)
    info = ctx.run(_job, expression, args.kind, args.window, point, args.out, ctx.lang)
    if ctx.json:
        render.print_json(info, ctx.stdout)
    else:
        report(info, ctx, stream=ctx.stdout)
    return 0
