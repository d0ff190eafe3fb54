"""One variable: the curve, its tangent at x₀, and secants turning into the tangent.

The secant through (x₀, f(x₀)) and (x₀ + h, f(x₀ + h)) has slope (f(x₀ + h) − f(x₀))/h; as
h → 0 it turns into the tangent, whose slope is f′(x₀) — the limit definition, drawn. Poles
and jumps are cut (:func:`nablab.plot.sampling.sample_curve`), never joined by a vertical line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from nablab.core.expression import Expression
from nablab.errors import DomainError
from nablab.numeric import compile
from nablab.plot import labels
from nablab.plot.output import new_figure
from nablab.plot.ranges import Interval
from nablab.plot.sampling import Curve, sample_curve

#: Tangent colour; secants go from light to dark orange as h shrinks.
TANGENT_COLOUR = "tab:red"
SECANT_CMAP = "Oranges"
#: Secant steps as fractions of the window's width.
SECANT_FRACTIONS = (0.2, 0.1, 0.05, 0.025)


@dataclass(frozen=True)
class Secant:
    """The secant for step ``h``: its second point and its slope."""

    h: float
    x: float
    y: float
    slope: float


def tangent_at(expression: Expression, x0: float) -> tuple[float, float]:
    """f(x₀) and f′(x₀) as floats.

    Raises:
        DomainError: ``plot_not_defined`` if either is not finite.
    """
    compiled = compile(expression)
    value, slope = float(compiled.f(x0)), float(compiled.grad(x0)[0])
    if not (np.isfinite(value) and np.isfinite(slope)):
        raise DomainError("plot_not_defined", point=labels.number(x0))
    return value, slope


#: Where a tangent is drawn when no point is given: the first of these where f is defined.
DEFAULT_POINTS = (1.0, 2.0, 0.5, -1.0, 3.0, 0.0, -2.0)


def defined_point(expression: Expression, window: tuple[Interval, ...]) -> tuple[float, ...]:
    """A point (1 in each variable, else a nearby candidate) where f and ∇f are finite."""
    compiled = compile(expression)
    for c in DEFAULT_POINTS:
        at = tuple(min(max(c, lo), hi) for lo, hi in window)
        with np.errstate(all="ignore"):
            ok = np.isfinite(compiled.f(*at)) and np.isfinite(compiled.grad(*at)).all()
        if ok:
            return at
    return tuple(0.5 * (lo + hi) for lo, hi in window)


def secants(expression: Expression, x0: float, steps: Sequence[float]) -> list[Secant]:
    """Secants from x₀ for each step (those with an undefined end are left out)."""
    f = compile(expression).f
    f0 = float(f(x0))
    out = []
    for h in steps:
        y = float(f(x0 + h))
        if np.isfinite(y) and h != 0:
            out.append(Secant(float(h), x0 + h, y, (y - f0) / h))
    return out


def default_steps(interval: Interval) -> tuple[float, ...]:
    """Secant steps that are visible in the window and shrink toward 0."""
    width = interval[1] - interval[0]
    return tuple(width * fraction for fraction in SECANT_FRACTIONS)


def draw_curve(ax: Any, curve: Curve, expression: Expression, lang: str) -> None:
    """The curve (cut at its breaks) with faint marks where it is not defined."""
    ax.plot(curve.x, curve.y, color="tab:blue", linewidth=2,
            label=labels.text("label.function", lang))
    for index, x in enumerate(curve.breaks):
        ax.axvline(x, color="0.6", linestyle=":", linewidth=1,
                   label=labels.text("label.pole", lang) if index == 0 else None)
    ax.set_xlim(curve.x[0], curve.x[-1])
    ax.set_ylim(*curve.ylim)
    ax.grid(alpha=0.3)
    name = expression.variable_names[0] if expression.variable_names else "x"
    ax.set_xlabel(labels.math(name, name))
    ax.set_ylabel(labels.signature(expression))


def draw_tangent(ax: Any, curve: Curve, x0: float, value: float, slope: float,
                 found: Sequence[Secant], lang: str) -> None:
    """Secants (light to dark) and the tangent through (x₀, f(x₀))."""
    from matplotlib import colormaps

    shades = colormaps[SECANT_CMAP](np.linspace(0.35, 0.8, max(len(found), 1)))
    xs = np.array([curve.x[0], curve.x[-1]])
    for secant, shade in zip(found, shades, strict=False):
        ax.plot(xs, value + secant.slope * (xs - x0), color=shade, linewidth=1.2,
                label=labels.text("label.secant", lang, h=labels.number(secant.h),
                                  slope=labels.number(secant.slope)))
        ax.plot([secant.x], [secant.y], "o", color=shade, markersize=5)
    ax.plot(xs, value + slope * (xs - x0), color=TANGENT_COLOUR, linewidth=2,
            label=labels.text("label.tangent", lang, slope=labels.number(slope)))
    ax.plot([x0], [value], "o", color="black", zorder=5)


def _including(limits: Interval, values: Sequence[float]) -> Interval:
    lo, hi = limits
    finite = [v for v in values if np.isfinite(v)]
    if finite:
        pad = 0.05 * (hi - lo)
        lo, hi = min(lo, min(finite) - pad), max(hi, max(finite) + pad)
    return (lo, hi)


def draw_tangent_panel(ax: Any, expression: Expression, window: tuple[Interval, ...],
                       x0: float, lang: str, steps: Sequence[float] | None = None) -> None:
    """The curve, the secants for ``steps`` (default: shrinking) and the tangent at ``x0``."""
    value, slope = tangent_at(expression, x0)
    curve = sample_curve(compile(expression).f, window[0])
    found = secants(expression, x0, steps or default_steps(window[0]))
    draw_curve(ax, curve, expression, lang)
    draw_tangent(ax, curve, x0, value, slope, found, lang)
    ax.set_ylim(*_including(curve.ylim, [value]))
    ax.legend(loc="best", fontsize=8)


def tangent_secants(expression: Expression, window: tuple[Interval, ...], x0: float, lang: str,
                    *, steps: Sequence[float] | None = None) -> Any:
    """f with its tangent at ``x0`` and the secants for ``steps`` (default: shrinking)."""
    figure = new_figure(9.0, 6.0)
    ax = figure.add_subplot(1, 1, 1)
    draw_tangent_panel(ax, expression, window, x0, lang, steps)
    name = expression.variable_names[0] if expression.variable_names else "x"
    ax.set_title(labels.title("curve_title", lang, labels.formula(expression), var=name,
                              point=labels.number(x0)))
    figure.set_layout_engine("tight")
    return figure


def function_and_derivative(expression: Expression, window: tuple[Interval, ...],
                            lang: str) -> Any:
    """f and f′ on the same axes (the picture of ``diff`` without a point)."""
    compiled = compile(expression)
    curve = sample_curve(compiled.f, window[0])
    derivative = sample_curve(lambda x: compiled.grad(x)[0], window[0])
    figure = new_figure(9.0, 6.0)
    ax = figure.add_subplot(1, 1, 1)
    draw_curve(ax, curve, expression, lang)
    name = expression.variable_names[0] if expression.variable_names else "x"
    prime = labels.math(f"{expression.name or 'f'}'({name}) = "
                        f"{labels.latex_of(expression.gradient()[0])}",
                        f"{expression.name or 'f'}′({name})")
    ax.plot(derivative.x, derivative.y, color="tab:green", linewidth=1.6, linestyle="--",
            label=labels.caption(labels.text("label.derivative", lang), prime))
    low = min(curve.ylim[0], derivative.ylim[0])
    high = max(curve.ylim[1], derivative.ylim[1])
    ax.set_ylim(low, high)
    ax.legend(loc="best", fontsize=9)
    ax.set_title(labels.title("curve_plain_title", lang, labels.formula(expression)))
    figure.set_layout_engine("tight")
    return figure


__all__ = ["DEFAULT_POINTS", "Secant", "default_steps", "defined_point", "draw_curve",
           "draw_tangent", "draw_tangent_panel", "function_and_derivative", "secants",
           "tangent_at", "tangent_secants"]
