r"""The optimizers of deep learning, each a short chain of building blocks.

Update rules and default hyper-parameters are those of ``torch.optim`` (SGD, Adagrad, RMSprop,
Adam), so any run here can be reproduced in PyTorch; ``gd`` is the notes' rule
θᵢ ← θᵢ − η ∂L/∂θᵢ. :data:`OPTIMIZERS` lists them by the names the command line uses.

>>> opt = gd(0.1)
>>> state = opt.init((3.0, 4.0))
>>> opt.update((6.0, 8.0), state, (3.0, 4.0))[0]
(-0.6000000000000001, -0.8)
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any, NamedTuple

from nablab.errors import HyperparameterError
from nablab.optimize.newton import Hessian, Value, damped_newton, newton
from nablab.optimize.transform import (
    GradientTransformation,
    add_decayed_weights,
    chain,
    scale_by_adam,
    scale_by_decayed_learning_rate,
    scale_by_learning_rate,
    scale_by_rms,
    scale_by_rss,
    trace,
)


def gd(lr: float = 0.1) -> GradientTransformation:
    r"""Plain gradient descent (경사하강법): θ ← θ − η∇f(θ).

    Args:
        lr: η (학습률); 0.1 is the notes' example.
    """
    return chain(scale_by_learning_rate(lr))


def sgd(lr: float = 1e-3, momentum: float = 0.0, dampening: float = 0.0,
        nesterov: bool = False, weight_decay: float = 0.0) -> GradientTransformation:
    r"""``torch.optim.SGD``: gradient descent with optional momentum.

    .. math::
        g_t ← ∇f(θ_t) + λθ_t, \quad b_1 = g_1, \quad b_t = μ b_{t-1} + (1-τ) g_t,

        θ_{t+1} = θ_t − η\,(g_t + μ b_t) \text{ (Nesterov)} \quad\text{or}\quad
        θ_{t+1} = θ_t − η\,b_t \quad (μ = 0:\ θ_{t+1} = θ_t − η g_t)

    Args:
        lr: η.
        momentum: μ ≥ 0.
        dampening: τ.
        nesterov: Nesterov momentum (needs μ > 0 and τ = 0, as in PyTorch).
        weight_decay: λ ≥ 0.
    """
    if nesterov and (momentum <= 0 or dampening != 0):
        raise HyperparameterError("nesterov_needs_momentum")
    parts = []
    if weight_decay:
        parts.append(add_decayed_weights(weight_decay))
    if momentum:
        parts.append(trace(momentum, dampening, nesterov))
    return chain(*parts, scale_by_learning_rate(lr))


def momentum(lr: float = 1e-3, momentum: float = 0.9, dampening: float = 0.0,
             weight_decay: float = 0.0) -> GradientTransformation:
    r"""Heavy-ball momentum, ``torch.optim.SGD(momentum=0.9)``.

    .. math::
        b_1 = g_1, \quad b_t = μ b_{t-1} + (1-τ) g_t, \quad θ_{t+1} = θ_t − η b_t

    Args:
        lr: η.
        momentum: μ (0 gives plain gradient descent, step for step).
        dampening: τ.
        weight_decay: λ.
    """
    return sgd(lr, momentum, dampening, False, weight_decay)


def nesterov(lr: float = 1e-3, momentum: float = 0.9,
             weight_decay: float = 0.0) -> GradientTransformation:
    r"""Nesterov momentum, ``torch.optim.SGD(momentum=0.9, nesterov=True)``.

    .. math::
        b_1 = g_1, \quad b_t = μ b_{t-1} + g_t, \quad θ_{t+1} = θ_t − η\,(g_t + μ b_t)

    Args:
        lr: η.
        momentum: μ > 0.
        weight_decay: λ.
    """
    return sgd(lr, momentum, 0.0, True, weight_decay)


def adagrad(lr: float = 1e-2, lr_decay: float = 0.0, weight_decay: float = 0.0,
            initial_accumulator_value: float = 0.0, eps: float = 1e-10) -> GradientTransformation:
    r"""``torch.optim.Adagrad``: each coordinate's step shrinks with its summed squares.

    .. math::
        s_t = s_{t-1} + g_t^2, \qquad
        θ_{t+1} = θ_t − \frac{η}{1 + (t-1)\,\text{lr\_decay}} \cdot \frac{g_t}{\sqrt{s_t} + ε}

    Args:
        lr: η.
        lr_decay: decay of η over the steps.
        weight_decay: λ.
        initial_accumulator_value: s₀.
        eps: ε.
    """
    parts = [add_decayed_weights(weight_decay)] if weight_decay else []
    return chain(*parts, scale_by_rss(initial_accumulator_value, eps),
                 scale_by_decayed_learning_rate(lr, lr_decay))


def rmsprop(lr: float = 1e-2, alpha: float = 0.99, eps: float = 1e-8,
            weight_decay: float = 0.0, momentum: float = 0.0,
            centered: bool = False) -> GradientTransformation:
    r"""``torch.optim.RMSprop``: divide by a running root-mean-square of the gradient.

    .. math::
        v_t = α v_{t-1} + (1-α) g_t^2, \qquad
        θ_{t+1} = θ_t − η \frac{g_t}{\sqrt{v_t} + ε}

    With momentum μ > 0: b_t = μ b_{t−1} + g_t/(√v_t + ε) and θ_{t+1} = θ_t − η b_t.
    Centred: √v_t becomes √(v_t − m_t²) with m_t = α m_{t−1} + (1 − α) g_t.

    Args:
        lr: η.
        alpha: α.
        eps: ε.
        weight_decay: λ.
        momentum: μ.
        centered: normalise by the variance instead of the second moment.
    """
    parts = [add_decayed_weights(weight_decay)] if weight_decay else []
    parts.append(scale_by_rms(alpha, eps, centered))
    if momentum:
        parts.append(trace(momentum))
    return chain(*parts, scale_by_learning_rate(lr))


def adam(lr: float = 1e-3, betas: tuple[float, float] = (0.9, 0.999),
         eps: float = 1e-8, weight_decay: float = 0.0,
         amsgrad: bool = False) -> GradientTransformation:
    r"""``torch.optim.Adam``: momentum and RMS scaling, both bias-corrected.

    .. math::
        m_t = β_1 m_{t-1} + (1-β_1) g_t, \qquad v_t = β_2 v_{t-1} + (1-β_2) g_t^2,

        θ_{t+1} = θ_t − η\,\frac{m_t / (1-β_1^t)}{\sqrt{v_t}/\sqrt{1-β_2^t} + ε}

    Args:
        lr: η.
        betas: (β₁, β₂).
        eps: ε.
        weight_decay: λ (added to the gradient, as ``torch.optim.Adam`` does; not AdamW).
        amsgrad: use max(v₁, …, v_t) in the denominator.
    """
    b1, b2 = betas
    parts = [add_decayed_weights(weight_decay)] if weight_decay else []
    return chain(*parts, scale_by_adam(b1, b2, eps, amsgrad), scale_by_learning_rate(lr))


#: The optimizers by name, in the order the command line lists them.
OPTIMIZERS: dict[str, Callable[..., GradientTransformation]] = {
    "gd": gd, "momentum": momentum, "nesterov": nesterov, "adagrad": adagrad,
    "rmsprop": rmsprop, "adam": adam, "sgd": sgd,
}

#: Optimizers that need the Hessian of f as well: only a descent on a formula (``descend``,
#: ``race``) can give it, so they are not among :data:`OPTIMIZERS` (training, sweeps).
SECOND_ORDER: dict[str, Callable[..., GradientTransformation]] = {
    "newton": newton, "damped_newton": damped_newton}
#: What a second-order optimizer is given besides its hyper-parameters.
_FUNCTIONS = ("hessian", "value")

#: Every optimizer ``descend`` and ``race`` know, first-order ones first.
DESCENT_OPTIMIZERS: dict[str, Callable[..., GradientTransformation]] = {**OPTIMIZERS,
                                                                       **SECOND_ORDER}

#: Valid ranges of hyper-parameters: name -> (low, high, low included, high included).
_RANGES: dict[str, tuple[float, float, bool, bool]] = {
    "lr": (0.0, math.inf, False, False), "momentum": (0.0, math.inf, True, False),
    "dampening": (0.0, 1.0, True, True), "weight_decay": (0.0, math.inf, True, False),
    "lr_decay": (0.0, math.inf, True, False), "eps": (0.0, math.inf, True, False),
    "initial_accumulator_value": (0.0, math.inf, True, False), "alpha": (0.0, 1.0, True, True),
    "beta": (0.0, 1.0, True, False), "c1": (0.0, 1.0, False, False),
    "shrink": (0.0, 1.0, False, False),
}


class Optimizer(NamedTuple):
    """A named optimizer with its hyper-parameters resolved (defaults filled in)."""

    name: str
    transformation: GradientTransformation
    lr: float
    hyper: dict[str, Any]


def defaults(name: str) -> dict[str, Any]:
    """The default hyper-parameters of optimizer ``name``, learning rate included."""
    return dict(_defaults(_lookup(name, second_order=True)))


@cache
def _defaults(optimizer: Callable[..., GradientTransformation]) -> tuple[tuple[str, Any], ...]:
    signature = inspect.signature(optimizer)
    return tuple((p.name, p.default) for p in signature.parameters.values()
                 if p.name not in _FUNCTIONS)


def build(name: str, lr: float | None = None, *, hessian: Hessian | None = None,
          value: Value | None = None, **hyper: Any) -> Optimizer:
    """The optimizer ``name`` with ``lr`` and ``hyper`` over its defaults.

    Args:
        name: a name from :data:`OPTIMIZERS`, or from :data:`SECOND_ORDER` when ``hessian``
            is given.
        lr: η (``None``: the optimizer's default).
        hessian: ``hessian(*θ) -> (n, n)``, H of the function being descended.
        value: ``value(*θ) -> f(θ)`` (for a line search).
        **hyper: the other hyper-parameters.

    Raises:
        HyperparameterError: an unknown optimizer or parameter, or a value out of range.
    """
    _lookup(name, second_order=hessian is not None)
    values = defaults(name)
    unknown = sorted(set(hyper) - set(values))
    if unknown:
        raise HyperparameterError("unknown_hyperparameter", name=unknown[0], optimizer=name,
                                  known=", ".join(k for k in values if k != "lr"))
    values.update(hyper)
    if lr is not None:
        values["lr"] = lr
    for key, setting in values.items():
        check_hyperparameter(key, setting)
    given = {"hessian": hessian, "value": value}
    extra = {k: v for k, v in given.items() if k in _takes(DESCENT_OPTIMIZERS[name])}
    made = DESCENT_OPTIMIZERS[name](**values, **extra)
    rate = values.pop("lr")
    return Optimizer(name, made, float(rate), values)


@cache
def _takes(optimizer: Callable[..., GradientTransformation]) -> frozenset[str]:
    return frozenset(inspect.signature(optimizer).parameters)


def check_hyperparameter(name: str, value: Any) -> None:
    """Raise :class:`HyperparameterError` if ``value`` is outside the range of ``name``."""
    if name == "betas":
        if len(value) != 2:
            raise HyperparameterError(name="betas", value=value)
        for beta in value:
            check_hyperparameter("beta", beta)
        return
    if name not in _RANGES or isinstance(value, bool):
        return
    low, high, low_ok, high_ok = _RANGES[name]
    number = float(value)
    inside = (low < number or (low_ok and number == low)) and \
        (number < high or (high_ok and number == high))
    if not inside:
        raise HyperparameterError(name=name, value=value)


def _lookup(name: str, second_order: bool = False) -> Callable[..., GradientTransformation]:
    known = DESCENT_OPTIMIZERS if second_order else OPTIMIZERS
    if name not in known:
        raise HyperparameterError("unknown_optimizer", name=name, known=", ".join(known))
    return known[name]


def accepts(name: str, hyper: Mapping[str, Any]) -> dict[str, Any]:
    """The entries of ``hyper`` that optimizer ``name`` takes (for a race of several)."""
    known = defaults(name)
    return {k: v for k, v in hyper.items() if k in known}


__all__ = ["DESCENT_OPTIMIZERS", "OPTIMIZERS", "SECOND_ORDER", "Optimizer", "accepts",
           "adagrad", "adam", "build", "check_hyperparameter", "defaults", "gd", "momentum",
           "damped_newton", "nesterov", "newton", "rmsprop", "sgd"]
