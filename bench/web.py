"""The web app's latency, measured in one run against a real ``nablab serve`` on loopback.

- Cold start: from launching ``nablab serve`` to the first page received (target < 3 s), and
  to the first API answer (the workers' forkserver imports and warms the library meanwhile).
- Warm latency of ``POST /api/diff`` and ``/api/critical`` on the notes' functions, one
  keep-alive client: p50 and p95 (target: p50 < 30 ms for ``/api/diff`` on two variables).
- Ratios: the API's p50 against the same work in-process (the library call, what the worker
  itself spends) and against the command line end to end (``nablab diff … --json``, a new
  process each time) — what a learner saves by keeping the page open.

- First page (Playwright, Debian's chromium, a cold cache, 390×844): bytes on the wire, when
  it is usable (its script wired up: DOMContentLoaded) and when charts can draw (plotly.js
  parsed), in English and Korean; the page as shipped (plotly.js's cartesian bundle, gzip,
  the Hangul subset) against the same page given the full plotly.min.js and the whole 4.3 MB
  font instead (substituted by the browser, uncompressed as served before; targets: ≤ 1.5 MB,
  usable < 1.5 s).

Run: python bench/web.py [--repeat N] [--page-only]
"""

from __future__ import annotations

import http.client
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import nablab
from nablab.web.tasks import run_job

REPEAT = int(sys.argv[sys.argv.index("--repeat") + 1]) if "--repeat" in sys.argv else 200
CLI_REPEAT = 5
#: (endpoint, the notes' function, options).
CASES = [
    ("diff", "x^2 + y^2", {}),
    ("diff", "x^2 + 3xy + y^2", {"at": "x=1,y=2"}),
    ("critical", "x^2 + y^2", {}),
    ("critical", "x^3 - 3x + y^2", {}),
]


def start_server() -> tuple[subprocess.Popen[str], str, float]:
    """``nablab serve --port 0``; the process, its URL and seconds until the first page."""
    env = {**os.environ, "NABLAB_LANG": "en"}
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "nablab", "serve", "--port", "0",
                                "--json"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True, env=env)
    assert process.stdout is not None
    url = json.loads(process.stdout.readline())["url"]
    conn = connect(url)
    conn.request("GET", "/")
    response = conn.getresponse()
    response.read()
    assert response.status == 200
    return process, url, time.perf_counter() - started


def connect(url: str) -> http.client.HTTPConnection:
    return http.client.HTTPConnection("127.0.0.1", urlsplit(url).port, timeout=60)


def post(conn: http.client.HTTPConnection, path: str, body: dict[str, Any]) -> bytes:
    conn.request("POST", path, json.dumps(body), {"Content-Type": "application/json"})
    response = conn.getresponse()
    data = response.read()
    assert response.status == 200, data
    return data


