"""``nablab.train``: a formula model (:func:`nablab.network.train.train`) or, with ``layers``,
a network with hidden layers (:func:`nablab.network.layered.train_layered`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, overload

from nablab.errors import UsageError
from nablab.network.data import Dataset
from nablab.network.layered import LayeredResult, train_layered
from nablab.network.model import Model
from nablab.network.result import TrainResult
from nablab.network.train import Start
from nablab.network.train import train as train_model


@overload
def train(model: str | Model | None = None, data: str | Dataset | None = None, *,
          layers: None = None, **settings: Any) -> TrainResult: ...


@overload
def train(model: str | Model | None = None, data: str | Dataset | None = None, *,
          layers: str | Sequence[int], **settings: Any) -> LayeredResult: ...


def train(model: str | Model | None = None, data: str | Dataset | None = None, *,
          layers: str | Sequence[int] | None = None, activation: str | None = None,
          output: str | None = None, explain_sample: int | None = None, target: str = "y",
          loss: str | None = None, optimizer: str = "gd", lr: float | None = None,
          epochs: int = 1000, batch_size: int | None = None, seed: int = 0,
          start: Start = None, tol: float = 1e-8,
          callback: Callable[[int], None] | None = None,
          **hyper: Any) -> TrainResult | LayeredResult:
    r"""Train ``model`` on ``data``, or a network of widths ``layers``: minimise
    L(θ) = (1/N) Σₙ ℓ(ŷₙ, yₙ) over the weights and biases.

    Args:
        model: the formula (data columns are inputs, other names are parameters), or a
            :class:`~nablab.network.model.Model`; leave it out with ``layers``.
        data: ``example:linear|logistic|xor|circles``, a CSV path, or a :class:`Dataset`.
        layers: widths n₀, …, n_L of a network with hidden layers (``[2, 2, 1]``), instead of
            a model; then ``activation`` (``tanh``, ``sigmoid``, ``relu``; default tanh),
            ``output`` (``sigmoid``, ``linear``) and ``explain_sample`` (K) apply
            (:func:`~nablab.network.layered.train_layered`), ``start`` does not.
        target, loss, optimizer, lr, epochs, batch_size, seed, start, tol, callback, **hyper:
            see :func:`nablab.network.train.train`.

    Returns:
        A :class:`~nablab.network.result.TrainResult`, or a
        :class:`~nablab.network.layered.LayeredResult` with ``layers``.

    Raises:
        UsageError: ``layered_with_model`` (both a model and layers), ``layered_only``
            (a layers-only setting without layers), ``train_needs_model``.

    >>> train(data="example:xor", layers=[2, 2, 1], seed=1).accuracy
    1.0
    """
    if data is None:
        raise UsageError(detail="the following arguments are required: data")
    if layers is None:
        for name, value in (("--activation", activation), ("--output", output),
                            ("--explain-sample", explain_sample)):
            if value is not None:
                raise UsageError("layered_only", option=name)
        if model is None:
            raise UsageError("train_needs_model")
        return train_model(model, data, target=target, loss=loss, optimizer=optimizer, lr=lr,
                           epochs=epochs, batch_size=batch_size, seed=seed, start=start,
                           tol=tol, callback=callback, **hyper)
    if model is not None:
        raise UsageError("layered_with_model")
    if start is not None:
        raise UsageError("layered_no_start")
    return train_layered(data, layers, activation=activation or "tanh", output=output,
                         target=target, loss=loss, optimizer=optimizer, lr=lr, epochs=epochs,
                         batch_size=batch_size, seed=seed, tol=tol,
                         explain_sample=explain_sample, callback=callback, **hyper)


__all__ = ["train"]
