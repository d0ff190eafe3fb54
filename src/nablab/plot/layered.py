r"""Pictures of a network with hidden layers (``train --layers … --plot``, ``result.plot()``).

Four panels: the network drawn with its weights (an edge per weight, as thick as |w|, red
for w > 0 and blue for w < 0, each unit's bias beside it); the data with the decision
boundary ŷ = ½ (or, for one input, the curve ŷ(x)); the data in the outputs of the last
hidden layer, the new coordinates where the output unit's boundary is a straight line (XOR
becomes linearly separable); and the loss and accuracy per epoch. The animation is in
:mod:`nablab.plot.layered_animation`, which also
builds the :class:`~nablab.plot.picture.Picture` of both (:func:`layered_picture`).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from nablab.core.printing import symbol_display
from nablab.plot import boundary as b
from nablab.plot import labels
from nablab.plot.output import new_figure

#: Colours of a positive and a negative weight, and of the two classes.
POSITIVE, NEGATIVE = "#d62728", "#1f77b4"
CLASS_COLOURS = ((0.0, "#1f77b4"), (1.0, "#d62728"))
REGIONS = ("#cfe2f3", "#f4cccc")
#: Edges labelled with their weight when there are at most this many.
LABELLED_EDGES = 40
#: Widest and thinnest edge, in points.
MAX_WIDTH, MIN_WIDTH = 6.0, 0.4


def unit_label(result: Any, layer: int, unit: int) -> str:
    """x₁ (an input), h⁽ˡ⁾ᵢ (a hidden unit) or ŷ (the output), as mathtext."""
    if layer == 0:
        name = symbol_display(result.inputs[unit])
        return labels.math(name, name)
    if layer == result.network.depth:
        return r"$\hat{y}$"
    return f"$h^{{({layer})}}_{{{unit + 1}}}$"


def positions(widths: tuple[int, ...]) -> list[np.ndarray]:
    """Each layer's units as (x, y) points: layer l at x = l, units centred top to bottom."""
    return [np.column_stack([np.full(n, float(layer)), (n - 1) / 2 - np.arange(n, dtype=float)])
            for layer, n in enumerate(widths)]


def short(value: float) -> str:
    """A weight as printed on an edge: two decimals, a real minus sign."""
    return f"{0.0 if abs(value) < 0.005 else value:.2f}".replace("-", "−")


def edge_width(w: float, largest: float) -> float:
    """An edge's thickness: proportional to |w|, the largest weight the widest edge."""
    return MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * abs(w) / largest if largest > 0 else MIN_WIDTH


def draw_network(ax: Any, result: Any, lang: str, epoch: int | None = None) -> list[Any]:
    """The network with the weights after ``epoch``; its edges (one Line2D per weight, each
    with the weight's name as its gid, e.g. ``W1[2,1]``: row 2, column 1)."""
    widths = result.layers
    weights = result.weights_at(epoch)
    depth = result.network.depth
    largest = max(float(np.abs(weights[f"W{layer}"]).max()) for layer in range(1, depth + 1))
    points = positions(widths)
    edges: list[Any] = []
    labelled = sum(widths[k] * widths[k + 1] for k in range(depth)) <= LABELLED_EDGES
    for layer in range(1, depth + 1):
        matrix = np.asarray(weights[f"W{layer}"], float)
        for i in range(matrix.shape[0]):
            for j in range(matrix.shape[1]):
                w = float(matrix[i, j])
                (x0, y0), (x1, y1) = points[layer - 1][j], points[layer][i]
                (line,) = ax.plot([x0, x1], [y0, y1], color=POSITIVE if w >= 0 else NEGATIVE,
                                  linewidth=edge_width(w, largest), alpha=0.8, zorder=1,
                                  solid_capstyle="round")
                line.set_gid(f"W{layer}[{i + 1},{j + 1}]")
                edges.append(line)
                if labelled:
                    t = 0.38
                    ax.text(x0 + t * (x1 - x0), y0 + t * (y1 - y0), short(w),
                            fontsize=7, ha="center", va="center", zorder=4,
                            bbox={"boxstyle": "round,pad=0.12", "facecolor": "white",
                                  "edgecolor": "none", "alpha": 0.85})
    most = max(widths)
    size = float(np.clip(5000 / most ** 1.3, 40, 900))
    for layer, where in enumerate(points):
        colour = "#eeeeee" if layer == 0 else ("#fff2cc" if layer < depth else "#d9ead3")
        ax.scatter(where[:, 0], where[:, 1], s=size, color=colour, edgecolors="black",
                   linewidths=1.0, zorder=3)
        if most > 12:
            continue
        for unit, (x, y) in enumerate(where):
            ax.text(x, y, unit_label(result, layer, unit), ha="center", va="center",
                    fontsize=10, zorder=5)
            if layer > 0:
                bias = float(np.asarray(weights[f"b{layer}"], float).ravel()[unit])
                ax.text(x, y - 0.3, labels.text("layered_bias", lang,
                                                value=short(bias)),
                        ha="center", va="top", fontsize=7, zorder=5)
    span = max(most - 1, 1) / 2
    ax.set_xlim(-0.4, depth + 0.4)
    ax.set_ylim(-span - 0.6, span + 0.45)
    ax.set_axis_off()
    ax.set_title(labels.text("layered_network_title", lang), fontsize=10)
    return edges


