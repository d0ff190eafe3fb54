"""`nablab lagrange` through its real entry points, the tour chapter, and bad inputs with
their exact messages."""

from __future__ import annotations

import io
import json
import shutil
import subprocess

import pytest

import nablab
from nablab.cli import main
from nablab.cli.tour import lagrange as tour_lagrange
from nablab.errors import ParseError, UnsupportedError

F, PATH = "4 - x^2 - 2y^2", "2(x-1)^2 - 10y + 6 = 0"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_text_output_tells_the_whole_story() -> None:
    code, out, err = run("lagrange", F, "--constraint", PATH)
    assert code == 0 and err == ""
    assert "L(x, y, λ) = 4 − x² − 2y² − λ(2(x − 1)² − 10y + 6)" in out  # f as typed
    assert "−2x = λ(4x − 4)" in out
    assert "(0.353532, 0.683584)   0.273434      2.94044   local maximum   ← highest" in out
    assert "No lowest point" in out and "touches the constraint curve" in out
    assert "agrees with ours" in out and "μ = −0.273434" in out


def test_json_and_korean() -> None:
    code, out, _ = run("lagrange", F, "-c", PATH, "--json", "--no-check", "--lang", "ko")
    data = json.loads(out)
    assert code == 0 and data["check"] is None
    assert {"lagrangian", "candidates", "maximum", "minimum", "bounded", "method"} <= set(data)
    assert data["bounded"] == {"above": True, "below": False} and data["minimum"] is None
    assert any("최저점이 없습니다" in line for line in data["explanation"])
    code, text, _ = run("lagrange", F, "-c", PATH, "--no-check", "--lang", "ko")
    assert "라그랑주 함수" in text and "극대" in text and "최댓값" in text


def test_several_constraints_and_inequalities() -> None:
    code, out, _ = run("lagrange", "xy", "-c", "x + y <= 10", "-c", "x >= 0", "-c", "y >= 0",
                       "--json", "--no-check")
    data = json.loads(out)
    assert code == 0 and data["maximum"]["value"] == 25
    assert data["constraints"][1] == {"source": "x >= 0", "typed": "x ≥ 0", "g": "x", "k": 0.0,
                                      "op": ">=",
                                      "kind": "inequality", "multiplier": "lambda2",
                                      "text": "x >= 0", "unicode": "x ≥ 0",
                                      "latex": r"x \ge 0"}


def test_constraint_starting_with_a_minus_sign() -> None:
    code, out, _ = run("lagrange", "x^2 + y^2", "--constraint", "-x - y = -1", "--json",
                       "--no-check")
    assert code == 0 and json.loads(out)["minimum"]["value"] == 0.5


@pytest.mark.parametrize(("argv", "exit_code", "message"), [
    (["x + y", "-c", "x^2 + y^2 < 1"], 3,
     "the strict inequality 'x^2 + y^2 < 1' describes an open set, where a highest or lowest "
     "point may not exist; write <= instead of <"),
    (["x + y", "-c", "1 = 2"], 3, "the constraint '1 = 2' has no variable"),
    (["x + y", "-c", "x^2 + y^2"], 1, None),
    (["(x, y)", "-c", "x = 1"], 3, "lagrange needs a scalar function, not a vector"),
])
def test_bad_inputs(argv: list[str], exit_code: int, message: str | None) -> None:
    code, out, err = run("lagrange", *argv, "--json")
    assert code == exit_code
    error = json.loads(out)["error"]
    if message is not None:
        assert error["message"] == message
    assert err.startswith("nablab: error:")


def test_missing_constraint_is_a_usage_error() -> None:
    code, _, err = run("lagrange", "x + y")
    assert code == 2 and "--constraint" in err


def test_parse_error_in_a_constraint_has_a_caret() -> None:
    code, _, err = run("lagrange", "x + y", "-c", "x^2 + = 1")
    assert code == 1 and "^" in err and "x^2 + = 1" in err


