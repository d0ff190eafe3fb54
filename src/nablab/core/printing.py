"""Formulas as text: one-line Unicode math for terminals, LaTeX for pages, SymPy ``str``.

One printer, in two notations, writes every formula as a textbook does: the terms of a sum
by descending degree with the constant last, a sum inside parentheses starting with a
positive term when it has one (``−2x(y − wx)``, not ``−2x(−wx + y)``), and δ(x), H(x),
Γ(x), ψ(x), f′(x), ∂f/∂x rather than SymPy's internal names. The formula a user typed is
printed by the same printer with the order and grouping it was typed in (``typed=True``:
``4 − x² − 2y²`` stays so), from the unevaluated twin the parser keeps.

Every printed form of the functions a user can type reads back through :func:`nablab.parse`
to the same expression (a property the tests check), so what a learner copies from the
output can be pasted back in.
"""

from __future__ import annotations

import unicodedata
from typing import Any

import sympy
from sympy import Mul, Pow, Rational, S
from sympy.core.mul import _keep_coeff
from sympy.printing.precedence import PRECEDENCE, precedence
from sympy.printing.str import StrPrinter

from nablab.core.catalog import CATALOG
from nablab.core.latex import NablabLatexPrinter, TypedLatexPrinter
from nablab.core.names import GREEK_DISPLAY, is_safe_juxtaposition
from nablab.core.textbook import (
    SUPERSCRIPT,
    derivative_orders,
    function_key,
    is_function_of,
    prime_marks,
    split_fraction,
    step_name,
    textbook_terms,
    typed_product,
)

_SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
MINUS = "−"


#: The accents a name may end in (how the parser names ``ŷ``, ``\\hat{y}``: ``yhat``), as the
#: combining character that puts them on the letter.
_ACCENT_MARKS = {"hat": "\u0302", "bar": "\u0304"}


def symbol_display(name: str) -> str:
    """``theta1`` → ``θ₁``, ``w2`` → ``w₂``, ``yhat`` → ``ŷ``, ``x_ab`` unchanged."""
    stem = name.rstrip("0123456789")
    digits = name[len(stem):]
    mark = ""
    for accent, combining in _ACCENT_MARKS.items():
        base = stem.removesuffix(accent)
        if base != stem and (len(base) == 1 and base.isalpha() or base in GREEK_DISPLAY):
            stem, mark = base, combining
    stem = GREEK_DISPLAY.get(stem, stem)
    return unicodedata.normalize("NFC", stem + mark) + digits.translate(_SUBSCRIPT)


