"""The ``plot`` job: the notes' figures for any function of one or two variables, to a file."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from nablab.i18n import resolve_language
from nablab.jobs import convert
from nablab.jobs.convert import PointLike
from nablab.jobs.request import FUNCTIONS, VARIABLES, Progress, Request, formula, option
from nablab.parse import parse_window
from nablab.plot.function import KINDS
from nablab.plot.picture import WrittenFigure, file_format


@dataclass(frozen=True)
class PlotRequest(Request):
    """``nablab plot``: a figure of the function, written to ``out``."""

    command = "plot"
    draws = False

    expression: str = formula()
    kind: str | None = option(None, "--kind", help="cli.plot.kind", metavar="KIND",
                              kind="choice", choices=tuple(KINDS),
                              help_params={"kinds": ", ".join(KINDS)})
    window: str | None = option(None, "--range", help="cli.plot.range", metavar="RANGE")
    at: PointLike | None = option(None, "--at", help="cli.plot.at", metavar="POINT",
                                  kind="numbers")
    out: str = option(None, "--out", help="cli.plot.out", metavar="FILE", required=True)
    variables: str | None = option(None, "--vars", **VARIABLES)
    functions: str | None = option(None, "--functions", **FUNCTIONS)
    #: The language of the figure's words (the file is this job's product).
    lang: str | None = None
    #: The process its temporary file is named after (the command line's, which removes it
    #: if the drawing worker is killed); default: the drawing process.
    owner: int | None = None

    def files(self) -> list[str]:
        return [self.out]

    def owned_by(self, pid: int) -> PlotRequest:
        return dataclasses.replace(self, owner=pid)

    def __post_init__(self) -> None:
        super().__post_init__()
        file_format(self.out)   # a bad file name fails before anything is computed

    def run(self, progress: Progress | None = None) -> WrittenFigure:
        from nablab.plot.function import function_picture
        from nablab.plot.output import write_picture

        expression = convert.drawable(convert.function(self.expression, self.variables,
                                                       self.functions, command=self.command),
                                      self.at)
        point = None if self.at is None else convert.point(expression, self.at)
        window = parse_window(self.window) if self.window else None
        at = None if point is None else [float(v) for v in point.values()]
        written = write_picture(function_picture(expression, self.kind, window, at), self.out,
                                resolve_language(self.lang), owner=self.owner)
        kind = self.kind or ("curve" if len(expression.variables) == 1 else "surface+contour")
        return WrittenFigure(written.file, written.format, written.bytes, kind)

    def to_json(self, result: WrittenFigure, lang: str) -> dict[str, Any]:
        return result.to_dict()


__all__ = ["PlotRequest"]
