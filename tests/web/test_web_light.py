"""Light, legible, any screen (issue 14, items 1, 2, 5), in headless Chromium.

- Light: a cold first page is at most 1.5 MB on the wire and usable in under 1.5 s; the Hangul
  subset is fetched only when Korean is shown; the 3-D bundle only when a 3-D chart is near.
- Any screen: with every card showing a result, nothing is wider than the window at 360, 390,
  768 and 1280 px, in English and Korean (``scrollWidth <= innerWidth``).
- No tofu: every chart's text and the language button resolve to a loaded font that has their
  glyphs (``document.fonts.check``, the computed font of Plotly's SVG text, the subset's cmap).

The checks are functions (``overflow``, ``tofu``) that other browser tests can call.
Screenshots: ``artifacts/web/light-{lang}-{width}.png``.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from nablab.i18n.messages import CATALOGUE
from nablab.web.app import STATIC

from . import harness
from .conftest import Server

WIDTHS = (360, 390, 768, 1280)
FIRST_PAGE_BYTES = 1_500_000
USABLE_SECONDS = 1.5
#: Milliseconds from navigation to a page that answers: its script wired up (forms, preview),
#: after DOMContentLoaded; plotly.js arrives meanwhile, and charts wait for it.
USABLE = "performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
FONTS = STATIC / "vendor" / "hangul"

playwright = harness.playwright_or_skip()


def covered(name: str) -> set[str]:
    """The characters a vendored font file has glyphs for."""
    from fontTools.ttLib import TTFont

    return {chr(code) for code in TTFont(str(FONTS / name))["cmap"].getBestCmap()}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=harness.CHROMIUM, args=harness.ARGS,
                                    headless=True)
        yield browser
        browser.close()


# ---------------------------------------------------------------- checks other tests can call
def overflow(page: Any) -> dict[str, Any]:
    """How wide the page is against its window, and the widest elements sticking out."""
    return dict(page.evaluate("""() => {
      const width = window.innerWidth;
      const wide = [...document.querySelectorAll('body *')]
        .filter((n) => n.getBoundingClientRect().right > width + 0.5 && n.getClientRects().length)
        .filter((n) => !n.closest('.out, .math.display, .error pre'))  // these scroll inside
        .slice(0, 5).map((n) => (n.id || n.className || n.tagName).toString().slice(0, 60));
      return { scroll: document.documentElement.scrollWidth, inner: width, wide: wide };
    }"""))


def tofu(page: Any) -> list[str]:
    """Text that would show as □: chart text, buttons, the page's Hangul; [] when none.

    For each text node of every Plotly chart, and for every button: its computed font-family
    must name the bundled Hangul face, ``document.fonts.check`` must say that font is loaded
    for the text, and (for Hangul) the face must have the glyphs (cmaps read by fontTools).
    """
    page.evaluate("document.fonts.ready.then(() => true)")
    glyphs = {"NablabHangul": "".join(sorted(covered("nanumgothic-ko.woff"))),
              "NablabHangulLabel": "".join(sorted(covered("nanumgothic-label.woff")))}
    return list(page.evaluate("""(glyphs) => {
      const hangul = /[\\u1100-\\u11ff\\u3130-\\u318f\\uac00-\\ud7af]/g;
      const bad = [];
      const nodes = [...document.querySelectorAll('.js-plotly-plot svg text, button')];
      for (const node of nodes) {
        const text = node.textContent;
        if (!text.trim()) continue;
        const style = getComputedStyle(node);
        const families = style.fontFamily.split(',').map((f) => f.trim().replace(/^"|"$/g, ''));
        const face = families.find((name) => name in glyphs);
        const where = (node.closest('[id]') || node).id + ': ' + text.slice(0, 40);
        if (!face) { bad.push('no Hangul face in ' + style.fontFamily + ' — ' + where); continue; }
        const korean = (text.match(hangul) || []).join('');
        if (!korean) continue;
        const missing = [...korean].filter((c) => !glyphs[face].includes(c));
        if (missing.length) bad.push('no glyph for ' + missing.join('') + ' — ' + where);
        if (!document.fonts.check(style.fontSize + ' "' + face + '"', korean))
          bad.push('font not loaded — ' + where);
      }
      return bad;
    }""", glyphs))


def tofu_in_html(page: Any) -> list[str]:
    """Elements whose Hangul Chromium drew in a font without it (□): [] when none.

    Asks Chromium which fonts it used for each element's own text (DevTools'
    ``CSS.getPlatformFontsForNode``): every element with Hangul must have been drawn with as
    many glyphs of a Hangul-bearing web font as it has Hangul characters.
    """
    page.evaluate("document.fonts.ready.then(() => true)")
    count = page.evaluate("""() => {
      const hangul = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/g;
      let n = 0;
      for (const node of document.querySelectorAll('body *')) {
        const own = [...node.childNodes].filter((c) => c.nodeType === 3)
          .map((c) => c.data).join('');
        const korean = (own.match(hangul) || []).length;
        if (korean && node.getClientRects().length) { node.dataset.tofuProbe = korean; n += 1; }
      }
      return n;
    }""")
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    bad = []
    for node in cdp.send("DOM.querySelectorAll", {"nodeId": root,
                                                  "selector": "[data-tofu-probe]"})["nodeIds"]:
        attrs = cdp.send("DOM.getAttributes", {"nodeId": node})["attributes"]
        wanted = int(attrs[attrs.index("data-tofu-probe") + 1])
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        drawn = sum(f["glyphCount"] for f in fonts if f["isCustomFont"]
                    and f["familyName"].startswith("NanumGothic"))
        if drawn < wanted:
            bad.append(f"{cdp.send('DOM.getOuterHTML', {'nodeId': node})['outerHTML'][:80]}"
                       f" {fonts}")
    cdp.detach()
    page.evaluate("document.querySelectorAll('[data-tofu-probe]')"
                  ".forEach((n) => delete n.dataset.tofuProbe)")
    assert count > 0 or page.evaluate("document.documentElement.lang") == "en"
    return bad


def run_every_card(page: Any) -> None:
    """The notes' examples in every card, each waited for until it shows its result."""
    page.fill("#formula", "x^2 + y^2")
    page.wait_for_selector("#partials .katex")
    page.click("#limit-run")
    page.wait_for_selector("#limit-out .step")
    page.click("#critical-run")
    page.wait_for_selector("#critical-out table")
    page.wait_for_function("document.getElementById('surface-contour').data")
    page.fill("#descent-start", "3,4")
    page.fill("#descent-lr", "0.1")
    page.click("#race-run")
    page.wait_for_selector("#descent-out table")
    page.wait_for_function("document.getElementById('descent-plot').dataset.animation === 'done'")
    page.click("#lagrange-example")
    page.wait_for_selector("#lagrange-candidates")
    page.wait_for_function("document.getElementById('lagrange-hike').dataset.ready === '1'")
    page.locator("#surface-3d").scroll_into_view_if_needed()
    page.wait_for_function("!!document.querySelector('#surface-3d .gl-container')"
                           " && !document.getElementById('surface-3d').dataset.pending")