def test_library_errors() -> None:
    with pytest.raises(UnsupportedError) as info:
        nablab.lagrange("x", [])
    assert info.value.kind == "no_constraints"
    with pytest.raises(UnsupportedError) as info:
        nablab.lagrange("x", [f"x >= {i}" for i in range(9)])
    assert info.value.message("en") == "at most 8 constraints, 6 of them inequalities"
    with pytest.raises(UnsupportedError) as info:
        nablab.lagrange("a x", "x = 1", variables=["x"])
    assert info.value.kind == "unbound_parameters"
    with pytest.raises(ParseError):
        nablab.lagrange("x", "foo(x) = 1")


def test_installed_executable() -> None:
    exe = shutil.which("nablab")
    assert exe is not None
    done = subprocess.run([exe, "lagrange", "xy", "--constraint", "x^2 + y^2 = 1", "--json",
                           "--no-check"], capture_output=True, text=True, timeout=60,
                          check=False)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert len(data["candidates"]) == 4 and data["maximum"]["value_exact"] == "1/2"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_tour_chapter_is_computed(lang: str) -> None:
    chapter = tour_lagrange.chapter(lang)
    text = "\n".join(line for _, line in chapter.lines)
    assert "4x³ − 12x² + 49x − 16 = 0" in text
    assert "L(x, y, λ)" in text and "0.273434" in text and "2.94044" in text
    data = chapter.data
    assert data["eliminant"]["real"] == 1 and data["eliminant"]["complex"] == 2
    assert data["eliminant"]["chars"] > 60  # the Cardano radical a learner is spared
    assert data["lagrange"]["bounded"] == {"above": True, "below": False}
    if lang == "ko":
        assert "등산 경로" in text and "접합니다" in text


def test_jumps_are_refused_with_the_reason() -> None:
    """Kinks (|x|, max, relu) are accepted since issue 15 (the points where ∇f or ∇g does not
    exist are candidates: tests/constrained/test_lagrange_kinks.py); a jump is not."""
    with pytest.raises(UnsupportedError) as info:
        nablab.lagrange("sign(x) + y", "x^2 + y^2 = 1")
    assert info.value.message("en") == (
        "f contains sign, which jumps: it is not continuous there, and neither Lagrange's "
        "condition nor comparing candidates can find the extremes")
    with pytest.raises(UnsupportedError) as info:
        nablab.lagrange("x + y", "heaviside(x) + y = 1")
    assert info.value.params["where"] == "heaviside(x) + y = 1"


@pytest.mark.parametrize(("f", "constraint"), [
    ("1/x + y", "x^2 + y^2 = 4"),            # a pole on the circle: f unbounded both ways
    ("x^(3/2) + y", "x + y = 1"),            # undefined for x < 0
    ("sigmoid(x) + y^2", "x^2 + y^2 = 1"),
])
def test_non_polynomial_problems_never_report_nan(f: str, constraint: str) -> None:
    result = nablab.lagrange(f, constraint)
    text = json.dumps(result.to_dict("en"), allow_nan=False)  # raises on NaN or ∞
    assert "NaN" not in text and result.candidates
    assert result.check is not None and result.check.agrees
    assert all(c.residual < 1e-10 for c in result.candidates)


def test_tour_chapter_data_is_json() -> None:
    json.dumps(tour_lagrange.chapter("en").to_dict(), allow_nan=False)


def test_plot_option_writes_the_hiking_picture(tmp_path: object) -> None:
    from pathlib import Path

    target = Path(str(tmp_path)) / "hike.png"
    code, out, err = run("lagrange", "4 - x^2 - 2y^2", "-c", "2(x-1)^2 - 10y + 6 = 0",
                         "--no-check", "--json", "--plot", str(target))
    assert code == 0
    assert json.loads(out)["maximum"]["value"] == pytest.approx(2.94044, abs=1e-5)
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "hike.png" in err
