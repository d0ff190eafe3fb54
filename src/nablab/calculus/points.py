"""Coordinates as exact SymPy numbers."""

from __future__ import annotations

from typing import Any

import sympy


def exact_number(value: Any) -> Any:
    """``value`` as an exact SymPy number; text is refused (it goes through ``parse_point``).

    A float is read as the decimal it prints as (0.1 → 1/10), as a person typed it.

    >>> exact_number(0.1), exact_number(3)
    (1/10, 3)
    """
    if isinstance(value, sympy.Basic):
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"coordinates must be numbers, got {type(value).__name__}")
    if isinstance(value, int):
        return sympy.Integer(value)
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(f"coordinates must be finite, got {value}")
    return sympy.Rational(repr(value))


__all__ = ["exact_number"]
