"""Isolation: a job over its time or memory budget is stopped (422), its worker replaced,
and the other requests keep being answered."""

from __future__ import annotations

import asyncio
import multiprocessing
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

from nablab.budget import memory_cap
from nablab.errors import ServerBusy
from nablab.web.pool import WorkerPool
from nablab.web.settings import Settings

from .conftest import Server, start_server, stop_server, wait_for_workers

#: Two optimizers, a million steps each, never converging (tol 0): over a minute of work.
#: One variable and a costly derivative (60 terms: ~75 µs a step), so that the budget's clock,
#: not its memory, stops it — in 3 s the recorded paths hold a few MB. (The optimizers'
#: generated loops run x² + y² so fast that six paths outgrow the 150 MB cap first.)
HEAVY = {"expression": " + ".join(f"sin({k}x)^2 + exp(cos({k}x))/{k}" for k in range(1, 31)),
         "start": "3", "steps": 1_000_000, "tol": 0, "optimizers": "adagrad,adam"}
#: Six optimizers, a million steps each, every point kept: hundreds of MB within a second.
HUNGRY = {"expression": "x^2 + y^2", "start": "3,4", "steps": 1_000_000, "tol": 0,
          "optimizers": "gd,momentum,nesterov,adagrad,rmsprop,adam"}


@pytest.fixture(scope="module")
def tight_server() -> Iterator[Server]:
    """A server with a 3 s budget and 150 MB per job."""
    server = start_server("--workers", "2", "--timeout", "3", "--memory", "150")
    yield server
    stop_server(server)


def test_web_job_over_time_is_422_and_its_worker_replaced(tight_server: Server) -> None:
    started = time.monotonic()
    status, data = tight_server.post("/api/race", HEAVY)
    elapsed = time.monotonic() - started
    assert status == 422
    assert data["error"]["kind"] == "timeout"
    assert 3 <= elapsed < 6
    wait_for_workers(tight_server, 2, seconds=5)
    assert tight_server.post("/api/diff", {"expression": "x^2 + y^2"})[0] == 200


def test_web_request_may_ask_for_less_time_never_more(tight_server: Server) -> None:
    started = time.monotonic()
    status, data = tight_server.post("/api/race", {**HEAVY, "timeout": 1})
    assert (status, data["error"]["kind"]) == (422, "timeout")
    assert time.monotonic() - started < 2.5
    status, data = tight_server.post("/api/race", {**HEAVY, "timeout": 1000})
    assert (status, data["error"]["kind"]) == (422, "timeout")
    assert "3 s" in data["error"]["message"]


def test_web_job_over_memory_is_422(tight_server: Server) -> None:
    status, data = tight_server.post("/api/race", HUNGRY)
    assert status == 422, data
    assert data["error"]["kind"] in ("memory", "result_too_large")
    wait_for_workers(tight_server, 2, seconds=5)
    assert tight_server.post("/api/diff", {"expression": "x^2"})[0] == 200


def test_web_heavy_job_does_not_stall_the_others(tight_server: Server) -> None:
    """While a long job holds a worker, short requests are answered in milliseconds."""
    heavy: dict[str, Any] = {}
    thread = threading.Thread(target=lambda: heavy.update(
        answer=tight_server.post("/api/race", HEAVY)))
    thread.start()
    time.sleep(0.3)
    times = []
    for _ in range(40):
        started = time.monotonic()
        status, _ = tight_server.post("/api/diff", {"expression": "x^2 + 3xy + y^2"})
        times.append(time.monotonic() - started)
        assert status == 200
    thread.join()
    assert heavy["answer"][0] == 422
    assert sorted(times)[len(times) // 2] < 0.1
    assert max(times) < 1.0


def _allocate_under_cap(queue: Any) -> None:
    try:
        with memory_cap(50):
            bytearray(400 * 1024 * 1024)
        queue.put("allocated")
    except MemoryError:
        queue.put("memory")
    bytearray(100 * 1024 * 1024)  # the cap is lifted after the job
    queue.put("lifted")


def test_web_memory_cap_is_per_job() -> None:
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    process = context.Process(target=_allocate_under_cap, args=(queue,))
    process.start()
    process.join(30)
    assert [queue.get(timeout=5), queue.get(timeout=5)] == ["memory", "lifted"]
    queue.close()
    queue.join_thread()


def test_web_pool_refuses_when_too_many_wait() -> None:
    pool = WorkerPool(Settings(workers=1, max_pending=0))

    async def ask() -> bytes:
        return await pool.run(("parse", "", {"expression": "x"}, "en", 1.0), 1.0)

    with pytest.raises(ServerBusy) as info:
        asyncio.run(ask())
    assert info.value.kind == "busy"
    asyncio.run(pool.close())
