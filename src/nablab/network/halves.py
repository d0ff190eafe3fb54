r"""Full-batch steps on two cores: half of the block's chunks in a forked helper process.

SymEngine's compiled loops hold the GIL, so a second thread cannot run one beside them (and
handing the GIL back and forth around short calls costs more than it gains). In full-batch
training only θ changes from step to step, never the rows, so a second *process* can share
the work:

1. a helper is forked (:func:`~nablab.budget.helper.fork_helper`): it already has the
   compiled kernel and the block (its own copy-on-write copy: each process writes θ into the
   rows of its own chunks only, so nothing is copied but those pages, once);
2. each step, θ is written into shared memory and one byte wakes the helper; it evaluates
   the second half of the block's :func:`~nablab.network.kernel.chunks` while this process
   evaluates the first, and answers with one byte;
3. the chunk means are added in chunk order (:func:`~nablab.network.kernel.combine`): the
   same sums, to the bit, as one process evaluating every chunk.

Either process evaluates a chunk :data:`~nablab.network.grouped.GROUP` rows to a call of the
compiled loop where the model has such a loop (:mod:`nablab.network.grouped`; not for staged
models), whether there is a helper or not: the sums depend on the block, not on the cores.

Waking a process blocked on a pipe takes ~45 µs here, twice a step: so each side first
watches a counter in shared memory for up to :data:`SPIN` seconds and only then blocks
(the bytes still travel, and are read before the shared arrays are: a system call on each
side orders the memory). If the helper fails or dies, this process evaluates its half and
goes on alone. Machines with one core and the web server's workers (one lane each:
:data:`nablab.numeric.parallel.MAX_LANES`) have no helper; blocks below :data:`ROWS` use the
kernel as it is.
"""

from __future__ import annotations

import mmap
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np

from nablab.budget.helper import Helper, fork_helper
from nablab.network.grouped import grouped
from nablab.network.kernel import Evaluate, Kernel, chunks, combine
from nablab.numeric.parallel import lanes

#: From this many rows a step pays for the helper: its wake-up and reply cost ~20 µs a step
#: and forking ~10 ms once, against ~70 ns a row saved (bench/training_rows.py).
ROWS = 8192
#: How long each side watches the shared counter before it blocks on the pipe, seconds: longer
#: than a step's work between evaluations, so a training loop never sleeps.
SPIN = 0.002


def _shared(shape: tuple[int, ...], dtype: type = np.float64) -> np.ndarray:
    """A zeroed array in memory shared with the processes forked after it is made."""
    count = int(np.prod(shape))
    memory = mmap.mmap(-1, max(count * np.dtype(dtype).itemsize, 1))
    return np.frombuffer(memory, dtype=dtype, count=count).reshape(shape)


class Halves:
    """``(θ, rows) -> (L, ∇L)`` of one fixed block, half of it evaluated by a helper process.

    Called with any other block, it is the kernel itself.
    """

    def __init__(self, kernel: Kernel, rows: np.ndarray, helper: bool = True) -> None:
        self.kernel, self.rows = kernel, rows
        n = rows.shape[0]
        self.bounds = chunks(n)
        self.staged = kernel.staged_for(n)   # compiled here, before the fork
        self.grouped = None if self.staged else grouped(kernel, rows, self.bounds)
        self.theta = _shared((kernel.p,))
        self.parts = _shared((len(self.bounds), kernel.p + 1))
        self.counts = _shared((2,), np.int64)   # [steps asked, steps answered]
        half = len(self.bounds) // 2
        self.mine, self.theirs = range(half), range(half, len(self.bounds))
        self.helper: Helper | None = fork_helper(self._serve) if helper else None

    def __call__(self, theta: np.ndarray, rows: np.ndarray) -> tuple[float, np.ndarray]:
        if rows is not self.rows:
            return self.kernel(theta, rows)
        helper = self.helper
        if helper is not None:
            self.theta[:] = theta
            try:
                os.write(helper.requests, b"g")
            except OSError:
                helper = None
            else:
                self.counts[0] += 1
        self._evaluate(theta, self.mine)
        if helper is None or _reply(helper, self.counts, self.counts[0]) != b"k":
            self.close()
            self._evaluate(theta, self.theirs)
        means = combine(self.bounds, self.parts, rows.shape[0])
        return float(means[0]), means[1:]

    def _evaluate(self, theta: np.ndarray, indices: range) -> None:
        for index in indices:
            self.parts[index] = self.grouped.chunk_means(theta, index) if self.grouped else \
                self.kernel.chunk_means(theta, self.rows, self.bounds[index], self.staged)

    def _serve(self, requests: int, replies: int) -> None:
        """In the helper: on each byte, evaluate the second half at the shared θ."""
        asked = 0
        while True:
            asked += 1
            _watch(self.counts, 0, asked)
            if not os.read(requests, 1):
                return
            try:
                self._evaluate(self.theta.copy(), self.theirs)
            except BaseException:  # noqa: BLE001 - the parent evaluates the half itself
                os.write(replies, b"x")
                return
            os.write(replies, b"k")
            self.counts[1] = asked

    def close(self) -> None:
        """End the helper (this process evaluates every chunk from now on)."""
        if self.helper is not None:
            self.helper.close()
            self.helper = None


def _watch(counts: np.ndarray, index: int, value: int) -> None:
    """Wait (busily) up to :data:`SPIN` seconds for ``counts[index]`` to reach ``value``."""
    if counts[index] >= value:
        return
    deadline = time.perf_counter() + SPIN
    while counts[index] < value and time.perf_counter() < deadline:
        pass


def _reply(helper: Helper, counts: np.ndarray, asked: int) -> bytes:
    """The helper's answer to request number ``asked``: ``b"k"`` done, else it failed."""
    _watch(counts, 1, asked)
    try:
        return os.read(helper.replies, 1)
    except OSError:
        return b""


@contextmanager
def fixed_block(evaluate: Evaluate, rows: np.ndarray) -> Iterator[Evaluate]:
    """``evaluate`` for a loop that evaluates the block ``rows`` again and again (its θ
    columns aside, never changed): from :data:`ROWS` rows a :class:`Halves`, with a helper
    process where there are two cores (the sums are the same without), else ``evaluate``."""
    if not isinstance(evaluate, Kernel) or evaluate.backend != "llvm" or rows.shape[0] < ROWS:
        yield evaluate
        return
    halves = Halves(evaluate, rows, helper=lanes() >= 2)
    try:
        yield halves
    finally:
        halves.close()


__all__ = ["ROWS", "Halves", "fixed_block"]
