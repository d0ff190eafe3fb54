"""What a worker does with a request: the command line's own jobs, plus the page's extras.

A task is plain data, ``(kind, name, body, lang, timeout)``, so it crosses the pipe cheaply;
the worker parses the formula and the options itself (the event loop never does). The answer
is JSON bytes, encoded here with ``allow_nan=False``: a NaN can never reach a client.

- ``("command", "diff", body, …)``: exactly ``nablab diff … --json``;
- ``("parse", "", body, …)``: the live preview of the formula;
- ``("plot", "surface", body, …)``: samples of the surface and contour;
- ``("view", "diff" | "lagrange", body, …)``: the ``--json`` object with display extras.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from typing import Any

from nablab.cli.app import Context
from nablab.cli.commands import (
    critical,
    descend,
    diff,
    lagrange,
    limit,
    race,
    steps,
    tangent,
)
from nablab.core.expression import Expression
from nablab.core.printing import to_str
from nablab.errors import BudgetExceeded
from nablab.parse import parse
from nablab.web import options, pictures, views
from nablab.web.settings import MAX_RESULT

Task = tuple[str, str, dict[str, Any], str, float]

#: The command modules by name (each has ``task(args, ctx)``).
MODULES: dict[str, Any] = {"diff": diff, "limit": limit, "steps": steps, "tangent": tangent,
                           "critical": critical, "descend": descend, "race": race,
                           "lagrange": lagrange}


def encode(data: Any, limit: int = MAX_RESULT) -> bytes:
    """Compact UTF-8 JSON; NaN and infinity are errors, and so is a result over ``limit``."""
    body = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    raw = body.encode("utf-8")
    if len(raw) > limit:
        raise BudgetExceeded("result_too_large", size=round(len(raw) / 2**20, 1),
                             limit=round(limit / 2**20))
    return raw


def command_job(name: str, body: dict[str, Any], lang: str, timeout: float) -> Any:
    """The CLI's job for a request: ``nablab NAME …`` with ``--json``, ready to call."""
    rest = {k: v for k, v in body.items() if k != "expression"}
    args = options.namespace(name, body["expression"], rest, lang)
    ctx = Context(lang, True, timeout, io.StringIO(), io.StringIO())
    return MODULES[name].task(args, ctx)


def run_command(name: str, body: dict[str, Any], lang: str, timeout: float) -> Any:
    """The ``--json`` object of ``nablab NAME`` for this request."""
    out = command_job(name, body, lang, timeout)()
    return out[0] if isinstance(out, tuple) else out


def preview(body: dict[str, Any]) -> dict[str, Any]:
    """The formula as nablab reads it: name, variables, LaTeX, Unicode, SymPy syntax."""
    expression = parse(body["expression"], variables=body.get("vars"))
    return describe(expression)


def describe(expression: Expression) -> dict[str, Any]:
    return {"name": expression.name or "f", "variables": list(expression.variable_names),
            "parameters": [p.name for p in expression.parameters],
            "latex": expression.latex, "unicode": expression.unicode,
            "expression": to_str(expression.expr)}


def run_view(name: str, body: dict[str, Any], lang: str, timeout: float) -> Any:
    """The page's view of a command: its ``--json`` object and what the page draws."""
    job = command_job(name, body, lang, timeout)
    if name == "diff":
        return views.diff_view(job.keywords)
    if name == "lagrange":
        return views.lagrange_view(job.keywords)
    raise ValueError(f"no view for {name!r}")


def run_plot(body: dict[str, Any]) -> Any:
    expression = parse(body["expression"], variables=body.get("vars"))
    return pictures.surface_data(expression, body.get("range"), body.get("points"))


HANDLERS: dict[str, Callable[[str, dict[str, Any], str, float], Any]] = {
    "command": run_command,
    "view": run_view,
    "parse": lambda name, body, lang, timeout: preview(body),
    "plot": lambda name, body, lang, timeout: run_plot(body),
}


def execute(task: Task) -> bytes:
    """Run one task; its answer as JSON bytes."""
    kind, name, body, lang, timeout = task
    return encode(HANDLERS[kind](name, body, lang, timeout))


def warm() -> None:
    """Run each kind of task once on the notes' function (imports, grammar, caches)."""
    body = {"expression": "x^2 + y^2"}
    execute(("parse", "", body, "en", 10.0))
    execute(("view", "diff", {**body, "at": "x=1,y=2"}, "en", 10.0))
    execute(("command", "descend", {**body, "start": "3,4", "lr": 0.1}, "en", 10.0))
    execute(("plot", "surface", {**body, "points": 5}, "en", 10.0))


__all__ = ["HANDLERS", "MODULES", "Task", "command_job", "describe", "encode", "execute",
           "preview", "run_command", "run_view", "warm"]
