"""The tour's derivatives chapter: computed by the library, equal to SymPy, in both languages."""

from __future__ import annotations

import sympy

from nablab.cli.tour import CHAPTERS, foundation
from nablab.cli.tour.derivatives import BY_LIMIT, BY_RULES, chapter
from nablab.parse import parse


def test_chapter_follows_the_foundation() -> None:
    assert CHAPTERS[0] is foundation.chapter
    assert CHAPTERS[1] is chapter


def test_chapter_values_equal_sympy() -> None:
    ch = chapter("en")
    assert ch.key == "derivatives" and ch.data["verified"] is True
    for text in BY_LIMIT:
        f = parse(text)
        x = f.variables[0]
        assert parse(ch.data["limit"][text]).expr == sympy.diff(f.expr, x)
    for text in BY_RULES:
        f = parse(text)
        x = f.variables[0]
        result = parse(ch.data["steps"][text]["result"]).expr
        assert sympy.simplify(result - sympy.diff(f.expr, x)) == 0
    assert ch.data["steps"]["1/(1 + e^{-x})"]["rules"][0] == "reciprocal"
    assert ch.data["steps"]["1/(1 + e^{-x})"]["sigmoid"] == "(1 - sigmoid(x))*sigmoid(x)"
    assert ch.data["limit"]["z = wx + b"] == "w"
    assert ch.data["tangent"]["line"] == "3*x - 4"


def test_chapter_text_reads_like_the_notes() -> None:
    lines = [text for _, text in chapter("en").lines]
    assert "= lim_(Δx→0) 5Δx/Δx" in lines
    assert "= lim_(Δx→0) (2x + Δx − 1)" in lines
    assert any(line.endswith("= e^(−x)/(1 + e^(−x))² = σ(x)(1 − σ(x))") for line in lines)
    assert any(line.startswith("d/dx((2 − x)²) = d/dx(x² − 4x + 4) =") for line in lines)
    korean = " ".join(text for _, text in chapter("ko").lines)
    assert "연쇄법칙" in korean and "미분의 선형성" in korean and "상수로 취급" in korean
