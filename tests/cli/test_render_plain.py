"""Documents written without rich are the bytes rich would have written."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from nablab.cli import render
from nablab.present.document import Blank, Document, Heading, Text


def _by_rich(document: Document) -> str:
    out = io.StringIO()
    console = Console(file=out, highlight=False, markup=False, soft_wrap=True, emoji=False)
    for line, bold in document.lines():
        console.print(render.heading(line) if bold else line)
    return out.getvalue()


def _plain(document: Document) -> str:
    out = io.StringIO()
    render.print_document(document, out)
    return out.getvalue()


TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=120)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(("heading", "text", "blank")), TEXT,
                          st.integers(0, 4)), max_size=6))
def test_plain_output_is_richs(parts: list[tuple[str, str, int]]) -> None:
    blocks = [Heading(t) if kind == "heading" else Text(t, i) if kind == "text" else Blank()
              for kind, t, i in parts]
    document = Document(tuple(blocks))
    assert _plain(document) == _by_rich(document)


def test_markup_emoji_and_wide_lines_stay_as_typed() -> None:
    document = Document((Heading("[bold]not markup[/] :smile:"),
                         Text("가나다 " * 60 + "x² + y²   ", 2), Blank()))
    assert _plain(document) == _by_rich(document)
