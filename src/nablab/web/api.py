"""The JSON API: ``POST /api/{command}`` answers exactly what ``nablab COMMAND --json`` prints.

Request models are made from the jobs' request fields (:mod:`nablab.web.models`), the list
the command line reads too, so the OpenAPI schema at ``/openapi.json`` lists the same options
with the same help. The route itself does no computing: it hands a task to the worker pool and
returns the worker's JSON bytes as they are.
"""

from __future__ import annotations

import inspect
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from nablab.errors import NablabError
from nablab.i18n import LANGUAGES
from nablab.web import models
from nablab.web.errors import dumps, language, status_of
from nablab.web.models import Common, request_model
from nablab.web.network import NetworkRequest
from nablab.web.tasks import BOTH


class ParseRequest(Common):
    """The live preview: how nablab reads the formula."""

    vars: str | None = Field(None, description="the variables, e.g. x,y")
    functions: str | None = Field(None, description="names read as functions, e.g. u,v")


class PlotRequest(ParseRequest):
    """Samples of a two-variable function for the surface and contour pictures."""

    range: str | None = Field(None, description="window, e.g. -5:5,-5:5 (as --range)")
    points: int | None = Field(None, ge=5, le=150, description="samples per axis")


class ErrorBody(BaseModel):
    """An error: the catalogue message, and the column (1-based) when it is in the formula."""

    kind: str
    message: str
    column: int | None
    hint: str | None = None


class ErrorResponse(BaseModel):
    error: ErrorBody


#: Seconds a client told "busy" (503) is asked to wait before trying again.
RETRY_AFTER = 2

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse, "description": "the input cannot be read or used"},
    413: {"model": ErrorResponse, "description": "the request body is too large"},
    422: {"model": ErrorResponse, "description": "over the time or memory budget"},
    503: {"model": ErrorResponse, "description": "too many requests are waiting"},
}


async def answer(request: Request, kind: str, name: str, body: BaseModel,
                 both: bool = False) -> Response:
    """Run the task on the pool; the worker's JSON, or the error with its status.

    With ``both``, the task answers in every language at once (``{"en": …, "ko": …}``), and
    an error carries ``errors``, its message in every language, beside ``error``.
    """
    settings, pool = request.app.state.settings, request.app.state.pool
    data = body.model_dump(exclude_none=True)
    lang = language(data.pop("lang", None), settings.lang)
    timeout = min(float(data.pop("timeout", settings.timeout)), settings.timeout)
    try:
        raw = await pool.run((kind, name, data, BOTH if both else lang), timeout)
    except NablabError as exc:
        error: dict[str, Any] = {"error": exc.to_dict(lang)}
        if both:
            error["errors"] = {code: exc.to_dict(code) for code in LANGUAGES}
        status = status_of(exc)
        headers = {"Retry-After": str(RETRY_AFTER)} if status == 503 else None
        return Response(dumps(error), status, media_type="application/json", headers=headers)
    return Response(raw, media_type="application/json")


def endpoint(kind: str, name: str, model: type[BaseModel], both: bool = False) -> Any:
    """A route function whose signature shows FastAPI the request model."""

    async def route(request: Request, body: BaseModel) -> Response:
        return await answer(request, kind, name, body, both)

    route.__signature__ = inspect.Signature([  # type: ignore[attr-defined]
        inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Request),
        inspect.Parameter("body", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=model)])
    return route


#: The jobs with a page view (nablab.web.views.VIEWS).
VIEW_COMMANDS = ("diff", "lagrange", "taylor", "limit", "implicit", "chain", "descend", "race",
                 "check")


def add_routes(app: FastAPI) -> None:
    """``/api/{command}``, ``/api/view/{…}`` (VIEW_COMMANDS), ``/api/parse``, ``/api/plot``."""
    descriptions = models.described()
    for command in models.COMMANDS:
        app.add_api_route(f"/api/{command}", endpoint("job", command, request_model(command)),
                          methods=["POST"], summary=f"nablab {command} --json",
                          description=descriptions[command], responses=ERRORS, tags=["commands"])
    for command in VIEW_COMMANDS:
        app.add_api_route(f"/api/view/{command}", endpoint("view", command, request_model(command)),
                          methods=["POST"], summary=f"the page's view of nablab {command}",
                          description="`result`: the `--json` object; with the LaTeX and "
                                      "picture data the page shows.",
                          responses=ERRORS, tags=["page"])
    app.add_api_route("/api/view/train", endpoint("view", "train", NetworkRequest),
                      methods=["POST"], summary="the page's network card: nablab train --layers",
                      description="`result`: the `--json` object of a network on a built-in "
                                  "data set; `frames`: what the card's epoch slider shows.",
                      responses=ERRORS, tags=["page"])
    app.add_api_route("/api/parse", endpoint("parse", "", ParseRequest), methods=["POST"],
                      summary="read a formula (the live preview)", responses=ERRORS,
                      tags=["page"])
    app.add_api_route("/api/plot", endpoint("plot", "surface", PlotRequest), methods=["POST"],
                      summary="surface samples of a two-variable function", responses=ERRORS,
                      tags=["page"])
    add_bilingual_routes(app)


def add_bilingual_routes(app: FastAPI) -> None:
    """``/api/both/…``: the same answers in every language from one computation, so the
    page's language toggle re-renders what it has instead of computing again."""
    summary = "as {path}, in every language at once: {{\"en\": …, \"ko\": …}}"
    for command in models.COMMANDS:
        app.add_api_route(f"/api/both/{command}",
                          endpoint("job", command, request_model(command), True),
                          methods=["POST"], summary=summary.format(path=f"/api/{command}"),
                          responses=ERRORS, tags=["page"])
    for command in VIEW_COMMANDS:
        app.add_api_route(f"/api/both/view/{command}",
                          endpoint("view", command, request_model(command), True),
                          methods=["POST"], summary=summary.format(path=f"/api/view/{command}"),
                          responses=ERRORS, tags=["page"])
    app.add_api_route("/api/both/view/train", endpoint("view", "train", NetworkRequest, True),
                      methods=["POST"], summary=summary.format(path="/api/view/train"),
                      responses=ERRORS, tags=["page"])
    app.add_api_route("/api/both/parse", endpoint("parse", "", ParseRequest, True),
                      methods=["POST"], summary=summary.format(path="/api/parse"),
                      responses=ERRORS, tags=["page"])


__all__ = ["ParseRequest", "PlotRequest", "add_bilingual_routes", "add_routes", "answer"]
