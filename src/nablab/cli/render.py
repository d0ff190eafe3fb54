"""Terminal output helpers: numbers, vectors, matrices, JSON. No computation happens here."""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from rich.console import Console
from rich.text import Text

from nablab.present import Document


def console(file: TextIO | None = None) -> Console:
    """A rich console on stdout that never interprets user text as markup."""
    return Console(file=file or sys.stdout, highlight=False, markup=False, soft_wrap=True,
                   emoji=False)


def number(value: float) -> str:
    """A float as a person writes it: ``11`` not ``11.0``, ``0.333333333333`` not 16 digits."""
    if math.isfinite(value) and value == int(value) and abs(value) < 1e15:
        return str(int(value)).replace("-", "−")
    return f"{value:.12g}".replace("-", "−")


def vector(items: Sequence[str]) -> str:
    return "(" + ", ".join(items) + ")"


def matrix(rows: Sequence[Sequence[str]], indent: str = "  ") -> list[str]:
    """Rows of a matrix between tall brackets, columns aligned."""
    if not rows:
        return [indent + "[]"]
    widths = [max(len(row[j]) for row in rows) for j in range(len(rows[0]))]
    body = ["  ".join(cell.rjust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    if len(body) == 1:
        return [indent + "[" + body[0] + "]"]
    lines = []
    for i, line in enumerate(body):
        left, right = ("⎡", "⎤") if i == 0 else (("⎣", "⎦") if i == len(body) - 1 else ("⎢", "⎥"))
        lines.append(f"{indent}{left}{line}{right}")
    return lines


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
    out.write(json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n")
