"""Normalised text → tokens for the grammar, with names split by documented rules.

Name rules (what a run of letters means):

1. A declared variable name stays whole (``xy`` if ``xy`` is declared).
2. Function names (``sin``, ``exp``, ``sigmoid`` …), Greek names (``theta``, ``lambda``,
   ``eta``) and ``pi`` stay whole; the longest known word wins (``sinh``, not ``sin``·h).
3. Digits and ``_`` subscripts stay with the letter before them (``w1``, ``x_1``,
   ``theta_0``); ``x_1``, ``x_{1}`` and ``x1`` are the same variable.
4. Any other run of letters is a product of one-letter variables: ``xy`` → x·y,
   ``3xy`` → 3·x·y. ``e`` alone is Euler's number unless declared as a variable.
5. A run of two or more such letters right before ``(`` is an error ("unknown function
   'foo'"), not a product: ``foo(x)`` is almost always a typo or a function nablab lacks.
6. f, g, h, F, G, H, φ, ψ (and names given as ``functions``) right before ``(`` are
   undefined functions, ``f(x)``, unless declared as variables; any other single letter
   before ``(`` multiplies: ``a(x+1)``.
7. ``log10``, ``log2`` (digits glued to ``log``) and ``lg`` carry their base, as ``log_10``.

The reading policy's other rules met here: a number glued to a name right after ``^`` is one
exponent with it (``e^-2x`` = e^(−2x), see :func:`_glue_exponents`); ``2,5x`` outside brackets
is refused as a decimal comma. Each rule that decided records a
:class:`~nablab.core.reading.Reading`.

LaTeX commands are read from a fixed table (``\\frac``, ``\\sqrt``, ``\\cdot``, ``\\left``,
Greek letters, function names); every other command, ``\\input`` and ``\\def`` included, is
an error.
"""

from __future__ import annotations

from lark import Token

from nablab.core.catalog import CATALOG
from nablab.core.names import (
    CONSTANTS,
    GREEK_ALIASES,
    GREEK_CHARS,
    GREEK_DISPLAY,
    GREEK_NAMES,
    known_words,
)
from nablab.core.reading import Reading
from nablab.errors import ParseError
from nablab.parse.latex import LatexCommands
from nablab.parse.limits import ParseLimits
from nablab.parse.normalize import Normalized
from nablab.parse.numbers import NumberLiterals
from nablab.parse.tokens import SINGLE, Pending, State, join_subscript

_OPENERS = {"LPAR": "RPAR", "LBRACE": "RBRACE", "LBRACK": "RBRACK", "ABSOPEN": "ABSCLOSE"}
_CLOSERS = {v: k for k, v in _OPENERS.items()}
_OPERAND_END = {"NUMBER", "NAME", "CONST", "RPAR", "RBRACE", "RBRACK", "ABSCLOSE", "BANG"}
_TIGHT_ARGS = {"FRAC": 2, "SQRT": 1}
_ARGUMENT_END = {"NUMBER", "NAME", "CONST", "RPAR", "RBRACE", "RBRACK", "ABSCLOSE"}

#: Names read as undefined functions when applied to ``(…)`` and not declared variables.
DEFAULT_FUNCTIONS = frozenset({"f", "g", "h", "F", "G", "H", "phi", "psi"})


