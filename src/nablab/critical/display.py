"""How numbers and points read in nablab's sentences: ``(√2/2, −1.20711)``, ``0.0123457``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from nablab.core.printing import to_unicode
from nablab.present import number as present_number

MINUS = "−"


def number(value: float, digits: int = 6) -> str:
    """A float to ``digits`` significant digits, integers without ``.0``, Unicode minus.

    Below 1e-15 in magnitude it reads ``0``: at a float point that is rounding noise
    (f(π, 3π/2) of sin x cos y computes as 2.2e−32).
    """
    return present_number(value, digits, zero_below=1e-15)


def coordinate(value: float, exact: Any | None) -> str:
    """One coordinate: its exact form when there is one, else the float."""
    return to_unicode(exact) if exact is not None else number(value)


def point(values: Sequence[float], exact: Sequence[Any | None] | None = None) -> str:
    """``(a, b)``, or just ``a`` for one variable."""
    exacts = exact if exact is not None else [None] * len(values)
    parts = [coordinate(v, e) for v, e in zip(values, exacts, strict=True)]
    return parts[0] if len(parts) == 1 else "(" + ", ".join(parts) + ")"


def vector(values: Iterable[float]) -> str:
    """A direction, rounded for reading: ``(1, 0)``, ``(0.707, −0.707)``."""
    return "(" + ", ".join(number(round(v, 3) + 0.0, 3) for v in values) + ")"


__all__ = ["MINUS", "coordinate", "number", "point", "vector"]
