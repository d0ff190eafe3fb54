"""The slip catalogue: each rule found where it was made, and nowhere else.

Each case is a task, a learner's wrong answer (written by hand, as a learner would) and the
rule that explains it. The right answer must never be reported as a slip, and a wrong answer
no rule explains must get none.
"""

from __future__ import annotations

import time
from typing import Any

import pytest
import sympy

import nablab
from nablab.check.mistake import Mistake
from nablab.check.slips import expected, find_slip, show, slip_message
from nablab.check.task import Task
from nablab.core.functions import sigmoid

x, y = sympy.symbols("x y", real=True)
R = sympy.Rational


def same(a: Any, b: Any) -> bool:
    """A simple equivalence: tuples and sets element-wise, expressions by simplify."""
    if isinstance(a, tuple) or isinstance(b, tuple):
        return (isinstance(a, tuple) and isinstance(b, tuple) and len(a) == len(b)
                and all(same(p, q) for p, q in zip(a, b, strict=True)))
    if isinstance(a, frozenset) or isinstance(b, frozenset):
        return (isinstance(a, frozenset) and isinstance(b, frozenset) and len(a) == len(b)
                and all(any(same(p, q) for q in b) for p in a))
    return bool(sympy.simplify((sympy.S(a) - sympy.S(b)).rewrite(sympy.exp)) == 0)


def d(text: str, *wrt: sympy.Symbol, kind: str = "derivative") -> Task:
    return Task(kind, nablab.parse(text), wrt=wrt or (x,))  # type: ignore[arg-type]


def gd(text: str, start: tuple[Any, ...], lr: Any) -> Task:
    return Task("gd_step", nablab.parse(text), start=start, lr=lr)


