"""The web app's latency, measured in one run against a real ``nablab serve`` on loopback.

- Cold start: from launching ``nablab serve`` to the first page received (target < 3 s), and
  to the first API answer (the workers' forkserver imports and warms the library meanwhile).
- Warm latency of ``POST /api/diff`` and ``/api/critical`` on the notes' functions, one
  keep-alive client: p50 and p95 (target: p50 < 30 ms for ``/api/diff`` on two variables).
- Ratios: the API's p50 against the same work in-process (the library call, what the worker
  itself spends) and against the command line end to end (``nablab diff … --json``, a new
  process each time) — what a learner saves by keeping the page open.

Run: python bench/web.py [--repeat N]
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


def main() -> None:
    print(f"nablab {nablab.__version__}, Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} cores; warm latency over {REPEAT} requests, one client\n")
    process, url, first_page = start_server()
    try:
        conn = connect(url)
        started = time.perf_counter()
        post(conn, "/api/diff", {"expression": "x^2 + y^2"})
        first_answer = time.perf_counter() - started + first_page
        print(f"cold start: first page {first_page:.2f} s (target < 3 s), "
              f"first /api/diff answer {first_answer:.2f} s\n")
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
