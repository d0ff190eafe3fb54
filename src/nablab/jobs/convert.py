"""Request values as typed or as sent: ``"3,4"`` or ``[3, 4]``, ``"1e-4:1:30"``, ``"x,y"``.

Both faces hand the request what they got (the command line text, the web API's JSON value);
these functions read it the same way for both. Nothing here evaluates text: numbers are read by
``float``, formulas and points by :mod:`nablab.parse`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from nablab.core.expression import Expression
from nablab.errors import UsageError
from nablab.parse import canonical_name, parse, parse_point, parse_values
from nablab.parse.point import point_names

if TYPE_CHECKING:
    import numpy as np

#: A point: ``"x=1,y=2"``, ``"1,2"``, ``[1, 2]`` or ``{"x": 1, "y": 2}``.
PointLike = str | Sequence[float] | Mapping[str, float]


def text_of(value: Any) -> str:
    """A JSON value as it would be typed: lists joined by commas, floats by ``repr``.

    >>> text_of([3, 0.5]), text_of({"x": 1, "y": 2})
    ('3,0.5', 'x=1,y=2')
    """
    if isinstance(value, Mapping):
        return ",".join(f"{k}={text_of(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return ",".join(text_of(v) for v in value)
    if isinstance(value, float):
        return repr(value)
    return str(value)


def function(text: str | Expression, variables: str | Sequence[str] | None = None,
             functions: str | Sequence[str] | None = None, *,
             command: str | None = None, symbolic: bool = False) -> Expression:
    """The formula, read once (``variables``: ``"x,y"`` or a list, declaring the variables;
    ``functions``: names read as undefined functions, ``"u,v"`` or a list).

    With ``command``, the one check every command makes of what was typed: a derivative
    request (``d/dx (…)``) or an undefined function f(x) is refused by every command but the
    ``symbolic`` ones (``diff``, ``steps``), with an error naming the command that computes it.
    """
    if isinstance(text, Expression):
        expression = text
    else:
        if variables is not None and not isinstance(variables, str):
            variables = ",".join(variables)
        expression = parse(text, variables=variables, functions=functions)
    if command is not None and not symbolic:
        expression.require_numeric(command)
    return expression


def point(expression: Expression, value: PointLike, *, parameters: bool = False,
          fallback: tuple[str, ...] = ()) -> dict[str, Any]:
    """A point of ``expression`` (with ``parameters``, values for its constants too)."""
    names = expression.variable_names
    if parameters:
        names += tuple(p.name for p in expression.parameters)
    text = text_of(value)
    return parse_point(text, names or fallback or point_names(text))


def given(expression: Expression, values: PointLike | None) -> Expression:
    """f with named constants given values (``"a=2,k=pi"``), exactly; ``None``: f as is."""
    if values is None or (isinstance(values, str) and not values.strip()):
        return expression
    names = expression.variable_names + tuple(p.name for p in expression.parameters)
    return expression.given(parse_values(text_of(values), names))


def drawable(expression: Expression, at: PointLike | None = None) -> Expression:
    """A constant typed alone (``5``) to be drawn: over the variables of the point, else x."""
    if expression.is_constant and not expression.variables:
        return expression.with_variables(("x",) if at is None else point_names(text_of(at)))
    return expression


def names(value: str | Sequence[str] | None) -> list[str] | None:
    """``"x,y"`` or ``"x y"`` → ``["x", "y"]``."""
    if value is None:
        return None
    if isinstance(value, str):
        return [v for v in value.replace(",", " ").split() if v]
    return [str(v) for v in value]


def numbers(value: str | float | Sequence[float], option: str) -> list[float]:
    """Comma-separated finite numbers (``float`` reads them; nothing is evaluated).

    Raises:
        UsageError: ``bad_numbers`` naming ``option``.
    """
    text = text_of(value)
    try:
        values = [float(part) for part in text.split(",")]
    except ValueError:
        raise UsageError("bad_numbers", option=option, text=text) from None
    if not values or not all(math.isfinite(v) for v in values):
        raise UsageError("bad_numbers", option=option, text=text)
    return values


def pair(value: str | Sequence[float] | None, option: str) -> tuple[float, float] | None:
    """Two numbers, e.g. Adam's betas."""
    if value is None:
        return None
    values = numbers(value, option)
    if len(values) != 2:
        raise UsageError("bad_numbers", option=option, text=text_of(value))
    return (values[0], values[1])


def number_range(value: str | Sequence[float], option: str, count: int | None = None,
                 geometric: bool = False) -> np.ndarray:
    """``a:b:n`` as n numbers from a to b (geometric when asked and both positive).

    ``a`` alone is one number; ``a:b`` (or ``a,b``) takes ``count`` from the caller; a list of
    numbers is taken as it is.
    """
    import numpy as np  # here, not at the top: `nablab diff` never needs NumPy

    if not isinstance(value, str):
        return np.array(numbers(value, option))
    parts = numbers(value.replace(":", ","), option)
    if len(parts) == 1:
        return np.array(parts)
    if len(parts) > 3 or (len(parts) == 2 and count is None):
        raise UsageError("bad_range", option=option, text=value)
    n = int(parts[2]) if len(parts) == 3 else int(count or 0)
    if len(parts) == 3 and (parts[2] != n or not 1 <= n <= 100_000):
        raise UsageError("bad_range", option=option, text=value)
    low, high = parts[0], parts[1]
    if geometric and low > 0 and high > 0:
        return np.geomspace(low, high, n)
    return np.linspace(low, high, n)


def variable(expression: Expression, wrt: str | None) -> str:
    """The variable to differentiate by: ``wrt``, or the only one (x for a constant).

    Raises:
        UsageError: several variables and no ``wrt``.
        ParseError: ``wrt`` is not a variable of the function.
    """
    if wrt:
        name = canonical_name(wrt)
        return expression.symbol(name).name if expression.variables else name
    if len(expression.variables) > 1:
        raise UsageError("wrt_required", variables=", ".join(expression.variable_names))
    return expression.variables[0].name if expression.variables else "x"


__all__ = ["PointLike", "drawable", "function", "names", "number_range", "numbers", "pair", "point",
           "text_of", "variable"]
