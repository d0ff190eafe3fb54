"""Every optimizer through the same checks (optax's alias tests).

The reference steps below restate the update rules of ``torch.optim`` (SGD, Adagrad, RMSprop,
Adam, from their documented algorithms), written out coordinate by coordinate in plain Python
with a hand-written Rosenbrock gradient: nothing in them comes from nablab.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np
import pytest

import nablab
from nablab.optimize import OPTIMIZERS, descend, gd
from nablab.optimize.optimizers import defaults
from nablab.optimize.transform import (
    GradientTransformation,
    chain,
    scale_by_learning_rate,
    trace,
)

ROSENBROCK = "(1 - x)^2 + 100(y - x^2)^2"
START = (-1.5, 2.0)


def rosenbrock_grad(p: list[float]) -> list[float]:
    x, y = p
    return [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)]


# -- torch.optim's rules, restated --------------------------------------------------------------
def ref_sgd(p: list[float], steps: int, lr: float, momentum: float = 0.0, dampening: float = 0.0,
            nesterov: bool = False, weight_decay: float = 0.0) -> Iterator[list[float]]:
    buf: list[float] | None = None
    for _ in range(steps):
        g = [gi + weight_decay * pi for gi, pi in zip(rosenbrock_grad(p), p, strict=True)]
        if momentum:
            buf = list(g) if buf is None else [momentum * b + (1 - dampening) * gi
                                              for b, gi in zip(buf, g, strict=True)]
            g = [gi + momentum * b for gi, b in zip(g, buf, strict=True)] if nesterov else buf
        p = [pi - lr * gi for pi, gi in zip(p, g, strict=True)]
        yield p


def ref_adagrad(p: list[float], steps: int, lr: float, lr_decay: float = 0.0,
                weight_decay: float = 0.0, initial_accumulator_value: float = 0.0,
                eps: float = 1e-10) -> Iterator[list[float]]:
    total = [initial_accumulator_value] * len(p)
    for t in range(1, steps + 1):
        g = [gi + weight_decay * pi for gi, pi in zip(rosenbrock_grad(p), p, strict=True)]
        clr = lr / (1 + (t - 1) * lr_decay)
        total = [s + gi * gi for s, gi in zip(total, g, strict=True)]
        p = [pi - clr * gi / (math.sqrt(s) + eps) for pi, gi, s in zip(p, g, total, strict=True)]
        yield p


def ref_rmsprop(p: list[float], steps: int, lr: float, alpha: float = 0.99, eps: float = 1e-8,
                weight_decay: float = 0.0, momentum: float = 0.0,
                centered: bool = False) -> Iterator[list[float]]:
    n = len(p)
    square, mean, buf = [0.0] * n, [0.0] * n, [0.0] * n
    for _ in range(steps):
        g = [gi + weight_decay * pi for gi, pi in zip(rosenbrock_grad(p), p, strict=True)]
        square = [alpha * s + (1 - alpha) * gi * gi for s, gi in zip(square, g, strict=True)]
        if centered:
            mean = [alpha * m + (1 - alpha) * gi for m, gi in zip(mean, g, strict=True)]
            avg = [math.sqrt(s - m * m) + eps for s, m in zip(square, mean, strict=True)]
        else:
            avg = [math.sqrt(s) + eps for s in square]
        if momentum > 0:
            buf = [momentum * b + gi / a for b, gi, a in zip(buf, g, avg, strict=True)]
            p = [pi - lr * b for pi, b in zip(p, buf, strict=True)]
        else:
            p = [pi - lr * gi / a for pi, gi, a in zip(p, g, avg, strict=True)]
        yield p


def ref_adam(p: list[float], steps: int, lr: float, betas: tuple[float, float] = (0.9, 0.999),
             eps: float = 1e-8, weight_decay: float = 0.0,
             amsgrad: bool = False) -> Iterator[list[float]]:
    b1, b2 = betas
    n = len(p)
    m, v, v_max = [0.0] * n, [0.0] * n, [0.0] * n
    for t in range(1, steps + 1):
        g = [gi + weight_decay * pi for gi, pi in zip(rosenbrock_grad(p), p, strict=True)]
        m = [b1 * mi + (1 - b1) * gi for mi, gi in zip(m, g, strict=True)]
        v = [b2 * vi + (1 - b2) * gi * gi for vi, gi in zip(v, g, strict=True)]
        v_max = [max(a, b) for a, b in zip(v_max, v, strict=True)] if amsgrad else v
        step_size = lr / (1 - b1**t)
        root = math.sqrt(1 - b2**t)
        p = [pi - step_size * mi / (math.sqrt(vi) / root + eps)
             for pi, mi, vi in zip(p, m, v_max, strict=True)]
        yield p


def ref_gd(p: list[float], steps: int, lr: float) -> Iterator[list[float]]:
    for _ in range(steps):
        p = [pi - lr * gi for pi, gi in zip(p, rosenbrock_grad(p), strict=True)]
        yield p


REFERENCES: dict[str, Callable[..., Iterator[list[float]]]] = {
    "gd": ref_gd, "sgd": ref_sgd, "momentum": ref_sgd, "nesterov": ref_sgd,
    "adagrad": ref_adagrad, "rmsprop": ref_rmsprop, "adam": ref_adam,
}
#: PyTorch's names for the presets' fixed settings.
PRESETS: dict[str, dict[str, Any]] = {"momentum": {"momentum": 0.9},
                                      "nesterov": {"momentum": 0.9, "nesterov": True}}

# (optimizer, hyper-parameters, learning rate): defaults and every option at least once.
RULE_CASES = [
    ("gd", {}, 1e-3), ("sgd", {}, 1e-3),
    ("sgd", {"momentum": 0.5, "dampening": 0.1, "weight_decay": 0.01}, 1e-3),
    ("sgd", {"momentum": 0.7, "nesterov": True}, 1e-3),
    ("momentum", {}, 1e-3), ("momentum", {"momentum": 0.5, "dampening": 0.3}, 1e-3),
    ("nesterov", {}, 1e-3), ("nesterov", {"momentum": 0.5, "weight_decay": 0.1}, 1e-3),
    ("adagrad", {}, 0.1),
    ("adagrad", {"lr_decay": 0.1, "initial_accumulator_value": 0.5, "weight_decay": 0.01,
                 "eps": 1e-6}, 0.1),
    ("rmsprop", {}, 0.01), ("rmsprop", {"momentum": 0.5, "centered": True, "alpha": 0.9}, 0.01),
    ("rmsprop", {"weight_decay": 0.1, "eps": 1e-4}, 0.01),
    ("adam", {}, 0.01), ("adam", {"betas": (0.8, 0.99), "eps": 1e-6}, 0.01),
    ("adam", {"amsgrad": True, "weight_decay": 0.01}, 0.01),
]

# (optimizer, learning rate on x² + y², learning rate and steps on Rosenbrock)
TABLE = [
    ("gd", 0.1, 1e-3, 30_000), ("sgd", 0.1, 1e-3, 30_000), ("momentum", 0.1, 1e-3, 20_000),
    ("nesterov", 0.1, 1e-3, 20_000), ("adagrad", 1.0, 1.0, 20_000),
    ("rmsprop", 0.01, 3e-4, 20_000), ("adam", 0.1, 0.02, 20_000),
]


def test_table_covers_every_optimizer() -> None:
    assert {name for name, *_ in TABLE} == set(OPTIMIZERS)
    assert {name for name, *_ in RULE_CASES} == set(OPTIMIZERS)


@pytest.mark.parametrize(("name", "hyper", "lr"), RULE_CASES,
                         ids=[f"{n}-{'-'.join(h) or 'defaults'}" for n, h, _ in RULE_CASES])
def test_first_ten_steps_follow_the_torch_rule(name: str, hyper: dict[str, Any],
                                               lr: float) -> None:
    result = descend(ROSENBROCK, START, optimizer=name, lr=lr, steps=10, tol=0, **hyper)
    options = {**PRESETS.get(name, {}), **hyper}
    expected = [list(START), *REFERENCES[name](list(START), 10, lr, **options)]
    assert result.nit == 10
    np.testing.assert_allclose(result.path, np.array(expected), rtol=1e-12, atol=0)


def test_defaults_are_torch_defaults() -> None:
    assert defaults("sgd") == {"lr": 1e-3, "momentum": 0.0, "dampening": 0.0,
                               "nesterov": False, "weight_decay": 0.0}
    assert defaults("adagrad") == {"lr": 1e-2, "lr_decay": 0.0, "weight_decay": 0.0,
                                   "initial_accumulator_value": 0.0, "eps": 1e-10}
    assert defaults("rmsprop") == {"lr": 1e-2, "alpha": 0.99, "eps": 1e-8,
                                   "weight_decay": 0.0, "momentum": 0.0, "centered": False}
    assert defaults("adam") == {"lr": 1e-3, "betas": (0.9, 0.999), "eps": 1e-8,
                                "weight_decay": 0.0, "amsgrad": False}


@pytest.mark.parametrize(("name", "quad_lr", "rosen_lr", "rosen_steps"), TABLE)
def test_converges_on_the_notes_quadratic(name: str, quad_lr: float, rosen_lr: float,
                                          rosen_steps: int) -> None:
    result = descend("x^2 + y^2", (3, 4), optimizer=name, lr=quad_lr, steps=5000, tol=1e-6)
    assert result.status == "converged" and result.success
    assert np.linalg.norm(result.x) < 1e-5
    assert result.grad_norm < 1e-6


@pytest.mark.parametrize(("name", "quad_lr", "rosen_lr", "rosen_steps"), TABLE)
def test_reaches_the_rosenbrock_minimum(name: str, quad_lr: float, rosen_lr: float,
                                        rosen_steps: int) -> None:
    result = descend(ROSENBROCK, START, optimizer=name, lr=rosen_lr, steps=rosen_steps, tol=1e-6)
    assert result.status != "diverged"
    assert np.linalg.norm(result.x - np.array([1.0, 1.0])) < 1e-3


def _leaves(tree: Any) -> Iterator[Any]:
    if isinstance(tree, tuple):
        for part in tree:
            yield from _leaves(part)
    else:
        yield tree


@pytest.mark.parametrize(("name", "quad_lr", "rosen_lr", "rosen_steps"), TABLE)
def test_state_stays_finite(name: str, quad_lr: float, rosen_lr: float, rosen_steps: int) -> None:
    opt = OPTIMIZERS[name](rosen_lr)
    params = START
    state = opt.init(params)
    for _ in range(200):
        updates, state = opt.update(tuple(rosenbrock_grad(list(params))), state, params)
        params = tuple(p + u for p, u in zip(params, updates, strict=True))
    assert all(math.isfinite(float(leaf)) for leaf in _leaves(state))
    assert all(math.isfinite(p) for p in params)


@pytest.mark.parametrize(("name", "quad_lr", "rosen_lr", "rosen_steps"), TABLE)
def test_deterministic(name: str, quad_lr: float, rosen_lr: float, rosen_steps: int) -> None:
    first = descend(ROSENBROCK, START, optimizer=name, lr=rosen_lr, steps=300)
    second = descend(nablab.parse(ROSENBROCK), list(START), optimizer=name, lr=rosen_lr, steps=300)
    assert np.array_equal(first.path, second.path)
    assert np.array_equal(first.gradients, second.gradients)


@pytest.mark.parametrize("name", ["momentum", "sgd", "rmsprop"])
def test_momentum_zero_is_gradient_descent_step_for_step(name: str) -> None:
    lr = 1e-3 if name != "rmsprop" else None
    plain = descend(ROSENBROCK, START, optimizer="gd" if name != "rmsprop" else "rmsprop", lr=lr,
                    steps=500, tol=0)
    zero = descend(ROSENBROCK, START, optimizer=name, lr=lr, steps=500, tol=0, momentum=0.0)
    assert np.array_equal(plain.path, zero.path)


def test_a_zero_trace_in_the_general_loop_is_gradient_descent() -> None:
    """trace(0) keeps b = g: the general loop then walks exactly the specialised one's path."""
    general = chain(trace(0.0), scale_by_learning_rate(1e-3))
    assert general.linear is None
    a = descend(ROSENBROCK, START, optimizer=general, steps=2000, tol=0)
    b = descend(ROSENBROCK, START, optimizer=gd(1e-3), steps=2000, tol=0)
    assert np.array_equal(a.path, b.path) and np.array_equal(a.gradients, b.gradients)


def test_the_notes_step() -> None:
    """θᵢ ← θᵢ − η ∂L/∂θᵢ on x² + y² from (3, 4) with η = 0.1 gives (2.4, 3.2)."""
    result = nablab.descend("x^2 + y^2", (3, 4), lr=0.1, steps=1)
    assert result.path[1].tolist() == pytest.approx([2.4, 3.2], abs=1e-15)
    assert result.gradients[0].tolist() == [6.0, 8.0]
    assert result.values[:2].tolist() == pytest.approx([25.0, 16.0])


def test_custom_chain_of_blocks() -> None:
    opt: GradientTransformation = chain(trace(0.9), scale_by_learning_rate(1e-3))
    custom = descend(ROSENBROCK, START, optimizer=opt, steps=50, tol=0)
    preset = descend(ROSENBROCK, START, optimizer="momentum", lr=1e-3, steps=50, tol=0)
    assert np.array_equal(custom.path, preset.path)
    assert custom.optimizer == "custom"
