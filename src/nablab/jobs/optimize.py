"""The optimizer jobs: ``descend`` (one run), ``race`` (several side by side), ``sweep`` (many
learning rates from many starts at once)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from nablab.errors import UsageError
from nablab.jobs import convert
from nablab.jobs.convert import PointLike
from nablab.jobs.request import FunctionRequest, Progress, Request, option
from nablab.optimize import (
    DESCENT_OPTIMIZERS,
    OPTIMIZERS,
    DescentResult,
    RaceResult,
    SweepResult,
    descend,
    race,
    sweep,
)
from nablab.optimize.sweep import BACKENDS
from nablab.parse.point import point_names

if TYPE_CHECKING:
    from nablab.plot.picture import Picture

#: Points per axis of the start grid when a range gives no count.
DEFAULT_COUNT = 20
#: The default number of steps of a run.
STEPS = 1000


def steps_option() -> Any:
    return option(STEPS, "--steps", help="cli.opt.steps", metavar="N", kind="integer",
                  help_params={"default": STEPS})


def tol_option() -> Any:
    return option(1e-8, "--tol", help="cli.opt.tol", metavar="TOL", kind="number")


def momentum_option() -> Any:
    return option(None, "--momentum", help="cli.opt.momentum", metavar="MU", kind="number")


def betas_option() -> Any:
    return option(None, "--betas", help="cli.opt.betas", metavar="B1,B2", kind="numbers")


def eps_option() -> Any:
    return option(None, "--eps", help="cli.opt.eps", metavar="EPS", kind="number")


def optimizer_option(second_order: bool = False) -> Any:
    """``--optimizer``; Newton's method (it needs f's Hessian) only where one f is descended."""
    return option("gd", "--optimizer", help="cli.opt.optimizer", kind="choice",
                  choices=tuple(DESCENT_OPTIMIZERS if second_order else OPTIMIZERS))


def start_option() -> Any:
    return option(None, "--start", help="cli.opt.start", metavar="POINT", kind="numbers",
                  required=True)


def every_option() -> Any:
    return option(1, "--every", help="cli.opt.every", metavar="K", kind="integer")


def hyper(request: Any) -> dict[str, Any]:
    """The hyper-parameters given (and only those): momentum, eps, betas."""
    out: dict[str, Any] = {}
    if request.momentum is not None:
        out["momentum"] = request.momentum
    if request.eps is not None:
        out["eps"] = request.eps
    betas = convert.pair(request.betas, "--betas")
    if betas is not None:
        out["betas"] = betas
    return out


def counted(progress: Progress | None, total: int) -> Callable[[int], None] | None:
    """The library's ``callback(done)`` for a ``progress(done, total)``."""
    if progress is None:
        return None
    return lambda done: progress(done, total)


@dataclass(frozen=True)
class Hyper(Request):
    """What jobs that run an optimizer share: its hyper-parameters, and a progress bar."""

    progress_label = "optimize.label.progress"

    def __post_init__(self) -> None:
        super().__post_init__()
        hyper(self)   # --betas is checked when the request is made

    def hyper(self) -> dict[str, Any]:
        return hyper(self)


@dataclass(frozen=True)
class _Runs(Hyper, FunctionRequest):
    """The function, the run's length and the hyper-parameters (descend, race, sweep)."""

    steps: int = steps_option()
    tol: float = tol_option()
    momentum: float | None = momentum_option()
    betas: str | Sequence[float] | None = betas_option()
    eps: float | None = eps_option()


@dataclass(frozen=True)
class _FromStart(_Runs):
    """One start point, and which steps the JSON keeps (descend, race)."""

    start: PointLike = start_option()
    every: int = every_option()


