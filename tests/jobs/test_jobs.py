"""The job layer: one list of fields for both faces, one result per run, drawn without a rerun."""

from __future__ import annotations

import dataclasses
import importlib
import io
import json
import pickle
from typing import Any

import numpy as np
import pytest

from nablab.__main__ import main
from nablab.cli.app import build_parser
from nablab.errors import UsageError
from nablab.jobs import JOBS, request_type, run
from nablab.jobs.chain import ChainRequest
from nablab.jobs.critical import CriticalRequest
from nablab.jobs.diff import DiffRequest
from nablab.jobs.lagrange import LagrangeRequest
from nablab.jobs.network import GraphRequest, TrainRequest
from nablab.jobs.optimize import DescendRequest, RaceRequest, SweepRequest
from nablab.jobs.tangent import TangentRequest

HIKE = LagrangeRequest(expression="4 - x^2 - 2y^2", constraints="2(x-1)^2 - 10y + 6 = 0")
#: One small request per job that draws, with its command line.
DRAWN: list[tuple[Any, list[str]]] = [
    (DiffRequest(expression="x^2 + 3xy + y^2", at="1,2"),
     ["diff", "x^2 + 3xy + y^2", "--at", "1,2"]),
    (TangentRequest(expression="x^2 - x", at="2"), ["tangent", "x^2 - x", "--at", "2"]),
    (ChainRequest(expression="z = x^2 y + y^3", sub="x = s t, y = e^t", wrt="t"),
     ["chain", "z = x^2 y + y^3", "--sub", "x = s t, y = e^t", "--wrt", "t"]),
    (CriticalRequest(expression="x^3 - 3x + y^2"), ["critical", "x^3 - 3x + y^2"]),
    (HIKE, ["lagrange", "4 - x^2 - 2y^2", "-c", "2(x-1)^2 - 10y + 6 = 0"]),
    (DescendRequest(expression="x^2 + y^2", start="3,4", lr=0.1),
     ["descend", "x^2 + y^2", "--start", "3,4", "--lr", "0.1"]),
    (RaceRequest(expression="x^2 + 5y^2", start="1,1", steps=200),
     ["race", "x^2 + 5y^2", "--start", "1,1", "--steps", "200"]),
    (SweepRequest(expression="x^2 + y^2", lr="0.1,0.5", starts="-3:3:3,-4:4:3"),
     ["sweep", "x^2 + y^2", "--lr", "0.1,0.5", "--starts", "-3:3:3,-4:4:3"]),
    (TrainRequest(data="example:linear", epochs=50), ["train", "--data", "example:linear",
                                                     "--epochs", "50"]),
    (GraphRequest(expression="sigmoid(w*x + b)", at="w=2,x=1,b=-1"),
     ["graph", "sigmoid(w*x + b)", "--at", "w=2,x=1,b=-1"]),
]


def _cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_the_command_line_options_are_the_request_fields() -> None:
    parser, _ = build_parser("en")
    subparsers = next(a for a in parser._actions if hasattr(a, "choices") and a.choices)
    for command in JOBS:
        fields = {f.name for f in request_type(command).fields()}
        dests = {a.dest for a in subparsers.choices[command]._actions} - {
            "help", "lang", "json", "timeout", "plot", "animate"}
        assert dests == fields, command


def test_the_api_models_are_the_request_fields() -> None:
    from nablab.web.models import COMMANDS, request_model

    for command in COMMANDS:
        schema = request_model(command).model_json_schema()["properties"]
        fields = {f.name for f in request_type(command).fields()}
        assert set(schema) == fields | {"lang", "timeout"}, command


def test_typed_and_typed_out_requests_run_the_same() -> None:
    text = run(DescendRequest(expression="x^2 + 3y^2", start="3,4", lr=0.1, betas="0.8,0.9",
                              optimizer="adam"))
    values = run(DescendRequest(expression="x^2 + 3y^2", start=(3, 4), lr=0.1,
                                betas=(0.8, 0.9), optimizer="adam"))
    named = run(DescendRequest(expression="x^2 + 3y^2", start={"x": 3, "y": 4}, lr=0.1,
                               betas=[0.8, 0.9], optimizer="adam"))
    np.testing.assert_array_equal(text.path, values.path)
    np.testing.assert_array_equal(text.path, named.path)
    assert text.hyper["betas"] == (0.8, 0.9)


