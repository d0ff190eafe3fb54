"""The sweep on JAX: every run a ``lax.while_loop``, all runs at once under ``jit(vmap)``.

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

from nablab.numeric.lambdify import jax_lambdify
from nablab.optimize._batch import BatchOutcome
from nablab.optimize._loop import BOUND, CONVERGED, DIVERGED, MAX_STEPS

jax.config.update("jax_enable_x64", True)

import jax.numpy as jnp  # noqa: E402
from jax import lax  # noqa: E402


def run_jax(variables: tuple[Any, ...], gradient: tuple[Any, ...], linear: np.ndarray,
            starts: np.ndarray, steps: int, tol: float) -> BatchOutcome:
    """Descend from every row of ``starts``: θ ← θ + ``linear[i]``·∇f(θ) for run i.

    Args:
        variables, gradient: the SymPy symbols and ∇f's SymPy expressions.
        linear: the constant each run multiplies ∇f by (−η for gradient descent).
        starts: θ₀ per run, shape ``(runs, n)``.
        steps, tol: as for :func:`~nablab.optimize._batch.run_batch`.
    """
    runner = _runner(variables, gradient, steps, float(tol))
    final, nit, status = runner(jnp.asarray(starts, dtype=jnp.float64),
                                jnp.asarray(linear, dtype=jnp.float64))
    return BatchOutcome(np.array(final), np.array(nit, dtype=int),
                        np.array(status, dtype=np.int8))


@lru_cache(maxsize=32)
def _runner(variables: tuple[Any, ...], gradient: tuple[Any, ...], steps: int,
            tol: float) -> Callable[..., Any]:
    partials = jax_lambdify(variables, list(gradient))
    tol2, bound2 = tol * tol, BOUND * BOUND

    def grad(theta: Any) -> Any:
        return jnp.stack([jnp.broadcast_to(jnp.asarray(p, dtype=jnp.float64), ())
                          for p in partials(*theta)])

    def verdict(theta: Any, g: Any) -> tuple[Any, Any]:
        """(going, finite), as ``_batch._verdict``: a squared norm that overflows while ∇f
        is finite is measured again, scaled, as hypot does."""
        norm2 = jnp.sum(g * g)
        scale = jnp.max(jnp.abs(g))
        huge = (norm2 == jnp.inf) & jnp.all(jnp.isfinite(g))
        exact = scale * jnp.sqrt(jnp.sum((g / jnp.where(scale > 0, scale, 1.0)) ** 2))
        finite = ((norm2 < jnp.inf) | (huge & (exact < jnp.inf))) & \
            (jnp.sum(theta * theta) <= bound2)
        return finite & ((norm2 >= tol2) | huge), finite

    def one(theta0: Any, lin: Any) -> tuple[Any, Any, Any]:
        def body(carry: tuple[Any, ...]) -> tuple[Any, ...]:
            k, theta, prev, _, _, _ = carry
            g = grad(theta)
            going, finite = verdict(theta, g)
            code = jnp.where(~finite, DIVERGED,
                             jnp.where(~going, CONVERGED, jnp.where(k == steps, MAX_STEPS, -1)))
            final = jnp.where(finite, theta, prev)
            nit = jnp.where(finite, k, jnp.maximum(k - 1, 0))
            return k + 1, theta + lin * g, theta, code, final, nit

        start = (0, theta0, theta0, -1, theta0, 0)
        _, _, _, code, final, nit = lax.while_loop(lambda c: c[3] < 0, body, start)
        return final, nit, code

    return jax.jit(jax.vmap(one))


__all__ = ["run_jax"]
