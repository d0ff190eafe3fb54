"""The constraint set drawn with f on it: an interval in one variable, a region in two.

The textbook's pictures for the closed interval method (f over [a, b], the critical points
and both ends marked, the highest and lowest singled out) and for extrema on a closed region
(level curves of f, the region shaded, its boundary, every candidate). Works from a
:class:`~nablab.constrained.LagrangeResult`: ``objective``, ``variables``, ``constraints``
(``g``, ``k_value``, ``op``), ``candidates`` and ``singular_points`` (each with ``point``,
``value`` and ``extreme``).

Only the solver's points are marked, and a point is called highest or lowest only when the
solver proved it (``extreme``): the window's edge is never a mark.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from nablab.core.expression import Expression
from nablab.numeric import compile
from nablab.plot import axes, labels
from nablab.plot.output import new_figure
from nablab.plot.ranges import Interval, fit_window
from nablab.plot.sampling import sample_surface

#: Marker and colour by what the point is on the set.
MARKS = {"maximum": ("^", "tab:red"), "minimum": ("v", "tab:green"),
         "both": ("D", "tab:purple"), None: ("o", "0.45")}
#: Slack when deciding that a sample lies in the set (relative to the constraint's scale).
INSIDE_TOL = 1e-9


def is_region(result: Any) -> bool:
    """Whether a two-variable set is drawn as a region: several constraints, or an inequality
    (its interior is part of the set: candidates inside it are not on any path)."""
    constraints = result.constraints
    return len(constraints) != 1 or constraints[0].op != "="


def points_of(result: Any) -> list[Any]:
    """Every point the solver found: the candidates, then the singular (and other) points."""
    return [*result.candidates, *getattr(result, "singular_points", ())]


def inside(result: Any, *coords: np.ndarray) -> np.ndarray:
    """Which samples satisfy every constraint (equalities to within the sampling's reach)."""
    keep = np.ones(np.shape(coords[0]), dtype=bool)
    for constraint in result.constraints:
        g = compile(Expression.from_sympy(constraint.g, list(result.objective.variables))).f
        with np.errstate(all="ignore"):
            residual = np.asarray(g(*coords), dtype=float) - float(constraint.k_value)
        residual = np.broadcast_to(residual, keep.shape)
        slack = INSIDE_TOL * max(1.0, abs(float(constraint.k_value)))
        if constraint.op == "<=":
            keep &= residual <= slack
        elif constraint.op == ">=":
            keep &= residual >= -slack
        else:
            keep &= np.abs(residual) <= max(slack, 1e-3 * float(np.nanmax(np.abs(residual))))
    return keep


def feasible_window(result: Any, dims: int) -> tuple[Interval, ...]:
    """A window around every point found, with room to see the set end."""
    names = result.variables
    found = np.array([[float(p.point[n]) for n in names] for p in points_of(result)])
    if not len(found) or not np.isfinite(found).all():
        return fit_window([], dims)
    out = []
    for lo, hi in zip(found.min(axis=0), found.max(axis=0), strict=True):
        pad = 0.12 * (hi - lo) if hi > lo else max(1.0, 0.5 * abs(lo))
        out.append((float(lo - pad), float(hi + pad)))
    return tuple(out)


def _mark(ax: Any, x: float, y: float, point: Any, lang: str, seen: set[Any],
          text: str) -> None:
    kind = getattr(point, "extreme", None)
    marker, colour = MARKS.get(kind, MARKS[None])
    key = {"maximum": "label.highest_value", "minimum": "label.lowest_value",
           "both": "label.constant_value"}.get(kind or "", "label.candidate")
    ax.plot([x], [y], marker, color=colour, markersize=11 if kind else 8,
            markeredgecolor="black", zorder=8, linestyle="none",
            label=None if kind in seen else labels.text(key, lang))
    seen.add(kind)
    ax.annotate(text, (x, y), xytext=(7, 7), textcoords="offset points", fontsize=8, zorder=9,
                bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.8})


