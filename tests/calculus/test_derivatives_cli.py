"""``nablab limit``, ``steps`` and ``tangent`` through their real entry points."""

from __future__ import annotations

import io
import json
import math
import shutil
import subprocess
from typing import Any

import pytest
import sympy

from nablab.calculus.steps import RULE_NAMES
from nablab.cli import main
from nablab.parse import parse

REPR = ("Derivative(", "exp(", "**", "sqrt(", "log(", "Symbol(")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def run_json(*argv: str) -> Any:
    code, out, _ = run(*argv, "--json")
    assert code == 0, out
    return json.loads(out)


def test_limit_json_matches_sympy() -> None:
    data = run_json("limit", "x^2 - x")
    assert set(data) == {"derivative", "steps", "numeric", "best_h", "typed", "reading"}
    x = sympy.Symbol("x", real=True)
    assert parse(data["derivative"]).expr == 2 * x - 1 == sympy.diff(x**2 - x, x)
    assert data["numeric"] is None and data["best_h"] is None
    assert data["steps"][0]["latex"].startswith(r"f'(x) = \lim_{{\Delta x} \to 0}")


def test_limit_json_with_point_has_the_table() -> None:
    data = run_json("limit", "e^x", "--at", "1")
    rows = data["numeric"]
    assert len(rows) == 12 and set(rows[0]) == {"h", "forward", "central", "forward_error",
                                                 "central_error"}
    for row in rows:
        forward = (math.exp(1 + row["h"]) - math.exp(1)) / row["h"]
        assert row["forward"] == forward
        assert math.isclose(row["forward_error"], abs(forward - math.e), rel_tol=1e-12,
                            abs_tol=1e-16)
    assert data["best_h"] == min(rows, key=lambda r: r["forward_error"])["h"]


def test_limit_partial_text_in_both_languages() -> None:
    code, out, _ = run("limit", "z = wx + b", "--wrt", "x", "--lang", "ko")
    assert code == 0
    assert "∂z/∂x = lim_(Δx→0)" in out and "상수로 취급" in out and "∂z/∂x = w" in out
    code, out, _ = run("limit", "x^2 + 3xy + y^2", "--wrt", "y", "--at", "x=1,y=2")
    assert code == 0 and "held constant" in out and "∂f/∂y = 3x + 2y" in out
    assert "smallest forward error" in out


def test_steps_json_shape_and_rules() -> None:
    data = run_json("steps", "1/(1 + e^{-x})")
    assert set(data) == {"result", "steps", "typed", "reading"}
    assert data["result"] == "exp(-x)/(1 + exp(-x))**2"
    assert all(set(s) == {"rule", "latex", "text"} for s in data["steps"])
    rules = [s["rule"] for s in data["steps"]]
    assert set(rules) <= set(RULE_NAMES)
    assert rules[0] == "reciprocal" and rules[-1] == "sigmoid" and "chain" in rules


def test_steps_human_output_is_readable_math() -> None:
    code, out, _ = run("steps", "1/(1 + e^{-x})")
    assert code == 0
    assert "d/dx(1/(1 + e^(−x))) = e^(−x)/(1 + e^(−x))²" in out
    assert "= σ(x)(1 − σ(x))" in out
    assert "✓" in out
    assert not any(r in out for r in REPR), out


def test_steps_korean_uses_the_notes_terms() -> None:
    code, out, _ = run("steps", "e^{-x}", "--lang", "ko")
    assert code == 0 and "연쇄법칙" in out
    code, out, _ = run("steps", "x/(x+1)", "--lang", "ko")
    assert "몫의 미분법" in out
    code, out, _ = run("steps", "x^2 + 3xy + y^2", "--wrt", "x", "--lang", "ko")
    assert "y를 상수로 취급" in out and "∂/∂x(" in out


def test_steps_needs_wrt_for_several_variables() -> None:
    code, out, err = run("steps", "x^2 + 3xy + y^2")
    assert code == 2 and out == ""
    assert "several variables (x, y)" in err and "--wrt" in err
    code, out, _ = run("steps", "x^2 + y", "--wrt", "q", "--json")
    assert code == 1 and json.loads(out)["error"]["kind"] == "unknown_variable"


def test_tangent_line_json_and_text() -> None:
    data = run_json("tangent", "x^2 - x", "--at", "2")
    assert data["slope"] == 3.0 and data["value"] == 2.0 and data["line"] == "3*x - 4"
    slopes = [s["slope"] for s in data["secants"]]
    assert all(math.isclose(s, 3 + sec["h"]) for s, sec in zip(slopes, data["secants"],
                                                                 strict=True))
    code, out, _ = run("tangent", "x^2 - x", "--at", "2")
    assert "y = f(x₀) + f′(x₀)(x − x₀)\n    = 2 + 3(x − 2)\n    = 3x − 4" in out
    assert "0.001  3.001" in out


def test_tangent_plane_with_direction() -> None:
    data = run_json("tangent", "x^2 + y^2", "--at", "x=1,y=2", "--direction", "1,1")
    assert data["plane"] == "2*x + 4*y - 5"
    assert math.isclose(data["directional_derivative"], 3 * math.sqrt(2))
    assert data["exact"]["directional_derivative"] == "3*sqrt(2)"
    code, _, err = run("tangent", "x^2", "--at", "1", "--direction", "1")
    assert code == 2 and "--direction" in err
    code, _, err = run("tangent", "x y", "--at", "x=1,y=1", "--direction", "0,0")
    assert code == 1 and "zero vector" in err


def test_jobs_are_bounded() -> None:
    code, out, _ = run("steps", "x^2", "--timeout", "0.0001", "--json")
    assert code == 5 and json.loads(out)["error"]["kind"] == "timeout"


@pytest.mark.skipif(shutil.which("nablab") is None, reason="nablab is not installed")
def test_installed_executable() -> None:
    proc = subprocess.run(["nablab", "steps", "1/(1+e^{-x})", "--json", "--lang", "ko"],
                          capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["steps"][-1]["rule"] == "sigmoid"
    assert "σ(x)(1 − σ(x))" in data["steps"][-1]["text"]
    proc = subprocess.run(["nablab", "limit", "5x + 1"], capture_output=True, text=True,
                          timeout=60, check=False)
    assert proc.returncode == 0 and "= lim_(Δx→0) 5Δx/Δx" in proc.stdout
