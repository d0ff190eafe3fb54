"""Size limits checked before and while parsing, so no input can make the parser slow."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class ParseLimits:
    """Caps on what a formula may contain.

    Attributes:
        max_length: characters in the input (a 30-parameter loss written out fits).
        max_tokens: tokens after splitting names.
        max_depth: nesting of brackets and operators.
        max_literal_digits: digits in one number literal.
        max_magnitude: largest absolute value a constant may take (``10^10^10`` is refused
            before SymPy tries to build it).
        max_exponent: largest integer exponent of a non-constant base (``x^1000`` is fine,
            ``x^(10^9)`` would make every later step explode).
    """

    max_length: int = 10_000
    max_tokens: int = 5_000
    max_depth: int = 100
    max_literal_digits: int = 40
    max_magnitude: float = 1e300
    max_exponent: int = 1_000

    @property
    def max_log_magnitude(self) -> float:
        return math.log(self.max_magnitude)


DEFAULT_LIMITS = ParseLimits()
