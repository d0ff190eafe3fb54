"""Every result type displays itself in a real kernel: HTML (formulas in LaTeX) in the chosen
language, a one-line text repr, and its figure as PNG; results without a picture say so."""

from __future__ import annotations

import sys
import types
from typing import Any

import nbformat
import pytest

import nablab
from nablab.jobs.pictures import DRAWN_BY
from nablab.present import Presentable
from nablab.present.document import Formula

from . import kernel
from .results import CALLS, UNDRAWN, made

pytest.importorskip("nbclient")

def _subclasses(cls: type) -> set[type]:
    found = set()
    for sub in cls.__subclasses__():
        found |= {sub} | _subclasses(sub)
    return found


def test_every_result_type_is_covered() -> None:
    """A new result type must be added here (and to jobs.pictures if it draws)."""
    for name in CALLS:   # imports each result's module
        made(name)
    names = {c.__name__ for c in _subclasses(Presentable)} - {"WrittenFigure"}
    assert names <= set(CALLS), sorted(names - set(CALLS))
    assert set(DRAWN_BY) == set(CALLS) - UNDRAWN


def test_repr_is_one_short_line() -> None:
    for name in CALLS:
        text = repr(made(name))
        assert "\n" not in text and len(text) < 140 and text.startswith(f"<{name}: "), text


@pytest.fixture(scope="module")
def shown(executed: dict[str, Any]) -> nbformat.NotebookNode:
    return executed["display"]


@pytest.mark.slow
def test_each_result_displays_html_and_its_figure_png(shown: nbformat.NotebookNode) -> None:
    cells = shown.cells[1:-1]
    for name, (result, figure) in zip(CALLS, zip(cells[::2], cells[1::2], strict=True),
                                      strict=True):
        assert {"text/html", "text/plain"} <= kernel.mime_types(result), name
        html = "".join(o["data"]["text/html"] for o in result.outputs if "data" in o)
        assert any("\uac00" <= ch <= "\ud7a3" for ch in html), f"{name}: not in Korean"
        if name in UNDRAWN:
            assert [o.ename for o in figure.outputs] == ["UnsupportedError"], name
            continue
        assert kernel.cell_problems(figure) == [], name
        outputs = figure.outputs
        assert len(outputs) == 1 and "image/png" in outputs[0]["data"], name   # shown once


@pytest.mark.slow
def test_an_interactive_figure_is_plotly_offline(shown: nbformat.NotebookNode) -> None:
    cell = shown.cells[-1]
    assert kernel.cell_problems(cell) == []
    assert "text/html" in kernel.mime_types(cell)
    assert any("plotly.js v" in str(o.get("data", {})) for o in cell.outputs)


def test_set_language_chooses_the_language_of_every_display() -> None:
    result = made("TangentLine")
    nablab.set_language("ko")
    korean = result._repr_html_()
    nablab.set_language("en")
    assert korean != result._repr_html_() == result.document("en").html()
    nablab.set_language(None)
    with pytest.raises(ValueError, match="unsupported language"):
        nablab.set_language("fr")


def test_a_result_without_a_picture_says_so() -> None:
    with pytest.raises(nablab.UnsupportedError) as caught:
        made("Derivation").plot()
    assert "Derivation" in str(caught.value)


@pytest.mark.parametrize("frontend", ["colab", "vscode", "chosen"])
def test_colab_and_vscode_get_markdown_whose_math_they_typeset(
        frontend: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Colab and VS Code typeset $$…$$ in Markdown outputs but not in HTML ones: there every
    result offers Markdown (formulas as $$ blocks) and no HTML, so math is never shown raw."""
    monkeypatch.delenv("NABLAB_NOTEBOOK_FORMAT", raising=False)
    monkeypatch.delenv("VSCODE_PID", raising=False)
    if frontend == "colab":
        monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))
    elif frontend == "vscode":
        monkeypatch.setenv("VSCODE_PID", "4242")
    else:
        monkeypatch.setenv("NABLAB_NOTEBOOK_FORMAT", "markdown")
    for name in CALLS:
        result = made(name)
        assert result._repr_html_() is None, name
        text = result._repr_markdown_()
        assert text and "<" not in text.replace("\\<", ""), name
        for formula in (b for b in result.document().blocks if isinstance(b, Formula)):
            assert f"$$\n{formula.math.latex}\n$$" in text, name


def test_jupyter_gets_html_and_the_choice_can_be_forced(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VSCODE_PID", raising=False)
    monkeypatch.setenv("NABLAB_NOTEBOOK_FORMAT", "html")
    monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))
    result = made("TangentLine")
    assert result._repr_markdown_() is None
    assert result._repr_html_() == result.document().html()
