"""LaTeX for pages and figure titles, from the same order and names as the Unicode printer.

:class:`NablabLatexPrinter` is SymPy's LaTeX printer with nablab's textbook order
(:mod:`nablab.core.textbook`) and names (δ, H, Γ, ψ, f′, ∂f/∂x); functions with a LaTeX name
in the catalog (σ, relu) are written so that nablab reads them back.
:class:`TypedLatexPrinter` prints a typed twin in the order it was typed.
"""

from __future__ import annotations

from typing import Any

import sympy
from sympy import Mul
from sympy.printing.latex import LatexPrinter
from sympy.printing.precedence import PRECEDENCE, precedence

from nablab.core.catalog import CATALOG
from nablab.core.textbook import (
    derivative_orders,
    function_key,
    split_fraction,
    step_name,
    textbook_terms,
    typed_product,
)


class NablabLatexPrinter(LatexPrinter):
    """SymPy's LaTeX printer, in the textbook order of :class:`UnicodePrinter` and with its
    names (δ, H, Γ, ψ, f′, ∂f/∂x); functions that have a LaTeX name in the catalog (σ, relu)
    are written so that nablab reads them back."""

    typed = False

    def __init__(self, settings: dict[str, Any] | None = None) -> None:
        super().__init__({**(settings or {}), "order": "none"} if self.typed else settings)
        self._depth = 0

    def _print(self, expr: Any, *args: Any, **kwargs: Any) -> str:
        self._depth += 1
        try:
            return str(super()._print(expr, *args, **kwargs))
        finally:
            self._depth -= 1

    def _as_ordered_terms(self, expr: Any, order: Any = None) -> list[Any]:
        if self.typed or "none" in (order, self._settings.get("order")):
            return list(expr.args)
        return textbook_terms(expr, nested=self._depth > 1)

    def _print_Mul(self, expr: Any) -> str:
        if self.typed:
            return self._typed_mul(expr)
        factors = expr.as_ordered_factors()
        plain = all(not (f.is_Rational and (f.is_negative or f.q != 1))
                    and not (f.is_Pow and f.exp.could_extract_minus_sign()) for f in factors)
        if not plain or all(function_key(f)[0] == 0 for f in factors):
            return str(super()._print_Mul(expr))
        # f′(x)g(x) as in Unicode: SymPy's LaTeX printer orders factors itself
        ordered = sorted(factors, key=function_key)
        saved = self._settings["order"]
        self._settings["order"] = "none"
        try:
            return str(super()._print_Mul(Mul(*ordered, evaluate=False)))
        finally:
            self._settings["order"] = saved

    def _typed_mul(self, expr: Any) -> str:
        """A product as typed: its factors in order, a quotient as ``\\frac``."""
        negative, factors = typed_product(expr)
        sign = "- " if negative else ""
        numer, denom = split_fraction(factors, typed=True)
        top = self._typed_factors(numer, alone=not (sign and not denom)) if numer else "1"
        if not denom:
            return sign + top
        return sign + rf"\frac{{{top}}}{{{self._typed_factors(denom)}}}"

    def _typed_factors(self, factors: list[Any], alone: bool = True) -> str:
        """Factors side by side; a sum in parentheses unless it stands alone (a whole
        numerator or denominator)."""
        out = ""
        for i, factor in enumerate(factors):
            text = self._print(factor)
            if precedence(factor) < PRECEDENCE["Mul"] and (len(factors) > 1 or not alone):
                text = rf"\left({text}\right)"
            if i and (factor.is_Number or text[:1].isdigit()):
                out += r" \cdot "
            elif i:
                out += " "
            out += text
        return out

    def _print_Function(self, expr: Any, exp: Any = None) -> str:
        row = CATALOG.of(expr)
        if row is None or row.latex is None:
            return str(super()._print_Function(expr, exp))
        body = rf"{row.latex}\left({', '.join(self._print(a) for a in expr.args)}\right)"
        return body if exp is None else f"{body}^{{{exp}}}"

    def _named(self, head: str, arg: Any, exp: Any) -> str:
        tex = rf"{head}\left({self._print(arg)}\right)"
        return tex if not exp else rf"\left({tex}\right)^{{{exp}}}"

    def _print_log(self, expr: Any, exp: Any = None) -> str:
        # the catalogue's \ln, as the Unicode output and the notes write it (SymPy writes \log)
        return self._named(_LN, expr.args[0], exp)

    def _print_TypedLog(self, expr: Any, exp: Any = None) -> str:
        x, base = expr.args
        return self._named(rf"\log_{{{self._print(base)}}}", x, exp)

    def _print_Heaviside(self, expr: Any, exp: Any = None) -> str:
        return self._named(step_name("latex"), expr.args[0], exp)

    def _print_DiracDelta(self, expr: Any, exp: Any = None) -> str:
        order = int(expr.args[1]) if len(expr.args) > 1 else 0
        marks = "'" * order if order < 4 else f"^{{({order})}}"
        return self._named(rf"\delta{marks}", expr.args[0], exp)

    def _print_gamma(self, expr: Any, exp: Any = None) -> str:
        return self._named(r"\Gamma", expr.args[0], exp)

    def _print_polygamma(self, expr: Any, exp: Any = None) -> str:
        n, arg = expr.args
        mark = "" if n == 0 else ("'" if n == 1 else f"^{{({self._print(n)})}}")
        return self._named(rf"\psi{mark}", arg, exp)

    def _print_Derivative(self, expr: Any) -> str:
        orders = derivative_orders(expr)
        if orders is None:
            return str(super()._print_Derivative(expr))
        function = expr.expr
        name = self._print(sympy.Symbol(function.func.__name__))
        args = ", ".join(self._print(a) for a in function.args)
        if len(orders) == 1:
            return self._primed(name, orders[0], args)
        total = sum(orders)
        power = f"^{{{total}}}" if total > 1 else ""
        below = " ".join(rf"\partial {self._print(a)}" + (f"^{{{k}}}" if k > 1 else "")
                         for a, k in zip(function.args, orders, strict=True) if k)
        return rf"\frac{{\partial{power} {name}}}{{{below}}}"

    def _print_Subs(self, expr: Any) -> str:
        inner, old, new = expr.args
        orders = derivative_orders(inner) if inner.is_Derivative else None
        if orders is not None and len(orders) == 1 and inner.expr.args == tuple(old):
            name = self._print(sympy.Symbol(type(inner.expr).__name__))
            return self._primed(name, orders[0], self._print(new[0]))
        return str(super()._print_Subs(expr))

    @staticmethod
    def _primed(name: str, order: int, args: str) -> str:
        marks = "'" * order if order < 4 else f"^{{({order})}}"
        return rf"{name}{marks}\left({args}\right)"


class TypedLatexPrinter(NablabLatexPrinter):
    """:class:`NablabLatexPrinter` keeping the order of terms and factors as they were typed."""

    typed = True


#: How the logarithm is written, from its catalogue row (one place for \ln).
_LN: str = CATALOG.named("log").latex or r"\ln"  # type: ignore[union-attr]

__all__ = ["NablabLatexPrinter", "TypedLatexPrinter"]