class Lexer(LatexCommands, NumberLiterals):
    """Turns ``norm.text[start:end]`` into grammar tokens with source positions."""

    def __init__(self, norm: Normalized, declared: frozenset[str], limits: ParseLimits,
                 functions: frozenset[str] = DEFAULT_FUNCTIONS,
                 readings: list[tuple[int, Reading]] | None = None) -> None:
        self.norm = norm
        self.text = norm.text
        self.declared = declared
        self.limits = limits
        self.functions = functions - declared
        self.readings = readings if readings is not None else []

    def read(self, start: int, rule: str, **params: object) -> None:
        """Record that ``rule`` decided how the text at ``start`` was read."""
        s, _ = self.norm.source_span(start, start + 1)
        self.readings.append((s, Reading.of(rule, **params)))

    # -- errors and token emission -------------------------------------------------------
    def error(self, kind: str, start: int, end: int | None = None, hint: str | None = None,
              **params: object) -> ParseError:
        s, e = self.norm.source_span(start, end if end is not None else start + 1)
        return ParseError(kind, source=self.norm.source, start=s, end=e, hint=hint, **params)

    def emit(self, st: State, kind: str, value: str, start: int, end: int) -> None:
        s, e = self.norm.source_span(start, end)
        st.tokens.append(Token(kind, value, start_pos=s, end_pos=e))
        if len(st.tokens) > self.limits.max_tokens:
            raise self.error("too_many_tokens", start, end, limit=self.limits.max_tokens)
        if kind in _OPENERS:
            shown = self.norm.source[slice(*self.norm.source_span(start, end))]
            st.stack.append((kind, start, shown))
            if len(st.stack) > self.limits.max_depth:
                raise self.error("too_deep", start, end, limit=self.limits.max_depth)
        elif kind in _CLOSERS:
            self._close(st, kind, start)
        self._after_argument(st, kind, value)

    def _close(self, st: State, kind: str, at: int) -> None:
        if not st.stack or st.stack[-1][0] != _CLOSERS[kind]:
            if st.stack:
                opener = st.stack[-1][0]
                raise self.error("mismatched_bracket", at, found=self.text[at],
                                 expected=_BRACKET_TEXT[_OPENERS[opener]])
            raise self.error("unopened_bracket", at, bracket=self.text[at])
        st.stack.pop()

    def _after_argument(self, st: State, kind: str, value: str) -> None:
        """Count the arguments of ``\\frac``/``\\sqrt`` so ``\\frac12`` reads as 1/2."""
        top = st.pending[-1] if st.pending else None
        if top is not None and len(st.stack) == top.depth + 1 and kind == "LBRACK" \
                and top.remaining == 1 and st.tokens[-2].type == "SQRT":
            top.index_open = True
        elif top is not None and len(st.stack) == top.depth and kind in _ARGUMENT_END:
            if kind == "RBRACK" and top.index_open:
                top.index_open = False
            else:
                top.remaining -= 1
                if top.remaining == 0:
                    st.pending.pop()
        if kind in _TIGHT_ARGS and value.startswith("\\"):
            st.pending.append(Pending(_TIGHT_ARGS[kind], len(st.stack)))

    def _wants_tight(self, st: State) -> bool:
        return bool(st.pending) and len(st.stack) == st.pending[-1].depth

    # -- main loop ------------------------------------------------------------------------
    def tokenize(self, start: int, end: int) -> list[Token]:
        st = State()
        i = start
        while i < end:
            ch = self.text[i]
            if ch == " ":
                i += 1
            elif self._wants_tight(st) and (ch.isdigit() or ch.isalpha()) and ch.isascii():
                kind = "NUMBER" if ch.isdigit() else self._letter_kind(ch)
                self.emit(st, kind, ch, i, i + 1)
                i += 1
            elif ch.isdigit() or (ch == "." and self.text[i + 1:i + 2].isdigit()):
                i = self._number(st, i, end)
            elif ch.isascii() and ch.isalpha():
                i = self._word(st, i, end)
            elif ch in GREEK_CHARS:
                i = self._greek_char(st, i, end)
            elif ch == "\\":
                i = self._command(st, i, end)
            elif ch == "|":
                self._bar(st, i)
                i += 1
            elif self.text.startswith("**", i):
                self.emit(st, "CARET", "**", i, i + 2)
                i += 2
            elif ch == "," and self._decimal_comma(st, i, end):
                raise self._comma_error(st, i, end)
            elif ch in SINGLE:
                if ch == "[" and st.tokens and st.tokens[-1].type == "NAME" \
                        and self.text[i - 1:i] != " ":
                    raise self.error("indexing", i, hint="indexing")
                self.emit(st, SINGLE[ch], ch, i, i + 1)
                i += 1
            else:
                raise self._bad_character(i)
        if st.stack:
            _, where, shown = st.stack[-1]
            raise self.error("unclosed_bracket", where, bracket=shown)
        return _glue_exponents(st.tokens, self.norm.source, self.readings)

    def _decimal_comma(self, st: State, i: int, end: int) -> bool:
        """``2,5x`` outside brackets: a decimal comma, not the vector (2, 5x)."""
        tokens = st.tokens
        return (not st.stack and bool(tokens) and tokens[-1].type == "NUMBER"
                and self.text[i - 1:i].isdigit() and self.text[i + 1:i + 2].isdigit()
                and (len(tokens) < 2 or tokens[-2].type not in ("CARET", "UNDERSCORE")))

    def _comma_error(self, st: State, i: int, end: int) -> ParseError:
        number = st.tokens[-1]
        j = i + 1
        while j < end and self.text[j].isascii() and self.text[j].isalnum():
            j += 1
        s, e = self.norm.source_span(i, j)
        before = self.norm.source[int(number.start_pos or 0):s]
        typed = before + self.norm.source[s:e]
        return ParseError("decimal_comma", source=self.norm.source, start=s, end=s + 1,
                          hint="decimal_comma", typed=typed,
                          decimal=before + "." + self.norm.source[s + 1:e],
                          vector=f"({before}, {self.norm.source[s + 1:e]})")

    def _bad_character(self, i: int) -> ParseError:
        import unicodedata

        s, _ = self.norm.source_span(i, i + 1)
        original = self.norm.source[s] if s < len(self.norm.source) else self.text[i]
        if original in "=<>":
            return self.error("misplaced_relation", i, hint="relation")
        after_term = s > 0 and (self.norm.source[s - 1].isalnum() or
                                self.norm.source[s - 1] in ")'′")
        if original in "′″" or (original == "'" and after_term):
            hint: str | None = "prime"  # f'(x), y': the derivative's notation, not input
        else:
            hint = "quote" if original in "'\"`" else None
        return self.error("invalid_character", i, hint=hint, char=original,
                          char_name=unicodedata.name(original, "UNNAMED"),
                          code=f"U+{ord(original):04X}")

    def _bar(self, st: State, i: int) -> None:
        closing = (bool(st.stack) and st.stack[-1][0] == "ABSOPEN" and bool(st.tokens)
                   and st.tokens[-1].type in _OPERAND_END)
        self.emit(st, "ABSCLOSE" if closing else "ABSOPEN", "|", i, i + 1)

    # -- names ----------------------------------------------------------------------------
    def _word(self, st: State, i: int, end: int) -> int:
        j = i
        while j < end and self.text[j].isascii() and self.text[j].isalnum():
            j += 1
        sub, k = self._subscript(j, end)
        word = self.text[i:j]
        if sub is not None and (word + "_" + sub) in self.declared:
            self.emit(st, "NAME", word + "_" + sub, i, k)
            return k
        if sub is None and self._abstract_call(st, word, i, j, end):
            return j
        if sub is None:
            self.refuse_gamma(word, i, j)
        pieces = self._split(word, i)
        if sub is not None:
            kind, value, s, _ = pieces[-1]
            if kind in ("NAME", "CONST"):
                pieces[-1] = ("NAME", join_subscript(value, sub), s, k)
            else:
                k = j  # ``log_2``: the grammar reads the base
        else:
            k = j
        self._check_call(word, pieces, k, end)
        for kind, value, s, e in pieces:
            self.emit(st, kind, value, s, e)
        return k

    def _subscript(self, j: int, end: int) -> tuple[str | None, int]:
        if j >= end or self.text[j] != "_":
            return None, j
        k = j + 1
        if k < end and self.text[k] == "{":
            close = self.text.find("}", k)
            body = self.text[k + 1:close] if close != -1 else ""
            if close == -1 or not body.strip().isalnum() or not body.strip().isascii():
                return None, j
            return body.strip(), close + 1
        m = k
        while m < end and self.text[m].isascii() and self.text[m].isdigit():
            m += 1
        if m == k and k < end and self.text[k].isascii() and self.text[k].isalpha():
            m = k + 1
        return (self.text[k:m], m) if m > k else (None, j)

    def _split(self, word: str, offset: int) -> list[tuple[str, str, int, int]]:
        """Split a word into (kind, value, start, end) pieces by the module's rules."""
        if word in self.declared:
            return [("NAME", word, offset, offset + len(word))]
        pieces: list[tuple[str, str, int, int]] = []
        i = 0
        while i < len(word):
            if word[i].isdigit():
                j = i
                while j < len(word) and word[j].isdigit():
                    j += 1
                digits = word[i:j]
                if pieces and pieces[-1][0] in ("NAME", "CONST"):
                    _, value, s, _ = pieces[-1]  # e0, pi2: a name, by rule 3
                    pieces[-1] = ("NAME", value + digits, s, offset + j)
                else:
                    pieces.append(("NUMBER", digits, offset + i, offset + j))
                i = j
                continue
            if self._log_base(word, i, offset, pieces):
                i = len(word) if word[i:] == "lg" else i + 3 + _digit_run(word, i + 3)
                continue
            piece = self._longest_word(word, i)
            kind = self._word_kind(piece)
            value = GREEK_ALIASES.get(piece, piece)
            pieces.append((kind, value, offset + i, offset + i + len(piece)))
            i += len(piece)
        return pieces

    def _log_base(self, word: str, i: int, offset: int,
                  pieces: list[tuple[str, str, int, int]]) -> bool:
        """``log10``, ``log2`` → log with that base (as ``log_10``); ``lg`` → base 10."""
        if word[i:] == "lg" and i == 0 and not {"l", "g", "lg"} & self.declared:
            base, width = "10", 2
        elif word.startswith("log", i) and "log" not in self.declared:
            count = _digit_run(word, i + 3)
            base, width = word[i + 3:i + 3 + count], 3 + count
            if not base or base[0] == "0" or base == "1":
                return False
        else:
            return False
        start, stop = offset + i, offset + i + width
        pieces += [("FUNC", "log", start, stop), ("UNDERSCORE", "_", start, stop),
                   ("NUMBER", base, start, stop)]
        self.read(start, "log_base", typed=word[i:i + width], base=base)
        return True

    def refuse_gamma(self, name: str, i: int, j: int) -> None:
        """``Γ(x)``/``gamma(x)`` right before ``(``: the gamma function, which nablab lacks,
        or a product γ·(x)? Refused with both readings rather than guessed."""
        if name in ("gamma", "Gamma") and self.text[j:j + 1] == "(" \
                and name not in self.declared:
            raise self.error("gamma_function", i, j, hint="gamma_function",
                             name=self.norm.source[slice(*self.norm.source_span(i, j))])

    def _abstract_call(self, st: State, name: str, i: int, j: int, end: int) -> bool:
        """``f(x)``: a function name of :data:`DEFAULT_FUNCTIONS` (or given) applied to ``(``."""
        if self.text[j:j + 1] != "(" or name not in self.functions:
            return False
        self.emit(st, "UFUNC", name, i, j)
        self.read(i, "abstract_function", name=_shown(name))
        return True

    def _longest_word(self, word: str, i: int) -> str:
        best = word[i]
        for candidate in self.declared | known_words():
            if len(candidate) > len(best) and word.startswith(candidate, i):
                best = candidate
        return best

    def _word_kind(self, piece: str) -> str:
        if piece in self.declared:
            return "NAME"
        if piece in CATALOG.names and piece not in GREEK_NAMES:
            return "FUNC"
        if piece in CONSTANTS:
            return "CONST"
        return "NAME"

    def _letter_kind(self, ch: str) -> str:
        return "CONST" if ch == "e" and "e" not in self.declared else "NAME"

    def _check_call(self, word: str, pieces: list[tuple[str, str, int, int]], k: int,
                    end: int) -> None:
        """Rule 5: ``foo(`` is an unknown function, not f·o·o·(…)."""
        if k >= end or self.text[k] != "(" or len(pieces) < 2 or not word.isalpha():
            return
        if pieces[-1][0] == "FUNC" or any(p[1] in self.declared or p[0] == "UNDERSCORE"
                                          for p in pieces):
            return
        s, e = self.norm.source_span(pieces[0][2], k)
        raise ParseError("unknown_function", source=self.norm.source, start=s, end=e,
                         hint="unknown_function", name=word)

    def _greek_char(self, st: State, i: int, end: int) -> int:
        name = GREEK_CHARS[self.text[i]]
        j = i + 1
        while j < end and self.text[j].isascii() and self.text[j].isdigit():
            j += 1
        digits = self.text[i + 1:j]
        if not digits and self._abstract_call(st, name, i, j, end):
            return j
        if not digits:
            self.refuse_gamma(name, i, j)
        sub, k = self._subscript(j, end)
        full = name + digits
        if sub is not None:
            full = join_subscript(full, sub)
        else:
            k = j
        if full in self.declared or name in GREEK_NAMES and name != "pi":
            kind = "NAME"
        elif name == "pi" and not digits and sub is None:
            kind = "CONST"
        elif name in CATALOG.names and not digits and sub is None:
            kind = "FUNC"
        else:
            kind = "NAME"
        self.emit(st, kind, full, i, k)
        return k


