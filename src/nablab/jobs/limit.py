"""The ``limit`` job: the derivative from the limit definition, line by line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from nablab.calculus.limit import LimitDerivation, derivative_by_limit
from nablab.calculus.limit2d import limit_2d
from nablab.calculus.limit2d_result import Limit2D
from nablab.jobs import convert
from nablab.jobs.convert import PointLike
from nablab.jobs.request import FunctionRequest, Progress, option

if TYPE_CHECKING:
    from nablab.plot.picture import Picture


@dataclass(frozen=True)
class LimitRequest(FunctionRequest):
    """``nablab limit``: the derivative from the limit definition, and quotients at a point.

    A function of two variables with a full point and no ``--wrt`` asks for the limit
    lim_((x, y)→(a, b)) f instead: along paths, and by the squeeze in polar form.
    """

    command = "limit"
    animates = True

    wrt: str | None = option(None, "--wrt", help="cli.opt.wrt", metavar="VAR")
    at: PointLike | None = option(None, "--at", help="cli.limit.at", metavar="X0",
                                  kind="numbers")

    def run(self, progress: Progress | None = None) -> LimitDerivation | Limit2D:
        expression = self.function()
        if self.wrt is None and self.at is not None and len(expression.variables) == 2:
            return limit_2d(expression, convert.point(expression, self.at))
        var = convert.variable(expression, self.wrt)
        point = None if self.at is None else \
            convert.point(expression, self.at, parameters=True, fallback=("x",))
        return derivative_by_limit(expression, var, point)

    def picture(self, result: LimitDerivation | Limit2D) -> Picture:
        """Secants turning into the tangent (on the slice) and the quotients' errors; in two
        variables, the paths in the plane and f along each."""
        if isinstance(result, Limit2D):
            from nablab.plot.limit2d import limit2d_picture

            return limit2d_picture(result)
        from nablab.plot.calculus import limit_picture

        return limit_picture(result)


__all__ = ["LimitRequest"]
