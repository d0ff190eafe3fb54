"""The ``tangent`` job: the tangent line and its secants, or the tangent plane."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from nablab.calculus.tangent import TangentLine, TangentPlane, tangent_line, tangent_plane
from nablab.errors import UsageError
from nablab.jobs import convert
from nablab.jobs.convert import PointLike
from nablab.jobs.request import FunctionRequest, Progress, option
from nablab.parse import parse_point

if TYPE_CHECKING:
    from nablab.plot.picture import Picture


@dataclass(frozen=True)
class TangentRequest(FunctionRequest):
    """``nablab tangent``: the tangent line and its secants, or the tangent plane."""

    command = "tangent"
    animates = True

    at: PointLike = option(None, "--at", help="cli.tangent.at", metavar="X0", kind="numbers",
                           required=True)
    direction: str | list[float] | None = option(None, "--direction",
                                                 help="cli.tangent.direction", metavar="U",
                                                 kind="numbers")

    def run(self, progress: Progress | None = None) -> TangentLine | TangentPlane:
        expression = convert.drawable(self.function(), self.at)   # 5 at 1,2: z = 5
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


__all__ = ["TangentRequest"]
