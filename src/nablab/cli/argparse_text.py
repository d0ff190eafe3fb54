"""argparse's error sentences, said in the user's language from the catalogue.

argparse words its errors in English; each known sentence is recognised and said again from
its catalogue entry (the English entries are argparse's own words, so English is unchanged).
A sentence not recognised is passed on as it is.
"""

from __future__ import annotations

import re

from nablab.i18n import translate

#: argparse's sentences (Python 3.11–3.13), each with its catalogue key.
PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"the following arguments are required: (?P<names>.+)"), "cli.error.required"),
    (re.compile(r"unrecognized arguments: (?P<words>.*)"), "cli.error.unrecognized"),
    (re.compile(r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)"),
     "cli.error.ambiguous"),
    (re.compile(r"argument (?P<argument>.+?): invalid choice: (?P<value>.+) "
                r"\(choose from (?P<choices>.+)\)"), "cli.error.invalid_choice"),
    (re.compile(r"argument (?P<argument>.+?): invalid (?P<type>float|int) value: (?P<value>.+)"),
     "cli.error.invalid_value"),
    (re.compile(r"argument (?P<argument>.+?): expected one argument"), "cli.error.expected_one"),
    (re.compile(r"argument (?P<argument>.+?): expected at least one argument"),
     "cli.error.expected_some"),
    (re.compile(r"argument (?P<argument>.+?): ignored explicit argument (?P<value>.+)"),
     "cli.error.ignored_value"),
)


def localise(message: str, lang: str) -> str:
    """argparse's ``message`` in ``lang`` (unchanged if it is not a sentence we know)."""
    for pattern, key in PATTERNS:
        match = pattern.fullmatch(message)
        if match:
            params = match.groupdict()
            if "type" in params:
                params["type"] = translate(f"cli.type.{params['type']}", lang)
            return translate(key, lang, **params)
    return message


__all__ = ["PATTERNS", "localise"]
