"""`nablab descend`, `race` and `sweep` through their real entry points."""

from __future__ import annotations

import io
import json
import shutil
import subprocess

import pytest

from nablab.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_descend_text_shows_the_steps() -> None:
    code, out, _ = run("descend", "x^2 + y^2", "--start", "3,4", "--lr", "0.1")
    assert code == 0
    assert "θ ← θ − η∇f(θ)" in out
    lines = out.splitlines()
    assert any(line.split()[:3] == ["1", "(2.4,", "3.2)"] for line in lines)
    assert "0 < η < 1" in out and "= 0.5" in out
    assert "79 steps not shown" in out
    assert "converged after 93 steps" in out


def test_descend_json_shape_and_every() -> None:
    code, out, _ = run("descend", "x^2 + y^2", "--start", "3,4", "--lr", "0.1", "--json")
    assert code == 0
    data = json.loads(out)
    assert {"optimizer", "status", "steps", "path", "values", "final"} <= set(data)
    assert data["optimizer"] == "gd" and data["status"] == "converged" and data["steps"] == 93
    assert data["path"][:2] == [[3.0, 4.0], [2.4, 3.2]] or \
        data["path"][1] == pytest.approx([2.4, 3.2])
    assert len(data["path"]) == len(data["values"]) == 94
    assert set(data["final"]) == {"point", "value", "grad_norm"}
    assert set(data["final"]["point"]) == {"x", "y"}
    code, out, _ = run("descend", "x^2 + y^2", "--start", "3,4", "--lr", "0.1", "--json",
                       "--every", "10")
    thinned = json.loads(out)
    assert len(thinned["path"]) == 11 and thinned["path"][-1] == data["path"][-1]


