"""A formula in both notations, built once: Unicode for terminals, LaTeX for pages.

Results build their formulas from these pieces (derivative symbols, vectors, matrices,
equations), so ``∂f/∂x = 2x + 3y`` in the terminal and ``\\frac{\\partial f}{\\partial x} =
2 x + 3 y`` on a page come from the same call.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sympy

from nablab.core.printing import symbol_display, to_latex, to_unicode
from nablab.i18n.width import cell_width, pad


@dataclass(frozen=True)
class Math:
    """One formula: ``unicode`` (may span lines, e.g. a matrix) and ``latex``."""

    unicode: str
    latex: str

    @classmethod
    def of(cls, expr: Any) -> Math:
        """A SymPy expression (or a tuple of them) printed both ways."""
        return cls(to_unicode(expr), to_latex(expr))

    @classmethod
    def text(cls, words: str) -> Math:
        """Plain words inside a formula (``\\text{…}`` in LaTeX)."""
        return cls(words, f"\\text{{{words}}}")

    @classmethod
    def symbol(cls, name: str) -> Math:
        """A variable or function name: ``w1`` → ``w₁`` / ``w_{1}``."""
        return cls(symbol_display(name), to_latex(sympy.Symbol(name)))

    def __add__(self, other: Math | str) -> Math:
        return join(self, other)

    def __radd__(self, other: str) -> Math:
        return join(other, self)

    def __str__(self) -> str:
        return self.unicode


def _both(part: Math | str) -> tuple[str, str]:
    return (part.unicode, part.latex) if isinstance(part, Math) else (part, part)


def join(*parts: Math | str) -> Math:
    """Pieces side by side; a plain string is the same in both notations (`` = ``, ``, ``)."""
    pairs = [_both(p) for p in parts]
    return Math("".join(u for u, _ in pairs), "".join(t for _, t in pairs))


def equation(*sides: Math | str) -> Math:
    """``a = b = c``."""
    out: list[Math | str] = []
    for i, side in enumerate(sides):
        out += [" = ", side] if i else [side]
    return join(*out)


def call(name: str, arguments: Sequence[Math | str]) -> Math:
    """``f(x, y)``."""
    return join(Math.symbol(name), "(", *_commas(arguments), ")")


def _commas(items: Sequence[Math | str]) -> list[Math | str]:
    out: list[Math | str] = []
    for i, item in enumerate(items):
        out += [", ", item] if i else [item]
    return out


def vector(items: Sequence[Math | str]) -> Math:
    """``(a, b)`` / ``\\left(a, b\\right)``."""
    inner = join(*_commas(items))
    return Math(f"({inner.unicode})", f"\\left({inner.latex}\\right)")


def derivative(function: str, var: str, *, partial: bool, order: int = 1) -> Math:
    """``∂f/∂x``, ``df/dx``, ``∂²f/∂x²`` and their LaTeX fractions."""
    d = "∂" if partial else "d"
    f, x = Math.symbol(function), Math.symbol(var)
    power = "" if order == 1 else str(order).translate(str.maketrans("0123456789",
                                                                      "⁰¹²³⁴⁵⁶⁷⁸⁹"))
    unicode = f"{d}{power}{f.unicode}/{d}{x.unicode}{power}"
    dl = "\\partial" if partial else "d"
    top = f"{dl}^{{{order}}} {f.latex}" if order > 1 else f"{dl} {f.latex}"
    bottom = f"{dl} {x.latex}^{{{order}}}" if order > 1 else f"{dl} {x.latex}"
    return Math(unicode, f"\\frac{{{top}}}{{{bottom}}}")


def matrix(rows: Sequence[Sequence[Math]]) -> Math:
    """Rows between tall brackets (columns aligned, one line per row) / ``pmatrix``."""
    cells = [[c.unicode for c in row] for row in rows]
    latex_body = " \\\\ ".join(" & ".join(c.latex for c in row) for row in rows)
    latex = f"\\begin{{pmatrix}} {latex_body} \\end{{pmatrix}}"
    if not cells:
        return Math("[]", latex)
    widths = [max(cell_width(row[j]) for row in cells) for j in range(len(cells[0]))]
    body = ["  ".join(pad(c, w, ">") for c, w in zip(row, widths, strict=True)) for row in cells]
    if len(body) == 1:
        return Math(f"[{body[0]}]", latex)
    lines = []
    for i, line in enumerate(body):
        left, right = ("⎡", "⎤") if i == 0 else (("⎣", "⎦") if i == len(body) - 1 else ("⎢", "⎥"))
        lines.append(f"{left}{line}{right}")
    return Math("\n".join(lines), latex)


__all__ = ["Math", "call", "derivative", "equation", "join", "matrix", "vector"]
