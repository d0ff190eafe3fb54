"""Every function nablab knows, one row each: :data:`CATALOG`.

The parser reads names, arity, builders, float twins and LaTeX commands from it; the printers
the Unicode and LaTeX names; the step engine the derivative rules; critical points and
Lagrange the kinks; the existence argument continuity; the step checker the restricted
domains; SymEngine the expansions; the staged network kernel the NumPy functions. See
:class:`~nablab.core.spec.FunctionSpec` for what each field means.

Adding a function is adding a row (``tests/core/test_function_table.py`` does it for a
made-up one). For a function SymPy lacks, :func:`new_function` makes a SymPy class that takes
its derivative, value and numeric code from the row.
"""

from __future__ import annotations

import math
from typing import Any

import sympy
from sympy import Max, exp, sqrt

from nablab.core.floats import (
    acot_float,
    cbrt_float,
    factorial_float,
    heaviside_float,
    log_float,
    sigmoid_float,
    sign_float,
)
from nablab.core.functions import relu, sigmoid
from nablab.core.spec import DerivativeRule, FunctionSpec, FunctionTable


def _log(x: Any, base: Any = None) -> Any:
    return sympy.log(x) if base is None else sympy.log(x, base)


def _heaviside(x: Any, h0: Any = None) -> Any:
    return sympy.Heaviside(x) if h0 is None else sympy.Heaviside(x, h0)


def _softplus(x: Any) -> Any:
    return sympy.log(1 + sympy.exp(x))


def _trig(formula: Any) -> DerivativeRule:
    return DerivativeRule("trig", formula)


def _inverse_trig(formula: Any) -> DerivativeRule:
    return DerivativeRule("inverse_trig", formula)


def _hyperbolic(formula: Any) -> DerivativeRule:
    return DerivativeRule("hyperbolic", formula)


_SIGMOID_RULE = DerivativeRule(
    "sigmoid", lambda u: sigmoid(u) * (1 - sigmoid(u)),
    ("σ′({x}) = σ({x})(1 − σ({x}))", r"\sigma'({x}) = \sigma({x})\left(1 - \sigma({x})\right)"))
_ABS_RULE = DerivativeRule(                                      # |u|′ = sign u, u ≠ 0
    "abs", sympy.sign,
    ("|{x}|′ = sign({x}), {x} ≠ 0", r"|{x}|' = \operatorname{{sign}}({x}),\ {x} \neq 0"))

