r"""``sweep``: thousands of descents at once — every learning rate from every start point.

All runs step together, vectorised over NumPy arrays: one compiled gradient evaluated on all
runs per step, never a Python loop per run. The report answers what a learner asks of an
optimizer on a surface: how often it converges, how fast, from which η on it diverges, and
which minimum each start point reaches (the basins of attraction).

>>> import numpy as np, nablab
>>> result = nablab.sweep("x^2 + y^2", lr=[0.1, 1.5], starts=np.array([[3.0, 4.0]]))
>>> result.status.tolist()
[['converged'], ['diverged']]
"""

from __future__ import annotations

import importlib.util
import math
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from nablab.core.expression import Expression
from nablab.errors import HyperparameterError, UnsupportedError
from nablab.i18n import translate
from nablab.numeric import compile
from nablab.optimize._batch import run_batch
from nablab.optimize._loop import BOUND
from nablab.optimize.descent import check_budget, evaluate
from nablab.optimize.optimizers import OPTIMIZERS, build, check_hyperparameter
from nablab.optimize.present import fmt, function_line, optimizer_line, vec
from nablab.optimize.result import STATUSES
from nablab.parse import parse
from nablab.parse.point import point_names
from nablab.present import Document, Presentable, Writer

#: The most runs in one sweep.
MAX_RUNS = 1_000_000
#: The most run-steps (runs × steps) in one sweep.
MAX_WORK = 2_000_000_000
#: Basin maps wider than this are not drawn in text.
MAP_WIDTH = 100
#: Where the runs can be computed: NumPy (always), JAX (the ``nablab[jax]`` extra).
BACKENDS = ("numpy", "jax")
#: The optimizers the JAX back end runs (those that multiply ∇f by a constant).
JAX_OPTIMIZERS = ("gd", "sgd")
#: The letters that name the minima on the basin map.
SYMBOLS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass(frozen=True)
class Minimum:
    """A point where converged runs ended (a cluster of them), and what kind it is."""

    point: tuple[float, ...]
    value: float
    kind: str
    runs: int

    def to_dict(self, variables: Sequence[str]) -> dict[str, Any]:
        return {"point": dict(zip(variables, self.point, strict=True)), "value": _num(self.value),
                "kind": self.kind, "runs": self.runs}


