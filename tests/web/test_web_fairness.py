"""A fair server (issue 21): heavy jobs running to their cap do not stall light requests,
and past a bounded queue they get an honest 503 with ``Retry-After``; a flood of 300
concurrent requests leaves a learner's light requests fast.

Before: four concurrent 10 s jobs filled the pool and a diff waited 9 s. Now heavy jobs may
hold every worker but one (the light lane), and at most a few wait for a slot.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from tests.web.conftest import Server, start_server, stop_server

#: Six optimizers for a million steps: runs until the 4 s budget stops it.
HEAVY = {"expression": "x^2 + y^2", "start": "3,4", "steps": 1_000_000, "tol": 0,
         "optimizers": "gd,momentum,nesterov,adagrad,rmsprop,adam"}
LIGHT = {"expression": "x^2 + 3xy + y^2"}


@pytest.fixture(scope="module")
def fair_server() -> Iterator[Server]:
    server = start_server("--workers", "2", "--timeout", "4")
    yield server
    stop_server(server)


def _fire(server: Server, count: int, answers: list[Any]) -> list[threading.Thread]:
    def heavy() -> None:
        status, headers, body = server.request("POST", "/api/race", _json(HEAVY),
                                               {"Content-Type": "application/json"})
        answers.append((status, headers, body))

    threads = [threading.Thread(target=heavy) for _ in range(count)]
    for thread in threads:
        thread.start()
    return threads


def _json(data: dict[str, Any]) -> bytes:
    return json.dumps(data).encode()


def test_light_requests_stay_fast_while_six_heavy_jobs_run(fair_server: Server) -> None:
    answers: list[Any] = []
    threads = _fire(fair_server, 6, answers)
    time.sleep(0.5)
    times = []
    deadline = time.monotonic() + 6
    while time.monotonic() < deadline:
        started = time.monotonic()
        status, _ = fair_server.post("/api/diff", LIGHT)
        times.append(time.monotonic() - started)
        assert status == 200
    for thread in threads:
        thread.join(60)
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    print(f"light p95 {p95 * 1000:.0f} ms over {len(times)} requests while 6 heavy ran")
    assert p95 < 0.5, times
    assert sorted(a[0] for a in answers) == [422] * 6    # each ran to its budget


def test_past_the_heavy_queue_a_503_with_retry_after(fair_server: Server) -> None:
    answers: list[Any] = []
    threads = _fire(fair_server, 40, answers)        # 3 slots + 32 waiting + 5 refused
    for thread in threads:
        thread.join(90)
    statuses = sorted(a[0] for a in answers)
    busy = [a for a in answers if a[0] == 503]
    assert len(busy) >= 3, (statuses, [a[2][:200] for a in answers if a[0] == 400][:2])
    assert all(a[1].get("retry-after") == "2" for a in busy)
    assert all(b'"busy_heavy"' in a[2] for a in busy)
    assert fair_server.post("/api/diff", LIGHT)[0] == 200


def test_slow_clients_are_cut_off(fair_server: Server) -> None:
    """Connections that never finish their headers (slowloris) are closed after the header
    deadline, and a body trickling in gets a 408; meanwhile others are answered."""
    import socket

    from nablab.web.middleware import BODY_TIMEOUT
    from nablab.web.server import HEADER_TIMEOUT

    host, port = "127.0.0.1", fair_server.port
    slow: list[socket.socket] = []
    try:
        for _ in range(200):
            sock = socket.create_connection((host, port), timeout=30)
            slow.append(sock)
            sock.sendall(b"GET /api/status HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        body = socket.create_connection((host, port), timeout=30)
        slow.append(body)
        body.sendall(b"POST /api/diff HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                     b"application/json\r\nContent-Length: 100\r\n\r\n{\"expr")
        started = time.monotonic()
        assert fair_server.post("/api/diff", LIGHT)[0] == 200     # not starved by the 200
        assert all(sock.recv(1) == b"" for sock in slow[:-1])     # closed by the server
        assert time.monotonic() - started < HEADER_TIMEOUT + 5
        answer = b""
        while chunk := body.recv(65536):
            answer += chunk
            if b"body_timeout" in answer:
                break
        assert answer.startswith(b"HTTP/1.1 408") and b"body_timeout" in answer
        assert time.monotonic() - started < BODY_TIMEOUT + 5
    finally:
        for sock in slow:
            sock.close()


def test_a_flood_of_300_concurrent_requests_leaves_light_requests_fast(
        fair_server: Server) -> None:
    """300 requests at once (half heavy races to their cap, half different diffs): a learner's
    own light requests meanwhile keep p95 < 500 ms, and every flood request gets an answer —
    done, over budget, or an honest 503 with Retry-After — none is dropped or times out."""
    flood: dict[int, tuple[str, int, dict[str, str]]] = {}

    def send(i: int) -> None:
        path, data = (("/api/race", HEAVY) if i % 2 else
                      ("/api/diff", {"expression": f"x^{i % 40 + 2} + {i}xy + y^2"}))
        status, headers, _ = fair_server.request("POST", path, _json(data),
                                                 {"Content-Type": "application/json"})
        flood[i] = (path, status, headers)

    threads = [threading.Thread(target=send, args=(i,)) for i in range(300)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    times = []
    while time.monotonic() - started < 8:
        sent = time.monotonic()
        assert fair_server.post("/api/diff", LIGHT)[0] == 200
        times.append(time.monotonic() - sent)
    for thread in threads:
        thread.join(120)
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    print(f"light p95 {p95 * 1000:.0f} ms over {len(times)} requests during a 300-request flood")
    assert p95 < 0.5, times
    assert len(flood) == 300
    assert {s for p, s, _ in flood.values() if p == "/api/diff"} == {200}
    heavy = [(s, h) for p, s, h in flood.values() if p == "/api/race"]
    assert {s for s, _ in heavy} <= {422, 503} and sum(s == 503 for s, _ in heavy) >= 100
    assert all(h.get("retry-after") == "2" for s, h in heavy if s == 503)


def test_past_the_connection_limit_an_immediate_503(fair_server: Server) -> None:
    """More open connections than the limit (512): the next request is answered 503 at once
    (it used to wait until file descriptors ran out and every request timed out); once they
    close, requests are served again."""
    import socket

    from nablab.web.settings import MAX_CONNECTIONS

    host, port = "127.0.0.1", fair_server.port
    held: list[socket.socket] = []
    try:
        for _ in range(MAX_CONNECTIONS + 20):
            sock = socket.create_connection((host, port), timeout=30)
            sock.sendall(b"GET /api/status HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
            held.append(sock)
        time.sleep(0.5)
        started = time.monotonic()
        status, _, _ = fair_server.request("GET", "/api/status")
        assert status == 503 and time.monotonic() - started < 2
    finally:
        for sock in held:
            sock.close()
    deadline = time.monotonic() + 10
    while fair_server.request("GET", "/api/status")[0] != 200:
        assert time.monotonic() < deadline
        time.sleep(0.2)
