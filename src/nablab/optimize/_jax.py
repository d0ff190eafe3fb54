"""The sweep on JAX: all runs as the lanes of one jitted ``lax`` loop (vectorised, as ``vmap``).

The gradient is nablab's own symbolic ∇f printed for ``jax.numpy`` (SymPy's JAX printer),
never user text. The rules are those of :func:`nablab.optimize._batch.run_batch`, step for
step: converged when |∇f| < tol, diverged when ∇f is not finite or |θ| > ``BOUND`` (the end
point is then the last finite one), ``max_steps`` after ``steps`` updates. Only optimizers
that multiply the gradient by a constant (gd, sgd) run here. Float64 throughout: importing
this module turns on JAX's ``jax_enable_x64``.

Compiled loops are kept per (∇f, steps, tol): a second sweep of the same shape skips tracing
and XLA compilation.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
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

#: 2⁻⁶⁰⁰ (a power of two: scaling by it is exact) and the largest float times it, squared.
SCALE = 2.0 ** -600
SCALED_MAX = (float(np.finfo(float).max) * SCALE) ** 2
#: Steps between two checks of "is any run still going?" (each check ends XLA's fused loop).
BLOCK = 64


def run_jax(variables: tuple[Any, ...], gradient: tuple[Any, ...], linear: np.ndarray,
            starts: np.ndarray, steps: int, tol: float) -> BatchOutcome:
    """Descend from every row of ``starts``: θ ← θ + ``linear[i]``·∇f(θ) for run i.

    Args:
        variables, gradient: the SymPy symbols and ∇f's SymPy expressions.
        linear: the constant each run multiplies ∇f by (−η for gradient descent).
        starts: θ₀ per run, shape ``(runs, n)``.
        steps, tol: as for :func:`~nablab.optimize._batch.run_batch`.
    """
    columns = tuple(jnp.asarray(c, dtype=jnp.float64) for c in np.asarray(starts, float).T)
    try:
        runner = _runner(variables, gradient, steps, float(tol))
        final, nit, status = runner(columns, jnp.asarray(linear, dtype=jnp.float64))
    except Exception as error:   # a function of ∇f that jax.numpy lacks or cannot trace (x!)
        raise UnsupportedError("backend_function", backend="jax") from error
    return BatchOutcome(np.stack([np.asarray(c) for c in final], axis=1),
                        np.array(nit, dtype=int), np.array(status, dtype=np.int8))


@lru_cache(maxsize=32)
def _runner(variables: tuple[Any, ...], gradient: tuple[Any, ...], steps: int,
            tol: float) -> Callable[..., Any]:
    """The compiled loop. Runs are lanes of 1-D arrays, one per coordinate, and every step is
    element by element (a stopped run is frozen by a select), so XLA fuses each step into
    one pass. Each block of :data:`BLOCK` steps first runs with only the update and one
    "did any run stop?" flag; only a block where one did is run again with the full rules.
    Whether any run still goes is asked once per block."""
    partials = jax_lambdify(variables, list(gradient))
    tol2, bound2 = tol * tol, BOUND * BOUND

    def step(k: Any, carry: tuple[Any, ...]) -> tuple[Any, ...]:
        theta, prev, code, nit, lin = carry
        size = lin.shape
        g = [jnp.broadcast_to(jnp.asarray(p, dtype=jnp.float64), size) for p in partials(*theta)]
        norm2 = sum(v * v for v in g)
        # |∇f|² overflows while ∇f is finite: measured again scaled by 2⁻⁶⁰⁰ (exact), as
        # hypot would; NaN or ∞ in ∇f fails the comparison
        huge = (norm2 == jnp.inf) & (sum((v * SCALE) * (v * SCALE) for v in g) < SCALED_MAX)
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
        return nxt, theta, code, nit, lin

    def quick(k: Any, carry: tuple[Any, ...]) -> tuple[Any, ...]:
        """A step that only moves the runs still going and notes whether any of them would
        stop here: then the block is done again by ``step``."""
        theta, prev, active, lin, event = carry
        g = [jnp.broadcast_to(jnp.asarray(p, dtype=jnp.float64), lin.shape)
             for p in partials(*theta)]
        norm2 = sum(v * v for v in g)
        calm = (norm2 >= tol2) & (norm2 < jnp.inf) & (sum(t * t for t in theta) <= bound2)
        event = event | (active & ~calm)
        nxt = tuple(jnp.where(active, t + lin * v, t) for t, v in zip(theta, g, strict=True))
        return nxt, theta, active, lin, event

    def block(carry: tuple[Any, Any]) -> tuple[Any, Any]:
        k, inner = carry
        theta, prev, code, nit, lin = inner
        end = jnp.minimum(k + BLOCK, steps)
        calm = jnp.zeros(lin.shape, bool)
        fast = lax.fori_loop(k, end, quick, (theta, prev, code < 0, lin, calm))
        inner = lax.cond(jnp.any(fast[4]), lambda: lax.fori_loop(k, end, step, inner),
                         lambda: (fast[0], fast[1], code, nit, lin))
        return k + BLOCK, inner

    def run(theta0: tuple[Any, ...], lin: Any) -> tuple[Any, Any, Any]:
        runs = lin.shape
        start = (theta0, theta0, jnp.full(runs, -1, dtype=jnp.int32),
                 jnp.zeros(runs, dtype=jnp.int64), lin)
        _, inner = lax.while_loop(lambda c: (c[0] < steps) & jnp.any(c[1][2] < 0), block,
                                  (0, start))
        theta, _, code, nit, _ = step(steps, inner)   # the last step: the verdict only
        return theta, nit, code

    return jax.jit(run)


__all__ = ["run_jax"]
