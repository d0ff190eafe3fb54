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
    p.add_argument("--allow-host", action="append", default=[], metavar="NAME",
                   help=translate("cli.serve.allow_host", lang))
    p.add_argument("--allow-remote", action="store_true",
                   help=translate("cli.serve.allow_remote", lang))
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
    from nablab.web.server import allowed_hosts, is_loopback, serve
    from nablab.web.settings import Settings

    if not is_loopback(args.host):
        if not args.allow_remote:
            raise UsageError("serve_remote", host=args.host)
        ctx.stderr.write(translate("web.remote_warning", ctx.lang, host=args.host) + "\n")
    settings = Settings(workers=args.workers, timeout=ctx.timeout, memory_mb=args.memory,
                        lang=ctx.lang, allowed_hosts=allowed_hosts(args.host, args.allow_host))
    return serve(settings, args.host, args.port, open_browser=args.open, out=ctx.stdout,
                 as_json=ctx.json)