def interval_figure(result: Any, lang: str, window: Sequence[Interval] | None = None) -> Any:
    """One variable: f over the window, solid on the set and faint outside, the set shaded,
    every candidate (critical points, kinks, ends) marked, the highest and lowest named."""
    chosen = tuple(window) if window else feasible_window(result, 1)
    x = np.linspace(chosen[0][0], chosen[0][1], 2001)
    with np.errstate(all="ignore"):
        y = np.broadcast_to(np.asarray(compile(result.objective).f(x), dtype=float), x.shape)
    keep = inside(result, x)
    figure = new_figure(9.0, 6.0)
    ax = figure.add_subplot(1, 1, 1)
    ax.plot(x, y, color="tab:blue", linewidth=1.0, alpha=0.35, linestyle="--")
    ax.plot(x, np.where(keep, y, np.nan), color="tab:blue", linewidth=2.4,
            label=labels.formula(result.objective))
    for index, (start, stop) in enumerate(_runs(keep)):
        ax.axvspan(x[start], x[stop], color="tab:blue", alpha=0.07, zorder=0,
                   label=labels.text("label.feasible", lang) if index == 0 else None)
    seen: set[Any] = set()
    for point in points_of(result):
        at = float(point.point[result.variables[0]])
        _mark(ax, at, float(point.value), point, lang, seen,
              f"{result.variables[0]} = {labels.number(at)}, "
              f"f = {labels.number(float(point.value))}")
    ax.set_xlim(*chosen[0])
    shown = y[keep & np.isfinite(y)]
    if shown.size:
        low, high = float(shown.min()), float(shown.max())
        pad = 0.12 * (high - low) if high > low else max(1.0, 0.5 * abs(low))
        ax.set_ylim(low - pad, high + pad)
    ax.set_xlabel(labels.math(result.variables[0], result.variables[0]))
    ax.set_ylabel(labels.signature(result.objective))
    ax.grid(alpha=0.3)
    ax.legend(loc="best", fontsize=8, framealpha=0.9)
    ax.set_title(labels.title("interval_title", lang, labels.formula(result.objective)))
    figure.set_layout_engine("tight")
    return figure


def _runs(keep: np.ndarray) -> list[tuple[int, int]]:
    """(first, last) index of each run of ``True``."""
    edges = np.flatnonzero(np.diff(np.concatenate([[0], keep.astype(int), [0]])))
    return [(int(a), int(b) - 1) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def region_figure(result: Any, lang: str, window: Sequence[Interval] | None = None) -> Any:
    """Two variables, several constraints: level curves of f, the set shaded, each
    constraint's boundary, every candidate marked with f there."""
    chosen = tuple(window) if window else feasible_window(result, 2)
    figure = new_figure(8.0, 6.6)
    ax = figure.add_subplot(1, 1, 1)
    surface = axes.surface_of(result.objective, chosen, 200)
    lines = axes.contour_lines(ax, surface, 16)
    ax.clabel(lines, inline=True, fontsize=7, fmt=labels.number)
    xx, yy = np.meshgrid(np.linspace(*chosen[0], 400), np.linspace(*chosen[1], 400))
    keep = inside(result, xx, yy)
    ax.contourf(xx, yy, keep.astype(float), levels=[0.5, 1.5], colors=["tab:blue"],
                alpha=0.12, zorder=1)
    ax.plot([], [], color="tab:blue", alpha=0.3, linewidth=8,
            label=labels.text("label.feasible", lang))
    for index, constraint in enumerate(result.constraints):
        g = Expression.from_sympy(constraint.g, list(result.objective.variables))
        values = sample_surface(compile(g).f, chosen[0], chosen[1], 400)
        ax.contour(values.x, values.y, np.ma.masked_invalid(values.z),
                   levels=[float(constraint.k_value)], colors="black", linewidths=1.8,
                   zorder=5)
        if index == 0:
            ax.plot([], [], color="black", linewidth=1.8,
                    label=labels.text("label.boundary", lang))
    seen: set[Any] = set()
    for point in points_of(result):
        xy = [float(point.point[n]) for n in result.variables]
        _mark(ax, xy[0], xy[1], point, lang, seen,
              f"{labels.point(xy)}\nf = {labels.number(float(point.value))}")
    axes.set_window(ax, chosen)
    axes.equal_if_comparable(ax, chosen)
    axes.label_axes(ax, result.objective)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=3, fontsize=8,
              framealpha=0.9)
    ax.set_title(labels.title("region_title", lang, labels.formula(result.objective)))
    figure.set_layout_engine("tight")
    return figure


__all__ = ["feasible_window", "inside", "interval_figure", "points_of", "region_figure"]
