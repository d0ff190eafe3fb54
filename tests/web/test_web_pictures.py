"""The page's pictures tell the truth (issue 14, item 7): assertions on the Plotly figures.

Self-contained (its own browser and page), in headless Chromium like test_web_browser.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from scipy.optimize import minimize_scalar

from . import harness
from .conftest import Server

harness.playwright_or_skip()


@pytest.fixture(scope="module")
def page(web_server: Server) -> Iterator[Any]:
    with harness.ready_page(web_server.url, plotly=True) as page:
        yield page


def figure(page: Any, plot: str) -> Any:
    """The plot's data and layout as plotly.js holds them (a figure dict)."""
    return page.evaluate(f"(() => {{ const p = document.getElementById('{plot}');"
                         " return {data: p.data, layout: p._fullLayout ? {"
                         " xrange: p._fullLayout.xaxis.range, yrange: p._fullLayout.yaxis.range,"
                         " scaleanchor: p.layout.yaxis.scaleanchor || null,"
                         " annotations: p.layout.annotations || []} : null}; })()")


def solve(page: Any, formula: str, constraint: str) -> None:
    page.fill("#formula", formula)
    page.fill("#lagrange-constraints", constraint)
    page.evaluate("document.getElementById('lagrange-hike').dataset.ready = ''")
    page.click("#lagrange-run")
    page.wait_for_function("document.getElementById('lagrange-hike').dataset.ready === '1'")


def test_hike_on_the_notes_path_marks_the_lowest_point_only(page: Any, artifacts: Path) -> None:
    solve(page, "x^2+y^2", "2(x-1)^2 - 10y + 6 = 0")
    lowest = minimize_scalar(lambda x: x**2 + ((2 * (x - 1) ** 2 + 6) / 10) ** 2).fun
    marks = [t for t in figure(page, "lagrange-hike")["data"] if t["mode"] == "markers"]
    assert [t["marker"]["symbol"] for t in marks] == ["triangle-down"]
    assert marks[0]["y"][0] == pytest.approx(lowest, abs=1e-6)
    assert "lowest point f = 0.569" in marks[0]["name"]
    plane = figure(page, "lagrange-plane")
    (level,) = [t for t in plane["data"] if t.get("line", {}).get("dash") == "dash"]
    x, y = np.array(level["x"]), np.array(level["y"])
    assert np.max(np.abs(x**2 + y**2 - lowest)) < 1e-3 and "0.5692" in level["name"]
    notes = plane["layout"]["annotations"]
    at = notes[0]["ax"], notes[0]["ay"]
    labels = [a for a in notes if a["text"]]
    assert {a["text"] for a in labels} == {"∇f", "∇g"}
    assert all(np.hypot(a["x"] - at[0], a["y"] - at[1]) > 0.2 for a in labels)
    page.locator("#lagrange").screenshot(path=str(artifacts / "lagrange-bowl.png"))


def test_rosenbrock_valley_and_equal_scale(page: Any, artifacts: Path) -> None:
    page.fill("#formula", "(1-x)^2 + 100(y-x^2)^2")
    page.fill("#surface-range", "-2:2,-1:3")
    page.evaluate("document.getElementById('descent-plot').dataset.ready = ''")
    page.click("#surface-run")
    page.wait_for_function("document.getElementById('descent-plot').dataset.ready === '1'")
    page.wait_for_function("document.getElementById('descent-plot').dataset.window"
                           " === '[[-2,2],[-1,3]]'")
    contour = figure(page, "surface-contour")
    (trace,) = contour["data"]
    levels = [float(t) for t in trace["colorbar"]["ticktext"]]
    assert trace["contours"]["size"] == 1 and min(levels) < 1  # the valley floor has lines
    assert contour["layout"]["scaleanchor"] == "x"
    descent = figure(page, "descent-plot")["layout"]
    assert descent["xrange"] == [-2, 2] and descent["yrange"] == [-1, 3]
    page.locator("#surface").screenshot(path=str(artifacts / "rosenbrock-contour.png"))


def test_critical_table_has_one_minus_sign(page: Any) -> None:
    page.fill("#formula", "x^3 - 3x + y^2")
    page.click("#critical-run")
    page.wait_for_selector("#critical-out table")
    cells = page.locator("#critical-out table").inner_text()
    assert "(−1, 0)" in cells and "−2" in cells and "-" not in cells


def test_closed_interval_marks_every_candidate_and_names_both_constraints(page: Any) -> None:
    """f = x³ − 6x² + 9x + 2 on 0 ≤ x ≤ 4: f′ = 3(x − 1)(x − 3), so the candidates are
    0, 1, 3, 4 with f = 2, 6, 2, 6 (by hand): highest 6 at 1 and 4, lowest 2 at 0 and 3."""
    page.fill("#formula", "x^3 - 6x^2 + 9x + 2")
    page.fill("#lagrange-constraints", "x >= 0\nx <= 4")
    page.evaluate("(() => { const p = document.getElementById('lagrange-plane');"
                  " if (window.Plotly) Plotly.purge(p); })()")
    page.click("#lagrange-run")
    page.wait_for_function("(() => { const p = document.getElementById('lagrange-plane');"
                           " return p.data && p.data.some((t) => t.mode === 'markers'); })()")
    marks = [t for t in figure(page, "lagrange-plane")["data"] if t["mode"] == "markers"]
    found = sorted((round(t["x"][0], 9), round(t["y"][0], 9), t["marker"]["symbol"])
                   for t in marks)
    assert found == [(0, 2, "triangle-down"), (1, 6, "triangle-up"),
                     (3, 2, "triangle-down"), (4, 6, "triangle-up")]
    stamp = page.inner_text("#lagrange .card-for")
    assert "x >= 0; x <= 4" in stamp   # the textarea's two lines, not "x >= 0 x <= 4"


