"""A derived formula in the form a textbook would print, found within a time budget.

Differentiating by the rules leaves sums of quotients (f_xy of x y (x² − y²)/(x² + y²) comes
out as six terms); a learner compares with the book's one quotient,
(x⁶ + 9x⁴y² − 9x²y⁴ − y⁶)/(x² + y²)³. A rational function is put over one denominator,
the denominator factored and the numerator expanded with its common monomial taken out;
anything else goes through ``sympy.simplify``. Both are bounded: past the budget the formula
stays as it was, which is still right.
"""

from __future__ import annotations

from typing import Any

import sympy

from nablab.budget import run_bounded
from nablab.errors import ComputationTimeout, NablabError

#: Seconds one formula may take to simplify.
SIMPLIFY_TIMEOUT = 4.0


def simplified(expr: Any, timeout: float = SIMPLIFY_TIMEOUT) -> Any:
    """``sympy.simplify(expr)`` within ``timeout`` seconds, else ``expr`` as it is."""
    try:
        return run_bounded(sympy.simplify, expr, timeout=timeout)
    except (ComputationTimeout, MemoryError, NablabError):
        return expr


def textbook_form(expr: Any, timeout: float = SIMPLIFY_TIMEOUT) -> Any:
    """``expr`` as one tidy formula: never longer than it was, always equal to it.

    >>> x, y = sympy.symbols("x y")
    >>> textbook_form(-2*x**2*y/(x**2 + y**2)**2 + y/(x**2 + y**2))
    y*(-x**2 + y**2)/(x**2 + y**2)**2
    """
    try:
        tidy = run_bounded(_tidy, expr, timeout=timeout)
    except (ComputationTimeout, MemoryError, NablabError):
        return expr
    return tidy if sympy.count_ops(tidy) <= sympy.count_ops(expr) else expr


def _tidy(expr: Any) -> Any:
    symbols = sorted(expr.free_symbols, key=lambda s: s.name)
    if symbols and expr.is_rational_function(*symbols):
        numerator, denominator = sympy.fraction(sympy.cancel(sympy.together(expr)))
        return sympy.factor_terms(sympy.expand(numerator)) / sympy.factor(denominator)
    return sympy.simplify(expr)


__all__ = ["SIMPLIFY_TIMEOUT", "simplified", "textbook_form"]