# ---------------------------------------------------------------- the tests
def test_light_font_subset_has_every_hangul_character_nablab_writes() -> None:
    needed = {c for entry in CATALOGUE.values() for text in entry.values()
              for c in text if HANGUL.match(c)}
    assert needed and needed <= covered("nanumgothic-ko.woff")
    assert set("한국어") <= covered("nanumgothic-label.woff")
    assert (FONTS / "nanumgothic-ko.woff").stat().st_size < 300_000
    assert (FONTS / "OFL.txt").is_file() and (STATIC / "vendor" / "plotly" / "LICENSE").is_file()


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_light_first_page_is_small_and_quick(browser: Any, web_server: Server,
                                             lang: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})  # cold cache
    page = context.new_page()
    sizes: dict[str, int] = {}

    def finished(request: Any) -> None:
        size = request.sizes()
        sizes[request.url] = size["responseBodySize"] + size["responseHeadersSize"]

    pending: set[Any] = set()
    page.on("request", lambda request: pending.add(request))
    page.on("requestfinished", lambda request: (finished(request), pending.discard(request)))
    page.on("requestfailed", lambda request: pending.discard(request))
    page.goto(f"{web_server.url}?lang={lang}")
    page.wait_for_function("document.body.dataset.ready === '1' && !!window.katex"
                           " && performance.getEntriesByName('nablab-charts').length")
    usable = page.evaluate(USABLE) / 1000
    # every request of the first page answered (not "networkidle": on a loaded CI machine the
    # first page's computations can keep the network busy past its 30 s default)
    quiet = 0
    for _ in range(600):
        quiet = quiet + 1 if not pending else 0
        if quiet >= 5:
            break
        page.wait_for_timeout(100)
    assert not pending, [r.url for r in pending]
    page.evaluate("document.fonts.ready.then(() => true)")
    total = sum(sizes.values())
    fonts = [u for u in sizes if "nanumgothic-ko" in u]
    context.close()
    assert total <= FIRST_PAGE_BYTES, sorted(sizes.items(), key=lambda kv: -kv[1])[:5]
    assert usable < USABLE_SECONDS
    assert not any("plotly.min.js" in u or "hangul.ttf" in u for u in sizes)
    assert bool(fonts) == (lang == "ko")  # the Hangul subset only when Korean is shown


