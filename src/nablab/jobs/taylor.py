"""The ``taylor`` job: the Taylor polynomial of f at a point, term by term, with its error."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from nablab.calculus.taylor import MAX_ORDER, TaylorPolynomial, taylor
from nablab.errors import UnsupportedError
from nablab.jobs import convert
from nablab.jobs.convert import PointLike
from nablab.jobs.request import FunctionRequest, Progress, option

if TYPE_CHECKING:
    from nablab.plot.picture import Picture


@dataclass(frozen=True)
class TaylorRequest(FunctionRequest):
    """``nablab taylor``: T_n of f at a, its terms named, and |f − T_n| nearby."""

    command = "taylor"

    at: PointLike = option(None, "--at", help="cli.taylor.at", metavar="POINT", kind="numbers",
                           required=True)
    order: int = option(2, "--order", help="cli.taylor.order", metavar="N", kind="integer",
                        help_params={"maximum": MAX_ORDER})

    def run(self, progress: Progress | None = None) -> TaylorPolynomial:
        expression = self.function()
        if not expression.variables:
            raise UnsupportedError("taylor_no_variables")
        point = convert.point(expression, self.at)
        return taylor(expression, point, int(self.order))

    def to_json(self, result: TaylorPolynomial, lang: str) -> dict[str, Any]:
        return result.to_dict()

    def check_drawable(self) -> None:
        """One or two variables to draw."""
        from nablab.plot.function import check_dimensions

        check_dimensions(self.function())

    def picture(self, result: TaylorPolynomial) -> Picture:
        """f with T₁, T₂, …, T_n (curves), or f's contours with T_n's over them."""
        from nablab.plot.taylor import taylor_picture

        return taylor_picture(result)


__all__ = ["TaylorRequest"]
