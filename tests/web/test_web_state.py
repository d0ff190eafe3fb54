"""The page keeps one coherent state (issue 14): each card's result belongs to one function and
its options; the language toggle re-renders without computing; the race uses each η typed;
the URL holds the computation (links, back and forward); the first page already teaches."""

from __future__ import annotations

import json
from typing import Any

from nablab.i18n import translate

from . import test_web_browser as browser
from .conftest import Server

# the browser tests' fixtures (Debian's chromium, a page with its errors checked)
browser_context, page, requests_seen = browser.browser_context, browser.page, browser.requests_seen

SHOWN = "document.getElementById('{}').innerText"


def api_calls(page: Any) -> list[tuple[str, Any]]:
    """Records every /api/ request of ``page`` (path and JSON body) from now on."""
    calls: list[tuple[str, Any]] = []

    def seen(request: Any) -> None:
        if "/api/" in request.url:
            body = request.post_data
            calls.append((request.url.split("/api/", 1)[1], json.loads(body) if body else None))

    page.on("request", seen)
    return calls


def wait_text(page: Any, out: str, text: str) -> None:
    page.wait_for_function(f"{SHOWN.format(out)}.includes({json.dumps(text)})")


def run_diff_and_critical(page: Any) -> None:
    page.fill("#formula", "x^2 + y^2")
    page.fill("#diff-at", "x=1,y=2")
    page.click("#diff-run")
    wait_text(page, "diff-out", "f = 5")
    page.click("#critical-run")
    page.wait_for_selector("#critical-out table")


def test_state_a_new_formula_recomputes_or_marks_out_of_date(page: Any) -> None:
    run_diff_and_critical(page)
    assert "For f(x, y) = x² + y² · x=1,y=2" in page.inner_text("#diff-out")
    page.fill("#formula", "sin(x)")
    wait_text(page, "diff-out", "For f(x) = sin(x)")
    shown = page.inner_text("main")
    assert "not a variable" not in shown and "Error" not in shown
    assert "cos" in page.inner_text("#diff-out")
    wait_text(page, "critical-out", "Out of date")
    assert page.locator("#critical-out table").count() == 0
    wait_text(page, "surface-out", translate("web.surface.needs_two", "en"))
    assert page.evaluate("document.querySelector('#surface .plots').hidden")
    assert page.evaluate("document.getElementById('descent-plot').hidden")


def test_state_language_toggle_computes_nothing(page: Any) -> None:
    run_diff_and_critical(page)
    page.fill("#descent-start", "-4,2")
    page.click("#race-run")
    page.wait_for_selector("#descent-out table")
    before = {out: page.inner_text(f"#{out} table") for out in ("critical-out", "descent-out")}
    calls = api_calls(page)
    page.click("#lang-toggle")
    wait_text(page, "diff-out", "대상 함수: f(x, y) = x² + y²")
    wait_text(page, "critical-out", translate("critical.kind.minimum", "ko"))
    page.wait_for_timeout(500)
    assert calls == []
    assert "편미분" in page.inner_text("#diff-out") and "f = 5" in page.inner_text("#diff-out")
    after = page.inner_text("#descent-out table")
    # the same numbers: every cell but the translated words
    rows = [r.split("\t")[3:] for r in after.splitlines()[1:]]
    assert len(rows) == 3
    assert rows == [r.split("\t")[3:] for r in before["descent-out"].splitlines()[1:]]
    assert "lang=ko" in page.url


def test_state_race_uses_the_rate_typed_for_each_optimizer(page: Any) -> None:
    page.fill("#formula", "(1-x)^2 + 100(y-x^2)^2")
    page.wait_for_function("document.getElementById('descent-plot').dataset.ready === '1'")
    page.fill("#descent-start", "-1.5,2")
    page.fill("#descent-steps", "200")
    page.fill("#racer-lr-gd", "0.001")
    page.fill("#racer-lr-momentum", "0.0005")
    page.fill("#racer-lr-adam", "0.02")
    calls = api_calls(page)
    page.click("#race-run")
    page.wait_for_selector("#descent-out table")
    race = [body for path, body in calls if path.endswith("race")]
    assert race and race[0]["optimizers"] == "gd,momentum,adam"
    assert race[0]["lr"] == "0.001,0.0005,0.02"
    rates = [row.split("\t")[1] for row in page.inner_text("#descent-out tbody").splitlines()]
    assert rates == ["0.001", "0.0005", "0.02"]
    assert "diverged" not in page.inner_text("#descent-out")


