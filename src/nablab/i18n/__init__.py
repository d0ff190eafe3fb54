"""The message catalogue: every user-facing sentence, in English and Korean.

Texts live in :mod:`nablab.i18n.messages` (one table per capability, merged into one
catalogue); code refers to them by key and never builds user-facing sentences itself.
Korean terms follow the study notes: 편미분, 기울기 벡터, 경사하강법, 학습률, 라그랑주 승수법.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from nablab.i18n.messages import CATALOGUE
from nablab.i18n.particles import fill

LANGUAGES: tuple[str, ...] = ("en", "ko")

#: The language chosen by :func:`set_language` (a notebook's), ahead of NABLAB_LANG and the locale.
_chosen: str | None = None


def set_language(lang: str | None) -> None:
    """Show results in ``lang`` (``"ko"`` or ``"en"``) from now on; ``None``: the locale's again.

    For a notebook or a script, where no ``--lang`` is given: results display themselves
    (``_repr_html_``, figures) in this language.

    Raises:
        ValueError: ``lang`` is not one of :data:`LANGUAGES`.
    """
    global _chosen
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; use one of {LANGUAGES}")
    _chosen = lang


def detect_language(env: Mapping[str, str] | None = None) -> str:
    """The language of the user's locale: ``"ko"`` for ``ko_*`` locales, else ``"en"``.

    POSIX precedence: ``LC_ALL`` over ``LC_MESSAGES`` over ``LANG``.
    """
    env = os.environ if env is None else env
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "ko" if value.lower().startswith("ko") else "en"
    return "en"


def default_language() -> str:
    """The language used when none is given: :func:`set_language`'s, else ``NABLAB_LANG`` if
    set, else the locale's."""
    if _chosen is not None:
        return _chosen
    forced = os.environ.get("NABLAB_LANG", "")
    return forced if forced in LANGUAGES else detect_language()


def resolve_language(lang: str | None) -> str:
    """``lang`` if it is a supported language, else the default one."""
    if lang is None:
        return default_language()
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; use one of {LANGUAGES}")
    return lang


def translate(key: str, lang: str | None = None, /, **params: Any) -> str:
    """The catalogue text for ``key`` in ``lang``, with ``params`` filled in.

    Korean particles written in the template (``{point:은}``, ``'{name}'{을}``) take the
    form that fits the filled-in text read aloud (:func:`nablab.i18n.particles.fill`).

    Raises:
        KeyError: ``key`` is not in the catalogue (a programming error).
    """
    entry = CATALOGUE[key]
    text = entry[resolve_language(lang)]
    return fill(text, params)


__all__ = ["LANGUAGES", "default_language", "detect_language", "resolve_language", "set_language",
           "translate"]
