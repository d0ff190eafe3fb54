"""Imported once by the forkserver: load and warm the library, so workers fork ready.

Importing this module has that side effect on purpose (it is the forkserver's preload):
SymPy, the parser's grammar, the compiled-function caches and the command modules are all
in memory before the first worker is forked.
"""

from __future__ import annotations

from nablab.web.tasks import warm
from nablab.web.worker import main

warm()

__all__ = ["main"]
