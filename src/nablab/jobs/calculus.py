"""The derivative jobs: ``diff``, ``limit``, ``steps``, ``tangent``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from nablab.calculus.limit import LimitDerivation, derivative_by_limit
from nablab.calculus.report import DiffReport, differentiate
from nablab.calculus.steps import Derivation, derivative_steps, explain
from nablab.calculus.tangent import TangentLine, TangentPlane, tangent_line, tangent_plane
from nablab.errors import UsageError
from nablab.jobs import convert
from nablab.jobs.convert import PointLike
from nablab.jobs.request import Progress, Request, formula, option
from nablab.parse import canonical_name, parse_point

if TYPE_CHECKING:
    from nablab.plot.picture import Picture

#: ``--vars``: declares the variables (other names become constants).
VARIABLES = {"help": "cli.arg.vars", "metavar": "VARS", "name": "vars"}


@dataclass(frozen=True)
class DiffRequest(Request):
    """``nablab diff``: partial derivatives, ∇f and the Hessian, optionally at a point."""

    command = "diff"

    expression: str = formula()
    wrt: str | None = option(None, "--wrt", help="cli.diff.wrt", metavar="VAR")
    at: PointLike | None = option(None, "--at", help="cli.diff.at", metavar="POINT",
                                  kind="numbers")
    variables: str | None = option(None, "--vars", **VARIABLES)

    def run(self, progress: Progress | None = None) -> DiffReport:
        expression = convert.function(self.expression, self.variables)
        wrt = None
        if self.wrt:
            wrt = [expression.symbol(canonical_name(w, self.wrt)).name
                   for w in self.wrt.split(",") if w.strip()]
        point = None if self.at is None else convert.point(expression, self.at, parameters=True)
        return differentiate(expression, wrt, point)

    def to_json(self, result: DiffReport, lang: str) -> dict[str, Any]:
        return result.to_dict()

    def check_drawable(self) -> None:
        """One or two variables (and no vector function) to draw."""
        from nablab.plot.function import check_dimensions

        check_dimensions(convert.function(self.expression, self.variables))

    def picture(self, result: DiffReport) -> Picture:
        """Slices (or the tangent) at the point, else the function."""
        from nablab.plot.function import derivative_picture

        f = result.expression
        at = None if result.at is None else [result.at.point[n] for n in f.variable_names]
        return derivative_picture(f, None, at)


@dataclass(frozen=True)
class LimitRequest(Request):
    """``nablab limit``: the derivative from the limit definition, and quotients at a point."""

    command = "limit"
    animates = True

    expression: str = formula()
    variables: str | None = option(None, "--vars", **VARIABLES)
    wrt: str | None = option(None, "--wrt", help="cli.opt.wrt", metavar="VAR")
    at: PointLike | None = option(None, "--at", help="cli.limit.at", metavar="X0",
                                  kind="numbers")

    def run(self, progress: Progress | None = None) -> LimitDerivation:
        expression = convert.function(self.expression, self.variables)
        var = convert.variable(expression, self.wrt)
        point = None if self.at is None else \
            convert.point(expression, self.at, parameters=True, fallback=("x",))
        return derivative_by_limit(expression, var, point)

    def picture(self, result: LimitDerivation) -> Picture:
        """Secants turning into the tangent (on the slice) and the quotients' errors."""
        from nablab.plot.calculus import limit_picture

        return limit_picture(result)


@dataclass(frozen=True)
class StepsRequest(Request):
    """``nablab steps``: the derivative rule by rule."""

    command = "steps"
    draws = False

    expression: str = formula()
    variables: str | None = option(None, "--vars", **VARIABLES)
    wrt: str | None = option(None, "--wrt", help="cli.opt.wrt", metavar="VAR")

    def run(self, progress: Progress | None = None) -> Derivation:
        expression = convert.function(self.expression, self.variables)
        return derivative_steps(expression, convert.variable(expression, self.wrt))

    def to_json(self, result: Derivation, lang: str) -> dict[str, Any]:
        return result.to_dict(lang, explain(result, lang))


@dataclass(frozen=True)
class TangentRequest(Request):
    """``nablab tangent``: the tangent line and its secants, or the tangent plane."""

    command = "tangent"
    animates = True

    expression: str = formula()
    variables: str | None = option(None, "--vars", **VARIABLES)
    at: PointLike = option(None, "--at", help="cli.tangent.at", metavar="X0", kind="numbers",
                           required=True)
    direction: str | list[float] | None = option(None, "--direction",
                                                 help="cli.tangent.direction", metavar="U",
                                                 kind="numbers")

    def run(self, progress: Progress | None = None) -> TangentLine | TangentPlane:
        expression = convert.function(self.expression, self.variables)
        point = convert.point(expression, self.at, parameters=True, fallback=("x",))
        direction = None
        if self.direction is not None:
            if len(expression.variables) < 2:
                raise UsageError("direction_needs_plane")
            text = convert.text_of(self.direction)
            pieces = [p for p in text.split(",") if p.strip()]
            if len(pieces) != len(expression.variables):
                raise UsageError("bad_direction", count=len(expression.variables))
            names = tuple(f"u{i}" for i in range(len(pieces)))
            direction = list(parse_point(text, names).values())
        if len(expression.variables) <= 1:
            return tangent_line(expression, next(iter(point.values())))
        return tangent_plane(expression, point, direction)

    def to_json(self, result: TangentLine | TangentPlane, lang: str) -> dict[str, Any]:
        return result.to_dict()

    def picture(self, result: TangentLine | TangentPlane) -> Picture:
        """The tangent line with the secants shown, or the tangent plane."""
        from nablab.plot.calculus import tangent_picture

        return tangent_picture(result)


__all__ = ["DiffRequest", "LimitRequest", "StepsRequest", "TangentRequest"]
