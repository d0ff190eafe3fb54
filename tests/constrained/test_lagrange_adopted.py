"""An incomplete (numeric) Lagrange search never lists fewer points than SciPy's cross-check
reached: the runs' missed points are refined by Newton and added (constrained/adopted.py)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.optimize import minimize_scalar

from nablab.constrained.lagrange import lagrange
from nablab.i18n import translate

F, CIRCLE = "exp(x) + y", "x^2 + y^2 = 4"
#: A search box the circle of radius 2 never enters: Newton there finds no candidate.
SMALL_BOX = [(-1.0, 1.0), (-1.0, 1.0)]


def _on_circle(sense: int) -> tuple[float, float]:
    """The extreme of e^x + y on x² + y² = 4 by a second method: f(2cos t, 2sin t) over t."""
    def g(t: float) -> float:
        return sense * (math.exp(2 * math.cos(t)) + 2 * math.sin(t))

    grid = np.linspace(-math.pi, math.pi, 721)
    t0 = float(grid[np.argmin([g(t) for t in grid])])
    t = minimize_scalar(g, bracket=(t0 - 0.01, t0, t0 + 0.01), tol=1e-12).x
    return 2 * math.cos(t), 2 * math.sin(t)


def test_points_only_the_check_reached_are_added() -> None:
    # Before: 0 candidates, "no highest point found", though SciPy's 10 runs all converged.
    result = lagrange(F, CIRCLE, bounds=SMALL_BOX)
    assert result.method == "newton" and result.complete is False
    check = result.check
    assert check is not None and check.adopted == 2
    assert check.maximum.matched == check.maximum.converged > 0
    assert check.minimum.matched == check.minimum.converged > 0
    top, bottom = result.maximum, result.minimum
    assert top is not None and bottom is not None
    for extreme, sense in ((top, -1), (bottom, 1)):
        expected = _on_circle(sense)
        point = extreme.points[0]
        assert np.allclose(list(point.values()), expected, atol=1e-7)
    for c in result.candidates:
        assert c.residual < 1e-12
        x, y = c.point["x"], c.point["y"]
        lam = c.multipliers[0]   # ∇f = λ∇g, checked by hand
        assert math.isclose(math.exp(x), lam * 2 * x, rel_tol=1e-10)
        assert math.isclose(1.0, lam * 2 * y, rel_tol=1e-10)


def test_the_same_candidates_as_a_search_that_found_them() -> None:
    adopted = lagrange(F, CIRCLE, bounds=SMALL_BOX)
    searched = lagrange(F, CIRCLE)
    assert searched.check is not None and searched.check.adopted == 0
    assert [c.kind for c in adopted.candidates] == [c.kind for c in searched.candidates]
    for a, s in zip(adopted.candidates, searched.candidates, strict=True):
        assert np.allclose(list(a.point.values()), list(s.point.values()), atol=1e-12)


def test_an_inequality_gets_its_active_set() -> None:
    result = lagrange(F, "x^2 + y^2 <= 4", bounds=[(-0.5, 0.5), (-0.5, 0.5)])
    assert result.check is not None and result.check.adopted == 2
    assert all(c.active == (True,) for c in result.candidates)
    assert sorted(c.kind for c in result.candidates) == ["maximum", "minimum"]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_it_is_said_and_the_search_count_stays_the_searchs(lang: str) -> None:
    result = lagrange(F, CIRCLE, bounds=SMALL_BOX)
    keys = dict(result.notes)
    # what Newton itself found: nothing, said as such (not "found 0 candidate(s)")
    assert "lagrange.method.newton" not in keys
    assert set(keys["lagrange.method.newton_none"]) == {"starts", "box"}
    assert keys["lagrange.check.adopted"] == {"count": 2}
    said = result.explain(lang)
    assert translate("lagrange.check.adopted", lang, count=2) in said
    assert translate("lagrange.method.newton_none", lang,
                     **keys["lagrange.method.newton_none"]) in said
    assert " 0 " not in said and "0개" not in said
    assert result.to_dict(lang)["check"]["adopted"] == 2


def test_without_the_check_nothing_is_added_and_nothing_claimed() -> None:
    result = lagrange(F, CIRCLE, bounds=SMALL_BOX, check=False)
    assert result.candidates == () and result.complete is False
    assert result.maximum is None


def test_an_exact_result_is_left_alone() -> None:
    result = lagrange("4 - x^2 - 2y^2", "2(x-1)^2 - 10y + 6 = 0")
    assert result.complete and result.check is not None
    assert result.check.adopted == 0 and result.to_dict()["check"]["adopted"] == 0
    assert "lagrange.check.adopted" not in dict(result.notes)
