"""The constraint set drawn: the closed interval method (one variable) and regions (two).

The marks are read back from the figure and compared with values worked by hand, not with
what the solver said: a marker on a point that is not an extreme would be a wrong picture.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

import nablab
from nablab.plot import lagrange as lagrange_plot
from nablab.plot.feasible import inside


def _marks(ax: Any) -> dict[str, list[tuple[float, float]]]:
    """Marker → the points drawn with it (lines of one point, no line style)."""
    out: dict[str, list[tuple[float, float]]] = {}
    for line in ax.get_lines():
        x, y = line.get_data()
        if len(x) == 1 and line.get_linestyle() in ("None", "none", ""):
            out.setdefault(str(line.get_marker()), []).append((float(x[0]), float(y[0])))
    return {k: sorted(v) for k, v in out.items()}


def _near(found: list[tuple[float, float]], expected: list[tuple[float, float]]) -> bool:
    """The same points, in order, to 1e-9."""
    return len(found) == len(expected) and np.allclose(found, expected, atol=1e-9)


def test_the_closed_interval_method_marks_the_ends_and_the_critical_points() -> None:
    # f = x³ − 6x² + 9x + 2 on [0, 4]: f' = 3(x − 1)(x − 3); f(0) = 2, f(1) = 6, f(3) = 2,
    # f(4) = 6 — two highest points and two lowest.
    result = nablab.lagrange("x^3 - 6x^2 + 9x + 2", ["x >= 0", "x <= 4"], check=False)
    ax = lagrange_plot.lagrange_figure(result, "en").axes[0]
    marks = _marks(ax)
    assert _near(marks["^"], [(1.0, 6.0), (4.0, 6.0)])
    assert _near(marks["v"], [(0.0, 2.0), (3.0, 2.0)])
    low, high = ax.get_xlim()
    assert low < 0 and high > 4 and ax.get_ylim()[0] < 2 and ax.get_ylim()[1] > 6


def test_a_region_is_shaded_where_every_constraint_holds() -> None:
    # Stewart §14.7 ex. 7: x² − 2xy + 2y on [0, 3] × [0, 2]: max 9 at (3, 0), min 0 at
    # (0, 0) and (2, 2).
    result = nablab.lagrange("x^2 - 2xy + 2y", ["x >= 0", "x <= 3", "y >= 0", "y <= 2"],
                             check=False)
    figure = lagrange_plot.lagrange_figure(result, "ko")
    marks = _marks(figure.axes[0])
    assert _near(marks["^"], [(3.0, 0.0)])
    assert _near(marks["v"], [(0.0, 0.0), (2.0, 2.0)])
    x = np.array([-0.1, 0.0, 1.5, 3.0, 3.1, 1.0])
    y = np.array([1.0, 0.0, 1.0, 2.0, 1.0, 2.1])
    assert inside(result, x, y).tolist() == [False, True, True, True, False, False]


def test_three_variables_are_still_refused_with_a_reason() -> None:
    result = nablab.lagrange("x + y + z", ["x^2 + y^2 + z^2 = 1"], check=False)
    with pytest.raises(nablab.UnsupportedError) as caught:
        lagrange_plot.lagrange_figure(result, "en")
    assert "3 variables" in str(caught.value)


def test_one_inequality_is_a_region_with_its_interior_minimum() -> None:
    """x² + y² on the diamond |x| + |y| ≤ 1 (by hand): lowest 0 at the centre, which is
    inside the set and on no path; highest 1 at the four corners, where ∇g does not exist.
    Drawn as the region (a path would call the centre a point "on the constraint")."""
    result = nablab.lagrange("x^2 + y^2", "|x| + |y| <= 1", check=False)
    figure = lagrange_plot.lagrange_figure(result, "en")
    assert len(figure.axes) == 1                       # no hike: the set is not a path
    marks = _marks(figure.axes[0])
    assert _near(marks["v"], [(0.0, 0.0)])
    assert _near(marks["^"], [(-1.0, 0.0), (0.0, -1.0), (0.0, 1.0), (1.0, 0.0)])
