r"""``train_layered``: a network with hidden layers, trained by backpropagation in matrix form.

The parameters W⁽¹⁾, b⁽¹⁾, … travel as one flat vector θ (:mod:`.architecture`), so the loop,
the mini-batches, the statuses and every optimizer are those of the single-layer
:func:`nablab.network.train.run`; only the evaluation of L(θ) and ∇L(θ) differs: the forward
and backward passes of :mod:`.backprop` instead of a compiled formula.

>>> result = train_layered("example:xor", [2, 2, 1], seed=1)
>>> result.accuracy
1.0
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from nablab.errors import DataError, HyperparameterError, ModelError
from nablab.network.data import Dataset
from nablab.network.examples import load_data
from nablab.network.layered.architecture import Architecture, architecture, check_cells
from nablab.network.layered.backprop import LayeredKernel, forward
from nablab.network.layered.explain import trace
from nablab.network.layered.result import LayeredResult
from nablab.network.layered.vanishing import gradient_sizes
from nablab.network.train import batch_rows, check_budget, run
from nablab.optimize.optimizers import build

#: The most multiply-adds of one run, epochs × rows × parameters (a run's work).
MAX_LAYERED_WORK = 4_000_000_000


def train_layered(data: str | Dataset, layers: str | Sequence[int], *,
                  activation: str = "tanh", output: str | None = None, target: str = "y",
                  loss: str | None = None, optimizer: str = "gd", lr: float | None = None,
                  epochs: int = 1000, batch_size: int | None = None, seed: int = 0,
                  tol: float = 1e-8, explain_sample: int | None = None,
                  callback: Callable[[int], None] | None = None,
                  **hyper: Any) -> LayeredResult:
    r"""Train a network with the widths ``layers`` on ``data`` by backpropagation.

    Args:
        data: ``example:xor|circles|…``, a CSV path, or a :class:`Dataset`; every column but
            the target is an input, in order (there must be ``layers[0]`` of them).
        layers: the widths n₀, n₁, …, n_L (``"2,2,1"`` or ``[2, 2, 1]``), n_L = 1.
        activation: g of the hidden layers: ``tanh``, ``sigmoid`` or ``relu``.
        output: ``sigmoid`` or ``linear`` (default: sigmoid when every target is in [0, 1]).
        target: the column to predict.
        loss: ``bce`` (sigmoid output only) or ``mse`` (default: BCE with a sigmoid output).
        optimizer, lr, epochs, batch_size, seed, tol, callback, **hyper: as for
            :func:`nablab.train`; the seed draws θ₀ (Glorot uniform weights, zero biases) and
            the shuffles.
        explain_sample: K (1 … N): keep sample K's forward and backward numbers at θ₀.

    Returns:
        The :class:`LayeredResult`.

    Raises:
        HyperparameterError: bad widths, activation, sizes, budgets or settings.
        ModelError: ``layered_inputs`` when n₀ is not the number of input columns.
        DataError: bad data, or BCE targets outside [0, 1].
    """
    dataset = load_data(data)
    y = dataset.column(target)
    net = _network(layers, activation, output, loss, y)
    inputs = tuple(c for c in dataset.columns if c != target)
    if len(inputs) != net.layers[0]:
        raise ModelError("layered_inputs", width=net.layers[0], count=len(inputs),
                         columns=", ".join(inputs) or "-")
    _check_labels(net, y, target)
    size = batch_rows(batch_size, dataset.rows)
    check_budget(epochs, dataset.rows, size, net.size)
    check_cells(net, dataset.rows)
    if epochs * dataset.rows * net.size > MAX_LAYERED_WORK:
        raise HyperparameterError("layered_too_much_work", epochs=epochs, rows=dataset.rows,
                                  parameters=net.size, limit=f"{MAX_LAYERED_WORK:.0e}")
    made = build(optimizer, lr, **hyper)
    rng = np.random.default_rng(seed)
    theta = net.initial(rng)
    x = np.ascontiguousarray(np.column_stack([dataset.column(c) for c in inputs]))
    rows = np.ascontiguousarray(np.column_stack([x, y]))
    explained = None if explain_sample is None else trace(net, theta, x, y, explain_sample)
    sizes = gradient_sizes(net, theta, x, y)
    history = run(LayeredKernel(net), made.transformation, theta, rows, epochs, size, tol,
                  rng, callback)
    final = history.path[-1]
    accuracies = accuracy_path(net, history.path, x, y)
    return LayeredResult(
        parameters={n: float(v) for n, v in zip(net.parameter_names, final, strict=True)},
        weights=net.matrices(final), loss=history.losses,
        final_loss=float(history.losses[-1]), accuracies=accuracies,
        accuracy=None if accuracies is None else float(accuracies[-1]),
        status=history.status, epochs=len(history.losses) - 1, steps=history.steps,
        grad_norm=history.grad_norm, optimizer=made.name, lr=made.lr, hyper=made.hyper,
        batch_size=size, seed=seed, tol=tol, rows=dataset.rows, network=net,
        inputs=inputs, target=target, path=history.path, gradient_sizes=sizes,
        explained=explained, source=dataset.source, data=dataset)


def _network(layers: str | Sequence[int], activation: str, output: str | None,
             loss: str | None, y: np.ndarray) -> Architecture:
    """The architecture; the output is a sigmoid unless the targets leave [0, 1]."""
    if output is None:
        unit = bool(np.all((y >= 0) & (y <= 1)))
        output = "sigmoid" if unit or loss == "bce" else "linear"
    return architecture(layers, activation, output, loss)


def _check_labels(net: Architecture, y: np.ndarray, target: str) -> None:
    """BCE needs targets in [0, 1]; the error names the first bad row."""
    if net.loss != "bce":
        return
    bad = np.flatnonzero((y < 0) | (y > 1))
    if bad.size:
        raise DataError("data_bad_label", row=int(bad[0]) + 1, column=target,
                        value=f"{y[bad[0]]:g}")


def accuracy_path(net: Architecture, path: np.ndarray, x: np.ndarray,
                  y: np.ndarray) -> np.ndarray | None:
    """The share classified right at each θ of ``path`` (class 1 when ŷ ≥ ½); ``None`` for
    a linear output whose targets are not all 0 or 1 (regression)."""
    binary = bool(np.isin(y, (0.0, 1.0)).all())
    if net.output == "linear" and not binary:
        return None
    truth = y >= 0.5
    out = np.empty(path.shape[0])
    with np.errstate(all="ignore"):
        for index, theta in enumerate(path):
            out[index] = np.mean((forward(net, theta, x).output >= 0.5) == truth)
    return out


__all__ = ["MAX_LAYERED_WORK", "accuracy_path", "train_layered"]
