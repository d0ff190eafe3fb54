"""A typed derivative request (``Expression.asked``): computed by ``diff`` and ``steps``, refused
with a clear error elsewhere.

The parser that reads ``d/dx (…)`` is built in parallel, so the requests are built directly here
(the operand as ``expr``, the request as ``asked``) and go through the library and the jobs, the
layer both faces (CLI and web API) call.
"""

from __future__ import annotations

import math

import pytest
import sympy

from nablab.calculus.report import differentiate
from nablab.calculus.steps import derivative_steps
from nablab.core.expression import Expression
from nablab.core.reading import AskedDerivative
from nablab.errors import UsageError
from nablab.jobs.critical import CriticalRequest
from nablab.jobs.diff import DiffRequest
from nablab.jobs.lagrange import LagrangeRequest
from nablab.jobs.limit import LimitRequest
from nablab.jobs.network import GraphRequest
from nablab.jobs.optimize import DescendRequest, RaceRequest, SweepRequest
from nablab.jobs.plot import PlotRequest
from nablab.jobs.steps import StepsRequest
from nablab.jobs.tangent import TangentRequest

x, y = sympy.symbols("x y", real=True)


def asked(expr: sympy.Expr, variables: tuple[sympy.Symbol, ...], *wrt: tuple[str, int],
          partial: bool = False, of: str | None = None) -> Expression:
    return Expression("typed", expr, variables, asked=AskedDerivative(tuple(wrt), partial, of))


#: (request, the derivative it asks for, computed independently by sympy.diff)
CASES = [
    (asked(x**2 * sympy.sin(x), (x,), ("x", 1)), sympy.diff(x**2 * sympy.sin(x), x)),
    (asked(x**3, (x,), ("x", 2)), sympy.diff(x**3, x, x)),
    (asked(sympy.exp(-2 * x) * x, (x,), ("x", 3)), sympy.diff(sympy.exp(-2 * x) * x, x, 3)),
    (asked(x**2 * y**3, (x, y), ("x", 1), ("y", 1), partial=True),
     sympy.diff(x**2 * y**3, y, x)),
    (asked(x**2 * y**3, (x, y), ("x", 1), partial=True), sympy.diff(x**2 * y**3, x)),
    (asked(x**2 * y**3, (x, y), ("y", 2), partial=True), sympy.diff(x**2 * y**3, y, 2)),
    (asked(x**2, (x,), ("x", 1), of="y"), 2 * x),
    (asked(x**2, (x,), ("z", 1)), sympy.S.Zero),
]


@pytest.mark.parametrize("expression, oracle", CASES)
def test_diff_computes_exactly_what_was_asked(expression: Expression, oracle: sympy.Expr) -> None:
    report = DiffRequest(expression=expression).run()
    assert sympy.simplify(report.derivative - oracle) == 0
    data = DiffRequest(expression=expression).to_json(report, "en")
    assert data["asked"]["wrt"] == [list(w) for w in expression.asked.wrt]
    assert data["derivative"] == sympy.sstr(report.derivative)
    # the existing fields keep their meaning: the operand's own partial derivatives
    assert data["partials"] == {v.name: sympy.sstr(sympy.diff(expression.expr, v))
                                for v in expression.variables}


@pytest.mark.parametrize("expression, oracle", CASES)
def test_steps_compute_exactly_what_was_asked(expression: Expression,
                                              oracle: sympy.Expr) -> None:
    request = StepsRequest(expression=expression)
    derivation = request.run()
    assert sympy.simplify(derivation.result - oracle) == 0
    assert len(derivation.stages) == expression.asked.order
    previous = expression.expr
    for stage in derivation.stages:   # each differentiation is of the previous result
        assert sympy.simplify(stage.result - sympy.diff(previous, stage.var)) == 0
        assert stage.verified
        previous = stage.result
    data = request.to_json(derivation, "ko")
    assert data["asked"]["order"] == expression.asked.order
    assert [s["variable"] for s in data["stages"]] == \
        [v for v, n in reversed(expression.asked.wrt) for _ in range(n)]
    if expression.asked.order > 1:
        assert {s["stage"] for s in data["steps"]} == set(range(1, expression.asked.order + 1))


