"""The server: warm once, then fork a copy of itself for each command.

Run as ``python -m nablab.daemon.server`` by ``nablab daemon start`` (in a new session, its
streams on ``/dev/null``). It listens on :func:`~nablab.daemon.wire.socket_path`, accepts
only its own user (``SO_PEERCRED``), and for each connection:

- a request from other sources (:func:`~nablab.daemon.wire.source_key`) is answered
  ``stale`` and the server stops: the client runs the command itself;
- ``status`` and ``stop`` are answered here;
- a command is run by a forked child: it takes the client's standard streams, working
  folder, file mode mask and environment, tells the client its pid (for Ctrl-C), runs the
  command line (:func:`nablab.cli.main`, every command offered as in ``nablab``, though
  ``serve`` and ``daemon`` themselves never come here), and sends the exit code.

After :data:`DEFAULT_IDLE` seconds without a command (``--idle``; 0: never) it stops.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import signal
import socket
import struct
import sys
import time
from collections.abc import Sequence
from typing import Any

from nablab.daemon.wire import DEFAULT_IDLE, make_private, receive, send, socket_path, source_key

#: Commands run once in the server before it listens (their imports, caches and fonts are
#: then in every child): ``(command, fields)``, ``{folder}`` a temporary folder.
WARM_UP: tuple[tuple[str, dict[str, Any]], ...] = (
    ("diff", {"expression": "x^2 + 3xy + y^2", "at": "x=1,y=2"}),
    ("plot", {"expression": "x^2 + y^2", "out": "{folder}/surface.png"}),
    ("plot", {"expression": "sin(x)", "out": "{folder}/curve.png"}),
    ("lagrange", {"expression": "4 - x^2 - 2y^2", "constraints": "2(x-1)^2 - 10y + 6 = 0"}),
    ("train", {"data": "example:linear"}),
)


def warm() -> None:
    """Import and exercise what the commands use, so that every child starts warm: the
    web's warm-up (grammar, SymPy's caches), every command's options, SciPy's optimizers
    (the Lagrange check imports them in a helper process, which would import them again
    for every command) and a few commands run here (matplotlib with its fonts, SymEngine's
    compiler)."""
    import tempfile

    from nablab.cli.app import build_parser
    from nablab.daemon.faces import provided
    from nablab.jobs import request_type
    from nablab.web.tasks import warm as warm_tasks

    warm_tasks()
    build_parser("en", None, provided())
    import scipy.optimize  # noqa: F401 - the Lagrange check imports it in a helper process

    with tempfile.TemporaryDirectory() as folder:
        for command, fields in WARM_UP:
            filled = {k: v.format(folder=folder) if isinstance(v, str) else v
                      for k, v in fields.items()}
            request_type(command)(**filled).run()


class Server:
    """The listening socket and what the server has done."""

    def __init__(self, idle: float) -> None:
        self.idle, self.key = idle, source_key()
        self.started, self.served, self.last = time.time(), 0, time.monotonic()
        self.children: set[int] = set()
        self.path = socket_path()
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.bound: tuple[int, int] | None = None

    def bind(self) -> None:
        if not make_private(self.path.parent):
            raise PermissionError(f"{self.path.parent} is not a private folder")
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        self.listener.bind(str(self.path))
        os.chmod(self.path, 0o600)
        self.bound = _identity(self.path)
        self.listener.listen(16)
        self.listener.settimeout(1.0)

    def serve(self) -> None:
        """Answer connections until stopped, stale or idle."""
        try:
            while self._answer_next():
                pass
        finally:
            with contextlib.suppress(OSError):   # unless another server has taken the name
                if _identity(self.path) == self.bound:
                    self.path.unlink()
            self.listener.close()

    def _answer_next(self) -> bool:
        self._reap()
        try:
            conn, _ = self.listener.accept()
        except TimeoutError:
            idle = time.monotonic() - self.last
            return not (self.idle and idle > self.idle and not self.children)
        with conn:
            conn.settimeout(10.0)
            if _peer_uid(conn) != os.getuid():
                return True
            try:
                _, fds, _, _ = socket.recv_fds(conn, 1, 3)
            except OSError:
                return True
            try:
                return self._answer(conn, fds)
            finally:
                for fd in fds:
                    os.close(fd)

    def _answer(self, conn: socket.socket, fds: list[int]) -> bool:
        message = receive(conn)
        if message is None:
            return True
        if message.get("key") != self.key:
            send(conn, {"stale": True, "pid": os.getpid()})
            return False
        if "control" in message:
            return self._control(conn, str(message["control"]))
        if len(fds) != 3:
            send(conn, {"refused": "streams"})
            return True
        self.last = time.monotonic()
        self.served += 1
        pid = os.fork()
        if pid == 0:   # the child: never returns
            code = 70
            try:
                self.listener.close()
                code = _run_command(conn, fds, message)
            finally:
                os._exit(code)
        self.children.add(pid)
        return True

    def _control(self, conn: socket.socket, what: str) -> bool:
        send(conn, {"pid": os.getpid(), "served": self.served, "running": len(self.children),
                    "since": self.started, "idle": self.idle, "path": str(self.path)})
        return what != "stop"

    def _reap(self) -> None:
        for pid in list(self.children):
            try:
                done, _ = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                done = pid
            if done:
                self.children.discard(pid)
                self.last = time.monotonic()


def _identity(path: Any) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _peer_uid(conn: socket.socket) -> int:
    """The user id of the process at the other end (Linux), or this one's where the system
    does not say (the folder's mode 700 already keeps others out)."""
    option = getattr(socket, "SO_PEERCRED", None)
    if option is None:
        return os.getuid()
    raw = conn.getsockopt(socket.SOL_SOCKET, option, struct.calcsize("3i"))
    return int(struct.unpack("3i", raw)[1])


def _run_command(conn: socket.socket, fds: list[int], message: dict[str, Any]) -> int:
    """In a child: become the client's process for one command; its exit code."""
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGCHLD):
        signal.signal(signum, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    os.chdir(message["cwd"])
    os.umask(int(message.get("umask", 0o022)))
    os.environ.clear()
    os.environ.update({str(k): str(v) for k, v in message["env"].items()})
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
    _reopen_streams(message.get("encoding") or [])
    sys.argv = ["nablab", *message["argv"]]
    send(conn, {"pid": os.getpid()})
    from nablab.cli import main
    from nablab.daemon.faces import provided

    try:
        code = main(list(message["argv"]), provided=provided())
    except KeyboardInterrupt:
        code = 130
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    with contextlib.suppress(OSError):
        send(conn, {"exit": code})
    return code


def _reopen_streams(encodings: Sequence[Any]) -> None:
    """``sys.stdin/stdout/stderr`` on descriptors 0–2, with the client's encodings (a
    terminal's are line-buffered, as Python makes them)."""
    def stream(fd: int, mode: str) -> Any:
        given = list(encodings[fd]) if fd < len(encodings) and encodings[fd] else []
        encoding, errors = (given + [None, None])[:2]
        return open(fd, mode, encoding=encoding or "utf-8",  # noqa: SIM115 - the process's own
                    errors=errors or ("backslashreplace" if fd == 2 else "strict"),
                    closefd=False, buffering=1 if fd > 0 and os.isatty(fd) else -1)

    sys.stdin, sys.stdout, sys.stderr = stream(0, "r"), stream(1, "w"), stream(2, "w")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nablab.daemon.server")
    parser.add_argument("--idle", type=float, default=DEFAULT_IDLE)
    args = parser.parse_args(argv)
    os.chdir("/")   # hold no one's folder: each child moves to its client's
    server = Server(args.idle)
    warm()
    # What warm() made is kept for good: the collector of a child never walks it, so the
    # child does not copy the server's memory page by page (copy-on-write) just to read it.
    gc.collect()
    gc.freeze()
    server.bind()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        server.serve()
    except SystemExit:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
