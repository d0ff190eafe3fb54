"""Reading --domain: intervals of constants, never evaluated text."""

from __future__ import annotations

import math

import pytest

from nablab.critical.domain import resolve_domain
from nablab.errors import ParseError


@pytest.mark.parametrize("text, names, expected", [
    ("-5:5,-5:5", ("x", "y"), ((-5.0, 5.0), (-5.0, 5.0))),
    ("-5:5", ("x", "y", "z"), ((-5.0, 5.0),) * 3),
    (" -pi:pi , 0:1/2", ("x", "y"), ((-math.pi, math.pi), (0.0, 0.5))),
    ("y=0:1,x=-2e:2", ("x", "y"), ((-2 * math.e, 2.0), (0.0, 1.0))),
    ("−1:√2", ("x",), ((-1.0, math.sqrt(2)),)),
])
def test_domains(text: str, names: tuple[str, ...], expected) -> None:
    got = resolve_domain(text, names)
    assert got is not None and len(got) == len(expected)
    for pair, want in zip(got, expected, strict=True):
        assert pair == pytest.approx(want)


def test_other_forms() -> None:
    assert resolve_domain(None, ("x",)) is None
    assert resolve_domain((-1, 2), ("x", "y")) == ((-1.0, 2.0), (-1.0, 2.0))
    assert resolve_domain([(0, 1), (2, 3)], ("x", "y")) == ((0.0, 1.0), (2.0, 3.0))
    assert resolve_domain({"y": (0, 1), "x": (2, 3)}, ("x", "y")) == ((2.0, 3.0), (0.0, 1.0))


@pytest.mark.parametrize("text", ["5:-5", "1:1", "a:b", "1:2:3", "1", "0:1,0:1,0:1",
                                  "x=0:1", "x=0:1,2:3", "__import__('os'):1", "0:inf",
                                  "0:1e400", "z=0:1,y=0:1", "0:" + "9" * 3000])
def test_bad_domains(text: str) -> None:
    with pytest.raises(ParseError) as info:
        resolve_domain(text, ("x", "y"))
    assert info.value.kind == "bad_domain"