s = sigmoid(x)
E = sympy.exp
CASES: list[tuple[str, Task, Any, str]] = [
    # chain rule, at each level of nesting and in each term of a sum
    ("sin(x²)", d("sin(x^2)"), sympy.cos(x**2), "chain_inner"),
    ("sin(cos(x²)), outer level", d("sin(cos(x^2))"), sympy.cos(sympy.cos(x**2)),
     "chain_inner"),
    ("sin(cos(x²)), inner level", d("sin(cos(x^2))"),
     -sympy.cos(sympy.cos(x**2)) * sympy.sin(x**2), "chain_inner"),
    ("a term of a sum", d("sin(x^2) + x^3"), sympy.cos(x**2) + 3 * x**2, "chain_inner"),
    ("every term of a sum", d("sin(x^2) + cos(3x)"), sympy.cos(x**2) - sympy.sin(3 * x),
     "chain_inner_all"),
    ("e^(−x) of the notes", d("1 + e^(-x)"), E(-x), "chain_inner"),
    ("ln(x² + 1)", d("ln(x^2 + 1)"), 1 / (x**2 + 1), "log_inner"),
    # product and quotient rules
    ("(fg)′ = f′g′", d("x^2 sin x"), 2 * x * sympy.cos(x), "product_as_product"),
    ("(fg)′ = f′g", d("x^2 sin x"), 2 * x * sympy.sin(x), "product_one_term"),
    ("(fg)′ = fg′", d("x^2 sin x"), x**2 * sympy.cos(x), "product_one_term"),
    ("(3x²)′ = 6x + 3x²", d("3x^2 + 1"), 6 * x + 3 * x**2, "constant_product"),
    ("a product in a sum", d("x^2 sin x + x^3"), 2 * x * sympy.cos(x) + 3 * x**2,
     "product_as_product"),
    ("quotient, plus", d("(x^2 + 1)/(x - 1)"), (2 * x * (x - 1) + (x**2 + 1)) / (x - 1)**2,
     "quotient_sign"),
    ("quotient, order", d("(x^2 + 1)/(x - 1)"), ((x**2 + 1) - 2 * x * (x - 1)) / (x - 1)**2,
     "quotient_order"),
    ("quotient, square", d("(x^2 + 1)/(x - 1)"), (2 * x * (x - 1) - (x**2 + 1)) / (x - 1),
     "quotient_square"),
    ("quotient, f′/g′", d("(x^2 + 1)/(x - 1)"), 2 * x, "quotient_as_quotient"),
    ("reciprocal", d("1/(x^2 + 1)"), 2 * x / (x**2 + 1)**2, "reciprocal_sign"),
    # powers, exponentials, trigonometry, constants
    ("x³ → 3x³", d("x^3"), 3 * x**3, "power_exponent_kept"),
    ("eˣ by the power rule", d("e^x"), x * E(x - 1), "exp_power_rule"),
    ("2ˣ by the power rule", d("2^x"), x * 2 ** (x - 1), "exp_power_rule"),
    ("2ˣ without ln 2", d("2^x + x^2"), 2**x + 2 * x, "exp_log_missing"),
    ("(cos x)′ = sin x", d("cos x + x^2"), sympy.sin(x) + 2 * x, "trig_sign"),
    ("(sin x)′ = −cos x", d("x sin x"), sympy.sin(x) - x * sympy.cos(x), "trig_sign"),
    ("(c)′ = c", d("x^3 + 5"), 3 * x**2 + 5, "constant_kept"),
    # the sigmoid (the notes: σ′ = σ(1 − σ))
    ("σ′ with the minus dropped", d("sigmoid(x)"), s * (1 + s), "sigmoid_sign"),
    ("σ′ negated", d("sigmoid(x)"), -s * (1 - s), "sigmoid_negated"),
    ("σ written out, minus dropped", d("1/(1 + e^(-x))"), s * (1 + s), "sigmoid_sign"),
    ("σ(2x), minus dropped", d("sigmoid(2x)"), 2 * sigmoid(2 * x) * (1 + sigmoid(2 * x)),
     "sigmoid_sign"),
    # partial derivatives (the notes: ∂/∂y (x² + 3xy + y²) = 3x + 2y)
    ("x varied with y", d("x^2 + 3x*y + y^2", y, kind="partial"), 3 * x + 5 * y,
     "partial_not_constant"),
    ("the total derivative", d("x^2 + 3x*y + y^2", y, kind="partial"), 5 * x + 5 * y,
     "partial_total"),
    ("x² kept", d("x^2 + 3x*y + y^2", y, kind="partial"), x**2 + 3 * x + 2 * y,
     "partial_term_kept"),
    ("a second derivative", d("x^2 sin x", x, x), 2 * sympy.cos(x) - 2 * x * sympy.sin(x),
     "product_as_product"),
    # gradients
    ("∇ in the wrong order", Task("gradient", nablab.parse("x^2 + y^3")), (3 * y**2, 2 * x),
     "gradient_order"),
    ("a slip in one component", Task("gradient", nablab.parse("sin(x y)")),
     (y * sympy.cos(x * y), sympy.cos(x * y)), "chain_inner"),
    # a gradient-descent step (the notes: (3, 4), η = 0.1 → (2.4, 3.2))
    ("θ + η∇L", gd("x^2 + y^2", (3, 4), 0.1), (R(36, 10), R(48, 10)), "gd_sign"),
    ("no η", gd("x^2 + y^2", (3, 4), 0.1), (-3, -4), "gd_no_lr"),
    ("the step alone", gd("x^2 + y^2", (3, 4), 0.1), (R(-6, 10), R(-8, 10)), "gd_step_only"),
    ("the gradient alone", gd("x^2 + y^2", (3, 4), 0.1), (6, 8), "gd_gradient_only"),
    ("the gradient at (4, 3)", gd("x^2 + 3y^2", (3, 4), 0.1), (R(22, 10), R(22, 10)),
     "gd_wrong_point"),
    ("a slip inside ∇L", gd("x^2 + y^2", (3, 4), 0.1), (R(12, 10), R(32, 10)),
     "power_exponent_kept"),
    # critical points
    ("the saddle left out", Task("critical", nablab.parse("x^3 - 3x + y^2")),
     frozenset({(1, 0)}), "critical_saddles_dropped"),
    ("−1 left out", Task("critical", nablab.parse("x^4/4 - x^2/2 + y^2")),
     frozenset({(0, 0), (1, 0)}), "critical_negative_dropped"),
    # Lagrange multipliers
    ("the constraint forgotten", Task("lagrange", nablab.parse("x^2 + y^2"),
                                      constraint=x + y - 2),
     frozenset({(0, 0)}), "lagrange_constraint_forgotten"),
    ("the cusp left out", Task("lagrange", nablab.parse("x"), constraint=y**2 - x**3),
     frozenset(), "lagrange_singular_missed"),
    ("∇g = 0 off the curve added", Task("lagrange", nablab.parse("x + y"),
                                        constraint=x**2 + y**2 - 2),
     frozenset({(1, 1), (-1, -1), (0, 0)}), "lagrange_singular_added"),
]


