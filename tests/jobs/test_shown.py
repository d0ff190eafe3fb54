"""Every command shows the function as typed and says how its text was read."""

from __future__ import annotations

import io
import json

import pytest

import nablab
from nablab.cli import main
from nablab.core.expression import Expression
from nablab.core.reading import Reading
from nablab.i18n.messages import CATALOGUE
from nablab.jobs import run
from nablab.jobs.critical import CriticalRequest
from nablab.jobs.diff import DiffRequest
from nablab.jobs.lagrange import LagrangeRequest
from nablab.jobs.optimize import DescendRequest
from nablab.jobs.steps import StepsRequest
from nablab.jobs.tangent import TangentRequest

READ = Reading.of("test_exponent", typed="e^-2x", read="e^(−2x)")


@pytest.fixture
def read_as(monkeypatch: pytest.MonkeyPatch) -> Expression:
    """``e^(-2x)`` as the parser would give it with a reading (the rule's sentence is a
    stand-in: the reading rules' own sentences belong to the parser)."""
    monkeypatch.setitem(CATALOGUE, "reading.test_exponent",
                        {"en": "read as {read}", "ko": "{read} 으로 읽음"})
    parsed = nablab.parse("e^(-2x)")
    return Expression(parsed.source, parsed.expr, parsed.variables, readings=(READ,),
                      twin=parsed.twin)


REQUESTS = [
    lambda e: DiffRequest(expression=e),
    lambda e: StepsRequest(expression=e),
    lambda e: TangentRequest(expression=e, at="1"),
    lambda e: DescendRequest(expression=e, start="1", steps=2),
]


@pytest.mark.parametrize("make", REQUESTS, ids=["diff", "steps", "tangent", "descend"])
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_readings_in_text_and_json(read_as: Expression, make: object, lang: str) -> None:
    request = make(read_as)  # type: ignore[operator]
    result = run(request)
    data = request.output(result, lang, True)
    message = "read as e^(−2x)" if lang == "en" else "e^(−2x) 으로 읽음"
    assert data["reading"] == [{"rule": "test_exponent", "typed": "e^-2x", "read": "e^(−2x)",
                                "message": message}]
    assert data["typed"] == "e^(−2x)"
    lines = [text for text, _ in request.output(result, lang, False).lines()]
    assert lines[1] == "  " + message  # under the function's line


def test_json_keeps_its_fields_and_adds_typed_beside_expression() -> None:
    request = DiffRequest(expression="4 - x^2 - 2y^2")
    result = run(request)
    plain = request.to_json(result, "en")
    data = request.output(result, "en", True)
    assert list(data) == ["expression", "typed", *list(plain)[1:], "reading"]
    assert {k: data[k] for k in plain} == plain
    assert data["typed"] == "4 − x² − 2y²" and data["reading"] == []


def test_critical_and_lagrange_show_the_function_and_constraint_as_typed() -> None:
    request = CriticalRequest(expression="4 - x^2 - 2y^2")
    result = run(request)
    data = request.output(result, "en", True)
    assert data["typed"] == "4 − x² − 2y²" and data["reading"] == []
    assert request.output(result, "en", False).lines()[0][0] == "f(x, y) = 4 − x² − 2y²"
    request2 = LagrangeRequest(expression="x^2 + y^2", constraints=("2(x-1)^2 - 10y + 6 = 0",))
    result2 = run(request2)
    data2 = request2.output(result2, "en", True)
    assert data2["constraints"][0]["typed"] == "2(x − 1)² − 10y + 6 = 0"
    lines = [t for t, _ in request2.output(result2, "ko", False).lines()]
    assert lines[1].strip() == "2(x − 1)² − 10y + 6 = 0"
    assert any("λ(2(x − 1)² − 10y + 6)" in line for line in lines)


@pytest.mark.parametrize("argv", [
    ["diff", "4 - x^2 - 2y^2"], ["steps", "(2-x)^2"], ["critical", "4 - x^2 - 2y^2"],
    ["tangent", "x^3 - 3x", "--at", "2"], ["descend", "4 - x^2 - 2y^2", "--start", "1,1",
                                          "--steps", "2"],
    ["limit", "x^2 - 2x", "--at", "1"], ["lagrange", "x + y", "-c", "x^2 + y^2 = 1"],
])
def test_every_command_json_has_typed_and_reading(argv: list[str]) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main([*argv, "--json"], stdout=out, stderr=err) == 0, err.getvalue()
    data = json.loads(out.getvalue())
    assert data["reading"] == []
    assert data["typed"] == nablab.parse(argv[1]).unicode


def test_the_web_preview_lists_the_readings(read_as: Expression) -> None:
    from nablab.web.tasks import describe

    data = describe(read_as, "en")
    assert data["typed"] == "e^(−2x)"
    assert [r["message"] for r in data["reading"]] == ["read as e^(−2x)"]


def test_a_constraints_readings_are_said_too(read_as: Expression) -> None:
    """A relation that keeps readings (the parser's) adds them after the function's."""
    from types import SimpleNamespace

    from nablab.jobs.shown import readings_of

    other = Reading.of("test_exponent", typed="e^-x", read="e^(−x)")
    result = SimpleNamespace(constraints=[SimpleNamespace(relation=SimpleNamespace(
        readings=(READ, other)))])
    assert readings_of(result, read_as) == (READ, other)
    assert readings_of(SimpleNamespace(), None) == ()
