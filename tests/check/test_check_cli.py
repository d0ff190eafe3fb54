"""``nablab check`` through its real entry points: verdicts, exit codes, --file, --json, ko."""

from __future__ import annotations

import io
import itertools
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from nablab.cli.app import main


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", *args], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(("answer", "code", "mark"), [
    ("2x sin x + x^2 cos x", 0, "✓"), ("2x cos x", 6, "✗"), ("(1, 2)", 7, "?")])
def test_check_verdicts_and_exit_codes(answer: str, code: int, mark: str) -> None:
    got, out, _ = run("d/dx (x^2 sin x)", answer)
    assert got == code and f"{mark} " in out


def test_check_speaks_korean_like_the_notes() -> None:
    code, out, _ = run("∇ (x^2 + y^2)", "(2x, y)", "--lang", "ko")
    assert code == 6
    assert "틀렸습니다" in out and "반례" in out and "정답: (2x, 2y)" in out


def test_check_json_is_the_issue_object() -> None:
    code, out, _ = run("critical x^3 - 3x + y^2", "(1, 0)", "--json")
    data = json.loads(out)
    assert code == 6 and data["verdict"] == "incorrect" and data["missing"] == ["(-1, 0)"]
    assert data["lines"] == [] and data["counterexample"] is None


def test_check_a_derivation_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "work.txt"
    path.write_text("d/dx (x^2 sin x)\n= 2x sin x + x^2 sin x\n= x(2 sin x + x sin x)\n",
                    encoding="utf-8")
    code, out, _ = run("d/dx (x^2 sin x)", "--file", str(path))
    assert code == 6
    assert "  2 ✗ 2x sin x + x^2 sin x" in out and "  3 → x(2 sin x + x sin x)" in out
    assert "only line 2 needs mending" in out


def test_check_usage_and_input_errors_keep_their_codes(tmp_path: Path) -> None:
    assert run("d/dx (x^2)")[0] == 2                               # no answer
    assert run("d/dx (x^2)", "--file", str(tmp_path / "none.txt"))[0] == 2
    code, _, err = run("hello", "1")
    assert code == 1 and "no task nablab can check" in err


def test_check_through_the_installed_executable() -> None:
    exe = shutil.which("nablab")
    if exe is None:
        pytest.skip("the nablab executable is not installed")
    done = subprocess.run([exe, "check", "gd x^2 + y^2 from (3, 4) lr 0.1", "--file", "-",
                           "--json"], input="(2.4, 3.2)\n", capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["verdict"] == "correct"


def test_the_readme_example_is_what_the_command_prints() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    block = readme.split('$ nablab check "d/dx sin(x^2)" "cos(x^2)"\n', 1)[1].split("```", 1)[0]
    _, out, _ = run("d/dx sin(x^2)", "cos(x^2)", "--lang", "en")
    assert out == block


AWKWARD = ["x!", "|x| + relu(y)", "1/x", "e^(1000 x)", "x^x"]
KINDS = ["d/dx ({f})", "∇ ({f})", "critical {f}", "gd {f} from (1, 1) lr 0.1",
         "tangent {f} at (1, 1)"]
ROBUST = list(itertools.product(KINDS, AWKWARD))


@pytest.mark.parametrize(("kind", "function"), ROBUST, ids=[f"{k}-{f}" for k, f in ROBUST])
def test_awkward_functions_give_a_verdict_or_a_clear_error(kind: str, function: str) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", kind.format(f=function), "(1, 1)", "--json", "--timeout", "8"],
                stdout=out, stderr=err)
    assert code in (0, 1, 2, 3, 4, 5, 6, 7), err.getvalue()
    text = out.getvalue()
    assert "Traceback" not in err.getvalue() and "NaN" not in text and "Infinity" not in text
    data = json.loads(text)
    assert ("error" in data) == (code not in (0, 6, 7))
