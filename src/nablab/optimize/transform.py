r"""Building blocks of optimizers, composed with :func:`chain` (the optax design).

A :class:`GradientTransformation` turns the gradient g into an update u, keeping whatever it
needs between steps in a small named-tuple state; the descent loop then moves θ ← θ + u. The
named optimizers in :mod:`nablab.optimize.optimizers` are short chains of these blocks.

Every block works coordinate by coordinate, so parameters, gradients and updates are tuples
with one *leaf* per variable. A leaf is a Python float when one point descends, or a NumPy
array holding the same coordinate for many runs at once (a sweep): the same code serves both.

>>> opt = chain(trace(decay=0.9), scale_by_learning_rate(0.1))
>>> state = opt.init((3.0, 4.0))
>>> updates, state = opt.update((6.0, 8.0), state, (3.0, 4.0))
>>> tuple(round(u, 12) for u in updates)
(-0.6, -0.8)
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, NamedTuple

import numpy as np

#: One leaf per variable: floats for one run, arrays for many runs at once.
Leaves = tuple[Any, ...]


class GradientTransformation(NamedTuple):
    """A pure function pair: ``init(params) -> state`` and ``update(g, state, params)``.

    Attributes:
        init: the state before the first step.
        update: ``(updates, state, params) -> (new updates, new state)``.
        linear: ``c`` when the transformation is stateless and just multiplies by a constant
            (u = c·g); the descent loop then skips the generic machinery. ``None`` otherwise.
    """

    init: Callable[[Leaves], Any]
    update: Callable[[Leaves, Any, Leaves], tuple[Leaves, Any]]
    linear: Any = None


class EmptyState(NamedTuple):
    """The state of a transformation that remembers nothing."""


def tree_map(fn: Callable[..., Any], *trees: Leaves) -> Leaves:
    """``fn`` applied leaf by leaf: ``(fn(a₁, b₁), fn(a₂, b₂), …)``."""
    return tuple(map(fn, *trees))


def zeros_like(params: Leaves, value: float = 0.0) -> Leaves:
    """A leaf of ``value`` (float, or an array of the leaf's shape) for every parameter."""
    return tuple(value if isinstance(p, (int, float)) else np.full(np.shape(p), value)
                 for p in params)


def apply_updates(params: Leaves, updates: Leaves) -> Leaves:
    """θ ← θ + u, leaf by leaf."""
    return tuple(p + u for p, u in zip(params, updates, strict=True))


def _sqrt(value: Any) -> Any:
    # math.sqrt on floats keeps the single-run loop free of NumPy scalars; both round exactly.
    return math.sqrt(value) if isinstance(value, (int, float)) else np.sqrt(value)


def _maximum(a: Any, b: Any) -> Any:
    return max(a, b) if isinstance(a, (int, float)) else np.maximum(a, b)


def chain(*transforms: GradientTransformation) -> GradientTransformation:
    """Apply ``transforms`` one after the other: u = Tₖ(… T₂(T₁(g)) …).

    The state is the tuple of the parts' states. A chain of constant multiplications is
    itself one (its ``linear`` is the product), so ``chain(scale(2), scale(3))`` is 6·g.
    """

    def init(params: Leaves) -> tuple[Any, ...]:
        return tuple(t.init(params) for t in transforms)

    def update(updates: Leaves, state: tuple[Any, ...],
               params: Leaves) -> tuple[Leaves, tuple[Any, ...]]:
        new_state = []
        for transform, part in zip(transforms, state, strict=True):
            updates, part = transform.update(updates, part, params)
            new_state.append(part)
        return updates, tuple(new_state)

    linear: Any = None
    if all(t.linear is not None for t in transforms):
        linear = 1.0
        for t in transforms:
            linear = linear * t.linear
    return GradientTransformation(init, update, linear)


def scale(step_size: Any) -> GradientTransformation:
    r"""Multiply by a constant: u = c·g.

    Args:
        step_size: c (a float, or an array with one value per run).
    """

    def update(updates: Leaves, state: EmptyState, params: Leaves) -> tuple[Leaves, EmptyState]:
        return tuple(step_size * g for g in updates), state

    return GradientTransformation(lambda params: EmptyState(), update, step_size)


def scale_by_learning_rate(lr: Any) -> GradientTransformation:
    r"""Step against the gradient: u = −η·g (the last block of every descent).

    Args:
        lr: η > 0 (a float, or an array with one value per run).
    """
    return scale(-lr)


def add_decayed_weights(weight_decay: float) -> GradientTransformation:
    r"""PyTorch's ``weight_decay`` (an L2 penalty): g ← g + λθ.

    Args:
        weight_decay: λ ≥ 0.
    """

    def update(updates: Leaves, state: EmptyState, params: Leaves) -> tuple[Leaves, EmptyState]:
        return tree_map(lambda g, p: g + weight_decay * p, updates, params), state

    return GradientTransformation(lambda params: EmptyState(), update)


class TraceState(NamedTuple):
    """Momentum buffer b and the number of steps taken."""

    steps: int
    trace: Leaves


def trace(decay: float, dampening: float = 0.0, nesterov: bool = False) -> GradientTransformation:
    r"""PyTorch's momentum buffer (``torch.optim.SGD``).

    .. math::
        b_1 = g_1, \qquad b_t = μ\,b_{t-1} + (1 - τ)\,g_t, \qquad
        u_t = \begin{cases} g_t + μ\,b_t & \text{(Nesterov)} \\ b_t & \text{otherwise} \end{cases}

    Args:
        decay: the momentum μ.
        dampening: τ, which scales the new gradient from the second step on.
        nesterov: look ahead: u = g + μb.
    """

    def init(params: Leaves) -> TraceState:
        return TraceState(0, zeros_like(params))

    def update(updates: Leaves, state: TraceState, params: Leaves) -> tuple[Leaves, TraceState]:
        if state.steps == 0:
            buffer = updates
        else:
            buffer = tree_map(lambda b, g: decay * b + (1 - dampening) * g, state.trace, updates)
        out = tree_map(lambda g, b: g + decay * b, updates, buffer) if nesterov else buffer
        return out, TraceState(state.steps + 1, buffer)

    return GradientTransformation(init, update)


class ScaleByRssState(NamedTuple):
    """Running sum of squared gradients."""

    sum_of_squares: Leaves


def scale_by_rss(initial_accumulator_value: float = 0.0,
                 eps: float = 1e-10) -> GradientTransformation:
    r"""Adagrad's scaling by the root of the summed squares (``torch.optim.Adagrad``).

    .. math::
        s_t = s_{t-1} + g_t^2, \qquad u_t = \frac{g_t}{\sqrt{s_t} + ε}, \qquad
        s_0 = \text{initial\_accumulator\_value}

    Args:
        initial_accumulator_value: s₀ ≥ 0.
        eps: ε, added to the root.
    """

    def init(params: Leaves) -> ScaleByRssState:
        return ScaleByRssState(zeros_like(params, initial_accumulator_value))

    def update(updates: Leaves, state: ScaleByRssState,
               params: Leaves) -> tuple[Leaves, ScaleByRssState]:
        sums = tree_map(lambda s, g: s + g * g, state.sum_of_squares, updates)
        out = tree_map(lambda g, s: g / (_sqrt(s) + eps), updates, sums)
        return out, ScaleByRssState(sums)

    return GradientTransformation(init, update)


class ScaleByScheduleState(NamedTuple):
    """The number of steps taken."""

    steps: int


def scale_by_decayed_learning_rate(lr: Any, decay: float) -> GradientTransformation:
    r"""Adagrad's ``lr_decay``: u_t = −η_t·g with η_t = η / (1 + (t − 1)·decay).

    Args:
        lr: η > 0.
        decay: the decay rate (0 gives plain :func:`scale_by_learning_rate`).
    """
    if decay == 0:
        return scale_by_learning_rate(lr)

    def update(updates: Leaves, state: ScaleByScheduleState,
               params: Leaves) -> tuple[Leaves, ScaleByScheduleState]:
        rate = lr / (1 + state.steps * decay)
        return tuple(-rate * g for g in updates), ScaleByScheduleState(state.steps + 1)

    return GradientTransformation(lambda params: ScaleByScheduleState(0), update)


class ScaleByRmsState(NamedTuple):
    """Running averages of g² (and of g, when centred)."""

    nu: Leaves
    mu: Leaves


def scale_by_rms(alpha: float = 0.99, eps: float = 1e-8,
                 centered: bool = False) -> GradientTransformation:
    r"""RMSprop's scaling (``torch.optim.RMSprop``).

    .. math::
        v_t = α\,v_{t-1} + (1 - α)\,g_t^2, \qquad
        u_t = \frac{g_t}{\sqrt{v_t} + ε}

    Centred: also m_t = α m_{t−1} + (1 − α) g_t, and u_t = g_t / (√(v_t − m_t²) + ε).

    Args:
        alpha: α, the smoothing constant.
        eps: ε, added to the root.
        centered: normalise by the estimated variance instead of the second moment.
    """

    def init(params: Leaves) -> ScaleByRmsState:
        return ScaleByRmsState(zeros_like(params), zeros_like(params))

    def update(updates: Leaves, state: ScaleByRmsState,
               params: Leaves) -> tuple[Leaves, ScaleByRmsState]:
        nu = tree_map(lambda v, g: alpha * v + (1 - alpha) * g * g, state.nu, updates)
        mu = state.mu
        if centered:
            mu = tree_map(lambda m, g: alpha * m + (1 - alpha) * g, state.mu, updates)
            out = tree_map(lambda g, v, m: g / (_sqrt(v - m * m) + eps), updates, nu, mu)
        else:
            out = tree_map(lambda g, v: g / (_sqrt(v) + eps), updates, nu)
        return out, ScaleByRmsState(nu, mu)

    return GradientTransformation(init, update)


class ScaleByAdamState(NamedTuple):
    """Step count, first and second moment estimates, and AMSGrad's running maximum."""

    steps: int
    mu: Leaves
    nu: Leaves
    nu_max: Leaves


def scale_by_adam(b1: float = 0.9, b2: float = 0.999, eps: float = 1e-8,
                  amsgrad: bool = False) -> GradientTransformation:
    r"""Adam's scaling with bias correction (``torch.optim.Adam``).

    .. math::
        m_t = β_1 m_{t-1} + (1 - β_1)\,g_t, \qquad v_t = β_2 v_{t-1} + (1 - β_2)\,g_t^2,

        u_t = \frac{m_t / (1 - β_1^t)}{\sqrt{v_t} / \sqrt{1 - β_2^t} + ε}

    With AMSGrad, v_t in the denominator is replaced by max(v₁, …, v_t).

    Args:
        b1: β₁, decay of the first moment.
        b2: β₂, decay of the second moment.
        eps: ε, added to the denominator (outside the root, as PyTorch does).
        amsgrad: use the running maximum of v.
    """

    def init(params: Leaves) -> ScaleByAdamState:
        zeros = zeros_like(params)
        return ScaleByAdamState(0, zeros, zeros, zeros)

    def update(updates: Leaves, state: ScaleByAdamState,
               params: Leaves) -> tuple[Leaves, ScaleByAdamState]:
        steps = state.steps + 1
        mu = tree_map(lambda m, g: b1 * m + (1 - b1) * g, state.mu, updates)
        nu = tree_map(lambda v, g: b2 * v + (1 - b2) * g * g, state.nu, updates)
        nu_max = tree_map(_maximum, state.nu_max, nu) if amsgrad else nu
        correction1, root2 = 1 - b1**steps, (1 - b2**steps) ** 0.5
        out = tree_map(lambda m, v: (m / correction1) / (_sqrt(v) / root2 + eps), mu, nu_max)
        return out, ScaleByAdamState(steps, mu, nu, nu_max)

    return GradientTransformation(init, update)


__all__ = [
    "EmptyState",
    "GradientTransformation",
    "Leaves",
    "ScaleByAdamState",
    "ScaleByRmsState",
    "ScaleByRssState",
    "ScaleByScheduleState",
    "TraceState",
    "add_decayed_weights",
    "apply_updates",
    "chain",
    "scale",
    "scale_by_adam",
    "scale_by_decayed_learning_rate",
    "scale_by_learning_rate",
    "scale_by_rms",
    "scale_by_rss",
    "trace",
    "tree_map",
    "zeros_like",
]