ROWS: tuple[FunctionSpec, ...] = (
    # -- trigonometric ------------------------------------------------------------------------
    FunctionSpec("sin", sympy.sin, float_twin=math.sin, latex_commands=("sin",),
                 derivative=_trig(sympy.cos), continuous=True, ufunc="sin"),
    FunctionSpec("cos", sympy.cos, float_twin=math.cos, latex_commands=("cos",),
                 derivative=_trig(lambda u: -sympy.sin(u)), continuous=True, ufunc="cos"),
    FunctionSpec("tan", sympy.tan, float_twin=math.tan, latex_commands=("tan",),   # sec² u
                 derivative=_trig(lambda u: 1 + sympy.tan(u) ** 2)),
    FunctionSpec("cot", sympy.cot, float_twin=lambda x: 1 / math.tan(x),          # −csc² u
                 latex_commands=("cot",), derivative=_trig(lambda u: -1 - sympy.cot(u) ** 2)),
    FunctionSpec("sec", sympy.sec, float_twin=lambda x: 1 / math.cos(x), latex_commands=("sec",),
                 derivative=_trig(lambda u: sympy.sec(u) * sympy.tan(u))),
    FunctionSpec("csc", sympy.csc, float_twin=lambda x: 1 / math.sin(x), latex_commands=("csc",),
                 derivative=_trig(lambda u: -sympy.csc(u) * sympy.cot(u))),
    # -- inverse trigonometric ----------------------------------------------------------------
    FunctionSpec("asin", sympy.asin, aliases=("arcsin",), float_twin=math.asin,
                 latex_commands=("arcsin",), restricted=True,
                 derivative=_inverse_trig(lambda u: 1 / sqrt(1 - u**2))),
    FunctionSpec("acos", sympy.acos, aliases=("arccos",), float_twin=math.acos,
                 latex_commands=("arccos",), restricted=True,
                 derivative=_inverse_trig(lambda u: -1 / sqrt(1 - u**2))),
    FunctionSpec("atan", sympy.atan, aliases=("arctan",), float_twin=math.atan,
                 latex_commands=("arctan",), continuous=True, ufunc="arctan", quiet=True,
                 derivative=_inverse_trig(lambda u: 1 / (1 + u**2))),
    FunctionSpec("acot", sympy.acot, aliases=("arccot",), float_twin=acot_float,
                 derivative=_inverse_trig(lambda u: -1 / (1 + u**2))),
    FunctionSpec("asec", sympy.asec, float_twin=lambda x: math.acos(1 / x), restricted=True,
                 derivative=_inverse_trig(lambda u: 1 / (u**2 * sqrt(1 - 1 / u**2)))),
    FunctionSpec("acsc", sympy.acsc, float_twin=lambda x: math.asin(1 / x), restricted=True,
                 derivative=_inverse_trig(lambda u: -1 / (u**2 * sqrt(1 - 1 / u**2)))),
    # -- hyperbolic and their inverses --------------------------------------------------------
    FunctionSpec("sinh", sympy.sinh, float_twin=math.sinh, latex_commands=("sinh",),
                 derivative=_hyperbolic(sympy.cosh), continuous=True, ufunc="sinh"),
    FunctionSpec("cosh", sympy.cosh, float_twin=math.cosh, latex_commands=("cosh",),
                 derivative=_hyperbolic(sympy.sinh), continuous=True, ufunc="cosh"),
    FunctionSpec("tanh", sympy.tanh, float_twin=math.tanh, latex_commands=("tanh",),
                 derivative=_hyperbolic(lambda u: 1 - sympy.tanh(u) ** 2), continuous=True,
                 ufunc="tanh", quiet=True),
    FunctionSpec("coth", sympy.coth, float_twin=lambda x: 1 / math.tanh(x),
                 latex_commands=("coth",),
                 derivative=_hyperbolic(lambda u: -1 / sympy.sinh(u) ** 2)),
    FunctionSpec("sech", sympy.sech, float_twin=lambda x: 1 / math.cosh(x), continuous=True,
                 derivative=_hyperbolic(lambda u: -sympy.tanh(u) * sympy.sech(u))),
    FunctionSpec("csch", sympy.csch, float_twin=lambda x: 1 / math.sinh(x),
                 derivative=_hyperbolic(lambda u: -sympy.coth(u) * sympy.csch(u))),
    FunctionSpec("asinh", sympy.asinh, aliases=("arsinh", "arcsinh"), float_twin=math.asinh,
                 continuous=True, derivative=_hyperbolic(lambda u: 1 / sqrt(u**2 + 1))),
    FunctionSpec("acosh", sympy.acosh, aliases=("arcosh", "arccosh"), float_twin=math.acosh,
                 restricted=True,
                 derivative=_hyperbolic(lambda u: 1 / (sqrt(u - 1) * sqrt(u + 1)))),
    FunctionSpec("atanh", sympy.atanh, aliases=("artanh", "arctanh"), float_twin=math.atanh,
                 restricted=True, derivative=_hyperbolic(lambda u: 1 / (1 - u**2))),
    FunctionSpec("acoth", sympy.acoth, typed=False, restricted=True,
                 derivative=_hyperbolic(lambda u: 1 / (1 - u**2))),
    FunctionSpec("asech", sympy.asech, typed=False, restricted=True,
                 derivative=_hyperbolic(lambda u: -1 / (u * sqrt(1 - u**2)))),
    FunctionSpec("acsch", sympy.acsch, typed=False,
                 derivative=_hyperbolic(lambda u: -1 / (u**2 * sqrt(1 + 1 / u**2)))),
    # -- exponential, logarithm, roots --------------------------------------------------------
    FunctionSpec("exp", sympy.exp, float_twin=math.exp, latex_commands=("exp",),  # (eᵘ)′ = eᵘ
                 derivative=DerivativeRule("exponential", sympy.exp), continuous=True,
                 ufunc="exp"),
    FunctionSpec("log", _log, head=sympy.log, aliases=("ln",), max_args=2, one_argument=("ln",),
                 float_twin=log_float, unicode="ln", latex=r"\ln", latex_commands=("ln", "log"),
                 derivative=DerivativeRule("logarithm", lambda u: 1 / u), restricted=True,
                 ufunc="log"),
    FunctionSpec("sqrt", sympy.sqrt, float_twin=math.sqrt),
    FunctionSpec("cbrt", sympy.cbrt, float_twin=cbrt_float),
    # -- pieces, kinks and the functions of deep learning -------------------------------------
    FunctionSpec("abs", sympy.Abs, aliases=("Abs",), float_twin=abs, derivative=_ABS_RULE,
                 kink="|·|", continuous=True),
    FunctionSpec("sign", sympy.sign, aliases=("sgn",), float_twin=sign_float, kink="sign"),
    FunctionSpec("sigmoid", sigmoid, aliases=("sigma",), float_twin=sigmoid_float, unicode="σ",
                 latex=r"\sigma", latex_commands=("sigma",), derivative=_SIGMOID_RULE,
                 continuous=True, expanded=lambda a: 1 / (1 + exp(-a))),
    FunctionSpec("relu", relu, float_twin=lambda x: max(x, 0.0), latex=r"\operatorname{relu}",
                 kink="relu", continuous=True, expanded=lambda a: Max(0, a)),
    FunctionSpec("softplus", _softplus, float_twin=lambda x: math.log1p(math.exp(x))),
    FunctionSpec("heaviside", _heaviside, head=sympy.Heaviside, aliases=("Heaviside",),
                 max_args=2, float_twin=heaviside_float, unicode="H", latex="H",
                 kink="heaviside"),  # printed H(x), the unit step as textbooks write it
    FunctionSpec("max", sympy.Max, aliases=("Max",), min_args=2, max_args=8, float_twin=max,
                 latex_commands=("max",), kink="max", continuous=True),
    FunctionSpec("min", sympy.Min, aliases=("Min",), min_args=2, max_args=8, float_twin=min,
                 latex_commands=("min",), kink="min", continuous=True),
    FunctionSpec("factorial", sympy.factorial, float_twin=factorial_float),
    FunctionSpec("floor", sympy.floor, typed=False, kink="floor"),
    FunctionSpec("ceiling", sympy.ceiling, typed=False, kink="ceiling"),
)