@dataclass(frozen=True)
class DescendRequest(_FromStart):
    """``nablab descend``: one optimizer from one start, every step recorded."""

    command = "descend"
    animates = True

    optimizer: str = optimizer_option(second_order=True)
    lr: float | None = option(None, "--lr", help="cli.opt.lr", metavar="ETA", kind="number")

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.every < 1:
            raise UsageError("bad_every", value=self.every)

    def run(self, progress: Progress | None = None) -> DescentResult:
        expression = self.function()
        start = convert.point(expression, self.start)
        return descend(expression, start, optimizer=self.optimizer, lr=self.lr,
                       steps=self.steps, tol=self.tol, callback=counted(progress, self.steps),
                       **self.hyper())

    def to_json(self, result: DescentResult, lang: str) -> dict[str, Any]:
        return result.to_dict(self.every, lang)

    def picture(self, result: DescentResult) -> Picture:
        """The path over the contours and f(θ_k); the surface page; the animation."""
        from nablab.plot.descent import descent_picture

        return descent_picture(result)


@dataclass(frozen=True)
class RaceRequest(_FromStart):
    """``nablab race``: several optimizers from the same start, side by side."""

    command = "race"
    animates = True

    optimizers: str | Sequence[str] = option("gd,momentum,adam", "--optimizers",
                                             help="cli.opt.optimizers", metavar="NAMES")
    lr: str | float | Sequence[float] | None = option(None, "--lr", help="cli.opt.race_lr",
                                                      metavar="ETA[,ETA…]", kind="numbers")

    def names(self) -> list[str]:
        if isinstance(self.optimizers, str):
            return [n.strip() for n in self.optimizers.split(",") if n.strip()]
        return list(self.optimizers)

    def run(self, progress: Progress | None = None) -> RaceResult:
        expression = self.function()
        start = convert.point(expression, self.start)
        names = self.names()
        rates = None if self.lr is None else convert.numbers(self.lr, "--lr")
        return race(expression, start, names, lr=rates, steps=self.steps, tol=self.tol,
                    callback=counted(progress, self.steps * len(names)), **self.hyper())

    def to_json(self, result: RaceResult, lang: str) -> dict[str, Any]:
        return result.to_dict(max(1, self.every), lang)

    def picture(self, result: RaceResult) -> Picture:
        """Every path over the contours and every f(θ_k); the surface page; the animation."""
        from nablab.plot.descent import descent_picture

        return descent_picture(result)


@dataclass(frozen=True)
class SweepRequest(_Runs):
    """``nablab sweep``: every learning rate from every start point, all at once."""

    command = "sweep"

    optimizer: str = optimizer_option()
    lr: str | Sequence[float] = option("0.1", "--lr", help="cli.opt.lr_range", metavar="A:B:N",
                                       kind="numbers")
    starts: str = option(None, "--starts", help="cli.opt.starts", metavar="A:B[:N],…",
                         required=True)
    backend: str = option("numpy", "--backend", help="cli.opt.backend", kind="choice",
                          choices=BACKENDS)

    def run(self, progress: Progress | None = None) -> SweepResult:
        expression = self.function()
        if expression.is_constant and not expression.variables:   # 5: the starts name them
            expression = expression.with_variables(point_names(self.starts))
        axes = start_axes(self.starts, expression.variable_names)
        rates = convert.number_range(self.lr, "--lr", DEFAULT_COUNT, geometric=True)
        return sweep(expression, optimizer=self.optimizer, lr=rates, starts=axes,
                     steps=self.steps, tol=self.tol, callback=counted(progress, self.steps),
                     backend=self.backend, **self.hyper())

    def to_json(self, result: SweepResult, lang: str) -> dict[str, Any]:
        return result.to_dict()

    def picture(self, result: SweepResult) -> Picture:
        """The basins of attraction and the fractions against η."""
        from nablab.plot.sweep import sweep_picture

        return sweep_picture(result)


def start_axes(text: str, names: tuple[str, ...]) -> dict[str, Any]:
    """``-2:2,-1:3:40`` → one axis per variable; a range without a count takes another's."""
    parts = text.split(",")
    if len(parts) != len(names):
        raise UsageError("bad_starts", text=text, count=len(names), variables=", ".join(names))
    counts = [p.split(":")[2] for p in parts if p.count(":") == 2]
    count = int(convert.numbers(counts[-1], "--starts")[0]) if counts else DEFAULT_COUNT
    return {n: convert.number_range(p, "--starts", count)
            for n, p in zip(names, parts, strict=True)}


__all__ = ["DescendRequest", "RaceRequest", "SweepRequest", "start_axes"]
