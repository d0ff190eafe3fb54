"""How many terminal cells a text takes: the one width every aligned column is measured with.

East Asian wide and fullwidth characters (Hangul, CJK) take two cells, combining marks and
zero-width characters none, everything else one — what ``wcwidth`` says for these, without
the dependency. Tables, padded columns, the caret under a parse error and wrapped help text
all measure with :func:`cell_width`, so Korean lines up as English does.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

#: Zero-width characters that are not combining marks: joiners, marks, the BOM.
_ZERO = frozenset("\u200b\u200c\u200d\u200e\u200f\u2060\ufeff")


@lru_cache(maxsize=4096)
def char_width(char: str) -> int:
    """Cells taken by one character: 2 wide, 0 combining or invisible, else 1.

    >>> char_width("가"), char_width("x"), char_width("\\u0302")
    (2, 1, 0)
    """
    if char in _ZERO or unicodedata.combining(char) or "\u1160" <= char <= "\u11ff":
        return 0  # Hangul medial and final jamo join the syllable before them
    category = unicodedata.category(char)
    if category in ("Mn", "Me", "Cf") or (category == "Cc" and char not in "\t"):
        return 0
    if category == "Cn":
        return 1  # unassigned: no width is known, one cell is what terminals draw
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def cell_width(text: str) -> int:
    """Cells taken by ``text`` in a terminal: ``cell_width("최대 반복") == 9``."""
    if text.isascii():
        return len(text) - sum(1 for c in text if ord(c) < 32 and c != "\t")
    return sum(char_width(c) for c in text)


def pad(text: str, width: int, align: str = "<") -> str:
    """``text`` padded with spaces to ``width`` cells: ``<`` left, ``>`` right, ``^`` centred.

    The display-width version of ``f"{text:<10}"``; a text already wider is left as it is.
    """
    space = max(0, width - cell_width(text))
    if align == ">":
        return " " * space + text
    if align == "^":
        return " " * (space // 2) + text + " " * (space - space // 2)
    return text + " " * space


def wrap(text: str, width: int) -> list[str]:
    """``text`` broken at spaces into lines of at most ``width`` cells (a longer word stays
    whole), like :func:`textwrap.wrap` but counting cells."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        joined = f"{current} {word}" if current else word
        if current and cell_width(joined) > width:
            lines.append(current)
            current = word
        else:
            current = joined
    if current:
        lines.append(current)
    return lines


__all__ = ["cell_width", "char_width", "pad", "wrap"]