@dataclass(frozen=True, repr=False)
class SweepResult(Presentable):
    """Every run of a sweep, shaped ``(learning rates, starts)``, and what they add up to.

    Attributes:
        optimizer, lrs, hyper, variables, steps, tol: what was run.
        starts: the start points, shape ``(m, n)``; ``axes`` the grid they came from, if any.
        final: final points, shape ``(L, m, n)``; ``fun`` f there (``nan`` if undefined).
        nit: updates taken; ``status``: ``"converged"``, ``"max_steps"`` or ``"diverged"``.
        minima: where converged runs ended, clustered and classified by the Hessian.
        labels: which of ``minima`` each run reached (−1: none), shape ``(L, m)``.
        seconds: how long the sweep took.
        expression: f itself (for its name and for pictures).
    """

    optimizer: str
    lrs: np.ndarray
    hyper: dict[str, Any]
    variables: tuple[str, ...]
    steps: int
    tol: float
    starts: np.ndarray = field(repr=False)
    axes: tuple[np.ndarray, ...] | None = field(repr=False)
    final: np.ndarray = field(repr=False)
    fun: np.ndarray = field(repr=False)
    nit: np.ndarray = field(repr=False)
    status: np.ndarray = field(repr=False)
    minima: tuple[Minimum, ...] = ()
    labels: np.ndarray = field(repr=False, default_factory=lambda: np.zeros((0, 0), int))
    seconds: float = 0.0
    expression: Expression | None = field(default=None, repr=False, compare=False)

    @property
    def runs(self) -> int:
        return int(self.status.size)

    def fraction(self, status: str, row: int | None = None) -> float:
        """The fraction of runs (at learning rate ``row``, or all) with ``status``."""
        part = self.status if row is None else self.status[row]
        return float(np.mean(part == status)) if part.size else 0.0

    def median_steps(self, row: int | None = None) -> float | None:
        """The median number of steps of the runs that converged (``None`` if none did)."""
        part = (self.status, self.nit) if row is None else (self.status[row], self.nit[row])
        steps = part[1][part[0] == "converged"]
        return float(np.median(steps)) if steps.size else None

    def divergence_boundary(self) -> tuple[float | None, float | None]:
        """(largest η below the first one where a run diverged, that first η)."""
        diverging = [i for i in range(len(self.lrs))
                     if self.fraction("diverged", i) > 0]
        if not diverging:
            return float(self.lrs[-1]), None
        first = diverging[0]
        below = float(self.lrs[first - 1]) if first > 0 else None
        return below, float(self.lrs[first])

    def best_row(self) -> int:
        """The learning rate that converged most often (ties: fewer steps)."""
        def key(i: int) -> tuple[float, float]:
            median = self.median_steps(i)
            return (-self.fraction("converged", i), math.inf if median is None else median)
        return min(range(len(self.lrs)), key=key)

    def to_dict(self) -> dict[str, Any]:
        """The ``--json`` shape: the summary, per learning rate, minima, and the basin map."""
        below, first = self.divergence_boundary()
        best = self.best_row()
        return {
            "optimizer": self.optimizer, "runs": self.runs, "steps": self.steps, "tol": self.tol,
            "variables": list(self.variables), "hyper": _plain(self.hyper),
            "converged_fraction": self.fraction("converged"),
            "diverged_fraction": self.fraction("diverged"),
            "median_steps": self.median_steps(),
            "divergence": {"stable_lr": below, "diverges_from_lr": first},
            "by_lr": [{"lr": float(lr), "converged": self.fraction("converged", i),
                       "diverged": self.fraction("diverged", i),
                       "median_steps": self.median_steps(i)}
                      for i, lr in enumerate(self.lrs)],
            "minima": [m.to_dict(self.variables) for m in self.minima],
            "basins": {"lr": float(self.lrs[best]),
                       "shape": None if self.axes is None else [len(a) for a in self.axes],
                       "labels": self.labels[best].tolist(),
                       "status": self.status[best].tolist()},
            "seconds": self.seconds,
            "constant": self.constant,
        }

    @property
    def constant(self) -> bool:
        """Whether f is constant: nothing to descend, every run stays where it starts."""
        return self.expression is not None and self.expression.is_constant

    def document(self, lang: str | None = None) -> Document:
        """The summary, the outcome per learning rate, the minima reached, the basin map."""
        def t(key: str, **params: Any) -> str:
            return translate(key, lang, **params)

        rates = self.lrs
        out = Writer()
        if self.expression is not None:
            out.text(function_line(self.expression))
        out.text(optimizer_line(self.optimizer, lang))
        if self.constant:
            out.blank()
            out.heading(t("optimize.status.constant"))
            return out.document()
        out.text(t("cli.sweep.size", runs=self.runs, rates=len(rates), low=fmt(rates[0]),
                   high=fmt(rates[-1]), starts=self.runs // len(rates), steps=self.steps,
                   seconds=f"{self.seconds:.2f}"))
        out.blank()
        median = self.median_steps()
        out.heading(t("cli.sweep.summary", converged=_percent(self.fraction("converged")),
                      diverged=_percent(self.fraction("diverged")),
                      median="—" if median is None else fmt(median)))
        stable, first = self.divergence_boundary()
        if first is None:
            out.text(t("cli.sweep.no_divergence", high=fmt(rates[-1])))
        else:
            out.text(t("cli.sweep.boundary", stable="—" if stable is None else fmt(stable),
                       first=fmt(first)))
        out.blank()
        rows = []
        for i, rate in enumerate(rates):
            median = self.median_steps(i)
            rows.append([fmt(rate, 4), _percent(self.fraction("converged", i)),
                         _percent(self.fraction("diverged", i)),
                         "—" if median is None else fmt(median)])
        out.table(["η", t("optimize.status_word.converged"), t("optimize.status_word.diverged"),
                   t("cli.sweep.median")], rows, right=range(4))
        out.blank()
        self._write_minima(out, lang)
        self._write_basins(out, lang)
        return out.document()

    def _write_minima(self, out: Writer, lang: str | None) -> None:
        if not self.minima:
            out.text(translate("cli.sweep.no_minima", lang))
            return
        out.heading(translate("cli.sweep.minima", lang))
        for i, m in enumerate(self.minima):
            value = "—" if not math.isfinite(m.value) else fmt(m.value, 4)
            out.text(f"{_symbol(i)}  θ = {vec(m.point, 5)}   f = {value}   "
                     f"{translate('cli.sweep.kind.' + m.kind, lang)}   "
                     f"{translate('cli.sweep.runs', lang, runs=m.runs)}", 2)

    def _write_basins(self, out: Writer, lang: str | None) -> None:
        """Which minimum each start reaches, as letters on the start grid (2 variables)."""
        if self.axes is None or len(self.axes) != 2 or len(self.axes[0]) > MAP_WIDTH:
            return
        best = self.best_row()
        shape = (len(self.axes[0]), len(self.axes[1]))
        labels = self.labels[best].reshape(shape)
        status = self.status[best].reshape(shape)
        out.blank()
        out.heading(translate("cli.sweep.basins", lang, lr=fmt(float(self.lrs[best]),
                                                              4)))
        for j in reversed(range(shape[1])):
            out.text("".join(_cell(int(labels[i, j]), str(status[i, j]))
                             for i in range(shape[0])), 2)
        out.text(translate("cli.sweep.legend", lang))


