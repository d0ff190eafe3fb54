"""`nablab diff` through the real entry points: values, JSON, languages, errors, budgets."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time

import pytest
import sympy

from nablab.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_done_when_example() -> None:
    code, out, err = run("diff", "x^2 + 3xy + y^2", "--at", "x=1,y=2")
    assert code == 0 and err == ""
    assert "∂f/∂x = 2x + 3y" in out
    assert "∂f/∂y = 3x + 2y" in out
    assert "f = 11" in out
    assert "∇f = (8, 7)" in out


def test_json_object() -> None:
    code, out, _ = run("diff", "x^2 + 3xy + y^2", "--at", "x=1,y=2", "--json")
    data = json.loads(out)
    assert code == 0
    assert set(data) == {"expression", "typed", "latex", "variables", "partials", "gradient",
                         "hessian", "at", "reading", "constant", "asked", "derivative",
                         "derivative_at"}
    assert data["constant"] is False and data["asked"] is None and data["derivative"] is None
    assert data["variables"] == ["x", "y"]
    assert data["partials"] == {"x": "2*x + 3*y", "y": "3*x + 2*y"}
    assert data["gradient"] == ["2*x + 3*y", "3*x + 2*y"]
    assert data["hessian"] == [["2", "3"], ["3", "2"]]
    assert data["at"] == {"point": {"x": 1.0, "y": 2.0}, "value": 11.0, "gradient": [8.0, 7.0]}
    assert data["latex"] == "x^{2} + 3 x y + y^{2}"


def test_json_expressions_are_sympy_syntax() -> None:
    _, out, _ = run("diff", "1/(1+e^{-x})", "--json")
    data = json.loads(out)
    x = sympy.Symbol("x")
    derivative = sympy.parse_expr(data["partials"]["x"])  # test-only: reading our own output
    assert sympy.simplify(derivative - sympy.diff(1 / (1 + sympy.exp(-x)), x)) == 0
    assert data["at"] is None


def test_neuron_partials() -> None:
    code, out, _ = run("diff", "z = wx + b", "--json")
    assert json.loads(out)["partials"] == {"b": "1", "w": "x", "x": "w"}
    _, text, _ = run("diff", "z = wx + b")
    assert "∂z/∂w = x" in text and "∇z = (1, x, w)" in text


def test_korean_from_flag_and_from_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    _, out, _ = run("diff", "x^2 + y^2", "--lang", "ko")
    assert "편미분" in out and "기울기 벡터" in out and "헤세 행렬" in out
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    _, out, _ = run("diff", "x^2 + y^2")
    assert "편미분" in out
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    _, out, _ = run("diff", "x^2 + y^2")
    assert "Partial derivatives" in out


def test_one_variable_uses_derivative_notation() -> None:
    _, out, _ = run("diff", "sin x", "--at", "x=pi/2")
    assert "df/dx = cos(x)" in out and "d²f/dx² = −sin(x)" in out
    assert "f = 1" in out


def test_wrt_and_vars() -> None:
    code, out, _ = run("diff", "a x^2 + b y", "--vars", "x,y", "--wrt", "x", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["variables"] == ["x", "y"]
    assert data["partials"] == {"x": "2*a*x"}


def test_leading_minus_is_a_formula_not_an_option() -> None:
    code, out, _ = run("diff", "-x^2 + 1", "--at", "-1", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["partials"] == {"x": "-2*x"}
    assert data["at"]["gradient"] == [2.0]


def test_parse_error_text_mode() -> None:
    code, out, err = run("diff", "foo(x) + 1")
    assert code == 1 and out == ""
    assert err.splitlines()[:3] == ["nablab: error: unknown function 'foo'", "  foo(x) + 1",
                                    "  ^^^"]
    assert "Traceback" not in err


def test_parse_error_json_mode() -> None:
    code, out, err = run("diff", "x^2 + (y", "--json", "--lang", "ko")
    assert code == 1
    assert json.loads(out) == {"error": {"kind": "unclosed_bracket",
                                         "message": "'('가 닫히지 않았습니다", "column": 7}}
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("text", ["__import__('os')", "10^10^10", "x" * 20000, "\u202ex",
                                  r"\input{/etc/passwd}", "", "(((("])
def test_hostile_input_never_tracebacks(text: str) -> None:
    code, out, err = run("diff", text, "--json")
    assert code == 1
    assert "error" in json.loads(out)
    assert "Traceback" not in err


def test_unknown_wrt_variable() -> None:
    code, out, _ = run("diff", "x^2", "--wrt", "y", "--json")
    assert code == 1
    assert json.loads(out)["error"]["kind"] == "unknown_variable"


def test_undefined_point_is_an_error() -> None:
    code, out, _ = run("diff", "ln x", "--at", "x=-1", "--json")
    assert code == 1
    assert json.loads(out)["error"]["kind"] == "undefined_at_point"


def test_usage_errors() -> None:
    code, out, err = run("diff")
    assert code == 2 and "EXPR" in err
    code, out, _ = run("diff", "x", "--timeout", "-1", "--json")
    assert code == 2 and json.loads(out)["error"]["kind"] == "bad_timeout"


def test_timeout_stops_the_job(monkeypatch: pytest.MonkeyPatch) -> None:
    from nablab.jobs.diff import DiffRequest

    def spin(*args: object, **kwargs: object) -> None:
        while True:
            pass

    monkeypatch.setattr(DiffRequest, "run", spin)
    start = time.perf_counter()
    code, out, err = run("diff", "x^2", "--timeout", "0.5", "--json")
    assert time.perf_counter() - start < 3
    assert code == 5
    assert json.loads(out)["error"]["kind"] == "timeout"


def test_help_lists_commands_in_korean() -> None:
    code, out, _ = run("diff", "--help", "--lang", "ko")
    assert "편미분" in out


def _entry(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "NABLAB_LANG")}
    full.update(env or {})
    return subprocess.run(list(argv), capture_output=True, text=True, env=full, timeout=60)


def test_installed_executable() -> None:
    proc = _entry("nablab", "diff", "x^2 + 3xy + y^2", "--at", "x=1,y=2", "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["at"]["gradient"] == [8.0, 7.0]


def test_python_dash_m_in_korean_locale() -> None:
    proc = _entry(sys.executable, "-m", "nablab", "diff", "x^2 + 3xy + y^2", "--at", "x=1,y=2",
                  env={"LANG": "ko_KR.UTF-8"})
    assert proc.returncode == 0, proc.stderr
    assert "편미분" in proc.stdout and "∇f = (8, 7)" in proc.stdout


def test_executable_error_has_no_traceback() -> None:
    proc = _entry("nablab", "diff", "exec('import os')")
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr and "unknown function 'exec'" in proc.stderr


def test_values_beyond_a_float_are_an_error_not_inf() -> None:
    """Regression: 6^1000 came out as "f = inf" and crashed --json with a traceback."""
    code, out, err = run("diff", "(x+y+z)^1000", "--at", "1,2,3", "--json")
    assert code == 1
    error = json.loads(out)["error"]
    assert error["kind"] == "too_large_at_point"
    assert "1.417e+778" in error["message"]


def test_an_unexpected_failure_is_reported_without_a_traceback(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from nablab.calculus.report import DiffReport

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("something nablab did not expect")

    monkeypatch.setattr(DiffReport, "document", broken)
    code, out, err = run("diff", "x^2")
    assert code == 70
    assert "Traceback" not in err and "something nablab did not expect" in err
