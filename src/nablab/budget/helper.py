"""A forked helper process that works beside this one, bounded like the job it serves.

Some work goes faster in a second process than in a second thread: importing SciPy while
this process solves (the Lagrange cross-check), or half of a compiled loop that holds the
GIL (training on many rows). :func:`fork_helper` forks a copy of this process that runs
``serve(requests, replies)`` on two pipes and then exits; what travels over them is up to
the caller (pickles, single bytes over shared memory).

Bounded like the job: the helper inherits the memory cap in force (``RLIMIT_AS``), arms its
own clock for what is left of the enclosing budget (its default ``SIGALRM`` action ends it),
ends when this process closes the pipes (it died, or no longer needs the helper; ``serve``
reads end of file), and is killed and reaped by :meth:`Helper.close`. Where it cannot be
forked (no ``os.fork``, not the main thread, fork failing) :func:`fork_helper` returns
``None``, and the caller does the work itself.
"""

from __future__ import annotations

import os
import signal
import threading
import warnings
from collections.abc import Callable
from contextlib import suppress

from nablab.budget._scope import remaining


class Helper:
    """A forked helper: its pid and this side's ends of the two pipes (see the module)."""

    def __init__(self, pid: int, requests: int, replies: int) -> None:
        self.pid, self.requests, self.replies = pid, requests, replies

    def close(self) -> None:
        """End the helper (whatever it is doing) and reap it."""
        for fd in (self.requests, self.replies):
            with suppress(OSError):
                os.close(fd)
        with suppress(OSError):
            os.kill(self.pid, signal.SIGKILL)
        with suppress(OSError):
            os.waitpid(self.pid, 0)


def fork_helper(serve: Callable[[int, int], None]) -> Helper | None:
    """Fork a helper running ``serve(requests, replies)`` (pipe descriptors: it reads the
    first and writes the second), or ``None`` where that is not possible."""
    if not hasattr(os, "fork") or threading.current_thread() is not threading.main_thread():
        return None
    from_parent, to_child = os.pipe()
    from_child, to_parent = os.pipe()
    try:
        with warnings.catch_warnings():
            # Python ≥ 3.12 warns when a process with threads forks: the helper touches no
            # lock another thread may hold (it computes and writes to its pipe).
            warnings.simplefilter("ignore", DeprecationWarning)
            pid = os.fork()
    except OSError:
        for fd in (to_child, from_parent, from_child, to_parent):
            os.close(fd)
        return None
    if pid == 0:  # the helper: never returns
        code = 1
        try:
            os.close(to_child)
            os.close(from_child)
            _bounded()
            serve(from_parent, to_parent)
            code = 0
        finally:
            os._exit(code)
    os.close(from_parent)
    os.close(to_parent)
    return Helper(pid, to_child, from_child)


def _bounded() -> None:
    """In the helper: Ctrl-C is for the parent; the clock is what the job has left."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    left = remaining()
    if left is not None:
        signal.setitimer(signal.ITIMER_REAL, max(left, 1e-3))


__all__ = ["Helper", "fork_helper"]
