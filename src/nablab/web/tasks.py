"""What a worker does with a request: a job, or one of the page's extras.

A task is plain data, ``(kind, name, body, lang)``, so it crosses the pipe cheaply; the
worker makes the job's request from the body itself (the event loop never parses), and runs
it within the task's budget (:mod:`nablab.web.worker`). The
answer is JSON bytes, encoded here with ``allow_nan=False``: a NaN can never reach a client.

- ``("job", "diff", body, …)``: the job's JSON, exactly ``nablab diff … --json``;
- ``("view", "diff" | "lagrange" | "taylor", body, …)``: that JSON with what the page draws
  and typesets;
- ``("parse", "", body, …)``: the live preview of the formula;
- ``("plot", "surface", body, …)``: samples of the surface and contour.

With the language :data:`BOTH`, a task computes once and answers ``{"en": …, "ko": …}``:
the page keeps both and switches language without asking for anything new.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nablab.core.expression import Expression
from nablab.core.printing import to_str
from nablab.errors import BudgetExceeded
from nablab.i18n import LANGUAGES
from nablab.jobs import run
from nablab.jobs.encoding import json_bytes
from nablab.jobs.shown import readings_json
from nablab.parse import parse
from nablab.web import models, pictures, views
from nablab.web.settings import MAX_RESULT

Task = tuple[str, str, dict[str, Any], str]
#: The task language that asks for every language at once (one computation).
BOTH = "*"


def encode(data: Any, limit: int = MAX_RESULT) -> bytes:
    """Compact UTF-8 JSON; NaN and infinity are errors, and so is a result over ``limit``."""
    raw = json_bytes(data, separators=(",", ":"))
    if len(raw) > limit:
        raise BudgetExceeded("result_too_large", size=round(len(raw) / 2**20, 1),
                             limit=round(limit / 2**20))
    return raw


def run_job(name: str, body: dict[str, Any], lang: str) -> Any:
    """The JSON of the job ``name`` for this request body."""
    request = models.to_request(name, body)
    return request.output(run(request), lang, True)


def run_view(name: str, body: dict[str, Any], lang: str) -> Any:
    """The page's view of a job: its JSON and what the page typesets and draws."""
    request = models.to_request(name, body)
    return views.VIEWS[name](request, run(request), lang)


def preview(body: dict[str, Any], lang: str = "en") -> dict[str, Any]:
    """The formula as nablab reads it: name, variables, LaTeX and Unicode as typed, SymPy
    syntax, and how it was read."""
    return describe(parse(body["expression"], variables=body.get("vars"),
                          functions=body.get("functions")), lang)


def describe(expression: Expression, lang: str = "en") -> dict[str, Any]:
    return {"name": expression.display_name, "variables": list(expression.variable_names),
            "parameters": [p.name for p in expression.parameters],
            "latex": expression.latex, "unicode": expression.unicode,
            "expression": to_str(expression.expr), "typed": expression.unicode,
            "reading": readings_json(expression.readings, lang)}


def run_plot(body: dict[str, Any]) -> Any:
    expression = parse(body["expression"], variables=body.get("vars"),
                       functions=body.get("functions"))
    return pictures.surface_data(expression, body.get("range"), body.get("points"))


HANDLERS: dict[str, Callable[[str, dict[str, Any], str], Any]] = {
    "job": run_job,
    "view": run_view,
    "parse": lambda name, body, lang: preview(body, lang),
    "plot": lambda name, body, lang: run_plot(body),
}


def run_both(kind: str, name: str, body: dict[str, Any]) -> dict[str, Any]:
    """``{lang: answer}`` for every language, from one computation: only the text differs."""
    if kind in ("job", "view"):
        request = models.to_request(name, body)
        result = run(request)
        if kind == "job":
            return {lang: request.output(result, lang, True) for lang in LANGUAGES}
        return {lang: views.VIEWS[name](request, result, lang) for lang in LANGUAGES}
    if kind == "parse":
        expression = parse(body["expression"], variables=body.get("vars"),
                           functions=body.get("functions"))
        return {lang: describe(expression, lang) for lang in LANGUAGES}
    data = HANDLERS[kind](name, body, LANGUAGES[0])
    return {lang: data for lang in LANGUAGES}


def execute(task: Task) -> bytes:
    """Run one task; its answer as JSON bytes (``{lang: answer}`` for :data:`BOTH`)."""
    kind, name, body, lang = task
    if lang == BOTH:
        return encode(run_both(kind, name, body))
    return encode(HANDLERS[kind](name, body, lang))


def warm() -> None:
    """Run each kind of task once on the notes' function (imports, grammar, caches)."""
    body = {"expression": "x^2 + y^2"}
    execute(("parse", "", body, "en"))
    execute(("view", "diff", {**body, "at": "x=1,y=2"}, "en"))
    execute(("job", "descend", {**body, "start": "3,4", "lr": 0.1}, "en"))
    execute(("plot", "surface", {**body, "points": 5}, "en"))


__all__ = ["BOTH", "HANDLERS", "Task", "describe", "encode", "execute", "preview", "run_job",
           "run_both", "run_view", "warm"]
