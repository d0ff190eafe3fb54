"""Formulas as text: one-line Unicode math for terminals, LaTeX for pages, SymPy ``str``.

Every printed form reads back through :func:`nablab.parse` to the same expression (a
property the tests check), so what a learner copies from the output can be pasted back in.
"""

from __future__ import annotations

from typing import Any

import sympy
from sympy import Mul, Pow, Rational, S
from sympy.core.mul import _keep_coeff
from sympy.printing.latex import LatexPrinter
from sympy.printing.precedence import PRECEDENCE, precedence
from sympy.printing.str import StrPrinter

from nablab.core.catalog import CATALOG
from nablab.core.names import GREEK_DISPLAY, is_safe_juxtaposition

_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
_SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
MINUS = "−"


def symbol_display(name: str) -> str:
    """``theta1`` → ``θ₁``, ``w2`` → ``w₂``, ``x_ab`` unchanged."""
    stem = name.rstrip("0123456789")
    digits = name[len(stem):]
    stem = GREEK_DISPLAY.get(stem, stem)
    return stem + digits.translate(_SUBSCRIPT)


class UnicodePrinter(StrPrinter):
    """One-line Unicode math: ``2x + 3y``, ``x² + y²``, ``e^(−x)/(1 + e^(−x))²``, ``σ(x)``."""

    printmethod = "_nablab_unicode"

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
            return str(power).translate(_SUPERSCRIPT)
        if power.is_Symbol or (power.is_Integer and power >= 0):
            return "^" + self._print(power)
        return "^(" + self._print(power) + ")"

    def _print_Pow(self, expr: Pow, rational: bool = False) -> str:
        base, power = expr.as_base_exp()
        if power is S.Half:
            return "√" + self._atomic(base)
        if power.is_negative and power.is_Rational:
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
    _print_Heaviside = _print_Function

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

    def _print_Mul(self, expr: Any) -> str:
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

    @staticmethod
    def _split_fraction(expr: Any) -> tuple[list[Any], list[Any]]:
        numer: list[Any] = []
        denom: list[Any] = []
        for factor in Mul.make_args(expr) if not expr.is_Mul else expr.as_ordered_factors():
            if factor.is_Rational and factor is not S.One:
                if factor.p != 1:
                    numer.append(sympy.Integer(factor.p))
                if factor.q != 1:
                    denom.append(sympy.Integer(factor.q))
            elif factor.is_Pow and factor.exp.is_Rational and factor.exp.is_negative:
                denom.append(Pow(factor.base, -factor.exp))
            elif (factor.is_Pow and factor.exp.could_extract_minus_sign()
                  and not factor.exp.is_Number):
                denom.append(Pow(factor.base, -factor.exp))
            elif factor is not S.One:
                numer.append(factor)
        return numer, denom

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
        if left.is_Number and right_text[0] != MINUS:
            return ""
        if right_text.startswith("("):
            # "xy(…)" would read as a call of an unknown function xy
            return "·" if len(_tail_letters(left_text)) > 1 else ""
        if (_is_letter_symbol(left) and _is_letter_symbol(right)
                and is_safe_juxtaposition(_tail_letters(left_text) + right_text)):
            return ""
        return "·"


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


class NablabLatexPrinter(LatexPrinter):
    """SymPy's LaTeX printer, with functions that have a LaTeX name in the catalog (σ, relu,
    the step function) written so that nablab reads them back."""

    def _print_Function(self, expr: Any, exp: Any = None) -> str:
        row = CATALOG.of(expr)
        if row is None or row.latex is None:
            return str(super()._print_Function(expr, exp))
        body = rf"{row.latex}\left({', '.join(self._print(a) for a in expr.args)}\right)"
        return body if exp is None else f"{body}^{{{exp}}}"

    def _print_Heaviside(self, expr: Any, exp: Any = None) -> str:
        row = CATALOG.of(expr)
        if row is None or row.latex is None:
            return str(super()._print_Heaviside(expr, exp))
        tex = rf"{row.latex}\left({', '.join(self._print(a) for a in expr.pargs)}\right)"
        return tex if not exp else rf"\left({tex}\right)^{{{exp}}}"


def to_unicode(expr: Any) -> str:
    """One-line Unicode math for terminals."""
    if isinstance(expr, (list, tuple)):
        return "(" + ", ".join(to_unicode(e) for e in expr) + ")"
    return UnicodePrinter({"order": None}).doprint(expr)


def to_latex(expr: Any) -> str:
    """LaTeX as SymPy writes it (σ, relu and the step function in a form nablab reads back)."""
    return NablabLatexPrinter().doprint(expr)


def to_str(expr: Any) -> str:
    """SymPy's ``str()`` syntax, used in ``--json`` output."""
    return sympy.sstr(expr)


__all__ = ["UnicodePrinter", "symbol_display", "to_latex", "to_str", "to_unicode"]
