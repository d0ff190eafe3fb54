"""Lark's analysed grammar kept between runs: the LALR tables cost ~90 ms to build in every
new process, ~3 ms to load.

The file lives in the user's cache folder (``$NABLAB_CACHE_DIR``, else ``$XDG_CACHE_HOME/nablab``
or ``~/.cache/nablab``; ``%LOCALAPPDATA%\\nablab`` on Windows) and is named after a digest of the
grammar, Lark's version and Python's, so a file found is never stale. Lark stores it as a
pickle, so it is read only when it is a regular file the current user owns, in a folder the
user owns, neither writable by anyone else; it is written to a temporary file and renamed into
place, so no reader sees half of one. Anything that goes wrong (no home folder, a read-only
disk, someone else's file) means building the grammar as before, never an error.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import stat
import sys
from pathlib import Path
from typing import Any

from lark import Lark
from lark import __version__ as lark_version

#: The environment variable that moves the cache folder ("" turns the cache off).
ENVIRONMENT = "NABLAB_CACHE_DIR"


def folder() -> Path | None:
    """The user's nablab cache folder (not created), or ``None`` when there is none."""
    if ENVIRONMENT in os.environ:
        chosen = os.environ[ENVIRONMENT]
        return Path(chosen) if chosen else None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "nablab" if base else None
    base = os.environ.get("XDG_CACHE_HOME") or ""
    if base and os.path.isabs(base):
        return Path(base) / "nablab"
    try:
        return Path.home() / ".cache" / "nablab"
    except (RuntimeError, KeyError):
        return None


def _private(path: Path, kind: int) -> bool:
    """Whether ``path`` is of ``kind``, owned by this user and writable by no one else."""
    try:
        info = path.lstat()
    except OSError:
        return False
    if stat.S_IFMT(info.st_mode) != kind or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return False
    return not hasattr(os, "getuid") or info.st_uid == os.getuid()


def lark(grammar: str, **options: Any) -> Lark:
    """``Lark(grammar, **options)``, its LALR analysis loaded from the cache when possible."""
    where = folder()
    if where is None:
        return Lark(grammar, **options)
    shape = sorted((k, str(v)) for k, v in options.items() if k != "transformer")
    digest = hashlib.sha256(
        f"{grammar}\0{lark_version}\0{sys.version_info[:2]}\0{shape}".encode())
    path = where / f"grammar-{digest.hexdigest()[:24]}.lark"
    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(where, stat.S_IFDIR):
            return Lark(grammar, **options)
        if path.exists():
            return _load(path, grammar, options)
        parser = Lark(grammar, **options)
        temporary = where / f".grammar-{os.getpid()}-{secrets.token_hex(8)}.tmp"
        try:
            with open(temporary, "wb") as stream:
                parser.save(stream, exclude_options=("transformer",))
            os.replace(temporary, path)
        finally:
            temporary.unlink(missing_ok=True)
        return parser
    except OSError:
        return Lark(grammar, **options)


def _load(path: Path, grammar: str, options: dict[str, Any]) -> Lark:
    """The saved parser at ``path`` if it is the user's own and loads; else a new one."""
    if _private(path, stat.S_IFREG):
        try:
            with open(path, "rb") as stream:
                # Lark's own cache reads its file this way, handing back the transformer
                return Lark.__new__(Lark)._load(stream, transformer=options.get("transformer"))
        except Exception:  # noqa: BLE001 - a damaged cache file: build the grammar instead
            pass
    return Lark(grammar, **options)

__all__ = ["ENVIRONMENT", "folder", "lark"]
