"""The tour's network chapter goes on past "a hidden layer is needed": the 2-2-1 network
learns XOR 4 of 4, and one line splits the classes in its hidden units' coordinates."""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy as np

from nablab.cli import main


def test_tour_learns_xor_with_a_hidden_layer_right_after_the_single_layer_fails() -> None:
    out = io.StringIO()
    assert main(["tour", "--json"], stdout=out) == 0
    chapter = next(c for c in json.loads(out.getvalue())["chapters"] if c["key"] == "network")
    single, hidden = chapter["data"]["xor"], chapter["data"]["hidden_layer"]
    assert single["accuracy"] < 1.0
    assert hidden["layers"] == [2, 2, 1] and hidden["accuracy"] == 1.0 and hidden["correct"] == 4
    # XOR's targets 0, 1, 1, 0: ŷ on the right side of ½, and the output unit's line
    # w·a + b = 0 separates the hidden coordinates the same way
    predictions = np.array(hidden["predictions"])
    np.testing.assert_array_equal(predictions > 0.5, [False, True, True, False])
    side = np.array(hidden["hidden"]) @ np.array(hidden["output_weights"]) + hidden["output_bias"]
    np.testing.assert_array_equal(side > 0, predictions > 0.5)


def test_tour_text_in_both_languages_follows_the_single_layer() -> None:
    for lang, cannot, learned in (("en", "a hidden layer is needed", "4 of 4 points right"),
                                  ("ko", "은닉층이 필요합니다", "점 4개 중 4개를 맞힙니다")):
        out = io.StringIO()
        assert main(["tour", "--no-figures", "--lang", lang], stdout=out) == 0
        text = out.getvalue()
        assert text.index(cannot) < text.index(learned)
        assert "ŷ = σ(W⁽²⁾ tanh(W⁽¹⁾x + b⁽¹⁾) + b⁽²⁾)" in text


def test_tour_draws_the_hidden_layer_figure(tmp_path: Path) -> None:
    out = io.StringIO()
    assert main(["tour", "--figures", str(tmp_path)], stdout=out, stderr=io.StringIO()) == 0
    names = [p.name for p in tmp_path.iterdir()]
    assert any(name.endswith("-network-xor-hidden-layer.png") for name in names)
