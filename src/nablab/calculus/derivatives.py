"""Function-style access to the derivatives of an :class:`Expression` or a formula."""

from __future__ import annotations

from typing import Any

import sympy

from nablab.core.expression import Expression
from nablab.parse import parse


def partial(f: Expression | str, var: sympy.Symbol | str) -> Any:
    """∂f/∂var: differentiate by ``var``, holding the other variables constant.

    >>> partial("x^2 + 3xy + y^2", "x")
    2*x + 3*y
    """
    return parse(f).partial(var)


def gradient(f: Expression | str) -> tuple[Any, ...]:
    """∇f = (∂f/∂x₁, …, ∂f/∂xₙ).

    >>> gradient("x^2 + y^2")
    (2*x, 2*y)
    """
    return parse(f).gradient()


def hessian(f: Expression | str) -> sympy.ImmutableMatrix:
    """H[i, j] = ∂²f/∂xᵢ∂xⱼ.

    >>> hessian("x^2 + 3xy + y^2")
    Matrix([
    [2, 3],
    [3, 2]])
    """
    return parse(f).hessian()


def jacobian(f: Expression | str) -> sympy.ImmutableMatrix:
    """J[i, j] = ∂fᵢ/∂xⱼ for a vector function ``(f₁, …, fₘ)``.

    >>> jacobian("(x y, x + y)")
    Matrix([
    [y, x],
    [1, 1]])
    """
    return parse(f).jacobian()
