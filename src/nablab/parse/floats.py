"""Float twins of nablab's functions, for checking constants before SymPy builds them.

A constant sub-formula is evaluated in floats first: ``10^10^10`` overflows here in a
microsecond instead of making SymPy compute a ten-billion-digit integer. A domain error
(``log(-1)``, ``asin(2)``) raises ``ValueError``, a pole ``ZeroDivisionError``, a huge value
``OverflowError``; the builder turns each into a ParseError at the right column.
"""

from __future__ import annotations

import math
from collections.abc import Callable


def _sigmoid_float(x: float) -> float:
    return 0.5 + 0.5 * math.tanh(0.5 * x)


def _heaviside_float(x: float, h0: float = 0.5) -> float:
    return 1.0 if x > 0 else (0.0 if x < 0 else h0)


def _log_float(x: float, base: float | None = None) -> float:
    if x <= 0 or (base is not None and (base <= 0 or base == 1)):
        raise ValueError("log domain")
    return math.log(x) if base is None else math.log(x, base)


def _factorial_float(n: float) -> float:
    """n! = Γ(n + 1): exact for whole numbers, a pole at the negative ones."""
    if n > 170:
        raise OverflowError("factorial too large")
    if float(n).is_integer():
        if n < 0:
            raise ZeroDivisionError("pole of the gamma function")
        return float(math.factorial(int(n)))
    return math.gamma(n + 1)


def _root_float(x: float) -> float:
    if x < 0:
        raise ValueError("not real")
    return x ** (1 / 3)


#: Float twins of every function in :data:`nablab.core.names.FUNCTIONS`.
FLOAT_FUNCTIONS: dict[str, Callable[..., float]] = {
    "sin": math.sin, "cos": math.cos, "tan": math.tan,
    "cot": lambda x: 1 / math.tan(x), "sec": lambda x: 1 / math.cos(x),
    "csc": lambda x: 1 / math.sin(x),
    "asin": math.asin, "acos": math.acos, "atan": math.atan,
    "acot": lambda x: math.pi / 2 - math.atan(x), "asec": lambda x: math.acos(1 / x),
    "acsc": lambda x: math.asin(1 / x),
    "sinh": math.sinh, "cosh": math.cosh, "tanh": math.tanh,
    "coth": lambda x: 1 / math.tanh(x), "sech": lambda x: 1 / math.cosh(x),
    "csch": lambda x: 1 / math.sinh(x),
    "asinh": math.asinh, "acosh": math.acosh, "atanh": math.atanh,
    "exp": math.exp, "ln": _log_float, "log": _log_float, "sqrt": math.sqrt,
    "cbrt": _root_float, "abs": abs, "sign": lambda x: float((x > 0) - (x < 0)),
    "sigmoid": _sigmoid_float, "relu": lambda x: max(x, 0.0),
    "softplus": lambda x: math.log1p(math.exp(x)), "heaviside": _heaviside_float,
    "max": max, "min": min, "factorial": lambda n: _factorial_float(n),
}
_ALIASES = {"arcsin": "asin", "arccos": "acos", "arctan": "atan", "arccot": "acot",
            "arsinh": "asinh", "arcosh": "acosh", "artanh": "atanh", "arcsinh": "asinh",
            "arccosh": "acosh", "arctanh": "atanh", "sigma": "sigmoid", "sgn": "sign",
            "Abs": "abs", "Max": "max", "Min": "min", "Heaviside": "heaviside"}
FLOAT_FUNCTIONS.update({alias: FLOAT_FUNCTIONS[name] for alias, name in _ALIASES.items()})


__all__ = ["FLOAT_FUNCTIONS"]