class UnicodePrinter(StrPrinter):
    """One-line Unicode math: ``2x + 3y``, ``x² + y²``, ``e^(−x)/(1 + e^(−x))²``, ``σ(x)``."""

    printmethod = "_nablab_unicode"
    #: Whether the terms and factors keep the order they have (a typed, unevaluated twin).
    typed = False

    def __init__(self, settings: dict[str, Any] | None = None) -> None:
        super().__init__(settings)
        self._depth = 0  # 1 while the whole formula is printed, more inside it

    def _as_ordered_terms(self, expr: Any, order: Any = None) -> list[Any]:
        if self.typed or "none" in (order, self._settings.get("order")):
            return list(expr.args)
        return textbook_terms(expr, nested=self._depth > 1)

    def _ordered_factors(self, expr: Any) -> list[Any]:
        if self.typed:
            return list(expr.args)
        return sorted(expr.as_ordered_factors(), key=function_key)

    def _print_Symbol(self, expr: sympy.Symbol) -> str:
        return symbol_display(expr.name)

    _print_Dummy = _print_Symbol

    def _print_Exp1(self, expr: Any) -> str:
        return "e"

    def _print_Pi(self, expr: Any) -> str:
        return "π"

    def _print_Integer(self, expr: sympy.Integer) -> str:
        return str(expr.p).replace("-", MINUS)

    def _print_Rational(self, expr: Rational) -> str:
        text = str(expr.p) if expr.q == 1 else f"{expr.p}/{expr.q}"
        return text.replace("-", MINUS)

    def _print_Float(self, expr: sympy.Float) -> str:
        return super()._print_Float(expr).replace("-", MINUS)

    def _print_exp(self, expr: Any) -> str:
        return "e" + self._exponent(expr.args[0])

    def _exponent(self, power: Any) -> str:
        if power.is_Integer and power > 1:
            return str(power).translate(SUPERSCRIPT)
        if power.is_Symbol or power.is_NumberSymbol or (power.is_Integer and power >= 0):
            return "^" + self._print(power)
        return "^(" + self._print(power) + ")"

    def _print_Pow(self, expr: Pow, rational: bool = False) -> str:
        base, power = expr.as_base_exp()
        if power is S.Half:
            return "√" + self._atomic(base)
        if power.is_Rational and power.is_negative and not (self.typed and power != -1):
            inverse = base if power == -1 else Pow(base, -power, evaluate=False)
            return "1/" + self.parenthesize(inverse, PRECEDENCE["Mul"], strict=True)
        if base is S.Exp1:
            return "e" + self._exponent(power)
        shown = self._print(base)
        if base.is_Pow or isinstance(base, sympy.exp) or precedence(base) <= PRECEDENCE["Pow"]:
            shown = f"({shown})"
        return shown + self._exponent(power)

    def _atomic(self, expr: Any) -> str:
        text = self._print(expr)
        return text if (expr.is_Symbol or (expr.is_Integer and expr >= 0)) else f"({text})"

    def _print_Abs(self, expr: Any) -> str:
        return "|" + self._print(expr.args[0]) + "|"

    def _print_factorial(self, expr: Any) -> str:
        return self._atomic(expr.args[0]) + "!"

    def _print_Function(self, expr: Any) -> str:
        row = CATALOG.of(expr)
        shown = row.shown_name if row is not None else expr.func.__name__
        args = getattr(expr, "pargs", expr.args)  # H(x), not H(x, 1/2)
        return f"{shown}({', '.join(self._print(a) for a in args)})"

    _print_Max = _print_Function
    _print_Min = _print_Function

    def _print_Heaviside(self, expr: Any) -> str:
        # the unit step, whatever its value at 0: H(x), never heaviside(x, 0)
        return f"{step_name('unicode')}({self._print(expr.args[0])})"

    def _print_DiracDelta(self, expr: Any) -> str:
        order = int(expr.args[1]) if len(expr.args) > 1 else 0
        return f"δ{prime_marks(order)}({self._print(expr.args[0])})"

    def _print_gamma(self, expr: Any) -> str:
        return f"Γ({self._print(expr.args[0])})"

    def _print_TypedLog(self, expr: Any) -> str:
        x, base = expr.args
        if base.is_Integer:
            below = str(base).translate(_SUBSCRIPT)
        else:
            shown = self._print(base)
            below = "_" + shown if base.is_Symbol or base is sympy.E else f"_({shown})"
        return f"log{below}({self._print(x)})"

    def _print_polygamma(self, expr: Any) -> str:
        n, arg = expr.args
        mark = "" if n == 0 else ("′" if n == 1 else f"({self._print(n)})".translate(
            SUPERSCRIPT) if n.is_Integer else f"^({self._print(n)})")
        return f"ψ{mark}({self._print(arg)})"

    def _print_Derivative(self, expr: Any) -> str:
        orders = derivative_orders(expr)
        if orders is None:
            return str(super()._print_Derivative(expr))
        function = expr.expr
        name = symbol_display(function.func.__name__)
        args = ", ".join(self._print(a) for a in function.args)
        if len(orders) == 1:
            return f"{name}{prime_marks(orders[0])}({args})"
        total = sum(orders)
        power = str(total).translate(SUPERSCRIPT) if total > 1 else ""
        below = "".join(f"∂{self._print(a)}" + (str(k).translate(SUPERSCRIPT) if k > 1 else "")
                        for a, k in zip(function.args, orders, strict=True) if k)
        return f"∂{power}{name}/{below}"

    def _print_Subs(self, expr: Any) -> str:
        inner, old, new = expr.args
        if inner.is_Derivative and derivative_orders(inner) is not None and len(old) == 1 and \
                inner.expr.args == tuple(old):
            # f′(g(x)): SymPy's chain rule writes it as f′(ξ) at ξ = g(x)
            return self._print(inner).replace(f"({self._print(old[0])})",
                                              f"({self._print(new[0])})")
        return str(super()._print_Subs(expr))

    def _print_Add(self, expr: Any, order: Any = None) -> str:
        pieces: list[str] = []
        for term in self._as_ordered_terms(expr, order=order):
            text = self._print(term)
            sign = "+"
            if text.startswith(MINUS):
                sign, text = MINUS, text[1:]
            if precedence(term) < PRECEDENCE["Add"]:
                text = f"({text})"
            pieces += [sign, text]
        head = pieces.pop(0)
        return ("" if head == "+" else MINUS) + " ".join(pieces)

    def _print(self, expr: Any, **kwargs: Any) -> str:
        self._depth += 1
        try:
            return str(super()._print(expr, **kwargs))
        finally:
            self._depth -= 1

    def _print_Mul(self, expr: Any) -> str:
        if self.typed:
            negative, factors = typed_product(expr)
            sign = MINUS if negative else ""
            numer, denom = split_fraction(factors, typed=True)
        else:
            coeff, rest = expr.as_coeff_Mul()
            sign = ""
            if coeff.is_negative:
                sign, expr = MINUS, _keep_coeff(-coeff, rest)
            numer, denom = self._split_fraction(expr)
        top = self._join(numer) if numer else "1"
        if not denom:
            return sign + top
        bottom = self._join(denom)
        if len(denom) > 1 or denom[0].is_Mul:
            bottom = f"({bottom})"
        return sign + top + "/" + bottom

    def _split_fraction(self, expr: Any) -> tuple[list[Any], list[Any]]:
        factors = Mul.make_args(expr) if not expr.is_Mul else self._ordered_factors(expr)
        return split_fraction(list(factors), typed=self.typed)

    def _join(self, factors: list[Any]) -> str:
        prec = PRECEDENCE["Mul"]
        out = ""
        previous: Any = None
        for factor in factors:
            text = self.parenthesize(factor, prec, strict=False)
            if previous is None:
                out = text
            else:
                out += self._separator(previous, factor, out, text) + text
            previous = factor
        return out

    def _separator(self, left: Any, right: Any, left_text: str, right_text: str) -> str:
        if right.is_Number or right_text[0].isdigit():
            return "·"
        if is_function_of(right) and not left_text[-1].isalpha() and right_text[0] != "∂":
            return ""  # 3x²f(x), x³f′(x); but x²·∂f/∂x
        if left.is_Number and right_text[0] != MINUS:
            return ""
        if right_text.startswith("("):
            # "xy(…)" would read as a call of an unknown function xy
            return "·" if len(_tail_letters(left_text)) > 1 else ""
        if (_is_letter_symbol(_letter_base(left)) and _is_letter_symbol(_letter_base(right))
                and is_safe_juxtaposition(_tail_letters(left_text) + right_text.rstrip(
                    "⁰¹²³⁴⁵⁶⁷⁸⁹"))):
            return ""  # xy, x²y, xy²
        return "·"


