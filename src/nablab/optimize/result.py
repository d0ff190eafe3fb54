"""The result of one descent: the whole trajectory, SciPy's names for the outcome."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np

from nablab.core.expression import Expression
from nablab.i18n import translate
from nablab.optimize.advice import LearningRateAdvice
from nablab.optimize.present import fmt, function_line, shown_rows, vec, write_setup
from nablab.present import Document, Presentable, Writer
from nablab.present.document import Row

#: The ways a descent ends (the loop's codes index them; ``constant``: f is constant, so there
#: is nothing to descend and no step is taken; the last two end Newton's method where the
#: Hessian is singular or not positive definite).
STATUSES = ("max_steps", "converged", "diverged", "constant", "singular",
            "not_positive_definite")
#: Runs longer than this show their first and last steps only.
HEAD, TAIL = 10, 5


def status_message(status: str, steps: int, tol: float, grad_norm: float,
                   lang: str | None = None) -> str:
    """The catalogue's sentence for a descent's outcome."""
    return translate(f"optimize.status.{status}", lang, steps=steps, tol=f"{tol:g}",
                     grad_norm=f"{grad_norm:.3g}")


def thin(count: int, every: int) -> np.ndarray:
    """Indices 0, K, 2K, … of ``count`` rows, always ending with the last one."""
    if every < 1:
        raise ValueError("every must be at least 1")
    index = np.arange(0, count, min(every, max(count, 1)))   # K ≥ 2⁶³ is not an int64
    if count and index[-1] != count - 1:
        index = np.append(index, count - 1)
    return index


def _lengths(rows: np.ndarray) -> np.ndarray:
    """|v| of every row, by hypot, not √Σ²: a finite step beyond 1e154 has a finite length.

    Column by column: the same numbers as ``np.hypot.reduce(rows, axis=1)``, many times
    faster for the few columns a path has.
    """
    out = np.abs(rows[:, 0])
    for column in rows.T[1:]:
        out = np.hypot(out, column)
    return out


def _frozen(array: np.ndarray) -> np.ndarray:
    """A read-only float array: ``array`` itself when it is one already (a descent's own
    arrays, made read-only for its result, are not copied), else a read-only copy."""
    if isinstance(array, np.ndarray) and array.dtype == np.float64 \
            and not array.flags.writeable and array.flags.c_contiguous:
        return array
    array = np.array(array, dtype=float)
    array.flags.writeable = False
    return array


@dataclass(frozen=True, repr=False)
class DescentResult(Presentable):
    """One run of an optimizer, every step recorded (finite numbers only).

    Attributes:
        x: the final point θ_nit.
        fun: f(x).
        jac: ∇f(x).
        nit: the number of updates taken.
        success: whether it converged.
        status: ``"converged"`` (|∇f| < tol), ``"max_steps"`` or ``"diverged"`` (not finite,
            or |θ| > 10¹²: the path stops at the last finite point); ``"constant"`` when f
            is constant (nothing to descend: every point is a minimum; counted a success);
            for Newton's method ``"singular"`` or ``"not_positive_definite"`` (H at the last
            point allows no Newton step: the run stops there).
        message: the outcome in words (the locale's language; :meth:`message_in` for another).
        optimizer: the optimizer's name.
        lr: η (``None`` for a custom optimizer, which holds its own).
        hyper: the other hyper-parameters, defaults included.
        variables: the variables' names, the order of the coordinates.
        path: θ₀ … θ_nit, shape ``(nit + 1, n)``.
        values: f(θ₀) … f(θ_nit).
        gradients: ∇f(θ₀) … ∇f(θ_nit), shape ``(nit + 1, n)``.
        step_sizes: |θ_{k+1} − θ_k| for each update, shape ``(nit,)`` (computed on first use:
            no output needs it).
        tol: the convergence tolerance on |∇f|.
        advice: learning-rate advice from the Hessian, when available.
        expression: f itself (for its name and for pictures).
    """

    x: np.ndarray
    fun: float
    jac: np.ndarray
    nit: int
    success: bool
    status: str
    optimizer: str
    lr: float | None
    hyper: dict[str, Any]
    variables: tuple[str, ...]
    path: np.ndarray = field(repr=False)
    values: np.ndarray = field(repr=False)
    gradients: np.ndarray = field(repr=False)
    tol: float = 1e-8
    advice: LearningRateAdvice | None = None
    expression: Expression | None = field(default=None, repr=False, compare=False)

    @classmethod
    def build(cls, *, path: np.ndarray, values: np.ndarray, gradients: np.ndarray,
              status: str, optimizer: str, lr: float | None, hyper: dict[str, Any],
              variables: tuple[str, ...], tol: float, advice: LearningRateAdvice | None,
              expression: Expression | None = None) -> DescentResult:
        """Assemble a result from the trajectory; every derived field follows from it."""
        return cls(_frozen(path[-1]), float(values[-1]), _frozen(gradients[-1]), len(path) - 1,
                   status in ("converged", "constant"), status, optimizer, lr, dict(hyper),
                   variables, _frozen(path), _frozen(values), _frozen(gradients), tol, advice,
                   expression)

    @cached_property
    def step_sizes(self) -> np.ndarray:
        """|θ_{k+1} − θ_k| for each update, shape ``(nit,)``."""
        path = self.path
        return _frozen(_lengths(np.diff(path, axis=0)) if len(path) > 1 else np.zeros(0))

    @property
    def grad_norm(self) -> float:
        """|∇f(x)|."""
        return math.hypot(*self.jac)

    @property
    def message(self) -> str:
        """The outcome in words, in the locale's language."""
        return self.message_in()

    def message_in(self, lang: str | None = None) -> str:
        """The outcome in words, in ``lang``."""
        return status_message(self.status, self.nit, self.tol, self.grad_norm, lang)

    def point(self) -> dict[str, float]:
        """The final point as ``{variable: value}``."""
        return {name: float(v) for name, v in zip(self.variables, self.x, strict=True)}

    def to_dict(self, every: int = 1, lang: str | None = None) -> dict[str, Any]:
        """The ``--json`` shape; ``every`` keeps every K-th step of ``path`` and ``values``."""
        index = thin(len(self.path), every)
        return {
            "optimizer": self.optimizer, "status": self.status, "steps": self.nit,
            "path": self.path[index].tolist(), "values": self.values[index].tolist(),
            "final": {"point": self.point(), "value": self.fun, "grad_norm": self.grad_norm},
            "variables": list(self.variables), "learning_rate": self.lr,
            "hyper": _plain(self.hyper), "tol": self.tol,
            "message": self.message_in(lang),
            "advice": None if self.advice is None else self.advice.to_dict(),
        }

    def document(self, lang: str | None = None) -> Document:
        """The setup, every step in a table (a long run's middle left out), how it ended."""
        out = Writer()
        if self.expression is not None:
            out.text(function_line(self.expression))
        if self.status == "constant":   # no table of steps: there are none
            out.blank()
            out.heading(self.message_in(lang))
            out.text(f"{translate('optimize.label.final', lang)}: θ = {vec(self.x)}   "
                     f"f = {fmt(self.fun)}   |∇f| = {fmt(self.grad_norm, 3)}")
            return out.document()
        write_setup(out, self.optimizer, self.lr, self.hyper, self.path[0],
                    self.advice, lang)
        out.blank()
        rows: list[Row | str] = []
        count = len(self.path)
        for k in shown_rows(count, HEAD, TAIL):
            if k < 0:
                rows.append("  " + translate("optimize.label.elided", lang,
                                             count=max(0, count - HEAD - TAIL)))
                continue
            update = "" if k + 1 == count else vec(self.path[k + 1] - self.path[k], 4)
            rows.append(Row((str(k), vec(self.path[k]), fmt(float(self.values[k])),
                             vec(self.gradients[k], 4), update)))
        out.table(["k", "θ_k", "f(θ_k)", "∇f(θ_k)", translate("optimize.label.update", lang)],
                  rows, right=(0, 2))
        out.blank()
        out.heading(self.message_in(lang))
        out.text(f"{translate('optimize.label.final', lang)}: θ = {vec(self.x)}   "
                 f"f = {fmt(self.fun)}   |∇f| = {fmt(self.grad_norm, 3)}")
        return out.document()

    def __str__(self) -> str:
        point = ", ".join(f"{k}={v:.6g}" for k, v in self.point().items())
        return f"{self.optimizer}: {self.message}; θ = ({point}), f = {self.fun:.6g}"


def _plain(hyper: dict[str, Any]) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in hyper.items()}


__all__ = ["STATUSES", "DescentResult", "status_message", "thin"]
