"""`nablab tour`: the README's first command, in both languages and as JSON."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from nablab.cli import main


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The tour writes its figures into the current folder."""
    monkeypatch.chdir(tmp_path)


def test_tour_text() -> None:
    out = io.StringIO()
    assert main(["tour", "--no-figures"], stdout=out) == 0
    text = out.getvalue()
    assert "f(x, y) = x² + y²" in text
    assert "∂f/∂x = 2x" in text and "∂f/∂y = 2y" in text
    assert "∇f(1, 2) = (2, 4)" in text


def test_tour_korean() -> None:
    out = io.StringIO()
    assert main(["tour", "--lang", "ko", "--no-figures"], stdout=out) == 0
    assert "편미분과 기울기 벡터" in out.getvalue()


def test_tour_json() -> None:
    out = io.StringIO()
    assert main(["tour", "--json"], stdout=out) == 0
    chapters = json.loads(out.getvalue())["chapters"]
    first = chapters[0]
    assert first["key"] == "foundation"
    assert first["data"]["gradient"] == ["2*x", "2*y"]
    assert first["data"]["at"] == {"point": {"x": 1.0, "y": 2.0}, "value": 5.0,
                                   "gradient": [2.0, 4.0]}
    assert first["data"]["finite_difference_error"] < 1e-8
