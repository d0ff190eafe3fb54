"""The hostile inputs of issue 21 that crashed or misread: each now a result or a clear error.

Each case failed before its fix: a worker crash (exit 70) with internal exception text, a
confident misreading (``3..5`` read as 3/2, ``log(x, 0)`` as 0, ``ο`` beside ``o``), or a
tangent where f has no derivative.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from nablab.cli import main
from nablab.errors import DomainError
from nablab.jobs.encoding import json_bytes, json_text


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("args", [
    ("descend", "exp(x)", "--start", "700"), ("descend", "1e200*x", "--start", "1"),
    ("race", "tan(x)^999", "--start", "1", "--steps", "20"),
])
def test_a_gradient_beyond_1e154_is_a_diverged_run_not_a_crash(args: tuple[str, ...]) -> None:
    """|∇f| was √(g·g), which overflows for a finite g above 1e154: inf in the JSON."""
    code, out, err = run(*args, "--json")
    assert code == 0, err
    data = json.loads(out)
    runs = data["results"] if "results" in data else [data]
    assert runs[0]["status"] == "diverged"     # gd; Adam's steps stay ≤ η, it may not
    assert "RuntimeWarning" not in err and "Traceback" not in err


def test_json_never_holds_infinity() -> None:
    with pytest.raises(DomainError) as caught:
        json_text({"value": float("inf")})
    assert caught.value.kind == "not_finite"
    assert json.loads(json_bytes({"v": "\ud800"}).decode()) == {"v": "\ud800"}


def test_huge_values_are_said_not_crashed(tmp_path: Path) -> None:
    code, _, err = run("tangent", "7^(e^(e^(e^(10E))))", "--at", "1")
    assert code == 1 and "too large" in err           # was UnboundLocalError, exit 70
    code, _, err = run("plot", "(x+y)^1000", "--out", str(tmp_path / "p.png"))
    assert code == 0, err                              # was "upper_level must be larger"
    assert (tmp_path / "p.png").stat().st_size > 10_000


def test_the_steps_of_an_exponential_tower_are_shown_not_a_memory_error() -> None:
    """Checking the steps valued e^(e^(e^(e^2.5))) exactly: ln 2 to 10⁸⁴⁷⁰⁰ digits, 2 GB in a
    second, "needed more than 2048 MB". Towers are now valued in floating point."""
    tower = "x"
    for _ in range(8):
        tower = f"e^({tower})"
    code, out, err = run("steps", tower, "--timeout", "5")
    assert code == 0, err
    assert "e^x·e^(e^x)·e^(e^(e^x))" in out and "too large for floating point" in out
    code, out, err = run("steps", "e^(e^(e^x))")
    assert code == 0 and "✓" in out, out                # still checked where it is finite


def test_a_constraint_with_more_variables_than_f_is_drawn(tmp_path: Path) -> None:
    """f = x² under x + y = 1 is f(x, y): its picture needs y too (was "give values for y")."""
    code, out, err = run("lagrange", "x^2", "-c", "x+y=1", "--plot", str(tmp_path / "l.png"))
    assert code == 0, err
    assert "f(x, y) = x²" in out and (tmp_path / "l.png").exists()


def test_every_beyond_int64_keeps_the_first_and_last_points() -> None:
    code, out, err = run("descend", "x^2", "--start", "1", "--every",
                         "9223372036854775808", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert len(data["path"]) == 2 and data["path"][0] == [1.0]


@pytest.mark.parametrize(("text", "kind"), [
    ("3..5", "two decimal points"), ("1.2.3 + x", "two decimal points"),
    ("log(x, 0)", "base must be positive"), ("log(x, 1)", "base must be positive"),
    ("log_0 x", "base must be positive"), ("ο + o", "GREEK SMALL LETTER OMICRON"),
])
def test_misreadings_are_refused(text: str, kind: str) -> None:
    code, out, err = run("diff", text)
    assert code == 1 and out == "" and kind in err


def test_readings_that_stay() -> None:
    assert "f = 7/2" in run("diff", "3.5")[1]
    assert "log₂(x)" in run("diff", "log(x, 2)")[1]
    assert "f(o, omicron)" in run("diff", "omicron + o")[1]


@pytest.mark.parametrize(("f", "left", "right"), [
    ("abs(x)", "−1", "1"), ("relu(x)", "0", "1"), ("max(x, 2x)", "1", "2")])
def test_no_tangent_at_a_kink(f: str, left: str, right: str) -> None:
    """sign(0) = 0 made |x| at 0 look like slope 0; the one-sided slopes differ there."""
    code, out, err = run("tangent", f, "--at", "0")
    assert code == 1 and out == ""
    assert f"from the left is {left}, from the right {right}" in err
    code, _, err = run("tangent", f, "--at", "0", "--lang", "ko")
    assert "미분할 수 없습니다" in err


def test_a_tangent_away_from_the_kink_is_still_drawn() -> None:
    code, out, _ = run("tangent", "abs(x)", "--at", "1")
    assert code == 0 and "  = x\n" in out
    code, out, _ = run("tangent", "abs(x^3)", "--at", "0")
    assert code == 0 and "f′(0) = 0" in out


def test_the_json_output_is_capped_inside_the_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    """A million steps in six variables printed over a gigabyte from the main process; the
    JSON is now encoded in the bounded worker and stops at the cap, suggesting --every."""
    import nablab.cli.job

    monkeypatch.setattr(nablab.cli.job, "MAX_OUTPUT", 20_000)
    args = ("descend", "x^2 + y^2", "--start", "3,4", "--steps", "2000", "--tol", "0",
            "--lr", "0.001", "--json")
    code, out, err = run(*args)
    assert code == 5 and json.loads(out)["error"]["kind"] == "output_too_large"
    assert "--every" in err
    code, out, err = run(*args, "--every", "200")
    assert code == 0 and len(json.loads(out)["path"]) == 11


def test_json_text_stops_at_its_limit() -> None:
    from nablab.errors import BudgetExceeded

    with pytest.raises(BudgetExceeded) as caught:
        json_text({"path": list(range(100_000))}, limit=1000)
    assert caught.value.kind == "output_too_large"
    assert json.loads(json_text({"a": [1, 2]}, limit=1000)) == {"a": [1, 2]}
