"""Float twins of nablab's functions that the ``math`` module lacks or gets wrong for us.

The parser evaluates a constant sub-formula in floats first: ``10^10^10`` overflows here in
a microsecond instead of making SymPy compute a ten-billion-digit integer. So a twin must
raise where the function is not real: ``ValueError`` outside the domain (``log(-1)``),
``ZeroDivisionError`` at a pole, ``OverflowError`` for a huge value; the parser turns each
into a ParseError at the right column. Each row of :data:`nablab.core.catalog.CATALOG`
names its twin; the one-liners (``math.sin``, ``1/tan``) are written in the row itself.
"""

from __future__ import annotations

import math


def sigmoid_float(x: float) -> float:
    """σ(x) = ½ + ½·tanh(x/2): never raises OverflowError, unlike 1/(1 + e^(−x))."""
    return 0.5 + 0.5 * math.tanh(0.5 * x)


def heaviside_float(x: float, h0: float = 0.5) -> float:
    """H(x), with H(0) = h0 (SymPy's default ½)."""
    return 1.0 if x > 0 else (0.0 if x < 0 else h0)


def log_float(x: float, base: float | None = None) -> float:
    """ln x, or the logarithm to ``base``; ``ValueError`` outside the domain."""
    if x <= 0 or (base is not None and (base <= 0 or base == 1)):
        raise ValueError("log domain")
    return math.log(x) if base is None else math.log(x, base)


def factorial_float(n: float) -> float:
    """n! = Γ(n + 1): exact for whole numbers, a pole at the negative ones."""
    if n > 170:
        raise OverflowError("factorial too large")
    if float(n).is_integer():
        if n < 0:
            raise ZeroDivisionError("pole of the gamma function")
        return float(math.factorial(int(n)))
    return math.gamma(n + 1)


def cbrt_float(x: float) -> float:
    """∛x for x ≥ 0 (nablab's cbrt is SymPy's principal root: not real below 0)."""
    if x < 0:
        raise ValueError("not real")
    return x ** (1 / 3)


def acot_float(x: float) -> float:
    """acot x = atan(1/x) in (−π/2, π/2], SymPy's branch (not π/2 − atan x, which is
    in (0, π) and differs by π for x < 0)."""
    return math.pi / 2 if x == 0 else math.atan(1 / x)


def sign_float(x: float) -> float:
    """sign x: −1, 0 or 1."""
    return float((x > 0) - (x < 0))


__all__ = ["acot_float", "cbrt_float", "factorial_float", "heaviside_float", "log_float",
           "sigmoid_float", "sign_float"]
