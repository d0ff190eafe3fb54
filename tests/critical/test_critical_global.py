"""Global statements, each checked independently: claimed minima against f sampled on a
large random set, unbounded lines against f evaluated far along them."""

from __future__ import annotations

from functools import cache

import numpy as np
import pytest
import sympy

import nablab
from nablab.critical import critical_points


@cache
def _result(text: str) -> nablab.CriticalPointsResult:
    return critical_points(text)


def _values(text: str, points: np.ndarray) -> np.ndarray:
    f = nablab.parse(text)
    return np.asarray(sympy.lambdify(f.variables, f.expr, "numpy")(*points), dtype=float)


def _sample(n: int, scale: float = 20.0) -> np.ndarray:
    return np.random.default_rng(1).uniform(-scale, scale, size=(n, 200_000))


@pytest.mark.parametrize("text, reason", [
    ("x^2 + y^2", "coercive"),
    ("(x^2 + y - 11)^2 + (x + y^2 - 7)^2", "coercive"),
    ("x^4 - 2x^2 + y^2", "coercive"),
    ("x^2 + y^4 + z^2 - x z", "coercive"),
])
def test_global_minimum_is_below_every_sample(text: str, reason: str) -> None:
    result = _result(text)
    minimum = result.global_analysis.minimum
    assert minimum is not None and minimum.reason == reason
    assert result.global_analysis.bounded_below and result.global_analysis.coercive
    sample = _values(text, _sample(len(result.variables)))
    assert sample.min() >= minimum.value - 1e-9
    for point in minimum.points:
        assert _values(text, np.array(list(point.values()))[:, None])[0] == \
            pytest.approx(minimum.value, abs=1e-9)


def test_notes_argument_for_x2_plus_y2() -> None:
    minimum = _result("x^2 + y^2").global_analysis.minimum
    assert (minimum.value_exact, minimum.unicode, minimum.certificate) == ("0", ("(0, 0)",),
                                                                         "x² + y²")
    keys = [key for key, _ in _result("x^2 + y^2").notes]
    assert "critical.global.minimum_coercive" in keys
    assert "critical.global.minimum_even_powers" in keys


def test_global_maximum() -> None:
    result = _result("1 - x^2 - 2y^2 + x y")
    maximum = result.global_analysis.maximum
    assert maximum is not None and maximum.reason == "coercive"
    assert _values("1 - x^2 - 2y^2 + x y", _sample(2)).max() <= maximum.value + 1e-9


@pytest.mark.parametrize("text", ["x^3 - 3x + y^2", "x^2 y^2 - x", "x + y", "x^3 - 3x y^2",
                                  "x^2 - y^2"])
def test_unbounded_below_along_the_stated_line(text: str) -> None:
    analysis = _result(text).global_analysis
    line = analysis.below
    assert analysis.bounded_below is False and line is not None
    assert analysis.minimum is None
    sign = 1 if line.t_limit == "+inf" else -1
    far = np.array(line.direction, dtype=float)[:, None] * sign * np.array([1e2, 1e3, 1e4])
    values = _values(text, far)
    assert np.all(np.diff(values) < 0) and values[-1] < -1e3


def test_no_claim_when_it_cannot_be_proven() -> None:
    # Peano's function is unbounded below (along y = 3x²/2), but not along any line: no claim.
    analysis = _result("(y - x^2)(y - 2x^2)").global_analysis
    assert analysis.minimum is None and analysis.bounded_below is None
    keys = [k for k, _ in _result("(y - x^2)(y - 2x^2)").notes]
    assert not [k for k in keys if "minimum" in k or "unbounded_below" in k]


def test_non_polynomial_gets_no_global_extremum_it_cannot_prove() -> None:
    # sin x + y² ≥ −1 is proven term by term, but −1 is reached only at irrational points
    # (3π/2 + 2kπ, 0), which a numeric point cannot show exactly: no global minimum claimed.
    # Along (0, t), f = t² → +∞: no global maximum.
    result = critical_points("sin(x) + y^2", "-4:4")
    assert result.global_analysis.minimum is None
    assert result.global_analysis.bounded_below is True
    assert result.global_analysis.bounded_above is False
    keys = [k for k, _ in result.notes]
    assert "critical.global.minimum_open" in keys and "critical.global.unbounded_above" in keys


def test_the_shifted_f_reads_as_written_for_a_negative_minimum() -> None:
    """x² + 2y² − 4x = (x − 2)² + 2y² − 4: the certificate is f + 4 = 2y² + (x − 2)² ≥ 0,
    never "f − −4"."""
    said = " ".join(critical_points("x^2 + 2y^2 - 4x").explain("en"))
    assert "f + 4 = 2y² + (x − 2)² ≥ 0" in said and "− −" not in said
