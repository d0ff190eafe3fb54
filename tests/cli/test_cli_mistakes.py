"""Command-line slips answered helpfully, through the real entry point, in both languages."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from nablab.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(("typed", "meant"), [
    ("dif", "diff"), ("difff", "diff"), ("tangnet", "tangent"), ("traim", "train"),
    ("critcal", "critical"), ("lagrang", "lagrange"), ("decend", "descend"),
])
def test_did_you_mean(typed: str, meant: str) -> None:
    code, out, err = run(typed, "x^2")
    assert (code, out) == (2, "")
    assert err == f"nablab: error: unknown command '{typed}'; did you mean {meant}?\n"


def test_did_you_mean_in_korean() -> None:
    assert run("--lang", "ko", "dif") == (
        2, "", "nablab: 오류: 'dif'는 nablab의 명령이 아닙니다. 혹시 diff를 쓰려고 했나요?\n")
    code, _, err = run("critcal", "x^2", "--lang", "ko")
    assert code == 2 and "혹시 critical을 쓰려고" in err


def test_unknown_command_lists_the_commands() -> None:
    code, out, err = run("xyzzy")
    assert (code, out) == (2, "")
    assert "unknown command 'xyzzy'; the commands are: tour, diff, limit" in err


@pytest.mark.parametrize(("argv", "suggested"), [
    (["diff", "x^2", "+", "y^2"], 'nablab diff "x^2 + y^2"'),
    (["diff", "x^2", "-", "y^2", "--at", "1,2"], 'nablab diff "x^2 - y^2" --at 1,2'),
    (["critical", "--vars", "x,y", "x^3", "-3x", "+", "y^2"],
     'nablab critical --vars x,y "x^3 -3x + y^2"'),
    (["descend", "x^2", "+", "3y^2", "--start", "3,4"],
     'nablab descend "x^2 + 3y^2" --start 3,4'),
])
def test_unquoted_formula(argv: list[str], suggested: str) -> None:
    code, out, err = run(*argv)
    assert (code, out) == (2, "")
    assert err == ("nablab: error: the shell split the formula into several words; put the "
                   f"formula in quotes: {suggested}\n")


def test_unquoted_formula_in_korean() -> None:
    code, _, err = run("diff", "x^2", "+", "y^2", "--lang", "ko")
    assert code == 2
    assert err == ("nablab: 오류: 셸이 수식을 여러 단어로 나누었습니다. 수식을 따옴표로 감싸세요: "
                   'nablab diff "x^2 + y^2" --lang ko\n')


def test_a_star_the_shell_turned_into_file_names(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "notes.md").write_text("")
    monkeypatch.chdir(tmp_path)
    code, out, err = run("diff", "x", "notes.md", "y")  # what `nablab diff x * y` becomes
    assert (code, out) == (2, "")
    assert "put file names where it had a *" in err and 'nablab diff "x * y"' in err


def test_other_stray_words_keep_their_error() -> None:
    code, _, err = run("diff", "x^2", "--at", "1", "extra")
    assert code == 2 and "unrecognized arguments: extra" in err
    code, _, err = run("descend", "x^2", "--start", "3", "4")
    assert code == 2 and "unrecognized arguments: 4" in err


def test_through_the_console_entry_point() -> None:
    env = {**os.environ, "NABLAB_LANG": "en"}
    done = subprocess.run([sys.executable, "-m", "nablab", "dif", "x^2"], capture_output=True,
                          text=True, env=env, timeout=60)
    assert (done.returncode, done.stdout) == (2, "")
    assert "did you mean diff?" in done.stderr
    done = subprocess.run([sys.executable, "-m", "nablab", "diff", "x^2", "+", "y^2"],
                          capture_output=True, text=True, env=env, timeout=60)
    assert (done.returncode, done.stdout) == (2, "")
    assert 'put the formula in quotes: nablab diff "x^2 + y^2"' in done.stderr


@pytest.mark.parametrize(("argv", "english", "korean"), [
    (["sweep", "x^2"], "the following arguments are required: --starts",
     "꼭 필요한 인수가 빠졌습니다: --starts"),
    (["descend", "x^2", "--start", "1", "--lr", "abc"],
     "argument --lr: invalid float value: 'abc'", "--lr에는 수를 써야 합니다 (입력: 'abc')"),
    (["train", "--data", "example:linear", "--epochs", "1.5"],
     "argument --epochs: invalid int value: '1.5'",
     "--epochs에는 정수를 써야 합니다 (입력: '1.5')"),
    (["descend", "x^2", "--start", "1", "--optimizer", "foo"],
     "argument --optimizer: invalid choice: 'foo' (choose from 'gd', 'momentum', 'nesterov', "
     "'adagrad', 'rmsprop', 'adam', 'sgd', 'newton', 'damped_newton')",
     "--optimizer에 쓸 수 없는 값입니다: 'foo' (쓸 수 있는 값: 'gd', 'momentum', 'nesterov', "
     "'adagrad', 'rmsprop', 'adam', 'sgd', 'newton', 'damped_newton')"),
    (["descend", "x^2", "--start"], "argument --start: expected one argument",
     "--start 다음에 값이 하나 있어야 합니다"),
])
def test_argparse_errors_in_both_languages(argv: list[str], english: str, korean: str) -> None:
    code, out, err = run(*argv)
    assert (code, out) == (2, "") and err.startswith(f"nablab: error: {english}\n")
    code, out, err = run(*argv, "--lang", "ko")
    assert (code, out) == (2, "")
    assert err.startswith(f"nablab: 오류: 명령어 사용법 오류: {korean}\n")


def test_an_unknown_option_is_named_as_typed() -> None:
    """Was "unrecognized arguments:  --vars x,y": the dash guard's space leaked."""
    code, _, err = run("graph", "x", "--at", "x=1", "--vars", "x,y", "--lang", "en")
    assert code == 2
    assert "unrecognized arguments: --vars x,y" in err