def test_state_a_link_recomputes_the_same_results(page: Any, browser_context: Any,
                                                  web_server: Server) -> None:
    run_diff_and_critical(page)
    page.fill("#limit-at", "x=1,y=2")
    page.click("#limit-run")
    page.wait_for_selector("#limit-out table")
    link = page.url
    assert "f=x%5E2" in link and "diff-at=" in link and "critical" in link
    outs = ["diff-out", "critical-out", "limit-out"]
    settled = """ids => ids.every(id => {
        const n = document.getElementById(id); return n.childElementCount > 0
            && !n.querySelector('.working'); })"""
    page.wait_for_function(settled, arg=outs)   # nothing still computing on either page
    shown = {out: page.inner_text(f"#{out}") for out in outs}
    other = browser_context.new_page()
    other.goto(link)
    other.wait_for_function("document.body.dataset.ready === '1'")
    other.wait_for_selector("#limit-out table")
    other.wait_for_function(settled, arg=outs)
    assert other.input_value("#formula") == "x^2 + y^2"
    for out, text in shown.items():
        assert other.inner_text(f"#{out}") == text, out
    other.close()


def test_state_back_and_forward_restore(page: Any) -> None:
    run_diff_and_critical(page)
    page.fill("#formula", "x^3 - 3x + y^2")
    wait_text(page, "diff-out", "x³ − 3x + y²")
    page.click("#critical-run")
    wait_text(page, "critical-out", "For f(x, y) = x³ − 3x + y²")
    page.go_back()
    page.wait_for_function("document.getElementById('formula').value === 'x^3 - 3x + y^2'")
    page.go_back()
    page.wait_for_function("document.getElementById('formula').value === 'x^2 + y^2'")
    wait_text(page, "diff-out", "f = 5")
    wait_text(page, "critical-out", "For f(x, y) = x² + y²")
    page.go_forward()
    page.wait_for_function("document.getElementById('formula').value === 'x^3 - 3x + y^2'")
    wait_text(page, "diff-out", "For f(x, y) = x³ − 3x + y²")


def test_state_the_first_page_already_teaches(page: Any, web_server: Server) -> None:
    page.goto(web_server.url)
    page.wait_for_function("document.body.dataset.ready === '1'")
    assert page.input_value("#formula") == "x^2 + y^2"
    page.wait_for_selector("#partials .katex")
    # the 3-D bundle loads when the surface comes near the screen (a light first page)
    page.locator("#surface-3d").scroll_into_view_if_needed()
    page.wait_for_function("!!document.querySelector('#surface-3d .main-svg')"
                           " && !!document.querySelector('#surface-contour .main-svg')"
                           " && document.getElementById('descent-plot').dataset.ready === '1'")
    empty = page.evaluate("""[...document.querySelectorAll('.plot')]
        .filter((p) => p.offsetParent !== null && !p.querySelector('.main-svg'))
        .map((p) => p.id)""")
    assert empty == []
    # each card is one click from the notes' example
    page.click("#descent-run")
    wait_text(page, "descent-out", "converged")
    page.click("#limit-run")
    page.wait_for_selector("#limit-out table")


def test_state_surface_card_says_why_it_has_no_picture(page: Any, web_server: Server) -> None:
    # a link that ran the derivatives only, for a function of two variables: the surface was
    # not asked for, and no language says it needs two variables (it has them)
    page.goto(web_server.url + "?lang=en&f=x%5E2%2By%5E2&run=diff")
    page.wait_for_function("document.body.dataset.ready === '1'")
    wait_text(page, "surface-out", translate("web.surface.not_run", "en"))
    page.click("#lang-toggle")
    wait_text(page, "surface-out", translate("web.surface.not_run", "ko"))
    assert translate("web.surface.needs_two", "ko") not in page.inner_text("#surface-out")
    # the surface's own error stays through a language switch (not replaced by a sentence)
    page.fill("#surface-range", "-5:5,zz")
    page.click("#surface-run")
    page.wait_for_selector("#surface-out .error")
    page.click("#lang-toggle")
    page.wait_for_function("document.documentElement.lang === 'en'")
    assert page.locator("#surface-out .error").count() == 1
    assert translate("web.surface.needs_two", "en") not in page.inner_text("#surface-out")
    # one variable: the sentence that is true
    page.fill("#formula", "x^3")
    wait_text(page, "surface-out", translate("web.surface.needs_two", "en"))
    page.click("#lang-toggle")
    wait_text(page, "surface-out", translate("web.surface.needs_two", "ko"))
