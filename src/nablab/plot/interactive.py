"""Interactive pages with Plotly: a rotatable surface with its contours, paths, hover values.

Plotly figures carry no math typesetting offline (that needs MathJax from a CDN), so text
here is Unicode: ``f(x, y) = x² + y²``. Surfaces are sent as float32 on at most
:data:`INTERACTIVE_POINTS` per axis, which keeps a default page's data well under 2 MB.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from nablab.core.expression import Expression
from nablab.numeric import compile
from nablab.plot import labels
from nablab.plot.ranges import Interval
from nablab.plot.sampling import Surface, clip_to_view, sample_curve, sample_surface

#: Points per axis of an interactive surface (rotating needs no more; the page stays small).
INTERACTIVE_POINTS = 200
#: Colours of successive paths (Plotly's default cycle).
PATH_COLOURS = ("#d62728", "#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2")


def unicode_formula(expression: Expression) -> str:
    """``f(x, y) = x² + y²`` (shortened if long)."""
    head = f"{expression.name or 'f'}({', '.join(expression.variable_names)})"
    text = f"{head} = {expression.unicode}"
    return text if len(text) <= 90 else text[:89] + "…"


def _layout(title: str, names: Sequence[str], zname: str) -> dict[str, Any]:
    axis = {"xaxis_title": names[0], "yaxis_title": names[1], "zaxis_title": zname}
    return {"title": {"text": title}, "scene": axis, "margin": {"l": 0, "r": 0, "b": 0, "t": 60},
            "legend": {"x": 0.01, "y": 0.99}}


def surface_trace(surface: Surface, names: Sequence[str]) -> Any:
    """A viridis surface with its contour lines projected onto the floor."""
    import plotly.graph_objects as go

    z = clip_to_view(surface.z, surface.zlim).astype(np.float32)
    hover = f"{names[0]}=%{{x:.4g}}<br>{names[1]}=%{{y:.4g}}<br>f=%{{z:.6g}}<extra></extra>"
    return go.Surface(x=surface.x.astype(np.float32), y=surface.y.astype(np.float32), z=z,
                      colorscale="Viridis", hovertemplate=hover,
                      contours={"z": {"show": True, "project": {"z": True},
                                      "usecolormap": True}},
                      colorbar={"title": {"text": "f"}})


def surface_page(expression: Expression, window: tuple[Interval, ...], lang: str, *,
                 n: int = INTERACTIVE_POINTS) -> Any:
    """The rotatable surface of a two-variable function."""
    import plotly.graph_objects as go

    compiled = compile(expression)
    surface = sample_surface(compiled.f, window[0], window[1], n)
    figure = go.Figure(surface_trace(surface, expression.variable_names))
    title = f"{labels.text('surface_title', lang)}: {unicode_formula(expression)}"
    figure.update_layout(**_layout(title, expression.variable_names, "f"))
    return figure


def paths_on_surface(figure: Any, paths: Sequence[tuple[str, np.ndarray, np.ndarray]]) -> Any:
    """Add descent paths (name, points ``(k, 2)``, heights ``(k,)``) as 3D lines."""
    import plotly.graph_objects as go

    for index, (name, points, heights) in enumerate(paths):
        colour = PATH_COLOURS[index % len(PATH_COLOURS)]
        figure.add_trace(go.Scatter3d(
            x=points[:, 0], y=points[:, 1], z=heights, mode="lines+markers", name=name,
            line={"color": colour, "width": 5}, marker={"size": 2.5, "color": colour},
            hovertemplate="k=%{text}<br>f=%{z:.6g}<extra>" + name + "</extra>",
            text=np.arange(len(heights))))
    return figure


def curve_page(expression: Expression, window: tuple[Interval, ...], lang: str,
               x0: float | None = None) -> Any:
    """A one-variable function (and its tangent at ``x0``) with hover values."""
    import plotly.graph_objects as go

    compiled = compile(expression)
    curve = sample_curve(compiled.f, window[0])
    name = expression.variable_names[0] if expression.variable_names else "x"
    figure = go.Figure(go.Scatter(x=curve.x, y=curve.y, mode="lines",
                                  name=labels.text("label.function", lang),
                                  connectgaps=False))
    if x0 is not None:
        value, slope = float(compiled.f(x0)), float(compiled.grad(x0)[0])
        xs = np.array([curve.x[0], curve.x[-1]])
        figure.add_trace(go.Scatter(x=xs, y=value + slope * (xs - x0), mode="lines",
                                    name=labels.text("label.tangent", lang,
                                                     slope=labels.number(slope))))
        figure.add_trace(go.Scatter(x=[x0], y=[value], mode="markers", showlegend=False,
                                    marker={"size": 9, "color": "black"}))
    figure.update_layout(title={"text": unicode_formula(expression)}, xaxis_title=name,
                         yaxis_title=f"f({name})", yaxis_range=list(curve.ylim))
    return figure


__all__ = ["INTERACTIVE_POINTS", "curve_page", "paths_on_surface", "surface_page",
           "surface_trace", "unicode_formula"]
