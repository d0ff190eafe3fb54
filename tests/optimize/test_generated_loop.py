"""The generated descent loop against the blocks' own ``update``, bit for bit."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest

import nablab
from nablab.numeric import compile
from nablab.optimize import _loop
from nablab.optimize.optimizers import build
from nablab.optimize.transform import chain, scale_by_learning_rate, trace

CASES: list[tuple[str, dict[str, Any]]] = [
    ("gd", {"lr": 5e-4}),
    ("sgd", {"lr": 1e-4, "momentum": 0.5, "dampening": 0.3, "weight_decay": 0.1}),
    ("momentum", {"lr": 1e-4}),
    ("nesterov", {"lr": 1e-4, "weight_decay": 0.01}),
    ("adagrad", {"lr": 0.1, "lr_decay": 0.01, "initial_accumulator_value": 0.5,
                 "weight_decay": 0.1}),
    ("rmsprop", {"lr": 1e-4}),
    ("rmsprop", {"lr": 1e-4, "centered": True, "momentum": 0.5, "weight_decay": 0.2}),
    ("adam", {"lr": 1e-3}),
    ("adam", {"lr": 1e-3, "amsgrad": True, "weight_decay": 0.1}),
]
ROSENBROCK = compile(nablab.parse("(1 - x)^2 + 100(y - x^2)^2"))


@pytest.mark.parametrize(("name", "hyper"), CASES)
def test_generated_loop_is_the_blocks_update(name: str, hyper: dict[str, Any]) -> None:
    opt = build(name, **hyper).transformation
    assert opt.kernels is not None
    fast = _loop.run(ROSENBROCK, opt, (-1.5, 2.0), 600, 1e-8)
    general = _loop.run(ROSENBROCK, opt._replace(kernels=None), (-1.5, 2.0), 600, 1e-8)
    assert fast.code == general.code
    assert np.array_equal(fast.path, general.path)


def test_state_carries_over_chunks() -> None:
    """Progress reports split the run into chunks: the optimizer's state goes on between them."""
    opt = build("adam", 1e-3).transformation
    whole = _loop.run(ROSENBROCK, opt, (-1.5, 2.0), 45_000, 0.0)
    chunked = _loop.run(ROSENBROCK, opt, (-1.5, 2.0), 45_000, 0.0, callback=lambda done: None)
    assert np.array_equal(whole.path, chunked.path)


def test_gradient_that_cannot_be_inlined_is_called(monkeypatch: pytest.MonkeyPatch) -> None:
    """When the gradient's ``math`` code cannot be inlined, the loop calls a gradient function."""
    opt = chain(trace(0.9), scale_by_learning_rate(1e-4))
    assert opt.kernels is not None and len(opt.kernels) == 2
    inlined = _loop.run(ROSENBROCK, opt, (-1.5, 2.0), 300, 1e-8)
    monkeypatch.setattr(_loop, "scalar_gradient",
                        lambda compiled, start: (compiled.grad_scalar, False))
    called = _loop.run(ROSENBROCK, opt, (-1.5, 2.0), 300, 1e-8)
    assert np.array_equal(inlined.path, called.path)


def test_close_is_numpys_allclose() -> None:
    values = [0.0, 1.0, -1.0, 1e-13, 1 + 1e-10, 1 + 1e-8, float("inf"), -float("inf"),
              float("nan"), 1e300]
    for a in values:
        for b in values:
            expected = bool(np.allclose(a, b, rtol=1e-9, atol=1e-12, equal_nan=True))
            assert _loop._close([a], [b]) is expected, (a, b)


def test_out_of_bound_run_stops_at_the_last_point_inside() -> None:
    """|θ| > 10¹² is divergence, checked on the recorded path: the path ends just before."""
    result = nablab.descend("x + y", (0, 0), lr=1e10, steps=10_000)
    assert result.status == "diverged" and result.nit == 70
    assert np.hypot(*result.x) <= _loop.BOUND < np.hypot(*(result.x - 1e10))


@pytest.mark.parametrize(("text", "start", "lr"), [
    ("x^2 + y^2", (3.0, 4.0), 0.1),           # converges: |∂f/∂x| < tol first, then |∇f|
    ("x^2 + 10y^2", (3.0, 4.0), 0.05),        # converges through a zero crossing of ∂f/∂y
    ("10x + sqrt(y)", (1.0, 1.0), 1.0),       # leaves the domain of √ while ∂f/∂x = 10
    ("10x + e^(y^2)", (0.5, 2.0), 1.0),       # ∂f/∂y overflows while ∂f/∂x stays 10
    ("x + y^(1/3)", (1.0, 1.0), 3.0),         # ∂f/∂y turns complex while ∂f/∂x stays 1
    ("x^2 + y^(1/3)", (1.0, 1.0), 1.5),
])
@pytest.mark.parametrize("name", ["gd", "momentum", "adam"])
def test_stops_where_the_checks_of_every_step_stop(text: str, start: tuple[float, float],
                                                  lr: float, name: str) -> None:
    """The generated loop checks |∇f| only when |∂f/∂θ₁| < tol and leaves non-finite (or
    complex) gradients to the recorded path: it ends where the general loop, which checks
    everything at every step, ends."""
    compiled = compile(nablab.parse(text))
    opt = build(name, lr).transformation
    fast = _loop.run(compiled, opt, start, 2000, 1e-8)
    general = _loop.run(compiled, opt._replace(kernels=None), start, 2000, 1e-8)
    assert fast.code == general.code
    assert np.array_equal(fast.path, general.path)
    assert np.array_equal(fast.gradients, general.gradients)


@pytest.mark.parametrize("decay", [0.9, 0.0, -0.5, 1.5])
@pytest.mark.parametrize("nesterov", [False, True])
def test_first_momentum_step_is_the_gradient_itself(decay: float, nesterov: bool) -> None:
    """torch's b₁ = g₁, a zero's sign included, with or without the branch on step 1."""
    opt = trace(decay, nesterov=nesterov)
    g = (-0.0, 0.0, 2.5, -3.0)
    updates, state = opt.update(g, opt.init((1.0,) * 4), (1.0,) * 4)
    assert [math.copysign(1.0, b) for b in state.trace] == [math.copysign(1.0, v) for v in g]
    assert state.trace == g and state.steps == 1
    if not nesterov:
        assert updates == g
