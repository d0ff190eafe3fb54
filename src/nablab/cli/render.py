"""Terminal output: a result's document (headings bold) or its JSON. Nothing is computed here."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any, TextIO

from nablab.jobs.encoding import json_text
from nablab.present import Document

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

#: Environment variables that make rich write styles to a file that is not a terminal.
_FORCING = ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE")


def console(file: TextIO | None = None) -> Console:
    """A rich console on stdout that never interprets user text as markup."""
    from rich.console import Console

    return Console(file=file or sys.stdout, highlight=False, markup=False, soft_wrap=True,
                   emoji=False)


def heading(text: str) -> Text:
    from rich.text import Text

    return Text(text, style="bold")


def print_document(document: Document, file: TextIO | None = None) -> None:
    """A result's document on the terminal: headings bold, user text never read as markup.

    Written as it is, without rich, when rich would write exactly that: to a file or pipe (no
    styles), with no tab or control character for rich to expand or strip. Importing rich
    costs more than most commands' answers.
    """
    stream = file or sys.stdout
    lines = list(document.lines())
    if _plain(stream, lines):
        stream.write("".join(f"{line}\n" for line, _ in lines))
        return
    out = console(stream)
    for line, bold in lines:
        out.print(heading(line) if bold else line)


def _plain(stream: TextIO, lines: list[tuple[str, bool]]) -> bool:
    """Whether rich would write ``lines`` to ``stream`` unchanged and unstyled."""
    if any(name in os.environ for name in _FORCING) or "IPython" in sys.modules:
        return False
    try:
        if stream.isatty():
            return False
    except (AttributeError, ValueError):
        return False
    return all(line.isprintable() for line, _ in lines)


def print_json(data: Any, file: TextIO | None = None) -> None:
    """One JSON object on stdout (UTF-8, not ASCII-escaped, so Korean stays readable)."""
    out = file or sys.stdout
    out.write(json_text(data, indent=2) + "\n")
