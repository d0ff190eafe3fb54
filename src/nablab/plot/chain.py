"""The chain rule's tree diagram drawn: the output on top, intermediate variables, then the
independent variables, each edge labelled with its partial derivative.

As in the textbooks' tree diagrams, an independent variable appears once under every
intermediate variable that depends on it, so each path from the top to a leaf is one term of
the chain rule; the paths to the variable differentiated by are drawn in colour.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import sympy

from nablab.calculus.chain_result import ChainRule
from nablab.plot import labels
from nablab.plot.output import new_figure

#: Layout units: spacing of the leaves and of the levels; a node's radius.
SPREAD, LEVEL, RADIUS = 2.2, 2.0, 0.32
#: The colour of the highlighted paths, and of the other edges.
PATH, OTHER = "#b00020", "0.55"

Node = tuple[str, ...]


def tree_layout(result: ChainRule) -> dict[Node, tuple[float, float]]:
    """(x, y) of each node, a node being its path from the top (``("z", "x", "t")``): leaves
    spaced evenly left to right, each parent centred over its children."""
    place: dict[Node, tuple[float, float]] = {}
    slot = 0

    def visit(node: Node) -> float:
        nonlocal slot
        below = result.children(node[-1])
        if not below:
            x = slot * SPREAD
            slot += 1
        else:
            xs = [visit((*node, child)) for child in below]
            x = sum(xs) / len(xs)
        place[node] = (x, -(len(node) - 1) * LEVEL)
        return x

    visit((result.output,))
    return place


def _edge_partial(result: ChainRule, top: str, bottom: str) -> Any:
    return sympy.diff(result.formula(top), sympy.Symbol(bottom, real=True))


def chain_figure(result: ChainRule, lang: str) -> Any:
    """The tree diagram, the paths to the first variable asked for highlighted."""
    place = tree_layout(result)
    first = result.derivatives[0] if result.derivatives else None
    lit = {p.nodes[:i] for p in (first.paths if first else ()) for i in range(2, len(p.nodes) + 1)}
    xs = [p[0] for p in place.values()]
    ys = [p[1] for p in place.values()]
    width, height = max(xs) - min(xs) + 2 * SPREAD, max(ys) - min(ys) + 2 * LEVEL
    figure = new_figure(min(max(6.0, width * 1.3), 14.0), min(max(4.0, height * 1.2), 9.0))
    ax = figure.add_subplot(1, 1, 1)
    for node, (x, y) in place.items():
        if len(node) > 1:
            px, py = place[node[:-1]]
            colour = PATH if node in lit else OTHER
            ax.plot([px, x], [py - RADIUS, y + RADIUS], color=colour, zorder=1,
                    linewidth=2.2 if node in lit else 1.2)
            label = labels.symbolic(_edge_partial(result, node[-2], node[-1]))
            ax.text((px + x) / 2, (py + y) / 2, label, ha="center", va="center", fontsize=9,
                    color=colour, zorder=3,
                    bbox={"boxstyle": "round,pad=0.2", "facecolor": "white",
                          "edgecolor": "none"})
        kind = 0 if len(node) == 1 else (1 if result.children(node[-1]) else 2)
        fill = ("#fde8e8", "#f5f5f5", "#e8f0fe")[kind]
        ax.add_patch(_circle((x, y), fill))
        ax.text(x, y, labels.math(node[-1], node[-1]), ha="center", va="center",
                fontsize=12, zorder=4)
    ax.set_xlim(min(xs) - SPREAD, max(xs) + SPREAD)
    ax.set_ylim(min(ys) - LEVEL / 2, max(ys) + LEVEL / 2)
    ax.set_aspect("equal")
    ax.axis("off")
    if first is not None:
        result_text = labels.math(f"{_latex_lhs(result, first.wrt)} = "
                                  f"{labels.latex_of(first.result)}",
                                  f"{result.lhs(first.wrt)} = {first.result}")
        ax.set_title(labels.title("chain_title", lang, result_text,
                                  lhs=result.lhs(first.wrt), wrt=first.wrt), fontsize=10)
    figure.set_layout_engine("tight")
    return figure


def _latex_lhs(result: ChainRule, wrt: str) -> str:
    if len(result.independent) == 1:
        return rf"\frac{{d{result.output}}}{{d{wrt}}}"
    return rf"\frac{{\partial {result.output}}}{{\partial {wrt}}}"


def _circle(at: tuple[float, float], fill: str) -> Any:
    from matplotlib.patches import Circle

    return Circle(at, RADIUS, facecolor=fill, edgecolor="0.3", linewidth=1.0, zorder=2)


def chain_picture(result: ChainRule) -> Any:
    """``chain --plot``: the tree diagram (PNG, SVG, PDF, or an HTML page with the SVG)."""
    from nablab.plot.picture import Picture

    return Picture(partial(chain_figure, result))


__all__ = ["chain_figure", "chain_picture", "tree_layout"]