def _letter_base(expr: Any) -> Any:
    """x of x², x³ (a power written with a superscript); else the factor itself."""
    if expr.is_Pow and expr.exp.is_Integer and expr.exp > 1:
        return expr.base
    return expr


def _is_letter_symbol(expr: Any) -> bool:
    """A one-letter name, perhaps with a numeric subscript (``x``, ``w1``)."""
    name = expr.name if expr.is_Symbol else ""
    return bool(name) and name.isascii() and name[0].isalpha() and name[1:].isdigit() | (
        len(name) == 1)


def _tail_letters(text: str) -> str:
    tail = ""
    for ch in reversed(text):
        if not ch.isalpha():
            break
        tail = ch + tail
    return tail


class TypedUnicodePrinter(UnicodePrinter):
    """:class:`UnicodePrinter` keeping the order of terms and factors as they were typed."""

    typed = True


def to_unicode(expr: Any, *, typed: bool = False) -> str:
    """One-line Unicode math for terminals (``typed``: in the order of an unevaluated twin)."""
    if isinstance(expr, (list, tuple)):
        return "(" + ", ".join(to_unicode(e, typed=typed) for e in expr) + ")"
    printer = TypedUnicodePrinter if typed else UnicodePrinter
    return str(printer({"order": None}).doprint(expr))


def to_latex(expr: Any, *, typed: bool = False) -> str:
    """LaTeX in the textbook order (``typed``: in the order of an unevaluated twin); σ and
    relu in a form nablab reads back."""
    printer = TypedLatexPrinter if typed else NablabLatexPrinter
    return str(printer().doprint(expr))


def to_str(expr: Any) -> str:
    """SymPy's ``str()`` syntax, used in ``--json`` output."""
    return sympy.sstr(expr)


__all__ = ["MINUS", "NablabLatexPrinter", "TypedLatexPrinter", "TypedUnicodePrinter",
           "UnicodePrinter", "symbol_display", "to_latex", "to_str", "to_unicode"]
