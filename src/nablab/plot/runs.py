"""Descent trajectories as plain arrays, from descent results.

Figures depend only on these fields — a name, the path θ₀ … θ_k, the values f(θ_k), the
status — so one drawing serves a :class:`~nablab.optimize.DescentResult`, a
:class:`~nablab.optimize.race.RaceResult` and a list of descents alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from nablab.core.expression import Expression
from nablab.optimize.race import RaceResult
from nablab.optimize.result import DescentResult
from nablab.plot.labels import number


@dataclass(frozen=True)
class Run:
    """One trajectory: ``path`` is ``(k + 1, n)``, ``values`` is ``(k + 1,)``."""

    name: str
    path: np.ndarray
    values: np.ndarray
    status: str
    lr: float | None = None

    @property
    def label(self) -> str:
        """``adam (η = 0.1)``, or the name alone."""
        if self.lr is None:
            return self.name
        return f"{self.name} (η = {number(self.lr)})"


#: What descent pictures draw: one descent, a race, a list of descents, or runs.
Descents = DescentResult | RaceResult | Run | Sequence[DescentResult | Run]


def as_run(item: DescentResult | Run) -> Run:
    """A :class:`Run` from a DescentResult."""
    if isinstance(item, Run):
        return item
    path = np.asarray(item.path, dtype=float)
    return Run(item.optimizer, path.reshape(len(path), -1),
               np.asarray(item.values, dtype=float).reshape(-1), item.status,
               None if item.lr is None else float(item.lr))


def as_runs(data: Descents) -> list[Run]:
    """Every trajectory in a descent, a race or a list of descents."""
    if isinstance(data, RaceResult):
        return [as_run(r) for r in data.results]
    if isinstance(data, (DescentResult, Run)):
        return [as_run(data)]
    return [as_run(r) for r in data]


def function_of(data: Descents) -> Expression:
    """The function the descents ran on."""
    first = data if isinstance(data, (DescentResult, RaceResult, Run)) else data[0]
    expression = getattr(first, "expression", None)
    if expression is None:
        raise ValueError("the descent does not carry its function")
    return expression


def thin_path(run: Run, frames: int) -> np.ndarray:
    """At most ``frames`` step indices 0 … k, evenly spread, always with the first and last."""
    count = len(run.path)
    if count <= frames:
        return np.arange(count)
    return np.unique(np.linspace(0, count - 1, frames).round().astype(int))


__all__ = ["Descents", "Run", "as_run", "as_runs", "function_of", "thin_path"]
