"""Property: whatever nablab (or SymPy) prints, nablab reads back as the same expression."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sympy import Abs, Rational, asin, atan, cos, exp, log, pi, sin, sinh, sqrt, tanh

import nablab
from nablab.core.differentiate import tree_size
from nablab.core.functions import relu, sigmoid
from nablab.core.printing import to_latex, to_str, to_unicode

# Hypothesis describes the recursive strategy itself in a 46 kB repr when it reports; harmless.
pytestmark = pytest.mark.filterwarnings("ignore:Generating overly large repr")

x, y, z, w1, theta = sympy.symbols("x y z w1 theta", real=True)
UNARY: list[Callable[[Any], Any]] = [sin, cos, exp, log, sqrt, Abs, tanh, sigmoid, relu, asin,
                                     atan, sinh]
EXPONENTS = [2, 3, -1, -2, Rational(1, 2), Rational(1, 3), Rational(2, 3)]

leaves = st.one_of(
    st.sampled_from([x, y, z, w1, theta]),
    st.integers(1, 9).map(sympy.Integer),
    st.sampled_from([pi, Rational(1, 2), Rational(-3, 4)]),
)


def _extend(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    pairs = st.tuples(children, children)
    variable_only = children.filter(lambda e: bool(e.free_symbols))
    return st.one_of(
        pairs.map(lambda t: t[0] + t[1]),
        pairs.map(lambda t: t[0] - t[1]),
        pairs.map(lambda t: t[0] * t[1]),
        pairs.filter(lambda t: t[1] != 0).map(lambda t: t[0] / t[1]),
        # powers and functions of variables only: constants like (-6)^(1/3), asin(5) or
        # 9^(3^10) are checked by nablab itself (not real, too large), not round-tripped
        st.tuples(variable_only, st.sampled_from(EXPONENTS)).map(lambda t: t[0] ** t[1]),
        st.tuples(st.sampled_from(UNARY), variable_only).map(lambda t: t[0](t[1])),
    )


def _ok(expr: Any) -> bool:
    return (bool(expr.free_symbols) and tree_size(expr, 60) <= 60
            and not expr.has(sympy.zoo, sympy.nan, sympy.oo, sympy.I))


def same(parsed: Any, expr: Any) -> bool:
    """Structurally equal, or equal as functions (SymPy may distribute 2·(x + y))."""
    return bool(parsed == expr or (parsed - expr).equals(0))


expressions = st.recursive(leaves, _extend, max_leaves=8).filter(_ok)

SETTINGS = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.filter_too_much, HealthCheck.too_slow])


@SETTINGS
@given(expressions)
def test_unicode_roundtrip(expr: Any) -> None:
    assert same(nablab.parse(to_unicode(expr)).expr, expr)


@SETTINGS
@given(expressions)
def test_latex_roundtrip(expr: Any) -> None:
    assert same(nablab.parse(to_latex(expr)).expr, expr)


@SETTINGS
@given(expressions)
def test_sympy_str_roundtrip(expr: Any) -> None:
    assert same(nablab.parse(to_str(expr)).expr, expr)


@SETTINGS
@given(expressions)
def test_the_typed_form_reads_back(expr: Any) -> None:
    """What the output shows as typed, pasted back, is the same function."""
    for text in (to_unicode(expr), to_latex(expr), to_str(expr)):
        typed = nablab.parse(text)
        assert same(nablab.parse(typed.unicode).expr, expr), typed.unicode
        assert same(nablab.parse(typed.latex).expr, expr), typed.latex
