"""The JSON API through a real server: the same objects as ``--json``, errors, limits."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from nablab.__main__ import main
from nablab.i18n import translate
from nablab.optimize import DESCENT_OPTIMIZERS

from .conftest import Server

HIKE = {"expression": "4 - x^2 - 2y^2", "constraint": ["2(x-1)^2 - 10y + 6 = 0"]}

#: (command, request body, the same on the command line).
PARITY = [
    ("diff", {"expression": "x^2 + y^2", "at": "x=1,y=2"}, ["x^2 + y^2", "--at", "x=1,y=2"]),
    ("diff", {"expression": "x^2 + 3xy + y^2", "wrt": "x"}, ["x^2 + 3xy + y^2", "--wrt", "x"]),
    ("limit", {"expression": "x^2", "at": "1"}, ["x^2", "--at", "1"]),
    ("limit", {"expression": "x y/(x^2 + y^2)", "at": "x=0,y=0"},
     ["x y/(x^2 + y^2)", "--at", "x=0,y=0"]),
    ("steps", {"expression": "x^2 + y^2", "wrt": "x"}, ["x^2 + y^2", "--wrt", "x"]),
    ("tangent", {"expression": "x^2 + y^2", "at": [1, 2]}, ["x^2 + y^2", "--at", "1,2"]),
    ("critical", {"expression": "x^3 - 3x + y^2"}, ["x^3 - 3x + y^2"]),
    ("descend", {"expression": "x^2 + y^2", "start": "3,4", "lr": 0.1, "every": 5},
     ["x^2 + y^2", "--start", "3,4", "--lr", "0.1", "--every", "5"]),
    ("descend", {"expression": "(1-x)^2 + 100(y-x^2)^2", "start": [-1.5, 2], "optimizer": "adam",
                 "lr": 0.02, "steps": 300},
     ["(1-x)^2 + 100(y-x^2)^2", "--start", "-1.5,2", "--optimizer", "adam", "--lr", "0.02",
      "--steps", "300"]),
    ("race", {"expression": "x^2 + 5y^2", "start": "1,1", "optimizers": "gd,momentum,adam"},
     ["x^2 + 5y^2", "--start", "1,1", "--optimizers", "gd,momentum,adam"]),
    # a constant: an answer in every command (issue 13)
    ("diff", {"expression": "5"}, ["5"]),
    ("critical", {"expression": "5"}, ["5"]),
    ("descend", {"expression": "5", "start": "1"}, ["5", "--start", "1"]),
    ("race", {"expression": "5", "start": [1, 2]}, ["5", "--start", "1,2"]),
    # issue 16: implicit differentiation, Taylor polynomials, the chain rule
    ("implicit", {"expression": "x^2 + xy + y^2 = 3", "at": "x=-1,y=-1"},
     ["x^2 + xy + y^2 = 3", "--at", "x=-1,y=-1"]),
    ("taylor", {"expression": "e^x sin y", "at": "x=0,y=0", "order": 2},
     ["e^x sin y", "--at", "x=0,y=0", "--order", "2"]),
    ("chain", {"expression": "z = x^2 y + y^3", "sub": "x = s t, y = e^t", "wrt": "t"},
     ["z = x^2 y + y^3", "--sub", "x = s t, y = e^t", "--wrt", "t"]),
    # issue 17: a learner's answer checked
    ("check", {"expression": "d/dx (x^2 sin x)", "answer": "x(2 sin x + x cos x)"},
     ["d/dx (x^2 sin x)", "x(2 sin x + x cos x)"]),
    ("lagrange", {**HIKE, "lang": "ko"},
     [HIKE["expression"], "--constraint", HIKE["constraint"][0], "--lang", "ko"]),
    # issue 17: a practice problem (no formula: the topic and seed make it)
    ("practice", {"topic": "descent", "seed": 3, "lang": "ko"},
     ["--topic", "descent", "--seed", "3", "--lang", "ko"]),
]


def cli_json(command: str, args: list[str]) -> Any:
    out = io.StringIO()
    assert main([command, *args, "--json"], stdout=out, stderr=io.StringIO()) == 0
    return json.loads(out.getvalue())


@pytest.mark.parametrize(("command", "body", "args"), PARITY,
                         ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(PARITY)])
def test_web_api_answers_exactly_the_cli_json(web_server: Server, command: str,
                                              body: dict[str, Any], args: list[str]) -> None:
    status, data = web_server.post(f"/api/{command}", body)
    assert status == 200, data
    assert data == cli_json(command, args)


def test_web_api_check_names_the_first_wrong_line(web_server: Server) -> None:
    status, data = web_server.post("/api/check", {
        "expression": "d/dx (x^2 sin x)", "lang": "ko",
        "derivation": "d/dx (x^2 sin x)\n= 2x cos x\n= x cos x * 2"})
    assert status == 200 and data["verdict"] == "incorrect"
    assert [line["ok"] for line in data["lines"]] == [True, False, False]
    assert data["first_wrong"] == 2 and "반례" in data["message"]


def test_web_api_diff_of_the_notes_function(web_server: Server) -> None:
    status, data = web_server.post("/api/diff", {"expression": "x^2 + y^2"})
    assert status == 200
    assert data["partials"] == {"x": "2*x", "y": "2*y"}
    assert data["hessian"] == [["2", "0"], ["0", "2"]]


def test_web_api_parse_error_is_400_with_the_column(web_server: Server) -> None:
    status, data = web_server.post("/api/diff", {"expression": "x^2 + foo(x)"})
    assert status == 400
    assert data["error"]["kind"] == "unknown_function"
    assert data["error"]["column"] == 7
    assert data["error"]["message"] == translate("error.unknown_function", "en", name="foo")
    status, data = web_server.post("/api/parse", {"expression": "x^2 + foo(x)", "lang": "ko"})
    assert (status, data["error"]["message"]) == (400, "알 수 없는 함수 'foo'")


@pytest.mark.parametrize(("body", "kind"), [
    ({"expression": "x^2", "bogus": 1}, "unknown_option"),
    ({"expression": "x^2", "start": "1", "lr": "fast"}, "bad_field"),
    ({"expression": "x^2", "start": "1", "optimizer": "sgdx"}, "bad_field"),
    ({"expression": "x^2", "start": "1", "every": 0}, "bad_every"),
    ({"expression": "x^2 + y^2", "start": "1"}, "missing_values"),
    ({"start": "1"}, "bad_field"),
    ([1, 2], "bad_json"),
])
def test_web_api_bad_requests_are_400(web_server: Server, body: Any, kind: str) -> None:
    status, data = web_server.post("/api/descend", body)
    assert status == 400, data
    assert data["error"]["kind"] == kind
    assert data["error"]["message"]


def test_web_api_body_that_is_not_json_is_400(web_server: Server) -> None:
    status, _, raw = web_server.request("POST", "/api/diff", b"{not json",
                                        {"Content-Type": "application/json"})
    assert status == 400
    assert json.loads(raw)["error"]["kind"] == "bad_json"


def test_web_api_caps_the_request_body_413(web_server: Server) -> None:
    body = json.dumps({"expression": "x + " * 20_000 + "x"}).encode()
    status, _, raw = web_server.request("POST", "/api/diff", body,
                                        {"Content-Type": "application/json"})
    assert status == 413
    assert json.loads(raw)["error"]["kind"] == "body_too_large"


def test_web_api_parse_limits_still_apply_under_the_cap(web_server: Server) -> None:
    status, data = web_server.post("/api/diff", {"expression": "x+" * 5_001 + "x"})
    assert status == 400
    assert data["error"]["kind"] in ("too_long", "too_many_tokens")


def test_web_api_never_sends_nan(web_server: Server) -> None:
    """Poles and divergence: gaps are null, paths stop at the last finite point."""
    status, data = web_server.post("/api/plot", {"expression": "1/(x y)"})
    assert status == 200
    assert any(v is None for row in data["z"] for v in row)
    status, data = web_server.post("/api/descend", {"expression": "x^4", "start": "3",
                                                    "lr": 10})
    assert status == 200 and data["status"] == "diverged"


def test_web_api_views_of_the_page(web_server: Server) -> None:
    status, data = web_server.post("/api/view/diff", {"expression": "x^2 + y^2"})
    assert status == 200
    assert data["latex"]["partials"][0] == "\\frac{\\partial f}{\\partial x} = 2 x"
    assert data["result"] == cli_json("diff", ["x^2 + y^2"])
    status, data = web_server.post("/api/view/lagrange", HIKE)
    assert status == 200
    top = data["picture"]["hike"]["top"]["height"]
    assert top == pytest.approx(data["result"]["maximum"]["value"])
    assert data["text"]["rows"][0]["extreme"] == "highest"


def test_web_api_parse_preview(web_server: Server) -> None:
    status, data = web_server.post("/api/parse", {"expression": "\\frac{1}{1+e^{-x}}"})
    assert status == 200
    assert data["variables"] == ["x"] and data["unicode"]
    assert data["typed"] == "1/(1 + e^(−x))" and data["reading"] == []
    status, data = web_server.post("/api/parse", {"expression": "4 - x^2 - 2y^2"})
    assert data["typed"] == data["unicode"] == "4 − x² − 2y²"
    assert data["latex"] == "4 - x^{2} - 2 y^{2}"
    status, data = web_server.post("/api/parse", {"expression": "w1 x1 + w2 x2",
                                                  "vars": "w1,w2"})
    assert data["variables"] == ["w1", "w2"] and data["parameters"] == ["x1", "x2"]


def test_web_openapi_lists_the_cli_options(web_server: Server) -> None:
    status, _, raw = web_server.get("/openapi.json")
    assert status == 200
    spec = json.loads(raw)
    for command in ("diff", "limit", "steps", "critical", "descend", "race", "lagrange",
                    "tangent", "practice"):
        assert f"/api/{command}" in spec["paths"]
    schemas = spec["components"]["schemas"]
    assert {"expression", "wrt", "at", "vars"} <= set(schemas["DiffRequest"]["properties"])
    optimizer = schemas["DescendRequest"]["properties"]["optimizer"]
    assert set(optimizer["anyOf"][0]["enum"]) == set(DESCENT_OPTIMIZERS)
    assert "plot" not in schemas["DescendRequest"]["properties"]


def test_web_errors_for_unknown_paths_and_hosts(web_server: Server) -> None:
    status, _, raw = web_server.get("/api/nothing")
    assert status == 404 and json.loads(raw)["error"]["kind"] == "not_found"
    status, _, raw = web_server.get("/api/diff")
    assert status == 405 and json.loads(raw)["error"]["kind"] == "method_not_allowed"
    status, _, raw = web_server.request("GET", "/", headers={"Host": "attacker.example"})
    assert status == 400 and json.loads(raw)["error"]["kind"] == "bad_host"


def test_web_serve_refuses_a_busy_port(web_server: Server) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = main(["serve", "--port", str(web_server.port), "--json"], stdout=out, stderr=err)
    assert code == 1
    assert json.loads(out.getvalue())["error"]["kind"] == "port_in_use"


@pytest.mark.parametrize(("path", "body"), [
    ("critical", {"expression": "x^3 - 3x + y^2"}),
    ("view/lagrange", HIKE),
    ("parse", {"expression": "x^2 + y^2"}),
])
def test_web_api_both_languages_from_one_request(web_server: Server, path: str,
                                                 body: dict[str, Any]) -> None:
    """``/api/both/…``: the page's language toggle re-renders instead of computing again."""
    status, both = web_server.post(f"/api/both/{path}", body)
    assert status == 200, both
    assert set(both) == {"en", "ko"}
    for lang in ("en", "ko"):
        assert web_server.post(f"/api/{path}", {**body, "lang": lang}) == (200, both[lang])


def test_web_api_both_languages_of_an_error(web_server: Server) -> None:
    status, data = web_server.post("/api/both/diff", {"expression": "x^2 + foo(x)"})
    assert status == 400
    assert data["error"]["kind"] == data["errors"]["ko"]["kind"] == "unknown_function"
    assert data["errors"]["en"]["message"] != data["errors"]["ko"]["message"]
