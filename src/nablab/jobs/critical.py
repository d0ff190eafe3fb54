"""The ``critical`` job: every critical point, classified."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from nablab.critical import CriticalPointsResult, critical_points
from nablab.critical.domain import resolve_domain
from nablab.jobs import convert
from nablab.jobs.budget import exact_budget
from nablab.jobs.request import FUNCTIONS, GIVEN, VARIABLES, Progress, Request, formula, option

if TYPE_CHECKING:
    from nablab.plot.picture import Picture


@dataclass(frozen=True)
class CriticalRequest(Request):
    """``nablab critical``: every point where ∇f = 0, and why that is not enough."""

    command = "critical"

    expression: str = formula()
    domain: str | None = option(None, "--domain", help="cli.critical.domain", metavar="BOX")
    variables: str | None = option(None, "--vars", **VARIABLES)
    functions: str | None = option(None, "--functions", **FUNCTIONS)
    given: str | None = option(None, "--given", **GIVEN)

    def run(self, progress: Progress | None = None) -> CriticalPointsResult:
        expression = convert.function(self.expression, self.variables, self.functions,
                                      command=self.command)
        expression = convert.given(expression, self.given)
        domain = resolve_domain(self.domain, expression.variable_names) if self.domain else None
        return critical_points(expression, domain, exact_timeout=exact_budget())

    def picture(self, result: CriticalPointsResult) -> Picture:
        """The points by kind on the gradient field (or on the curve)."""
        return critical_figure(result)


def critical_figure(result: CriticalPointsResult) -> Picture:
    """What ``critical --plot`` draws: the points by kind on the gradient field (or on the
    curve); a constant typed alone over x."""
    from nablab.plot.critical import critical_picture

    if result.constant and result.expression is not None and not result.variables:
        drawn = convert.drawable(result.expression)   # 5 is drawn as y = 5
        result = replace(result, expression=drawn, variables=drawn.variable_names)
    return critical_picture(result)


__all__ = ["CriticalRequest", "critical_figure"]
