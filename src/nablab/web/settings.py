"""The server's limits in one place: workers, time, memory, body and result sizes."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from nablab.budget import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT
from nablab.i18n import default_language

#: Largest request body accepted, bytes (a formula is at most 10 000 characters).
MAX_BODY = 64 * 1024
#: Largest result sent back, bytes (a long descent with ``every`` 1 can exceed it).
MAX_RESULT = 16 * 1024 * 1024
#: Requests that may wait for a worker before the server answers 503.
MAX_PENDING = 256
#: Heavy jobs (descents, critical points, …) that may wait for a slot before a 503.
MAX_HEAVY_PENDING = 32
#: Open connections the server takes at once; past it, an immediate 503.
MAX_CONNECTIONS = 512
#: Host names that mean "this computer": every server answers to them.
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})


def default_workers() -> int:
    """One worker per core, at least two (one long job must not hold the only worker)."""
    return max(2, os.cpu_count() or 2)


@dataclass(frozen=True)
class Settings:
    """How the web app runs.

    Attributes:
        workers: worker processes kept ready.
        extra_workers: workers added while long jobs hold the others (then retired).
        timeout: wall-clock budget of one job, seconds; a request may ask for less.
        memory_mb: memory one job may add on top of its worker's, MiB.
        max_body, max_result, max_pending, max_heavy_pending, max_connections: see the
            module constants.
        lang: the page's first language, and the API's when a request names none.
        allowed_hosts: the host names (the ``Host`` header) the server answers to: loopback
            names, the address it is bound to and ``--allow-host`` names. Any other is
            refused, whatever the bind address: a page of another site that points its own
            name at this address (DNS rebinding) cannot use the server.
    """

    workers: int = field(default_factory=default_workers)
    extra_workers: int = 2
    timeout: float = DEFAULT_TIMEOUT
    memory_mb: int = DEFAULT_MEMORY_MB
    max_body: int = MAX_BODY
    max_result: int = MAX_RESULT
    max_pending: int = MAX_PENDING
    max_heavy_pending: int = MAX_HEAVY_PENDING
    max_connections: int = MAX_CONNECTIONS
    lang: str = field(default_factory=default_language)
    allowed_hosts: frozenset[str] = LOOPBACK_NAMES


__all__ = ["LOOPBACK_NAMES", "MAX_BODY", "MAX_CONNECTIONS", "MAX_HEAVY_PENDING",
           "MAX_PENDING", "MAX_RESULT", "Settings", "default_workers"]