def draw_data(ax: Any, result: Any, x: np.ndarray, **options: Any) -> list[Any]:
    """The samples at ``x`` (N × 2), coloured by class; their two scatter collections."""
    y = b.targets_of(result)
    drawn = []
    for label, colour in CLASS_COLOURS:
        mask = (y >= 0.5) == bool(label)
        drawn.append(ax.scatter(x[mask, 0], x[mask, 1], s=options.get("s", 36), color=colour,
                   edgecolors="black", linewidths=0.6, label=f"y = {label:g}", zorder=6))
    return drawn


def input_names(result: Any) -> list[str]:
    """The inputs as axis labels (mathtext)."""
    return [labels.math(symbol_display(n), n) for n in result.inputs]


def draw_boundary(ax: Any, result: Any, lang: str, epoch: int | None = None) -> None:
    """The data and the regions ŷ ≥ ½ and ŷ < ½ with the boundary between them."""
    grid = b.grid_of(result)
    z = b.surface_at(result, grid, epoch)
    ax.contourf(grid.x, grid.y, z >= b.LEVEL, levels=[-0.5, 0.5, 1.5], colors=list(REGIONS),
                alpha=0.7)
    xs, ys = b.joined(b.level_lines(grid.x, grid.y, z))
    ax.plot(xs, ys, color="black", linewidth=1.6)
    draw_data(ax, result, b.inputs_of(result))
    names = input_names(result)
    ax.set_xlabel(names[0])
    ax.set_ylabel(names[1])
    ax.set_xlim(grid.x[0], grid.x[-1])
    ax.set_ylim(grid.y[0], grid.y[-1])
    k = result.epochs if epoch is None else epoch
    accuracy = result.accuracies[k] if result.accuracies is not None else 0.0
    ax.set_title(labels.text("layered_boundary_title", lang, epoch=k,
                             percent=f"{100 * accuracy:.0f}"), fontsize=10)
    ax.legend(loc="upper right", fontsize=8, framealpha=0.9)


def draw_fit(ax: Any, result: Any, lang: str, epoch: int | None = None) -> None:
    """One input: the data and the network's ŷ(x)."""
    x = b.inputs_of(result)[:, 0]
    window = b.window_of(result)[0]
    grid = np.linspace(*window, 300)
    ax.plot(grid, result.predict(grid[:, None], epoch), color=POSITIVE, linewidth=2,
            label=r"$\hat{y}(x)$")
    ax.scatter(x, b.targets_of(result), s=18, color="black", zorder=5, label="y")
    name = input_names(result)[0]
    ax.set_xlabel(name)
    ax.set_ylabel(symbol_display(result.target))
    k = result.epochs if epoch is None else epoch
    ax.set_title(labels.text("layered_fit_title", lang, epoch=k), fontsize=10)
    ax.legend(loc="best", fontsize=8)


def draw_hidden(ax: Any, result: Any, lang: str, epoch: int | None = None) -> None:
    """The data at the last hidden layer's outputs (the first two units when it has more),
    with the output unit's line ŷ = ½ there when it reads exactly two, and the input grid's
    lines carried along (how the layer bends the plane)."""
    layer = b.hidden_layer(result)
    assert layer is not None
    box = b.hidden_box(result, [result.epochs if epoch is None else epoch])
    if len(result.inputs) == 2:
        for line in _warped_grid(result, layer, epoch):
            ax.plot(line[:, 0], line[:, 1], color="0.8", linewidth=0.6, zorder=1)
    draw_data(ax, result, result.hidden(b.inputs_of(result), layer, epoch)[:, :2])
    unit = b.output_line(result, epoch)
    if unit is not None:
        xs, ys = b.line_through(*unit, box)
        ax.plot(xs, ys, color="black", linewidth=1.6, label=r"$\hat{y} = \frac{1}{2}$")
    hidden_axes(ax, result, layer, box, lang)
    ax.legend(loc="best", fontsize=8, framealpha=0.9)