#: The table every layer reads.
CATALOG = FunctionTable(ROWS)


class CatalogFunction(sympy.Function):
    """A one-argument function known only by its row (see :func:`new_function`).

    ``sympy.diff`` takes F′ from the row's derivative rule; numeric values, NumPy and Python
    code come from the row's expansion in SymPy's own functions.
    """

    nargs = 1

    def _row(self) -> FunctionSpec:
        row = CATALOG.of(self)
        if row is None:
            raise ValueError(f"{type(self).__name__} has no row in nablab.core.catalog.CATALOG")
        return row

    def fdiff(self, argindex: int = 1) -> Any:
        rule = self._row().derivative
        return super().fdiff(argindex) if rule is None else rule.formula(self.args[0])

    def _expanded(self) -> Any:
        expanded = self._row().expanded
        if expanded is None:
            raise NotImplementedError(f"{type(self).__name__}'s row has no expansion")
        return expanded(*self.args)

    def _eval_evalf(self, prec: int) -> Any:
        return self._expanded()._eval_evalf(prec)

    def _numpycode(self, printer: Any) -> str:
        return f"({printer._print(self._expanded())})"

    def _pythoncode(self, printer: Any) -> str:
        return f"({printer._print(self._expanded())})"


def new_function(name: str) -> type[CatalogFunction]:
    """A new SymPy function class called ``name`` whose facts are its row's.

    >>> versin = new_function("versin")
    >>> versin.__name__
    'versin'
    """
    return type(name, (CatalogFunction,), {"__module__": __name__})


def expand_named(expr: Any) -> Any:
    """``expr`` with every function that has an expansion (σ, relu) written in SymPy's own
    functions (exp, Max), e.g. for SymEngine, which knows neither."""
    for row in CATALOG:
        if row.expanded is not None and row.head is not None:
            expr = expr.replace(row.head, row.expanded)
    return expr


def kinks(expr: Any) -> tuple[str, ...]:
    """The names (sorted) of the functions in ``expr`` that are not differentiable somewhere:
    |x|, sign, relu, max, … — gradients and Hessians do not exist at their kinks."""
    found = {row.kink for node in sympy.preorder_traversal(expr)
             if (row := CATALOG.of(node)) is not None and row.kink is not None}
    return tuple(sorted(found))


__all__ = ["CATALOG", "ROWS", "CatalogFunction", "expand_named", "kinks", "new_function"]
