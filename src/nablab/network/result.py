"""The result of training: final parameters, the loss per epoch, and how it ended."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from nablab.core.printing import symbol_display, to_unicode
from nablab.i18n import translate
from nablab.network.data import Dataset
from nablab.network.examples import example_name
from nablab.network.model import Model
from nablab.optimize.present import fmt, optimizer_line, shown_rows
from nablab.present import Document, Presentable, Writer
from nablab.present.document import Row

#: The three ways training ends.
STATUSES = ("converged", "max_epochs", "diverged")
#: Epochs shown at the start and the end of the loss table.
HEAD, TAIL = 8, 4
#: Parameters whose chain rule is written out; longer formulas are cut.
SHOWN_PARAMETERS, FORMULA_CHARS = 8, 110


def status_message(status: str, epochs: int, tol: float, lang: str | None = None) -> str:
    """The catalogue's sentence for how training ended."""
    return translate(f"network.status.{status}", lang, epochs=epochs, tol=f"{tol:g}")


class TrainingOutcome:
    """SciPy's names for how a training run ended (``fun``, ``nit``, ``success``,
    ``message``), shared by :class:`TrainResult` and the layered networks' result."""

    final_loss: float
    steps: int
    status: str
    epochs: int
    tol: float

    @property
    def fun(self) -> float:
        """L at the final θ (SciPy's name for ``final_loss``)."""
        return self.final_loss

    @property
    def nit(self) -> int:
        """The optimizer updates taken (SciPy's name for ``steps``)."""
        return self.steps

    @property
    def success(self) -> bool:
        """Whether training converged (|∇L| < tol), as SciPy's ``success``."""
        return self.status == "converged"

    @property
    def message(self) -> str:
        """How training ended, in words, in the locale's language."""
        return self.message_in()

    def message_in(self, lang: str | None = None) -> str:
        """How training ended, in words, in ``lang``."""
        return status_message(self.status, self.epochs, self.tol, lang)


