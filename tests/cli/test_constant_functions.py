"""A constant function in every command: an answer, never a complaint (exit 0).

The notes teach (c)′ = 0. Before: ``diff 5`` printed an empty "Partial derivatives" heading and
``∇f = ()``, ``critical 5`` exited 3, ``descend 5 --start 1`` complained about the point.
"""

from __future__ import annotations

import io
import json
import math
from typing import Any

import pytest

import nablab
from nablab.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def strict_json(text: str) -> Any:
    """JSON with NaN and ±Infinity refused (a constant must give honest numbers)."""
    def refuse(name: str) -> None:
        raise AssertionError(f"{name} in the JSON")
    return json.loads(text, parse_constant=refuse)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_diff_of_a_constant_is_zero_by_the_constant_rule(lang: str) -> None:
    code, out, err = run("diff", "5", "--lang", lang)
    assert code == 0 and err == ""
    assert "Partial derivatives" not in out and "편미분" not in out   # the empty heading (bug)
    assert "∇f = ()" not in out and "[]" not in out
    assert "f′ = 0" in out and "(c)′ = 0" in out
    assert out.splitlines()[0] == "f = 5"


def test_diff_of_a_constant_json_and_point() -> None:
    code, out, _ = run("diff", "5", "--json")
    data = strict_json(out)
    assert code == 0
    assert (data["constant"], data["derivative"], data["partials"]) == (True, "0", {})
    code, out, _ = run("diff", "5", "--at", "1", "--json")
    data = strict_json(out)
    assert code == 0
    assert data["at"] == {"point": {"x": 1.0}, "value": 5.0, "gradient": [0.0]}
    assert data["derivative_at"] == 0.0
    code, out, _ = run("diff", "2pi", "--vars", "x,y")
    assert code == 0 and "∂f/∂x = 0" in out and "∂f/∂y = 0" in out and "(c)′ = 0" in out


def test_steps_of_a_constant() -> None:
    code, out, _ = run("steps", "5", "--json")
    data = strict_json(out)
    assert code == 0
    assert data["result"] == "0" and [s["rule"] for s in data["steps"]] == ["constant"]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_critical_of_a_constant_every_point_is_critical(lang: str) -> None:
    code, out, err = run("critical", "5", "--lang", lang)
    assert code == 0 and err == ""   # exited 3 before
    assert ("every point is a critical point" in out) if lang == "en" \
        else ("모든 점이 임계점" in out)
    code, out, _ = run("critical", "5", "--json", "--lang", lang)
    data = strict_json(out)
    assert code == 0
    assert data["constant"] is True and data["points"] == [] and data["complete"] is False
    assert data["infinite"] is True
    for side in ("minimum", "maximum"):
        assert data["global"][side]["value"] == 5.0
        assert data["global"][side]["reason"] == "constant"


def test_critical_of_a_constant_with_declared_variables() -> None:
    result = nablab.critical_points(nablab.parse("3", variables="x,y"))
    assert result.constant and result.variables == ("x", "y") and result.points == ()
    assert result.global_analysis.minimum is not None
    assert result.global_analysis.minimum.value == 3.0
    assert "every point is a critical point" in str(result)
    plain = nablab.critical_points("x^2")
    assert plain.constant is False and plain.to_dict()["constant"] is False


@pytest.mark.parametrize("start, names", [("1", ["x"]), ("x=1", ["x"]), ("y=2", ["y"]),
                                          ("1,2", ["x", "y"])])
def test_descend_a_constant_has_nothing_to_descend(start: str, names: list[str]) -> None:
    code, out, err = run("descend", "5", "--start", start)
    assert code == 0 and err == ""   # complained about the point before
    assert "f is constant: nothing to descend" in out
    code, out, _ = run("descend", "5", "--start", start, "--json")
    data = strict_json(out)
    assert code == 0
    assert data["status"] == "constant" and data["steps"] == 0
    assert data["variables"] == names and data["values"] == [5.0]
    assert data["final"]["grad_norm"] == 0.0 and len(data["path"]) == 1


def test_descend_a_constant_in_korean_and_its_checks() -> None:
    code, out, _ = run("descend", "5", "--start", "1", "--lang", "ko")
    assert code == 0 and "상수함수이므로 하강할 것이 없습니다" in out
    code, _, err = run("descend", "5", "--start", "1", "--lr", "-1")
    assert code == 2 and "lr" in err   # hyper-parameters are still checked


def test_race_and_sweep_of_a_constant() -> None:
    code, out, _ = run("race", "5", "--start", "1")
    assert code == 0 and "nothing to descend" in out and "ranking" not in out
    code, out, _ = run("race", "5", "--start", "1", "--json")
    data = strict_json(out)
    assert code == 0 and {r["status"] for r in data["results"]} == {"constant"}
    code, out, _ = run("sweep", "5", "--starts", "-2:2")
    assert code == 0 and "nothing to descend" in out
    code, out, _ = run("sweep", "5", "--starts", "-2:2,-1:1:3", "--json")
    data = strict_json(out)
    assert code == 0 and data["constant"] is True and data["variables"] == ["x", "y"]
    assert data["diverged_fraction"] == 0.0


def test_library_descend_of_a_constant() -> None:
    result = nablab.descend("7", {"y": 2.5})
    assert (result.status, result.success, result.nit) == ("constant", True, 0)
    assert result.variables == ("y",) and result.fun == 7.0
    assert result.path.tolist() == [[2.5]]
    assert nablab.descend("x^2", (3,), steps=2).status == "max_steps"   # unchanged


def test_tangent_limit_and_plot_of_a_constant(tmp_path: Any) -> None:
    code, out, _ = run("tangent", "5", "--at", "x=1", "--json")
    data = strict_json(out)
    assert code == 0 and (data["line"], data["slope"], data["value"]) == ("5", 0.0, 5.0)
    code, out, _ = run("limit", "5", "--json")
    assert code == 0 and strict_json(out)["derivative"] == "0"
    figure = tmp_path / "five.png"
    code, _, err = run("plot", "5", "--out", str(figure))
    assert code == 0 and figure.stat().st_size > 0, err


def test_lagrange_of_a_constant() -> None:
    result = nablab.lagrange("5", "x + y = 1", check=False)
    assert result.constant
    assert result.candidates and all(math.isclose(c.value, 5.0) for c in result.candidates)
    assert all(math.isclose(c.point["x"] + c.point["y"], 1.0) for c in result.candidates)
    code, out, _ = run("lagrange", "5", "-c", "x + y = 1", "--no-check")
    assert code == 0
    assert "every point of it is both a maximum and a minimum" in out
    assert "Candidates" not in out   # no sample table pretending to be the answer
    code, out, _ = run("lagrange", "5", "-c", "x + y = 1", "--no-check", "--json", "--lang",
                       "ko")
    data = strict_json(out)
    assert code == 0 and data["constant"] is True
    assert data["explanation"][0].startswith("상수함수입니다")
    assert nablab.lagrange("x + y", "x^2 + y^2 = 1", check=False).constant is False


def test_graph_of_a_constant_is_refused_not_wrong() -> None:
    from nablab.errors import UnsupportedError
    from nablab.network import graph

    # before: with a declared variable it answered ∂f/∂x = 1 for f = 5
    with pytest.raises(UnsupportedError):
        graph(nablab.parse("5", variables="x"), {"x": 1})
