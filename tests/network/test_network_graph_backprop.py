"""The computational graph: adjoints against sympy.diff, shared nodes, the gradient check."""

from __future__ import annotations

import pytest
import sympy

from nablab import DomainError, UnsupportedError
from nablab.network.graph import MAX_NODES, graph, relative_error
from nablab.parse import parse, parse_point

EXPRESSIONS = [
    ("sigmoid(w*x + b)", "w=2,x=1,b=-1"),
    ("sigmoid(w*x + b)*(1 - sigmoid(w*x + b))", "w=2,x=1,b=-1"),
    ("x^2 + 3xy + y^2", "x=1,y=2"),
    ("tanh(a*x + b)^2 + log(1 + exp(-x*y))", "a=0.5,b=-0.25,x=1.5,y=2"),
    ("(x - y)^2 / (1 + x^2) + sqrt(x*y)", "x=1/3,y=3"),
    ("sin(x)*exp(-y^2) + relu(x - y)", "x=2,y=1"),
]


@pytest.mark.parametrize(("text", "at"), EXPRESSIONS)
def test_every_adjoint_is_the_derivative_by_that_node(text: str, at: str) -> None:
    """∂f/∂v for each node v: replace v's sub-expression in f by a symbol t, diff by t."""
    f = parse(text)
    point = parse_point(at, f.variable_names)
    subs = {s: point[s.name] for s in f.variables}
    result = graph(f, at)
    t = sympy.Symbol("t", real=True)
    for node in result.nodes:
        stand_in = f.expr.xreplace({node.expr: t})
        value = node.expr.xreplace(subs)
        exact = sympy.diff(stand_in, t).xreplace({t: value}).xreplace(subs)
        assert node.adjoint == pytest.approx(float(exact.evalf(30)), rel=1e-13, abs=1e-15)
        assert node.value == pytest.approx(float(value.evalf(30)), rel=1e-13, abs=1e-15)
    for name in f.variable_names:
        exact = sympy.diff(f.expr, f.symbol(name)).xreplace(subs)
        assert result.gradient[name] == pytest.approx(float(exact.evalf(30)), rel=1e-13)
    assert result.check.max_rel_error < 1e-6
    assert result.output.adjoint == 1.0


def test_repeated_subexpression_is_one_node_with_two_paths_back() -> None:
    result = graph("sigmoid(w*x + b)*(1 - sigmoid(w*x + b))", "w=2,x=1,b=-1")
    sigmas = [n for n in result.nodes if n.op == "sigmoid"]
    assert len(sigmas) == 1
    readers = [n for n in result.nodes if sigmas[0].id in n.inputs]
    assert len(readers) == 2
    s = sigmas[0].value
    assert sigmas[0].adjoint == pytest.approx(1 - 2 * s, rel=1e-13)


def test_the_neuron_of_the_notes() -> None:
    """z = wx + b: ∂z/∂w = x, ∂z/∂x = w, ∂z/∂b = 1, node by node; σ' = σ(1 − σ) on top."""
    result = graph("sigmoid(w*x + b)", "w=2,x=1,b=-1")
    ops = {n.id: n for n in result.nodes}
    product = next(n for n in result.nodes if n.op == "mul")
    assert dict(zip(product.inputs, product.partial_values, strict=True)) == {"w": 1.0,
                                                                                "x": 2.0}
    top = result.output
    assert top.partial_values[0] == pytest.approx(top.value * (1 - top.value), rel=1e-15)
    assert result.gradient["x"] == pytest.approx(2 * result.gradient["w"], rel=1e-15)
    assert ops["b"].adjoint == pytest.approx(top.partial_values[0], rel=1e-15)


def test_json_shape() -> None:
    data = graph("w*x + b", "w=2,x=1,b=-1").to_dict()
    assert {"nodes", "gradient", "check"} <= set(data)
    assert set(data["check"]) >= {"max_rel_error"}
    for node in data["nodes"]:
        assert {"id", "op", "inputs", "value", "adjoint"} <= set(node)
        assert isinstance(node["id"], str) and isinstance(node["inputs"], list)
        assert isinstance(node["value"], float) and isinstance(node["adjoint"], float)
    assert data["gradient"] == {"b": 1.0, "w": 1.0, "x": 2.0}


def test_node_ids_never_clash_with_variables() -> None:
    result = graph("v1*v2 + exp(v1)", "v1=1,v2=2")
    ids = [n.id for n in result.nodes]
    assert len(ids) == len(set(ids)) and ids[:2] == ["v1", "v2"]


def test_undefined_points_and_limits() -> None:
    with pytest.raises(DomainError) as info:
        graph("log(x)", "x=-1")
    assert "ln(x)" in info.value.message("en")
    with pytest.raises(UnsupportedError):
        graph("2 + 3", "")
    big = " + ".join(f"sin(x*{k})" for k in range(1, MAX_NODES))
    with pytest.raises(UnsupportedError) as too_big:
        graph(big, "x=1")
    assert too_big.value.kind == "graph_too_large"


def test_relative_error_is_absolute_near_zero() -> None:
    assert relative_error(1.0, 1.0 + 1e-9) == pytest.approx(1e-9, rel=1e-3)
    assert relative_error(0.0, 1e-12) == pytest.approx(1e-4)
    assert relative_error(0.0, 0.0) == 0.0
