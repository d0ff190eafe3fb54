"""``nablab serve``: bind the socket, say where, run uvicorn until Ctrl+C.

The socket is bound and listening before the address is printed, so a client (or a test)
that reads the line can connect at once; uvicorn accepts from the same socket.
"""

from __future__ import annotations

import ipaddress
import json
import socket
import threading
import time
import webbrowser
from collections.abc import Iterable
from typing import Any, TextIO

from nablab.errors import NablabError
from nablab.i18n import translate
from nablab.web.settings import LOOPBACK_NAMES, Settings


def is_loopback(host: str) -> bool:
    """Whether every address ``host`` names is this computer's own (127.0.0.0/8, ::1):
    ``127.1`` and ``127.0.0.2`` are; ``0.0.0.0`` and ``::`` (every interface) are not."""
    try:
        found = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return False
    return bool(found) and all(ipaddress.ip_address(a[4][0]).is_loopback for a in found)


def allowed_hosts(host: str, extra: Iterable[str] = ()) -> frozenset[str]:
    """The ``Host`` names a server bound to ``host`` answers to: this computer's names, the
    bound name itself (``[…]`` for IPv6) and the names given with ``--allow-host``."""
    names = {host.lower(), *(n.strip().lower() for n in extra if n.strip())}
    names |= {f"[{n}]" for n in names if ":" in n and not n.startswith("[")}
    return LOOPBACK_NAMES | frozenset(names)


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host:port`` (port 0: any free port).

    Raises:
        NablabError: ``port_in_use`` when the address cannot be bound.
    """
    sock = None
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        sock = socket.socket(family, kind, proto)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(2048)
    except OSError as exc:
        if sock is not None:
            sock.close()
        raise NablabError("port_in_use", host=host, port=port, reason=exc.strerror or exc) from None
    sock.set_inheritable(True)
    return sock


def url_of(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


def _open_when_started(server: object, url: str) -> None:
    for _ in range(200):
        if getattr(server, "started", False):
            webbrowser.open(url)
            return
        time.sleep(0.05)


#: Seconds a new connection has to send its request's headers (a connection that never
#: finishes them would otherwise hold a file descriptor for ever: slowloris).
HEADER_TIMEOUT = 10.0


def _protocol() -> type:
    """uvicorn's HTTP/1.1 protocol with a deadline for the first request's headers."""
    from uvicorn.protocols.http.h11_impl import H11Protocol

    class TimedH11Protocol(H11Protocol):
        def connection_made(self, transport: Any) -> None:
            super().connection_made(transport)
            self._late = self.loop.call_later(HEADER_TIMEOUT, self._no_request)

        def _no_request(self) -> None:
            if self.cycle is None and not self.transport.is_closing():
                self.transport.close()

        def connection_lost(self, exc: Exception | None) -> None:
            self._late.cancel()
            super().connection_lost(exc)

    return TimedH11Protocol


def _server_class() -> type:
    import uvicorn

    class Server(uvicorn.Server):
        """On Ctrl+C, the requests in flight are answered "stopping" before the shutdown."""

        def handle_exit(self, sig: int, frame: Any) -> None:
            pool = getattr(getattr(self.config.app, "state", None), "pool", None)
            if pool is not None and not pool.stopping:
                pool.stop_soon()
            super().handle_exit(sig, frame)

    return Server


def serve(settings: Settings, host: str, port: int, *, open_browser: bool = False,
          out: TextIO, as_json: bool = False) -> int:
    """Run the web app until interrupted; the exit code."""
    import uvicorn

    from nablab.web.app import create_app

    sock = bind(host, port)
    url = url_of(sock)
    line = json.dumps({"url": url}) if as_json else translate("web.serving", settings.lang,
                                                              url=url)
    out.write(line + "\n")
    out.flush()
    # past max_connections uvicorn answers 503 at once instead of leaving sockets unaccepted
    config = uvicorn.Config(create_app(settings), log_level="warning", access_log=False,
                            lifespan="on", timeout_graceful_shutdown=2,
                            limit_concurrency=settings.max_connections, timeout_keep_alive=5,
                            http=_protocol())
    server = _server_class()(config)
    if open_browser:
        threading.Thread(target=_open_when_started, args=(server, url), daemon=True).start()
    server.run(sockets=[sock])
    return 0


__all__ = ["HEADER_TIMEOUT", "allowed_hosts", "bind", "is_loopback", "serve", "url_of"]
