"""The chain rule through intermediate variables, against independent computations.

Oracles: ``sympy.diff`` of the substituted function (the difference simplifies to 0), central
differences of the substituted function, and the textbooks' worked answers (OpenStax Calculus
Volume 3 §4.5; Stewart §14.5).
"""

from __future__ import annotations

import io
import json
import math

import pytest
import sympy

from nablab.calculus.chain import chain_rule, split_substitutions
from nablab.cli import main
from nablab.errors import UsageError

s, t, u, v = sympy.symbols("s t u v", real=True)
REAL = {n: sympy.Symbol(n, real=True) for n in "xyzstuvw"}


def _independent_check(f: str, subs: dict[str, str], var: sympy.Symbol, result: object) -> None:
    """``result`` is d/dvar of f with subs made: symbolically, and by central differences."""
    symbols = {n: sympy.Symbol(n, real=True) for n in "xyzstuvw"}
    outer = sympy.sympify(f, locals=symbols)        # test-owned text, not user input
    table = {symbols[k]: sympy.sympify(e, locals=symbols) for k, e in subs.items()}
    composite = outer.xreplace(table)
    assert sympy.simplify(sympy.diff(composite, var) - result) == 0
    point = {sym: sympy.Rational(3, 7) * (i + 1) for i, sym in
             enumerate(sorted(composite.free_symbols, key=lambda q: q.name))}
    h = 1e-6
    plus = float(composite.subs({**point, var: point[var] + h}))
    minus = float(composite.subs({**point, var: point[var] - h}))
    assert float(result.subs(point)) == pytest.approx((plus - minus) / (2 * h), rel=1e-5)


def test_openstax_example_4_27_linear_substitution() -> None:
    # z = 3x² − 2xy + y², x = 3u + 2v, y = 4u − v: ∂z/∂u = 38u + 18v, ∂z/∂v = 18u + 34v.
    rule = chain_rule("z = 3x^2 - 2xy + y^2", "x = 3u + 2v, y = 4u - v")
    by_u, by_v = rule.derivatives
    assert (by_u.wrt, by_v.wrt) == ("u", "v")
    assert sympy.expand(by_u.result - (38 * u + 18 * v)) == 0
    assert sympy.expand(by_v.result - (18 * u + 34 * v)) == 0
    assert by_u.check and by_v.check


def test_openstax_example_4_26_one_independent_variable() -> None:
    # z = 4x² + 3y², x = sin t, y = cos t: dz/dt = 8x cos t − 6y sin t = 2 sin t cos t.
    rule = chain_rule("z = 4x^2 + 3y^2", "x = sin t, y = cos t")
    (d,) = rule.derivatives
    assert sympy.simplify(d.result - 2 * sympy.sin(t) * sympy.cos(t)) == 0
    assert rule.lhs("t") == "dz/dt" and rule.edge("x", "t") == "dx/dt"
    assert rule.edge("z", "x") == "∂z/∂x"
    x, y = sympy.symbols("x y", real=True)
    assert sympy.expand(d.total - (8 * x * sympy.cos(t) - 6 * y * sympy.sin(t))) == 0


def test_stewart_value_at_t_0() -> None:
    # Stewart §14.5 Example 1: z = x²y + 3xy⁴, x = sin 2t, y = cos t; dz/dt at t = 0 is 6.
    rule = chain_rule("z = x^2 y + 3x y^4", "x = sin(2t), y = cos t", at={"t": 0})
    assert rule.derivatives[0].value == 6
    assert rule.to_dict()["derivatives"][0]["value"] == 6.0


def test_stewart_example_3_and_independent_oracles() -> None:
    # z = eˣ sin y, x = st², y = s²t: ∂z/∂s = t² e^{st²} sin(s²t) + 2st e^{st²} cos(s²t).
    rule = chain_rule("z = e^x sin y", "x = s t^2, y = s^2 t")
    by_s = rule.derivatives[0]
    expected = t**2 * sympy.exp(s * t**2) * sympy.sin(s**2 * t) \
        + 2 * s * t * sympy.exp(s * t**2) * sympy.cos(s**2 * t)
    assert sympy.simplify(by_s.result - expected) == 0
    for d in rule.derivatives:
        _independent_check("exp(x)*sin(y)", {"x": "s*t**2", "y": "s**2*t"},
                           sympy.Symbol(d.wrt, real=True), d.result)


