"""Independent pieces of one computation on two threads: the caller and one kept worker.

NumPy's ufuncs and matrix products release the GIL while they run (SymEngine's compiled
loops do not), so two threads evaluate two chunks of a block at once on two cores as far as
NumPy does the work. :func:`each` hands out the chunk indices in order, from a shared
counter, to whichever thread is free (a core busy with another program only slows its own
thread down). Which thread evaluates which chunk varies; what a chunk computes does not:
each chunk writes only its own results, and the caller combines them in chunk order
afterwards, so the sums are the same to the bit on one thread or two, whatever the timing.
"""

from __future__ import annotations

import itertools
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

#: At most this many threads (the caller included) work on one computation.
MAX_LANES = 2

_NAME = "nablab-lane"
_lock = threading.Lock()
_pool: tuple[int, ThreadPoolExecutor] | None = None


def lanes() -> int:
    """How many threads :func:`each` uses: the cores this process may run on, at most
    :data:`MAX_LANES`."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:   # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(MAX_LANES, cores))


def _worker() -> ThreadPoolExecutor:
    """The kept worker thread (made again in a forked child, where the parent's is gone)."""
    global _pool
    with _lock:
        if _pool is None or _pool[0] != os.getpid():
            _pool = (os.getpid(), ThreadPoolExecutor(1, thread_name_prefix=_NAME))
        return _pool[1]


def split(n: int, size: int) -> list[tuple[int, int]]:
    """(start, stop) of the chunks of n rows: ⌈n/size⌉ of them, rounded up to an even number
    so that two threads share them equally, of equal length ±1.

    They depend on n and size alone, so sums taken chunk by chunk, in order, do not depend on
    the number of threads.
    """
    count = -(-n // size)
    count += count % 2 if count > 1 else 0
    return [(n * k // count, n * (k + 1) // count) for k in range(count)]


def each(task: Callable[[int, int], None], count: int) -> None:
    """Call ``task(index, lane)`` once for every index 0 … count − 1.

    ``lane`` (0 or 1) names the thread, so a task can keep scratch arrays per lane; tasks
    must write only their own index's results. Exceptions of either thread are raised here.
    Called from the worker itself, it runs every task there (the worker cannot wait for
    itself).
    """
    if count < 2 or lanes() < 2 or threading.current_thread().name.startswith(_NAME):
        for index in range(count):
            task(index, 0)
        return
    counter = itertools.count()   # next() on it is atomic under the GIL

    def run(lane: int) -> None:
        for index in iter(counter.__next__, None):
            if index >= count:
                return
            task(index, lane)

    helper: Future[None] = _worker().submit(run, 1)
    try:
        run(0)
    finally:
        helper.result()


__all__ = ["MAX_LANES", "each", "lanes", "split"]
