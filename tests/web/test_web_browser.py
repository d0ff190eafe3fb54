"""The page in headless Chromium (Debian's package, driven by Playwright): the notes' examples.

Screenshots go to ``artifacts/web/``. The tests skip only where Chromium is missing outside
CI; in CI (``CI`` set) a missing browser is a failure, since ``.ci/run`` installs it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from nablab.i18n import translate

from . import harness
from .conftest import Server

harness.playwright_or_skip()


@pytest.fixture(scope="module")
def browser_context() -> Iterator[Any]:
    with harness.persistent_context() as context:
        yield context


@pytest.fixture(scope="module")
def requests_seen() -> list[str]:
    return []


@pytest.fixture
def page(browser_context: Any, web_server: Server, requests_seen: list[str]) -> Iterator[Any]:
    page = browser_context.new_page()
    errors: list[str] = []
    page.on("request", lambda request: requests_seen.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(web_server.url + "?lang=en")
    page.wait_for_function("document.body.dataset.ready === '1' && !!window.Plotly"
                           " && !!window.katex")
    yield page
    page.close()
    assert not errors, errors


def type_formula(page: Any, text: str) -> None:
    page.fill("#formula", text)


def shot(page: Any, artifacts: Path, name: str, selector: str | None = None) -> None:
    target = page.locator(selector) if selector else page
    target.screenshot(path=str(artifacts / f"{name}.png"))


def test_browser_renders_the_notes_partial_derivatives(page: Any, artifacts: Path) -> None:
    type_formula(page, "x^2 + y^2")
    page.wait_for_selector("#partials .katex")
    source = page.locator("#partials .katex annotation").first.text_content()
    assert source == "\\frac{\\partial f}{\\partial x} = 2 x"
    assert "=2x" in page.locator("#partials .katex-html").first.inner_text().replace("\n", "")
    assert page.locator("#preview annotation").text_content() == "f(x, y) = x^{2} + y^{2}"
    shot(page, artifacts, "notes-partials")


def test_browser_surface_rotates(page: Any, artifacts: Path) -> None:
    type_formula(page, "x^2 + y^2")
    page.locator("#surface").scroll_into_view_if_needed()  # 3-D charts load when near
    page.wait_for_function("!!document.querySelector('#surface-3d .gl-container')")
    eye = "JSON.stringify(document.getElementById('surface-3d')._fullLayout.scene._scene" \
          ".getCamera().eye)"
    before = page.evaluate(eye)
    box = page.locator("#surface-3d").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 120, y + 40, steps=8)
    page.mouse.up()
    assert page.evaluate(eye) != before
    shot(page, artifacts, "surface-and-contour", "#surface")


def test_browser_descent_from_a_clicked_start(page: Any, artifacts: Path) -> None:
    type_formula(page, "x^2 + y^2")
    page.wait_for_function("document.getElementById('descent-plot').dataset.ready === '1'")
    page.locator("#descent-plot").scroll_into_view_if_needed()
    box = page.locator("#descent-plot .nsewdrag").bounding_box()
    page.mouse.click(box["x"] + 0.8 * box["width"], box["y"] + 0.2 * box["height"])
    start = [float(v) for v in page.input_value("#descent-start").split(",")]
    assert start[0] > 2 and start[1] > 2
    page.fill("#descent-lr", "0.05")
    page.click("#descent-run")
    page.wait_for_function("document.getElementById('descent-plot').dataset.animation"
                           " === 'running'")
    page.wait_for_function("+document.getElementById('descent-plot').dataset.frame > 1")
    shot(page, artifacts, "descent-running", "#descent")
    page.wait_for_function("document.getElementById('descent-plot').dataset.animation === 'done'")
    drawn = page.evaluate("document.getElementById('descent-plot').data[2].x.length")
    assert drawn == int(page.evaluate("document.getElementById('descent-plot').dataset.frame"))
    assert drawn > 50
    assert "converged" in page.inner_text("#descent-out")
    shot(page, artifacts, "descent-done", "#descent")


def test_browser_race_of_three_optimizers(page: Any, artifacts: Path) -> None:
    type_formula(page, "x^2 + 5y^2")
    page.wait_for_function("document.getElementById('descent-plot').dataset.ready === '1'")
    page.fill("#descent-start", "-4,2")
    page.click("#race-run")
    page.wait_for_selector("#descent-out table")
    page.wait_for_function("document.getElementById('descent-plot').dataset.animation === 'done'")
    assert page.locator("#descent-out tbody tr").count() == 3
    assert page.evaluate("document.getElementById('descent-plot').data.length") == 5
    shot(page, artifacts, "race", "#descent")


def test_browser_solves_the_hiking_path(page: Any, artifacts: Path) -> None:
    page.click("#lagrange-example")
    page.wait_for_selector("#lagrange-candidates")
    page.wait_for_function("document.getElementById('lagrange-hike').dataset.ready === '1'")
    row = page.inner_text("#lagrange-candidates tbody tr")
    assert "(0.353532, 0.683584)" in row and "highest" in row
    # Two arrows (∇f, ∇g), each labelled past its tip, clear of the optimum's marker.
    assert page.evaluate("document.getElementById('lagrange-plane').layout.annotations.length") == 4
    shot(page, artifacts, "lagrange-hike", "#lagrange")


def test_browser_switches_to_korean(page: Any, artifacts: Path) -> None:
    type_formula(page, "x^2 + y^2")
    page.wait_for_selector("#partials .katex")
    page.click("#lang-toggle")
    heading = translate("web.section.derivatives", "ko")
    page.wait_for_function(f"document.querySelector('#derivatives h2').textContent === '{heading}'")
    assert page.evaluate("document.documentElement.lang") == "ko"
    page.wait_for_function("document.querySelector('#diff-out h3') && "
                           "document.querySelector('#diff-out h3').textContent === '편미분'")
    assert page.inner_text("#lang-toggle") == "English"
    assert "lang=ko" in page.url
    shot(page, artifacts, "korean")


def test_browser_error_points_at_the_column_and_stays_text(page: Any) -> None:
    type_formula(page, "x^2 + foo(x)")
    page.wait_for_selector("#formula-error pre.caret")
    assert page.inner_text("#formula-error pre.caret").split("\n") == ["x^2 + foo(x)", "      ^"]
    hostile = "<img src=x onerror=document.title='owned'>"
    type_formula(page, hostile)
    page.wait_for_function("document.getElementById('formula-error').textContent.includes('img')"
                           " || document.getElementById('preview').textContent.includes('img')")
    assert page.locator("#formula-error img, #preview img").count() == 0
    assert page.title() != "owned"


def test_browser_docs_work_offline(browser_context: Any, web_server: Server,
                                   requests_seen: list[str], artifacts: Path) -> None:
    page = browser_context.new_page()
    page.on("request", lambda request: requests_seen.append(request.url))
    page.goto(web_server.url + "docs")
    page.wait_for_selector(".swagger-ui .opblock")
    assert page.locator(".swagger-ui .opblock").count() >= 12
    shot(page, artifacts, "api-docs")
    page.close()


def test_browser_loaded_nothing_from_outside(web_server: Server,
                                             requests_seen: list[str]) -> None:
    """Run last in this module: every request of every page above went to our server."""
    assert requests_seen
    outside = [u for u in requests_seen
               if not u.startswith((web_server.url, "data:", "blob:", "about:"))]
    assert not outside, outside