@dataclass(frozen=True, eq=False, repr=False)
class TrainResult(TrainingOutcome, Presentable):
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
        optimizer, lr, hyper: the optimizer and its hyper-parameters.
        batch_size, seed, tol: the other settings.
        model: the bound model (formulas, chain rule).
        path: θ at the start and after each epoch, shape ``(epochs + 1, P)``.
        backend: what evaluated the gradient, ``"llvm"`` (SymEngine) or ``"numpy"``.
        source: where the data came from (a file, or ``example:NAME``).
        data: the data trained on (for pictures).
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
    lr: float
    hyper: dict[str, Any]
    batch_size: int
    seed: int
    tol: float
    rows: int
    model: Model = field(repr=False)
    path: np.ndarray = field(repr=False)
    backend: str = "llvm"
    source: str = ""
    data: Dataset | None = field(default=None, repr=False)

    @property
    def x(self) -> np.ndarray:
        """The final θ, in parameter order (SciPy's name; ``parameters`` names them)."""
        return np.array(list(self.parameters.values()))

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """The ``--json`` shape (``parameters``, ``loss``, ``final_loss``,
        ``gradient_formulas``, ``accuracy``, and the settings)."""
        model = self.model
        return {
            "parameters": dict(self.parameters), "loss": self.loss.tolist(),
            "final_loss": self.final_loss, "gradient_formulas": model.gradient_formulas(),
            "accuracy": self.accuracy, "status": self.status,
            "message": self.message_in(lang), "epochs": self.epochs, "steps": self.steps,
            "grad_norm": self.grad_norm, "model": model.expression.source,
            "inputs": list(model.input_names), "target": model.target[1],
            "loss_function": model.loss, "optimizer": self.optimizer,
            "learning_rate": self.lr,
            "hyper": {k: list(v) if isinstance(v, tuple) else v for k, v in self.hyper.items()},
            "batch_size": self.batch_size, "seed": self.seed, "rows": self.rows,
            "data": self.source,
            "chain_rule": {name: {"outer": outer, "inner": inner}
                           for name, (outer, inner) in model.chain_rule(plain=True).items()},
            "backend": self.backend,
        }

    def chain_lines(self, lang: str | None = None) -> list[str]:
        """∂ℓ/∂θ = ∂ℓ/∂ŷ · ∂ŷ/∂θ = … = (multiplied out), one line per parameter (the first
        few)."""
        model = self.model
        wrt = "z" if model.loss == "bce" else "ŷ"
        lines = []
        rules = list(model.chain_rule().items())
        for (name, (outer, inner)), full in list(zip(rules, model.gradients(),
                                                     strict=True))[:SHOWN_PARAMETERS]:
            shown = symbol_display(name)
            lines.append(_cut(f"∂ℓ/∂{shown} = ∂ℓ/∂{wrt} · ∂{wrt}/∂{shown} = "
                              f"{_factor(outer)} · {_factor(inner)} = {to_unicode(full)}"))
        if len(rules) > SHOWN_PARAMETERS:
            lines.append(translate("network.label.more_parameters", lang,
                                   count=len(rules) - SHOWN_PARAMETERS))
        return lines

    def document(self, lang: str | None = None) -> Document:
        """The model and its loss, ∂ℓ/∂θ by the chain rule, the loss per epoch, the end."""
        def t(key: str, **params: Any) -> str:
            return translate(key, lang, **params)

        model = self.model
        out = Writer()
        out.heading(t("network.label.model") + f": ŷ = {model.expression.unicode}")
        out.text(t("network.label.setup", rows=self.rows,
                   inputs=", ".join(symbol_display(n) for n in model.input_names) or "-",
                   target=model.target[1],
                   parameters=", ".join(symbol_display(n) for n in model.parameter_names)))
        out.text(t(f"network.loss.{model.loss}"))
        if model.loss == "bce":
            out.text(t("network.label.logit", logit=to_unicode(model.inner)), 2)
        out.blank()
        out.heading(t("network.label.chain_rule"))
        out.texts(self.chain_lines(lang))
        out.text(t("network.label.mean_gradient", rows=self.rows,
                   backend=t(f"network.backend.{self.backend}")), 2)
        out.blank()
        batch = t("network.label.full_batch") if self.batch_size >= self.rows else \
            t("network.label.mini_batch", size=self.batch_size, seed=self.seed)
        out.text(f"{optimizer_line(self.optimizer, lang)}    η = {fmt(self.lr)}; "
                 f"{batch}")
        count = len(self.loss)
        rows: list[Row | str] = []
        for k in shown_rows(count, HEAD, TAIL):
            rows.append("  " + t("network.label.elided", count=max(0, count - HEAD - TAIL))
                        if k < 0 else Row((str(k), fmt(float(self.loss[k])))))
        out.table([t("network.label.epoch"), "L(θ)"], rows, right=(0, 1))
        out.blank()
        out.heading(self.message_in(lang))
        values = ", ".join(f"{symbol_display(k)} = {fmt(v)}" for k, v in self.parameters.items())
        out.text(f"{t('network.label.parameters')}: {values}")
        out.text(f"{t('network.label.final_loss')}: L = {fmt(self.final_loss)}")
        if self.accuracy is not None:
            out.text(t("network.label.accuracy", percent=f"{100 * self.accuracy:.1f}"))
        if example_name(self.source) == "xor":
            out.text(t("network.xor_note"))
        return out.document()

    def __str__(self) -> str:
        values = ", ".join(f"{k}={v:.6g}" for k, v in self.parameters.items())
        return f"{self.message}; θ = ({values}), L = {self.final_loss:.6g}"


def _cut(text: str) -> str:
    return text if len(text) <= FORMULA_CHARS else text[: FORMULA_CHARS - 1] + "…"


def _factor(text: str) -> str:
    """A factor of a product, bracketed when it is a sum at its top level."""
    depth = 0
    for index, char in enumerate(text):
        depth += (char == "(") - (char == ")")
        if depth == 0 and index and char in "+−" and text[index - 1] == " ":
            return f"({text})"
    return text


__all__ = ["STATUSES", "TrainResult", "TrainingOutcome", "status_message"]
