"""The subcommands, loaded lazily: ``nablab diff`` imports the diff command and nothing else.

Each command is a module ``nablab.cli.commands.<name>`` with ``register(sub, parents, lang)``
and ``run(args, ctx)``; its one-line help is the catalogue entry ``cli.<name>.help``. The order
here is the order of ``nablab --help``.
"""

from __future__ import annotations

import importlib
from types import ModuleType

COMMANDS: tuple[str, ...] = (
    "tour", "diff", "limit", "steps", "tangent", "critical", "lagrange", "descend", "race",
    "sweep", "train", "graph", "plot", "serve",
)


def load(name: str) -> ModuleType:
    """The module of the command ``name``."""
    return importlib.import_module(f"nablab.cli.commands.{name}")
