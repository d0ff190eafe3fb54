"""The grammar kept between runs: used when it is the user's own, ignored otherwise."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from nablab.parse import _grammar_cache
from nablab.parse.parser import Builder, _TokenFeed, parse

GRAMMAR = (Path(_grammar_cache.__file__).parent / "grammar.lark").read_text(encoding="utf-8")
OPTIONS = {"parser": "lalr", "lexer": _TokenFeed}


def _build(folder: Path, monkeypatch: pytest.MonkeyPatch) -> object:
    monkeypatch.setenv(_grammar_cache.ENVIRONMENT, str(folder))
    return _grammar_cache.lark(GRAMMAR, transformer=Builder(), **OPTIONS)


def test_cache_is_written_once_and_read_back(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    first = _build(tmp_path / "cache", monkeypatch)
    files = list((tmp_path / "cache").iterdir())
    assert len(files) == 1 and files[0].name.startswith("grammar-")
    assert (tmp_path / "cache").stat().st_mode & 0o077 == 0
    second = _build(tmp_path / "cache", monkeypatch)
    assert type(second) is type(first)
    assert second.terminals == first.terminals  # type: ignore[attr-defined]
    assert list((tmp_path / "cache").iterdir()) == files


def test_someone_elses_or_damaged_file_is_not_read(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    _build(tmp_path, monkeypatch)
    (cached,) = tmp_path.iterdir()
    cached.chmod(0o666)   # writable by others: could hold anything
    loads: list[object] = []
    monkeypatch.setattr(_grammar_cache.Lark, "_load", lambda *a, **k: loads.append(a))
    _build(tmp_path, monkeypatch)
    assert loads == []
    monkeypatch.undo()
    cached.chmod(0o600)
    cached.write_bytes(b"not a pickle")
    assert _build(tmp_path, monkeypatch) is not None


def test_unwritable_or_absent_folder_builds_as_before(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert _build(blocker / "cache", monkeypatch) is not None   # a file where a folder goes
    monkeypatch.setenv(_grammar_cache.ENVIRONMENT, "")
    assert _grammar_cache.folder() is None
    monkeypatch.delenv(_grammar_cache.ENVIRONMENT)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if os.name != "nt":
        assert _grammar_cache.folder() == tmp_path / "xdg" / "nablab"


def test_parsing_is_unchanged() -> None:
    assert str(parse("x^2 + 3xy + y^2")) == "x² + 3xy + y²"
