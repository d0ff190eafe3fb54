"""The network jobs: ``train`` (fit a model to data by ∂L/∂θ) and ``graph`` (backprop on the
computational graph)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from nablab.errors import UsageError
from nablab.jobs import convert
from nablab.jobs.convert import PointLike
from nablab.jobs.optimize import (
    Hyper,
    betas_option,
    counted,
    eps_option,
    momentum_option,
    optimizer_option,
)
from nablab.jobs.request import Progress, Request, formula, option
from nablab.network.data import EXAMPLE_PREFIX
from nablab.network.examples import SUGGESTIONS
from nablab.network.graph import GraphResult, graph
from nablab.network.layered.architecture import ACTIVATIONS, OUTPUTS
from nablab.network.layered.result import LayeredResult
from nablab.network.model import LOSSES
from nablab.network.result import TrainResult
from nablab.parse import parse

if TYPE_CHECKING:
    from nablab.plot.picture import Picture


@dataclass(frozen=True)
class TrainRequest(Hyper):
    """``nablab train``: fit a model's parameters to data by gradient descent."""

    command = "train"
    animates = True   # the boundary of a network with --layers moving over the epochs
    progress_label = "network.label.progress"

    model: str | None = option(None, "--model", help="cli.train.model", metavar="EXPR")
    data: str = option(None, "--data", help="cli.train.data", metavar="FILE", required=True)
    target: str = option("y", "--target", help="cli.train.target", metavar="COLUMN")
    loss: str | None = option(None, "--loss", help="cli.train.loss", kind="choice",
                              choices=LOSSES)
    optimizer: str = optimizer_option()
    lr: float | None = option(None, "--lr", help="cli.opt.lr", metavar="ETA", kind="number")
    epochs: int = option(1000, "--epochs", help="cli.train.epochs", metavar="N",
                         kind="integer")
    batch_size: int | None = option(None, "--batch-size", help="cli.train.batch_size",
                                    metavar="B", kind="integer")
    seed: int = option(0, "--seed", help="cli.train.seed", metavar="S", kind="integer")
    start: PointLike | None = option(None, "--start", help="cli.train.start", metavar="POINT",
                                     kind="numbers")
    tol: float = option(1e-8, "--tol", help="cli.train.tol", metavar="TOL", kind="number")
    momentum: float | None = momentum_option()
    betas: str | Sequence[float] | None = betas_option()
    eps: float | None = eps_option()
    layers: str | Sequence[int] | None = option(None, "--layers", help="cli.train.layers",
                                                metavar="WIDTHS")
    activation: str | None = option(None, "--activation", help="cli.train.activation",
                                    kind="choice", choices=ACTIVATIONS)
    # the attribute is not ``output``, which is Request.output (what the faces show)
    output_unit: str | None = option(None, "--output", help="cli.train.output",
                                     kind="choice", choices=OUTPUTS, name="output")
    explain_sample: int | None = option(None, "--explain-sample", help="cli.train.explain_sample",
                                        metavar="K", kind="integer")

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.layers is not None and self.model is not None:
            raise UsageError("layered_with_model")
        if self.model is None and self.layers is None:
            name = self.data[len(EXAMPLE_PREFIX):].strip().lower() \
                if self.data.startswith(EXAMPLE_PREFIX) else None
            suggestion = SUGGESTIONS.get(name) if name is not None else None
            if suggestion is None:
                raise UsageError("train_needs_model")
            object.__setattr__(self, "model", suggestion.model)

    def run(self, progress: Progress | None = None) -> TrainResult | LayeredResult:
        from nablab.network import train

        start = self.start if self.start is None or isinstance(self.start, str) \
            else convert.text_of(self.start)
        return train(self.model, self.data, layers=self.layers, activation=self.activation,
                     output=self.output_unit, explain_sample=self.explain_sample,
                     target=self.target, loss=self.loss,
                     optimizer=self.optimizer, lr=self.lr, epochs=self.epochs,
                     batch_size=self.batch_size, seed=self.seed, start=start, tol=self.tol,
                     callback=counted(progress, self.epochs), **self.hyper())

    def picture(self, result: TrainResult | LayeredResult) -> Picture:
        """The loss surface with the path, the loss per epoch, the fit or the boundary; for
        a network with hidden layers its weights, the boundary over the epochs and the data
        in the hidden units' coordinates."""
        if isinstance(result, LayeredResult):
            from nablab.plot.layered_animation import layered_picture

            return layered_picture(result)
        from nablab.plot.network import training_picture

        return training_picture(result)


@dataclass(frozen=True)
class GraphRequest(Request):
    """``nablab graph``: the computational graph, forward values and backward adjoints."""

    command = "graph"

    expression: str = formula()
    at: PointLike = option(None, "--at", help="cli.graph.at", metavar="POINT", kind="numbers",
                           required=True)

    def run(self, progress: Progress | None = None) -> GraphResult:
        expression = parse(self.expression)
        return graph(expression, convert.point(expression, self.at))

    def to_json(self, result: GraphResult, lang: str) -> dict[str, Any]:
        return result.to_dict()

    def picture(self, result: GraphResult) -> Picture:
        """The graph with each node's value and adjoint."""
        from nablab.plot.graph import graph_picture

        return graph_picture(result)


__all__ = ["GraphRequest", "TrainRequest"]
