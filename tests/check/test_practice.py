"""Practice problems: the same for a seed, varied across seeds, each answer right by SymPy.

The answers are nablab's (derivatives, ∇f, critical points, Lagrange candidates); here each
is recomputed by plain SymPy (``sympy.diff``, ``sympy.solve`` on ∇f = 0 or on the Lagrange
system) or, for a descent step, by the update rule restated with fractions.
"""

from __future__ import annotations

import io
import json
from fractions import Fraction
from typing import Any

import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nablab.check.practice import LEVELS, TOPICS, Problem, practice
from nablab.check.slips import expected, find_slip
from nablab.cli import main
from nablab.parse import parse, parse_relation

from .test_slips import same

SEEDS = range(6)


def sympy_answer(p: Problem) -> Any:
    """The problem's answer by plain SymPy (and fractions), not by nablab."""
    task = p.task
    f, variables = task.function.expr, task.variables
    if task.kind in ("derivative", "partial"):
        return sympy.diff(f, *task.wrt)
    if task.kind == "gradient":
        return tuple(sympy.diff(f, v) for v in variables)
    if task.kind == "gd_step":
        eta = Fraction(str(task.lr))
        at = dict(zip(variables, task.start or (), strict=True))
        return tuple(sympy.Rational(Fraction(t) - eta * Fraction(str(sympy.diff(f, v).subs(at))))
                     for v, t in zip(variables, task.start or (), strict=True))
    if task.kind == "critical":
        solutions = sympy.solve([sympy.diff(f, v) for v in variables], variables, dict=True)
        return frozenset(tuple(s[v] for v in variables) for s in solutions
                         if all(s[v].is_real for v in variables))
    lam = sympy.Symbol("lam")
    g = task.constraint
    system = [sympy.diff(f, v) - lam * sympy.diff(g, v) for v in variables] + [g]
    solutions = sympy.solve(system, [*variables, lam], dict=True)
    return frozenset(tuple(s[v] for v in variables) for s in solutions
                     if all(s[v].is_real for v in variables))


@pytest.mark.parametrize("topic", TOPICS)
@pytest.mark.parametrize("level", LEVELS)
def test_every_answer_is_plain_sympys(topic: str, level: int) -> None:
    for seed in SEEDS:
        p = practice(topic, seed, level)
        assert same(p.answer, sympy_answer(p)), (p.text, p.answer)


@pytest.mark.parametrize("topic", TOPICS)
def test_a_seed_gives_the_same_problem(topic: str) -> None:
    for seed in (0, 7, 12345):
        one, two = practice(topic, seed), practice(topic, seed)
        assert (one.text, one.answer_text, one.level) == (two.text, two.answer_text, two.level)
        assert one.to_dict("ko") == two.to_dict("ko")


@pytest.mark.parametrize("topic", TOPICS)
def test_seeds_give_varied_problems(topic: str) -> None:
    texts = {practice(topic, seed).text for seed in range(20)}
    assert len(texts) >= 6, texts
    levels = {practice(topic, seed).level for seed in range(20)}
    assert levels == set(LEVELS)


@pytest.mark.parametrize("topic", TOPICS)
def test_the_text_reads_as_the_task(topic: str) -> None:
    """The task's text, in the checker's syntax, says exactly what the task is."""
    for seed in SEEDS:
        p = practice(topic, seed)
        head, _, rest = p.text.partition(" ")
        if topic == "descent":
            formula = rest.split(" from ")[0]
            point = rest.split(" from ")[1].split(" lr ")[0]
            assert tuple(int(c) for c in point.strip("()").split(",")) == p.task.start
            assert Fraction(rest.split(" lr ")[1]) == Fraction(str(p.task.lr))
        elif topic == "lagrange":
            formula, relation = rest.split(";")
            r = parse_relation(relation)
            assert sympy.expand(r.lhs - r.rhs - p.task.constraint) == 0
        else:
            formula = rest[1:-1] if head != "critical" else rest
            assert head in ("d/dx", "∂/∂x", "∂/∂y", "∂/∂w", "∂/∂b", "∇", "critical")
        assert parse(formula).expr == p.task.function.expr


def test_problems_are_sensible() -> None:
    """Few exact critical points and candidates; a descent step on exact decimals."""
    for seed in range(20):
        for topic in ("critical", "lagrange"):
            p = practice(topic, seed)
            assert 1 <= len(p.answer) <= 4
            assert all(c.is_Integer for point in p.answer for c in point), p.text
        step = practice("descent", seed)
        assert all(c.is_Rational and (c * 10**4).is_Integer for c in step.answer)
        assert "/" not in step.answer_text


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(topic=st.sampled_from(TOPICS), seed=st.integers(0, 10**6))
def test_each_answer_is_nablabs_and_no_slip(topic: str, seed: int) -> None:
    p = practice(topic, seed)
    assert same(expected(p.task), p.answer)
    assert find_slip(p.task, p.answer, same) is None


def test_prompts_in_both_languages() -> None:
    p = practice("partials", 1, level=1)
    assert "편미분하시오" in p.prompt("ko") and "partial derivative" in p.prompt("en")
    assert "미분하시오" in practice("derivatives", 1).prompt("ko")
    assert "경사하강법" in practice("descent", 1).prompt("ko")
    assert "라그랑주 승수법" in practice("lagrange", 1).prompt("ko")


def test_bad_topic_and_level() -> None:
    with pytest.raises(ValueError, match="topic"):
        practice("integrals", 1)
    with pytest.raises(ValueError, match="level"):
        practice("derivatives", 1, level=4)


def _cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_cli_prints_the_problem_and_hides_the_answer() -> None:
    p = practice("descent", 3)
    code, out, _ = _cli("practice", "--topic", "descent", "--seed", "3", "--lang", "en")
    assert code == 0
    assert p.prompt("en") in out and p.text in out and p.answer_text not in out
    code, out, _ = _cli("practice", "--topic", "descent", "--seed", "3", "--show-answer",
                        "--lang", "ko")
    assert code == 0 and p.prompt("ko") in out and f"정답: {p.answer_text}" in out


def test_cli_json() -> None:
    code, out, _ = _cli("practice", "--topic", "lagrange", "--seed", "2", "--level", "2",
                        "--json")
    data = json.loads(out)
    assert code == 0 and list(data) == ["topic", "seed", "task", "prompt", "answer"]
    p = practice("lagrange", 2, level=2)
    assert data == {"topic": "lagrange", "seed": 2, "task": p.text, "prompt": p.prompt("en"),
                    "answer": p.answer_text}


def test_cli_refuses_a_bad_level() -> None:
    code, _, err = _cli("practice", "--level", "7", "--lang", "en")
    assert code == 2 and "--level must be 1, 2 or 3, got 7" in err