@pytest.mark.parametrize(("f", "subs", "text"), [
    ("x**2*y + y**3", {"x": "s*t", "y": "exp(t)"}, ("z = x^2 y + y^3", "x = s t, y = e^t")),
    ("x*y + z*t", {"x": "cos(t)", "y": "sin(t)", "z": "t**2"},
     ("w = x y + z t", "x = cos t, y = sin t, z = t^2")),
    ("log(x**2 + y**2)", {"x": "u*v", "y": "u - v"}, ("z = ln(x^2 + y^2)", "x = u v; y = u - v")),
    ("sin(x)", {"x": "s**2 + t"}, ("z = sin(x)", "x = s^2 + t")),
    ("x*y", {"x": "y*t"}, ("z = x y", "x = y t")),      # y: directly and through x
])
def test_every_derivative_is_the_direct_one(f: str, subs: dict[str, str],
                                            text: tuple[str, str]) -> None:
    rule = chain_rule(*text)
    assert rule.derivatives
    for d in rule.derivatives:
        assert d.check and d.symbolic is True and d.numeric is True
        _independent_check(f, subs, sympy.Symbol(d.wrt, real=True), d.result)
        assert sympy.simplify(d.total.xreplace(
            {sympy.Symbol(k, real=True): sympy.sympify(e, locals=REAL)
             for k, e in subs.items()}) - d.result) == 0


def test_paths_are_the_tree_diagram() -> None:
    rule = chain_rule("z = x^2 y + y^3", "x = s t, y = e^t", "t")
    (d,) = rule.derivatives
    assert [p.nodes for p in d.paths] == [("z", "x", "t"), ("z", "y", "t")]
    x, y = sympy.symbols("x y", real=True)
    assert [p.factors for p in d.paths] == [(2 * x * y, s), (x**2 + 3 * y**2, sympy.exp(t))]
    assert rule.children("z") == ("x", "y") and rule.children("x") == ("s", "t")
    assert rule.children("y") == ("t",) and rule.children("t") == ()
    assert rule.tree_lines()[0] == "z" and "dy/dt = e^t" in rule.tree_lines()[-1]
    by_s = chain_rule("z = x^2 y + y^3", "x = s t, y = e^t", "s").derivatives[0]
    assert [p.nodes for p in by_s.paths] == [("z", "x", "s")]


def test_a_variable_of_f_left_alone_is_a_direct_path() -> None:
    rule = chain_rule("w = x y + z t", "x = cos t, y = sin t, z = t^2")
    (d,) = rule.derivatives
    assert [p.nodes for p in d.paths][0] == ("w", "t")
    assert sympy.simplify(d.result - (3 * t**2 + sympy.cos(2 * t))) == 0


def test_several_levels_multiply_along_longer_paths() -> None:
    # z = x² + y, x = u², u = sin t, y = t: dz/dt = 2x·2u·cos t + 1 = 4 sin³t cos t + 1.
    rule = chain_rule("z = x^2 + y", "x = u^2, u = sin t, y = t")
    (d,) = rule.derivatives
    assert [p.nodes for p in d.paths] == [("z", "x", "u", "t"), ("z", "y", "t")]
    assert sympy.simplify(d.result - (4 * sympy.sin(t)**3 * sympy.cos(t) + 1)) == 0
    assert d.check and rule.levels() == [("z",), ("x", "y"), ("u",), ("t",)]
    assert [x for x, _ in rule.substitutions] == ["x", "y", "u"]
    _independent_check("x**2 + y", {"x": "sin(t)**2", "y": "t"}, t, d.result)
    lines = rule.tree_lines()
    assert lines[3] == "│     └─ t    du/dt = cos(t)"


def test_an_unnamed_function_gets_a_free_name() -> None:
    assert chain_rule("x^2 y", "x = t, y = t").output == "z"
    assert chain_rule("x z", "x = t, z = t^2").output == "w"


def test_one_variable_chain() -> None:
    rule = chain_rule("y = sin(u)", "u = x^2")
    (d,) = rule.derivatives
    x = sympy.Symbol("x", real=True)
    assert d.result == 2 * x * sympy.cos(x**2)
    assert rule.lhs("x") == "dy/dx" and rule.edge("y", "u") == "dy/du"


def test_splitting_keeps_commas_inside_brackets() -> None:
    assert split_substitutions("x = max(s, t), y = e^t; z = 1") == \
        ["x = max(s, t)", "y = e^t", "z = 1"]


@pytest.mark.parametrize(("f", "subs", "wrt", "kind"), [
    ("z = x y", "", None, "chain_no_sub"),
    ("z = x y", "s t", None, "chain_bad_sub"),
    ("z = x y", "x = s, x = t", None, "chain_sub_twice"),
    ("z = x y", "w = s", None, "chain_not_intermediate"),
    ("z = x y", "x = y t, y = x s", None, "chain_cycle"),
    ("z = x y", "x = z t", None, "chain_output_is_input"),
    ("z = x y", "x = s t", "q", "chain_unknown_wrt"),
])
def test_bad_input_is_refused_clearly(f: str, subs: str, wrt: str | None, kind: str) -> None:
    with pytest.raises(UsageError) as caught:
        chain_rule(f, subs, wrt)
    assert caught.value.kind == kind


