"""``race``: several optimizers from the same start, side by side.

>>> import nablab
>>> result = nablab.race("x^2 + y^2", (3, 4), ["gd", "momentum"], lr=0.1)
>>> [r.status for r in result.results]
['converged', 'converged']
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from nablab.core.expression import Expression
from nablab.errors import HyperparameterError
from nablab.i18n import translate
from nablab.optimize.descent import Start, descend, start_point, with_start_variables
from nablab.optimize.optimizers import accepts
from nablab.optimize.present import fmt, function_line, vec
from nablab.optimize.result import DescentResult
from nablab.parse import parse
from nablab.present import Document, Presentable, Writer


@dataclass(frozen=True, repr=False)
class RaceResult(Presentable):
    """One :class:`DescentResult` per optimizer, in the order they were asked for."""

    start: tuple[float, ...]
    variables: tuple[str, ...]
    results: tuple[DescentResult, ...]
    expression: Expression | None = field(default=None, repr=False, compare=False)

    def ranking(self) -> list[int]:
        """Indices of the results: converged first (fewest steps), then by final value."""
        def key(i: int) -> tuple[int, float, float]:
            r = self.results[i]
            return (0 if r.success else 1, r.nit if r.success else 0, r.fun)
        return sorted(range(len(self.results)), key=key)

    def to_dict(self, every: int = 1, lang: str | None = None) -> dict[str, Any]:
        return {"start": dict(zip(self.variables, self.start, strict=True)),
                "results": [r.to_dict(every, lang) for r in self.results],
                "ranking": [self.results[i].optimizer for i in self.ranking()]}

    def document(self, lang: str | None = None) -> Document:
        """Each optimizer's outcome in one table, then the ranking."""
        out = Writer()
        if self.expression is not None:
            out.text(function_line(self.expression))
        out.text(f"{translate('optimize.label.start', lang)} θ₀ = {vec(self.start)}")
        out.blank()
        header = [translate("optimize.label.optimizer", lang), "η",
                  translate("optimize.label.status", lang),
                  translate("optimize.label.steps", lang), "f(θ)", "|∇f|", "θ"]
        out.table(header, [[r.optimizer, "None" if r.lr is None
                            else fmt(r.lr),
                            translate(f"optimize.status_word.{r.status}", lang), str(r.nit),
                            fmt(r.fun), fmt(r.grad_norm, 3), vec(r.x)] for r in self.results],
                  right=(1, 3, 4, 5))
        out.blank()
        if self.results and all(r.status == "constant" for r in self.results):
            out.heading(self.results[0].message_in(lang))   # nothing to rank
            return out.document()
        ranking = " > ".join(self.results[i].optimizer for i in self.ranking())
        out.heading(translate("cli.race.ranking", lang, ranking=ranking))
        return out.document()


def race(f: Expression | str, start: Start, optimizers: Sequence[str] = ("gd", "momentum", "adam"),
         *, lr: float | Sequence[float] | Mapping[str, float] | None = None, steps: int = 1000,
         tol: float = 1e-8, callback: Callable[[int], None] | None = None,
         **hyper: Any) -> RaceResult:
    """Run each optimizer in ``optimizers`` from ``start`` on f.

    Args:
        f, start, steps, tol: as for :func:`~nablab.optimize.descent.descend`.
        optimizers: the optimizers' names.
        lr: one learning rate for all, one per optimizer (a sequence or ``{name: η}``), or
            ``None`` for each optimizer's default.
        callback: called with the total number of steps done so far.
        **hyper: hyper-parameters, each given to the optimizers that take it.
    """
    if not optimizers:
        raise HyperparameterError("no_optimizers")
    expression = parse(f)
    expression.require_numeric("race")
    if expression.is_constant:
        expression = with_start_variables(expression, start)
    point = start_point(expression, start)
    rates = _rates(optimizers, lr)
    results, done = [], 0
    for name, rate in zip(optimizers, rates, strict=True):
        offset = done
        progress = None if callback is None else (lambda k, o=offset: callback(o + k))
        results.append(descend(expression, point, optimizer=name, lr=rate, steps=steps, tol=tol,
                               callback=progress, **accepts(name, hyper)))
        done += steps
    return RaceResult(point, expression.variable_names, tuple(results), expression)


def _rates(optimizers: Sequence[str],
           lr: float | Sequence[float] | Mapping[str, float] | None) -> list[float | None]:
    if lr is None or isinstance(lr, (int, float)):
        return [None if lr is None else float(lr)] * len(optimizers)
    if isinstance(lr, Mapping):
        return [lr.get(name) for name in optimizers]
    rates: list[float | None] = list(lr)
    if len(rates) == 1:
        return rates * len(optimizers)
    if len(rates) != len(optimizers):
        raise HyperparameterError("lr_count", count=len(rates), optimizers=len(optimizers))
    return rates


__all__ = ["RaceResult", "race"]