def sweep(f: Expression | str, *, optimizer: str = "gd",
          lr: float | Sequence[float] | np.ndarray = 0.1,
          starts: np.ndarray | Mapping[str, Sequence[float] | np.ndarray], steps: int = 1000,
          tol: float = 1e-8, callback: Callable[[int], None] | None = None,
          backend: str = "numpy", **hyper: Any) -> SweepResult:
    """Run ``optimizer`` with every learning rate in ``lr`` from every start point.

    Args:
        f: the function.
        optimizer: a name from :data:`~nablab.optimize.optimizers.OPTIMIZERS`.
        lr: one learning rate or several (sorted ascending in the result).
        starts: start points, shape ``(m, n)``, or ``{variable: values}`` for the grid of
            every combination (the basin map follows the grid).
        steps, tol, **hyper: as for :func:`~nablab.optimize.descent.descend`.
        callback: called with the step number after each step (once, at the end, on JAX).
        backend: ``"numpy"`` (the default) or ``"jax"`` — the same runs as one ``jit(vmap)``
            loop on JAX (``pip install nablab[jax]``; gd and sgd only), results equal to
            float64 rounding.
    """
    began = time.perf_counter()
    check_backend(backend, optimizer)
    expression = parse(f)
    expression.require_numeric("sweep")
    if expression.is_constant and not expression.variables:   # 5: the starts name them
        expression = expression.with_variables(
            tuple(str(k) for k in starts) if isinstance(starts, Mapping)
            else point_names(",".join("0" for _ in range(
                np.shape(starts)[-1] if np.ndim(starts) > 1 else 1))))
    compiled = compile(expression)
    names = expression.variable_names
    points, axes = _starts(starts, names)
    evaluate(expression, points[0])
    rates = np.sort(np.atleast_1d(np.asarray(lr, dtype=float)))
    for rate in rates:
        check_hyperparameter("lr", rate)
    made = build(optimizer, None, **hyper)
    _check_size(len(rates) * len(points), steps, tol)
    count = len(points)
    make = OPTIMIZERS[optimizer]
    per_run, origins = np.repeat(rates, count), np.tile(points, (len(rates), 1))
    if backend == "jax":
        from nablab.optimize._jax import run_jax

        linear = np.broadcast_to(make(per_run, **made.hyper).linear, per_run.shape)
        outcome = run_jax(compiled.variables, compiled.gradient_exprs, linear, origins, steps,
                          tol)
        if callback is not None:
            callback(steps)
    else:
        outcome = run_batch(compiled.grad_columns, lambda r: make(r, **made.hyper), per_run,
                            origins, steps, tol, callback)
    final = outcome.final.reshape(len(rates), count, len(names))
    fun = np.asarray(compiled.f(*final.reshape(-1, len(names)).T), dtype=float).reshape(
        len(rates), count)
    codes = outcome.status.reshape(len(rates), count)
    codes[~np.isfinite(fun)] = STATUSES.index("diverged")
    status = _names(codes)
    minima, labels = _minima(expression, final, status, fun, points)
    return SweepResult(optimizer, rates, made.hyper, names, steps, tol, points, axes, final, fun,
                       outcome.nit.reshape(len(rates), count), status, minima,
                       labels, time.perf_counter() - began, expression)


def check_backend(backend: str, optimizer: str) -> None:
    """Raise the catalogue's error unless ``backend`` can run ``optimizer`` here."""
    if backend == "numpy":
        return
    if backend not in BACKENDS:
        raise HyperparameterError("unknown_backend", name=backend, known=", ".join(BACKENDS))
    if not _installed("jax"):
        raise UnsupportedError("backend_missing", backend=backend, extra=backend)
    if optimizer not in JAX_OPTIMIZERS:
        raise UnsupportedError("backend_optimizer", backend=backend, optimizer=optimizer,
                               known=", ".join(JAX_OPTIMIZERS))


