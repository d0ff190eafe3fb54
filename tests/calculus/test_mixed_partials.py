"""Mixed partial derivatives in a given order against sympy.diff, Clairaut, and the classic
counter-example against nested difference quotients in high precision."""

from __future__ import annotations

import io
import json

import mpmath
import pytest
import sympy

from nablab.calculus.mixed import COUNTEREXAMPLE, mixed_partial, partial_by_limits
from nablab.cli import main
from nablab.errors import UnsupportedError
from nablab.jobs import DiffRequest

x, y, z = sympy.symbols("x y z", real=True)


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["diff", *args], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(("text", "order"), [
    ("x^2 y^3 z + sin(x y)", ("x", "y", "z")), ("e^(x y) + x^3 y", ("x", "x", "y")),
    ("ln(1 + x^2 + y^2)", ("y", "x")), ("x^4", ("x", "x", "x")),
    ("sin(x) cos(y) z^2", ("z", "y", "x", "z")),
])
def test_each_step_against_sympy_diff(text: str, order: tuple[str, ...]) -> None:
    result = mixed_partial(text, order)
    f = result.expression.expr
    symbols = [result.expression.symbol(v) for v in order]
    for k, (name, derivative) in enumerate(result.steps, start=1):
        assert name == "f_" + "".join(order[:k])
        assert sympy.simplify(derivative - sympy.diff(f, *symbols[:k])) == 0
    assert result.agree is True   # smooth where defined: Clairaut
    distinct = len(list(sympy.utilities.iterables.multiset_permutations(list(order))))
    assert len(result.orderings) == distinct


def test_values_at_a_point() -> None:
    result = mixed_partial("x^2 y^3 z + sin(x y)", ["x", "y", "z"], {"x": 1, "y": 2, "z": 0})
    assert result.values is not None and set(result.values) == {24}
    assert result.values_agree is True and not result.limit_definition


def test_the_counterexample_has_different_mixed_partials_at_the_origin() -> None:
    result = mixed_partial(COUNTEREXAMPLE, ["x", "y"], {"x": 0, "y": 0})
    assert result.limit_definition
    assert dict(zip([o for o, _ in result.orderings], result.values or (), strict=True)) == {
        ("x", "y"): -1, ("y", "x"): 1}
    assert result.values_agree is False
    # away from the origin the two orders are the same function
    assert result.agree is True


def _nested_quotient(first: int) -> mpmath.mpf:
    """f_xy(0, 0) (first = 0) or f_yx(0, 0) from difference quotients, 60 digits."""
    mpmath.mp.dps = 60

    def f(a: mpmath.mpf, b: mpmath.mpf) -> mpmath.mpf:
        return mpmath.mpf(0) if a == b == 0 else a * b * (a * a - b * b) / (a * a + b * b)

    h, k = mpmath.mpf("1e-40"), mpmath.mpf("1e-12")

    def partial(offset: mpmath.mpf) -> mpmath.mpf:
        if first == 0:   # f_x(0, offset)
            return (f(h, offset) - f(-h, offset)) / (2 * h)
        return (f(offset, h) - f(offset, -h)) / (2 * h)

    return (partial(k) - partial(-k)) / (2 * k)


def test_the_counterexample_against_difference_quotients() -> None:
    assert float(_nested_quotient(0)) == pytest.approx(-1, abs=1e-9)
    assert float(_nested_quotient(1)) == pytest.approx(1, abs=1e-9)
    f = x * y * (x ** 2 - y ** 2) / (x ** 2 + y ** 2)
    assert partial_by_limits(f, [x, y], {x: 0, y: 0}) == -1
    assert partial_by_limits(f, [y, x], {x: 0, y: 0}) == 1


def test_cli_json_korean_and_refusals() -> None:
    code, out, err = cli(COUNTEREXAMPLE, "--mixed", "x,y", "--at", "0,0", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["order"] == ["x", "y"] and data["values"] == ["-1", "1"]
    assert data["values_agree"] is False and data["limit_definition"] is True
    code, out, _ = cli("x^2 y^3 z", "--mixed", "x,y,z", "--lang", "ko")
    assert code == 0 and "f_xyz = 6xy²" in out and "클레로 정리" in out
    code, out, _ = cli("x^2 y^3 z", "--mixed", "x,y,z")
    assert "Clairaut" in out
    assert cli("x^2 y", "--mixed", "x,q")[0] == 1
    assert cli("x^2 y", "--mixed", ",".join("x" * 9))[0] == 3
    code, _, err = cli("x^2 y", "--mixed", "x,y", "--plot", "never-written.png")
    assert code == 3 and "--mixed" in err


def test_request() -> None:
    result = DiffRequest(expression="x^3 y", mixed="x,x,y").run()
    assert str(result) == "f_xxy = 6x"
    with pytest.raises(UnsupportedError):
        DiffRequest(expression="x^3 y", mixed="x,y").check_drawable()


def test_third_order_values_by_the_limit_definition() -> None:
    """f_xy(x, 0) = 1 for x ≠ 0 but f_xy(0, 0) = −1, so f_xyx(0, 0) does not exist;
    f_yx(x, 0) = 1 = f_yx(0, 0), so f_yxx(0, 0) = 0; f_xx vanishes on x = 0 (odd in x)."""
    f = x * y * (x ** 2 - y ** 2) / (x ** 2 + y ** 2)
    assert partial_by_limits(f, [x, y, x], {x: 0, y: 0}) is None
    assert partial_by_limits(f, [y, x, x], {x: 0, y: 0}) == 0
    assert partial_by_limits(f, [x, x, y], {x: 0, y: 0}) == 0
    assert sympy.simplify(sympy.diff(f, x, y).subs(y, 0)) == 1     # the oracle's first claim
    result = mixed_partial(COUNTEREXAMPLE, ["x", "x", "y"], {"x": 0, "y": 0})
    assert result.limit_definition and result.values == (0, None, 0)
    text = result.document("en").text()
    assert "f_xyx(0, 0): does not exist" in text and "—" not in text


def test_mixed_partials_are_printed_as_one_quotient() -> None:
    """The textbook's f_xy of the counter-example: (x⁶ + 9x⁴y² − 9x²y⁴ − y⁶)/(x² + y²)³."""
    result = mixed_partial(COUNTEREXAMPLE, ["x", "y"])
    book = (x ** 6 + 9 * x ** 4 * y ** 2 - 9 * x ** 2 * y ** 4 - y ** 6) / (x ** 2 + y ** 2) ** 3
    assert sympy.simplify(result.derivative - book) == 0
    assert str(result) == "f_xy = (x⁶ + 9x⁴y² − 9x²y⁴ − y⁶)/(x² + y²)³"
    assert dict(result.steps)["f_x"] == y * (x ** 4 + 4 * x ** 2 * y ** 2 - y ** 4) \
        / (x ** 2 + y ** 2) ** 2
