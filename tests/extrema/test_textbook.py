"""Issue 15's problem set: each textbook exercise decided as the textbook decides it.

Every answer in :mod:`extrema_problems` was worked by hand;
:func:`test_the_answer_key_itself` checks those answers against brute force on a fine grid
of each bounded set (no calculus), so the key is independent of nablab. The other tests
hold nablab to the key: the extreme exists and is the value and the points the key says,
proven (not the best of a search), or it provably does not exist.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np
import pytest
import sympy

import nablab
from nablab.parse import parse, parse_relation

from .extrema_problems import NONE, PROBLEMS, Problem

CONSTRAINED = [p for p in PROBLEMS if p.constraints]
FREE = [p for p in PROBLEMS if not p.constraints]


def _ids(problem: Problem) -> str:
    return problem.name


@cache
def _lagrange(problem: Problem) -> Any:
    return nablab.lagrange(problem.f, list(problem.constraints), check=False)


@cache
def _critical(problem: Problem) -> Any:
    return nablab.critical_points(problem.f)


def _symbols(names: tuple[str, ...]) -> list[sympy.Symbol]:
    return [sympy.Symbol(n, real=True) for n in names]


def _grid(problem: Problem) -> tuple[np.ndarray, np.ndarray]:
    """f on the points of a fine grid of ``problem.box`` that satisfy every constraint (each
    constraint split at its chain: ``a <= x <= b`` is two inequalities)."""
    assert problem.box is not None
    n = len(problem.box)
    names = ("x",) if n == 1 else ("x", "y")
    axes = [np.linspace(lo, hi, 400_001 if n == 1 else 1201) for lo, hi in problem.box]
    points = np.stack([a.ravel() for a in np.meshgrid(*axes, indexing="ij")], axis=1)
    keep = np.ones(len(points), dtype=bool)
    for text in problem.constraints:
        pieces = text.replace(">=", "<=").split("<=")
        if len(pieces) == 3 or ">=" in text:
            sides = [parse(p, list(names)).expr for p in pieces]
            if ">=" in text:
                sides.reverse()
            for low, high in zip(sides, sides[1:], strict=False):
                diff = sympy.lambdify(_symbols(names), high - low, "numpy")
                keep &= np.asarray(diff(*points.T) + 0 * points[:, 0]) >= -1e-12
        else:
            rel = parse_relation(text, list(names))
            diff = sympy.lambdify(_symbols(names), rel.rhs - rel.lhs, "numpy")
            keep &= np.asarray(diff(*points.T) + 0 * points[:, 0]) >= -1e-12
    f = sympy.lambdify(_symbols(names), parse(problem.f, list(names)).expr, "numpy")
    inside = points[keep]
    return inside, np.asarray(f(*inside.T), dtype=float)


@pytest.mark.parametrize("problem", [p for p in PROBLEMS if p.box], ids=_ids)
def test_the_answer_key_itself(problem: Problem) -> None:
    """Brute force on the set agrees with the hand-worked answer (to the grid's spacing)."""
    points, values = _grid(problem)
    spacing = max(hi - lo for lo, hi in problem.box or ()) / (400_000 if len(points[0]) == 1
                                                              else 1200)
    for answer, best, at in ((problem.maximum, values.max(), points[values.argmax()]),
                             (problem.minimum, values.min(), points[values.argmin()])):
        assert answer != NONE
        value, where = answer  # type: ignore[misc]
        assert best == pytest.approx(value, abs=50 * spacing)
        if where is not None:
            assert min(np.abs(np.array(p) - at).max() for p in where) < 0.05


def _same_points(found: tuple[dict[str, float], ...], expected: tuple[tuple[float, ...], ...],
                 ) -> None:
    got = sorted(tuple(round(v, 6) for v in p.values()) for p in found)
    want = sorted(tuple(round(v, 6) for v in p) for p in expected)
    assert got == want


def _check_constrained(extreme: Any, status: str, answer: Any) -> None:
    if answer == NONE:
        assert status == "unbounded"
        return
    value, where = answer
    assert status == "attained" and extreme is not None
    assert extreme.value == pytest.approx(value, rel=1e-9, abs=1e-9)
    assert extreme.proven, "the extreme is the best of a search, not proven"
    if where is not None:
        _same_points(extreme.points, where)


@pytest.mark.parametrize("problem", CONSTRAINED, ids=_ids)
def test_constrained_problem_is_decided(problem: Problem) -> None:
    result = _lagrange(problem)
    facts = result.global_analysis
    _check_constrained(facts.maximum, facts.maximum_status, problem.maximum)
    _check_constrained(facts.minimum, facts.minimum_status, problem.minimum)


def _check_free(extreme: Any, bounded: bool | None, answer: Any) -> None:
    if answer == NONE:
        assert bounded is False
        return
    value, where = answer
    assert extreme is not None, "the global extreme is not stated"
    assert extreme.value == pytest.approx(value, abs=1e-9)
    if where is not None:
        _same_points(extreme.points, where)


@pytest.mark.parametrize("problem", FREE, ids=_ids)
def test_unconstrained_problem_is_decided(problem: Problem) -> None:
    facts = _critical(problem).global_analysis
    _check_free(facts.maximum, facts.bounded_above, problem.maximum)
    _check_free(facts.minimum, facts.bounded_below, problem.minimum)
