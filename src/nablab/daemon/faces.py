"""The commands other faces give the command line: ``serve`` (the web app) and ``daemon``.

One list for ``nablab`` (:mod:`nablab.__main__`) and for the server's children, so that a
command run by the server is offered exactly the commands ``nablab`` offers.
"""

from __future__ import annotations

from types import ModuleType

from nablab.cli.commands import Provided


def _serve() -> ModuleType:
    from nablab.web import command

    return command


def _daemon() -> ModuleType:
    from nablab.daemon import command

    return command


def provided() -> Provided:
    """Each other face's command: name → a function importing its module."""
    return {"serve": _serve, "daemon": _daemon}


__all__ = ["provided"]
