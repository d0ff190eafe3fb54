"""A pool of worker processes for the event loop: time limit, memory cap, kill and replace.

The event loop never computes and never blocks: a request takes an idle worker (or waits
for one without blocking), and a thread of the pool's own executor sends the task down the
worker's pipe and waits for the answer. A job still running when its time is up is killed
with its worker, and a fresh worker (forked from the warm forkserver in milliseconds) takes
its place. While long jobs hold workers, a few extra workers are started so that short
requests keep being answered; they are retired when the long jobs end.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import signal
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from nablab.errors import (
    ComputationTimeout,
    MemoryLimitExceeded,
    ServerBusy,
    WorkerCrashed,
)
from nablab.web.settings import Settings
from nablab.web.tasks import Task
from nablab.web.worker import main as worker_main

#: A job running longer than this is "long": extra workers may start beside it.
LONG_JOB = 0.25
#: How often the pool looks for waiting requests and long jobs, seconds.
WATCH_INTERVAL = 0.05
#: Workers kept for light requests while heavy jobs run.
LIGHT_LANE = 1
#: Requests that are light: reading a formula and the calculus of one formula. Every other
#: command (descents, races, sweeps, critical points, Lagrange, pictures) is heavy and may
#: hold at most all workers but the light lane.
LIGHT_COMMANDS = frozenset({"diff", "steps", "tangent", "limit", "implicit", "taylor", "chain",
                            "check", "practice"})


def is_light(task: Task) -> bool:
    """Whether a task takes the light lane: a preview, or a light command or its view."""
    kind, name = task[0], task[1]
    return kind == "parse" or (kind in ("job", "view") and name in LIGHT_COMMANDS)
#: The module the forkserver imports before forking workers.
PRELOAD = "nablab.web._preload"


class Worker:
    """One worker process and its end of the pipe."""

    def __init__(self, memory_mb: int) -> None:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([PRELOAD])
        self.conn, child = context.Pipe()
        self.process = context.Process(target=worker_main, args=(child, memory_mb), daemon=True,
                                       name="nablab-worker")
        self.process.start()
        child.close()
        self.busy_since: float | None = None

    def call(self, task: Task, timeout: float) -> tuple[str, Any]:
        """Send ``task`` and wait for the answer (in a thread); kill the worker at timeout.

        The worker runs the task within the same ``timeout``, so a sub-step never gets more
        than the task has left; killing it here is what stops the task itself.
        """
        try:
            self.conn.send((task, timeout))
            if not self.conn.poll(timeout):
                self.kill()
                return ("timeout", timeout)
            return self.conn.recv()
        except (EOFError, OSError):
            # The worker died without answering. The memory cap makes a job fail with a
            # MemoryError, answered; a death is a signal (the OOM killer, a kill) or a crash.
            self.kill()
            code = self.process.exitcode
            if code is not None and code < 0:
                return ("killed", signal.Signals(-code).name)
            return ("crash", f"exit code {code}")

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()

    @property
    def healthy(self) -> bool:
        return self.process.is_alive() and not self.conn.closed


def outcome(status: str, payload: Any, memory_mb: int) -> bytes:
    """The answer's JSON bytes, or the error it stands for (raised)."""
    if status == "ok":
        return bytes(payload)
    if status == "error":
        raise payload
    if status == "timeout":
        raise ComputationTimeout(seconds=payload)
    if status == "memory":
        raise MemoryLimitExceeded(limit_mb=memory_mb)
    if status == "killed":
        raise WorkerCrashed("worker_killed", signal=payload)
    raise WorkerCrashed(detail=payload)


