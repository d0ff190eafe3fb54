"""The ``chain`` job: the chain rule through intermediate variables, path by path."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from nablab.calculus.chain import chain_rule, outer_variables, substitutions
from nablab.calculus.chain_result import ChainRule
from nablab.core.expression import Expression
from nablab.jobs import convert
from nablab.jobs.convert import PointLike
from nablab.jobs.request import FunctionRequest, Progress, option

if TYPE_CHECKING:
    from nablab.plot.picture import Picture


@dataclass(frozen=True)
class ChainRequest(FunctionRequest):
    """``nablab chain``: z = f(x, y) with x = x(s, t), y = y(s, t); ∂z/∂t path by path."""

    command = "chain"

    sub: str | None = option(None, "--sub", help="cli.chain.sub", metavar="SUBS",
                             required=True)
    wrt: str | None = option(None, "--wrt", help="cli.chain.wrt", metavar="VAR")
    at: PointLike | None = option(None, "--at", help="cli.chain.at", metavar="POINT",
                                  kind="numbers")

    def run(self, progress: Progress | None = None) -> ChainRule:
        named = None if self.variables or not self.sub else \
            outer_variables(self.expression, substitutions(self.sub))
        expression = (replace(self, variables=",".join(named)) if named else self).function()
        first = chain_rule(expression, self.sub or "", self.wrt)
        if self.at is None:
            return first
        independent = Expression.from_sympy(first.composite, first.independent)
        point = convert.point(independent, self.at)
        return chain_rule(expression, self.sub or "", self.wrt, point)

    def to_json(self, result: ChainRule, lang: str) -> dict[str, Any]:
        return result.to_dict(lang)

    def picture(self, result: ChainRule) -> Picture:
        """The tree diagram, each edge labelled with its partial, the paths highlighted."""
        from nablab.plot.chain import chain_picture

        return chain_picture(result)


__all__ = ["ChainRequest"]
