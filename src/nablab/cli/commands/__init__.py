"""The subcommands. Each module has ``register(subparsers, parents, lang)`` and ``run(args, ctx)``.

A new capability adds its module here; the order is the order of ``nablab --help``.
"""

from __future__ import annotations

from nablab.cli.commands import diff, tour

COMMANDS = (tour, diff)