class WorkerPool:
    """Workers for the event loop. ``await pool.run(task, timeout)`` returns JSON bytes."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.size = settings.workers
        self.max_size = settings.workers + settings.extra_workers
        self._threads = ThreadPoolExecutor(self.max_size + 2, thread_name_prefix="nablab-pool")
        self._workers: list[Worker] = []
        self._idle: list[Worker] = []
        self._waiters: deque[asyncio.Future[Worker]] = deque()
        self._starting = 0
        self._watch: asyncio.Task[None] | None = None
        self._closed = False
        self.stopping = False
        #: Heavy jobs may hold all workers but one: the last is the light requests' lane.
        self.heavy_slots = max(1, self.max_size - LIGHT_LANE)
        self._heavy_running = 0
        self._heavy_waiters: deque[asyncio.Future[None]] = deque()

    async def start(self) -> None:
        """Start the workers (concurrently; requests wait for the first one ready)."""
        self._loop = asyncio.get_running_loop()
        self._watch = asyncio.create_task(self._watch_loop())
        await asyncio.gather(*(self._add_worker() for _ in range(self.size)))

    def stop_soon(self) -> None:
        """:meth:`stop`, from a signal handler: scheduled on the pool's event loop."""
        loop = getattr(self, "_loop", None)
        if loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(self.stop)

    def stop(self) -> None:
        """The server is stopping (Ctrl+C): every request waiting or running is answered
        "the server is stopping" at once, not cut off when the shutdown's grace runs out."""
        self._closed = self.stopping = True
        waiting: list[asyncio.Future[Any]] = [*self._waiters, *self._heavy_waiters]
        for waiter in waiting:
            if not waiter.done():
                waiter.set_exception(ServerBusy("stopping"))
        for worker in list(self._workers):
            self._threads.submit(worker.kill)

    async def close(self) -> None:
        self._closed = True
        if self._watch is not None:
            self._watch.cancel()
        for worker in list(self._workers):
            worker.kill()
        self._workers.clear()
        self._idle.clear()
        self._threads.shutdown(wait=False, cancel_futures=True)

    @property
    def pending(self) -> int:
        """Requests waiting for a worker."""
        return sum(1 for waiter in self._waiters if not waiter.done())

    @property
    def ready(self) -> int:
        """Workers alive (idle or busy); a dead idle one is replaced when next taken."""
        return sum(1 for w in self._workers if w.healthy)

    async def run(self, task: Task, timeout: float) -> bytes:
        """Run ``task`` on a worker within ``timeout`` seconds; its JSON bytes.

        Raises:
            ServerBusy: too many requests are waiting already.
            ComputationTimeout, MemoryLimitExceeded: the job went over its budget.
            NablabError: whatever the job raised (a parse error, …).
        """
        if self.stopping:
            raise ServerBusy("stopping")
        if self.pending >= self.settings.max_pending:
            raise ServerBusy(pending=self.pending)
        heavy = not is_light(task)
        if heavy:
            await self._admit_heavy(timeout)
            self._keep_light_lane()
        try:
            worker = await self._acquire()
        except BaseException:
            if heavy:
                self._release_heavy()
            raise
        worker.busy_since = time.monotonic()
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(self._threads, worker.call, task, timeout)
        future.add_done_callback(lambda done: self._finished(worker, done, heavy))
        # shield: a client that goes away must not hand a busy worker back to the pool
        status, payload = await asyncio.shield(future)
        if self.stopping:
            raise ServerBusy("stopping")
        return outcome(status, payload, self.settings.memory_mb)

    async def _admit_heavy(self, timeout: float) -> None:
        """Wait for a heavy slot; a bounded queue, then an honest 503 (``Retry-After``)."""
        if self._heavy_running < self.heavy_slots:
            self._heavy_running += 1
            return
        waiting = sum(1 for w in self._heavy_waiters if not w.done())
        if waiting >= self.settings.max_heavy_pending:
            raise ServerBusy("busy_heavy", running=self._heavy_running, waiting=waiting)
        slot: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._heavy_waiters.append(slot)
        try:
            await asyncio.wait_for(asyncio.shield(slot), timeout=3 * self.settings.timeout)
        except (TimeoutError, asyncio.CancelledError) as exc:
            if slot.done() and not slot.cancelled():
                self._release_heavy()     # handed over just as we gave up: pass it on
            slot.cancel()
            if isinstance(exc, asyncio.CancelledError):
                raise
            raise ServerBusy("busy_heavy", running=self._heavy_running,
                             waiting=len(self._heavy_waiters)) from None

    def _release_heavy(self) -> None:
        """A heavy job ended: its slot goes to the next heavy request waiting, if any."""
        while self._heavy_waiters:
            slot = self._heavy_waiters.popleft()
            if not slot.done():
                slot.set_result(None)
                return
        self._heavy_running -= 1

    def _keep_light_lane(self) -> None:
        """Start workers at once so that the heavy jobs admitted leave one for light ones."""
        have = len(self._workers) + self._starting
        for _ in range(min(self.max_size, self._heavy_running + LIGHT_LANE) - have):
            if not self._closed:
                asyncio.ensure_future(self._add_worker())

    async def _acquire(self) -> Worker:
        while self._idle:
            worker = self._idle.pop()
            if worker.healthy:
                return worker
            self._replace(worker)
        waiter: asyncio.Future[Worker] = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        try:
            # bounded: a request never waits for a worker longer than a few jobs' budgets
            await asyncio.wait({waiter}, timeout=3 * self.settings.timeout)
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():
                self._release(waiter.result())
            waiter.cancel()
            raise
        if not waiter.done():
            waiter.cancel()
            raise ServerBusy(pending=self.pending)
        return waiter.result()

    def _finished(self, worker: Worker, done: asyncio.Future[tuple[str, Any]],
                  heavy: bool = False) -> None:
        worker.busy_since = None
        if heavy:
            self._release_heavy()
        failed = done.cancelled() or done.exception() is not None
        if failed or done.result()[0] in ("timeout", "memory", "killed", "crash"):
            self._replace(worker)
        else:
            self._release(worker)

    def _release(self, worker: Worker) -> None:
        """Hand a free worker to the first waiting request, or retire it, or keep it idle."""
        if self._closed:
            return
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(worker)
                return
        if len(self._workers) > self._target():
            self._retire(worker)
        else:
            self._idle.append(worker)

    def _target(self) -> int:
        """How many workers to keep: the base size plus one per long job running."""
        now = time.monotonic()
        long_jobs = sum(1 for w in self._workers
                        if w.busy_since is not None and now - w.busy_since > LONG_JOB)
        return min(self.max_size, max(self.size + long_jobs, self._heavy_running + LIGHT_LANE))

    def _retire(self, worker: Worker) -> None:
        self._workers.remove(worker)
        self._threads.submit(worker.kill)

    def _replace(self, worker: Worker) -> None:
        """Drop a killed (or dead) worker and start another in its place."""
        if worker in self._workers:
            self._workers.remove(worker)
        self._threads.submit(worker.kill)
        if not self._closed:
            asyncio.ensure_future(self._add_worker())

    async def _add_worker(self) -> None:
        self._starting += 1
        try:
            loop = asyncio.get_running_loop()
            worker = await loop.run_in_executor(self._threads, Worker, self.settings.memory_mb)
        finally:
            self._starting -= 1
        if self._closed:
            worker.kill()
            return
        self._workers.append(worker)
        self._release(worker)

    async def _watch_loop(self) -> None:
        """Add a worker while requests wait and long jobs hold the others; replace an idle
        worker that died (killed from outside), so the pool and ``/api/status`` stay true."""
        while not self._closed:
            await asyncio.sleep(WATCH_INTERVAL)
            for dead in [w for w in self._idle if not w.healthy]:
                self._idle.remove(dead)
                self._replace(dead)
            waiting = any(not w.done() for w in self._waiters)
            if waiting and not self._starting and len(self._workers) < self._target():
                with contextlib.suppress(Exception):
                    await self._add_worker()


__all__ = ["LIGHT_COMMANDS", "LONG_JOB", "Worker", "WorkerPool", "is_light", "outcome"]
