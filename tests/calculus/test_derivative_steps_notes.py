"""Rule-by-rule steps on the notes' examples: the rules the notes use, the results they reach."""

from __future__ import annotations

import pytest
import sympy
from sympy import exp

from nablab import derivative_steps, sigmoid
from nablab.calculus.notation import mark, resolve
from nablab.calculus.steps import RULE_NAMES, explain
from nablab.i18n.messages import CATALOGUE

x, y, w, b = sympy.symbols("x y w b", real=True)


def rules(text: str, var: str | None = None) -> list[str]:
    return [s.rule for s in derivative_steps(text, var).steps]


def test_two_minus_x_squared_by_linearity() -> None:
    """(2 − x)² = 4 − 4x + x² → 4′ − (4x)′ + (x²)′ = −4 + 2x, as the notes do it."""
    d = derivative_steps("(2 - x)^2")
    assert d.result == 2 * x - 4 == sympy.diff((2 - x) ** 2, x)
    assert d.root.rule == "sum" and d.root.rewrite == sympy.expand((2 - x) ** 2)
    assert set(rules("(2 - x)^2")) == {"sum", "constant", "constant_multiple", "power",
                                       "identity"}


def test_one_plus_e_minus_x_by_linearity_and_chain() -> None:
    """(1 + e^(−x))′ = 1′ + (e^(−x))′ = −e^(−x); (e^(−x))′ by the chain rule."""
    d = derivative_steps("1 + e^{-x}")
    assert d.result == -exp(-x)
    assert rules("1 + e^{-x}") == ["sum", "constant", "chain", "exponential",
                                   "constant_multiple", "identity"]
    chain = d.root.substeps[1]
    assert chain.rule == "chain" and chain.inner == -x
    assert chain.output == -exp(-x)


def test_e_minus_x_by_the_chain_rule() -> None:
    d = derivative_steps("e^{-x}")
    assert d.root.rule == "chain"
    outer, inner = d.root.substeps
    assert outer.rule == "exponential" and inner.rule == "constant_multiple"
    assert d.result == -exp(-x)


def test_sigmoid_by_the_reciprocal_rule_reaches_sigma_one_minus_sigma() -> None:
    d = derivative_steps("1/(1 + e^{-x})")
    assert d.root.rule == "reciprocal"
    assert d.result == exp(-x) / (1 + exp(-x)) ** 2          # the notes' middle form
    assert d.sigmoid is not None and d.sigmoid.coefficient == 1 and d.sigmoid.argument == x
    last = d.steps[-1]
    assert last.rule == "sigmoid" and last.step is None
    assert sympy.simplify((last.after - d.result).rewrite(exp)) == 0
    assert sympy.simplify(last.after - sigmoid(x) * (1 - sigmoid(x))) == 0


def test_quotient_rule_and_sigmoid_function() -> None:
    assert derivative_steps("x/(x + 1)").root.rule == "quotient"
    d = derivative_steps("sigmoid(x)")
    assert d.root.rule == "sigmoid" and d.result == sigmoid(x) * (1 - sigmoid(x))


def test_sigmoid_with_inner_function_keeps_its_coefficient() -> None:
    d = derivative_steps("1/(1 + e^{-2x})")
    assert d.sigmoid is not None
    assert d.sigmoid.coefficient == 2 and d.sigmoid.argument == 2 * x


@pytest.mark.parametrize(("var", "expected"), [("x", w), ("w", x), ("b", 1)])
def test_neuron_partials(var: str, expected: sympy.Expr) -> None:
    """z = wx + b: ∂z/∂x = w, ∂z/∂w = x, ∂z/∂b = 1 (the notes)."""
    d = derivative_steps("z = wx + b", var)
    assert d.result == expected
    assert d.partial


def test_partial_steps_say_what_is_held_constant() -> None:
    d = derivative_steps("x^2 + 3xy + y^2", "x")
    assert d.result == 2 * x + 3 * y
    by_rule = {line.rule: line for line in explain(d, "en")}
    assert "y is held constant" in by_rule["constant"].text
    assert "y is held constant" in by_rule["constant_multiple"].text
    korean = {line.rule: line for line in explain(d, "ko")}
    assert "y를 상수로 취급" in korean["constant"].text
    assert explain(d, "en")[0].equation.startswith("∂/∂x(")


def test_each_step_has_formula_equation_and_sentence_in_both_languages() -> None:
    d = derivative_steps("x^2 sin(x) / (x + 1) + sqrt(1 - x^2) + 2^x + ln(x)")
    for lang in ("en", "ko"):
        for line in explain(d, lang):
            assert line.rule in RULE_NAMES
            assert line.formula and line.latex and line.sentence
            assert line.label == CATALOGUE[f"steps.rule.{line.rule}"][lang]
            assert "Derivative(" not in line.equation and "**" not in line.equation


def test_chain_of_equalities_on_the_notes_sigmoid() -> None:
    d = derivative_steps("1/(1 + e^{-x})")
    tree = [s for s in d.steps if s.step is not None]
    for before, after in zip(tree, tree[1:], strict=False):
        assert before.after == after.before
    reference = sympy.diff(1 / (1 + exp(-x)), x)
    for s in tree:
        assert sympy.simplify(resolve(s.before) - reference) == 0


def test_unknown_rule_is_honest() -> None:
    d = derivative_steps("relu(x) + x")
    unknown = [s for s in d.steps if s.rule == "unknown"]
    assert len(unknown) == 1
    assert unknown[0].step is not None and unknown[0].step.output == sympy.Heaviside(x, 0)
    text = explain(d, "en")[[s.rule for s in d.steps].index("unknown")].text
    assert "no rule" in text and "SymPy" in text


def test_variable_is_required_when_there_are_several() -> None:
    with pytest.raises(ValueError, match="several variables"):
        derivative_steps("x y")


def test_to_dict_has_exactly_the_issue_shape() -> None:
    data = derivative_steps("1 + e^{-x}").to_dict("en")
    assert set(data) == {"result", "steps"}
    assert data["result"] == "-exp(-x)"
    assert all(set(step) == {"rule", "latex", "text"} for step in data["steps"])
    assert [s["rule"] for s in data["steps"]][:3] == ["sum", "constant", "chain"]


def test_chain_shows_the_notes_expansion_and_ends_at_the_result() -> None:
    d = derivative_steps("(2 - x)^2")
    chain = d.chain()
    assert chain[1] == mark(sympy.expand((2 - x) ** 2), x)
    assert chain[-1] == d.result
    for state in chain:
        assert sympy.expand(resolve(state) - (2 * x - 4)) == 0
