"""``nablab`` and ``python -m nablab``: the command line, with the web app's ``serve``.

The faces are peers: the command line never imports the web app. This entry point, above
both, hands the command line the web's own command.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Any


def _serve() -> ModuleType:
    from nablab.web import command

    return command


def main(argv: Sequence[str] | None = None, **streams: Any) -> int:
    """Run ``nablab`` (every command, ``serve`` included); returns the exit code."""
    from nablab.cli import main as cli_main

    return cli_main(argv, provided={"serve": _serve}, **streams)


if __name__ == "__main__":
    sys.exit(main())
