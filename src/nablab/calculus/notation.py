"""How derivations are written: unevaluated d/dx marks, the increment Δx, and their printers.

A derivation is a chain of equal expressions, some of which still contain derivatives not
yet worked out: ``d/dx(1 + e^(−x)) = d/dx(1) + d/dx(e^(−x))``. SymPy's ``Derivative`` prints
as ``Derivative(…)`` in the foundation's Unicode printer, so derivations use their own mark,
:class:`DiffMark`, which prints as ``d/dx(…)`` (``∂/∂x(…)`` for a partial derivative) and
which :func:`resolve` replaces by the real derivative.
"""

from __future__ import annotations

from typing import Any

import sympy

from nablab.core.printing import NablabLatexPrinter, UnicodePrinter


class DiffMark(sympy.Function):
    """d/dv(expr), not worked out yet: ``DiffMark(expr, v)``."""

    nargs = 2
    partial = False
    #: In a sum, d/dx(x²) takes the place of x² (the printer's textbook order).
    ordered_by_argument = True

    def _nablab_unicode(self, printer: Any) -> str:
        expr, var = self.args
        op = "∂/∂" if self.partial else "d/d"
        return f"{op}{printer._print(var)}({printer._print(expr)})"

    def _latex(self, printer: Any, exp: Any = None) -> str:
        expr, var = self.args
        v = printer._print(var)
        op = rf"\frac{{\partial}}{{\partial {v}}}" if self.partial else rf"\frac{{d}}{{d{v}}}"
        body = rf"{op}\left({printer._print(expr)}\right)"
        return body if exp is None else rf"\left({body}\right)^{{{exp}}}"

    def _sympystr(self, printer: Any) -> str:
        return f"diff({printer._print(self.args[0])}, {printer._print(self.args[1])})"


class PartialMark(DiffMark):
    """∂/∂v(expr), the other variables held constant."""

    partial = True


def mark(expr: Any, var: sympy.Symbol, partial: bool = False) -> Any:
    """The unevaluated derivative of ``expr`` by ``var`` (``∂`` when ``partial``)."""
    return (PartialMark if partial else DiffMark)(expr, var)


def resolve(expr: Any) -> Any:
    """``expr`` with every mark replaced by the derivative it stands for."""
    return expr.replace(lambda e: isinstance(e, DiffMark),
                        lambda e: sympy.diff(e.args[0], e.args[1]))


def has_marks(expr: Any) -> bool:
    return bool(expr.atoms(DiffMark))


def increment(var: sympy.Symbol) -> sympy.Symbol:
    """The increment Δx of a variable x (a real symbol named ``Δx``)."""
    return sympy.Symbol(f"Δ{var.name}", real=True)


class MathUnicode(UnicodePrinter):
    """The foundation's Unicode printer, with ``·`` around marks."""

    def _separator(self, left: Any, right: Any, left_text: str, right_text: str) -> str:
        if isinstance(left, DiffMark) or isinstance(right, DiffMark):
            return "·"
        return super()._separator(left, right, left_text, right_text)


class MathLatex(NablabLatexPrinter):
    """LaTeX with ``Δx`` written ``\\Delta x``."""

    def _print_Symbol(self, expr: Any, style: str = "plain") -> str:
        if expr.name.startswith("Δ"):
            inner = super()._print_Symbol(sympy.Symbol(expr.name[1:]), style)
            return r"{\Delta " + inner + "}"
        return super()._print_Symbol(expr, style)


def unicode(expr: Any, *, keep_order: bool = False) -> str:
    """One-line Unicode math; ``keep_order`` prints sums in the order of their terms."""
    return MathUnicode({"order": "none" if keep_order else None}).doprint(expr)


def latex(expr: Any, *, keep_order: bool = False) -> str:
    """LaTeX; ``keep_order`` prints sums in the order of their terms."""
    settings = {"order": "none"} if keep_order else {}
    return MathLatex(settings).doprint(expr)


__all__ = ["DiffMark", "MathLatex", "MathUnicode", "PartialMark", "has_marks", "increment",
           "latex", "mark", "resolve", "unicode"]
