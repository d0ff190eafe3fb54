"""Terminal output: a result's document (headings bold) or its JSON. Nothing is computed here."""

from __future__ import annotations

import sys
from typing import Any, TextIO

from rich.console import Console
from rich.text import Text

from nablab.jobs.encoding import json_text
from nablab.present import Document


def console(file: TextIO | None = None) -> Console:
    """A rich console on stdout that never interprets user text as markup."""
    return Console(file=file or sys.stdout, highlight=False, markup=False, soft_wrap=True,
                   emoji=False)


def heading(text: str) -> Text:
    return Text(text, style="bold")


def print_document(document: Document, file: TextIO | None = None) -> None:
    """A result's document on the terminal: headings bold, user text never read as markup."""
    out = console(file)
    for line, bold in document.lines():
        out.print(heading(line) if bold else line)


def print_json(data: Any, file: TextIO | None = None) -> None:
    """One JSON object on stdout (UTF-8, not ASCII-escaped, so Korean stays readable)."""
    out = file or sys.stdout
    out.write(json_text(data, indent=2) + "\n")
