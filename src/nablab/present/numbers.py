"""Numbers as a person writes them: ``11`` not ``11.0``, a real minus sign, few digits."""

from __future__ import annotations

import math
from collections.abc import Iterable

MINUS = "−"


def number(value: float, digits: int = 12, *, whole_below: float = 1e15,
           zero_below: float = 0.0) -> str:
    """``value`` to ``digits`` significant digits; whole numbers below ``whole_below`` in full.

    A magnitude below ``zero_below`` reads ``0`` (rounding noise at a float point).

    >>> number(11.0), number(-0.5), number(1 / 3, 6), number(2e-32, zero_below=1e-15)
    ('11', '−0.5', '0.333333', '0')
    """
    if value == 0 or abs(value) < zero_below:
        return "0"
    if math.isfinite(value) and value == int(value) and abs(value) < whole_below:
        return str(int(value)).replace("-", MINUS)
    return f"{value:.{digits}g}".replace("-", MINUS)


def numbers(values: Iterable[float], digits: int = 6, *, whole_below: float = 1e9) -> str:
    """``(a, b)`` — or ``a`` alone when there is one value.

    >>> numbers([2.4, 3.2]), numbers([1.0])
    ('(2.4, 3.2)', '1')
    """
    items = [number(float(v), digits, whole_below=whole_below) for v in values]
    return items[0] if len(items) == 1 else "(" + ", ".join(items) + ")"


def sci(value: float | None) -> str:
    """An error or a step size in scientific notation, ``1.0e−03``; ``—`` for none."""
    return "—" if value is None else f"{value:.1e}".replace("-", MINUS)




def file_size(size: int) -> str:
    """``812 B``, ``45 KB``, ``4.9 MB``.

    >>> file_size(5_053_622)
    '4.8 MB'
    """
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


__all__ = ["MINUS", "file_size", "number", "numbers", "sci"]
