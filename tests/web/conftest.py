"""Real servers for the web tests: ``nablab serve`` on a free loopback port, in a subprocess.

The server prints its address (``--json``: ``{"url": …}``) once its socket is listening; the
fixture then waits until its workers are up. Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: Screenshots and reports of the web tests (git-ignored).
ARTIFACTS = ROOT / "artifacts" / "web"


@dataclass
class Server:
    """A running ``nablab serve`` and a small HTTP client for it."""

    url: str
    process: subprocess.Popen[str]
    log: Any  # the server's stderr, a temporary file

    def stderr(self) -> str:
        self.log.seek(0)
        return str(self.log.read())

    @property
    def port(self) -> int:
        return int(urlsplit(self.url).port or 0)

    def connection(self, timeout: float = 30.0) -> http.client.HTTPConnection:
        host = urlsplit(self.url).hostname or "127.0.0.1"
        return http.client.HTTPConnection(host, self.port, timeout=timeout)

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        conn = self.connection()
        try:
            conn.request(method, path, body=body, headers=headers or {})
            response = conn.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, \
                response.read()
        finally:
            conn.close()

    def post(self, path: str, data: Any, **headers: str) -> tuple[int, Any]:
        """POST JSON; the status and the decoded answer (NaN would fail to decode)."""
        raw = json.dumps(data).encode()
        status, _, body = self.request("POST", path, raw,
                                       {"Content-Type": "application/json", **headers})
        return status, strict_json(body)

    def get(self, path: str) -> tuple[int, dict[str, str], bytes]:
        return self.request("GET", path)


def strict_json(body: bytes) -> Any:
    """JSON as the standard has it: NaN and Infinity are errors, not numbers."""
    def refuse(name: str) -> Any:
        raise ValueError(f"{name} in JSON")

    return json.loads(body, parse_constant=refuse)


def start_server(*args: str) -> Server:
    """``nablab serve --port 0 --json ARGS``, ready (workers up) within 30 s."""
    env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES")}
    env["NABLAB_LANG"] = "en"
    log = tempfile.TemporaryFile(mode="w+")  # a file, not a pipe: it never fills up
    process = subprocess.Popen([sys.executable, "-m", "nablab", "serve", "--port", "0", "--json",
                                *args], stdout=subprocess.PIPE, stderr=log, text=True, env=env,
                               cwd=ROOT)
    assert process.stdout is not None
    line = process.stdout.readline()
    if not line:
        process.wait(10)
        process.stdout.close()
        log.seek(0)
        message = log.read()
        log.close()
        raise RuntimeError(f"nablab serve did not start: {message}")
    server = Server(json.loads(line)["url"], process, log)
    wait_for_workers(server, 2)
    return server


def wait_for_workers(server: Server, count: int, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        status, _, body = server.get("/api/status")
        if status == 200 and json.loads(body)["workers"] >= count:
            return
        time.sleep(0.05)
    raise RuntimeError("the workers did not start")


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait(5)
    if server.process.stdout is not None:
        server.process.stdout.close()
    server.log.close()


@pytest.fixture(scope="session")
def web_server() -> Iterator[Server]:
    """The app as a user runs it (2 workers, the default 10 s budget)."""
    server = start_server("--workers", "2")
    yield server
    stop_server(server)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
