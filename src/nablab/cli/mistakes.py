"""Two common command-line slips, caught before argparse's terse errors: a mistyped command
(``nablab dif`` → did you mean diff?) and a formula the shell split into words
(``nablab diff x^2 + y^2`` → put the formula in quotes)."""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shlex
from collections.abc import Sequence

from nablab.errors import UsageError

#: Options of every command that take a value (skipped when looking for the command word).
_VALUED = frozenset({"--lang", "--timeout"})
#: Words that are operators, never file names (a file named "+" is not what was meant).
_OPERATORS = frozenset("+-−*/^=")
#: A piece of a formula: anything but an option (``--foo``) or an empty word.
_FORMULA_PIECE = re.compile(r"^\s*(?!--)\S")


def command_word(argv: Sequence[str]) -> str | None:
    """The word in the command's place: the first argument that is not an option."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--":
            return None
        elif arg.startswith("-"):
            skip = arg in _VALUED
        else:
            return arg
    return None


def check_command(argv: Sequence[str], commands: Sequence[str]) -> None:
    """Refuse an unknown command, suggesting the closest one.

    Raises:
        UsageError: ``unknown_subcommand`` (with the closest command) or ``no_such_command``.
    """
    word = command_word(argv)
    if word is None or word in commands:
        return
    close = difflib.get_close_matches(word, commands, n=1, cutoff=0.6)
    if close:
        raise UsageError("unknown_subcommand", name=word, suggestion=close[0])
    raise UsageError("no_such_command", name=word, commands=", ".join(commands))


def check_unquoted(argv: Sequence[str], given: Sequence[str], formula: str | None,
                   extras: Sequence[str]) -> None:
    """Refuse a formula split into words by the shell, showing the command with it quoted.

    ``given`` is ``argv`` as argparse read it (same length, words possibly marked), ``formula``
    the positional formula argparse took, ``extras`` the words it could not place. The extras
    must follow the formula directly and look like pieces of it.

    Raises:
        UsageError: ``unquoted_formula`` with the command line to type instead.
    """
    if formula is None or not extras or not all(_FORMULA_PIECE.match(e) for e in extras):
        return
    for i, word in enumerate(given):
        if word == formula and list(given[i + 1:i + 1 + len(extras)]) == list(extras):
            pieces = [w.strip() for w in argv[i:i + 1 + len(extras)]]
            if any(os.path.exists(p) for p in pieces if p not in _OPERATORS):
                # the shell put file names where a * was: the formula cannot be pieced back
                raise UsageError("unquoted_formula_files", command=_command_word(argv))
            whole = " ".join(pieces)
            line = ["nablab", *map(_quoted, argv[:i]), _quoted(whole, always=True),
                    *map(_quoted, argv[i + 1 + len(extras):])]
            raise UsageError("unquoted_formula", command=" ".join(line))


def _command_word(argv: Sequence[str]) -> str:
    return command_word(argv) or "diff"


def positional_formula(parser: argparse.ArgumentParser, args: argparse.Namespace) -> str | None:
    """The value of the chosen command's positional argument (its formula), if it has one."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            chosen = action.choices.get(getattr(args, "command", None) or "")
            if chosen is None:
                return None
            for sub in chosen._actions:
                if not sub.option_strings and isinstance(getattr(args, sub.dest, None), str):
                    return str(getattr(args, sub.dest))
    return None


def _quoted(word: str, always: bool = False) -> str:
    """A word as a shell reads it back: in double quotes where that is safe, else shlex's."""
    if not always and shlex.quote(word) == word:
        return word
    if not re.search(r'["$`\\!]', word):
        return f'"{word}"'
    return shlex.quote(word)


__all__ = ["check_command", "check_unquoted", "command_word", "positional_formula"]
