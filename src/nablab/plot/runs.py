"""Descent trajectories as plain arrays, from result objects or their ``to_dict()`` form.

Figures depend only on these fields — a name, the path θ₀ … θ_k, the values f(θ_k), the
status — so they draw a :class:`~nablab.optimize.DescentResult`, a race of them, or the JSON
the CLI and the web API send, alike.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np


@dataclass(frozen=True)
class Run:
    """One trajectory: ``path`` is ``(k + 1, n)``, ``values`` is ``(k + 1,)``."""

    name: str
    path: np.ndarray
    values: np.ndarray
    status: str
    learning_rate: float | None = None

    @property
    def label(self) -> str:
        """``adam (η = 0.1)``, or the name alone."""
        if self.learning_rate is None:
            return self.name
        return f"{self.name} (η = {self.learning_rate:g})"


def _get(item: Any, name: str, default: Any = None) -> Any:
    if isinstance(item, Mapping):
        return item.get(name, default)
    return getattr(item, name, default)


def as_run(item: Any) -> Run:
    """A :class:`Run` from a DescentResult or its ``to_dict()``."""
    if isinstance(item, Run):
        return item
    path = np.asarray(_get(item, "path"), dtype=float)
    path = path.reshape(len(path), -1)
    values = np.asarray(_get(item, "values"), dtype=float).reshape(-1)
    rate = _get(item, "learning_rate")
    return Run(str(_get(item, "optimizer", "")), path, values, str(_get(item, "status", "")),
               None if rate is None else float(rate))


def as_runs(data: Any) -> list[Run]:
    """Every trajectory in a descent, a race (``results``) or a list of either."""
    if isinstance(data, Run):
        return [data]
    results = _get(data, "results")
    if results is not None:
        return [as_run(r) for r in results]
    if isinstance(data, Sequence) and not isinstance(data, (str, Mapping)):
        return [as_run(r) for r in data]
    return [as_run(data)]


def thin_path(run: Run, frames: int) -> np.ndarray:
    """At most ``frames`` step indices 0 … k, evenly spread, always with the first and last."""
    count = len(run.path)
    if count <= frames:
        return np.arange(count)
    return np.unique(np.linspace(0, count - 1, frames).round().astype(int))


__all__ = ["Run", "as_run", "as_runs", "thin_path"]
