"""The checker against independent oracles: SymPy for the right answers, STACK's AlgEquiv
cases for equivalence, and answers written in many forms, right and wrong."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

import nablab
from nablab.check.checker import check_answer
from nablab.check.derivation import check_derivation
from nablab.check.equivalence import compare
from nablab.check.mistake import Mistake
from nablab.check.reading import parse_answer, parse_task
from nablab.check.task import Task
from nablab.errors import ParseError
from nablab.parse import parse

sys.path.insert(0, str(Path(__file__).parent))
from stack_algequiv import CASES, EXCLUDED  # noqa: E402


def check(task: str, answer: str, **kwargs: Any) -> Any:
    return check_answer(task, answer, timeout=None, **kwargs)


# -- STACK's AlgEquiv cases -------------------------------------------------------------------
@pytest.mark.parametrize(("student", "teacher", "mark", "note"), CASES,
                         ids=[f"{s}~{t}" for s, t, _, _ in CASES])
def test_stack_algequiv_cases_agree(student: str, teacher: str, mark: int, note: str) -> None:
    b = parse(teacher)
    try:
        a = parse(student)
    except ParseError as error:  # a constant that is no real number: not the teacher's
        assert mark == 0 and error.kind == "not_real", error
        return
    variables = sorted(set(a.variables) | set(b.variables), key=lambda s: s.name)
    result = compare(a.expr, b.expr, variables, (b.expr,))
    assert (1 if result.equal else 0) == mark, (note, result)
    if not mark:
        assert result.counterexample is not None


def test_stack_algequiv_agreement_is_every_applicable_case() -> None:
    assert len(CASES) >= 45 and len(EXCLUDED) >= 8


# -- each task kind, right answers in several forms ------------------------------------------
RIGHT = [
    ("d/dx (x^2 sin x)", "2x sin x + x^2 cos x"),
    ("d/dx (x^2 sin x)", "x(2 sin x + x cos x)"),
    ("d/dx (x^2 sin x)", "x^2 cos(x) + 2 x sin(x)"),
    ("\\frac{d}{dx}(x^2 \\sin x)", "2x\\sin x + x^2\\cos x"),
    ("d^2/dx^2 (x^3)", "6x"),
    ("∂/∂y (x^2 + 3xy + y^2)", "3x + 2y"),
    ("∂²/∂x∂y (x^2 y^3)", "6 x y^2"),
    ("∇ (x^2 + y^2)", "(2x, 2y)"),
    ("grad x^2 + y^2", "[2x, 2y]"),
    ("gradient x^2 + y^2", "2x i + 2y j"),
    ("critical x^3 - 3x + y^2", "(1, 0), (-1, 0)"),
    ("critical x^3 - 3x + y^2", "{(-1,0), (1,0)}"),
    ("critical x^3 - 3x + y^2", "x=1,y=0; x=-1,y=0"),
    ("critical x^2 + y^2", "x = 0, y = 0"),
    ("critical x^2 + y^2", "(x, y) = (0, 0)"),
    ("lagrange x y ; x^2 + y^2 = 1",
     "(sqrt(2)/2, sqrt(2)/2), (-sqrt(2)/2, -sqrt(2)/2), (1/sqrt(2), -1/sqrt(2)), "
     "(-1/sqrt(2), 1/sqrt(2))"),
    ("lagrange 4 - x^2 - 2y^2 ; 2(x-1)^2 - 10y + 6 = 0", "(0.35, 0.68)"),
    ("gd x^2 + y^2 from (3, 4) lr 0.1", "(2.4, 3.2)"),
    ("gd x^2 + y^2 from (3, 4) lr 0.1", "x = 12/5, y = 16/5"),
    ("d/dx ln(x)", "1/x"),
    ("d/dx ln(x)", "1/abs(x)"),  # equal on the function's domain x > 0
    ("d/dx sigmoid(x)", "sigmoid(x)(1 - sigmoid(x))"),
    ("d/dx sigmoid(x)", "e^(-x)/(1 + e^(-x))^2"),
    ("d/dx tanh(x)", "1 - tanh(x)^2"),
    ("d/dx sin(x)^2", "sin(2x)"),
]


@pytest.mark.parametrize(("task", "answer"), RIGHT)
def test_right_answers_in_any_form_are_correct(task: str, answer: str) -> None:
    result = check(task, answer)
    assert result.verdict == "correct", result.message
    assert result.counterexample is None and result.to_dict()["verdict"] == "correct"


WRONG = [
    ("d/dx (x^2 sin x)", "2x cos x"),
    ("d/dx (x^2 sin x)", "2x sin x - x^2 cos x"),
    ("d/dx (x^2/2)", "sqrt(x^2)"),       # √(x²) is |x|, not x: x = −1
    ("∂/∂y (x^2 + 3xy + y^2)", "2x + 3y"),
    ("∇ (x^2 + y^2)", "(2x, y)"),
    ("d/dx e^(2x)", "e^(2x)"),
    ("d/dx sigmoid(x)", "sigmoid(x)(1 + sigmoid(x))"),
]


@pytest.mark.parametrize(("task", "answer"), WRONG)
def test_wrong_answers_get_a_counterexample_that_is_one(task: str, answer: str) -> None:
    result = check(task, answer)
    assert result.verdict == "incorrect"
    point = result.counterexample
    assert point is not None
    t = parse_task(task)
    value = parse_answer(t, answer)
    right = result.expected
    subs = {v: point[v.name] for v in t.variables if v.name in point}
    if isinstance(right, tuple):
        i = result.component
        assert i is not None
        value, right = value[i], right[i]
    assert sympy.N(value.subs(subs) - right.subs(subs)) != 0


def test_domain_matters_sqrt_of_x_squared_is_not_x() -> None:
    result = check("d/dx (x^2/2)", "sqrt(x^2)")
    assert result.counterexample == {"x": -1}
    assert "x = −1" in result.message_in("en")


def test_point_sets_name_what_is_missing_and_extra() -> None:
    result = check("critical x^3 - 3x + y^2", "(1, 0), (2, 0)")
    assert result.verdict == "incorrect"
    assert result.missing == ((-1, 0),) and result.extra == ((2, 0),)
    data = result.to_dict()
    assert data["missing"] == ["(-1, 0)"] and data["extra"] == ["(2, 0)"]


def test_gd_step_of_the_notes() -> None:
    task = parse_task("gd x^2 + y^2 from (3, 4) lr 0.1")
    assert task.start == (3, 4) and task.lr == sympy.Rational(1, 10)
    assert check("gd x^2 + y^2 from (3, 4) lr 0.1", "(3.6, 4.8)").verdict == "incorrect"
    assert str(check("gd x^2 + y^2 from (3, 4) lr 0.1", "(2.4, 3.2)").expected) == "(12/5, 16/5)"


INVALID = [
    ("d/dx (x^2 sin x)", "(2x, 1)", "check.invalid.vector_for_expression"),
    ("∇ (x^2 + y^2)", "2x + 2y", "check.invalid.scalar_for_vector"),
    ("∇ (x^2 + y^2)", "(2x, 2y, 0)", "check.invalid.vector_size"),
    ("critical x^3 - 3x + y^2", "(1, 0, 0)", "check.invalid.point_size"),
    ("gd x^2 + y^2 from (3, 4) lr 0.1", "(2.4, 3.2), (1, 1)", "check.invalid.one_point"),
    ("d/dx (x^2)", "d/dx (x^2)", "check.invalid.task_again"),
    ("d/dx (x^2)", "  ", "check.invalid.empty"),
]


@pytest.mark.parametrize(("task", "answer", "key"), INVALID)
def test_answers_of_another_form_are_invalid_with_the_reason(task: str, answer: str,
                                                             key: str) -> None:
    result = check(task, answer)
    assert result.verdict == "invalid" and result.said[0] == key
    assert result.message_in("ko") and result.message_in("en")


@pytest.mark.parametrize("text", ["hello", "x^2 + 1", "lagrange x y", "gd x^2 from 3",
                                  "gd x^2 from (1) lr -1", "critical"])
def test_what_is_no_task_is_a_clear_error(text: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_task(text)
    assert info.value.kind.startswith("check_")


def test_simplified_is_noted() -> None:
    result = check("d/dx (x^2)", "2x + 3x - 3x")
    assert result.verdict == "correct" and not result.simplified
    assert result.to_dict()["simpler"] == "2*x"
    assert check("d/dx (x^2)", "2x").simplified


def test_json_has_exactly_the_issue_keys() -> None:
    data = check("d/dx (x^2 sin x)", "2x cos x").to_dict("ko")
    assert {"verdict", "simplified", "expected", "counterexample", "mistake", "lines",
            "message"} <= set(data)
    assert data["counterexample"] == {"x": 1.0} and data["mistake"] is None
    assert isinstance(data["message"], str) and "반례" in data["message"]


# -- slips: the catalogue is a callable, here a fake ----------------------------------------
def fake_slips(task: Task, value: Any, same: Any) -> Mistake | None:
    x = task.function.variables[0]
    wrong = sympy.diff(task.function.expr.args[0], x) if task.function.expr.args else None
    if wrong is not None and same(value, wrong * 0 + sympy.cos(x ** 2)):
        return Mistake("chain_inner", sympy.cos(x ** 2), {"inner": "2x"})
    return None


def test_a_slip_the_catalogue_names_is_reported() -> None:
    from nablab.check.slips import find_slip

    result = check("d/dx sin(x^2)", "cos(x^2)", slips=find_slip)
    assert result.verdict == "incorrect" and result.mistake is not None
    assert result.to_dict()["mistake"]["rule"] == "chain_inner"
    assert result.to_dict()["mistake"]["wrong"] == "cos(x**2)"
    assert "The chain rule: (f∘g)′ = f′(g)·g′" in result.document("en").text()
    assert "연쇄 법칙" in result.document("ko").text()
    assert check("d/dx sin(x^2)", "2x cos(x^2)", slips=find_slip).mistake is None


def test_a_failing_slip_rule_names_no_slip() -> None:
    def broken(task: Task, value: Any, same: Any) -> Mistake | None:
        raise ZeroDivisionError

    assert check("d/dx sin(x^2)", "cos(x^2)", slips=broken).mistake is None


# -- derivations -------------------------------------------------------------------------------
def test_a_right_derivation_is_correct_line_by_line() -> None:
    steps = ["d/dx (x^2 sin x)", "2x sin x + x^2 cos x", "x(2 sin x + x cos x)"]
    result = check_derivation("d/dx (x^2 sin x)", "\n".join(steps), timeout=None)
    assert result.verdict == "correct" and all(line.ok for line in result.lines)


@pytest.mark.parametrize("position", [0, 1, 2, 3])
def test_one_slip_at_each_position_is_named_and_the_rest_follows(position: int) -> None:
    right = ["2x sin x + x^2 cos x", "x^2 cos x + 2x sin x", "x(2 sin x + x cos x)",
             "x(x cos x + 2 sin x)"]
    slipped = ["2x cos x", "2x cos x", "x(2 cos x)", "x(2 cos x)"]
    lines = right[:position] + slipped[position:]
    result = check_derivation("d/dx (x^2 sin x)", lines, timeout=None)
    assert result.verdict == "incorrect"
    assert result.first_wrong == position + 1
    assert [ln.ok for ln in result.lines] == [i < position for i in range(4)]
    assert all(ln.follows for ln in result.lines[position + 1:])
    assert result.counterexample is not None
    assert any(key == "check.note.follows" for key, _ in result.notes) == (position < 3)


def test_an_equals_chain_on_one_line_with_the_task_first() -> None:
    result = check_derivation("d/dx (x^2 sin x)",
                              "d/dx (x^2 sin x) = 2x sin x + x^2 cos x = x(2 sin x + x cos x)",
                              timeout=None)
    assert result.verdict == "correct" and len(result.lines) == 3
    wrong = check_derivation("d/dx (x^2 sin x)", "d/dx (x^2 sin x) = 2x cos x", timeout=None)
    assert wrong.first_wrong == 2 and wrong.verdict == "incorrect"


def test_the_library_name_is_callable() -> None:
    assert nablab.check("d/dx x^3", "3x^2").verdict == "correct"
    assert nablab.check_answer("d/dx x^3", "3x").verdict == "incorrect"
    result = nablab.check("d/dx x^3", derivation=["d/dx x^3", "3x^2"])
    assert isinstance(result, nablab.CheckResult) and len(result.lines) == 2
    assert "✓" in result.document("ko").text() and result._repr_latex_().startswith("$")


# -- properties ---------------------------------------------------------------------------------
x, y = sympy.symbols("x y", real=True)
ATOMS = st.sampled_from([x, y, x + 1, x - y, sympy.sin(x), sympy.cos(y), sympy.exp(x / 3),
                         x * y, sympy.Integer(2), sympy.Rational(1, 3)])


@st.composite
def expressions(draw: Any) -> Any:
    terms = draw(st.lists(st.tuples(ATOMS, ATOMS, st.integers(1, 3)), min_size=1, max_size=3))
    return sum((a * b ** k for a, b, k in terms), sympy.Integer(0))


@settings(max_examples=25, deadline=None)
@given(expressions(), st.sampled_from([sympy.expand, sympy.factor, sympy.trigsimp,
                                       sympy.expand_trig]))
def test_an_expression_is_equivalent_to_its_rewritings(expr: Any, rewrite: Any) -> None:
    assert compare(rewrite(expr), expr, (x, y)).equal is True


@settings(max_examples=25, deadline=None)
@given(expressions(), st.sampled_from([sympy.Integer(1), x / 100, sympy.sin(y) / 7]))
def test_a_perturbed_expression_is_not(expr: Any, delta: Any) -> None:
    result = compare(expr + delta, expr, (x, y))
    assert result.equal is False and result.counterexample is not None


def test_a_removable_gap_is_no_counterexample_but_a_simpler_form() -> None:
    result = check("d/dx (x^2)", "(x^2-1)/(x-1) + x - 1")
    assert result.verdict == "correct" and not result.simplified
    assert result.to_dict()["simpler"] == "2*x"


def test_a_gap_on_an_interval_is_a_counterexample() -> None:
    result = check("d/dx (x^2/2)", "sqrt(x)^2")
    assert result.verdict == "incorrect" and result.counterexample == {"x": -1}
    assert result.said[0] == "check.undefined"


def test_derivations_may_start_with_a_name_of_the_task() -> None:
    assert check_derivation("∇ (x^2 + y^2)", "∇f = (2x, 2y)", timeout=None).verdict == "correct"
    assert check_derivation("d/dx (x^2 sin x)", "f'(x) = 2x sin x + x^2 cos x",
                            timeout=None).verdict == "correct"


def test_points_found_only_numerically_match_exact_ones() -> None:
    result = check("critical sin(x) + y^2", "(pi/2, 0), (-pi/2, 0)")
    assert not result.complete and result.verdict == "incorrect"
    assert not any(abs(float(p[0]) ** 2 - 2.4674011) < 1e-6 for p in result.missing)


def test_a_step_reads_in_decimals() -> None:
    data = check("gd x^2 + y^2 from (3, 4) lr 0.1", "(3.6, 4.8)").to_dict()
    assert data["expected"] == "(2.4, 3.2)"


def test_power_towers_are_checked_in_time() -> None:
    right = "x^(x^(x^x))(x^(x^x)(x^x(ln(x) + 1) ln(x) + x^x/x) ln(x) + x^(x^x)/x)"
    assert check_answer("d/dx x^(x^(x^x))", right).verdict == "correct"
    assert check_answer("d/dx x^(x^(x^x))", "x^(x^(x^x))").verdict == "incorrect"


def test_a_name_the_task_does_not_have_is_pointed_out() -> None:
    result = check("d/dx x^2", "2t")
    assert result.verdict == "incorrect"
    assert ("check.note.foreign", {"names": "t"}) in result.notes
    assert "t가 있습니다" in result.document("ko").text()


@pytest.mark.parametrize(("task", "answer", "verdict"), [
    ("tangent x^3 at x = 1", "y = 3x - 2", "correct"),
    ("tangent x^3 at x = 1", "y - 1 = 3(x - 1)", "correct"),
    ("tangent line x^3 at 1", "3x - 2", "correct"),
    ("tangent x^3 at x = 1", "y = 3x - 1", "incorrect"),
    ("tangent x^3 at x = 1", "y^2 = 3x", "invalid"),
    ("tangent x^2 + y^2 at (1, 2)", "z = 2x + 4y - 5", "correct"),
    ("tangent plane x^2 + y^2 at x=1, y=2", "z - 5 = 2(x - 1) + 4(y - 2)", "correct"),
    ("tangent x^2 + y^2 at (1, 2)", "z = 2x + 4y", "incorrect"),
])
def test_tangent_lines_and_planes(task: str, answer: str, verdict: str) -> None:
    assert check(task, answer).verdict == verdict


def test_a_tangent_derivation_keeps_its_equations() -> None:
    result = check_derivation("tangent x^3 at x = 1",
                              "y - 1 = 3(x - 1)\ny = 3x - 3 + 1\ny = 3x - 2", timeout=None)
    assert result.verdict == "correct" and len(result.lines) == 3


def test_a_point_newton_did_not_find_is_checked_against_the_equations() -> None:
    # sin x + y²: critical points at x = π/2 + kπ; Newton's method searches [−10, 10]
    found = check("critical sin(x) + y^2", "(pi/2, 0), (-pi/2, 0)")
    assert found.verdict == "incorrect" and found.extra == ()     # missing, none extra
    far = check("critical sin(x) + y^2", "(21 pi/2, 0)")
    assert far.extra == () and len(far.missing) == 6              # a true one, not found
    wrong = check("critical sin(x) + y^2", "(1, 0)")
    assert wrong.extra == ((1, 0),)


def test_a_rounded_step_is_correct_with_a_note() -> None:
    result = check("gd x^2 + y^2 from (1/3, 1) lr 0.1", "(0.27, 0.8)")
    assert result.verdict == "correct"
    assert ("check.note.rounded", {}) in result.notes


def test_a_derivation_names_the_component_and_an_unreadable_line() -> None:
    vector = check_derivation("∇ (x^2 + 3xy + y^2)",
                              "∇f = (2x + 3y, 3x + 2y)\n= (2x + 3y, 3x + y)", timeout=None)
    assert vector.first_wrong == 3 and vector.said[0] == "check.line_wrong_component"
    assert vector.said[1]["component"] == 2
    typo = check_derivation("d/dx (x^2 sin x)", "2x sin x + x^2 cos x +\n= 2x sin x + x^2 cos x",
                            timeout=None)
    assert typo.first_wrong == 1 and typo.said[0] == "check.line_unreadable"
    assert typo.notes[0][0].startswith("error.")


@pytest.mark.parametrize("tiny", ["0.0000000001", "10^(-25)", "10^(-60)"])
def test_a_tiny_constant_apart_is_no_equality(tiny: str) -> None:
    result = check("d/dx x^2", f"2x + {tiny}")
    assert result.verdict == "incorrect" and result.counterexample is not None
    yours, right = result.said[1]["yours"], result.said[1]["right"]
    assert yours != right


@pytest.mark.parametrize(("task", "answer"), [
    ("임계점 x^3 - 3x + y^2", "(1, 0), (-1, 0)"),
    ("기울기 벡터 x^2 + y^2", "(2x, 2y)"),
    ("라그랑주 x y ; x^2 + y^2 = 1", "(1/sqrt(2), 1/sqrt(2)), (-1/sqrt(2), -1/sqrt(2)), "
                                  "(1/sqrt(2), -1/sqrt(2)), (-1/sqrt(2), 1/sqrt(2))"),
    ("경사하강법 x^2 + y^2 from (3, 4) lr 0.1", "(2.4, 3.2)"),
    ("접선 x^3 at x = 1", "y = 3x - 2"),
])
def test_tasks_in_korean_words(task: str, answer: str) -> None:
    assert check(task, answer).verdict == "correct"
