"""Text as pasted from documents, made plain before lexing.

A formula wrapped as pasted from notes (``$…$``, ``$$…$$``, ``\\(…\\)``, ``\\[…\\]``) loses
its wrapper. Superscripts, digits and modifier letters alike, become ``^(…)`` (``x²`` →
``x^(2)``, ``e⁻ˣ`` → ``e^(-x)``); a letter with a hat or bar (``ŷ``, ``x̄``) becomes
``\\hat{y}``, ``\\bar{x}``. Look-alike operators become ASCII
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
                 "⁷": "7", "⁸": "8", "⁹": "9", "⁻": "-", "⁺": "+", "⁽": "(", "⁾": ")",
                 **dict(zip("ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ", "abcdefghijklmnoprstuvwxyz",
                            strict=True))}
#: Combining accents a name may wear (``ŷ`` is y + U+0302), as the LaTeX command for them.
_ACCENTS = {"\u0302": "hat", "\u0304": "bar", "\u0305": "bar"}
#: Wrappers of a formula pasted from notes, opening → closing.
_WRAPPERS = (("$$", "$$"), ("$", "$"), ("\\(", "\\)"), ("\\[", "\\]"))
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
    i, stop = _unwrapped(source)
    while i < stop:
        ch = source[i]
        accented = _accented(source, i)
        if accented is not None:
            piece, width = accented
            out.append(piece)
            origin += [i] * len(piece)
            i += width
            continue
        if ch in _SUPERSCRIPTS:
            j = i
            while j < stop and source[j] in _SUPERSCRIPTS:
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


def _unwrapped(source: str) -> tuple[int, int]:
    """Where the formula starts and stops inside a ``$…$``-style wrapper (or the whole)."""
    start, stop = len(source) - len(source.lstrip()), len(source.rstrip())
    for opening, closing in _WRAPPERS:
        if stop - start >= len(opening) + len(closing) and source.startswith(opening, start) \
                and source.endswith(closing, 0, stop):
            inner = source[start + len(opening):stop - len(closing)]
            if opening == "$" and "$" in inner:
                continue
            return start + len(opening), stop - len(closing)
    return 0, len(source)


def _accented(source: str, i: int) -> tuple[str, int] | None:
    """``ŷ`` or y + combining circumflex → (``\\hat{y}``, characters used), else None."""
    ch = source[i]
    nxt = source[i + 1:i + 2]
    if ch.isascii() and ch.isalpha() and nxt in _ACCENTS:
        return f"\\{_ACCENTS[nxt]}{{{ch}}}", 2
    if ch.isascii() or not ch.isalpha():
        return None
    parts = unicodedata.normalize("NFD", ch)
    if len(parts) == 2 and parts[0].isascii() and parts[1] in _ACCENTS:
        return f"\\{_ACCENTS[parts[1]]}{{{parts[0]}}}", 1
    return None
