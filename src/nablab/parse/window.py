"""Windows as typed for a figure: ``-5:5`` or ``-5:5,-3:3`` (constants such as ``-pi:pi``)."""

from __future__ import annotations

from nablab.errors import ParseError, UsageError
from nablab.parse.parser import parse

#: One interval ``(low, high)``.
Interval = tuple[float, float]


def _endpoint(text: str, whole: str) -> float:
    try:
        expr = parse(text).expr
    except ParseError:
        raise UsageError("plot_bad_range", text=whole) from None
    if isinstance(expr, tuple) or expr.free_symbols:
        raise UsageError("plot_bad_range", text=whole)
    try:
        value = complex(expr.evalf(15))
    except (TypeError, ValueError):
        raise UsageError("plot_bad_range", text=whole) from None
    if value.imag or not abs(value.real) < 1e12:
        raise UsageError("plot_bad_range", text=whole)
    return value.real


def parse_window(text: str) -> tuple[Interval, ...]:
    """``-5:5`` or ``-5:5,-3:3`` (constants such as ``-pi:pi`` allowed) → intervals.

    Raises:
        UsageError: ``plot_bad_range`` unless each piece is ``low:high`` with low < high.
    """
    pieces = text.strip().split(",")
    if not 1 <= len(pieces) <= 2 or any(p.count(":") != 1 for p in pieces):
        raise UsageError("plot_bad_range", text=text)
    window = []
    for piece in pieces:
        low, high = (_endpoint(part, text) for part in piece.split(":"))
        if not low < high:
            raise UsageError("plot_bad_range", text=text)
        window.append((low, high))
    return tuple(window)


__all__ = ["Interval", "parse_window"]
