"""A generated corpus of 210 expressions: every derivation equals ``sympy.diff`` and mpmath.

For each expression: the result minus ``sympy.diff`` simplifies to 0 and vanishes at random
points; mpmath's numeric derivative agrees; the tree's ``eval()`` recomputes its output; each
step's output is the next step's input, and every expression in the chain equals f′.
"""

from __future__ import annotations

import functools
import random
from types import SimpleNamespace
from typing import Any

import pytest
import sympy
from sympy import Abs, Integer, Rational, atan, cos, exp, log, sin, sinh, sqrt, tan, tanh

from nablab import Expression, derivative_steps, sigmoid
from nablab.calculus.notation import resolve
from nablab.calculus.steps import RULE_NAMES

x, y = sympy.symbols("x y", real=True)
UNARY = (sin, cos, tan, exp, atan, sinh, tanh, sigmoid, Abs,
         lambda u: log(u**2 + 1), lambda u: sqrt(u**2 + 1), lambda u: exp(-u))


def _expr(rng: random.Random, depth: int) -> Any:
    if depth == 0:
        return rng.choice((x, x, x, y, Integer(rng.randint(2, 5)), Rational(1, 2)))
    a = _expr(rng, depth - 1)
    kind = rng.choice(("add", "mul", "div", "pow", "unary", "unary", "scale"))
    if kind == "add":
        return a + _expr(rng, depth - 1)
    if kind == "mul":
        return a * _expr(rng, depth - 1)
    if kind == "div":
        return a / (_expr(rng, depth - 1) ** 2 + 1)
    if kind == "pow":
        return a ** rng.choice((2, 3, -1, x))
    if kind == "scale":
        return rng.choice((-4, -3, -2, -1, 2, 3, 4)) * a
    return rng.choice(UNARY)(a)


def corpus(size: int = 210, seed: int = 2025) -> list[Any]:
    """``size`` distinct expressions in x (some with y, held constant), nesting up to 3."""
    rng = random.Random(seed)
    found: dict[str, Any] = {}
    while len(found) < size:
        e = _expr(rng, rng.randint(1, 3))
        if e.has(x) and sympy.count_ops(e) <= 14 and \
                not sympy.diff(e, x).has(sympy.zoo, sympy.nan):
            found.setdefault(sympy.srepr(e), e)
    return list(found.values())


CORPUS = corpus()


def test_corpus_is_large_and_varied() -> None:
    assert len(CORPUS) >= 200
    rules = {s.rule for e in CORPUS for s in _derive(e).steps}
    # undefined functions f(x) have their own tests (tests/calculus/test_abstract_functions.py)
    assert rules >= set(RULE_NAMES) - {"unknown", "inverse_trig", "logarithm", "abstract"}


@functools.cache
def _derive(e: Any) -> Any:
    variables = [x, y] if e.has(y) else [x]
    return derivative_steps(Expression.from_sympy(e, variables), "x")


@pytest.mark.parametrize("index", range(len(CORPUS)), ids=[str(e) for e in CORPUS])
def test_corpus_expression(index: int, oracle: SimpleNamespace) -> None:
    e = CORPUS[index]
    d = _derive(e)
    reference = sympy.diff(e, x)
    assert oracle.symbolically_zero(d.result - reference), (d.result, reference)
    points = oracle.numeric_points(reference, x, count=2, function=e)
    for point in points:
        ours, theirs = (complex(v.xreplace(point).evalf(25)) for v in (d.result, reference))
        assert abs(ours - theirs) <= 1e-12 * (1 + abs(theirs))
    if points:
        assert oracle.agrees_with_mpmath(d.result, e, x, points[0])
    assert d.root.eval() == d.root.output
    assert d.verified is not False
    # every expression of the chain equals f′: checked numerically on a third of the corpus
    _check_chain(d, reference, points[:1] if index % 3 == 0 else [])


def _check_chain(d: Any, reference: Any, points: list[dict[Any, Any]]) -> None:
    tree = [s for s in d.steps if s.step is not None]
    assert all(s.rule in RULE_NAMES for s in d.steps)
    for before, after in zip(tree, tree[1:], strict=False):
        assert before.after == after.before
    assert sympy.expand(tree[-1].after - d.raw) == 0
    for s in tree:
        state = resolve(s.before)
        for point in points:
            value = complex(state.xreplace(point).evalf(25))
            expected = complex(reference.xreplace(point).evalf(25))
            assert abs(value - expected) <= 1e-12 * (1 + abs(expected)), s.rule
