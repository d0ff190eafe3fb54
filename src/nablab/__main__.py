"""``nablab`` and ``python -m nablab``: the command line, with ``serve`` and ``daemon``.

The faces are peers: the command line never imports the web app. This entry point, above
them, hands the command line the other faces' commands (:mod:`nablab.daemon.faces`).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any


def main(argv: Sequence[str] | None = None, **streams: Any) -> int:
    """Run ``nablab`` (every command, ``serve`` and ``daemon`` included); the exit code.

    As the program (no ``argv``), a running warm server (:mod:`nablab.daemon`) runs the
    command if it can, before anything heavy is imported here.
    """
    if argv is None and not streams:
        from nablab.daemon.client import run_served

        code = run_served(sys.argv[1:])
        if code is not None:
            return code
    from nablab.cli import main as cli_main
    from nablab.daemon.faces import provided

    return cli_main(argv, provided=provided(), **streams)


if __name__ == "__main__":
    sys.exit(main())
