"""What ``nablab descend``, ``race`` and ``sweep`` share: options, number ranges, progress bar.

The bar is drawn by the worker process that runs the descent (it knows how far it got): on
stderr, only on a terminal, and only once a run has taken more than a second.
"""

from __future__ import annotations

import argparse
import math
import time
from typing import Any, TextIO

import numpy as np

from nablab.errors import UsageError
from nablab.i18n import translate

#: Seconds a run may take before its progress bar appears.
QUIET_SECONDS = 1.0


def add_common(p: argparse.ArgumentParser, lang: str, *, steps: int = 1000) -> None:
    """EXPR, --vars, --steps, --tol and the hyper-parameter options."""
    p.add_argument("expr", metavar="EXPR", help=translate("cli.arg.expr", lang))
    p.add_argument("--vars", metavar="VARS", help=translate("cli.arg.vars", lang))
    p.add_argument("--steps", type=int, default=steps, metavar="N",
                   help=translate("cli.opt.steps", lang, default=steps))
    p.add_argument("--tol", type=float, default=1e-8, metavar="TOL",
                   help=translate("cli.opt.tol", lang))
    p.add_argument("--momentum", type=float, metavar="MU", help=translate("cli.opt.momentum", lang))
    p.add_argument("--betas", metavar="B1,B2", help=translate("cli.opt.betas", lang))
    p.add_argument("--eps", type=float, metavar="EPS", help=translate("cli.opt.eps", lang))


def add_run_options(p: argparse.ArgumentParser, lang: str) -> None:
    """--start and --every, for the commands that run from one start point (descend, race)."""
    p.add_argument("--start", required=True, metavar="POINT",
                   help=translate("cli.opt.start", lang))
    p.add_argument("--every", type=int, default=1, metavar="K",
                   help=translate("cli.opt.every", lang))


def hyper(args: argparse.Namespace) -> dict[str, Any]:
    """The hyper-parameters given on the command line (and only those)."""
    out: dict[str, Any] = {}
    if args.momentum is not None:
        out["momentum"] = args.momentum
    if args.eps is not None:
        out["eps"] = args.eps
    if args.betas is not None:
        values = numbers(args.betas, "--betas")
        if len(values) != 2:
            raise UsageError("bad_numbers", option="--betas", text=args.betas)
        out["betas"] = (values[0], values[1])
    return out


def numbers(text: str, option: str) -> list[float]:
    """Comma-separated finite numbers (``float`` reads them; nothing is evaluated)."""
    try:
        values = [float(part) for part in text.split(",")]
    except ValueError:
        raise UsageError("bad_numbers", option=option, text=text) from None
    if not values or not all(math.isfinite(v) for v in values):
        raise UsageError("bad_numbers", option=option, text=text)
    return values


def number_range(text: str, option: str, count: int | None = None,
                 geometric: bool = False) -> np.ndarray:
    """``a:b:n`` as n numbers from a to b (geometric when asked and both positive).

    ``a`` alone is one number; ``a:b`` takes ``count`` from the caller.
    """
    parts = numbers(text.replace(":", ","), option)
    if len(parts) == 1:
        return np.array(parts)
    if len(parts) > 3 or (len(parts) == 2 and count is None):
        raise UsageError("bad_range", option=option, text=text)
    n = int(parts[2]) if len(parts) == 3 else int(count or 0)
    if len(parts) == 3 and (parts[2] != n or not 1 <= n <= 100_000):
        raise UsageError("bad_range", option=option, text=text)
    low, high = parts[0], parts[1]
    if geometric and low > 0 and high > 0:
        return np.geomspace(low, high, n)
    return np.linspace(low, high, n)


def fmt(value: float, digits: int = 6) -> str:
    """A number in ``digits`` significant digits, with a real minus sign."""
    if value == 0:
        return "0"
    if math.isfinite(value) and value == int(value) and abs(value) < 1e9:
        return str(int(value)).replace("-", "−")
    return f"{value:.{digits}g}".replace("-", "−")


def vec(values: Any, digits: int = 6) -> str:
    """``(a, b)``; a single coordinate without brackets."""
    items = [fmt(float(v), digits) for v in values]
    return items[0] if len(items) == 1 else "(" + ", ".join(items) + ")"


def table(headers: list[str], rows: list[list[str] | str], right: set[int]) -> list[str]:
    """Aligned text columns (never wrapped, whatever the terminal's width).

    A row that is a single string is printed as it is, across the columns (an elision).
    """
    cells = [r for r in rows if not isinstance(r, str)]
    widths = [max(len(str(r[i])) for r in [headers, *cells]) for i in range(len(headers))]

    def line(row: list[str]) -> str:
        return "  ".join(c.rjust(w) if i in right else c.ljust(w)
                         for i, (c, w) in enumerate(zip(row, widths, strict=True))).rstrip()

    return [line(headers)] + [r if isinstance(r, str) else line(r) for r in rows]


class ProgressBar:
    """A rich progress bar that shows itself only after :data:`QUIET_SECONDS`, on a TTY.

    Call it with the number of steps done; :meth:`close` removes it.
    """

    def __init__(self, stream: TextIO, total: int, label: str) -> None:
        self.stream, self.total, self.label = stream, total, label
        self.started = time.monotonic()
        self.tty = _isatty(stream)
        self.bar: Any = None
        self.last = 0.0

    def __call__(self, done: int) -> None:
        if not self.tty:
            return
        now = time.monotonic()
        if now - self.last < 0.1 or now - self.started < QUIET_SECONDS:
            return
        self.last = now
        if self.bar is None:
            from rich.console import Console
            from rich.progress import Progress

            console = Console(file=self.stream, highlight=False, markup=False)
            self.bar = Progress(console=console, transient=True, auto_refresh=False)
            self.bar.start()
            self.task = self.bar.add_task(self.label, total=self.total)
        self.bar.update(self.task, completed=done)
        self.bar.refresh()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def _isatty(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


__all__ = ["ProgressBar", "add_common", "fmt", "hyper", "number_range", "numbers", "table",
           "vec"]
