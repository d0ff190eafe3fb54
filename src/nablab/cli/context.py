"""What every command needs: the language, the output mode, the time budget, the streams."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TextIO

from nablab.budget import run_bounded
from nablab.i18n import translate


@dataclass
class Context:
    """What every command needs: language, output mode, time budget, output streams."""

    lang: str
    json: bool
    timeout: float
    stdout: TextIO
    stderr: TextIO

    def t(self, key: str, /, **params: Any) -> str:
        return translate(key, self.lang, **params)

    def run(self, fn: Any, /, *args: Any, **kwargs: Any) -> Any:
        """Run a job on user input under the time budget (in a worker process)."""
        return run_bounded(fn, *args, timeout=self.timeout, **kwargs)


__all__ = ["Context"]