def test_diff_says_what_was_asked_in_both_languages() -> None:
    expression = CASES[0][0]
    report = differentiate(expression)
    for lang in ("en", "ko"):
        text = report.document(lang).text()
        assert text.splitlines()[0] == "d/dx (x²·sin(x)) = x²·cos(x) + 2x·sin(x)"
        assert "Partial derivatives" not in text and "Gradient" not in text
    assert report.latex()["asked"].startswith(r"\frac{d}{d x} \left(")
    mixed = differentiate(CASES[3][0]).document("en").text()
    assert mixed.splitlines()[0] == "∂²/∂x∂y (x²y³) = 6xy²"
    named = differentiate(CASES[6][0]).document("en").text().splitlines()
    assert named[:2] == ["y = x²", "dy/dx = 2x"]


def test_diff_value_of_the_asked_derivative_at_a_point() -> None:
    request = DiffRequest(expression=CASES[0][0], at="x=1")
    report = request.run()
    assert report.derivative_at == pytest.approx(2 * math.sin(1) + math.cos(1), rel=1e-14)
    assert request.to_json(report, "en")["derivative_at"] == report.derivative_at
    assert "d/dx = 2.22324" in report.document("en").text()


def test_steps_text_names_the_request_and_each_differentiation() -> None:
    derivation = derivative_steps(CASES[1][0])   # the library entry point
    assert str(derivation) == "d²/dx² (x³) = 6x"
    en = derivation.document("en").text()
    assert en.startswith("Asked: d²/dx² (x³)")
    assert "Differentiation 1: d/dx" in en and "Differentiation 2: d/dx" in en
    assert "f′(x) = 3x²" in en   # the second differentiation is of f′
    ko = derivation.document("ko").text()
    assert ko.startswith("구할 것: d²/dx² (x³)") and "2번째 미분: d/dx" in ko


def test_a_plain_function_is_unchanged() -> None:
    report = DiffRequest(expression="x^2 + y").run()
    assert report.asked is None and report.derivative is None
    assert report.to_dict()["asked"] is None


REFUSING = [
    lambda e: CriticalRequest(expression=e),
    lambda e: DescendRequest(expression=e, start="1"),
    lambda e: RaceRequest(expression=e, start="1"),
    lambda e: SweepRequest(expression=e, starts="-1:1:3"),
    lambda e: LagrangeRequest(expression=e, constraints="x = 1"),
    lambda e: TangentRequest(expression=e, at="1"),
    lambda e: LimitRequest(expression=e),
    lambda e: PlotRequest(expression=e, out="/tmp/never-written.png"),
    lambda e: GraphRequest(expression=e, at="1"),
]


@pytest.mark.parametrize("make", REFUSING, ids=lambda m: "")
def test_every_other_command_refuses_a_request(make: object) -> None:
    request = make(CASES[0][0])  # type: ignore[operator]
    with pytest.raises(UsageError) as caught:
        request.run()
    error = caught.value
    assert error.kind == "derivative_request" and error.exit_code == 2
    assert "nablab diff" in error.message("en") and "nablab diff" in error.message("ko")
    assert request.command in error.message("en")


def test_the_library_refuses_a_request_too() -> None:
    import nablab

    with pytest.raises(UsageError, match="nablab diff"):
        nablab.critical_points(CASES[0][0])
    with pytest.raises(UsageError, match="nablab diff"):
        nablab.descend(CASES[0][0], (1,))
    with pytest.raises(UsageError, match="nablab diff"):
        nablab.compile(CASES[0][0])


def test_steps_bound_the_number_of_differentiations() -> None:
    from nablab.errors import UnsupportedError

    request = asked(sympy.sin(x), (x,), ("x", 11))
    with pytest.raises(UnsupportedError, match="nablab diff"):
        StepsRequest(expression=request).run()
    report = DiffRequest(expression=request).run()   # diff has no such limit
    assert report.derivative == sympy.diff(sympy.sin(x), x, 11)


def test_diff_plot_of_a_request_draws_the_function(tmp_path: object) -> None:
    request = DiffRequest(expression=CASES[0][0], at="x=1")
    request.check_drawable()
    figure = request.picture(request.run()).static("en")   # drawn, not only planned
    assert figure.axes
