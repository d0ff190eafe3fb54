"""Pictures that tell the truth (issue 14, item 7): every check against an independent value."""

from __future__ import annotations

import re

import numpy as np
import pytest
from scipy.optimize import minimize_scalar

from nablab.constrained import lagrange
from nablab.optimize import race
from nablab.parse import parse
from nablab.plot import axes
from nablab.plot import lagrange as lagrange_plot
from nablab.plot.descent import race_figure
from nablab.plot.paths import draw_losses, wants_log
from nablab.plot.runs import Run

PATH = "2(x-1)^2 - 10y + 6 = 0"


def _path_y(x: float) -> float:
    return (2 * (x - 1) ** 2 + 6) / 10


@pytest.fixture(scope="module")
def bowl():
    return lagrange("x^2+y^2", PATH)


@pytest.fixture(scope="module")
def lowest() -> float:
    """min of x² + y² on y = (2(x − 1)² + 6)/10, by SciPy along the path (≈ 0.5692)."""
    return float(minimize_scalar(lambda x: x**2 + _path_y(x) ** 2).fun)


def test_hike_marks_the_lowest_point_and_no_highest(bowl, lowest) -> None:
    walk = lagrange_plot.lagrange_figure(bowl, "en").axes[1]
    marks = {line.get_marker(): line for line in walk.get_lines() if len(line.get_xdata()) == 1}
    assert "^" not in marks  # x² + y² is unbounded on the parabola: no highest point
    assert marks["v"].get_ydata()[0] == pytest.approx(lowest, abs=1e-6)
    assert lowest == pytest.approx(0.569, abs=5e-4)
    assert "lowest point: f = 0.5692" in walk.get_legend().get_texts()[0].get_text()


def test_plane_draws_the_level_curve_that_touches_the_path(bowl, lowest) -> None:
    plane = lagrange_plot.lagrange_figure(bowl, "en").axes[0]
    (level,) = [line for line in plane.get_lines() if line.get_linestyle() == "--"]
    x, y = level.get_xdata(), level.get_ydata()
    assert np.max(np.abs(x**2 + y**2 - lowest)) < 1e-3  # the circle f = f*
    gap = np.abs(y - _path_y(x))  # it meets the path at one point, and stays below it
    assert gap.min() < 0.02 and np.all(y <= _path_y(x) + 1e-3)
    assert "level curve f = 0.5692" in [t.get_text() for t in plane.get_legend().get_texts()][1]


def test_candidate_label_keeps_clear_of_the_gradient_arrows() -> None:
    dx, dy = lagrange_plot.label_offset((0.447456, 1.44104))
    u = np.array([0.447456, 1.44104]) / np.hypot(0.447456, 1.44104)
    cosine = (dx * u[0] + dy * u[1]) / np.hypot(dx, dy)
    assert abs(cosine) == pytest.approx(np.cos(np.pi / 4), abs=1e-9)


def test_contour_panels_use_one_scale_for_comparable_ranges() -> None:

    runs = race("x^2 + y^2", (3, 4), ["gd", "adam"], steps=40)
    figure = race_figure(parse("x^2 + y^2"), runs, "en")
    assert figure.axes[0].get_aspect() == 1.0
    assert axes.equal_scale(((-5, 5), (-3, 3))) and not axes.equal_scale(((-5, 5), (-100, 100)))


def test_rosenbrock_levels_resolve_the_valley() -> None:

    surface = axes.surface_of(parse("(1-x)^2 + 100(y-x^2)^2"), ((-2, 2), (-1, 3)), 200)
    steps = axes.adaptive_levels(surface, 18)
    # The valley floor y = x² runs from f = 0 (at (1, 1)) to f = 9 (at x = −2): levels there.
    assert np.sum(steps < 9) >= 5 and steps.max() > 1000
    assert np.all(np.diff(steps) > 0)


def test_loss_axis_linear_for_a_small_range() -> None:
    import matplotlib.figure

    xor = np.linspace(0.7012, 0.6931, 50)
    ax = matplotlib.figure.Figure().add_subplot()
    draw_losses(ax, [Run("gd", np.zeros((50, 2)), xor, "converged")], "en")
    assert ax.get_yscale() == "linear" and not wants_log(xor)
    assert wants_log(np.geomspace(25, 1e-8, 30))


def _texts(figure) -> list[str]:
    from matplotlib.text import Text

    figure.canvas.draw()
    return [t.get_text() for t in figure.findobj(Text) if t.get_visible() and t.get_text()]


def test_no_underscore_and_one_minus_sign_on_figures(bowl) -> None:
    from nablab.network.graph import graph
    from nablab.plot.graph import graph_figure

    hike = lagrange("4 - x^2 - 2y^2", PATH)  # negative contour labels
    runs = race("x^2 + y^2", (-3, 4), ["gd", "adam"], steps=40)
    figures = [lagrange_plot.lagrange_figure(hike, "en"), lagrange_plot.lagrange_figure(bowl, "en"),
               race_figure(parse("x^2 + y^2"), runs, "en"),
               graph_figure(graph("sigmoid(w*x+b)", "w=0.5,x=2,b=-1"), "en")]
    for figure in figures:
        for text in _texts(figure):
            plain = re.sub(r"\$[^$]*\$", "", text)  # mathtext: a subscript, not an underscore
            assert "_" not in plain and "-" not in plain, text


def test_graph_figure_is_sized_to_its_content() -> None:
    from nablab.network.graph import graph
    from nablab.plot.graph import graph_figure

    figure = graph_figure(graph("sigmoid(w*x+b)", "w=0.5,x=2,b=-1"), "en")
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    boxes = [patch.get_window_extent(renderer) for patch in figure.axes[0].patches]
    drawn = max(b.y1 for b in boxes) - min(b.y0 for b in boxes)
    assert drawn / figure.bbox.height > 0.75  # was 0.57: a third of the canvas empty


def test_web_lagrange_picture_marks_only_existing_extremes(bowl, lowest) -> None:
    from nablab.web.pictures import lagrange_data

    picture = lagrange_data(bowl)
    assert picture["hike"]["top"] is None
    assert picture["hike"]["bottom"]["height"] == pytest.approx(lowest, abs=1e-6)
    assert picture["level"]["value"] == pytest.approx(lowest, abs=1e-6)
    for path in picture["level"]["paths"]:
        xy = np.array(path)
        assert np.max(np.abs((xy**2).sum(axis=1) - lowest)) < 1e-3


def test_web_surface_sends_valley_levels_and_the_scale() -> None:
    from nablab.web.pictures import surface_data

    data = surface_data(parse("(1-x)^2 + 100(y-x^2)^2"), "-2:2,-1:3", None)
    assert sum(level < 9 for level in data["levels"]) >= 5 and data["equal_scale"] is True
    assert surface_data(parse("x^2 + y^2"), "-5:5,-100:100", None)["equal_scale"] is False


def test_filled_contour_shows_the_valley_floor() -> None:
    from nablab.plot.surface import surface_contour

    figure = surface_contour(parse("(1-x)^2 + 100(y-x^2)^2"), ((-2, 2), (-1, 3)), "en")
    figure.canvas.draw()
    (filled,) = [c for c in figure.axes[1].collections if hasattr(c, "levels")]
    assert np.sum(np.asarray(filled.levels) < 9) >= 5
    ticks = [t.get_text() for t in figure.axes[2].get_yticklabels()]
    assert len(set(ticks)) == len(ticks)  # no two bands read "0"