def test_cheap_checks_happen_when_the_request_is_made() -> None:
    with pytest.raises(UsageError) as every:
        DescendRequest(expression="x^2", start="1", every=0)
    assert every.value.kind == "bad_every"
    with pytest.raises(UsageError) as betas:
        DescendRequest(expression="x^2", start="1", betas="0.9")
    assert betas.value.kind == "bad_numbers" and "--betas" in betas.value.message("en")
    with pytest.raises(UsageError) as missing:
        DescendRequest(expression="x^2")
    assert "--start" in missing.value.message("en")
    with pytest.raises(UsageError) as model:
        TrainRequest(data="rows.csv")
    assert model.value.kind == "train_needs_model"


@pytest.mark.parametrize(("request_", "argv"), DRAWN, ids=[r.command for r, _ in DRAWN])
def test_the_result_crosses_processes_and_is_what_the_command_prints(
        request_: Any, argv: list[str]) -> None:
    result = run(request_)
    again = pickle.loads(pickle.dumps(result))
    assert request_.to_json(again, "en") == request_.to_json(result, "en")
    code, out, _ = _cli(*argv, "--json")
    data = request_.output(result, "en", True)
    data.pop("seconds", None)
    printed = json.loads(out)
    printed.pop("seconds", None)
    assert code == 0 and printed == json.loads(json.dumps(data))
    code, out, _ = _cli(*argv)
    document = request_.output(result, "en", False).text()
    if request_.command == "sweep":  # the time it took is the one line that differs
        document, out = (t.split("\n", 3)[3] for t in (document, out))
    assert code == 0 and out == document


@pytest.mark.parametrize(("request_", "argv"), DRAWN, ids=[r.command for r, _ in DRAWN])
def test_figures_are_drawn_from_the_result_never_computed_again(
        request_: Any, argv: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    result = run(request_)

    def again(*args: object, **kwargs: object) -> None:
        raise AssertionError("the picture computed the result again")

    monkeypatch.setattr(type(request_), "run", again)
    for module, name in (("constrained.lagrange", "lagrange"),
                         ("critical.points", "critical_points"), ("network.graph", "graph"),
                         ("network.train", "train"), ("optimize.descent", "descend"),
                         ("optimize.sweep", "sweep"), ("calculus.report", "differentiate"),
                         ("calculus.tangent", "tangent_line")):
        monkeypatch.setattr(importlib.import_module(f"nablab.{module}"), name, again)
    figure = request_.picture(result).static("en")
    assert figure.axes


def test_descent_results_read_like_scipy_and_their_json_is_the_documented_mapping() -> None:
    request = RaceRequest(expression="x^2 + 5y^2", start="1,1", optimizers="gd,adam", lr="0.1")
    race = run(request)
    data = request.to_json(race, "ko")
    for result, item in zip(race.results, data["results"], strict=True):
        assert item["final"]["point"] == dict(zip(result.variables, result.x.tolist(),
                                                  strict=True))
        assert item["final"]["value"] == result.fun and item["steps"] == result.nit
        assert item["final"]["grad_norm"] == pytest.approx(float(np.linalg.norm(result.jac)))
        assert item["learning_rate"] == result.lr and item["status"] == result.status
        assert item["message"] == result.message_in("ko")
        assert result.success == (result.status == "converged")


def test_training_results_read_like_scipy_and_their_json_is_the_documented_mapping() -> None:
    request = TrainRequest(data="example:linear", epochs=30)
    result = run(request)
    data = request.to_json(result, "en")
    assert data["parameters"] == dict(zip(result.model.parameter_names, result.x.tolist(),
                                          strict=True))
    assert data["final_loss"] == result.fun and data["steps"] == result.nit
    assert data["learning_rate"] == result.lr and data["status"] == result.status
    assert data["message"] == result.message_in("en") == result.message
    assert result.success == (result.status == "converged")


def test_a_result_shows_itself_in_a_notebook_with_its_formulas_in_latex() -> None:
    report = run(DiffRequest(expression="x^2 + 3xy + y^2"))
    page = report._repr_html_()
    assert "\\frac{\\partial f}{\\partial x} = 2 x + 3 y" in page
    assert "\\begin{pmatrix} 2 &amp; 3 \\\\ 3 &amp; 2 \\end{pmatrix}" in page
    assert report.latex()["partials"][0] == "\\frac{\\partial f}{\\partial x} = 2 x + 3 y"
    assert "∂f/∂x = 2x + 3y" in report.document("en").text()


def test_requests_are_frozen_and_replaceable() -> None:
    request = DescendRequest(expression="x^2", start="1")
    with pytest.raises(dataclasses.FrozenInstanceError):
        request.lr = 0.5  # type: ignore[misc]
    faster = dataclasses.replace(request, lr=0.4)
    assert run(faster).nit < run(request).nit
