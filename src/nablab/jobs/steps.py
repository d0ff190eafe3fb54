"""The ``steps`` job: the derivative rule by rule."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from nablab.calculus.steps import Derivation, derivative_steps, explain
from nablab.jobs import convert
from nablab.jobs.request import FunctionRequest, Progress, option

if TYPE_CHECKING:
    pass


@dataclass(frozen=True)
class StepsRequest(FunctionRequest):
    """``nablab steps``: the derivative rule by rule."""

    command = "steps"
    draws = False
    symbolic = True

    wrt: str | None = option(None, "--wrt", help="cli.opt.wrt", metavar="VAR")

    def run(self, progress: Progress | None = None) -> Derivation:
        expression = self.function()
        if expression.asked is not None:   # the typed d/dx (…) says by what, and how often
            return derivative_steps(expression)
        return derivative_steps(expression, convert.variable(expression, self.wrt))

    def to_json(self, result: Derivation, lang: str) -> dict[str, Any]:
        return result.to_dict(lang, explain(result, lang))


__all__ = ["StepsRequest"]