def timings(fn: Callable[[], Any], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def cli_seconds(command: str, expression: str, options: dict[str, Any]) -> float:
    args = [sys.executable, "-m", "nablab", command, expression, "--json"]
    for key, value in options.items():
        args += [f"--{key}", str(value)]
    return statistics.median(timings(lambda: subprocess.run(args, capture_output=True,
                                                            check=True), CLI_REPEAT))


def ms(seconds: float) -> str:
    return f"{1000 * seconds:8.1f}"


CHROMIUM = "/usr/bin/chromium"
#: The page's light assets and what the same request got before (full bundle, whole font).
HEAVY = {"plotly-cartesian.min.js": "/vendor/plotly.min.js",
         "nanumgothic-ko.woff": "/vendor/hangul.ttf"}


def first_page(url: str, lang: str, heavy: bool) -> tuple[int, float, float]:
    """Bytes, seconds to usable, seconds to charts, for one cold load of the page."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context(viewport={"width": 390, "height": 844})
        page = context.new_page()
        sizes: dict[str, int] = {}
        substituted: dict[str, int] = {}

        def swap(route: Any) -> None:
            name = route.request.url.rsplit("/", 1)[-1]
            response = route.fetch(url=url.rstrip("/") + HEAVY[name])
            body = response.body()
            substituted[route.request.url] = len(body)
            route.fulfill(response=response, body=body)

        if heavy:
            for name in HEAVY:
                page.route(f"**/{name}", swap)
        page.on("requestfinished", lambda r: sizes.__setitem__(
            r.url, r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"]))
        page.goto(f"{url}?lang={lang}")
        page.wait_for_function("performance.getEntriesByName('nablab-charts').length")
        page.wait_for_load_state("networkidle")
        page.evaluate("document.fonts.ready.then(() => true)")
        usable, charts = page.evaluate(
            "[performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,"
            " performance.getEntriesByName('nablab-charts')[0].startTime]")
        browser.close()
    total = sum({**sizes, **substituted}.values())
    return total, usable / 1000, charts / 1000


def print_first_page(url: str) -> None:
    if not os.path.exists(CHROMIUM):
        print("first page: Debian's chromium is not installed, skipped\n")
        return
    header = (f"{'first page':12} {'MB':>6} {'usable s':>9} {'charts s':>9} "
              f"{'full MB':>8} {'full chr s':>10} {'bytes ×':>8} {'charts ×':>8}")
    print(header)
    print("-" * len(header))
    for lang in ("en", "ko"):
        light = [first_page(url, lang, False) for _ in range(3)]
        full = [first_page(url, lang, True) for _ in range(3)]
        size, usable, charts = (statistics.median(v) for v in zip(*light, strict=True))
        big, _, big_charts = (statistics.median(v) for v in zip(*full, strict=True))
        print(f"{lang:12} {size / 1e6:6.2f} {usable:9.2f} {charts:9.2f} {big / 1e6:8.2f} "
              f"{big_charts:10.2f} {big / size:8.1f} {big_charts / charts:8.1f}")
    print("(medians of 3 cold loads; full: plotly.min.js and the whole NanumGothic instead)\n")


def main() -> None:
    print(f"nablab {nablab.__version__}, Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} cores; warm latency over {REPEAT} requests, one client\n")
    process, url, first_seconds = start_server()
    try:
        conn = connect(url)
        started = time.perf_counter()
        post(conn, "/api/diff", {"expression": "x^2 + y^2"})
        first_answer = time.perf_counter() - started + first_seconds
        print(f"cold start: first page {first_seconds:.2f} s (target < 3 s), "
              f"first /api/diff answer {first_answer:.2f} s\n")
        print_first_page(url)
        if "--page-only" in sys.argv:
            return
        header = (f"{'endpoint':14} {'function':18} {'p50 ms':>8} {'p95 ms':>8} "
                  f"{'in-process':>10} {'CLI ms':>8} {'API/lib':>8} {'CLI/API':>8}")
        print(header)
        print("-" * len(header))
        for command, expression, options in CASES:
            # a fresh keep-alive connection per case: the CLI timings below outlast the
            # server's 5 s keep-alive, after which the old connection is closed
            conn.close()
            conn = connect(url)
            body = {"expression": expression, **options}
            for _ in range(20):
                post(conn, f"/api/{command}", body)
            api = timings(lambda b=body, c=command, k=conn: post(k, f"/api/{c}", b), REPEAT)
            library = timings(lambda b=body, c=command: run_job(c, b, "en"), 50)
            cli = cli_seconds(command, expression, options)
            p50, p95, lib = percentile(api, 0.5), percentile(api, 0.95), statistics.median(library)
            print(f"/api/{command:9} {expression:18} {ms(p50)} {ms(p95)} {ms(lib):>10} "
                  f"{ms(cli)} {p50 / lib:8.1f} {cli / p50:8.1f}")
        conn.close()
    finally:
        process.terminate()
        process.wait(10)
    print("\nin-process: the same job as the worker runs it (options parsed, computed, as "
          "JSON-ready data);\nhere a plain process forks for the exact solver's time budget, "
          "where a pool worker sets a timer instead\n(so critical is faster through the API);"
          "\nAPI/lib: what HTTP, the pool and the pipe add; CLI/API: a new `nablab` process per "
          "question against the warm server.")


if __name__ == "__main__":
    main()
