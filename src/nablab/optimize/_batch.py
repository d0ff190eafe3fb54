"""Many descents at once: the runs still going, as the columns of one array.

θ is a single leaf of shape ``(n, runs)`` — row i is coordinate i of every run — and the
optimizer's building blocks, written element by element, work on it unchanged (a learning
rate per run broadcasts along the rows). Each step evaluates the compiled gradient once on all
runs. A run that converges or diverges is removed at that step, its final point, step count
and status written out, so finished runs cost nothing and the others are never masked. The
rules are those of one descent (:mod:`nablab.optimize._loop`), step for step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from nablab.optimize._loop import BOUND, CONVERGED, DIVERGED, MAX_STEPS
from nablab.optimize.transform import GradientTransformation


@dataclass(frozen=True)
class BatchOutcome:
    """Per run: the final point ``(runs, n)``, the updates taken, the status code."""

    final: np.ndarray
    nit: np.ndarray
    status: np.ndarray


def _squares(columns: np.ndarray) -> np.ndarray:
    """|v|² of every column."""
    return np.einsum("ij,ij->j", columns, columns)


def _columns(partials: list[Any], shape: tuple[int, ...]) -> np.ndarray:
    """The partials as one float array ``(n, runs)``; constant partials broadcast."""
    try:
        out = np.array(partials, dtype=float)
    except ValueError:  # ragged: some partial is a constant number
        out = np.array([np.broadcast_to(p, shape[1:]) for p in partials], dtype=float)
    return out if out.shape == shape else np.broadcast_to(out.reshape(-1, 1), shape)


def _take(tree: Any, keep: np.ndarray, size: int) -> Any:
    """``tree`` with every array whose last axis has ``size`` entries cut to ``keep``."""
    if isinstance(tree, np.ndarray) and tree.shape[-1:] == (size,):
        return tree[..., keep]
    if isinstance(tree, tuple):
        parts = [_take(t, keep, size) for t in tree]
        return type(tree)(*parts) if hasattr(tree, "_fields") else tuple(parts)
    return tree


class _Runs:
    """The record of every run: final point, steps and status (``max_steps`` until told)."""

    def __init__(self, starts: np.ndarray, steps: int) -> None:
        self.index = np.arange(len(starts))
        self.final = starts.copy()
        self.nit = np.full(len(starts), steps)
        self.status = np.full(len(starts), MAX_STEPS, dtype=np.int8)

    def stop(self, rows: np.ndarray, point: np.ndarray, nit: int, code: int) -> None:
        runs = self.index[rows]
        self.final[runs] = point[:, rows].T
        self.nit[runs] = nit
        self.status[runs] = code


def _verdict(grad: np.ndarray, norm2: np.ndarray, size2: np.ndarray,
             tol: float) -> tuple[np.ndarray, np.ndarray]:
    """(going, finite) per run, as one descent decides them.

    Squared norms overflow for |∇f| > 1e154 while ∇f is still finite: those few columns
    are measured again with hypot, as the single-run loop does.
    """
    norm2 = norm2.copy()
    huge = (norm2 == np.inf) & np.isfinite(grad).all(axis=0)
    if huge.any():
        exact = np.hypot.reduce(grad[:, huge], axis=0)
        norm2[huge] = np.where(exact < np.inf, tol * tol + 1.0, np.inf)
    finite = (norm2 < np.inf) & (size2 <= BOUND * BOUND)
    return finite & (norm2 >= tol * tol), finite


def run_batch(gradient: Callable[..., Any], make: Callable[[np.ndarray], GradientTransformation],
              rates: np.ndarray, starts: np.ndarray, steps: int, tol: float,
              callback: Callable[[int], None] | None = None) -> BatchOutcome:
    """Descend from every row of ``starts``, run i with learning rate ``rates[i]``.

    Args:
        gradient: ∇f on arrays, one per variable: a list of ``n`` partials, each an array
            over the runs or a constant.
        make: the optimizer for an array of learning rates (one per run).
        rates: η per run, shape ``(runs,)``.
        starts: θ₀ per run, shape ``(runs, n)``.
        steps: the most updates per run.
        tol: converged when |∇f| < tol.
        callback: called with the number of steps done after each step.
    """
    runs = _Runs(starts, steps)
    theta = np.array(starts.T)
    prev, opt = theta, make(rates)
    state = opt.init((theta,))
    tol2, safe = tol * tol, BOUND / np.sqrt(len(theta))
    with np.errstate(all="ignore"):
        for k in range(steps + 1):
            grad = _columns(gradient(*theta), theta.shape)
            norm2 = _squares(grad)
            inside = theta.max() <= safe and theta.min() >= -safe
            if k == steps or not (inside and norm2.min() >= tol2 and norm2.max() < np.inf):
                going, finite = _verdict(grad, norm2, _squares(theta), tol)
                runs.stop(np.flatnonzero(finite & ~going), theta, k, CONVERGED)
                runs.stop(np.flatnonzero(~finite), prev, max(k - 1, 0), DIVERGED)
                if k == steps:
                    runs.stop(np.flatnonzero(going), theta, k, MAX_STEPS)
                    break
                keep = np.flatnonzero(going)
                if keep.size == 0:
                    break
                if keep.size < going.size:
                    size = going.size
                    theta, grad, state, rates, runs.index = (
                        _take(x, keep, size) for x in (theta, grad, state, rates, runs.index))
                    opt = make(rates)
            prev = theta
            if opt.linear is not None:
                theta = theta + opt.linear * grad
            else:
                (update,), state = opt.update((grad,), state, (theta,))
                theta = theta + update
            if callback is not None:
                callback(k + 1)
    return BatchOutcome(runs.final, runs.nit, runs.status)


__all__ = ["BatchOutcome", "run_batch"]
