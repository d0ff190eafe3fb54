"""Text on figures: catalogue titles in the user's language and the function as math text.

A title is a catalogue line, then (on its own line) the formula in matplotlib's mathtext.
The two never share a line: mathtext draws a whole line with one font, and that font has no
Hangul, while a plain line gets matplotlib's per-glyph font fallback.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from nablab.core.expression import Expression
from nablab.core.printing import to_latex, to_unicode
from nablab.i18n import translate
from nablab.plot.fonts import has_hangul

#: Longer formulas are shown as (shortened) Unicode text rather than typeset.
MAX_MATH_CHARS = 160
MAX_TEXT_CHARS = 70


def figure_language(lang: str) -> str:
    """``lang``, or English when Korean was asked for but no Hangul font is installed."""
    return "en" if lang == "ko" and not has_hangul() else lang


def text(key: str, lang: str, /, **params: Any) -> str:
    """The catalogue entry ``plot.<key>`` in the figure's language."""
    return translate(f"plot.{key}", figure_language(lang), **params)


@lru_cache(maxsize=512)
def _typesets(source: str) -> bool:
    from matplotlib.mathtext import MathTextParser

    try:
        MathTextParser("path").parse(source)
    except ValueError:
        return False
    return True


def _shorten(value: str) -> str:
    return value if len(value) <= MAX_TEXT_CHARS else value[: MAX_TEXT_CHARS - 1] + "…"


def math(latex: str, unicode: str) -> str:
    """``$latex$`` when mathtext can typeset it, else the (shortened) Unicode form."""
    source = f"${latex}$"
    if len(latex) <= MAX_MATH_CHARS and _typesets(source):
        return source
    return _shorten(unicode)


def symbolic(expr: Any) -> str:
    """A SymPy expression as figure math."""
    return math(to_latex(expr), to_unicode(expr))


def latex_of(expr: Any) -> str:
    """A SymPy expression's LaTeX (for building a larger formula)."""
    return to_latex(expr)


def signature(expression: Expression) -> str:
    """``f(x, y)``: the function's name and variables, as mathtext."""
    name = expression.name or "f"
    return math(f"{name}({', '.join(expression.variable_names)})",
                f"{name}({', '.join(expression.variable_names)})")


def formula(expression: Expression) -> str:
    """``f(x, y) = x² + y²`` as figure math."""
    head = f"{expression.name or 'f'}({', '.join(expression.variable_names)})"
    return math(f"{head} = {expression.latex}", f"{head} = {expression.unicode}")


def title(key: str, lang: str, formula_line: str | None = None, /, **params: Any) -> str:
    """A catalogue title with the formula on a second line."""
    head = text(key, lang, **params)
    return head if not formula_line else f"{head}\n{formula_line}"


def caption(words: str, formula_text: str) -> str:
    """``words: formula`` on one line, or on two when Hangul would share a line with mathtext."""
    if formula_text.startswith("$") and not words.isascii():
        return f"{words}\n{formula_text}"
    return f"{words}: {formula_text}"


def number(value: float) -> str:
    """A coordinate or value as it reads on a figure: ``1``, ``0.5``, ``−2.25``, ``1.2e+06``."""
    if value == 0:
        return "0"
    if abs(value) >= 1e5 or abs(value) < 1e-3:
        return f"{value:.3g}".replace("-", "−")
    return f"{value:.4g}".replace("-", "−")


def point(values: Any) -> str:
    """``(1, 2)``, or ``1`` for one coordinate."""
    items = [number(float(v)) for v in values]
    return items[0] if len(items) == 1 else f"({', '.join(items)})"


__all__ = ["caption", "figure_language", "formula", "latex_of", "math", "number", "point",
           "signature", "symbolic", "text", "title"]
