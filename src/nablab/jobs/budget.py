"""How much of a job's budget an exact sub-step may take: the rest is left for its fallback."""

from __future__ import annotations

from nablab.budget import remaining
from nablab.solve.system import EXACT_TIMEOUT


def exact_budget() -> float:
    """Seconds an exact solve may take: half of what the job has left, at most the default.

    Outside any budget (a library call) it is the default; the exact solve is bounded by its
    own budget either way, and a timeout falls back to the numeric method, which says so.
    """
    left = remaining()
    return EXACT_TIMEOUT if left is None else min(EXACT_TIMEOUT, left / 2)


__all__ = ["exact_budget"]
