r"""The computational graph drawn: each node with its value (forward) and adjoint (backward).

Drawn with matplotlib alone (no graphviz): the variables in the first column, every other
node one column right of its deepest input, nodes in a column ordered by their inputs'
heights so edges cross little. A node's box reads ``v₃ = σ(v₂)``, its value, and its adjoint
∂f/∂v₃; each edge u → v carries the local derivative ∂v/∂u at the point, the number the
backward pass multiplies by.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from nablab.core.printing import symbol_display, to_unicode
from nablab.network.graph import GraphResult, Node
from nablab.plot import labels
from nablab.plot.output import new_figure

#: Layout units: column and row spacing, and a box's width and height.
COLUMN, ROW, WIDTH, HEIGHT = 3.4, 1.7, 2.7, 1.2
#: Colours of variables, operations and the output.
FILL = {"input": "#e8f0fe", "op": "#f5f5f5", "output": "#fde8e8"}


def depths(nodes: tuple[Node, ...]) -> dict[str, int]:
    """Column of each node: 0 for the variables, else one more than its deepest input."""
    depth: dict[str, int] = {}
    for node in nodes:
        depth[node.id] = 0 if not node.inputs else 1 + max(depth[i] for i in node.inputs)
    return depth


def layout(nodes: tuple[Node, ...]) -> dict[str, tuple[float, float]]:
    """(x, y) of each node's centre: columns by depth, rows ordered by the inputs' heights."""
    depth = depths(nodes)
    columns: dict[int, list[Node]] = {}
    for node in nodes:
        columns.setdefault(depth[node.id], []).append(node)
    place: dict[str, tuple[float, float]] = {}
    for column in sorted(columns):
        members = columns[column]
        if column:
            members = sorted(members, key=lambda n: np.mean([place[i][1] for i in n.inputs]))
        top = (len(members) - 1) * ROW / 2
        for index, node in enumerate(members):
            place[node.id] = (column * COLUMN, top - index * ROW)
    return place


def _box_text(node: Node, name: str, lang: str) -> tuple[str, str, str]:
    head = symbol_display(node.id)
    if node.op != "input":
        head += f" = {to_unicode(node.local)}"
    if len(head) > 26:
        head = head[:25] + "…"
    value = labels.text("network_graph_value", lang, value=labels.number(node.value))
    adjoint = f"∂{name}/∂{symbol_display(node.id)} = {labels.number(node.adjoint)}"
    return head, value, adjoint


def draw_node(ax: Any, node: Node, at: tuple[float, float], kind: str, name: str,
              lang: str) -> None:
    """A rounded box: what the node computes, its value, its adjoint (in red)."""
    from matplotlib.patches import FancyBboxPatch

    x, y = at
    ax.add_patch(FancyBboxPatch((x - WIDTH / 2, y - HEIGHT / 2), WIDTH, HEIGHT,
                                boxstyle="round,pad=0.02,rounding_size=0.12",
                                facecolor=FILL[kind], edgecolor="0.35", linewidth=1.0,
                                zorder=2))
    head, value, adjoint = _box_text(node, name, lang)
    ax.text(x, y + 0.33, head, ha="center", va="center", fontsize=8.5, weight="bold", zorder=3)
    ax.text(x, y, value, ha="center", va="center", fontsize=8, zorder=3)
    ax.text(x, y - 0.33, adjoint, ha="center", va="center", fontsize=8, color="#b00020",
            zorder=3)


def draw_edge(ax: Any, start: tuple[float, float], end: tuple[float, float],
              local: float) -> None:
    """An arrow u → v labelled with ∂v/∂u at the point.

    An edge that skips columns arcs over the boxes between (a quadratic Bézier curve; its
    label sits at the curve's midpoint, half-way to the control point).
    """
    from matplotlib.patches import FancyArrowPatch

    tail = (start[0] + WIDTH / 2, start[1])
    head = (end[0] - WIDTH / 2, end[1])
    rad = -0.5 if end[0] - start[0] > 1.5 * COLUMN else 0.0
    ax.add_patch(FancyArrowPatch(tail, head, arrowstyle="-|>", mutation_scale=10,
                                 color="0.45", linewidth=1.0, zorder=1, shrinkA=2, shrinkB=2,
                                 connectionstyle=f"arc3,rad={rad}"))
    dx, dy = head[0] - tail[0], head[1] - tail[1]
    mid = (0.5 * (tail[0] + head[0]) + 0.5 * rad * dy,
           0.5 * (tail[1] + head[1]) - 0.5 * rad * dx)
    ax.text(*mid, labels.number(local), fontsize=7, color="#1a5fb4", ha="center", va="center",
            zorder=4, bbox={"boxstyle": "round,pad=0.1", "facecolor": "white",
                            "edgecolor": "none", "alpha": 0.85})


def arc_top(start: tuple[float, float], end: tuple[float, float]) -> float:
    """The highest y an edge drawn by :func:`draw_edge` reaches (an arc bulges upwards).

    matplotlib's ``arc3`` is a quadratic Bézier with control point mid + rad·(dy, −dx);
    its highest point is at most the larger end or the curve's middle, ¼y₁ + ½c + ¼y₂.
    """
    tail = (start[0] + WIDTH / 2, start[1])
    head = (end[0] - WIDTH / 2, end[1])
    rad = -0.5 if end[0] - start[0] > 1.5 * COLUMN else 0.0
    control = 0.5 * (tail[1] + head[1]) - rad * (head[0] - tail[0])
    return max(tail[1], head[1], 0.25 * tail[1] + 0.5 * control + 0.25 * head[1])


#: Inches per layout unit, the title's height (two lines), and the figure's bounds in inches.
INCH, TITLE, SMALLEST, LARGEST = 0.95, 0.6, 6.0, 40.0


def graph_size(width: float, height: float) -> tuple[float, float]:
    """The figure's size for a drawing ``width × height`` (layout units): no empty canvas.

    The drawing keeps its proportions (equal aspect), so the figure takes them too, plus
    room for the title; a small graph is scaled up to a readable width.
    """
    scale = min(max(INCH, SMALLEST / width), LARGEST / width)
    return (width * scale, min(height * scale + TITLE, LARGEST))


def graph_figure(result: GraphResult, lang: str) -> Any:
    """The whole graph: boxes, arrows with local derivatives, a title with f and the point."""
    nodes = result.nodes
    place = layout(nodes)
    xs = [p[0] for p in place.values()]
    ys = [p[1] for p in place.values()]
    top = max([max(ys) + HEIGHT / 2 + 0.15] + [arc_top(place[i], place[n.id]) + 0.3
                                           for n in nodes for i in n.inputs])
    xlim = (min(xs) - COLUMN / 2, max(xs) + COLUMN / 2)
    ylim = (min(ys) - HEIGHT / 2 - 0.15, top)
    figure = new_figure(*graph_size(xlim[1] - xlim[0], ylim[1] - ylim[0]))
    ax = figure.add_subplot(1, 1, 1)
    name = result.expression.name or "f"
    by_id = {n.id: n for n in nodes}
    for node in nodes:
        for source, local in zip(node.inputs, node.partial_values, strict=True):
            draw_edge(ax, place[source], place[node.id], local)
    for node in nodes:
        kind = "output" if node is result.output else ("input" if node.op == "input" else "op")
        draw_node(ax, by_id[node.id], place[node.id], kind, name, lang)
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_aspect("equal")
    ax.axis("off")
    point = ", ".join(f"{symbol_display(k)} = {labels.number(v)}"
                      for k, v in result.point.items())
    ax.set_title(labels.title("network_graph_title", lang, labels.formula(result.expression),
                              point=point), fontsize=10)
    figure.set_layout_engine("tight")
    return figure


def graph_picture(result: GraphResult) -> Any:
    """``graph --plot``: the drawn graph (PNG, SVG, PDF, or an HTML page with the SVG)."""
    from functools import partial

    from nablab.plot.picture import Picture

    return Picture(partial(graph_figure, result))


__all__ = ["depths", "draw_edge", "draw_node", "graph_figure", "graph_picture", "graph_size",
           "arc_top", "layout"]
