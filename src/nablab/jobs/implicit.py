"""The ``implicit`` job: dy/dx on a level curve F(x, y) = c (or ∂z/∂x, ∂z/∂y on a level
surface), and at a point the tangent, the normal and ∇F."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from nablab.calculus.implicit import implicit, level_set
from nablab.calculus.implicit_result import ImplicitResult
from nablab.jobs import convert
from nablab.jobs.convert import PointLike
from nablab.jobs.request import GIVEN, VARIABLES, Progress, Request, formula, option
from nablab.parse import Relation, parse_point, parse_relation
from nablab.parse.point import point_names

if TYPE_CHECKING:
    from nablab.plot.picture import Picture


@dataclass(frozen=True)
class ImplicitRequest(Request):
    """``nablab implicit``: implicit differentiation and the lines of a level set."""

    command = "implicit"

    expression: str = formula("cli.implicit.expr")
    variables: str | None = option(None, "--vars", **VARIABLES)
    at: PointLike | None = option(None, "--at", help="cli.implicit.at", metavar="POINT",
                                  kind="numbers")
    given: PointLike | None = option(None, "--given", **GIVEN)

    def run(self, progress: Progress | None = None) -> ImplicitResult:
        level = level_set(self._relation())
        if self.given is not None:
            level = level.given(parse_point(convert.text_of(self.given), level.constants,
                                            partial=True))
        point = None
        if self.at is not None:
            point = parse_point(convert.text_of(self.at), [v.name for v in level.variables])
        return implicit(level.relation, point)

    def _relation(self) -> Relation:
        """The equation; names given values with ``--given`` are constants, not variables."""
        relation = parse_relation(self.expression, self.variables)
        if self.given is None or self.variables is not None:
            return relation
        named = set(point_names(convert.text_of(self.given)))
        kept = [v.name for v in relation.variables if v.name not in named]
        return relation if len(kept) == len(relation.variables) else \
            parse_relation(self.expression, kept)

    def picture(self, result: ImplicitResult) -> Picture:
        """The level curve with its tangent, normal and ∇F, or the level surface."""
        from nablab.plot.implicit import implicit_picture

        return implicit_picture(result)


__all__ = ["ImplicitRequest"]