def hidden_axes(ax: Any, result: Any, layer: int, box: Any, lang: str) -> None:
    """The frame of the hidden coordinates: a⁽ˡ⁾₁ and a⁽ˡ⁾₂ on ``box``, and the title."""
    ax.set_xlim(*box[0])
    ax.set_ylim(*box[1])
    ax.set_xlabel(f"$a^{{({layer})}}_1$")
    ax.set_ylabel(f"$a^{{({layer})}}_2$")
    width = result.layers[layer]
    key = "layered_hidden_title" if width == 2 else "layered_hidden_first_two"
    ax.set_title(labels.text(key, lang, layer=layer, count=width), fontsize=10)


def _warped_grid(result: Any, layer: int, epoch: int | None, lines: int = 9) -> list[np.ndarray]:
    x = b.inputs_of(result)
    (a0, c0), (a1, c1) = x.min(axis=0)[:2], x.max(axis=0)[:2]
    t = np.linspace(0.0, 1.0, 60)
    out = []
    for s in np.linspace(0.0, 1.0, lines):
        for x in (np.column_stack([np.full_like(t, a0 + s * (a1 - a0)), c0 + t * (c1 - c0)]),
                  np.column_stack([a0 + t * (a1 - a0), np.full_like(t, c0 + s * (c1 - c0))])):
            out.append(result.hidden(x, layer, epoch)[:, :2])
    return out


def draw_epochs(ax: Any, result: Any, lang: str) -> Any:
    """The loss per epoch (log scale when positive) and, for a classifier, the accuracy on a
    second axis; returns that second axis (or None)."""
    loss = np.asarray(result.loss, float)
    epochs = np.arange(len(loss))
    ax.plot(epochs, loss, color="0.2", linewidth=1.6, label="L(θ)")
    if np.all(loss[np.isfinite(loss)] > 0):
        ax.set_yscale("log")
    ax.set_xlabel(labels.text("network_epoch", lang))
    ax.set_ylabel("L(θ)")
    key = "network_loss_title" if result.accuracies is None else "layered_epochs_title"
    ax.set_title(labels.text(key, lang), fontsize=10)
    if result.accuracies is None:
        return None
    twin = ax.twinx()
    twin.plot(epochs, 100 * np.asarray(result.accuracies, float), color="#2ca02c",
              linewidth=1.4, linestyle="--")
    twin.set_ylim(-5, 105)
    twin.set_ylabel(labels.text("layered_accuracy", lang), color="#2ca02c")
    return twin


def panels(result: Any) -> list[str]:
    """Which panels the still figure has, in order."""
    shown = ["network"]
    inputs = len(result.inputs)
    if inputs == 1:
        shown.append("fit")
    elif inputs == 2 and b.is_classifier(result):
        shown.append("boundary")
    if b.is_classifier(result) and b.hidden_layer(result) is not None:
        shown.append("hidden")
    shown.append("epochs")
    return shown


def suptitle(result: Any) -> str:
    """The model's formula in matrix form (mathtext, or Unicode when it cannot typeset)."""
    formulas = result.formulas()
    return labels.math(formulas["model_latex"].replace(r"\hat y", r"\hat{y}"),
                       formulas["model"])


def layered_figure(result: Any, lang: str) -> Any:
    """The network with its weights, the boundary, the hidden coordinates, the loss."""
    shown = panels(result)
    columns = 2 if len(shown) == 4 else len(shown)
    rows = 2 if len(shown) == 4 else 1
    figure = new_figure(5.6 * columns, 4.9 * rows)
    for index, panel in enumerate(shown, 1):
        ax = figure.add_subplot(rows, columns, index)
        if panel == "network":
            draw_network(ax, result, lang)
        elif panel == "boundary":
            draw_boundary(ax, result, lang)
        elif panel == "fit":
            draw_fit(ax, result, lang)
        elif panel == "hidden":
            draw_hidden(ax, result, lang)
        else:
            draw_epochs(ax, result, lang)
    figure.suptitle(suptitle(result))
    figure.set_layout_engine("tight")
    return figure


__all__ = ["draw_boundary", "draw_epochs", "draw_fit", "draw_hidden", "draw_network", "hidden_axes",
           "edge_width", "layered_figure", "panels", "positions",
           "unit_label"]
