"""The number part of the lexer: literals, scientific notation, and their limits from the text.

``1e-3`` is a number; a name glued after it multiplies it (``1e-3x`` = x/1000, said in a
Reading); ``2e``, ``2e^x``, ``2ex`` hold Euler's number. A literal whose size is beyond the
limits (``1e1000000000``) is refused from its digits and exponent alone, before anything
converts it, so no literal can make the parser slow.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from nablab.errors import ParseError
from nablab.parse.limits import ParseLimits
from nablab.parse.normalize import Normalized
from nablab.parse.tokens import State


class NumberLiterals:
    """Reads number literals for :class:`~nablab.parse.lexer.Lexer` (mixed into it)."""

    text: str
    declared: frozenset[str]
    limits: ParseLimits
    norm: Normalized

    if TYPE_CHECKING:
        def emit(self, st: State, kind: str, value: str, start: int, end: int) -> None: ...
        def error(self, kind: str, start: int, end: int | None = None,
                  hint: str | None = None, **params: object) -> ParseError: ...
        def read(self, start: int, rule: str, **params: object) -> None: ...

    def _number(self, st: State, i: int, end: int) -> int:
        j = i
        while j < end and self.text[j].isdigit():
            j += 1
        if j < end and self.text[j] == ".":
            j += 1
            while j < end and self.text[j].isdigit():
                j += 1
        if j < end and self.text[j] == "." and j > i:   # 3..5, 1.2.3: not one number
            k = j
            while k < end and (self.text[k].isdigit() or self.text[k] == "."):
                k += 1
            raise self.error("two_points", i, k, text=self.text[i:k])
        mantissa_end = j
        j = self._scientific_suffix(j, end)
        literal = self.text[i:j]
        if sum(c.isdigit() for c in literal) > self.limits.max_literal_digits:
            raise self.error("literal_too_long", i, j, limit=self.limits.max_literal_digits)
        self._check_magnitude(literal, mantissa_end - i, i, j)
        if j > mantissa_end and j < end and self.text[j].isalpha():
            k = j
            while k < end and self.text[k].isascii() and self.text[k].isalpha():
                k += 1
            name = self.text[j:k]
            self.read(i, "scientific", typed=literal + name, number=literal, name=name)
        self.emit(st, "NUMBER", literal, i, j)
        return j

    def _check_magnitude(self, literal: str, mantissa_len: int, i: int, j: int) -> None:
        """Refuse from the text alone a literal whose size is beyond the limits: ``1e400``.

        Nothing is converted first, so ``1e1000000000`` is refused in microseconds.
        """
        if mantissa_len == len(literal):
            return
        mantissa, exponent = literal[:mantissa_len], literal[mantissa_len + 1:]
        digits = exponent.lstrip("+-").lstrip("0")
        bound = round(self.limits.max_log_magnitude / math.log(10))
        if len(digits) > len(str(bound)) + 1:
            too_small = exponent.startswith("-")
        else:
            whole, _, fraction = mantissa.partition(".")
            whole = whole.lstrip("0")
            if whole:
                lead = len(whole) - 1
            elif fraction.strip("0"):
                lead = -(len(fraction) - len(fraction.lstrip("0")) + 1)
            else:
                return  # zero, whatever the exponent
            order = int(exponent) + lead
            if -bound <= order <= bound:
                return
            too_small = order < 0
        kind = "number_too_small" if too_small else "number_too_large"
        raise self.error(kind, i, j, text=self.norm.source[slice(*self.norm.source_span(i, j))])

    def _scientific_suffix(self, j: int, end: int) -> int:
        """``1e-3`` and ``1e-3x`` (= x/1000) hold a number; ``2e^x``, ``2e``, ``2ex`` are 2·e….

        An ``e`` counts as an exponent marker only when digits follow it (after an optional
        sign); a name glued after those digits multiplies the number.
        """
        if j >= end or self.text[j] not in "eE" or "e" in self.declared:
            return j
        k = j + 1
        if k < end and self.text[k] in "+-":
            k += 1
        digits_start = k
        while k < end and self.text[k].isdigit():
            k += 1
        if k == digits_start or (k < end and self.text[k] == "."):
            return j
        return k


__all__ = ["NumberLiterals"]
