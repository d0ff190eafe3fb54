"""Offline and safe by construction: nothing from outside, math never trusted, text from the
catalogue, security headers on every answer."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

from nablab.i18n import translate
from nablab.web.app import STATIC, plotly_js

from .conftest import Server

URL = re.compile(rb"https?://[^\s\"'()<>]+")
#: Hosts a script could be loaded from; vendor bundles must not name them, except in
#: plotly.js's geo and map traces (topojson outlines, map icons), which the page never draws.
CDN = re.compile(rb"https?://(cdn[\w.-]*|unpkg\.com|[\w.-]*jsdelivr\.net|fonts\.googleapis\.com"
                 rb"|[\w.-]*mathjax[\w.-]*)/[\w./@-]*")
PLOTLY_MAP_ONLY = {b"https://cdn.plot.ly/un/",
                   b"https://cdn.jsdelivr.net/npm/@mapbox/maki@8.2.0/icons/"}
#: XML namespaces are names, not addresses anything is fetched from.
NAMESPACES = re.compile(rb"^http://www\.w3\.org/")


class Links(HTMLParser):
    """Every src/href of a page, and the catalogue key and text of each data-i18n element."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.texts: list[tuple[str, str]] = []
        self._open: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.links += [v for k, v in attrs if k in ("src", "href") and v]
        self._open.append(found.get("data-i18n"))
        self._text = ""

    def handle_data(self, data: str) -> None:
        self._text = getattr(self, "_text", "") + data

    def handle_endtag(self, tag: str) -> None:
        key = self._open.pop() if self._open else None
        if key:
            self.texts.append((key, self._text.strip()))


def page_links(server: Server, lang: str) -> Links:
    status, _, body = server.get(f"/?lang={lang}")
    assert status == 200
    parser = Links()
    parser.feed(body.decode())
    return parser


def test_web_page_loads_only_from_this_server(web_server: Server) -> None:
    links = page_links(web_server, "en").links
    assert any(link.endswith("plotly-cartesian.min.js") for link in links)
    assert any("katex" in link for link in links)
    for link in links:
        if link.startswith("data:"):
            continue
        assert not urlsplit(link).netloc, link
        status, _, _ = web_server.get(urljoin("/", link))
        assert status == 200, link


@pytest.mark.parametrize("path", ["/", "/?lang=ko", "/docs", "/static/app.js",
                                  "/static/calculus.js", "/static/network.js", "/static/app.css",
                                  "/static/docs.js", "/static/vendor/katex/katex.min.css",
                                  "/static/vendor/swagger-ui/swagger-ui.css"])
def test_web_served_html_css_and_our_js_name_no_external_url(web_server: Server,
                                                            path: str) -> None:
    status, _, body = web_server.get(path)
    assert status == 200
    assert [u for u in URL.findall(body) if not NAMESPACES.match(u)] == []


@pytest.mark.parametrize("path", ["/vendor/plotly.min.js", "/static/plots.js",
                                  "/static/vendor/plotly/plotly-cartesian.min.js",
                                  "/static/vendor/plotly/plotly-gl3d.min.js",
                                  "/static/vendor/katex/katex.min.js",
                                  "/static/vendor/swagger-ui/swagger-ui-bundle.js"])
def test_web_vendor_scripts_load_nothing_from_a_cdn(web_server: Server, path: str) -> None:
    status, headers, body = web_server.get(path)
    assert status == 200 and "javascript" in headers["content-type"]
    assert {m.group(0) for m in CDN.finditer(body)} <= PLOTLY_MAP_ONLY


def test_web_plotly_is_the_installed_package(web_server: Server) -> None:
    _, _, body = web_server.get("/vendor/plotly.min.js")
    assert body == plotly_js().read_bytes()


def test_web_katex_is_never_trusting() -> None:
    script = (STATIC / "app.js").read_text()
    cards = (STATIC / "calculus.js").read_text() + (STATIC / "network.js").read_text()
    options = re.search(r"KATEX_OPTIONS = \{(.*?)\};", script, re.S)
    assert options is not None
    for setting in ("throwOnError: false", "trust: false", "maxExpand: 1000", "maxSize: 20"):
        assert setting in options.group(1)
    for source in (script, cards):
        assert "innerHTML" not in source and "insertAdjacentHTML" not in source
    assert (STATIC / "vendor" / "katex" / "LICENSE").is_file()
    assert len(list((STATIC / "vendor" / "katex" / "fonts").glob("*.woff2"))) >= 19


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_web_page_text_comes_from_the_catalogue(web_server: Server, lang: str) -> None:
    texts = page_links(web_server, lang).texts
    assert len(texts) > 40
    for key, text in texts:
        assert text == translate(key, lang), key


def test_web_page_embeds_its_messages_safely(web_server: Server) -> None:
    _, _, body = web_server.get("/")
    data = re.search(rb'<script id="messages" type="application/json">(.*?)</script>', body, re.S)
    assert data is not None and b"<" not in data.group(1)
    messages = json.loads(data.group(1))
    assert messages["ko"]["web.section.derivatives"] == "편미분, 기울기 벡터, 헤세 행렬"
    assert set(messages["en"]) == set(messages["ko"])


def test_web_answers_carry_security_headers(web_server: Server) -> None:
    for path in ("/", "/api/status", "/static/app.js"):
        _, headers, _ = web_server.get(path)
        csp = headers["content-security-policy"]
        script_src = next(p for p in csp.split(";") if p.strip().startswith("script-src"))
        assert "'self'" in script_src and "unsafe-inline" not in script_src
        assert "frame-ancestors 'none'" in csp
        assert headers["x-content-type-options"] == "nosniff"
