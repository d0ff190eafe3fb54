"""A result's presentation as blocks: printed as text in a terminal, as HTML in a notebook.

A result builds its :class:`Document` once, in the user's language, with a :class:`Writer`;
:meth:`Document.lines` gives the terminal's lines (headings marked bold) and
:meth:`Document.html` the same content for notebooks and pages (formulas in LaTeX), and
:meth:`Document.markdown` for the notebook frontends that typeset math only in Markdown
(Colab, VS Code).
"""

from __future__ import annotations

import html
import os
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from nablab.core.hooks import Plotter, plotter, set_plotter
from nablab.i18n.width import cell_width, pad
from nablab.present.math import Math


@dataclass(frozen=True)
class Heading:
    """A section title (bold in a terminal)."""

    text: str


@dataclass(frozen=True)
class Text:
    """One line of words, ``indent`` spaces in."""

    text: str
    indent: int = 0


@dataclass(frozen=True)
class Formula:
    """A formula on its own line(s), ``indent`` spaces in."""

    math: Math
    indent: int = 2


@dataclass(frozen=True)
class Blank:
    """An empty line between sections."""


@dataclass(frozen=True)
class Row:
    """A table row: its cells, words after it on the same line, and lines under it."""

    cells: tuple[str, ...]
    suffix: str = ""
    below: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    """Aligned columns (by display width, so Hangul lines up), never wrapped.

    ``rows`` holds :class:`Row` s, or plain strings printed as they are across the columns
    (``… 78 steps left out …``). ``right`` are the right-aligned columns.
    """

    header: tuple[str, ...]
    rows: tuple[Row | str, ...]
    right: frozenset[int] = frozenset()
    indent: int = 0
    gap: int = 2

    def lines(self) -> list[str]:
        cells = [r.cells for r in self.rows if isinstance(r, Row)]
        widths = [max(cell_width(row[i]) for row in [self.header, *cells])
                  for i in range(len(self.header))]
        margin, gap = " " * self.indent, " " * self.gap

        def line(row: Sequence[str]) -> str:
            padded = [pad(cell, width, ">" if i in self.right else "<")
                      for i, (cell, width) in enumerate(zip(row, widths, strict=True))]
            return (margin + gap.join(padded)).rstrip()

        out = [line(self.header)]
        for row in self.rows:
            if isinstance(row, str):
                out.append(row)
                continue
            out.append(line(row.cells) + row.suffix)
            out += list(row.below)
        return out


Block = Heading | Text | Formula | Blank | Table


@dataclass(frozen=True)
class Document:
    """A presentation: blocks in order."""

    blocks: tuple[Block, ...] = ()

    def lines(self) -> list[tuple[str, bool]]:
        """The terminal's lines, each with whether it is a heading (printed bold)."""
        out: list[tuple[str, bool]] = []
        for block in self.blocks:
            if isinstance(block, Heading):
                out.append((block.text, True))
            elif isinstance(block, Text):
                out.append((" " * block.indent + block.text, False))
            elif isinstance(block, Formula):
                out += [(" " * block.indent + line, False)
                        for line in block.math.unicode.split("\n")]
            elif isinstance(block, Blank):
                out.append(("", False))
            else:
                out += [(line, False) for line in block.lines()]
        return out

    def text(self) -> str:
        """The terminal's text, without styles."""
        return "\n".join(line for line, _ in self.lines()) + "\n"

    def html(self) -> str:
        """The same content as HTML; formulas as ``$$…$$`` for MathJax or KaTeX."""
        parts: list[str] = []
        for block in self.blocks:
            if isinstance(block, Heading):
                parts.append(f"<h4>{html.escape(block.text)}</h4>")
            elif isinstance(block, Text):
                parts.append(f'<p style="margin:0 0 0 {block.indent / 2:g}em">'
                             f"{html.escape(block.text)}</p>")
            elif isinstance(block, Formula):
                parts.append(f"<div>$${html.escape(block.math.latex)}$$</div>")
            elif isinstance(block, Table):
                parts.append(_table_html(block))
        return '<div class="nablab">' + "\n".join(parts) + "</div>"

    def markdown(self) -> str:
        """The same content as Markdown; formulas as ``$$…$$`` blocks.

        Colab and VS Code typeset math in Markdown outputs but not in HTML ones.
        """
        parts: list[str] = []
        lines: list[str] = []          # consecutive text lines: one paragraph, hard breaks

        def flush() -> None:
            if lines:
                parts.append("  \n".join(lines))
                lines.clear()

        for block in self.blocks:
            if isinstance(block, Text):
                lines.append("\u00a0" * block.indent + _markdown_text(block.text))
                continue
            flush()
            if isinstance(block, Heading):
                parts.append(f"#### {_markdown_text(block.text)}")
            elif isinstance(block, Formula):
                parts.append(f"$$\n{block.math.latex}\n$$")
            elif isinstance(block, Table):
                parts.append(_table_markdown(block))
        flush()
        return "\n\n".join(parts) + "\n"


#: Characters that Markdown (and its math extension: ``$``) would read as markup.
_MARKDOWN_MARKUP = re.compile(r"([\\`*_\[\]<>#|$~+\-!{}])")


#: A line that Markdown would start an ordered list with (``1. ``, ``2) ``).
_LIST_NUMBER = re.compile(r"^(\d+)([.)])")


def _markdown_text(text: str) -> str:
    return _LIST_NUMBER.sub(r"\1\\\2", _MARKDOWN_MARKUP.sub(r"\\\1", text.strip()))


