"""Every screen, both languages: each card run, then no overflow, no axe violation, no error.

One load per language at the narrowest width (the hardest first page), every card run, then the
same page checked at each width in turn (the charts resize): eight checks for two loads, which
keeps the browser's time well under a minute. Screenshots go to
``artifacts/web/screen-LANG-WIDTH.png``. Skips only where Chromium is missing outside CI.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from . import harness
from .conftest import Server

harness.playwright_or_skip()


#: The overflow at 360 px (plots' minimum width, KaTeX's hidden MathML) is fixed on the branch
#: i14-light; until it is merged an overflow alone makes the screens test an expected failure.
#: The integrator sets this to False (or deletes it) when both branches are in.
LAYOUT_PENDING = False


@pytest.fixture(scope="module")
def context() -> Iterator[Any]:
    """One browser profile for the module, so the vendored scripts load from its cache."""
    with harness.persistent_context() as context:
        yield context


@pytest.mark.parametrize("lang", harness.LANGS)
def test_every_screen_with_every_card(context: Any, web_server: Server, artifacts: Path,
                                      lang: str) -> None:
    widths = sorted(harness.WIDTHS)
    page, watch = harness.open_page(context, web_server.url, widths[0], lang)
    problems: list[str] = []
    try:
        assert page.evaluate("document.documentElement.lang") == lang
        problems += [f"{widths[0]} px, first load: {p}"
                     for p in harness.check_no_horizontal_overflow(page)]
        harness.run_every_card(page)
        for width in widths:
            harness.resize(page, width)
            name = f"screen-{lang}-{width}"
            problems += [f"{width} px: {p}" for p in harness.check_page(page, artifacts, name)]
        problems += watch.problems()
    finally:
        page.close()
    overflow = [p for p in problems if "horizontal overflow" in p]
    others = [p for p in problems if p not in overflow]
    assert not others, "\n".join(problems)
    if overflow and LAYOUT_PENDING:
        pytest.xfail("\n".join(overflow))
    assert not overflow, "\n".join(overflow)


def tab_to(page: Any, selector: str, presses: int = 60, key: str = "Tab") -> None:
    """Press Tab (or ``key``, e.g. Shift+Tab) until the focus is on ``selector``."""
    if page.evaluate("s => document.activeElement.matches(s)", selector):
        return
    path = []
    for _ in range(presses):
        page.keyboard.press(key)
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
        path.append(page.evaluate("(e => e.id || e.tagName)(document.activeElement)"))
    focused = page.evaluate("document.activeElement.outerHTML.slice(0, 120)")
    raise AssertionError(f"{presses} presses of {key} did not reach {selector}; the focus is on "
                         f"{focused}; it went {' → '.join(path[:24])} …")


def type_into(page: Any, selector: str, text: str) -> None:
    """Tab to a field, select what it holds and type over it."""
    tab_to(page, selector)
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def press_on(page: Any, selector: str, key: str, output: str) -> None:
    """Tab to a button, press ``key`` (Enter or Space) on it, and wait for its card's result."""
    tab_to(page, selector)
    page.keyboard.press(key)
    harness.wait_for_cards(page, [output])


def scroll_with_arrows(page: Any, output: str) -> None:
    """A result wider than its card is reached with Tab and scrolled with the arrow keys."""
    wide = f"#{output}[tabindex='0'], #{output} [tabindex='0']"
    if not page.evaluate("""id => [document.getElementById(id),
            ...document.querySelectorAll('#' + id + ' .math.display')]
            .some(n => n.scrollWidth > n.clientWidth + 1)""", output):
        return  # it fits: nothing to scroll
    tab_to(page, wide)
    page.keyboard.press("ArrowRight")
    page.wait_for_function("document.activeElement.scrollLeft > 0")


def test_the_whole_flow_from_the_keyboard(context: Any, web_server: Server,
                                          artifacts: Path) -> None:
    """Tab to the formula, type it, then fill and run every card with Enter or Space."""
    page, watch = harness.open_page(context, web_server.url, 390, "en")
    try:
        type_into(page, "#formula", "x^2 + y^2")
        page.wait_for_function("!!document.querySelector('#preview .katex')")
        type_into(page, "#diff-at", "x=1,y=2")
        press_on(page, "#diff-run", "Enter", "diff-out")
        assert "(1, 2)" in page.inner_text("#diff-out")
        type_into(page, "#limit-at", "x=1,y=2")
        press_on(page, "#limit-run", "Enter", "limit-out")
        assert page.locator("#limit-out table").count() == 1
        scroll_with_arrows(page, "limit-out")
        # back to "Rule by rule" from wherever the focus is (on the result if it scrolled)
        after = page.evaluate("""() => !!(document.querySelector('#steps-run')
            .compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING)""")
        tab_to(page, "#steps-run", key="Shift+Tab" if after else "Tab")
        press_on(page, "#steps-run", "Space", "limit-out")
        assert page.locator("#limit-out .step .number").count() > 0
        press_on(page, "#critical-run", "Space", "critical-out")
        assert page.locator("#critical-out tbody tr").count() == 1
        type_into(page, "#descent-start", "3,4")
        type_into(page, "#descent-lr", "0.05")
        press_on(page, "#descent-run", "Enter", "descent-out")
        assert "converged" in page.inner_text("#descent-out")
        tab_to(page, "#racer-nesterov")
        page.keyboard.press("Space")
        press_on(page, "#race-run", "Space", "descent-out")
        assert page.locator("#descent-out tbody tr").count() == 4
        type_into(page, "#lagrange-constraints", "x + y = 1")
        press_on(page, "#lagrange-run", "Enter", "lagrange-out")
        assert page.locator("#lagrange-candidates tbody tr").count() == 1
        type_into(page, "#surface-range", "-3:3,-3:3")
        tab_to(page, "#surface-run")
        page.keyboard.press("Enter")
        page.wait_for_function("document.getElementById('surface-contour').layout"
                               " && document.getElementById('surface-contour').data[0].x[0] === -3")
        page.screenshot(path=str(artifacts / "keyboard-en-390.png"), full_page=True)
        problems = watch.problems()
    finally:
        page.close()
    assert not problems, "\n".join(problems)


def test_the_checks_catch_what_they_should(context: Any, web_server: Server) -> None:
    """Each check fails on a page broken on purpose: a nameless button, a wide box, an error."""
    page, watch = harness.open_page(context, web_server.url, 360, "en")
    try:
        page.evaluate("""() => {
            document.getElementById('diff-run').textContent = '';
            document.getElementById('lang-toggle').removeAttribute('lang');
            const wide = document.createElement('div');
            wide.style.width = '2000px'; wide.textContent = 'wide';
            document.querySelector('main').appendChild(wide);
            console.error('on purpose'); }""")
        page.evaluate("fetch('/no-such-page')")
        axe = harness.check_axe(page)
        overflow = harness.check_no_horizontal_overflow(page)
        languages = harness.check_languages(page)
        page.wait_for_timeout(200)
        seen = watch.problems()
    finally:
        page.close()
    assert any("button-name" in p and "#diff-run" in p for p in axe), axe
    assert len(overflow) == 1 and "innerWidth 360" in overflow[0], overflow
    assert languages == ["languages: page 'en', language button ''"]
    assert any("on purpose" in p for p in seen) and any("/no-such-page (404)" in p for p in seen)
