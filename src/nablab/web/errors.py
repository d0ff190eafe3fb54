"""Errors as HTTP answers: ``{"error": {"kind", "message", "column", …}}`` with a status.

User errors are 400, a job over its time or memory budget (or a result too large) is 422,
a request that cannot wait is 503, a worker that crashed is 500. The message is the
catalogue's, in the request's language.
"""

from __future__ import annotations

from typing import Any

from nablab.errors import BudgetExceeded, NablabError, ServerBusy, WorkerCrashed
from nablab.i18n import LANGUAGES, default_language, translate
from nablab.jobs.encoding import json_bytes


def status_of(exc: NablabError) -> int:
    """The HTTP status of an error."""
    if isinstance(exc, BudgetExceeded):
        return 422
    if isinstance(exc, WorkerCrashed):
        return 500
    if isinstance(exc, ServerBusy):
        return 503
    return 400


def error_body(kind: str, lang: str, **params: Any) -> bytes:
    """The JSON body of an error that has no exception object (413, 404, …)."""
    message = translate(f"error.{kind}", lang, **params)
    return dumps({"error": {"kind": kind, "message": message, "column": None}})


def dumps(data: Any) -> bytes:
    return json_bytes(data)


def language(value: Any, default: str | None = None) -> str:
    """The request's language: its ``lang`` field if valid, else the server's."""
    if isinstance(value, str) and value in LANGUAGES:
        return value
    return default if default in LANGUAGES else default_language()


def validation_error(errors: list[dict[str, Any]], lang: str, command: str) -> bytes:
    """A request model's complaint as one catalogue error (the first problem found)."""
    if not errors:
        return error_body("bad_json", lang)
    first = errors[0]
    location = [str(p) for p in first.get("loc", ()) if p != "body"]
    field = location[0] if location else ""
    if first.get("type") == "extra_forbidden":
        return error_body("unknown_option", lang, field=field, command=command)
    if first.get("type") in ("json_invalid", "model_attributes_type", "dict_type") or not field:
        return error_body("bad_json", lang)
    return error_body("bad_field", lang, field=field, detail=str(first.get("msg", "")))


__all__ = ["dumps", "error_body", "language", "status_of", "validation_error"]
