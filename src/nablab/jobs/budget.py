"""How much of a job's budget an exact sub-step may take (the rest is left for a fallback)."""

from __future__ import annotations

from nablab.budget import DEFAULT_TIMEOUT
from nablab.solve.system import EXACT_TIMEOUT

#: The budget of the job now running (set by whoever runs it; the default otherwise).
_current = DEFAULT_TIMEOUT


def exact_budget() -> float:
    """Seconds an exact solve may take: at most half the job's budget, at most the default."""
    return min(EXACT_TIMEOUT, _current / 2)





def set_budget(seconds: float) -> None:
    """The budget of the job about to run in this process."""
    global _current
    _current = seconds
__all__ = ["exact_budget", "set_budget"]
