"""Shared test setup: English unless a test asks otherwise, and the symbols tests use."""

from __future__ import annotations

import pytest
import sympy


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests see the same language whatever the machine's locale is, and run every command
    in its own process even if the machine has a ``nablab daemon`` running (its tests start
    their own)."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "NABLAB_LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NABLAB_NO_DAEMON", "1")
    monkeypatch.setattr("nablab.i18n._chosen", None)   # nablab.set_language's choice


def sym(*names: str) -> tuple[sympy.Symbol, ...]:
    """Real symbols, as the parser makes them."""
    return tuple(sympy.Symbol(n, real=True) for n in names)