def _installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):   # a blocked or half-removed module
        return False


def _starts(starts: np.ndarray | Mapping[str, Sequence[float] | np.ndarray],
            names: tuple[str, ...]) -> tuple[np.ndarray, tuple[np.ndarray, ...] | None]:
    if not names:
        raise UnsupportedError("no_variables")
    if isinstance(starts, Mapping):
        axes = tuple(np.asarray(starts[n], dtype=float).reshape(-1) for n in names)
        grid = np.meshgrid(*axes, indexing="ij")
        points = np.stack([g.reshape(-1) for g in grid], axis=1)
    else:
        axes, points = None, np.asarray(starts, dtype=float).reshape(-1, len(names))
    if not np.isfinite(points).all() or (np.abs(points) > BOUND).any():
        raise HyperparameterError(name="starts", value="…")
    return points, axes


def _names(codes: np.ndarray) -> np.ndarray:
    """The status names of ``codes`` as a string array as wide as the longest name present
    (what ``astype(str)`` of the names would give, without a Python object per run): the
    names of the codes absent are left empty in the table."""
    count = np.bincount(codes.ravel(), minlength=len(STATUSES))
    return np.array([name if n else "" for name, n in zip(STATUSES, count, strict=True)])[codes]


def _check_size(runs: int, steps: int, tol: float) -> None:
    check_budget(steps, tol)
    if not 0 < runs <= MAX_RUNS or runs * steps > MAX_WORK:
        raise HyperparameterError("too_many_runs", runs=runs, steps=steps, limit=MAX_RUNS,
                                  work=f"{MAX_WORK:.0e}")


def _minima(expression: Expression, final: np.ndarray, status: np.ndarray, fun: np.ndarray,
            starts: np.ndarray) -> tuple[tuple[Minimum, ...], np.ndarray]:
    """Cluster the converged end points; classify each cluster by the Hessian's signs."""
    labels = np.full(status.shape, -1)
    done = status == "converged"
    if not done.any():
        return (), labels
    span = float(np.max(np.ptp(starts, axis=0))) if len(starts) > 1 else 1.0
    cluster = _cluster(final[done], 1e-3 * max(1.0, span))
    labels[done] = cluster
    hess = compile(expression).hess
    minima = []
    for c in range(int(cluster.max()) + 1):
        members = final[done][cluster == c]
        centre = np.median(members, axis=0)
        value = float(np.median(fun[done][cluster == c]))
        minima.append(Minimum(tuple(float(v) for v in centre), value,
                              _kind(np.asarray(hess(*centre), dtype=float)), len(members)))
    return tuple(minima), labels


def _cluster(points: np.ndarray, radius: float) -> np.ndarray:
    """Labels 0, 1, … grouping points closer than ~``radius`` (cells, then merged neighbours)."""
    cells, inverse = np.unique(np.round(points / radius), axis=0, return_inverse=True)
    parent = list(range(len(cells)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(len(cells)):
        near = np.flatnonzero(np.max(np.abs(cells[i + 1:] - cells[i]), axis=1) <= 2) + i + 1
        for j in near:
            parent[root(int(j))] = root(i)
    roots = np.array([root(i) for i in range(len(cells))])
    _, compact = np.unique(roots, return_inverse=True)
    return compact[inverse.reshape(-1)]


def _kind(hessian: np.ndarray) -> str:
    if not np.isfinite(hessian).all():
        return "flat"
    eigenvalues = np.linalg.eigvalsh(hessian)
    small = 1e-6 * (1 + float(np.max(np.abs(eigenvalues))))
    if eigenvalues[0] > small:
        return "minimum"
    if eigenvalues[-1] < -small:
        return "maximum"
    if eigenvalues[0] < -small < small < eigenvalues[-1]:
        return "saddle"
    return "flat"


def _percent(value: float) -> str:
    return f"{100 * value:.1f}%"


def _symbol(index: int) -> str:
    return SYMBOLS[index] if index < len(SYMBOLS) else "+"


def _cell(label: int, status: str) -> str:
    if status == "diverged":
        return "×"
    return "·" if label < 0 else _symbol(label)


def _num(value: float) -> float | None:
    return float(value) if math.isfinite(value) else None


def _plain(hyper: dict[str, Any]) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in hyper.items()}


__all__ = ["BACKENDS", "JAX_OPTIMIZERS", "MAX_RUNS", "MAX_WORK", "Minimum", "SweepResult",
           "check_backend", "sweep"]
