"""The page's view of ``check`` (/api/view/check): the job's JSON unchanged, the verdict's word
and the right answer in LaTeX."""

from __future__ import annotations

from nablab.web import tasks


def test_view_keeps_the_json_and_adds_latex() -> None:
    body = {"expression": "gd x^2 + y^2 from (3, 4) lr 0.1", "answer": "(3.6, 4.8)"}
    view = tasks.run_view("check", body, "ko")
    assert view["result"] == tasks.run_job("check", body, "ko")
    assert view["verdict"] == "틀렸습니다"
    assert view["latex"]["expected"] == "(2.4, 3.2)"


def test_view_of_a_derivative_typesets_the_function() -> None:
    view = tasks.run_view("check", {"expression": "d/dx sin(x^2)", "answer": "2x cos(x^2)"}, "en")
    assert view["result"]["verdict"] == "correct" and view["verdict"] == "Correct"
    assert "\\cos" in view["latex"]["expected"]
