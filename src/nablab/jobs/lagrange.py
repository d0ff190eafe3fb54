"""The ``lagrange`` job: extremes under equality and inequality constraints, completely."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from nablab.constrained import LagrangeResult, lagrange
from nablab.jobs import convert
from nablab.jobs.budget import exact_budget
from nablab.jobs.request import GIVEN, VARIABLES, Progress, Request, formula, option

if TYPE_CHECKING:
    from nablab.plot.picture import Picture


@dataclass(frozen=True)
class LagrangeRequest(Request):
    """``nablab lagrange``: the Lagrange (KKT) system, every candidate, the extremes, λ."""

    command = "lagrange"

    expression: str = formula()
    constraints: str | Sequence[str] = option(
        (), "--constraint", "-c", help="cli.lagrange.constraint", metavar="CONSTRAINT",
        kind="texts", required=True, name="constraint")
    variables: str | None = option(None, "--vars", **VARIABLES)
    given: str | None = option(None, "--given", **GIVEN)
    bounds: str | None = option(None, "--bounds", help="cli.lagrange.bounds", metavar="BOX")
    check: bool = option(True, "--no-check", help="cli.lagrange.no_check", kind="flag",
                         name="no_check", negate=True)

    def run(self, progress: Progress | None = None) -> LagrangeResult:
        constraints = [self.constraints] if isinstance(self.constraints, str) \
            else list(self.constraints)
        return lagrange(self.expression, constraints, variables=convert.names(self.variables),
                        bounds=self.bounds, exact_timeout=exact_budget(), check=self.check,
                        given=convert.text_of(self.given) if self.given is not None else None)

    def picture(self, result: LagrangeResult) -> Picture:
        """Level curves, the constraint, ∇f ∥ ∇g at the optimum, and the hike."""
        from nablab.plot.lagrange import lagrange_picture

        return lagrange_picture(result)


__all__ = ["LagrangeRequest"]
