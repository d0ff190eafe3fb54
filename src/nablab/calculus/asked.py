"""A typed derivative request (``d/dx (x^2 sin x)``, ``∂²/∂x∂y (…)``, ``dy/dx``) worked out.

The parser leaves the operand in :attr:`Expression.expr` and the request in
:attr:`Expression.asked` (:class:`~nablab.core.reading.AskedDerivative`); ``diff`` and
``steps`` compute exactly that derivative, and say what was asked, as the notes write it:
d/dx (x² sin x) = 2x sin x + x² cos x.
"""

from __future__ import annotations

from typing import Any

import sympy

from nablab.core.expression import Expression
from nablab.core.reading import AskedDerivative
from nablab.present import Math

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def variable(expression: Expression, name: str) -> sympy.Symbol:
    """The variable called ``name``: f's own, else a new real one (d/dz (x²) = 0)."""
    for v in expression.variables:
        if v.name == name:
            return v
    return sympy.Symbol(name, real=True)


def differentiations(expression: Expression,
                     asked: AskedDerivative) -> tuple[tuple[sympy.Symbol, int], ...]:
    """The differentiations in the order they are done: ∂²/∂x∂y takes ∂/∂y first."""
    return tuple((variable(expression, name), count) for name, count in reversed(asked.wrt))


def derivative(expression: Expression, asked: AskedDerivative) -> Any:
    """The derivative the request asks for, exactly (``sympy.diff``, variable by variable).

    >>> from nablab.core.reading import AskedDerivative
    >>> x, y = sympy.symbols("x y", real=True)
    >>> f = Expression("x^2 y^3", x**2 * y**3, (x, y))
    >>> derivative(f, AskedDerivative((("x", 1), ("y", 1)), partial=True))
    6*x*y**2
    """
    result = expression.expr
    for var, count in differentiations(expression, asked):
        result = sympy.diff(result, var, count)
    return result


def operator(asked: AskedDerivative) -> Math:
    """``d/dx``, ``d²/dx²``, ``∂²/∂x∂y``, ``dy/dx``: the request as the notes write it."""
    d, dl = ("∂", "\\partial") if asked.partial else ("d", "d")
    order = asked.order
    power = "" if order == 1 else str(order).translate(_SUPERSCRIPT)
    top_u = f"{d}{power}{asked.of or ''}"
    top_l = (f"{dl}^{{{order}}}" if order > 1 else dl) + (f" {asked.of}" if asked.of else "")
    bottom_u, bottom_l = [], []
    for name, count in asked.wrt:
        shown = Math.symbol(name)
        exponent = "" if count == 1 else str(count).translate(_SUPERSCRIPT)
        bottom_u.append(f"{d}{shown.unicode}{exponent}")
        bottom_l.append(f"{dl} {shown.latex}" + ("" if count == 1 else f"^{{{count}}}"))
    return Math(f"{top_u}/{''.join(bottom_u)}",
                f"\\frac{{{top_l}}}{{{' '.join(bottom_l)}}}")


def applied(expression: Expression, asked: AskedDerivative) -> Math:
    """The left-hand side: ``d/dx (x² sin x)``, or ``dy/dx`` when the function is named."""
    op = operator(asked)
    if asked.of:
        return op
    return Math(f"{op.unicode} ({expression.unicode})",
                f"{op.latex} \\left({expression.latex}\\right)")


def to_json(asked: AskedDerivative) -> dict[str, Any]:
    """``{"wrt": [["x", 2]], "partial": false, "of": null, "order": 2, "notation": "d²/dx²"}``."""
    return {"wrt": [[name, count] for name, count in asked.wrt], "partial": asked.partial,
            "of": asked.of, "order": asked.order, "notation": operator(asked).unicode}


__all__ = ["applied", "derivative", "differentiations", "operator", "to_json", "variable"]
