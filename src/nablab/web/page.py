"""The one page: ``static/index.html`` with its text filled in from the message catalogue.

The template marks text as ``{{key}}`` (a catalogue key) inside elements that also carry
``data-i18n="key"``; the server fills in the request's language, escaped, and embeds the
page's messages in both languages as JSON, so the language toggle needs no request.
"""

from __future__ import annotations

import html
import re
from functools import cache
from importlib import resources

from nablab.i18n import LANGUAGES, translate
from nablab.i18n.messages import CATALOGUE
from nablab.jobs.encoding import json_text

#: Catalogue entries the page uses besides ``web.*``: kinds, names, columns, headings.
SHARED_PREFIXES = ("web.", "critical.kind.", "critical.column.", "critical.complete",
                   "critical.incomplete", "critical.heading.", "optimize.name.",
                   "optimize.status_word.", "lagrange.kind.", "lagrange.extreme.",
                   "lagrange.column.", "lagrange.heading.", "lagrange.complete",
                   "lagrange.incomplete", "lagrange.singular", "lagrange.none",
                   "diff.constant", "taylor.heading", "taylor.order", "practice.topic.")
#: The optimizers the page offers (``nablab descend --optimizer``).
PAGE_OPTIMIZERS = ("gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "newton",
                   "damped_newton")
#: A Korean page asks for its Hangul subset at once, so its first layout already has it
#: (text laid out before the font arrives can stay □ in Chromium; an English page never
#: fetches it, see app.css).
HANGUL_PRELOAD = ('<link rel="preload" href="/static/vendor/hangul/nanumgothic-ko.woff" as="font"'
                  ' type="font/woff" crossorigin>')
_SLOT = re.compile(r"\{\{([a-z0-9_.]+)\}\}")


def page_messages() -> dict[str, dict[str, str]]:
    """``{lang: {key: text}}`` for every entry the page shows (placeholders left in)."""
    keys = sorted(k for k in CATALOGUE if k.startswith(SHARED_PREFIXES))
    return {lang: {k: _unescape(CATALOGUE[k][lang]) for k in keys} for lang in LANGUAGES}


def _unescape(text: str) -> str:
    """A catalogue format string as the page's ``t()`` reads it: ``{{`` is a brace."""
    return text.replace("{{", "{").replace("}}", "}")


def script_json(data: object) -> str:
    """JSON safe inside ``<script type="application/json">`` (no ``</script>``, no ``<!--``)."""
    text = json_text(data)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@cache
def template() -> str:
    return resources.files("nablab.web").joinpath("static/index.html").read_text("utf-8")


@cache
def render_page(lang: str) -> str:
    """The page in ``lang``: every ``{{key}}`` replaced by its escaped catalogue text."""
    other = next(code for code in LANGUAGES if code != lang)
    specials = {"lang": lang, "other_lang": other,
                "other_language_name": translate("web.language_name", other),
                "messages": script_json(page_messages()),
                "optimizer_options": _optimizer_options(lang),
                "font_preload": HANGUL_PRELOAD if lang == "ko" else ""}

    def fill(match: re.Match[str]) -> str:
        key = match.group(1)
        if key in specials:
            return specials[key]
        return html.escape(translate(key, lang))

    return _SLOT.sub(fill, template())


def _optimizer_options(lang: str) -> str:
    return "".join(f'<option value="{name}" data-i18n="optimize.name.{name}">'
                   f'{html.escape(translate(f"optimize.name.{name}", lang))}</option>'
                   for name in PAGE_OPTIMIZERS)


__all__ = ["PAGE_OPTIMIZERS", "SHARED_PREFIXES", "page_messages", "render_page", "script_json"]
