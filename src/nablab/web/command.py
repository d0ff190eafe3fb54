"""``nablab serve [--host 127.0.0.1] [--port 8000] [--open]``: the web app, on this computer.

The web face's own command: ``nablab`` (:mod:`nablab.__main__`) hands it to the command
line, which never imports the web app itself. The web framework is imported only inside
:func:`run`, so no other command pays for it.
"""

from __future__ import annotations

import argparse
from typing import Any

from nablab.budget import DEFAULT_MEMORY_MB
from nablab.errors import UsageError
from nablab.i18n import translate


def _default_workers() -> int:
    import os

    return max(2, os.cpu_count() or 2)


def register(sub: Any, parents: list[argparse.ArgumentParser], lang: str) -> Any:
    p = sub.add_parser("serve", parents=parents, help=translate("cli.serve.help", lang),
                       description=translate("cli.serve.description", lang))
    p.add_argument("--host", default="127.0.0.1", help=translate("cli.serve.host", lang))
    p.add_argument("--port", type=int, default=8000, help=translate("cli.serve.port", lang))
    p.add_argument("--open", action="store_true", help=translate("cli.serve.open", lang))
    p.add_argument("--workers", type=int, default=_default_workers(), metavar="N",
                   help=translate("cli.serve.workers", lang, default=_default_workers()))
    p.add_argument("--memory", type=int, default=DEFAULT_MEMORY_MB, metavar="MB",
                   help=translate("cli.serve.memory", lang, default=DEFAULT_MEMORY_MB))
    return p


def run(args: argparse.Namespace, ctx: Any) -> int:
    """Serve until stopped (``ctx``: the command line's language, output mode, budget)."""
    if not 0 <= args.port <= 65535:
        raise UsageError(detail=f"--port {args.port}")
    if not 1 <= args.workers <= 64 or args.memory < 64:
        raise UsageError(detail=f"--workers {args.workers} --memory {args.memory}")
    from nablab.web.server import LOOPBACK, serve
    from nablab.web.settings import Settings

    settings = Settings(workers=args.workers, timeout=ctx.timeout, memory_mb=args.memory,
                        lang=ctx.lang, loopback_only=args.host in LOOPBACK)
    return serve(settings, args.host, args.port, open_browser=args.open, out=ctx.stdout,
                 as_json=ctx.json)
