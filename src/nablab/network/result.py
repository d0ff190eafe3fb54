"""The result of training: final parameters, the loss per epoch, and how it ended."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from nablab.i18n import translate
from nablab.network.model import Model

#: The three ways training ends.
STATUSES = ("converged", "max_epochs", "diverged")


def status_message(status: str, epochs: int, tol: float, lang: str | None = None) -> str:
    """The catalogue's sentence for how training ended."""
    return translate(f"network.status.{status}", lang, epochs=epochs, tol=f"{tol:g}")


@dataclass(frozen=True, eq=False)
class TrainResult:
    """One training run (finite numbers only: a run that blows up stops at its last finite θ).

    Attributes:
        parameters: the final θ, ``{name: value}``.
        loss: L(θ) at the start and after each epoch, ``loss[k]`` after epoch k.
        final_loss: ``loss[-1]``.
        accuracy: the share of samples classified right (BCE, or targets that are all 0 or 1;
            class 1 when p = σ(z) ≥ ½, resp. ŷ ≥ ½), else ``None``.
        status: ``"converged"`` (full batch, |∇L| < tol), ``"max_epochs"`` or ``"diverged"``.
        epochs: the epochs run; steps: the optimizer updates taken.
        grad_norm: |∇L(θ)| over the whole data at the final θ.
        optimizer, learning_rate, hyper: the optimizer and its hyper-parameters.
        batch_size, seed, tol: the other settings.
        model: the bound model (formulas, chain rule).
        path: θ at the start and after each epoch, shape ``(epochs + 1, P)``.
        backend: what evaluated the gradient, ``"llvm"`` (SymEngine) or ``"numpy"``.
        source: where the data came from (a file, or ``example:NAME``).
    """

    parameters: dict[str, float]
    loss: np.ndarray = field(repr=False)
    final_loss: float
    accuracy: float | None
    status: str
    epochs: int
    steps: int
    grad_norm: float
    optimizer: str
    learning_rate: float
    hyper: dict[str, Any]
    batch_size: int
    seed: int
    tol: float
    rows: int
    model: Model = field(repr=False)
    path: np.ndarray = field(repr=False)
    backend: str = "llvm"
    source: str = ""

    @property
    def success(self) -> bool:
        return self.status != "diverged"

    def message(self, lang: str | None = None) -> str:
        return status_message(self.status, self.epochs, self.tol, lang)

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """The ``--json`` shape (``parameters``, ``loss``, ``final_loss``,
        ``gradient_formulas``, ``accuracy``, and the settings)."""
        model = self.model
        return {
            "parameters": dict(self.parameters), "loss": self.loss.tolist(),
            "final_loss": self.final_loss, "gradient_formulas": model.gradient_formulas(),
            "accuracy": self.accuracy, "status": self.status,
            "message": self.message(lang), "epochs": self.epochs, "steps": self.steps,
            "grad_norm": self.grad_norm, "model": model.expression.source,
            "inputs": list(model.input_names), "target": model.target[1],
            "loss_function": model.loss, "optimizer": self.optimizer,
            "learning_rate": self.learning_rate,
            "hyper": {k: list(v) if isinstance(v, tuple) else v for k, v in self.hyper.items()},
            "batch_size": self.batch_size, "seed": self.seed, "rows": self.rows,
            "data": self.source,
            "chain_rule": {name: {"outer": outer, "inner": inner}
                           for name, (outer, inner) in model.chain_rule(plain=True).items()},
            "backend": self.backend,
        }

    def __str__(self) -> str:
        values = ", ".join(f"{k}={v:.6g}" for k, v in self.parameters.items())
        return f"{self.message()}; θ = ({values}), L = {self.final_loss:.6g}"


__all__ = ["STATUSES", "TrainResult", "status_message"]
