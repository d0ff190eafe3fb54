"""The page on every screen: one load per width and language, every card run, every check applied.

A run of :func:`open_page` watches the page from its first request (console errors, page errors,
failed requests); :func:`run_every_card` fills each card with the notes' example and waits for
every result; :func:`check_page` then applies each function of :data:`PAGE_CHECKS` and saves a
screenshot to ``artifacts/web/``. A check takes the page and returns the problems it saw (empty
when all is well), so a new one (a font check, say) is one function appended to the list.

axe-core (``vendor/axe-core/axe.min.js``, MPL-2.0, from npm) is test data, not part of the package:
it is injected into the page under test only.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
#: Chromium on a machine with no network: no background connections, no first-run work.
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WIDTHS = (360, 390, 768, 1280)
LANGS = ("en", "ko")
HEIGHT = 900
AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
#: axe's impact levels that fail a run.
AXE_FAILING = ("serious", "critical")
#: Each card's run button and the element its result appears in (descent and race share one;
#: the surface card's result is its two plots).
CARDS = {"diff-run": "diff-out", "limit-run": "limit-out", "critical-run": "critical-out",
         "surface-run": "surface-contour", "race-run": "descent-out",
         "lagrange-run": "lagrange-out", "taylor-run": "taylor-out",
         "implicit-run": "implicit-out", "chain-run": "chain-out", "check-run": "check-out",
         "network-run": "network-out"}


def chromium_missing() -> bool:
    """True where Debian's chromium is absent (the tests then skip, except in CI)."""
    return not (os.path.exists(CHROMIUM) and shutil.which("chromium"))


def playwright_or_skip() -> Any:
    """Playwright's sync API for a browser test module; the module skips where Debian's
    chromium or Playwright is missing, except in CI, where that is a failure."""
    import pytest

    if os.environ.get("CI"):
        return __import__("playwright.sync_api", fromlist=["sync_playwright"])
    if chromium_missing():
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)",
                    allow_module_level=True)
    return pytest.importorskip("playwright.sync_api")


@contextmanager
def persistent_context(width: int = 1280) -> Iterator[Any]:
    """A Chromium profile of its own (so vendored scripts load from its cache), in English."""
    sync_api = playwright_or_skip()
    profile = tempfile.TemporaryDirectory()
    with sync_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            profile.name, executable_path=CHROMIUM, args=ARGS, headless=True,
            viewport={"width": width, "height": HEIGHT}, locale="en-US")
        yield context
        context.close()
    profile.cleanup()


@contextmanager
def ready_page(url: str, *, plotly: bool = False) -> Iterator[Any]:
    """The app at ``url`` in English, loaded (and plotly.js with ``plotly``); fails afterwards
    if the page raised an uncaught error meanwhile (the cards' tests share one such page)."""
    errors: list[str] = []
    with persistent_context() as context:
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(url + "?lang=en")
        page.wait_for_function("document.body.dataset.ready === '1'"
                               + (" && !!window.Plotly" if plotly else ""))
        yield page
    assert not errors, errors


