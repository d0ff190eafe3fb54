"""The page's network card: train a small network on a built-in data set and watch it learn.

``POST /api/view/train`` takes :class:`NetworkRequest` (built-in data only: the page never
names a file on the server) and answers ``nablab train --layers … --json`` as ``result``,
plus the frames its slider shows, computed here in the worker and bounded: at most
:data:`~nablab.plot.boundary.MAX_FRAMES` epochs, each with ŷ on a grid of at most
:data:`GRID` × :data:`GRID` points (as whole percents, small to send), the data in the last
hidden layer's coordinates with the output unit's line, and the weights.
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
from pydantic import Field

from nablab.network.layered.result import LayeredResult
from nablab.plot import boundary as b
from nablab.web.models import Settings

#: The data sets the card offers (nablab's built-in examples).
DATASETS = ("example:xor", "example:circles", "example:sine")
#: Grid points per axis of the boundary the page shades.
GRID = 41
#: Points of the curve ŷ(x) for one input.
CURVE = 101
#: Networks with more parameters send the final weights only (not every frame's).
MAX_FRAME_WEIGHTS = 400
#: The most epochs the card trains (the CLI allows more).
MAX_EPOCHS = 5000


class NetworkRequest(Settings):
    """A small network on a built-in data set (``nablab train --layers … --json``)."""

    data: Literal["example:xor", "example:circles", "example:sine"] = Field(
        "example:xor", description="a built-in data set")
    layers: str = Field("2,2,1", max_length=200, description="the widths, inputs first")
    activation: Literal["tanh", "sigmoid", "relu"] | None = Field(
        None, description="the hidden layers' activation (default tanh)")
    optimizer: Literal["gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"] | None = \
        Field(None, description="the optimizer (default gd)")
    lr: float | None = Field(None, gt=0, le=100, description="the learning rate η")
    epochs: int | None = Field(None, ge=1, le=MAX_EPOCHS, description="epochs (default 1000)")
    seed: int | None = Field(None, ge=0, le=2**31 - 1, description="the initial weights' seed")


def rounded(values: Any, digits: int = 4) -> Any:
    """Numbers as the page draws them (four decimals: a pixel is coarser), as lists."""
    return np.round(np.asarray(values, dtype=float), digits).tolist()


def frames_of(result: LayeredResult) -> dict[str, Any]:
    """What the slider shows at each sampled epoch (see the module's docstring)."""
    epochs = b.frame_epochs(result.epochs)
    accuracies = result.accuracies
    out: dict[str, Any] = {
        "epochs": epochs,
        "loss": [float(result.loss[e]) for e in epochs],
        "accuracy": None if accuracies is None else [float(accuracies[e]) for e in epochs],
        "data": {"x": rounded(b.inputs_of(result).T), "y": rounded(b.targets_of(result))},
        "boundary": None, "curve": None, "hidden": None, "weights": None}
    inputs = len(result.inputs)
    if inputs == 2 and b.is_classifier(result):
        grid = b.grid_of(result, GRID)
        out["boundary"] = {
            "x": rounded(grid.x), "y": rounded(grid.y),
            # ŷ as whole percents, row by row (y outer): small to send, exact enough to shade
            "z": [np.rint(100 * b.surface_at(result, grid, e)).astype(int).tolist()
                  for e in epochs]}
    elif inputs == 1:
        x = np.linspace(*b.window_of(result)[0], CURVE)
        out["curve"] = {"x": rounded(x),
                        "y": [rounded(result.predict(x[:, None], e)) for e in epochs]}
    layer = b.hidden_layer(result)
    if layer is not None and b.is_classifier(result):
        box = b.hidden_box(result, epochs)
        x = b.inputs_of(result)
        lines: list[Any] = []
        for e in epochs:
            unit = b.output_line(result, e)
            if unit is None:
                lines.append(None)
                continue
            xs, ys = b.line_through(*unit, box)
            lines.append(rounded([xs[0], ys[0], xs[-1], ys[-1]]) if len(xs) > 1 else None)
        out["hidden"] = {"layer": layer, "units": result.layers[layer],
                         "box": rounded(box),
                         "points": [rounded(result.hidden(x, layer, e)[:, :2].T)
                                    for e in epochs],
                         "lines": lines}
    if result.network.size <= MAX_FRAME_WEIGHTS:
        out["weights"] = [{name: rounded(value) for name, value in result.weights_at(e).items()}
                          for e in epochs]
    return out


def network_view(request: Any, result: LayeredResult, lang: str) -> dict[str, Any]:
    """``nablab train --layers … --json`` and the frames the card's slider shows."""
    return {"result": request.output(result, lang, True), "frames": frames_of(result)}


__all__ = ["DATASETS", "GRID", "MAX_EPOCHS", "NetworkRequest", "frames_of", "network_view"]
