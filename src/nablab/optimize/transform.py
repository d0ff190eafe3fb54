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

from nablab.optimize._kernel import Kernel, init_function, update_function

#: One leaf per variable: floats for one run, arrays for many runs at once.
Leaves = tuple[Any, ...]


class GradientTransformation(NamedTuple):
    """A pure function pair: ``init(params) -> state`` and ``update(g, state, params)``.

    Attributes:
        init: the state before the first step.
        update: ``(updates, state, params) -> (new updates, new state)``.
        linear: ``c`` when the transformation is stateless and just multiplies by a constant
            (u = c·g); a sweep then skips the generic machinery. ``None`` otherwise.
        kernels: the rules of its blocks as code, in order (:class:`~nablab.optimize._kernel.
            Kernel`), from which the descent loop is generated; ``None`` when some block has
            none (Newton's method, a hand-made transformation).
    """

    init: Callable[[Leaves], Any]
    update: Callable[[Leaves, Any, Leaves], tuple[Leaves, Any]]
    linear: Any = None
    kernels: tuple[Kernel, ...] | None = None


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


def block(kernel: Kernel, state: type, linear: Any = None) -> GradientTransformation:
    """The transformation whose rule is ``kernel``, its state of type ``state``."""
    return GradientTransformation(init_function(kernel, state, zeros_like),
                                  update_function(kernel, state), linear, (kernel,))


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
    kernels = None
    if all(t.kernels is not None for t in transforms):
        kernels = tuple(k for t in transforms for k in t.kernels or ())
    return GradientTransformation(init, update, linear, kernels)


def scale(step_size: Any) -> GradientTransformation:
    r"""Multiply by a constant: u = c·g.

    Args:
        step_size: c (a float, or an array with one value per run).
    """
    return block(Kernel(("{u} = {c} * {u}",), constants=(("c", step_size),)), EmptyState,
                 step_size)


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
    return block(Kernel(("{u} = {u} + {wd} * {p}",), constants=(("wd", weight_decay),)),
                 EmptyState)


class TraceState(NamedTuple):
    """Momentum buffer b and the number of steps taken (b starts at −0 when τ = 0)."""

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
    look = "{u} = {u} + {decay} * {b}" if nesterov else "{u} = {b}"
    constants = (("decay", decay), ("keep", 1 - dampening))
    if dampening == 0 and isinstance(decay, (int, float)) and 0 <= decay < math.inf \
            and math.copysign(1.0, decay) > 0:
        # b₀ = −0 makes b₁ = μ·(−0) + g₁ = g₁ exactly (a zero's sign included, for finite μ ≥ +0):
        # torch's first step without a branch on it, which the generated loop would pay for
        # at every step.
        return block(Kernel(("{b} = {decay} * {b} + {u}", look),
                            step=("{steps} = {steps} + 1",), leaves=(("b", -0.0),),
                            scalars=(("steps", 0),), constants=constants), TraceState)
    # (1 - τ)·g is g itself when τ = 0, and 1 − τ the same number whenever it is computed
    fresh = "{u}" if dampening == 0 else "{keep} * {u}"
    return block(Kernel(
        ("{b} = {u} if {first} else {decay} * {b} + " + fresh, look),
        step=("{first} = {steps} == 0", "{steps} = {steps} + 1"),
        leaves=(("b", 0.0),), scalars=(("steps", 0),), constants=constants), TraceState)


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
    return block(Kernel(
        ("{s} = {s} + {u} * {u}", "{u} = {u} / (sqrt({s}) + {eps})"),
        leaves=(("s", initial_accumulator_value),), constants=(("eps", eps),)), ScaleByRssState)


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
    return block(Kernel(
        ("{u} = -{rate} * {u}",),
        step=("{rate} = {lr} / (1 + {steps} * {decay})", "{steps} = {steps} + 1"),
        scalars=(("steps", 0),), constants=(("lr", lr), ("decay", decay))), ScaleByScheduleState)


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
    second = "{v} = {alpha} * {v} + {rest} * {u} * {u}"
    lines = ((second, "{m} = {alpha} * {m} + {rest} * {u}",
              "{u} = {u} / (sqrt({v} - {m} * {m}) + {eps})") if centered
             else (second, "{u} = {u} / (sqrt({v}) + {eps})"))
    return block(Kernel(lines, leaves=(("v", 0.0), ("m", 0.0)),
                        constants=(("alpha", alpha), ("rest", 1 - alpha), ("eps", eps))),
                 ScaleByRmsState)


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
    return block(Kernel(
        ("{m} = {b1} * {m} + {rest1} * {u}", "{v} = {b2} * {v} + {rest2} * {u} * {u}",
         "{vmax} = max({vmax}, {v})" if amsgrad else "{vmax} = {v}",
         "{u} = ({m} / {c1}) / (sqrt({vmax}) / {root2} + {eps})"),
        step=("{steps} = {steps} + 1", "{c1} = 1 - {b1}**{steps}",
              "{root2} = (1 - {b2}**{steps}) ** 0.5"),
        leaves=(("m", 0.0), ("v", 0.0), ("vmax", 0.0)), scalars=(("steps", 0),),
        constants=(("b1", b1), ("b2", b2), ("rest1", 1 - b1), ("rest2", 1 - b2), ("eps", eps))),
        ScaleByAdamState)


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
    "block",
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
