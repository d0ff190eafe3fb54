"""Korean particles chosen by the sound they follow, and the catalogue's template filler.

A Korean sentence in the catalogue writes a particle inside the braces of the text it follows,
``{point:은}``, or alone right after literal text, ``'{name}'{을}``; either form of a pair may
be written (``{x:는}`` is ``{x:은}``). Filling the template picks the form by the last sound
of that text read aloud (:mod:`nablab.i18n.spoken`): ``(−1, 0)은`` (영), ``x는`` (엑스),
``x² + y²이`` (제곱), ``x₁로`` (일: ㄹ takes 로), ``2로``, ``(1, 0)으로``.

Any other format field works as ``str.format`` does (``{seconds:g}``, ``{{`` for a brace).
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from typing import Any

from nablab.i18n.spoken import final_is_rieul, has_final, last_syllable

#: (after a consonant, after a vowel); 으로/로 also takes 로 after ㄹ.
PAIRS: tuple[tuple[str, str], ...] = (
    ("은", "는"), ("이", "가"), ("을", "를"), ("과", "와"), ("으로", "로"), ("이나", "나"),
    ("이랑", "랑"), ("아", "야"), ("으로는", "로는"), ("으로서", "로서"), ("으로써", "로써"),
    ("과는", "와는"), ("이라고", "라고"), ("이라는", "라는"),
)
#: Every form a template may write, mapped to its pair.
PARTICLES: dict[str, tuple[str, str]] = {form: pair for pair in PAIRS for form in pair}
#: Where the sound cannot be told (an unknown symbol), the form after a consonant.
_UNKNOWN = "곱"
_FORMATTER = string.Formatter()


def particle(text: str, form: str) -> str:
    """The form of the particle ``form`` (either of its pair) that follows ``text``.

    >>> particle("(−1, 0)", "는"), particle("x", "은"), particle("x₁", "으로")
    ('은', '는', '로')
    """
    consonant, vowel = PARTICLES[form]
    syllable = last_syllable(text) or _UNKNOWN
    if consonant.startswith("으로"):
        return vowel if not has_final(syllable) or final_is_rieul(syllable) else consonant
    return consonant if has_final(syllable) else vowel


def with_particle(text: str, form: str) -> str:
    """``text`` followed by the right form of its particle: ``with_particle("x", "을")``
    is ``"x를"``."""
    return text + particle(text, form)


def fill(template: str, params: Mapping[str, Any]) -> str:
    """A catalogue template with ``params`` filled in and its particles chosen.

    Raises:
        KeyError: a field names no parameter (a programming error, as with ``str.format``).
    """
    out: list[str] = []
    for literal, name, spec, conversion in _FORMATTER.parse(template):
        out.append(literal)
        if name is None:
            continue
        if name in PARTICLES and not spec and conversion is None:
            out.append(particle("".join(out), name))
            continue
        value, _ = _FORMATTER.get_field(name, (), params)
        value = _FORMATTER.convert_field(value, conversion)
        if spec in PARTICLES:
            text = format(value, "")
            out.append(text + particle("".join(out) + text, spec))
        else:
            out.append(format(value, _FORMATTER.vformat(spec, (), params) if spec else ""))
    return "".join(out)


def fields(template: str) -> set[str]:
    """The parameters a template names (its particles are not parameters)."""
    return {name.split(".")[0].split("[")[0]
            for _, name, spec, conversion in _FORMATTER.parse(template)
            if name and not (name in PARTICLES and not spec and conversion is None)}


__all__ = ["PAIRS", "PARTICLES", "fields", "fill", "particle", "with_particle"]
