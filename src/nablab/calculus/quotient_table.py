"""Forward and central difference quotients in floating point, for h = 10⁻¹ … 10⁻¹².

The limit h → 0 cannot be taken on a computer: as h shrinks the truncation error falls
(forward: ≈ h·|f″|/2, central: ≈ h²·|f‴|/6) while the rounding error grows (≈ ε·|f|/h with
ε = 2⁻⁵² ≈ 2.2·10⁻¹⁶, because f(x + h) − f(x) loses the digits the two values share). The
error is smallest near h ≈ √ε ≈ 10⁻⁸ for the forward quotient and near h ≈ ∛ε ≈ 10⁻⁵ for
the central one; the table shows where it really is for the function at hand.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import sympy

#: The steps of the table: 10⁻¹, 10⁻², …, 10⁻¹².
STEPS: tuple[float, ...] = tuple(10.0**-k for k in range(1, 13))


@dataclass(frozen=True)
class QuotientRow:
    """Difference quotients at one step h, and their errors against the exact f′(x₀).

    Attributes:
        h: the step.
        forward: (f(x₀ + h) − f(x₀))/h.
        central: (f(x₀ + h) − f(x₀ − h))/(2h).
        forward_error, central_error: |quotient − f′(x₀)|.
    """

    h: float
    forward: float
    central: float
    forward_error: float
    central_error: float

    def to_dict(self) -> dict[str, float]:
        return {"h": self.h, "forward": self.forward, "central": self.central,
                "forward_error": self.forward_error, "central_error": self.central_error}


def float_function(expr: Any, var: sympy.Symbol) -> Callable[[float], float]:
    """x ↦ expr in double precision (``nan`` where it is undefined)."""
    compiled = sympy.lambdify([var], expr, modules="math")

    def value(x: float) -> float:
        try:
            return float(compiled(x))
        except (ValueError, ZeroDivisionError, OverflowError, TypeError):
            return math.nan

    return value


def quotient_table(f: Callable[[float], float], x0: float, exact: float,
                   steps: Sequence[float] = STEPS) -> tuple[QuotientRow, ...]:
    """One row per step h; rows where f is undefined near x₀ are left out (never ``nan``)."""
    rows = []
    f0 = f(x0)
    for h in steps:
        ahead, behind = f(x0 + h), f(x0 - h)
        forward = (ahead - f0) / h
        central = (ahead - behind) / (2 * h)
        row = QuotientRow(h, forward, central, abs(forward - exact), abs(central - exact))
        if all(math.isfinite(v) for v in row.to_dict().values()):
            rows.append(row)
    return tuple(rows)


def best_step(rows: Sequence[QuotientRow], central: bool = False) -> float | None:
    """The h with the smallest error (the first of equals), or ``None`` for no rows."""
    if not rows:
        return None
    return min(rows, key=lambda r: r.central_error if central else r.forward_error).h


__all__ = ["STEPS", "QuotientRow", "best_step", "float_function", "quotient_table"]
