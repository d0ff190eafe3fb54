"""The API's options are the command line's: one parser, read two ways.

A request body ``{"expression": "x^2 + y^2", "wrt": "x", "at": "x=1,y=2"}`` for
``POST /api/diff`` becomes ``nablab diff EXPR --wrt=x --at=x=1,y=2`` and goes through the
CLI's own argument parser, so names, defaults, choices and checks are shared, never copied.
The request models of the OpenAPI schema are generated from the same parser.

Options that write files (``--plot``, ``--animate``, ``--out``) and the output switches
(``--json``, ``--lang``, ``--timeout``, handled by the server) are not offered.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any, Literal

from nablab.errors import UsageError

#: The commands the API offers, in the order of the docs.
COMMANDS = ("diff", "limit", "steps", "tangent", "critical", "descend", "race", "lagrange")
#: Parser destinations that are not request options.
EXCLUDED = frozenset({"help", "lang", "json", "timeout", "plot", "animate", "out", "expr",
                      "version"})
#: Stands in for the formula while parsing options (the real one is set afterwards, so it
#: is never mistaken for an option, whatever it starts with).
PLACEHOLDER = "x"


@cache
def root_parser(lang: str) -> argparse.ArgumentParser:
    """The CLI's parser, with help texts and usage errors in ``lang``."""
    from nablab.cli.app import build_parser

    return build_parser(lang)[0]


def subparsers(lang: str) -> dict[str, argparse.ArgumentParser]:
    """The CLI's parser of each command, with help texts in ``lang``."""
    root = root_parser(lang)
    action = next(a for a in root._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def options_of(command: str) -> list[argparse.Action]:
    """The options of ``command`` that a request may set."""
    parser = subparsers("en")[command]
    return [a for a in parser._actions if a.option_strings and a.dest not in EXCLUDED]


def _flag(action: argparse.Action) -> str:
    return next(s for s in action.option_strings if s.startswith("--"))


def _text(value: Any) -> str:
    """A JSON value as the command line would have it: lists joined by commas."""
    if isinstance(value, (list, tuple)):
        return ",".join(_text(v) for v in value)
    if isinstance(value, float):
        return repr(value)
    return str(value)


def argv(command: str, options: Mapping[str, Any]) -> list[str]:
    """The command line of a request (the formula as :data:`PLACEHOLDER`).

    Raises:
        UsageError: ``unknown_option`` for a name the command does not have.
    """
    actions = {a.dest: a for a in options_of(command)}
    out = [command, PLACEHOLDER]
    for name, value in options.items():
        action = actions.get(name)
        if action is None:
            raise UsageError("unknown_option", field=name, command=command)
        if value is None or value is False:
            continue
        if isinstance(action, argparse._StoreTrueAction):
            out.append(_flag(action))
        elif isinstance(action, argparse._AppendAction):
            items = value if isinstance(value, list) else [value]
            out += [f"{_flag(action)}={_text(v)}" for v in items]
        else:
            out.append(f"{_flag(action)}={_text(value)}")
    return out


def namespace(command: str, expression: str, options: Mapping[str, Any],
              lang: str) -> argparse.Namespace:
    """The parsed options of ``command``, exactly as ``nablab COMMAND`` would have them."""
    args = root_parser(lang).parse_args(argv(command, options))
    args.expr = expression
    return args


def field_type(action: argparse.Action) -> Any:
    """The JSON type of an option (for the request model)."""
    if isinstance(action, argparse._StoreTrueAction):
        return bool
    if action.choices is not None:
        return Literal[tuple(action.choices)]
    if action.type in (int, float):
        return action.type
    if isinstance(action, argparse._AppendAction):
        return list[str] | str
    return str | list[float]


def request_fields(command: str) -> dict[str, tuple[Any, Any]]:
    """``{name: (type, Field)}`` for :func:`pydantic.create_model`."""
    from pydantic import Field

    fields: dict[str, tuple[Any, Any]] = {}
    for action in options_of(command):
        kind = field_type(action)
        default = False if kind is bool else None
        optional = kind if kind is bool else kind | None
        fields[action.dest] = (optional, Field(default=default, description=action.help))
    return fields


def described(commands: Sequence[str] = COMMANDS) -> dict[str, str]:
    """Each command's description (English), for the API docs."""
    return {c: subparsers("en")[c].description or "" for c in commands}


__all__ = ["COMMANDS", "argv", "described", "namespace", "options_of", "request_fields",
           "subparsers"]
