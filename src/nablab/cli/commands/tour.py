"""``nablab tour``: the notes' example f(x, y) = x² + y² through everything nablab can do."""

from __future__ import annotations

import argparse
from typing import Any

from nablab.cli import render
from nablab.cli.app import Context
from nablab.i18n import translate


def register(sub: Any, parents: list[argparse.ArgumentParser], lang: str) -> Any:
    return sub.add_parser("tour", parents=parents, help=translate("cli.tour.help", lang),
                          description=translate("cli.tour.help", lang))


def run(args: argparse.Namespace, ctx: Context) -> int:
    from nablab.cli.tour import CHAPTERS

    chapters = [ctx.run(make, ctx.lang) for make in CHAPTERS]
    if ctx.json:
        render.print_json({"chapters": [c.to_dict() for c in chapters]}, ctx.stdout)
        return 0
    out = render.console(ctx.stdout)
    out.print(render.heading(ctx.t("tour.intro")))
    for chapter in chapters:
        out.print()
        out.print(render.heading(chapter.title))
        for kind, line in chapter.lines:
            out.print(("    " if kind == "math" else "  ") + line)
    return 0
