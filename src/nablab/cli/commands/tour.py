"""``nablab tour``: the notes' example f(x, y) = x² + y² through everything nablab can do."""

from __future__ import annotations

import argparse
from typing import Any

from nablab.cli import render
from nablab.cli.context import Context
from nablab.cli.tour.figures import DEFAULT_FOLDER, show_written, write_tour_figures
from nablab.i18n import translate


def register(sub: Any, parents: list[argparse.ArgumentParser], lang: str) -> Any:
    p = sub.add_parser("tour", parents=parents, help=translate("cli.tour.help", lang),
                       description=translate("cli.tour.help", lang))
    p.add_argument("--figures", metavar="DIR", help=translate("cli.tour.figures", lang))
    p.add_argument("--no-figures", action="store_true",
                   help=translate("cli.tour.no_figures", lang))
    return p


def run(args: argparse.Namespace, ctx: Context) -> int:
    from nablab.cli.tour import CHAPTERS

    chapters = [ctx.run(make, ctx.lang) for make in CHAPTERS]
    # Figures go to --figures DIR; by default to ./nablab-figures, except with --json (a
    # program reading JSON does not expect files to appear unless it asks for them).
    folder = None if args.no_figures else args.figures or (None if ctx.json else DEFAULT_FOLDER)
    written = write_tour_figures(chapters, folder, ctx) if folder else []
    if ctx.json:
        render.print_json({"chapters": [c.to_dict() for c in chapters],
                           "figures": [figure.to_dict() for figure in written]},
                          ctx.stdout)
        return 0
    out = render.console(ctx.stdout)
    out.print(render.heading(ctx.t("tour.intro")))
    for chapter in chapters:
        out.print()
        out.print(render.heading(chapter.title))
        for kind, line in chapter.lines:
            out.print(("    " if kind == "math" else "  ") + line)
    if folder:
        show_written(written, folder, ctx, out)
    return 0