def test_triangle_region_is_shaded_with_its_extremes(page: Any) -> None:
    """f = x² + y² − 2x − 2y = (x − 1)² + (y − 1)² − 2 on the triangle x, y ≥ 0, x + y ≤ 4:
    lowest −2 at the centre (1, 1), highest 8 at the far corners (4, 0) and (0, 4) (by hand:
    the farthest points of the triangle from (1, 1))."""
    page.fill("#formula", "x^2 + y^2 - 2x - 2y")
    page.fill("#lagrange-constraints", "x >= 0\ny >= 0\nx + y <= 4")
    page.evaluate("(() => { const p = document.getElementById('lagrange-plane');"
                  " if (window.Plotly) Plotly.purge(p); })()")
    page.click("#lagrange-run")
    page.wait_for_function("(() => { const p = document.getElementById('lagrange-plane');"
                           " return p.data && p.data.some((t) => t.type === 'heatmap'); })()")
    data = figure(page, "lagrange-plane")["data"]
    marks = [t for t in data if t.get("mode") == "markers"]
    named = sorted((round(t["x"][0], 9), round(t["y"][0], 9), t["marker"]["symbol"])
                   for t in marks if t["marker"]["symbol"] != "circle")
    assert named == [(0, 4, "triangle-up"), (1, 1, "triangle-down"), (4, 0, "triangle-up")]
    (shade,) = [t for t in data if t["type"] == "heatmap"]
    x, y, inside = np.array(shade["x"]), np.array(shade["y"]), np.array(shade["z"], dtype=float)
    xx, yy = np.meshgrid(x, y)
    assert np.array_equal(inside > 0.5, (xx >= 0) & (yy >= 0) & (xx + yy <= 4 + 1e-9))


def test_hike_box_hidden_for_a_region_and_back_for_a_path(page: Any) -> None:
    """A region has no hike: its box is hidden (no blank space); the next path brings it back,
    and the plane fits its half of the row again."""
    page.fill("#formula", "x^2 + y^2")
    page.fill("#lagrange-constraints", "x >= 0\ny >= 0\nx + y <= 4")
    page.click("#lagrange-run")
    page.wait_for_function("(() => { const p = document.getElementById('lagrange-plane');"
                           " return p.data && p.data.some((t) => t.type === 'heatmap'); })()")
    assert page.is_hidden("#lagrange-hike")
    solve(page, "x^2+y^2", "2(x-1)^2 - 10y + 6 = 0")
    assert page.is_visible("#lagrange-hike")
    widths = page.evaluate("(() => { const p = document.getElementById('lagrange-plane');"
                           " return [p.querySelector('.main-svg').getBoundingClientRect().width,"
                           " p.getBoundingClientRect().width]; })()")
    assert widths[0] <= widths[1] + 1


def test_newton_in_the_descent_card_takes_its_own_eta_and_one_step_on_a_quadratic(
        page: Any) -> None:
    """Choosing Newton puts in its η = 1; on f = x² + 3y² (a quadratic) one Newton step
    θ − H⁻¹∇f lands on the minimum (0, 0) exactly (by hand: H = diag(2, 6), ∇f(3, 4) =
    (6, 24), H⁻¹∇f = (3, 4))."""
    page.fill("#formula", "x^2 + 3y^2")
    page.fill("#descent-start", "3,4")
    page.select_option("#descent-optimizer", "newton")
    assert page.input_value("#descent-lr") == "1"
    page.click("#descent-run")
    page.wait_for_function("document.getElementById('descent-out').innerText.includes('θ =')")
    out = page.inner_text("#descent-out")
    assert "θ = (0, 0)" in out
    page.select_option("#descent-optimizer", "adam")
    assert page.input_value("#descent-lr") == "0.001"    # torch.optim.Adam's default
    assert page.locator("#racer-newton").count() == 1


def test_the_hike_legend_covers_no_marker(page: Any, artifacts: Path) -> None:
    """On sin(x/10) + y/20 along x² + y² = 400 the lowest point is near the start of the walk:
    the legend inside the plot's lower-left corner used to hide it."""
    solve(page, "sin(x/10) + y/20", "x^2 + y^2 = 400")
    boxes = page.evaluate("""(() => {
        const p = document.getElementById('lagrange-hike');
        const box = (e) => { const r = e.getBoundingClientRect();
                             return [r.left, r.top, r.right, r.bottom]; };
        return { legend: box(p.querySelector('.legend')),
                 plot: box(p.querySelector('.nsewdrag')),
                 points: [...p.querySelectorAll('.scatterlayer .trace .points path')].map(box) };
    })()""")
    marks = [t for t in figure(page, "lagrange-hike")["data"] if t["mode"] == "markers"]
    assert sorted(t["marker"]["symbol"] for t in marks) == ["triangle-down", "triangle-up"]
    assert len(boxes["points"]) == 2
    legend = boxes["legend"]
    for left, top, right, bottom in [*boxes["points"], boxes["plot"]]:
        assert right <= legend[0] or left >= legend[2] or bottom <= legend[1] or top >= legend[3]
    page.locator("#lagrange").screenshot(path=str(artifacts / "lagrange-hike-legend.png"))
