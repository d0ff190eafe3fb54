"""Pictures of a function alone (``nablab plot``, ``diff --plot``): which kind, which window."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from nablab.core.expression import Expression
from nablab.errors import UnsupportedError
from nablab.plot.picture import Picture
from nablab.plot.ranges import Interval, default_window_with

#: Kinds of ``nablab plot`` and how many variables each draws.
KINDS: dict[str, int] = {
    "surface+contour": 2,
    "field": 2,
    "slices": 2,
    "tangent-plane": 2,
    "curve": 1,
}
#: Kinds that touch the function at a point.
AT_POINT = ("slices", "tangent-plane", "curve")


def check_dimensions(expression: Expression) -> int:
    """The number of variables, if nablab can draw it (one or two).

    Raises:
        UnsupportedError: ``plot_dimensions`` otherwise.
    """
    count = len(expression.variables)
    if count not in (1, 2):
        raise UnsupportedError("plot_dimensions", count=count)
    return count


def resolve_kind(expression: Expression, kind: str | None) -> str:
    """``kind``, checked against the variable count; by default the notes' figure or a curve.

    Raises:
        UnsupportedError: ``plot_dimensions`` or ``plot_variables``.
    """
    count = check_dimensions(expression)
    if kind is None:
        return "curve" if count == 1 else "surface+contour"
    if KINDS[kind] != count:
        raise UnsupportedError("plot_variables", picture=kind, needed=KINDS[kind],
                               count=count)
    return kind


def _window(given: Sequence[Interval] | None, at: tuple[float, ...] | None,
            dims: int) -> tuple[Interval, ...]:
    if given:
        intervals = tuple(given)
        return (intervals * dims)[:dims] if len(intervals) == 1 else intervals[:dims]
    return default_window_with([at] if at else [], dims)


def function_picture(expression: Expression, kind: str | None = None,
                     window: Sequence[Interval] | None = None,
                     point: Sequence[float] | None = None) -> Picture:
    """The picture of ``expression`` alone.

    Args:
        kind: one of :data:`KINDS`, or ``None`` for the default (by variable count).
        window: one interval per axis (a single interval serves every axis); default
            −5…5, widened to include ``point``.
        point: where tangents, tangent planes and slices touch (default: 1 in each
            variable, or a nearby point where f is defined).
    """
    kind = resolve_kind(expression, kind)
    dims = KINDS[kind]
    at = tuple(float(v) for v in point) if point is not None else None
    chosen = _window(window, at if kind in AT_POINT else None, dims)
    if kind in AT_POINT and at is None:
        at = _default_point(expression, chosen)
    return _builders(expression, kind, chosen, at or (1.0,) * dims)


def _default_point(expression: Expression, window: tuple[Interval, ...]) -> tuple[float, ...]:
    from nablab.plot.curve import defined_point

    return defined_point(expression, window)


def _builders(expression: Expression, kind: str, window: tuple[Interval, ...],
              at: tuple[float, ...]) -> Picture:
    from nablab.plot import curve, field, interactive, slices, surface

    if kind == "curve":
        return Picture(partial(curve.tangent_secants, expression, window, at[0]),
                       partial(interactive.curve_page, expression, window, x0=at[0]))
    page = partial(interactive.surface_page, expression, window)
    if kind == "field":
        return Picture(partial(field.field, expression, window), page)
    if kind == "slices":
        return Picture(partial(slices.slices, expression, window, at), page)
    if kind == "tangent-plane":
        return Picture(partial(surface.tangent_plane, expression, window, at), page)
    return Picture(partial(surface.surface_contour, expression, window), page)


def derivative_picture(expression: Expression, window: Sequence[Interval] | None = None,
                       point: Sequence[float] | None = None) -> Picture:
    """The picture of ``nablab diff``: partial derivatives as slopes at a point, else f.

    One variable: f with f′ (no point) or the tangent and secants (a point). Two: the
    notes' figure (no point) or the slices whose slopes are ∂f/∂x and ∂f/∂y (a point).
    """
    from nablab.plot import curve, interactive

    count = check_dimensions(expression)
    if point is not None:
        return function_picture(expression, "curve" if count == 1 else "slices", window,
                                point)
    if count == 2:
        return function_picture(expression, "surface+contour", window)
    chosen = _window(window, None, 1)
    return Picture(partial(curve.function_and_derivative, expression, chosen),
                   partial(interactive.curve_page, expression, chosen))


__all__ = ["AT_POINT", "KINDS", "check_dimensions", "derivative_picture", "function_picture",
           "resolve_kind"]
