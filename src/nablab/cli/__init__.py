"""The ``nablab`` command line: argument parsing and rendering only."""

from nablab.cli.app import main

__all__ = ["main"]
