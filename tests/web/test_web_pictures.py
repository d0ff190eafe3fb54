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
    errors: list[str] = []
    with harness.persistent_context() as context:
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(web_server.url + "?lang=en")
        page.wait_for_function("document.body.dataset.ready === '1' && !!window.Plotly")
        yield page
    assert not errors, errors


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
