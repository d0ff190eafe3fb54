"""The result of training a layered network: its weight matrices, the loss and accuracy per
epoch, the formulas with their shapes, the gradient sizes at the start, one sample explained."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from nablab.core.printing import symbol_display
from nablab.i18n import translate
from nablab.i18n.width import cell_width
from nablab.network.data import Dataset
from nablab.network.examples import example_name
from nablab.network.layered import formulas
from nablab.network.layered.architecture import Architecture
from nablab.network.layered.backprop import Forward, forward
from nablab.network.layered.explain import SampleTrace
from nablab.network.layered.present import explain_lines, matrix_text, vector_text
from nablab.network.layered.vanishing import LayerSize
from nablab.network.result import HEAD, TAIL, TrainingOutcome
from nablab.optimize.present import fmt, optimizer_line, shown_rows
from nablab.present import Document, Presentable, Writer
from nablab.present.document import Row

#: Matrices with more rows or columns than this are left to ``--json`` in the text.
SHOWN_SIZE = 8


@dataclass(frozen=True, eq=False, repr=False)
class LayeredResult(TrainingOutcome, Presentable):
    """One training run of a layered network (SciPy's names as :class:`TrainResult`).

    Attributes:
        parameters: the final θ, one entry per coordinate, ``{"W1[1,2]": value, …}``.
        weights: the final matrices ``{"W1": (n₁ × n₀), "b1": (n₁ × 1), …}``.
        loss: L(θ) at the start and after each epoch.
        final_loss: ``loss[-1]``.
        accuracies: the share classified right at the start and after each epoch (``None``
            for regression).
        accuracy: ``accuracies[-1]`` (or ``None``).
        status, epochs, steps, grad_norm, optimizer, lr, hyper, batch_size, seed, tol, rows:
            as :class:`~nablab.network.result.TrainResult`.
        network: the :class:`Architecture` (widths, activations, loss; θ's layout).
        inputs: the input columns, in order; target: the predicted column.
        path: θ at the start and after each epoch, shape ``(epochs + 1, P)``; the matrices of
            epoch k are ``network.unpack(path[k])`` (or :meth:`weights_at`).
        gradient_sizes: |∂L/∂W⁽ˡ⁾| per layer at θ₀.
        explained: sample K's numbers at θ₀ (``--explain-sample``), else ``None``.
        source, data: where the data came from, and the data.
    """

    parameters: dict[str, float]
    weights: dict[str, np.ndarray] = field(repr=False)
    loss: np.ndarray = field(repr=False)
    final_loss: float
    accuracies: np.ndarray | None = field(repr=False)
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
    network: Architecture
    inputs: tuple[str, ...]
    target: str
    path: np.ndarray = field(repr=False)
    gradient_sizes: list[LayerSize] = field(repr=False)
    explained: SampleTrace | None = field(default=None, repr=False)
    source: str = ""
    data: Dataset | None = field(default=None, repr=False)
    backend: str = "numpy"

    @property
    def layers(self) -> tuple[int, ...]:
        """The widths n₀ … n_L."""
        return self.network.layers

    @property
    def x(self) -> np.ndarray:
        """The final θ, flat (SciPy's name)."""
        return self.path[-1].copy()

    def theta(self, epoch: int | None = None) -> np.ndarray:
        """θ after ``epoch`` epochs (0: the start; ``None``: the end), flat."""
        return self.path[-1 if epoch is None else epoch]

    def weights_at(self, epoch: int | None = None) -> dict[str, np.ndarray]:
        """``{"W1": …, "b1": …}`` after ``epoch`` epochs (0: θ₀; ``None``: the end)."""
        return self.network.matrices(self.theta(epoch))

    def passes(self, x: np.ndarray, epoch: int | None = None) -> Forward:
        """The forward pass of the rows ``x`` (N × n₀) at epoch ``epoch``: ``.z``, ``.a``."""
        with np.errstate(all="ignore"):
            return forward(self.network, self.theta(epoch), np.asarray(x, dtype=float))

    def predict(self, x: np.ndarray, epoch: int | None = None) -> np.ndarray:
        """ŷ for each row of ``x`` (N × n₀): the probability of class 1 with a sigmoid output."""
        return self.passes(x, epoch).output

    def hidden(self, x: np.ndarray, layer: int = 1, epoch: int | None = None) -> np.ndarray:
        """a⁽ˡ⁾ for each row of ``x``, shape (N × n_l): the hidden units' outputs."""
        return self.passes(x, epoch).a[layer]

    def formulas(self) -> dict[str, Any]:
        """The model and both passes in matrix form, with shapes (``--json``'s ``formulas``)."""
        return formulas.to_dict(self.network)

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """The ``--json`` shape: the single layer's keys, plus ``layers``, ``weights``,
        ``activation``, ``output``, ``accuracy_per_epoch``, ``formulas``,
        ``gradient_sizes`` and ``explain_sample``."""
        net = self.network
        names = net.names
        return {
            "parameters": dict(self.parameters), "loss": self.loss.tolist(),
            "final_loss": self.final_loss,
            "gradient_formulas": {n: line.math.unicode.split(" = ", 1)[1]
                                  for n, line in zip(_gradient_order(names),
                                                     _gradient_lines(net), strict=True)},
            "accuracy": self.accuracy, "status": self.status, "message": self.message_in(lang),
            "epochs": self.epochs, "steps": self.steps, "grad_norm": self.grad_norm,
            "model": formulas.model(net).unicode, "inputs": list(self.inputs),
            "target": self.target, "loss_function": net.loss, "optimizer": self.optimizer,
            "learning_rate": self.lr,
            "hyper": {k: list(v) if isinstance(v, tuple) else v for k, v in self.hyper.items()},
            "batch_size": self.batch_size, "seed": self.seed, "rows": self.rows,
            "data": self.source,
            "chain_rule": {n: {"outer": f"δ{formulas.sup(n[1:])}",
                               "inner": (f"a{formulas.sup(int(n[1:]) - 1)}ᵀ"
                                         if n[0] == "W" else "1")} for n in names},
            "backend": self.backend,
            "layers": list(net.layers),
            "weights": {k: v.tolist() for k, v in self.weights.items()},
            "activation": net.activation, "output": net.output,
            "accuracy_per_epoch": None if self.accuracies is None else self.accuracies.tolist(),
            "formulas": self.formulas(),
            "gradient_sizes": [s.to_dict() for s in self.gradient_sizes],
            "explain_sample": None if self.explained is None else self.explained.to_dict(),
        }

    def document(self, lang: str | None = None) -> Document:
        """The network, both passes with shapes, gradient sizes, training, the weights."""
        def t(key: str, **params: Any) -> str:
            return translate(key, lang, **params)

        net = self.network
        out = Writer()
        widths = "-".join(map(str, net.layers))
        out.heading(t("layered.label.model", widths=widths, activation=net.activation,
                      output=net.output) if net.depth > 1 else
                    t("layered.label.one_layer", widths=widths, output=net.output))
        out.formula(formulas.model(net))
        shapes = ", ".join(f"{_symbol(n)} {formulas.shape(*net.shape(n))}" for n in net.names)
        out.text(t("layered.label.setup", rows=self.rows, inputs=", ".join(
            symbol_display(n) for n in self.inputs), target=self.target, count=net.size,
            shapes=shapes))
        out.text(t(f"layered.loss.{net.loss}"))
        self._passes(out, t)
        self._sizes(out, t)
        if self.explained is not None:
            out.blank()
            out.heading(t("layered.explain.title", index=self.explained.index,
                          x=vector_text(self.explained.x), y=fmt(self.explained.y, 4)))
            out.texts(explain_lines(net, self.explained, lang))
        self._training(out, lang)
        out.blank()
        out.heading(self.message_in(lang))
        out.text(t("layered.label.weights"))
        for name, value in self.weights.items():
            out.text(f"{_symbol(name)} = {matrix_text(value)}" if max(value.shape) <= SHOWN_SIZE
                     else t("layered.label.weights_in_json", name=_symbol(name),
                            shape=formulas.shape(*value.shape)), 2)
        out.text(f"{t('network.label.final_loss')}: L = {fmt(self.final_loss)}")
        if self.accuracy is not None:
            out.text(t("network.label.accuracy", percent=f"{100 * self.accuracy:.1f}"))
        if example_name(self.source) == "xor" and self.accuracy == 1.0 and net.depth > 1:
            out.text(t("layered.xor_learned"))
        elif self.accuracy is not None and self.accuracy < 1.0 and net.depth > 1:
            wider = [net.layers[0], *(2 * w for w in net.layers[1:-1]), net.layers[-1]]
            out.text(t("layered.stuck", wider=",".join(map(str, wider))))
        return out.document()

    def _passes(self, out: Writer, t: Any) -> None:
        net = self.network
        for title, rule, lines in (("forward", formulas.FORWARD_RULE, formulas.forward(net)),
                                   ("backward", formulas.BACKWARD_RULE,
                                    formulas.backward(net))):
            out.blank()
            out.heading(t(f"layered.label.{title}"))
            out.formula(rule)
            width = max(cell_width(line.math.unicode) for line in lines)
            out.texts(line.math.unicode + " " * (width - cell_width(line.math.unicode) + 3)
                      + line.shape + (f" = {line.factors}" if line.factors else "")
                      for line in lines)
        out.text(t("layered.label.mean_gradient", rows=self.rows), 2)

    def _sizes(self, out: Writer, t: Any) -> None:
        net = self.network
        out.blank()
        out.heading(t("layered.label.gradient_sizes"))
        rows = [Row((str(s.layer), fmt(s.weight, 4), "-" if s.ratio is None else
                     fmt(s.ratio, 4), "-" if s.slope is None else fmt(s.slope, 4),
                     fmt(s.bound, 4))) for s in self.gradient_sizes]
        out.table([t("layered.label.layer"), "|∂L/∂W⁽ˡ⁾|", "÷ |∂L/∂W⁽ᴸ⁾|",
                   t("layered.label.mean_slope"), t("layered.label.bound")], rows,
                  right=(0, 1, 2, 3, 4), indent=2)
        out.text(t(f"layered.vanishing.{net.activation}"), 2)

    def _training(self, out: Writer, lang: str | None) -> None:
        def t(key: str, **params: Any) -> str:
            return translate(key, lang, **params)

        out.blank()
        batch = t("network.label.full_batch") if self.batch_size >= self.rows else \
            t("network.label.mini_batch", size=self.batch_size, seed=self.seed)
        out.text(f"{optimizer_line(self.optimizer, lang)}    η = {fmt(self.lr)}; {batch}")
        count = len(self.loss)
        header = [t("network.label.epoch"), "L(θ)"]
        if self.accuracies is not None:
            header.append(t("layered.label.accuracy"))
        rows: list[Row | str] = []
        for k in shown_rows(count, HEAD, TAIL):
            if k < 0:
                rows.append("  " + t("network.label.elided", count=max(0, count - HEAD - TAIL)))
                continue
            cells = [str(k), fmt(float(self.loss[k]))]
            if self.accuracies is not None:
                cells.append(f"{100 * self.accuracies[k]:.1f}%")
            rows.append(Row(tuple(cells)))
        out.table(header, rows, right=tuple(range(len(header))))

    def __str__(self) -> str:
        accuracy = "" if self.accuracy is None else f", accuracy {100 * self.accuracy:.1f}%"
        return f"{self.message}; layers {'-'.join(map(str, self.layers))}, " \
               f"L = {self.final_loss:.6g}{accuracy}"


def _symbol(name: str) -> str:
    """``W1`` → ``W⁽¹⁾``."""
    return f"{name[0]}{formulas.sup(name[1:])}"


def _gradient_order(names: tuple[str, ...]) -> list[str]:
    """The parameter names in the order :func:`_gradient_lines` gives their formulas."""
    out: list[str] = []
    for layer in range(len(names) // 2, 0, -1):
        out += [f"W{layer}", f"b{layer}"]
    return out


def _gradient_lines(net: Architecture) -> list[formulas.Line]:
    """∂ℓ/∂W⁽ˡ⁾ and ∂ℓ/∂b⁽ˡ⁾ lines of the backward pass (not the δ lines), output first."""
    return [line for line in formulas.backward(net) if line.math.unicode.startswith("∂ℓ/∂")]


__all__ = ["SHOWN_SIZE", "LayeredResult"]
