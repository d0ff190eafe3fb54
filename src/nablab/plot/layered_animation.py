"""``train --layers … --animate``: the boundary moving over the data as the network learns.

One frame per sampled epoch (:func:`nablab.plot.boundary.frame_epochs`, at most 60): ŷ over
the plane shaded, the boundary ŷ = ½ as a line, beside it the data in the last hidden layer's
outputs with the output unit's line (the hidden units bending the plane until XOR is split
by a line), and the loss growing epoch by epoch. For one input, the curve ŷ(x) over the data.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from nablab.plot import boundary as b
from nablab.plot import labels
from nablab.plot.frames import Frames
from nablab.plot.layered import (
    draw_data,
    draw_network,
    hidden_axes,
    input_names,
    layered_figure,
    suptitle,
)
from nablab.plot.output import FPS, new_figure

#: Resolution of animation frames, and the grid of the shaded ŷ.
DPI, GRID = 80, 90


def _boundary_panel(ax: Any, result: Any, lang: str) -> tuple[list[Any], Any]:
    grid = b.grid_of(result, GRID)
    image = ax.imshow(b.surface_at(result, grid, 0), extent=(grid.x[0], grid.x[-1], grid.y[0],
                                                             grid.y[-1]),
                      origin="lower", cmap="RdBu_r", vmin=0.0, vmax=1.0, alpha=0.45,
                      aspect="auto", interpolation="bilinear")
    (line,) = ax.plot([], [], color="black", linewidth=1.8)
    # the data are drawn over the shading each frame (blitting draws moving artists last)
    points = draw_data(ax, result, b.inputs_of(result))
    names = input_names(result)
    ax.set_xlabel(names[0])
    ax.set_ylabel(names[1])
    ax.set_title(labels.text("layered_animation_boundary", lang), fontsize=10)

    def update(epoch: int) -> None:
        z = b.surface_at(result, grid, epoch)
        image.set_data(z)
        line.set_data(*b.joined(b.level_lines(grid.x, grid.y, z)))
    return [image, line, *points], update


def _fit_panel(ax: Any, result: Any, lang: str) -> tuple[list[Any], Any]:
    window = b.window_of(result)[0]
    grid = np.linspace(*window, 300)
    ax.scatter(b.inputs_of(result)[:, 0], b.targets_of(result), s=16, color="black", zorder=5)
    values = np.concatenate([result.predict(grid[:, None], e) for e in (0, result.epochs)]
                            + [b.targets_of(result)])
    lo, hi = float(np.min(values)), float(np.max(values))
    ax.set_ylim(lo - 0.15 * (hi - lo + 1e-9), hi + 0.15 * (hi - lo + 1e-9))
    ax.set_xlim(*window)
    (line,) = ax.plot([], [], color="#d62728", linewidth=2)
    ax.set_xlabel(input_names(result)[0])
    ax.set_title(labels.text("layered_animation_fit", lang), fontsize=10)

    def update(epoch: int) -> None:
        line.set_data(grid, result.predict(grid[:, None], epoch))
    return [line], update


def _hidden_panel(ax: Any, result: Any, lang: str, epochs: list[int]) -> tuple[list[Any], Any]:
    layer = b.hidden_layer(result)
    assert layer is not None
    box = b.hidden_box(result, epochs)
    x = b.inputs_of(result)
    y = b.targets_of(result)
    colours = np.where(y >= 0.5, "#d62728", "#1f77b4")
    points = ax.scatter(*result.hidden(x, layer, 0)[:, :2].T, s=36, c=colours,
                        edgecolors="black", linewidths=0.6, zorder=6)
    (line,) = ax.plot([], [], color="black", linewidth=1.8)
    hidden_axes(ax, result, layer, box, lang)

    def update(epoch: int) -> None:
        points.set_offsets(result.hidden(x, layer, epoch)[:, :2])
        unit = b.output_line(result, epoch)
        line.set_data(*(b.line_through(*unit, box) if unit is not None else ([], [])))
    return [points, line], update


def _loss_panel(ax: Any, result: Any, lang: str) -> tuple[list[Any], Any]:
    loss = np.asarray(result.loss, float)
    ax.plot(np.arange(len(loss)), loss, color="0.2", alpha=0.15, linewidth=1.5)
    if np.all(loss[np.isfinite(loss)] > 0):
        ax.set_yscale("log")
    (grown,) = ax.plot([], [], color="0.2", linewidth=2)
    (head,) = ax.plot([], [], "o", color="#d62728", markersize=6)
    ax.set_xlabel(labels.text("network_epoch", lang))
    ax.set_ylabel("L(θ)")
    key = "network_loss_title" if result.accuracies is None else "layered_epochs_title"
    ax.set_title(labels.text(key, lang), fontsize=10)
    caption = ax.text(0.97, 0.95, "", transform=ax.transAxes, ha="right", va="top",
                      fontsize=9, bbox={"facecolor": "white", "alpha": 0.9, "edgecolor": "0.7"})

    def update(epoch: int) -> None:
        grown.set_data(np.arange(epoch + 1), loss[: epoch + 1])
        head.set_data([epoch], [loss[epoch]])
        caption.set_text(frame_caption(result, epoch, lang))
    return [grown, head, caption], update


def frame_caption(result: Any, epoch: int, lang: str) -> str:
    """``epoch 120: L = 0.31, accuracy 75%`` (without the accuracy for a regression)."""
    loss = labels.number(float(result.loss[epoch]))
    if result.accuracies is None:
        return labels.text("layered_frame_regression", lang, epoch=epoch, loss=loss)
    return labels.text("layered_frame", lang, epoch=epoch, loss=loss,
                       percent=f"{100 * float(result.accuracies[epoch]):.0f}")


def layered_animation(result: Any, lang: str, *, frames: int = b.MAX_FRAMES) -> Frames:
    """The frames of the run: boundary (or fit), hidden coordinates, loss."""
    epochs = b.frame_epochs(result.epochs, frames)
    inputs = len(result.inputs)
    first = "fit" if inputs == 1 else ("boundary" if inputs == 2 and b.is_classifier(result)
                                        else "network")
    shown = [first]
    if b.is_classifier(result) and b.hidden_layer(result) is not None:
        shown.append("hidden")
    shown.append("loss")
    figure = new_figure(4.6 * len(shown), 4.4)
    moving: list[Any] = []
    updates = []
    for index, panel in enumerate(shown, 1):
        ax = figure.add_subplot(1, len(shown), index)
        if panel == "boundary":
            artists, update = _boundary_panel(ax, result, lang)
        elif panel == "fit":
            artists, update = _fit_panel(ax, result, lang)
        elif panel == "hidden":
            artists, update = _hidden_panel(ax, result, lang, epochs)
        elif panel == "network":
            draw_network(ax, result, lang)
            continue
        else:
            artists, update = _loss_panel(ax, result, lang)
        moving.extend(artists)
        updates.append(update)
    figure.suptitle(suptitle(result))

    def update_all(i: int) -> None:
        for update in updates:
            update(epochs[i])
    figure.set_dpi(DPI)
    figure.set_layout_engine("tight")
    return Frames(figure, moving, update_all, len(epochs), FPS)


def layered_picture(result: Any) -> Any:
    """``train --layers … --plot``/``--animate``, ``result.plot()``: the still figure
    (:func:`nablab.plot.layered.layered_figure`) and the animation."""
    from functools import partial

    from nablab.plot.picture import Picture

    return Picture(partial(layered_figure, result), None, partial(layered_animation, result))


__all__ = ["frame_caption", "layered_animation", "layered_picture"]
