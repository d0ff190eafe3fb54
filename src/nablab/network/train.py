r"""``train``: fit a model's parameters to data with any optimizer, full-batch or mini-batch.

Each step evaluates the compiled per-sample partials on a batch of rows, averages them into
∇L(θ), and hands that to an optimizer of :mod:`nablab.optimize` — for plain gradient descent
the notes' rule θᵢ ← θᵢ − η ∂L/∂θᵢ. The parameters travel through the optimizer as one NumPy
array (one *leaf*), so every optimizer's building blocks apply to all of them at once.

>>> result = train("w1*x1 + w2*x2", "example:linear", epochs=200, start="w1=0,w2=0")
>>> {k: round(v, 6) for k, v in result.parameters.items()}
{'w1': 2.0, 'w2': -3.0}
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from nablab.errors import DataError, DomainError, HyperparameterError
from nablab.network.data import Dataset
from nablab.network.examples import load_data
from nablab.network.halves import fixed_block
from nablab.network.kernel import Evaluate, Kernel, block, predictor
from nablab.network.model import Model, bind
from nablab.network.result import TrainResult
from nablab.optimize.optimizers import build
from nablab.optimize.transform import GradientTransformation
from nablab.parse import parse_point

#: The most epochs of one run, and of rows × epochs (the work of one run).
MAX_EPOCHS, MAX_WORK = 100_000, 20_000_000
#: The most optimizer updates, and the most recorded coordinates (epochs × parameters).
UPDATE_LIMIT, MAX_RECORDED = 1_000_000, 10_000_000
#: |θ| beyond this counts as divergence.
BOUND = 1e12
#: Initial parameters are drawn from N(0, INIT_SCALE²) unless a start is given.
INIT_SCALE = 0.5

Start = Mapping[str, Any] | Sequence[float] | str | None


@dataclass(frozen=True)
class History:
    """What the loop produced: θ and L after every epoch, and how it ended."""

    path: np.ndarray
    losses: np.ndarray
    status: str
    grad_norm: float
    steps: int


def train(model: str | Model, data: str | Dataset, *, target: str = "y",
          loss: str | None = None, optimizer: str = "gd", lr: float | None = None,
          epochs: int = 1000, batch_size: int | None = None, seed: int = 0,
          start: Start = None, tol: float = 1e-8,
          callback: Callable[[int], None] | None = None, **hyper: Any) -> TrainResult:
    r"""Train ``model`` on ``data``: minimise L(θ) = (1/N) Σₙ ℓ(ŷₙ, yₙ) over the parameters.

    Args:
        model: the formula (data columns are inputs, other names are parameters), or a
            :class:`~nablab.network.model.Model`.
        data: ``example:linear|logistic|xor``, a CSV path, or a :class:`Dataset`.
        target: the column to predict.
        loss: ``"mse"`` or ``"bce"`` (default: BCE when the model ends in σ, else MSE).
        optimizer: a name from :data:`~nablab.optimize.OPTIMIZERS`; its update rule and
            defaults are ``torch.optim``'s.
        lr: the learning rate η (default: the optimizer's own; 0.1 for ``gd``).
        epochs: passes over the data.
        batch_size: rows per step (default: all of them, full-batch gradient descent);
            mini-batches are drawn from a shuffle of the rows each epoch.
        seed: seeds the initial parameters and the shuffles (same seed, same run).
        start: θ₀ as ``{name: value}``, numbers in parameter order, or ``"w1=0,w2=0"``.
        tol: full batch only: converged when |∇L(θ)| < tol.
        callback: called with the number of epochs done (progress bars).
        **hyper: the optimizer's hyper-parameters (``momentum=0.9``, ``betas=(0.9, 0.99)``).

    Returns:
        The :class:`TrainResult`; status ``converged``, ``max_epochs`` or ``diverged``.

    Raises:
        DataError: bad data (the message names the row and column).
        ModelError: the model does not fit the data.
        HyperparameterError: an optimizer setting or a budget out of range.
        DomainError: L or ∇L is not finite at θ₀.
    """
    dataset = load_data(data)
    bound = model if isinstance(model, Model) else bind(model, dataset.columns, target, loss)
    check_labels(bound, dataset)
    size = batch_rows(batch_size, dataset.rows)
    check_budget(epochs, dataset.rows, size, len(bound.parameters))
    made = build(optimizer, lr, **hyper)
    rng = np.random.default_rng(seed)
    theta = initial(bound, start, rng)
    kernel = Kernel(bound)
    rows = kernel.block(dataset)
    history = run(kernel, made.transformation, theta, rows, epochs, size, tol, rng, callback)
    final = history.path[-1]
    return TrainResult(
        parameters={n: float(v) for n, v in zip(bound.parameter_names, final, strict=True)},
        loss=history.losses, final_loss=float(history.losses[-1]),
        accuracy=accuracy(bound, final, dataset), status=history.status,
        epochs=len(history.losses) - 1, steps=history.steps, grad_norm=history.grad_norm,
        optimizer=made.name, lr=made.lr, hyper=made.hyper,
        batch_size=size, seed=seed, tol=tol, rows=rows.shape[0], model=bound,
        path=history.path, backend=kernel.backend, source=dataset.source, data=dataset)


def run(kernel: Evaluate, opt: GradientTransformation, theta: np.ndarray, rows: np.ndarray,
        epochs: int, size: int, tol: float, rng: np.random.Generator,
        callback: Callable[[int], None] | None = None) -> History:
    """The training loop: one update per batch, L(θ) over all rows after every epoch.

    The whole block is evaluated every epoch, so a large one is shared with a helper process
    (:func:`~nablab.network.halves.fixed_block`).

    Raises:
        DomainError: L or ∇L is not finite at the start.
    """
    with fixed_block(kernel, rows) as evaluate:
        return _loop(evaluate, opt, theta, rows, epochs, size, tol, rng, callback)


def _loop(kernel: Evaluate, opt: GradientTransformation, theta: np.ndarray, rows: np.ndarray,
          epochs: int, size: int, tol: float, rng: np.random.Generator,
          callback: Callable[[int], None] | None) -> History:
    """:func:`run`'s loop, with ``kernel`` evaluating (θ, a block of rows)."""
    loss, grad = kernel(theta, rows)
    norm = _norm(grad)
    if not (math.isfinite(loss) and math.isfinite(norm)):
        raise DomainError("undefined_at_point", what="L(θ₀), ∇L(θ₀)")
    path, losses, state = [theta], [loss], opt.init((theta,))
    status, steps, n = "max_epochs", 0, rows.shape[0]
    for epoch in range(epochs):
        if size >= n:
            if norm < tol:
                status = "converged"
                break
            theta, state = step(opt, state, theta, grad)
            steps += 1
        else:
            theta, state, steps = _epoch(kernel, opt, state, theta, rows[rng.permutation(n)],
                                         size, steps)
        if not _bounded(theta):
            status = "diverged"
            break
        loss, new_grad = kernel(theta, rows)
        new_norm = _norm(new_grad)
        if not (math.isfinite(loss) and math.isfinite(new_norm)):
            status = "diverged"
            break
        grad, norm = new_grad, new_norm
        path.append(theta)
        losses.append(loss)
        if callback is not None and epoch % 256 == 255:
            callback(epoch + 1)
    if status == "max_epochs" and size >= n and norm < tol:
        status = "converged"
    return History(np.array(path), np.array(losses), status, norm, steps)


def step(opt: GradientTransformation, state: Any, theta: np.ndarray,
         grad: np.ndarray) -> tuple[np.ndarray, Any]:
    """θ ← θ + u, u the optimizer's update for ∇L = ``grad`` (a constant multiple: directly)."""
    if opt.linear is not None:
        return theta + opt.linear * grad, state
    updates, state = opt.update((grad,), state, (theta,))
    return theta + updates[0], state


def _epoch(kernel: Evaluate, opt: GradientTransformation, state: Any, theta: np.ndarray,
           shuffled: np.ndarray, size: int, steps: int) -> tuple[np.ndarray, Any, int]:
    """One pass over ``shuffled`` rows in mini-batches of ``size`` (the last may be smaller)."""
    for start in range(0, shuffled.shape[0], size):
        _, grad = kernel(theta, shuffled[start: start + size])
        if not math.isfinite(_norm(grad)):
            return np.full_like(theta, np.nan), state, steps
        theta, state = step(opt, state, theta, grad)
        steps += 1
        if not _bounded(theta):
            break
    return theta, state, steps


def _norm(vector: np.ndarray) -> float:
    """|v|; ``inf`` or ``nan`` when v is not finite (or |v| > 10¹⁵⁴, which is as good)."""
    return math.sqrt(float(vector @ vector))


def _bounded(theta: np.ndarray) -> bool:
    """Finite and within |θ| ≤ :data:`BOUND` (``nan`` fails the comparison)."""
    return bool(float(theta @ theta) <= BOUND * BOUND)


def initial(model: Model, start: Start, rng: np.random.Generator) -> np.ndarray:
    """θ₀: the given start, else N(0, 0.5²) draws from ``rng`` (deterministic per seed).

    Raises:
        ParseError: a start that is not a point of the parameters.
        DomainError: a coordinate that is not a finite number.
    """
    names = model.parameter_names
    if start is None:
        return rng.normal(0.0, INIT_SCALE, size=len(names))
    if isinstance(start, str):
        start = parse_point(start, names)
    if isinstance(start, Mapping):
        if sorted(start) != sorted(names):
            raise ValueError(f"start needs exactly the parameters {names}, got {sorted(start)}")
        start = [start[n] for n in names]
    if len(start) != len(names):
        raise ValueError(f"start needs {len(names)} values ({', '.join(names)})")
    try:
        theta = np.array([float(v) for v in start], dtype=float)
    except TypeError as exc:
        raise DomainError("undefined_at_point", what="θ₀") from exc
    if not np.isfinite(theta).all():
        raise DomainError("undefined_at_point", what="θ₀")
    return theta


def check_labels(model: Model, data: Dataset) -> None:
    """BCE needs targets y ∈ [0, 1] (a probability); the error names the first bad row.

    Raises:
        DataError: ``data_bad_label``.
    """
    if model.loss != "bce":
        return
    y = data.column(model.target[1])
    bad = np.flatnonzero((y < 0) | (y > 1))
    if bad.size:
        raise DataError("data_bad_label", row=int(bad[0]) + 1, column=model.target[1],
                        value=f"{y[bad[0]]:g}")


def batch_rows(batch_size: int | None, rows: int) -> int:
    """The batch size, checked: 1 … rows (``None``: all rows)."""
    if batch_size is None:
        return rows
    if isinstance(batch_size, bool) or not isinstance(batch_size, (int, np.integer)) \
            or batch_size < 1:
        raise HyperparameterError("bad_batch_size", value=batch_size)
    return min(int(batch_size), rows)


def check_budget(epochs: int, rows: int, size: int, parameters: int) -> None:
    """Refuse runs beyond the caps on epochs, rows × epochs, updates and the recorded path.

    Raises:
        HyperparameterError: ``bad_epochs`` or ``train_too_large``.
    """
    if isinstance(epochs, bool) or not isinstance(epochs, (int, np.integer)) \
            or not 1 <= epochs <= MAX_EPOCHS:
        raise HyperparameterError("bad_epochs", value=epochs, limit=MAX_EPOCHS)
    updates = epochs * -(-rows // size)
    if epochs * rows > MAX_WORK or updates > UPDATE_LIMIT or epochs * parameters > MAX_RECORDED:
        raise HyperparameterError("train_too_large", epochs=epochs, rows=rows,
                                  work=MAX_WORK, steps=UPDATE_LIMIT)


def accuracy(model: Model, theta: np.ndarray, data: Dataset) -> float | None:
    """Share classified right: class 1 when p = σ(z) ≥ ½ (BCE) or ŷ ≥ ½ (0/1 targets, MSE)."""
    y = data.column(model.target[1])
    binary = bool(np.isin(y, (0.0, 1.0)).all())
    if model.loss != "bce" and not binary:
        return None
    values = predictor(model)(theta, block(model, data))
    threshold = 0.0 if model.loss == "bce" else 0.5
    predicted = (values >= threshold).astype(float)
    if model.loss == "bce" and not binary:
        return float(np.mean(predicted == (y >= 0.5)))
    return float(np.mean(predicted == y))


__all__ = ["BOUND", "MAX_EPOCHS", "MAX_RECORDED", "UPDATE_LIMIT", "MAX_WORK", "History",
           "accuracy", "batch_rows", "check_budget", "check_labels", "initial",
           "run", "step", "train"]
