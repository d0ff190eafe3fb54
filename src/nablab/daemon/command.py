"""``nablab daemon start|stop|status``: the warm server's own command (see :mod:`nablab.daemon`).

``start`` launches ``python -m nablab.daemon.server`` in a new session and waits until it
answers (the warm-up takes a few seconds); ``status`` says whether one runs (exit code 3
when none does, as ``systemctl status``); ``stop`` ends it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from typing import Any

from nablab.cli.render import print_json
from nablab.daemon.client import supported
from nablab.daemon.wire import DEFAULT_IDLE, ask_server, make_private, socket_path, source_key
from nablab.errors import UsageError
from nablab.i18n import translate

ACTIONS = ("start", "stop", "status")
#: Exit code of ``status`` when no server runs.
NOT_RUNNING = 3
#: Seconds ``start`` waits for the server to warm up and answer.
START_TIMEOUT = 60.0


def register(sub: Any, parents: list[argparse.ArgumentParser], lang: str) -> Any:
    p = sub.add_parser("daemon", parents=parents, help=translate("cli.daemon.help", lang),
                       description=translate("cli.daemon.description", lang))
    p.add_argument("action", choices=ACTIONS, help=translate("cli.daemon.action", lang))
    p.add_argument("--idle", type=float, default=DEFAULT_IDLE, metavar="SECONDS",
                   help=translate("cli.daemon.idle", lang, default=f"{DEFAULT_IDLE:g}"))
    return p


def ask(control: str) -> dict[str, Any] | None:
    """The running server's status (``control``: ``"status"`` or ``"stop"``), or ``None``.

    A server started from other sources answers ``{"stale": True, "pid": …}`` to anything,
    and stops.
    """
    asked = ask_server({"control": control, "key": source_key()}, [], 5.0)
    if asked is None:
        return None
    sock, answer = asked
    sock.close()
    return answer if "pid" in answer else None


def run(args: argparse.Namespace, ctx: Any) -> int:
    if not supported():
        raise UsageError("daemon_unsupported")
    if args.action == "start":
        return _start(args, ctx)
    answer = ask(args.action)
    if answer is not None and (args.action == "stop" or not answer.get("stale")):
        key = "cli.daemon.stopped" if args.action == "stop" else "cli.daemon.status"
        return _say(ctx, key, {**answer, "running": args.action != "stop"}, 0)
    return _say(ctx, "cli.daemon.not_running", {"running": False}, NOT_RUNNING
                if args.action == "status" else 0)


def _start(args: argparse.Namespace, ctx: Any) -> int:
    running = ask("status")
    if running is not None and not running.get("stale"):   # a stale one has stopped
        return _say(ctx, "cli.daemon.already", {"running": True, **running}, 0)
    folder = socket_path().parent
    if not make_private(folder):
        raise UsageError("daemon_folder", folder=str(folder))
    if not args.idle >= 0:
        raise UsageError(detail=f"--idle {args.idle}")
    subprocess.Popen([sys.executable, "-m", "nablab.daemon.server", "--idle", str(args.idle)],
                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                     stderr=subprocess.DEVNULL, start_new_session=True, close_fds=True,
                     env={**os.environ, "NABLAB_NO_DAEMON": "1"})
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        time.sleep(0.1)
        answer = ask("status")
        if answer is not None and not answer.get("stale"):
            return _say(ctx, "cli.daemon.started", {"running": True, **answer}, 0)
    raise UsageError("daemon_no_start", seconds=f"{START_TIMEOUT:g}")


def _say(ctx: Any, key: str, data: dict[str, Any], code: int) -> int:
    if ctx.json:
        print_json(data, ctx.stdout)
    else:
        ctx.stdout.write(translate(key, ctx.lang, **{k: v for k, v in data.items()
                                                    if k in ("pid", "served", "path")}) + "\n")
    return code


__all__ = ["ACTIONS", "NOT_RUNNING", "ask", "register", "run"]
