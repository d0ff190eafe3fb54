"""A derivative asked for in the typed text: ``d/dx (x^2 sin x)``, ``∂²/∂x∂y``, ``\\frac{d}{dx}``.

Derivative notation is a request, never a product: ``d/dx x^2`` is "the derivative of x²",
not d·x²/(d·x) = x³… it used to be. The operator is read only at the start of the formula
and applies to all the text after it; ``dy/dx`` there, which names no formula, is refused
with a hint rather than read as (d·y)/(d·x).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import NamedTuple

from nablab.core.names import GREEK_DISPLAY, GREEK_NAMES
from nablab.core.reading import AskedDerivative, Reading
from nablab.errors import ParseError
from nablab.parse.normalize import Normalized

_D = r"(?:d|\\mathrm\s*\{\s*d\s*\}|∂|\\partial(?![A-Za-z]))"


def _pow(group: str) -> str:
    """An optional power ``^2``, ``^{2}`` or ``^(2)`` (from ²), digits in ``group``."""
    return (rf"(?:\^\s*(?:\{{\s*(?P<{group}>\d+)\s*\}}|\(\s*(?P<{group}b>\d+)\s*\)"
            rf"|(?P<{group}c>\d)))?")


_GREEK = "|".join(sorted(GREEK_NAMES, key=len, reverse=True))
_VAR = (rf"(?:\\[A-Za-z]+|(?:{_GREEK})(?![a-z])|[A-Za-z](?:_\{{[A-Za-z0-9]+\}}|_[A-Za-z0-9]|\d+)?"
        r"|[α-ωΑ-Ω])")
_NUM = rf"(?P<op>{_D})\s*{_pow('n')}\s*(?P<of>{_VAR})?"
_DEN_ONE = rf"{_D}\s*(?P<var>{_VAR})\s*{_pow('k')}"
_DEN = rf"(?:\s*{_D}\s*{_VAR}\s*(?:\^\s*(?:\{{\s*\d+\s*\}}|\(\s*\d+\s*\)|\d))?)+"


class _Patterns(NamedTuple):
    operator: re.Pattern[str]
    den_part: re.Pattern[str]
    elsewhere: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    """The three patterns, compiled on first use: compiling them costs more than the rest of
    the module, and a formula without a d or ∂ never needs them."""
    return _Patterns(
        re.compile(rf"\s*(?P<whole>\\[dt]?frac\s*\{{\s*{_NUM}\s*\}}\s*\{{(?P<den1>{_DEN})\s*\}}"
                   rf"|{_NUM.replace('?P<', '?P<s')}\s*/(?P<den2>{_DEN}))"),
        re.compile(_DEN_ONE),
        re.compile(rf"(?<![A-Za-z0-9_\\])(?:\\[dt]?frac\s*\{{\s*{_D}[^{{}}]*\}}\s*\{{\s*{_D}"
                   r"[^{}]*\}"
                   rf"|{_D}\s*{_pow('e')}\s*(?:{_VAR})?\s*/\s*{_D}\s*{_VAR})"))


def _may_ask(text: str) -> bool:
    """Whether derivative notation can occur at all: every form has a d, ∂ or \\partial."""
    return "d" in text or "∂" in text or "\\partial" in text


_SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _power(match: re.Match[str], name: str) -> int | None:
    for key in (name, name + "b", name + "c"):
        if match[key]:
            return int(match[key])
    return None


def derivative_request(norm: Normalized, start: int, canonical: Callable[[str], str]
                       ) -> tuple[AskedDerivative, int, Reading] | None:
    """The derivative operator at ``norm.text[start:]``, if any: (request, operand start, reading).

    Raises:
        ParseError: ``derivative_needs_function`` (``d/dx`` alone), ``derivative_of_name``
            (``dy/dx x^2``), ``derivative_order`` (``d^2/dx``), ``derivative_not_at_start``
            (``x + d/dx x^2``).
    """
    if not _may_ask(norm.text[start:]):
        return None
    match = _patterns().operator.match(norm.text, start)
    if match is None:
        _refuse_elsewhere(norm, start)
        return None
    _refuse_elsewhere(norm, match.end())
    latex = match["den1"] is not None
    prefix = "" if latex else "s"
    den = match["den1"] if latex else match["den2"]
    wrt: list[tuple[str, int]] = []
    for part in _patterns().den_part.finditer(den):
        name, count = canonical(part["var"]), _power(part, "k") or 1
        if wrt and wrt[-1][0] == name:
            wrt[-1] = (name, wrt[-1][1] + count)
        else:
            wrt.append((name, count))
    s, e = norm.source_span(match.start("whole"), match.end())
    typed = norm.source[s:e].strip()
    order = _power_prefixed(match, prefix) or 1
    count = sum(c for _, c in wrt)
    if order != count:
        raise ParseError("derivative_order", source=norm.source, start=s, end=e,
                         typed=typed, order=order, count=count)
    partial = "∂" in match[prefix + "op"] or "partial" in match[prefix + "op"]
    rest = norm.text[match.end():].strip()
    of = match[prefix + "of"]
    if of is not None or not rest:
        kind = "derivative_needs_function" if not rest else "derivative_of_name"
        raise ParseError(kind, source=norm.source, start=s, end=e, hint=kind, typed=typed,
                         request=_shown(AskedDerivative(tuple(wrt), partial=partial)),
                         of=of or "y", rest=norm.source[e:].strip())
    asked = AskedDerivative(tuple(wrt), partial=partial)
    return asked, match.end(), Reading.of("derivative", typed=typed, operator=_shown(asked))


def _refuse_elsewhere(norm: Normalized, start: int) -> None:
    """``x + d/dx x^2``: a derivative operator inside a formula is refused, not multiplied."""
    found = _patterns().elsewhere.search(norm.text, start)
    if found is not None:
        s, e = norm.source_span(found.start(), found.end())
        raise ParseError("derivative_not_at_start", source=norm.source, start=s, end=e,
                         hint="derivative_not_at_start", typed=norm.source[s:e].strip())


def _power_prefixed(match: re.Match[str], prefix: str) -> int | None:
    for key in ("n", "nb", "nc"):
        if match[prefix + key]:
            return int(match[prefix + key])
    return None


def _shown(asked: AskedDerivative) -> str:
    """``d/dx``, ``d²/dx²``, ``∂²/∂x∂y``."""
    d = "∂" if asked.partial else "d"
    below = "".join(d + GREEK_DISPLAY.get(name, name) + _superscript(count)
                    for name, count in asked.wrt)
    return f"{d}{_superscript(asked.order)}/{below}"


def _superscript(count: int) -> str:
    return "" if count == 1 else str(count).translate(_SUPERSCRIPT_DIGITS)


__all__ = ["derivative_request"]
