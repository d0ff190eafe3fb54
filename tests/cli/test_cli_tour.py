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


def _chapters() -> dict[str, dict]:
    out = io.StringIO()
    assert main(["tour", "--json"], stdout=out) == 0
    return {c["key"]: c for c in json.loads(out.getvalue())["chapters"]}


def test_tour_json_carries_the_new_chapters_in_the_notes_order() -> None:
    chapters = _chapters()
    assert list(chapters) == ["foundation", "derivatives", "critical", "descent", "newton",
                              "level", "lagrange", "chain", "network"]
    # Worked by hand. Sigmoid: σ(0) = 1/2, σ'(0) = 1/4, σ''(0) = 0, σ'''(0) = −1/8, so
    # T₃ = 1/2 + x/4 − x³/48; its error at x = 0.1 is about |σ⁽⁵⁾(0)|/5!·0.1⁵ = (1/4)/120·1e-5.
    newton = chapters["newton"]["data"]
    assert newton["sigmoid"]["polynomial"] == "-x**3/48 + x/4 + 1/2"
    error = next(e for e in newton["sigmoid"]["errors"] if e["h"] == 0.1)["error"]
    assert error == pytest.approx(0.25 / 120 * 1e-5, rel=0.01)
    # T₂ of x² + y² at (3, 4): 25 + 6(x − 3) + 8(y − 4) + (x − 3)² + (y − 4)² = x² + y²;
    # Newton: (3, 4) − ½I·(6, 8) = (0, 0) in one step; gd with η = 0.1 shrinks θ by 0.8 a step.
    assert newton["model"]["at"] == {"x": 3.0, "y": 4.0} and newton["model_is_f"] is True
    assert [t["term"] for t in newton["model"]["terms"]][0] == "25"
    assert newton["newton"]["steps"] == 1 and newton["newton"]["path"] == [[3, 4], [0, 0]]
    assert newton["gradient_descent"]["steps"] > 50
    # x² + y² = 2 at (1, 1): dy/dx = −x/y = −1, tangent y = 2 − x, normal y = x, ∇F = (2, 2).
    level = chapters["level"]["data"]
    assert level["implicit"]["derivative"] == "-x/y"
    assert level["implicit"]["tangent"] == "y = 2 - x" and level["implicit"]["normal"] == "y = x"
    assert level["implicit"]["gradient"] == [2.0, 2.0] and level["dot"] == 0.0
    # L = (ŷ − y)², ŷ = w₁x₁ + w₂x₂ at x = (1, 2), y = 2·1 − 3·2 = −4, w = (0, 0): ŷ = 0,
    # ∂L/∂ŷ = 2(0 + 4) = 8, ∂L/∂w₁ = 8·x₁ = 8, ∂L/∂w₂ = 8·x₂ = 16.
    chain = chapters["chain"]["data"]
    assert chain["chain"]["result"] == "2*x1*(w1*x1 + w2*x2 - y)"
    assert chain["chain"]["paths"][0]["path"] == ["L", "yhat", "w1"]
    assert chain["chain"]["check"] is True
    assert chain["sample"] == {"yhat": 0.0, "dL_dyhat": 8.0, "local": {"w1": 1.0, "w2": 2.0},
                               "gradient": {"w1": 8.0, "w2": 16.0}}


def test_tour_text_of_the_new_chapters() -> None:
    out = io.StringIO()
    assert main(["tour", "--no-figures"], stdout=out) == 0
    text = out.getvalue()
    assert "σ(x) ≈ T₃(x) = 1/2 + x/4 − x³/48" in text
    assert "θ₁ = (3, 4) − H⁻¹·(6, 8) = (3, 4) − (3, 4) = (0, 0)" in text
    assert "dy/dx = −F_x/F_y = −(2x)/(2y) = −x/y" in text
    assert "tangent: y = 2 − x    normal: y = x" in text and "∇F(1, 1) = (2, 2)" in text
    assert "∂L/∂w₁ = ∂L/∂ŷ · ∂ŷ/∂w₁ = (−2y + 2ŷ)·x₁ = 2x₁(w₁x₁ + w₂x₂ − y)" in text
    assert "∂L/∂w₂ = ∂L/∂ŷ · ∂ŷ/∂w₂ = 8·2 = 16" in text
    assert "backpropagation" in text.lower() and "yhat" not in text


def test_tour_korean_names_the_new_chapters() -> None:
    out = io.StringIO()
    assert main(["tour", "--lang", "ko", "--no-figures"], stdout=out) == 0
    text = out.getvalue()
    for term in ("연쇄 법칙", "테일러 다항식", "뉴턴 방법", "기울기 벡터", "경사하강법", "학습률",
                 "역전파"):
        assert term in text