def test_descend_optimizer_options() -> None:
    code, out, _ = run("descend", "(1-x)^2 + 100(y-x^2)^2", "--start", "-1.5,2", "--optimizer",
                       "adam", "--lr", "0.02", "--betas", "0.9,0.99", "--eps", "1e-7",
                       "--steps", "50", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["hyper"]["betas"] == [0.9, 0.99] and data["hyper"]["eps"] == 1e-7
    assert data["steps"] == 50 and data["status"] == "max_steps"
    code, out, _ = run("descend", "x^2", "--start", "1", "--optimizer", "momentum",
                       "--momentum", "0.5", "--lr", "0.1")
    assert code == 0 and "momentum = 0.5" in out


def test_descend_warns_and_diverges() -> None:
    code, out, _ = run("descend", "x^2 + y^2", "--start", "3,4", "--lr", "1.5")
    assert code == 0
    assert "warning: η = 1.5 is outside the stable range 0 < η < 1" in out
    assert "diverged after 37 steps" in out
    code, out, _ = run("descend", "x^2 + y^2", "--start", "3,4", "--lr", "1.5", "--json")
    assert json.loads(out)["status"] == "diverged"


def test_descend_korean() -> None:
    code, out, _ = run("descend", "x^2 + y^2", "--start", "3,4", "--lr", "0.1", "--lang", "ko")
    assert code == 0 and "경사하강법" in out and "학습률" in out and "수렴했습니다" in out


@pytest.mark.parametrize(("argv", "exit_code", "message"), [
    (["descend", "x^2", "--start", "1", "--lr", "-1"], 2, "lr = -1.0 is outside"),
    (["descend", "x^2", "--start", "1", "--optimizer", "lbfgs"], 2, "invalid choice"),
    (["descend", "x^2", "--start", "1", "--momentum", "0.9"], 2, "has no parameter 'momentum'"),
    (["descend", "x^2", "--start", "1", "--betas", "0.9"], 2, "--betas needs numbers"),
    (["descend", "x^2", "--start", "1", "--steps", "99999999"], 2, "whole number from 0"),
    (["descend", "ln(x)", "--start", "-1"], 1, "undefined"),
    (["descend", "x^2 + y^2", "--start", "x=1,z=2"], 1, "'z' is not a variable"),
    (["descend", "x^2", "--start", "1", "--every", "0"], 2, "--every must be at least 1"),
    (["sweep", "x^2 + y^2", "--starts", "-1:1"], 2, "one range per variable"),
    (["sweep", "x^2", "--starts", "-1:1:5", "--lr", "1:2:x"], 2, "--lr needs numbers"),
    (["race", "x^2", "--start", "1", "--optimizers", "gd,adam", "--lr", "0.1,0.2,0.3"], 2,
     "3 learning rates for 2 optimizers"),
])
def test_errors(argv: list[str], exit_code: int, message: str) -> None:
    code, out, err = run(*argv)
    assert code == exit_code
    assert message in err


def test_race() -> None:
    code, out, _ = run("race", "x^2 + y^2", "--start", "3,4", "--optimizers",
                       "gd,momentum,adam", "--lr", "0.1", "--json")
    assert code == 0
    data = json.loads(out)
    assert [r["optimizer"] for r in data["results"]] == ["gd", "momentum", "adam"]
    assert data["ranking"][0] == "gd" and data["start"] == {"x": 3.0, "y": 4.0}
    code, out, _ = run("race", "x^2 + y^2", "--start", "3,4", "--optimizers", "gd,adam",
                       "--lr", "0.1,0.2", "--momentum", "0.5")
    assert code == 0 and "ranking: gd > adam" in out
    assert "converged" in out and "|∇f|" in out


def test_sweep_text_and_json() -> None:
    argv = ["sweep", "(x^2 - 1)^2 + y^2", "--lr", "0.01:0.5:4", "--starts", "-2:2:9,-1:1:3",
            "--steps", "500"]
    code, out, _ = run(*argv)
    assert code == 0
    assert "108 runs" in out and "Basins of attraction" in out and "minimum" in out
    assert "divergence boundary" in out or "no run diverged" in out
    code, out, _ = run(*argv, "--json")
    data = json.loads(out)
    assert data["runs"] == 108 and len(data["by_lr"]) == 4
    assert data["by_lr"][0]["lr"] == pytest.approx(0.01)
    assert data["basins"]["shape"] == [9, 3]
    assert {m["kind"] for m in data["minima"]} >= {"minimum"}


def test_tour_chapter() -> None:
    from nablab.cli.tour import CHAPTERS, descent

    assert descent.chapter in CHAPTERS
    for lang in ("en", "ko"):
        chapter = descent.chapter(lang).to_dict()
        json.dumps(chapter, allow_nan=False)
        assert chapter["data"]["first_step"] == pytest.approx([2.4, 3.2])
        assert chapter["data"]["too_large"]["status"] == "diverged"
        text = " ".join(line["text"] for line in chapter["lines"])
        assert "(2.4, 3.2)" in text and "0 < η < 1" in text
    assert "경사하강법" in descent.chapter("ko").title


def test_installed_executable() -> None:
    exe = shutil.which("nablab")
    assert exe is not None, "pip install -e . puts nablab on PATH"
    proc = subprocess.run([exe, "descend", "x^2 + y^2", "--start", "3,4", "--lr", "0.1",
                           "--steps", "1", "--json"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["path"][1] == pytest.approx([2.4, 3.2]) and data["status"] == "max_steps"
    assert proc.stderr == ""


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_and_after_a_while(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from nablab.cli import progress as options

    quiet = io.StringIO()
    bar = options.ProgressBar(quiet, "descending")
    monkeypatch.setattr(options, "QUIET_SECONDS", 0.0)
    bar(50, 100)
    bar.close()
    assert quiet.getvalue() == ""
    terminal = _Terminal()
    bar = options.ProgressBar(terminal, "descending")
    bar.last = -1.0
    bar(50, 100)
    bar.close()
    assert "descending" in terminal.getvalue()
    monkeypatch.setattr(options, "QUIET_SECONDS", 60.0)
    late = _Terminal()
    bar = options.ProgressBar(late, "descending")
    bar(50, 100)
    bar.close()
    assert late.getvalue() == ""
