"""`nablab plot` and `diff --plot` through the real entry point; laziness of heavy imports."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from nablab.cli import main

from .conftest import png_spread


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_notes_figure_by_default(tmp_path: Path) -> None:
    target = tmp_path / "notes.png"
    code, out, err = run("plot", "x^2 + y^2", "--out", str(target))
    assert (code, err) == (0, "")
    assert out.startswith("Figure written to ") and str(target) in out
    assert png_spread(target.read_bytes()) > 10


@pytest.mark.parametrize(("argv", "kind"), [
    (["x^3 - 3x + y^2", "--kind", "field", "--range", "-3:3,-2:2"], "field"),
    (["x^2 + 3xy + y^2", "--kind", "slices", "--at", "x=1,y=2"], "slices"),
    (["x^2 + y^2", "--kind", "tangent-plane", "--at", "1,2", "--range", "-pi:pi"],
     "tangent-plane"),
    (["tan x", "--at", "x=pi/4"], "curve"),
])
def test_kinds_through_the_command(tmp_path: Path, argv: list[str], kind: str) -> None:
    target = tmp_path / "figure.svg"
    code, out, _ = run("plot", *argv, "--out", str(target), "--json")
    data = json.loads(out)
    assert code == 0 and data["kind"] == kind and data["format"] == "svg"
    assert data["bytes"] == target.stat().st_size > 1000


def test_korean_message_and_html(tmp_path: Path) -> None:
    target = tmp_path / "surface.html"
    code, out, _ = run("plot", "sin(x) cos(y)", "--out", str(target), "--lang", "ko")
    assert code == 0 and "그림을" in out and "저장했습니다" in out
    assert "Plotly.newPlot" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize(("argv", "code", "message"), [
    (["x y z", "--out", "a.png"], 3, "one or two variables; this one has 3"),
    (["x^2", "--kind", "field", "--out", "a.png"], 3, "'field' draws functions of 2"),
    (["x^2", "--out", "a.jpg"], 2, "use one of .png, .svg, .pdf, .html"),
    (["x^2", "--range", "5:1", "--out", "a.png"], 2, "cannot read the range '5:1'"),
    (["x^2", "--range", "a:b", "--out", "a.png"], 2, "cannot read the range"),
    (["1/x", "--at", "0", "--out", "a.png"], 1, "not defined at 0"),
    (["x^2", "--out", "/nonexistent-dir/a.png"], 1, "could not write"),
])
def test_errors(tmp_path: Path, argv: list[str], code: int, message: str,
                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    got, out, err = run("plot", *argv)
    assert got == code and message in err and "Traceback" not in err


def test_diff_plot_draws_the_partials_as_slopes(tmp_path: Path) -> None:
    target = tmp_path / "diff.png"
    code, out, err = run("diff", "x^2 + 3xy + y^2", "--at", "x=1,y=2", "--plot", str(target))
    assert code == 0 and "∇f = (8, 7)" in out
    assert err.startswith("Figure written to") and png_spread(target.read_bytes()) > 10


def test_diff_plot_json_stays_one_object(tmp_path: Path) -> None:
    target = tmp_path / "diff.pdf"
    code, out, err = run("diff", "sigmoid(x)", "--plot", str(target), "--json")
    assert code == 0 and json.loads(out)["variables"] == ["x"]
    assert target.read_bytes().startswith(b"%PDF") and str(target) in err


def test_diff_plot_refuses_before_computing() -> None:
    code, out, err = run("diff", "x y z", "--plot", "a.png")
    assert code == 3 and out == "" and "one or two variables" in err
    code, out, err = run("diff", "x y", "--plot", "a.bmp")
    assert code == 2 and out == ""


def test_diff_and_import_stay_free_of_matplotlib_and_plotly() -> None:
    code = ("import sys, io; from nablab.cli import main; "
            "main(['diff', 'x^2 + y^2', '--at', '1,2'], stdout=io.StringIO()); "
            "print(sorted(m for m in ('matplotlib', 'plotly', 'PIL') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"


def test_installed_executable(tmp_path: Path) -> None:
    target = tmp_path / "cli.png"
    out = subprocess.run(["nablab", "plot", "x^2 - y^2", "--out", str(target)],
                         capture_output=True, text=True, check=True)
    assert "Figure written" in out.stdout and png_spread(target.read_bytes()) > 10


@pytest.mark.parametrize("argv", [
    ["critical", "x^3 - 3x + y^2"],
    ["descend", "x^2 + 3y^2", "--start", "3,2", "--lr", "0.1", "--steps", "40"],
    ["race", "x^2 + 3y^2", "--start", "3,2", "--steps", "40"],
    ["sweep", "x^4 - 2x^2 + y^2", "--starts", "-2:2:9,-1:1:5", "--lr", "0.01:0.3:4",
     "--steps", "50"],
    ["limit", "x^2 + 3xy + y^2", "--wrt", "x", "--at", "x=1,y=2"],
    ["tangent", "sin x", "--at", "pi/4"],
    ["tangent", "x^2 y", "--at", "1,2"],
])
def test_plot_option_on_every_capability(tmp_path: Path, argv: list[str]) -> None:
    target = tmp_path / "figure.png"
    code, out, err = run(*argv, "--plot", str(target))
    assert code == 0 and out and f"Figure written to {target}" in err
    assert png_spread(target.read_bytes()) > 10


@pytest.mark.parametrize("argv", [
    ["descend", "x^2 + 3y^2", "--start", "3,2", "--lr", "0.1", "--steps", "20"],
    ["race", "x^2 + 3y^2", "--start", "3,2", "--steps", "20"],
    ["limit", "x^3", "--at", "1"],
])
def test_animate_option(tmp_path: Path, argv: list[str]) -> None:
    target = tmp_path / "moving.gif"
    code, _, err = run(*argv, "--animate", str(target))
    assert code == 0 and "Animation written to" in err
    assert target.read_bytes()[:6] == b"GIF89a"


def test_bad_suffix_fails_before_computing() -> None:
    code, out, err = run("descend", "x^2", "--start", "1", "--animate", "a.png")
    assert code == 2 and out == "" and ".gif, .mp4, .html" in err
