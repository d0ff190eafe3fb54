"""Chains of two inequalities read as two relations, through the grammar."""

from __future__ import annotations

import pytest
import sympy

from nablab import lagrange
from nablab.errors import ParseError, UnsupportedError
from nablab.parse import parse_relation, parse_relations


def test_a_chain_is_two_relations_each_with_its_own_text() -> None:
    low, high = parse_relations("1 <= x <= 4")
    x = sympy.Symbol("x", real=True)
    assert (low.source, low.op, high.source, high.op) == ("1 <= x", "<=", "x <= 4", "<=")
    assert sympy.simplify(low.rhs - x) == 0 and high.lhs == low.rhs and high.rhs == 4
    assert [r.unicode for r in parse_relations("0 ≤ x ≤ 2 pi")] == ["0 ≤ x", "x ≤ 2π"]


def test_one_relation_stays_one() -> None:
    (only,) = parse_relations("x^2 + y^2 <= 1")
    assert only.source == "x^2 + y^2 <= 1"


@pytest.mark.parametrize("text", ["1 <= x >= 4", "1 = x <= 4", "0 <= x <= y <= 1"])
def test_a_chain_that_is_not_one_interval_is_refused(text: str) -> None:
    with pytest.raises(ParseError):
        parse_relations(text)


def test_lagrange_reads_a_chain_as_two_constraints_and_refuses_a_strict_one() -> None:
    result = lagrange("x^2", "-2 <= x <= 2", check=False)
    assert [c.typed for c in result.constraints] == ["−2 ≤ x", "x ≤ 2"]
    assert result.maximum is not None and result.maximum.value == 4
    with pytest.raises(UnsupportedError):
        lagrange("x", "1 < x <= 4", check=False)


def test_parse_relation_points_a_chain_to_the_chain_reader() -> None:
    with pytest.raises(ParseError) as caught:
        parse_relation("1 <= x <= 4")
    assert caught.value.hint == "chain"
    with pytest.raises(ParseError) as caught:
        parse_relation("x = y = 1")
    assert caught.value.hint == "relation"


def test_the_library_takes_a_chain_in_a_list() -> None:
    result = lagrange("x^2 + 2/x", ["1 <= x <= 4"], check=False)
    assert [c.typed for c in result.constraints] == ["1 ≤ x", "x ≤ 4"]
    assert result.maximum is not None and result.maximum.value == pytest.approx(16.5)
