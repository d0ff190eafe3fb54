"""A bounded load on loopback: 20 clients × 200 requests, zero errors, p95 reported; and a
heavy request in the middle of it that does not slow the others down."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any

from .conftest import Server

CLIENTS, REQUESTS = 20, 200
#: What the clients ask, in turn: the notes' functions through the cheap endpoints.
MIX = [("/api/diff", {"expression": "x^2 + y^2"}),
       ("/api/parse", {"expression": "x^2 + 3xy + y^2"}),
       ("/api/diff", {"expression": "x^2 + 3xy + y^2", "at": "x=1,y=2"}),
       ("/api/critical", {"expression": "x^2 + y^2"})]
HEAVY = {"expression": "x^2 + y^2", "start": "3,4", "steps": 1_000_000, "tol": 0,
         "optimizers": "gd,momentum,nesterov,adagrad,rmsprop,adam", "timeout": 4}


def client(server: Server, index: int, results: list[tuple[float, float, int]]) -> None:
    """One keep-alive connection, REQUESTS requests; (start, seconds, status) each."""
    conn = server.connection()
    try:
        for k in range(REQUESTS):
            path, body = MIX[(index + k) % len(MIX)]
            started = time.monotonic()
            conn.request("POST", path, json.dumps(body), {"Content-Type": "application/json"})
            response = conn.getresponse()
            response.read()
            results.append((started, time.monotonic() - started, response.status))
    finally:
        conn.close()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def test_web_load_twenty_clients_with_a_heavy_request(web_server: Server,
                                                      artifacts: Path) -> None:
    results: list[tuple[float, float, int]] = []
    heavy: dict[str, Any] = {}

    def heavy_request() -> None:
        heavy["start"] = time.monotonic()
        heavy["answer"] = web_server.post("/api/race", HEAVY)
        heavy["end"] = time.monotonic()

    threads = [threading.Thread(target=client, args=(web_server, i, results))
               for i in range(CLIENTS)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    time.sleep(0.5)
    heavy_thread = threading.Thread(target=heavy_request)
    heavy_thread.start()
    for thread in [*threads, heavy_thread]:
        thread.join(120)
    wall = time.monotonic() - started

    assert len(results) == CLIENTS * REQUESTS
    assert [r for r in results if r[2] != 200] == []
    assert heavy["answer"][0] == 422 and heavy["answer"][1]["error"]["kind"] == "timeout"
    latencies = [r[1] for r in results]
    during = [r[1] for r in results if heavy["start"] + 0.5 <= r[0] <= heavy["end"] - 0.1]
    report = {"requests": len(results), "errors": 0, "seconds": round(wall, 2),
              "requests_per_second": round(len(results) / wall),
              "p50_ms": round(1000 * percentile(latencies, 0.5), 1),
              "p95_ms": round(1000 * percentile(latencies, 0.95), 1),
              "max_ms": round(1000 * max(latencies), 1),
              "during_heavy": {"requests": len(during),
                               "p50_ms": round(1000 * percentile(during, 0.5), 1),
                               "p95_ms": round(1000 * percentile(during, 0.95), 1)}}
    (artifacts / "load.json").write_text(json.dumps(report, indent=2) + "\n")
    print("\nweb load:", json.dumps(report))
    assert len(during) > 100
    # 20 clients share 2 cores with a job that takes one of them: still answered promptly
    assert percentile(during, 0.95) < 1.0
    assert percentile(latencies, 0.95) < 1.0
