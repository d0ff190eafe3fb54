"""Where the server listens, which sources it was started from, and the messages both send.

Imports only the standard library: the client runs before anything else is loaded.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import stat
import struct
import sys
import tempfile
from pathlib import Path
from typing import Any

#: Seconds without a command after which the server stops.
DEFAULT_IDLE = 3600.0
#: The largest request (arguments and environment), bytes.
MAX_REQUEST = 1 << 20
_LENGTH = struct.Struct("!I")


def folder() -> Path:
    """The server's folder: ``NABLAB_DAEMON_DIR``, else ``$XDG_RUNTIME_DIR/nablab``, else
    ``nablab-<uid>`` in the temporary folder."""
    chosen = os.environ.get("NABLAB_DAEMON_DIR")
    if chosen:
        return Path(chosen)
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime:
        return Path(runtime) / "nablab"
    return Path(tempfile.gettempdir()) / f"nablab-{os.getuid()}"


def socket_path() -> Path:
    return folder() / "socket"


def is_private(path: Path) -> bool:
    """Whether ``path`` is a real folder of this user that no one else may enter."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() \
        and info.st_mode & 0o077 == 0


def make_private(path: Path) -> bool:
    """Create the folder (mode 700) if it is missing; whether it is private."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return False
    return is_private(path)


def source_key() -> str:
    """What the code a process runs was loaded from: the interpreter, nablab's version and
    the modification times of its modules (~2 ms). A server whose key differs from its
    client's serves outdated code."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(f"{sys.executable}\0{sys.version}\0".encode())
    for file in sorted(package.rglob("*.py")):
        try:
            digest.update(f"{file}\0{file.stat().st_mtime_ns}\0".encode())
        except OSError:
            continue
    return digest.hexdigest()[:32]


def send(sock: socket.socket, message: dict[str, Any]) -> None:
    """One message: its length, then its JSON."""
    data = json.dumps(message).encode()
    sock.sendall(_LENGTH.pack(len(data)) + data)


def receive(sock: socket.socket) -> dict[str, Any] | None:
    """The next message, or ``None`` at the end of the connection (or a bad message)."""
    head = _exactly(sock, _LENGTH.size)
    if head is None:
        return None
    (length,) = _LENGTH.unpack(head)
    if length > MAX_REQUEST:
        return None
    data = _exactly(sock, length)
    if data is None:
        return None
    try:
        message = json.loads(data)
    except ValueError:
        return None
    return message if isinstance(message, dict) else None


def ask_server(message: dict[str, Any], fds: list[int],
               timeout: float) -> tuple[socket.socket, dict[str, Any]] | None:
    """Connect to the running server, hand it ``fds`` and ``message``, and read its first
    answer: the open connection and that answer (the caller closes it), or ``None`` when
    there is no private socket or no server answers."""
    path = socket_path()
    if not path.exists() or not is_private(path.parent):
        return None
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.settimeout(timeout)
        sock.connect(str(path))
        socket.send_fds(sock, [b"\0"], fds)
        send(sock, message)
        answer = receive(sock)
    except OSError:
        answer = None
    if answer is None:
        sock.close()
        return None
    return sock, answer


def _exactly(sock: socket.socket, size: int) -> bytes | None:
    parts, left = [], size
    while left:
        try:
            chunk = sock.recv(left)
        except OSError:
            return None
        if not chunk:
            return None
        parts.append(chunk)
        left -= len(chunk)
    return b"".join(parts)


__all__ = ["DEFAULT_IDLE", "MAX_REQUEST", "ask_server", "folder", "is_private", "make_private",
           "receive", "send", "socket_path", "source_key"]
