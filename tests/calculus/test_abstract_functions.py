"""Undefined functions f(x) (``sympy.Function("f", real=True)``): differentiated symbolically by
``diff`` and ``steps``, refused with a clear error by every numeric command.

The parser that reads ``f(x)`` is built in parallel, so the expressions are built directly here.
"""

from __future__ import annotations

import pytest
import sympy

import nablab
from nablab.calculus.steps import derivative_steps
from nablab.core.expression import Expression
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
f, g = sympy.Function("f", real=True), sympy.Function("g", real=True)
X3F = Expression("x^3 f(x)", x**3 * f(x), (x,))


def test_diff_product_with_an_undefined_function() -> None:
    report = DiffRequest(expression=X3F).run()
    expected = 3 * x**2 * f(x) + x**3 * sympy.Derivative(f(x), x)   # h′ = 3x²f(x) + x³f′(x)
    assert sympy.expand(report.partials["x"] - expected) == 0
    assert sympy.expand(report.partials["x"] - sympy.diff(x**3 * f(x), x)) == 0
    assert report.name == "h"   # f is taken: the function is h(x) = x³f(x)
    assert report.document("en").text().startswith("h(x) = ")


@pytest.mark.parametrize("expr, variables", [
    (x**3 * f(x), (x,)), (f(x) * g(x), (x,)), (f(g(x)), (x,)), (sympy.sin(f(x)), (x,)),
    (f(x) / g(x), (x,)), (sympy.exp(f(x)) + x**2, (x,)), (x * f(x, y), (x, y)),
    (f(x**2), (x,)),
])
def test_steps_agree_with_sympy(expr: sympy.Expr, variables: tuple[sympy.Symbol, ...]) -> None:
    d = derivative_steps(Expression("", expr, variables), x)
    assert sympy.simplify((d.result - sympy.diff(expr, x)).doit()) == 0
    assert d.verified is True
    assert d.root.eval() == d.root.output or \
        sympy.simplify(d.root.eval() - d.root.output) == 0   # each step recomputes its output
    assert "abstract" in {s.rule for s in d.steps}


def test_steps_product_rule_in_its_general_form() -> None:
    d = derivative_steps(Expression("f(x) g(x)", f(x) * g(x), (x,)))
    assert d.root.rule == "product"
    assert [s.rule for s in d.root.substeps] == ["abstract", "abstract"]
    fp, gp = sympy.Derivative(f(x), x), sympy.Derivative(g(x), x)
    assert sympy.expand(d.result - (fp * g(x) + f(x) * gp)) == 0
    lines = StepsRequest(expression=Expression("f(x) g(x)", f(x) * g(x), (x,))).to_json(d, "en")
    assert lines["steps"][0]["text"].startswith("Product rule (u·v)′ = u′·v + u·v′")
    text = d.document("en").text()
    assert "(f(x))′ = f′(x)" in text and "(g(x))′ = g′(x)" in text
    assert "agrees with SymPy's diff (the difference simplifies to 0)" in text
    ko = d.document("ko").text()
    assert "식이 없는 함수의 미분" in ko and "(u·v)′ = u′·v + u·v′" in ko


def test_steps_chain_rule_for_a_composition() -> None:
    d = derivative_steps(Expression("f(g(x))", f(g(x)), (x,)))
    assert d.root.rule == "chain" and d.root.inner == g(x)
    outer, inner = d.root.substeps
    assert outer.rule == "abstract" and inner.rule == "abstract"
    assert inner.output == sympy.Derivative(g(x), x)
    assert sympy.simplify((d.result - sympy.diff(f(g(x)), x)).doit()) == 0


def test_steps_leave_f_prime_as_it_is() -> None:
    d = derivative_steps(X3F)
    assert d.root.rule == "product"
    assert {s.rule for s in d.root.substeps} == {"power", "abstract"}
    assert d.result.has(sympy.Derivative(f(x), x))
    assert sympy.expand(d.result - (3 * x**2 * f(x) + x**3 * sympy.Derivative(f(x), x))) == 0
    assert d.document("en").text().startswith("h(x) = ")


def test_partial_of_an_undefined_function_of_two_variables() -> None:
    d = derivative_steps(Expression("x f(x, y)", x * f(x, y), (x, y)), "x")
    step = next(s for s in d.steps if s.rule == "abstract")
    assert step.step is not None and step.step.output == sympy.Derivative(f(x, y), x)
    assert "∂f/∂x" in d.document("en").text()


NUMERIC = [
    lambda e: CriticalRequest(expression=e),
    lambda e: DescendRequest(expression=e, start="1"),
    lambda e: RaceRequest(expression=e, start="1"),
    lambda e: SweepRequest(expression=e, starts="-1:1:3"),
    lambda e: LagrangeRequest(expression=e, constraints="x = 1"),
    lambda e: TangentRequest(expression=e, at="1"),
    lambda e: LimitRequest(expression=e),
    lambda e: PlotRequest(expression=e, out="/tmp/never-written.png"),
    lambda e: GraphRequest(expression=e, at="1"),
    lambda e: DiffRequest(expression=e, at="1"),
]


@pytest.mark.parametrize("make", NUMERIC, ids=lambda m: "")
def test_numeric_commands_refuse_undefined_functions(make: object) -> None:
    request = make(X3F)  # type: ignore[operator]
    with pytest.raises(UsageError) as caught:
        request.run()
    error = caught.value
    assert error.kind == "abstract_function" and error.exit_code == 2
    assert error.params["names"] == "f"
    for lang in ("en", "ko"):
        assert "nablab diff" in error.message(lang) and "f:" in error.message(lang)


def test_diff_plot_refuses_before_computing() -> None:
    with pytest.raises(UsageError, match="undefined function"):
        DiffRequest(expression=X3F).check_drawable()


def test_library_numeric_entry_points_refuse() -> None:
    calls = (lambda: nablab.compile(X3F), lambda: nablab.critical_points(X3F),
             lambda: nablab.descend(X3F, (1,)), lambda: nablab.race(X3F, (1,)),
             lambda: nablab.tangent_line(X3F, 1),
             lambda: nablab.lagrange(Expression("", f(x) + y, (x, y)), "x + y = 1"))
    for call in calls:
        with pytest.raises(UsageError, match="undefined function"):
            call()
