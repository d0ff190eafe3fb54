"""Hooks of the public API: the notebook face's plotter, and packages callable as functions.

A result's :meth:`~nablab.present.document.Presentable.plot` draws with code in the layers
above it, which it cannot name; ``import nablab`` installs that code here. This module
imports nothing of nablab's, so ``import nablab`` stays light (SymPy is imported on first use).
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable
from typing import Any

#: Draws a result: ``(result, interactive, lang) -> figure``.
Plotter = Callable[[Any, bool, "str | None"], Any]
_plotter: list[Plotter] = []


def set_plotter(plotter: Plotter) -> None:
    """Install what results' ``plot()`` calls (done once, by ``import nablab``)."""
    _plotter[:] = [plotter]


def plotter() -> Plotter | None:
    """The installed plotter, if any."""
    return _plotter[0] if _plotter else None


def callable_module(name: str, function: Callable[..., Any]) -> None:
    """Make package ``name`` callable as ``function``: ``nablab.parse("x^2")`` and
    ``nablab.check(task, answer)`` call the function the package is named after (importing
    the package sets the attribute ``nablab.parse`` to the package, whatever was there)."""

    class CallableModule(types.ModuleType):
        __call__ = staticmethod(function)

    CallableModule.__doc__ = function.__doc__
    sys.modules[name].__class__ = CallableModule


__all__ = ["Plotter", "callable_module", "plotter", "set_plotter"]
