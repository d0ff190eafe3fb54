"""The LaTeX part of the lexer: ``\\frac``, ``\\sqrt``, ``\\left( \\right)``, Greek letters.

Commands come from fixed tables (the operators here, the function commands of
:data:`nablab.core.catalog.CATALOG`, Greek letters); every other command — ``\\input``,
``\\def``, ``\\href`` included — is an error, so a pasted document can never do more than a
formula.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nablab.core.catalog import CATALOG
from nablab.core.names import GREEK_ALIASES, GREEK_NAMES
from nablab.errors import ParseError
from nablab.parse.tokens import SINGLE, State, join_subscript

_SPACING = {",", ";", ":", "!", " ", "quad", "qquad"}
#: Accents a variable may wear, to the suffix of its name: ``\\hat{y}`` is ``yhat`` (ŷ).
_ACCENT_COMMANDS = {"hat": "hat", "widehat": "hat", "bar": "bar", "overline": "bar"}
_LATEX_OPS = {"cdot": "STAR", "times": "STAR", "ast": "STAR", "div": "SLASH",
              "frac": "FRAC", "dfrac": "FRAC", "tfrac": "FRAC", "sqrt": "SQRT"}


class LatexCommands:
    """Reads ``\\command``s for :class:`~nablab.parse.lexer.Lexer` (mixed into it)."""

    text: str
    declared: frozenset[str]

    if TYPE_CHECKING:
        def emit(self, st: State, kind: str, value: str, start: int, end: int) -> None: ...
        def error(self, kind: str, start: int, end: int | None = None,
                  hint: str | None = None, **params: object) -> ParseError: ...
        def _bar(self, st: State, i: int) -> None: ...
        def _subscript(self, j: int, end: int) -> tuple[str | None, int]: ...
        def _split(self, word: str, offset: int) -> list[tuple[str, str, int, int]]: ...
        def refuse_gamma(self, name: str, i: int, j: int) -> None: ...

    def _command(self, st: State, i: int, end: int) -> int:
        j = i + 1
        while j < end and self.text[j].isascii() and self.text[j].isalpha():
            j += 1
        if j == i + 1:
            return self._symbol_command(st, i, end)
        name = self.text[i + 1:j]
        if name in ("left", "right"):
            return self._delimiter(st, name, i, j, end)
        if name in ("operatorname", "mathrm", "text", "mathit"):
            return self._braced_name(st, name, i, j, end)
        if name in _ACCENT_COMMANDS:
            return self._accented_name(st, _ACCENT_COMMANDS[name], i, j, end)
        if name in _SPACING:
            return j
        if name in _LATEX_OPS:
            self.emit(st, _LATEX_OPS[name], "\\" + name, i, j)
            return j
        if name in ("lvert", "rvert", "vert"):
            self._bar(st, i)
            return j
        if name == "pi":
            self.emit(st, "CONST", "pi", i, j)
            return j
        canonical = GREEK_ALIASES.get(name, name)
        function = CATALOG.command(name)
        if function is not None and canonical not in self.declared:
            # \arcsin reads as arcsin (errors name it as written); \sigma as sigmoid
            greek = canonical in GREEK_NAMES or name not in function.names
            self.emit(st, "FUNC", function.name if greek else name, i, j)
            return j
        if canonical in GREEK_NAMES:
            self.refuse_gamma(canonical, i, j)
            return self._greek_command(st, canonical, i, j, end)
        raise self.error("unknown_command", i, j, hint="latex", command="\\" + name)

    def _symbol_command(self, st: State, i: int, end: int) -> int:
        nxt = self.text[i + 1:i + 2]
        if nxt in (",", ";", ":", "!", " "):
            return i + 2
        if nxt in ("{", "}"):
            self.emit(st, "LBRACE" if nxt == "{" else "RBRACE", nxt, i, i + 2)
            return i + 2
        if nxt == "|":
            self._bar(st, i)
            return i + 2
        raise self.error("unknown_command", i, i + 2, hint="latex", command="\\" + nxt)

    def _greek_command(self, st: State, name: str, i: int, j: int, end: int) -> int:
        k = j
        while k < end and self.text[k].isdigit():
            k += 1
        full = name + self.text[j:k]
        sub, m = self._subscript(k, end)
        if sub is not None:
            full, k = join_subscript(full, sub), m
        self.emit(st, "NAME", full, i, k)
        return k

    def _delimiter(self, st: State, which: str, i: int, j: int, end: int) -> int:
        while j < end and self.text[j] == " ":
            j += 1
        delim = self.text[j:j + 1]
        if delim == "|" or self.text.startswith("\\vert", j) or self.text.startswith("\\|", j):
            width = 5 if self.text.startswith("\\vert", j) else (2 if delim == "\\" else 1)
            kind = "ABSOPEN" if which == "left" else "ABSCLOSE"
            self.emit(st, kind, "|", i, j + width)
            return j + width
        if delim in ("(", ")", "[", "]"):
            self.emit(st, SINGLE[delim], delim, i, j + 1)
            return j + 1
        if self.text.startswith("\\{", j) or self.text.startswith("\\}", j):
            self.emit(st, "LBRACE" if which == "left" else "RBRACE", self.text[j + 1], i, j + 2)
            return j + 2
        if delim == ".":
            return j + 1
        raise self.error("unknown_command", i, j + 1, hint="latex", command="\\" + which + delim)

    def _accented_name(self, st: State, accent: str, i: int, j: int, end: int) -> int:
        """``\\hat{y}``, ``\\bar{x}``, ``\\hat{\\theta}_1`` → the names yhat, xbar, thetahat1."""
        close = self.text.find("}", j)
        inner = self.text[j + 1:close].strip() if self.text[j:j + 1] == "{" else ""
        base = GREEK_ALIASES.get(inner[1:], inner[1:]) if inner.startswith("\\") else inner
        if close == -1 or not (len(base) == 1 and base.isascii() and base.isalpha()
                               or base in GREEK_NAMES):
            raise self.error("unknown_command", i, close + 1 if close != -1 else j,
                             hint="latex", command="\\" + self.text[i + 1:j])
        name = base + accent
        sub, k = self._subscript(close + 1, end)
        if sub is not None:
            name = join_subscript(name, sub)
        else:
            k = close + 1
        self.emit(st, "NAME", name, i, k)
        return k

    def _braced_name(self, st: State, command: str, i: int, j: int, end: int) -> int:
        if self.text[j:j + 1] != "{" or "}" not in self.text[j:end]:
            raise self.error("unknown_command", i, j, hint="latex", command="\\" + command)
        close = self.text.index("}", j)
        name = self.text[j + 1:close].strip()
        if command == "operatorname":
            if name in CATALOG.names:
                self.emit(st, "FUNC", name, i, close + 1)
                return close + 1
            raise self.error("unknown_function", i, close + 1, hint="unknown_function",
                             name=name)
        if name == "e":
            self.emit(st, "CONST", "e", i, close + 1)
            return close + 1
        if name.isascii() and name.isalnum() and name[:1].isalpha():
            for kind, value, _, _ in self._split(name, j + 1):
                self.emit(st, kind, value, i, close + 1)
            return close + 1
        raise self.error("unknown_command", i, close + 1, hint="latex", command="\\" + command)


__all__ = ["LatexCommands"]
