"""The ``nablab`` process's side: hand the command to a running server, or say it cannot.

:func:`run_served` returns the command's exit code when a server ran it, and ``None`` when
there is no server to ask (none started, ``NABLAB_NO_DAEMON`` set, a folder that is not
private, a server that does not answer or serves other sources): then the command runs in
this process, exactly as without a server. Only the standard library is imported here.
"""

from __future__ import annotations

import os
import signal
import socket
import sys
from collections.abc import Sequence
from typing import Any

from nablab.daemon.wire import ask_server, receive, source_key

#: Commands that never go to the server: its own, and the web server (long-running, with
#: worker processes of its own).
LOCAL_COMMANDS = frozenset({"daemon", "serve"})
#: Signals a user sends the command (Ctrl-C, a terminal closing, ``kill``): passed on to the
#: process that runs it.
FORWARDED = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
#: Seconds to wait for the server to accept and answer.
CONNECT_TIMEOUT = 2.0
#: The exit code when the process running the command ended without one (it was killed).
LOST = 70


def run_served(argv: Sequence[str]) -> int | None:
    """Run ``nablab argv`` through the server; ``None`` if no server can run it."""
    if os.environ.get("NABLAB_NO_DAEMON") or LOCAL_COMMANDS & set(argv[:1]) \
            or not supported():
        return None
    asked = ask_server(request(argv), [0, 1, 2], CONNECT_TIMEOUT)
    if asked is None:
        return None
    sock, answer = asked
    with sock:
        if answer.get("stale") or "pid" not in answer:
            return None   # stale or refused: run here
        try:
            sock.settimeout(None)
            return _wait(sock, int(answer["pid"]))
        except OSError:
            return None


def supported() -> bool:
    """Whether this system can pass descriptors over a Unix socket (not Windows)."""
    return hasattr(socket, "send_fds") and hasattr(socket, "AF_UNIX") and hasattr(os, "getuid")


def request(argv: Sequence[str]) -> dict[str, Any]:
    """What the server needs to run the command as this process would."""
    mask = os.umask(0o022)
    os.umask(mask)
    return {"argv": list(argv), "cwd": os.getcwd(), "env": dict(os.environ), "umask": mask,
            "key": source_key(), "encoding": _encodings()}


def _encodings() -> list[list[str | None]]:
    return [[getattr(s, "encoding", None), getattr(s, "errors", None)]
            for s in (sys.stdin, sys.stdout, sys.stderr)]


def _wait(sock: socket.socket, pid: int) -> int:
    """Pass signals on to ``pid`` until it reports its exit code."""
    def forward(signum: int, _frame: Any) -> None:
        try:
            os.kill(pid, signum)
        except OSError:
            pass

    previous = {s: signal.signal(s, forward) for s in FORWARDED}
    try:
        answer = receive(sock)
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
    if answer is None or "exit" not in answer:
        from nablab.i18n import default_language, translate

        sys.stderr.write(translate("daemon.lost", default_language()) + "\n")
        return LOST
    return int(answer["exit"])


__all__ = ["FORWARDED", "LOCAL_COMMANDS", "LOST", "run_served", "supported"]
