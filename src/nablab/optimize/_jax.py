"""The sweep on JAX: all runs as the lanes of one jitted ``lax`` loop (vectorised, as ``vmap``).

The gradient is nablab's own symbolic ∇f printed for ``jax.numpy`` (SymPy's JAX printer),
never user text. The rules are those of :func:`nablab.optimize._batch.run_batch`, step for
step: converged when |∇f| < tol, diverged when ∇f is not finite or |θ| > ``BOUND`` (the end
point is then the last finite one), ``max_steps`` after ``steps`` updates. Only optimizers
that multiply the gradient by a constant (gd, sgd) run here. Float64 throughout: importing
this module turns on JAX's ``jax_enable_x64``.

Speed. XLA on the CPU compiles each output of a loop step to its own fused kernel, and each
kernel recomputes what it needs: a step that also wrote a per-run "stopped?" flag would
evaluate ∇f twice. So the steps run in blocks of :data:`BLOCK` quick steps that write nothing
but the new θ: a run that would stop at a step (|∇f| < tol, |θ| > ``BOUND``, ∇f not a number)
gets NaN as its first coordinate instead, and NaN stays. The runs that have stopped copy a
run still going, so they stop nothing and no step needs a per-run mask. After a block, the
runs whose θ is not finite are exactly those that stopped in it: they alone are stepped again
from the block's start with the full rules, gathered :data:`FEW` at a time into short arrays.
While no run stops, a block costs about what a bare ``jit(vmap(fori_loop))`` does.

Compiled loops are kept per (∇f, steps, tol): a second sweep of the same shape skips tracing
and XLA compilation.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, reduce
from typing import Any

import jax  # noqa: E402  (the caller checks that JAX is installed)
import numpy as np

from nablab.errors import UnsupportedError
from nablab.numeric.lambdify import jax_lambdify
from nablab.optimize._batch import BatchOutcome
from nablab.optimize._loop import BOUND, CONVERGED, DIVERGED, MAX_STEPS

jax.config.update("jax_enable_x64", True)

import jax.numpy as jnp  # noqa: E402
from jax import lax  # noqa: E402

#: Quick steps per block. Each block ends XLA's loop once to ask "did a run stop?"; a run that
#: stopped is stepped again from its block's start, so shorter blocks redo less.
BLOCK = 256
#: The runs that stopped in a block are stepped again this many at a time.
FEW = 64


def run_jax(variables: tuple[Any, ...], gradient: tuple[Any, ...], linear: np.ndarray,
            starts: np.ndarray, steps: int, tol: float) -> BatchOutcome:
    """Descend from every row of ``starts``: θ ← θ + ``linear[i]``·∇f(θ) for run i.

    Args:
        variables, gradient: the SymPy symbols and ∇f's SymPy expressions.
        linear: the constant each run multiplies ∇f by (−η for gradient descent).
        starts: θ₀ per run, shape ``(runs, n)``.
        steps, tol: as for :func:`~nablab.optimize._batch.run_batch`.
    """
    try:
        runner = _runner(variables, gradient, steps, float(tol))
        # NumPy arrays straight in: jit moves them to the device in one call
        final, nit, status = runner(np.asarray(starts, dtype=float),
                                    np.asarray(linear, dtype=float))
    except Exception as error:   # a function of ∇f that jax.numpy lacks or cannot trace (x!)
        raise UnsupportedError("backend_function", backend="jax") from error
    return BatchOutcome(np.array(final), np.array(nit, dtype=int),
                        np.array(status, dtype=np.int8))


@lru_cache(maxsize=32)
def _runner(variables: tuple[Any, ...], gradient: tuple[Any, ...], steps: int,
            tol: float) -> Callable[..., Any]:
    """The compiled loop ``(starts, linear) -> (final, nit, status)``.

    Runs are lanes of 1-D arrays, one per coordinate, and every step is element by element,
    so XLA fuses each coordinate's update into one pass over the runs. See the module's
    docstring for the blocks; whether any run still goes is asked once per block.
    """
    partials = jax_lambdify(variables, list(gradient))
    tol2, bound2 = tol * tol, BOUND * BOUND

    def grad(theta: tuple[Any, ...]) -> list[Any]:
        return [jnp.broadcast_to(jnp.asarray(p, dtype=jnp.float64), theta[0].shape)
                for p in partials(*theta)]

    def step(k: Any, state: tuple[Any, ...], lin: Any) -> tuple[Any, ...]:
        """One step with the full rules: each run's verdict, stopped runs frozen."""
        theta, prev, code, nit = state
        g = grad(theta)
        norm2 = sum(v * v for v in g)
        # |∇f|² overflows while ∇f is finite: |∇f| measured again with hypot, as NumPy does.
        # (Not by scaling ∇f by a tiny constant: XLA may fold (v·c)·(v·c) into v²·c², and
        # c² underflows to 0.)
        huge = (norm2 == jnp.inf) & reduce(jnp.logical_and, [jnp.isfinite(v) for v in g]) & (
            reduce(jnp.hypot, g, jnp.zeros_like(norm2)) < jnp.inf)
        finite = ((norm2 < jnp.inf) | huge) & (sum(t * t for t in theta) <= bound2)
        going = finite & ((norm2 >= tol2) | huge)
        active = code < 0
        verdict = jnp.where(~finite, DIVERGED, jnp.where(
            ~going, CONVERGED, jnp.where(k == steps, MAX_STEPS, -1)))
        stop = active & (verdict >= 0)
        move = active & ~stop
        back = stop & ~finite
        nit = jnp.where(stop, jnp.where(finite, k, jnp.maximum(k - 1, 0)), nit)
        code = jnp.where(active, verdict, code)
        nxt = tuple(jnp.where(move, t + lin * v, jnp.where(back, p, t))
                    for t, p, v in zip(theta, prev, g, strict=True))
        return nxt, theta, code, nit

    def quick(theta: tuple[Any, ...], lin: Any) -> tuple[Any, ...]:
        """One step of every run, no verdict: a run that would stop here gets NaN as its
        first coordinate. (∇f not finite makes θ not finite, and |θ|² > BOUND² then poisons
        the next step, or the block's end sees it.)"""
        g = grad(theta)
        calm = (sum(v * v for v in g) >= tol2) & (sum(t * t for t in theta) <= bound2)
        first = jnp.where(calm, theta[0] + lin * g[0], jnp.nan)
        return first, *(t + lin * v for t, v in zip(theta[1:], g[1:], strict=True))

    def redo(k: Any, end: Any, start: tuple[Any, ...], lin: Any, stopped: Any,
             kept: tuple[Any, ...]) -> tuple[Any, ...]:
        """``kept`` with the ``stopped`` runs stepped again from ``start`` (θ and the point
        before it; all were going) with the full rules: gathered, :data:`FEW` at a time,
        into short arrays stepped until all of them stop."""
        few = min(FEW, lin.shape[0])

        def some(carry: tuple[Any, tuple[Any, ...]]) -> tuple[Any, tuple[Any, ...]]:
            left, kept = carry
            # the first `few` lanes still left; slots beyond them repeat the first (harmless)
            lanes = jnp.nonzero(left, size=few, fill_value=jnp.argmax(left))[0]
            points = tuple(tuple(c[lanes] for c in part) for part in start)
            begin: tuple[Any, ...] = (*points, jnp.full(few, -1, dtype=jnp.int32),
                                      jnp.zeros(few, dtype=jnp.int64))
            _, done = lax.while_loop(lambda c: (c[0] < end) & jnp.any(c[1][2] < 0),
                                     lambda c: (c[0] + 1, step(c[0], c[1], lin[lanes])),
                                     (k, begin))
            return left.at[lanes].set(False), jax.tree.map(lambda a, b: a.at[lanes].set(b),
                                                           kept, done)

        return lax.while_loop(lambda c: jnp.any(c[0]), some, (stopped, kept))[1]

    def block(k: Any, state: tuple[Any, ...], lin: Any) -> tuple[Any, ...]:
        """Steps k … k + BLOCK − 1: quick, then the runs that stopped in them again, in full."""
        theta, prev, code, nit = state
        end = jnp.minimum(k + BLOCK, steps)
        going = code < 0
        donor = jnp.argmax(going)                 # stopped runs copy a run still going
        copy = tuple(jnp.where(going, t, t[donor]) for t in theta)
        rate = jnp.where(going, lin, lin[donor])
        fast, fast_prev = lax.fori_loop(k, end, lambda _, pair: (quick(pair[0], rate), pair[0]),
                                        (copy, copy))
        # a NaN or ∞ anywhere makes the sum NaN or ∞ (a finite sum that overflows only
        # costs a redo)
        stopped = going & ~jnp.isfinite(sum(fast))
        kept = (tuple(jnp.where(going, a, b) for a, b in zip(fast, theta, strict=True)),
                tuple(jnp.where(going, a, b) for a, b in zip(fast_prev, prev, strict=True)),
                code, nit)
        return lax.cond(jnp.any(stopped),
                        lambda: redo(k, end, (theta, prev), lin, stopped, kept), lambda: kept)

    def run(starts: Any, lin: Any) -> tuple[Any, Any, Any]:
        theta0 = tuple(starts[:, i] for i in range(starts.shape[1]))
        start = (theta0, theta0, jnp.full(lin.shape, -1, dtype=jnp.int32),
                 jnp.zeros(lin.shape, dtype=jnp.int64))
        _, state = lax.while_loop(lambda c: (c[0] < steps) & jnp.any(c[1][2] < 0),
                                  lambda c: (c[0] + BLOCK, block(c[0], c[1], lin)), (0, start))
        theta, _, code, nit = step(steps, state, lin)   # the last step: the verdict only
        return jnp.stack(theta, axis=1), nit, code.astype(jnp.int8)

    return jax.jit(run)


__all__ = ["run_jax"]
