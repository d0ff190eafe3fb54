"""Layered backprop against independent oracles: torch.autograd, central differences, and
torch.optim stepping the same network (float64 throughout)."""

from __future__ import annotations

import os
from typing import Any

import numpy as np
import pytest

from nablab.network import Dataset
from nablab.network.layered import LayeredKernel, architecture, train_layered

if os.environ.get("CI"):
    import torch
else:
    torch = pytest.importorskip("torch")

#: Random networks: widths, hidden activation, output, loss.
NETWORKS = [
    ((2, 2, 1), "tanh", "sigmoid", "bce"),
    ((3, 5, 4, 1), "sigmoid", "sigmoid", "bce"),
    ((2, 6, 1), "relu", "linear", "mse"),
    ((1, 3, 3, 3, 1), "tanh", "linear", "mse"),
    ((4, 3, 1), "sigmoid", "sigmoid", "mse"),
    ((1, 1, 1, 1, 1, 1), "sigmoid", "sigmoid", "bce"),
]


def _problem(widths: tuple[int, ...], output: str, seed: int,
             rows: int = 17) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(rows, widths[0]))
    y = rng.uniform(0, 1, size=rows) if output == "sigmoid" else rng.normal(size=rows)
    theta = rng.normal(0, 0.8, size=architecture(widths).size)
    return x, y, theta


def _torch_loss(net: Any, theta: Any, x: np.ndarray, y: np.ndarray) -> Any:
    """L(θ) written with torch's own layers: nn.functional.linear, its activations and losses."""
    f = torch.nn.functional
    a = torch.tensor(x)
    target = torch.tensor(y)
    offset = 0
    for layer, (m, n) in enumerate(zip(net.layers, net.layers[1:], strict=False), start=1):
        weight = theta[offset: offset + n * m].reshape(n, m)
        bias = theta[offset + n * m: offset + n * m + n]
        offset += n * m + n
        z = f.linear(a, weight, bias)
        if layer < net.depth:
            a = {"tanh": torch.tanh, "sigmoid": torch.sigmoid, "relu": torch.relu}[
                net.activation](z)
    z = z[:, 0]
    if net.loss == "bce":
        return f.binary_cross_entropy_with_logits(z, target)
    out = torch.sigmoid(z) if net.output == "sigmoid" else z
    return f.mse_loss(out, target)


@pytest.mark.parametrize(("widths", "activation", "output", "loss"), NETWORKS)
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_gradient_equals_torch_autograd(widths: tuple[int, ...], activation: str, output: str,
                                        loss: str, seed: int) -> None:
    net = architecture(widths, activation, output, loss)
    x, y, theta = _problem(widths, output, seed)
    value, grad = LayeredKernel(net)(theta, np.column_stack([x, y]))
    t = torch.tensor(theta, requires_grad=True)
    expected = _torch_loss(net, t, x, y)
    expected.backward()
    assert value == pytest.approx(float(expected.detach()), rel=1e-13)
    np.testing.assert_allclose(grad, t.grad.numpy(), rtol=1e-12, atol=1e-15)


def _central(f: Any, theta: np.ndarray, h: float = 1e-3) -> np.ndarray:
    """Fourth-order central differences: (−f(θ+2h) + 8f(θ+h) − 8f(θ−h) + f(θ−2h)) / 12h."""
    out = np.empty_like(theta)
    for i in range(theta.size):
        e = np.zeros_like(theta)
        e[i] = h
        out[i] = (-f(theta + 2 * e) + 8 * f(theta + e) - 8 * f(theta - e) + f(theta - 2 * e)) \
            / (12 * h)
    return out


@pytest.mark.parametrize(("widths", "activation", "output", "loss"),
                         [n for n in NETWORKS if n[1] != "relu"])
@pytest.mark.parametrize("seed", [3, 4])
def test_gradient_equals_central_differences(widths: tuple[int, ...], activation: str,
                                             output: str, loss: str, seed: int) -> None:
    """To 1e-10 relative to |∇L| (relu's kink is left to the torch check)."""
    net = architecture(widths, activation, output, loss)
    x, y, theta = _problem(widths, output, seed)
    kernel = LayeredKernel(net)
    rows = np.column_stack([x, y])
    _, grad = kernel(theta, rows)
    numeric = _central(lambda t: kernel(t, rows)[0], theta)
    assert np.max(np.abs(numeric - grad)) <= 1e-10 * np.max(np.abs(grad))


def test_relu_gradient_away_from_the_kink_equals_central_differences() -> None:
    net = architecture((2, 6, 1), "relu", "linear", "mse")
    x, y, theta = _problem((2, 6, 1), "linear", 7)
    kernel = LayeredKernel(net)
    rows = np.column_stack([x, y])
    z = x @ net.unpack(theta)[0][0].T + net.unpack(theta)[0][1]
    assert np.min(np.abs(z)) > 0.02   # no z within the differences' reach of 0
    _, grad = kernel(theta, rows)
    numeric = _central(lambda t: kernel(t, rows)[0], theta, h=1e-4)
    assert np.max(np.abs(numeric - grad)) <= 1e-9 * np.max(np.abs(grad))


#: Our optimizer, torch's class, its options, the learning rate.
OPTIMIZERS: list[tuple[str, str, dict[str, Any], dict[str, Any], float]] = [
    ("gd", "SGD", {}, {}, 0.5),
    ("momentum", "SGD", {}, {"momentum": 0.9}, 0.1),
    ("nesterov", "SGD", {}, {"momentum": 0.9, "nesterov": True}, 0.1),
    ("sgd", "SGD", {"momentum": 0.5, "dampening": 0.2, "weight_decay": 0.01},
     {"momentum": 0.5, "dampening": 0.2, "weight_decay": 0.01}, 0.1),
    ("adagrad", "Adagrad", {}, {}, 0.1),
    ("rmsprop", "RMSprop", {"momentum": 0.5, "centered": True},
     {"momentum": 0.5, "centered": True}, 0.01),
    ("adam", "Adam", {}, {}, 0.05),
    ("adam", "Adam", {"amsgrad": True, "betas": (0.8, 0.99)},
     {"amsgrad": True, "betas": (0.8, 0.99)}, 0.05),
]


@pytest.mark.parametrize(("ours", "theirs", "hyper", "options", "lr"), OPTIMIZERS)
def test_optimizers_step_like_torch_optim(ours: str, theirs: str, hyper: dict[str, Any],
                                          options: dict[str, Any], lr: float) -> None:
    """Eight full-batch steps of a 2-3-2-1 tanh network: the same θ after every step as
    torch.optim on torch's own layers (W and b as separate tensors, as torch keeps them)."""
    data = Dataset(("x1", "x2", "y"), np.array(
        [[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0], [0.5, -1, 1]], dtype=float))
    result = train_layered(data, [2, 3, 2, 1], optimizer=ours, lr=lr, epochs=8, seed=3,
                           tol=0, **hyper)
    net = result.network
    tensors = [torch.tensor(a.copy(), requires_grad=True)
               for pair in net.unpack(result.path[0]) for a in pair]
    opt = getattr(torch.optim, theirs)(tensors, lr=lr, **options)
    x, y = data.values[:, :2], data.values[:, 2]
    for step in range(1, 9):
        opt.zero_grad()
        flat = torch.cat([t.reshape(-1) for t in tensors])
        _torch_loss(net, flat, x, y).backward()
        opt.step()
        theirs_now = np.concatenate([t.detach().numpy().ravel() for t in tensors])
        np.testing.assert_allclose(result.path[step], theirs_now, rtol=1e-11, atol=1e-13)
