"""Text as pasted from documents, made plain before lexing.

Superscripts become ``^(…)`` (``x²`` → ``x^(2)``), look-alike operators become ASCII
(``·`` ``×`` ``−`` ``≤``), everything else goes through NFKC (full-width letters, math italic
𝑥, NBSP). Invisible and bidirectional control characters are refused by name: they can make
a formula look different from what it is. Each output character remembers the input index
it came from, so errors point at the column the user sees.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from nablab.errors import ParseError

_SUPERSCRIPTS = {"⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6",
                 "⁷": "7", "⁸": "8", "⁹": "9", "⁻": "-", "⁺": "+"}
_DIRECT = {
    "·": "*", "⋅": "*", "×": "*", "∗": "*", "•": "*", "∙": "*", "÷": "/", "∕": "/",
    "−": "-", "–": "-", "‐": "-", "‑": "-", "﹣": "-", "－": "-",
    "≤": "<=", "⩽": "<=", "≥": ">=", "⩾": ">=", "≠": "!=", "∣": "|", "√": "√",
    "\t": " ", "\n": " ", "\r": " ",
}
_CONTROL_NAMES = {"\x00": "NULL", "\x1b": "ESCAPE", "\x7f": "DELETE", "\x08": "BACKSPACE"}
_LATEX_RELATIONS = {"\\leq": "<=", "\\le": "<=", "\\geq": ">=", "\\ge": ">=",
                    "\\neq": "!=", "\\ne": "!=", "\\lt": "<", "\\gt": ">"}


@dataclass(frozen=True)
class Normalized:
    """Normalised text and, for each of its characters, the index in the source."""

    source: str
    text: str
    origin: tuple[int, ...]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source span of normalised characters ``start:end``."""
        if not self.origin:
            return 0, 0
        first = self.origin[min(start, len(self.origin) - 1)]
        last = self.origin[min(max(end - 1, start), len(self.origin) - 1)]
        return first, last + 1


def _refuse(ch: str, index: int, source: str) -> ParseError:
    name = unicodedata.name(ch, "") or _CONTROL_NAMES.get(ch, "CONTROL CHARACTER")
    return ParseError("invisible_character", source=source, start=index,
                      char_name=name, code=f"U+{ord(ch):04X}")


def _is_invisible(ch: str) -> bool:
    category = unicodedata.category(ch)
    if ch in "\t\n\r":
        return False
    return category in ("Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp")


def normalize(source: str) -> Normalized:
    """Normalise ``source`` (see the module docstring).

    Raises:
        ParseError: ``invisible_character`` for NUL, zero-width, bidi and other controls.
    """
    out: list[str] = []
    origin: list[int] = []
    i = 0
    while i < len(source):
        ch = source[i]
        if ch in _SUPERSCRIPTS:
            j = i
            while j < len(source) and source[j] in _SUPERSCRIPTS:
                j += 1
            piece = "^(" + "".join(_SUPERSCRIPTS[c] for c in source[i:j]) + ")"
            out.append(piece)
            origin += [i, i] + list(range(i, j)) + [j - 1]
            i = j
            continue
        if ch == "\\":
            for command, replacement in _LATEX_RELATIONS.items():
                end = i + len(command)
                if source.startswith(command, i) and not source[end:end + 1].isalpha():
                    out.append(replacement)
                    origin += [i] * len(replacement)
                    i = end
                    break
            else:
                out.append(ch)
                origin.append(i)
                i += 1
            continue
        if _is_invisible(ch):
            raise _refuse(ch, i, source)
        direct = _DIRECT.get(ch)
        if direct is not None:
            piece = direct
        else:
            piece = ch if ch.isascii() else unicodedata.normalize("NFKC", ch)
        out.append(piece)
        origin += [i] * len(piece)
        i += 1
    return Normalized(source, "".join(out), tuple(origin))