@dataclass
class Watch:
    """What went wrong on a page while it ran: console errors, uncaught errors, failed requests."""

    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def attach(self, page: Any) -> None:
        page.on("console", lambda m: m.type == "error" and self.console.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("requestfailed", lambda r: self.failed.append(f"{r.url} ({r.failure})"))
        page.on("response", lambda r: r.status >= 400 and self.failed.append(
            f"{r.url} ({r.status})"))

    def problems(self) -> list[str]:
        return ([f"console error: {m}" for m in self.console]
                + [f"page error: {m}" for m in self.errors]
                + [f"failed request: {m}" for m in self.failed])


def open_page(context: Any, url: str, width: int, lang: str) -> tuple[Any, Watch]:
    """A new page of ``context`` at ``width`` px showing ``url`` in ``lang``, watched, ready."""
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": HEIGHT})
    watch = Watch()
    watch.attach(page)
    page.goto(f"{url}?lang={lang}")
    page.wait_for_function("document.body.dataset.ready === '1' && !!window.Plotly"
                           " && !!window.katex")
    return page, watch


def fill_cards(page: Any) -> None:
    """The notes' example in every card: x² + y², its point, limit, start and a constraint."""
    page.fill("#formula", "x^2 + y^2")
    page.wait_for_function("!!document.querySelector('#preview .katex')")
    page.fill("#diff-at", "x=1,y=2")
    page.fill("#limit-at", "x=1,y=2")
    page.fill("#descent-start", "3,4")
    page.fill("#lagrange-constraints", "x + y = 1")
    page.fill("#taylor-at", "x=1,y=2")
    page.fill("#implicit-equation", "x^2 + y^2 = 5")
    page.fill("#implicit-at", "x=1,y=2")
    page.fill("#chain-function", "z = x^2 y + y^3")
    page.fill("#chain-sub", "x = s t, y = e^t")
    page.fill("#chain-wrt", "t")
    page.fill("#check-task", "gd x^2 + y^2 from (3, 4) lr 0.1")
    page.fill("#check-answer", "(3.6, 4.8)")


#: True once every output of ARG shows a result (no "computing…") and no path is still growing.
CARDS_DONE = """ids => ids.every(id => { const n = document.getElementById(id);
    return n.childElementCount > 0 && !n.querySelector('.working'); })
    && document.getElementById('descent-plot').dataset.animation !== 'running'"""


def wait_for_cards(page: Any, outputs: list[str], timeout: float = 30_000) -> None:
    """Every output shows a result; on a timeout, the message names the cards still empty."""
    try:
        page.wait_for_function(CARDS_DONE, arg=outputs, timeout=timeout)
    except Exception as exc:
        pending = page.evaluate(f"ids => ids.filter(id => !({CARDS_DONE})([id]))", outputs)
        raise AssertionError(f"cards without a result after {timeout / 1000:g} s: {pending}") \
            from exc


def run_every_card(page: Any) -> None:
    """Fill every card, press every run button at once, and wait for all the results.

    The buttons are clicked from the page's script: Playwright's own click waits for each button
    to sit still, seconds while the charts draw (the keyboard test presses them for real).
    """
    fill_cards(page)
    page.evaluate("ids => ids.forEach(id => document.getElementById(id).click())", list(CARDS))
    wait_for_cards(page, list(CARDS.values()))


# ---------------------------------------------------------------- page checks
def check_card_errors(page: Any) -> list[str]:
    """No card shows an error for the notes' example."""
    texts = page.eval_on_selector_all(".out .error", "nodes => nodes.map(n => n.textContent)")
    return [f"card error: {t}" for t in texts]


def check_no_horizontal_overflow(page: Any) -> list[str]:
    """The page is no wider than the window (``scrollWidth <= innerWidth``)."""
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    if widths[0] <= widths[1]:
        return []
    wide = page.evaluate("""() => [...document.querySelectorAll('body *')]
        .filter(n => n.getBoundingClientRect().right > window.innerWidth + 0.5)
        .filter(n => !n.parentElement || n.parentElement.getBoundingClientRect().right
                     <= window.innerWidth + 0.5)
        .slice(0, 5).map(n => n.tagName.toLowerCase() + (n.id ? '#' + n.id : '')
                         + (n.className && n.className.baseVal === undefined
                            ? '.' + String(n.className).split(' ').join('.') : ''))""")
    return [f"horizontal overflow: scrollWidth {widths[0]} > innerWidth {widths[1]} ({wide})"]


def check_axe(page: Any) -> list[str]:
    """axe-core finds no serious or critical violation (WCAG 2.x A and AA, best practices)."""
    if not page.evaluate("!!window.axe"):
        # evaluated through the debugging protocol: the page's CSP forbids injected <script>s
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;0")
    violations = page.evaluate("""async levels => {
        const result = await axe.run(document, {resultTypes: ['violations']});
        return result.violations.filter(v => levels.includes(v.impact)).map(v =>
            v.impact + ' ' + v.id + ': ' + v.help + ' — ' +
            v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ') +
            (v.nodes.length > 3 ? ' (+' + (v.nodes.length - 3) + ')' : ''));
    }""", list(AXE_FAILING))
    return [f"axe: {v}" for v in violations]


def check_languages(page: Any) -> list[str]:
    """The page says its language, and the language button says the other one (WCAG 3.1.1-2)."""
    page_lang, button_lang = page.evaluate(
        "[document.documentElement.lang, document.getElementById('lang-toggle').lang]")
    if page_lang not in LANGS or button_lang not in LANGS or page_lang == button_lang:
        return [f"languages: page {page_lang!r}, language button {button_lang!r}"]
    return []


#: Every check a page must pass; each takes the page and returns its problems.
PAGE_CHECKS: list[Callable[[Any], list[str]]] = [
    check_card_errors,
    check_no_horizontal_overflow,
    check_languages,
    check_axe,
]


def resize(page: Any, width: int) -> None:
    """The window ``width`` px wide, once the charts have redrawn to fit it."""
    page.set_viewport_size({"width": width, "height": HEIGHT})
    page.evaluate("""() => new Promise(done => {
        window.dispatchEvent(new Event('resize'));
        setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(done)), 300); })""")


def check_page(page: Any, artifacts: Path, name: str) -> list[str]:
    """Screenshot the page to ``artifacts/NAME.png``, then every problem any check saw."""
    page.screenshot(path=str(artifacts / f"{name}.png"), full_page=True)
    problems: list[str] = []
    for check in PAGE_CHECKS:
        problems += check(page)
    return problems