def _cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_cli_json() -> None:
    code, out, _ = _cli("chain", "z = x^2 y + y^3", "--sub", "x = s t, y = e^t", "--wrt", "t",
                        "--json")
    assert code == 0
    data = json.loads(out)
    assert data["check"] is True and data["wrt"] == "t"
    assert [p["path"] for p in data["paths"]] == [["z", "x", "t"], ["z", "y", "t"]]
    assert data["paths"][0]["term"] == "2*s*x*y"
    assert data["tree"] == {"z": ["x", "y"], "x": ["s", "t"], "y": ["t"]}
    result = sympy.sympify(data["result"], locals={"s": s, "t": t})   # our own output
    assert sympy.simplify(result - sympy.diff(s**2 * t**2 * sympy.exp(t)
                                              + sympy.exp(3 * t), t)) == 0


def test_cli_text_in_both_languages_and_at_a_point() -> None:
    code, out, _ = _cli("chain", "z = x^2 y + y^3", "--sub", "x = s t, y = e^t",
                        "--at", "s=1,t=0")
    assert code == 0
    assert "∂z/∂t = ∂z/∂x·∂x/∂t + ∂z/∂y·dy/dt" in out and "Backpropagation" in out
    assert "at s = 1, t = 0: ∂z/∂t = 3" in out and "✓" in out
    code, out, _ = _cli("chain", "z = x^2 y + y^3", "--sub", "x = s t, y = e^t", "--lang", "ko")
    assert code == 0 and "연쇄 법칙" in out and "역전파" in out


def test_cli_says_where_the_derivative_is_undefined() -> None:
    code, out, _ = _cli("chain", "z = x/y", "--sub", "x = t, y = t - 1", "--at", "t=1")
    assert code == 0 and "at t = 1: dz/dt is undefined" in out and "zoo" not in out
    code, out, _ = _cli("chain", "z = x/y", "--sub", "x = t, y = t - 1", "--at", "t=1", "--json")
    data = json.loads(out)["derivatives"][0]
    assert data["value"] is None and data["exact_value"] is None


def test_cli_refusals_exit_with_usage_errors() -> None:
    code, _, err = _cli("chain", "z = x y", "--sub", "w = s")
    assert code == 2 and "w is not a variable of the function" in err
    code, _, err = _cli("chain", "z = x y")
    assert code == 2 and "--sub" in err


def test_picture_draws_every_node_of_the_tree() -> None:
    from nablab.plot.chain import chain_figure, tree_layout

    rule = chain_rule("z = x^2 y + y^3", "x = s t, y = e^t", "t")
    place = tree_layout(rule)
    assert set(place) == {("z",), ("z", "x"), ("z", "y"), ("z", "x", "s"), ("z", "x", "t"),
                          ("z", "y", "t")}
    assert place[("z",)][0] == pytest.approx((place[("z", "x")][0] + place[("z", "y")][0]) / 2)
    figure = chain_figure(rule, "en")
    assert len(figure.axes[0].patches) == 6
    assert not math.isnan(place[("z", "y", "t")][1])


def test_an_accented_intermediate_is_the_variable_the_function_names() -> None:
    # ŷ in the function is the variable yhat; the substitution ŷ = … must name the same one
    rule = chain_rule("L = (ŷ - y)^2", "ŷ = w1 x1 + w2 x2", "w1")
    assert rule.derivatives[0].check
    assert sympy.simplify(rule.derivatives[0].result - sympy.sympify(
        "2*x1*(w1*x1 + w2*x2 - y)", locals={n: sympy.Symbol(n, real=True)
                                            for n in ("w1", "w2", "x1", "x2", "y")})) == 0


def test_an_intermediate_named_by_a_word_is_one_variable() -> None:
    """``yhat = …`` names the variable ŷ: ``(yhat - y)^2`` is not read as (y·h·a·t − y)²,
    in the library and through the command; ŷ prints as ŷ, w1 as w₁ (LaTeX w_{1})."""
    result = chain_rule("L = (yhat - y)^2", "yhat = w1 x1 + w2 x2", "w1")
    w1, w2, x1, x2, y = sympy.symbols("w1 w2 x1 x2 y", real=True)
    assert sympy.expand(result.derivatives[0].result - 2 * x1 * (w1 * x1 + w2 * x2 - y)) == 0
    out, err = io.StringIO(), io.StringIO()
    code = main(["chain", "L = (yhat - y)^2", "--sub", "yhat = w1 x1 + w2 x2", "--wrt", "w1"],
                stdout=out, stderr=err)
    assert code == 0, err.getvalue()
    out = out.getvalue()
    assert "L → ŷ → w₁" in out and "yhat" not in out and "w1" not in out
    assert r"\partial w_{1}" in result._repr_latex_()
