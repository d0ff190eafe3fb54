"""The subcommands, loaded lazily: ``nablab diff`` imports the derivative jobs and nothing else.

Every job of :mod:`nablab.jobs` is a command (:mod:`nablab.cli.job`); ``tour`` is a module
here with ``register(sub, parents, lang)`` and ``run(args, ctx)``; other faces hand the command
line their own commands the same way (``serve``: :mod:`nablab.web.command`, through
:mod:`nablab.__main__`). A command's one-line help is the catalogue entry
``cli.<name>.help``. The order here is the order of ``nablab --help``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from types import ModuleType

COMMANDS: tuple[str, ...] = (
    "tour", "diff", "limit", "steps", "tangent", "implicit", "taylor", "chain", "critical",
    "lagrange", "descend", "race", "sweep", "train", "graph", "plot", "check", "practice",
    "serve", "daemon",
)
#: Commands whose module lives here.
LOCAL = ("tour",)

#: Commands another face provides: name → a function that imports and returns its module.
Provided = Mapping[str, Callable[[], ModuleType]]


def load(name: str) -> ModuleType:
    """The module of the local command ``name``."""
    return importlib.import_module(f"nablab.cli.commands.{name}")


__all__ = ["COMMANDS", "LOCAL", "Provided", "load"]
