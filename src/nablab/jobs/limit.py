"""The ``limit`` job: the derivative from the limit definition, line by line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from nablab.calculus.limit import LimitDerivation, derivative_by_limit
from nablab.jobs import convert
from nablab.jobs.convert import PointLike
from nablab.jobs.request import FunctionRequest, Progress, option

if TYPE_CHECKING:
    from nablab.plot.picture import Picture


@dataclass(frozen=True)
class LimitRequest(FunctionRequest):
    """``nablab limit``: the derivative from the limit definition, and quotients at a point."""

    command = "limit"
    animates = True

    wrt: str | None = option(None, "--wrt", help="cli.opt.wrt", metavar="VAR")
    at: PointLike | None = option(None, "--at", help="cli.limit.at", metavar="X0",
                                  kind="numbers")

    def run(self, progress: Progress | None = None) -> LimitDerivation:
        expression = self.function()
        var = convert.variable(expression, self.wrt)
        point = None if self.at is None else \
            convert.point(expression, self.at, parameters=True, fallback=("x",))
        return derivative_by_limit(expression, var, point)

    def picture(self, result: LimitDerivation) -> Picture:
        """Secants turning into the tangent (on the slice) and the quotients' errors."""
        from nablab.plot.calculus import limit_picture

        return limit_picture(result)


__all__ = ["LimitRequest"]