def _table_markdown(table: Table) -> str:
    def row(cells: Sequence[str]) -> str:
        return "| " + " | ".join(_markdown_text(c) for c in cells) + " |"

    width = len(table.header)
    align = ["---:" if i in table.right else ":---" for i in range(width)]
    out = [row(table.header), "| " + " | ".join(align) + " |"]
    for entry in table.rows:
        if isinstance(entry, str):
            out.append(row([entry] + [""] * (width - 1)))
            continue
        cells = list(entry.cells)
        if entry.suffix.strip():
            cells[-1] = f"{cells[-1]} {entry.suffix.strip()}"
        out.append(row(cells))
        out += [row([line] + [""] * (width - 1)) for line in entry.below]
    return "\n".join(out)


def markdown_frontend() -> bool:
    """Whether the notebook frontend typesets math in Markdown outputs only (Colab, VS Code).

    ``NABLAB_NOTEBOOK_FORMAT=html|markdown`` overrides the guess.
    """
    chosen = os.environ.get("NABLAB_NOTEBOOK_FORMAT", "").strip().lower()
    if chosen in ("html", "markdown"):
        return chosen == "markdown"
    return "google.colab" in sys.modules or "VSCODE_PID" in os.environ


def _table_html(table: Table) -> str:
    def cells(row: Iterable[str], tag: str) -> str:
        return "".join(f"<{tag}>{html.escape(c)}</{tag}>" for c in row)

    body = [f"<tr>{cells(table.header, 'th')}</tr>"]
    for row in table.rows:
        if isinstance(row, str):
            body.append(f'<tr><td colspan="{len(table.header)}">{html.escape(row.strip())}'
                        "</td></tr>")
            continue
        # words after a row (``← highest``) stay on its line, as in the terminal
        after = f"<td>{html.escape(row.suffix.strip())}</td>" if row.suffix.strip() else ""
        body.append(f"<tr>{cells(row.cells, 'td')}{after}</tr>")
        body += [f'<tr><td colspan="{len(table.header)}">{html.escape(line.strip())}</td></tr>'
                 for line in row.below]
    return "<table>" + "".join(body) + "</table>"


@dataclass
class Writer:
    """Builds a :class:`Document` block by block."""

    blocks: list[Block] = field(default_factory=list)

    def heading(self, text: str) -> None:
        self.blocks.append(Heading(text))

    def text(self, text: str, indent: int = 0) -> None:
        self.blocks.append(Text(text, indent))

    def texts(self, lines: Iterable[str], indent: int = 2) -> None:
        for line in lines:
            self.text(line, indent)

    def formula(self, math: Math, indent: int = 2) -> None:
        self.blocks.append(Formula(math, indent))

    def blank(self) -> None:
        self.blocks.append(Blank())

    def table(self, header: Sequence[str], rows: Iterable[Row | str | Sequence[str]], *,
              right: Iterable[int] = (), indent: int = 0, gap: int = 2) -> None:
        shaped = tuple(r if isinstance(r, (Row, str)) else Row(tuple(r)) for r in rows)
        self.blocks.append(Table(tuple(header), shaped, frozenset(right), indent, gap))

    def section(self, title: str, lines: Sequence[str], indent: int = 2) -> None:
        """A blank line, a heading and its lines — nothing when there are no lines."""
        if lines:
            self.blank()
            self.heading(title)
            self.texts(lines, indent)

    def document(self) -> Document:
        return Document(tuple(self.blocks))


class Presentable:
    """A result that presents itself: :meth:`document` in a language; HTML for notebooks.

    A subclass that is a dataclass sets ``repr=False`` so that the one-line :meth:`__repr__`
    here is its ``repr``.
    """

    def document(self, lang: str | None = None) -> Document:
        raise NotImplementedError

    def _repr_html_(self) -> str | None:
        return None if markdown_frontend() else self.document().html()

    def _repr_markdown_(self) -> str | None:
        return self.document().markdown() if markdown_frontend() else None

    def __repr__(self) -> str:
        return f"<{type(self).__name__}: {self.summary()}>"

    def summary(self, width: int = 100) -> str:
        """One line that says what the result is: its ``str``'s first line, else the first
        formula or line of its document, cut at ``width`` characters."""
        if type(self).__str__ is not object.__str__:
            line = str(self).strip().split("\n", 1)[0]
        else:
            line = _first_line(self.document())
        return line if len(line) <= width else line[:width - 1] + "…"

    def plot(self, interactive: bool = False, lang: str | None = None) -> Any:
        """What ``--plot`` draws for this result: a matplotlib Figure, or with ``interactive``
        a Plotly figure (in ``lang``, default: :func:`nablab.i18n.default_language`).

        Raises:
            UnsupportedError: the result has no picture.
        """
        draw = plotter()   # installed by ``import nablab`` (the drawing is in the layers above)
        if draw is None:
            raise RuntimeError("import nablab to draw results")
        return draw(self, interactive, lang)


def _first_line(document: Document) -> str:
    for block in document.blocks:
        if isinstance(block, Formula):
            return block.math.unicode.split("\n", 1)[0].strip()
    for line, heading in document.lines():
        if line.strip() and not heading:
            return line.strip()
    return ""


__all__ = ["Blank", "Block", "Document", "Formula", "Heading", "Plotter", "Presentable", "Row",
           "Table", "Text", "Writer", "markdown_frontend", "set_plotter"]
