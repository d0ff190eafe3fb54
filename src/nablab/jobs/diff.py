"""The ``diff`` job: partial derivatives, ∇f and the Hessian, optionally at a point."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from nablab.calculus.mixed import MixedPartial, mixed_partial
from nablab.calculus.report import DiffReport, differentiate
from nablab.core.expression import Expression
from nablab.errors import UnsupportedError
from nablab.jobs import convert
from nablab.jobs.convert import PointLike
from nablab.jobs.request import FUNCTIONS, VARIABLES, Progress, Request, formula, option
from nablab.parse import canonical_name

if TYPE_CHECKING:
    from nablab.plot.picture import Picture


@dataclass(frozen=True)
class DiffRequest(Request):
    """``nablab diff``: partial derivatives, ∇f and the Hessian, optionally at a point."""

    command = "diff"
    symbolic = True

    expression: str = formula()
    wrt: str | None = option(None, "--wrt", help="cli.diff.wrt", metavar="VAR")
    at: PointLike | None = option(None, "--at", help="cli.diff.at", metavar="POINT",
                                  kind="numbers")
    variables: str | None = option(None, "--vars", **VARIABLES)
    functions: str | None = option(None, "--functions", **FUNCTIONS)
    mixed: str | None = option(None, "--mixed", help="cli.diff.mixed", metavar="VARS")

    def run(self, progress: Progress | None = None) -> DiffReport | MixedPartial:
        expression = convert.function(self.expression, self.variables, self.functions,
                                      command=self.command, symbolic=True)
        if self.mixed:
            return self._mixed(expression)
        wrt = None
        if self.wrt:
            wrt = [expression.symbol(canonical_name(w, self.wrt)).name
                   for w in self.wrt.split(",") if w.strip()]
        point = None if self.at is None else convert.point(expression, self.at, parameters=True)
        return differentiate(expression, wrt, point)

    def _mixed(self, expression: Expression) -> MixedPartial:
        """``--mixed x,y,z``: f_xyz, its other orders and Clairaut, optionally at the point."""
        text = self.mixed or ""
        order = [expression.symbol(canonical_name(w, text)).name
                 for w in text.split(",") if w.strip()]
        point = None if self.at is None else convert.point(expression, self.at)
        return mixed_partial(expression, order, point)

    def to_json(self, result: DiffReport | MixedPartial, lang: str) -> dict[str, Any]:
        return result.to_dict()

    def check_drawable(self) -> None:
        """One or two variables (and no vector function) to draw."""
        from nablab.plot.function import check_dimensions

        if self.mixed:
            raise UnsupportedError("mixed_plot")
        expression = convert.function(self.expression, self.variables, self.functions)
        expression.require_concrete("diff --plot")
        check_dimensions(self._drawn(expression))

    def picture(self, result: DiffReport | MixedPartial) -> Picture:
        """Slices (or the tangent) at the point, else the function."""
        return derivative_figure(result, self.at)

    def _drawn(self, expression: Expression) -> Expression:
        return drawn(expression, self.at)


def drawn(expression: Expression, at: PointLike | None) -> Expression:
    """What ``--plot`` draws: the function (the operand of a typed d/dx (…)); a constant
    over x, or over the point's variables."""
    return convert.drawable(replace(expression, asked=None), at)


def derivative_figure(result: DiffReport | MixedPartial, at: PointLike | None) -> Picture:
    """What ``diff --plot`` draws of ``result`` (the point ``at`` as typed names a constant's
    variables): slices (or the tangent) at the point, else the function."""
    from nablab.plot.function import derivative_picture

    if isinstance(result, MixedPartial):
        raise UnsupportedError("mixed_plot")
    f = drawn(result.expression, at)
    point = None if result.at is None else [result.at.point[n] for n in f.variable_names]
    return derivative_picture(f, None, point)


__all__ = ["DiffRequest", "derivative_figure", "drawn"]