@pytest.mark.parametrize(("task", "answer", "rule"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_each_slip_is_found_where_it_was_made(task: Task, answer: Any, rule: str) -> None:
    mistake = find_slip(task, answer, same)
    assert mistake is not None and mistake.rule == rule, mistake
    assert same(mistake.wrong, answer)
    for lang in ("en", "ko"):
        assert slip_message(mistake, lang)


@pytest.mark.parametrize("task", sorted({id(c[1]): c[1] for c in CASES}.values(),
                                        key=lambda t: t.function.unicode),
                         ids=lambda t: f"{t.kind} {t.function.unicode}")
def test_the_right_answer_is_never_a_slip(task: Task) -> None:
    assert find_slip(task, expected(task), same) is None


@pytest.mark.parametrize(("task", "answer"), [
    (d("sin(x^2)"), x**3),
    (d("x^2 sin x"), sympy.cos(x)),
    (d("x^2 + 3x*y + y^2", y, kind="partial"), 7 * x),
    (gd("x^2 + y^2", (3, 4), 0.1), (1, 1)),
    (Task("critical", nablab.parse("x^3 - 3x + y^2")), frozenset({(2, 0)})),
])
def test_an_unrelated_wrong_answer_gets_no_slip(task: Task, answer: Any) -> None:
    assert find_slip(task, answer, same) is None


def test_the_notes_worked_examples() -> None:
    sigma = find_slip(d("sigmoid(x)"), s * (1 + s), same)
    assert sigma is not None and sigma.rule == "sigmoid_sign"
    assert "σ(1 − σ)" in slip_message(sigma, "en")
    assert "시그모이드" in slip_message(sigma, "ko")
    step = find_slip(gd("x^2 + y^2", (3, 4), 0.1), (3.6, 4.8), same)
    assert step is not None and step.rule == "gd_sign"
    assert step.params["right"] == "(2.4, 3.2)" and step.params["wrong"] == "(3.6, 4.8)"
    assert "(3.6, 4.8)" in slip_message(step, "en")
    assert "경사하강법" in slip_message(step, "ko") and "학습률" in slip_message(step, "ko")


def test_the_message_names_the_missing_factor() -> None:
    mistake = find_slip(d("sin(x^2)"), sympy.cos(x**2), same)
    assert isinstance(mistake, Mistake)
    assert mistake.params["factor"] == "2x" and mistake.params["inner"] == "x²"
    assert "2x" in slip_message(mistake, "en") and "연쇄 법칙" in slip_message(mistake, "ko")


def test_a_hostile_function_gives_up_quickly() -> None:
    big = nablab.parse(" + ".join(f"sin(x^{k})*cos(x^{k + 1})" for k in range(60)))
    began = time.monotonic()
    assert find_slip(Task("derivative", big, wrt=(x,)), x, same) is None
    assert time.monotonic() - began < 10


def test_an_equivalence_test_that_fails_is_no_slip() -> None:
    def broken(a: Any, b: Any) -> bool:
        raise ValueError("cannot compare")

    assert find_slip(d("sin(x^2)"), sympy.cos(x**2), broken) is None


def test_show_prints_points_and_decimals() -> None:
    assert show((R(12, 5), R(16, 5))) == "(2.4, 3.2)"
    assert show(frozenset({(sympy.Integer(-1), sympy.Integer(0))})) == "(−1, 0)"
    assert show(frozenset()) == "∅"


def test_an_answer_of_another_form_is_no_slip() -> None:
    assert find_slip(gd("x^2 + y^2", (3, 4), 0.1), "3.6, 4.8", same) is None
    assert find_slip(d("sin(x^2)"), (sympy.cos(x**2),), same) is None
    assert find_slip(Task("gd_step", nablab.parse("x^2"), start=(1,), lr="0.1"), (1,),
                     same) is None
