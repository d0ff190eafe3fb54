"""Display width: what a terminal draws, the one measure of every aligned column and caret."""

from __future__ import annotations

import pytest

from nablab.errors import ParseError
from nablab.i18n.width import cell_width, pad, wrap


@pytest.mark.parametrize(("text", "cells"), [
    ("abc", 3), ("최대 반복", 9), ("가", 2), ("ｘ", 2), ("漢", 2), ("θ₁", 2), ("x²", 2),
    ("x\u0302", 1), ("e\u0301", 1), ("\u200b", 0), ("한\u11a8", 2), ("", 0), ("−∂σ", 3),
])
def test_cell_width(text: str, cells: int) -> None:
    assert cell_width(text) == cells


def test_pad_and_wrap_count_cells() -> None:
    assert pad("수렴", 6, ">") == "  수렴" and pad("수렴", 6) == "수렴  "
    assert pad("x", 3, "^") == " x "
    assert pad("최대 반복", 4) == "최대 반복"
    assert wrap("가나 다라 마바 사아", 11) == ["가나 다라", "마바 사아"]


def test_caret_under_wide_characters() -> None:
    error = ParseError("invalid_character", source="x + 가 + y", start=4, end=5, char="가",
                       char_name="HANGUL SYLLABLE GA", code="U+AC00")
    lines = error.render("en").splitlines()
    assert lines[1:3] == ["  x + 가 + y", "      ^^"]
    after = ParseError("unexpected_end", source="ｘ + ｙ +", start=7, after="+")
    assert after.render("en").splitlines()[2] == "  " + " " * 9 + "^"