_BRACKET_TEXT = {"RPAR": ")", "RBRACE": "}", "RBRACK": "]", "ABSCLOSE": "|"}



def _digit_run(word: str, i: int) -> int:
    j = i
    while j < len(word) and word[j].isdigit():
        j += 1
    return j - i


def _shown(name: str) -> str:
    return GREEK_DISPLAY.get(name, name)


def _glue_exponents(tokens: list[Token], source: str,
                    readings: list[tuple[int, Reading]]) -> list[Token]:
    """Mark a number glued to a name right after ``^`` (and a sign): ``e^-2x`` = e^(−2x).

    The grammar reads such a number with the name after it as one exponent, as ``sin 2x``
    reads ``2x`` as one argument. A space ends the exponent: ``x^2 y`` = x²·y. A name glued
    to a one-name exponent is outside it, as in ``sin xy``, and a Reading says so:
    ``e^xy`` = eˣ·y.
    """
    for index in range(len(tokens) - 1):
        token, after = tokens[index], tokens[index + 1]
        if token.type not in ("NUMBER", "NAME", "CONST") or after.start_pos != token.end_pos \
                or after.type not in ("NAME", "CONST"):
            continue
        k = index - 1
        if token.type != "NUMBER" and k >= 0 and tokens[k].type == "GNUMBER" \
                and tokens[k].end_pos == token.start_pos:
            k -= 1   # e^2xy: the exponent 2x ends before y
        while k >= 0 and tokens[k].type in ("MINUS", "PLUS"):
            k -= 1
        if k < 1 or tokens[k].type != "CARET" or tokens[k - 1].type == "FUNC":
            continue
        if token.type == "NUMBER":
            tokens[index] = Token("GNUMBER", str(token), start_pos=token.start_pos,
                                  end_pos=token.end_pos)
            continue
        base = tokens[k - 1]
        shown = source[base.start_pos:base.end_pos] if base.type in ("NAME", "CONST", "NUMBER") \
            else "(…)"
        power = source[tokens[k].end_pos:token.end_pos].strip()
        name = source[after.start_pos:after.end_pos]
        read = f"{shown}^({power})·{name}" if tokens[index - 1].type == "GNUMBER" \
            else f"{shown}^{power}·{name}"
        readings.append((int(token.start_pos or 0), Reading.of(
            "superscript_ends", typed=f"{shown}^{power}{name}", read=read.replace("-", "−"),
            other=f"{shown}^{{{power}{name}}}")))
    return tokens


def tokenize(norm: Normalized, start: int, end: int, declared: frozenset[str],
             limits: ParseLimits, functions: frozenset[str] = DEFAULT_FUNCTIONS,
             readings: list[tuple[int, Reading]] | None = None) -> list[Token]:
    """Tokens of ``norm.text[start:end]``.

    Raises:
        ParseError: invalid characters, unknown commands or functions, unbalanced brackets,
            too many tokens, too deep nesting, too long literals.
    """
    return Lexer(norm, declared, limits, functions, readings).tokenize(start, end)
