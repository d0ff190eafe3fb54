"""A job's request fields as command-line options, and the parsed options as a request.

The options are made from the request's fields (:meth:`~nablab.jobs.request.Request.fields`):
flag, metavar, help text and kind; argparse leaves an option it was not given as ``None``, and
the request's own default applies. Nothing here knows a command by name.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from typing import Any

from nablab.errors import UsageError
from nablab.i18n import translate
from nablab.jobs.request import Request

#: Options every command has; a request field of the same name takes their value.
COMMON = ("lang",)
#: argparse's reading of each kind of field (the rest is text).
_TYPES: dict[str, Any] = {"number": float, "integer": int}


def add_request_options(parser: argparse.ArgumentParser, request: type[Request],
                        lang: str) -> None:
    """One argument per request field, in field order."""
    for field in request.fields():
        option = field.option
        help_text = translate(option.help, lang, **option.help_params)
        if option.positional:
            parser.add_argument(field.name, metavar=option.metavar, help=help_text,
                                nargs="?" if option.optional else None)
            continue
        kwargs: dict[str, Any] = {"dest": field.name, "help": help_text}
        if option.kind == "flag":
            kwargs["action"] = "store_true"
        else:
            if option.metavar is not None:
                kwargs["metavar"] = option.metavar
            if option.kind == "texts":
                kwargs["action"] = "append"
            if option.kind in _TYPES:
                kwargs["type"] = _TYPES[option.kind]
            if option.kind == "file":
                kwargs["type"] = read_text
            if option.choices is not None:
                kwargs["choices"] = option.choices
            if option.required:
                kwargs["required"] = True
        parser.add_argument(*option.flags, **kwargs)


#: The most a file option reads, characters (a derivation is a page, not a book).
MAX_FILE_CHARS = 100_000


def read_text(path: str) -> str:
    """The text of the file ``path`` names (``-``: standard input), at most
    :data:`MAX_FILE_CHARS` characters."""
    try:
        if path == "-":
            text = sys.stdin.read(MAX_FILE_CHARS + 1)
        else:
            with open(path, encoding="utf-8") as handle:
                text = handle.read(MAX_FILE_CHARS + 1)
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError("unreadable_file", path=path,
                         reason=getattr(exc, "strerror", None) or type(exc).__name__) from None
    if len(text) > MAX_FILE_CHARS:
        raise UsageError("file_too_long", path=path, limit=MAX_FILE_CHARS)
    return text


def request_of(request: type[Request], args: argparse.Namespace) -> Request:
    """The request these options ask for (its defaults where an option was not given).

    A request field that is no option of its own but shares a common option's name (``lang``
    of a job whose product is a file in a language) takes that option's value.
    """
    extra = {f.name: getattr(args, f.name) for f in dataclasses.fields(request)
             if "option" not in f.metadata and f.name in COMMON}
    return request.from_options(vars(args), **extra)


__all__ = ["MAX_FILE_CHARS", "add_request_options", "read_text", "request_of"]
