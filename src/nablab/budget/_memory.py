"""The memory half of a budget: cap the address space for one job, and lift the cap after.

``RLIMIT_AS`` counts what a process *maps*, and NumPy/OpenBLAS reserve a lot up front, so a
cap is "what is mapped now plus N MiB". Only the soft limit moves, so the cap can be lifted
again when the job ends (a web worker serves many jobs), and a cap is never raised: inside a
tighter cap already in force, that one stays.
"""

from __future__ import annotations

import os
import resource
from collections.abc import Iterator
from contextlib import contextmanager

_MIB = 1024 * 1024


def mapped_bytes() -> int:
    """Virtual memory the process maps now (0 when ``/proc`` cannot tell)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return 0


def _finite(limit: int) -> float:
    return float("inf") if limit == resource.RLIM_INFINITY else float(limit)


@contextmanager
def memory_cap(memory_mb: int | None) -> Iterator[bool]:
    """Cap the address space at what is mapped now plus ``memory_mb`` MiB, until the block ends.

    Yields ``True`` when this cap is the one in force, ``False`` when a cap already in force
    is tighter (or ``memory_mb`` is ``None``) and nothing changed. A ``MemoryError`` inside the
    block is this cap's only in the first case.
    """
    if memory_mb is None:
        yield False
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = mapped_bytes() + memory_mb * _MIB
    if limit >= min(_finite(soft), _finite(hard)):
        yield False
        return
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        yield True
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


__all__ = ["mapped_bytes", "memory_cap"]