def test_light_assets_are_compressed_and_cached(web_server: Server) -> None:
    status, headers, body = web_server.request(
        "GET", "/static/vendor/plotly/plotly-cartesian.min.js", headers={"Accept-Encoding": "gzip"})
    assert status == 200 and headers["content-encoding"] == "gzip" and len(body) < 600_000
    assert "max-age" in headers["cache-control"]
    _, headers, _ = web_server.request("GET", "/static/app.js")
    assert headers["cache-control"] == "no-cache" and "etag" in headers
    _, headers, _ = web_server.request("GET", "/?lang=ko", headers={"Accept-Encoding": "gzip"})
    assert headers["content-encoding"] == "gzip"


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_light_any_screen_without_tofu(browser: Any, web_server: Server, artifacts: Path,
                                       lang: str) -> None:
    context = browser.new_context(viewport={"width": WIDTHS[0], "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{web_server.url}?lang={lang}")
    page.wait_for_function("document.body.dataset.ready === '1'")
    first = overflow(page)
    assert first["scroll"] <= first["inner"], first
    page.wait_for_load_state("networkidle")
    assert tofu_in_html(page) == []  # the first paint's text, before anything is laid out again
    run_every_card(page)
    for width in reversed(WIDTHS):
        page.set_viewport_size({"width": width, "height": 800})
        page.wait_for_timeout(400)  # plotly's responsive resize, which a loaded machine delays:
        with contextlib.suppress(harness.playwright_or_skip().TimeoutError):  # overflow fails below
            page.wait_for_function("document.documentElement.scrollWidth <= window.innerWidth",
                                   timeout=8000)
        found = overflow(page)
        assert found["scroll"] <= found["inner"], (width, found)
        page.screenshot(path=str(artifacts / f"light-{lang}-{width}.png"), full_page=True)
    assert tofu(page) == []
    assert tofu_in_html(page) == []
    if lang == "ko":
        assert page.evaluate("getComputedStyle(document.querySelector('main')).wordBreak") \
            == "keep-all"
        assert page.evaluate("document.fonts.check('16px \"NablabHangul\"', '곡면')")
    context.close()
    assert not errors, errors
