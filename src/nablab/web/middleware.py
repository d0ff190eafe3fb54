"""Two small ASGI layers: a cap on request bodies, and the headers every answer carries.

Written against ASGI directly (no per-request task or buffering beyond the capped body):
they run on every request, including the load test's thousands.
"""

from __future__ import annotations

import asyncio
from typing import Any

from nablab.web.errors import error_body

#: Seconds a client has to send the whole request body once its headers are in.
BODY_TIMEOUT = 10.0

Scope = dict[str, Any]
Message = dict[str, Any]

#: Scripts and styles from this server only; plotly.js compiles its WebGL code with Function
#: (hence 'unsafe-eval') and sets inline styles; nothing may be framed or loaded from outside.
CSP = ("default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
       "worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")
HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
           (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return str(value.decode("latin-1"))
    return None


async def _send_error(send: Any, status: int, body: bytes, extra: list[Any] | None = None,
                      ) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()), *(extra or [])]})
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """Answer 413 to a request body over ``limit`` bytes, before the app reads it."""

    def __init__(self, app: Any, limit: int, lang: str) -> None:
        self.app, self.limit, self.lang = app, limit, lang

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD"):
            return await self.app(scope, receive, send)
        declared = _header(scope, b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            return await self._refuse(scope, send)
        chunks, size, more = [], 0, True
        deadline = asyncio.get_running_loop().time() + BODY_TIMEOUT
        while more:
            left = deadline - asyncio.get_running_loop().time()
            try:   # a body trickled in byte by byte must not hold the connection for ever
                message = await asyncio.wait_for(receive(), timeout=max(left, 0.0))
            except TimeoutError:
                return await _send_error(send, 408, error_body("body_timeout", self.lang,
                                                               seconds=BODY_TIMEOUT))
            if message["type"] == "http.disconnect":
                return None
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            more = message.get("more_body", False)
            if size > self.limit:
                return await self._refuse(scope, send)
        body, sent = b"".join(chunks), False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        return await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, send: Any) -> None:
        await _send_error(send, 413, error_body("body_too_large", self.lang, limit=self.limit))


class Guard:
    """Security headers on every answer; only the allowed host names (DNS rebinding)."""

    def __init__(self, app: Any, allowed_hosts: frozenset[str], lang: str) -> None:
        self.app, self.allowed_hosts, self.lang = app, allowed_hosts, lang

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        if _host_name(_header(scope, b"host")).lower() not in self.allowed_hosts:
            return await _send_error(send, 400, error_body("bad_host", self.lang), HEADERS)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *HEADERS]
            await send(message)

        return await self.app(scope, receive, send_with_headers)


def _host_name(host: str | None) -> str:
    """``127.0.0.1:8000`` → ``127.0.0.1``; ``[::1]:8000`` → ``[::1]``."""
    if not host:
        return ""
    if host.startswith("["):
        return host[: host.find("]") + 1]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


__all__ = ["BODY_TIMEOUT", "CSP", "BodyLimit", "Guard"]
