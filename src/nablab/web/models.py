"""The API's request models, made from the jobs' request fields (one list for both faces).

``POST /api/descend`` takes ``{"expression": …}`` plus the fields of
:class:`~nablab.jobs.optimize.DescendRequest` by their names (``start``, ``lr``, …), typed by
each field's kind; the worker turns the body into that request. Nothing here is typed twice.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from nablab.i18n import translate
from nablab.jobs import request_type
from nablab.jobs.request import Field as RequestField

#: The commands the API offers, in the order of the docs.
COMMANDS = ("diff", "limit", "steps", "tangent", "implicit", "taylor", "chain", "critical",
            "descend", "race", "lagrange", "check", "practice")

#: The JSON type of each kind of request field.
TYPES: dict[str, Any] = {"text": str, "number": float, "integer": int, "flag": bool,
                         "texts": list[str] | str, "numbers": str | list[float], "file": str}


class Formula(BaseModel):
    """The formula, which every request but ``practice`` has."""

    model_config = ConfigDict(extra="forbid")

    expression: str = Field(description="the function, as on paper or in LaTeX",
                            examples=["x^2 + y^2"])


class Settings(BaseModel):
    """Fields every request has."""

    model_config = ConfigDict(extra="forbid")

    lang: Literal["en", "ko"] | None = Field(
        None, description="language of messages and explanations (default: the server's)")
    timeout: float | None = Field(
        None, gt=0, description="seconds the computation may take (at most the server's limit)")


class Common(Settings, Formula):
    """Fields every request on a formula has (``expression`` first, as before)."""


def field_type(field: RequestField) -> Any:
    """The JSON type of a request field."""
    option = field.option
    if option.kind == "choice":
        assert option.choices is not None
        return Literal[option.choices]
    return TYPES[option.kind]


def api_fields(command: str) -> list[RequestField]:
    """The fields of ``command`` a request body may set (the formula is ``expression``)."""
    return [f for f in request_type(command).fields()
            if not f.option.positional or f.option.optional]


def request_fields(command: str) -> dict[str, tuple[Any, Any]]:
    """``{name: (type, Field)}`` for :func:`pydantic.create_model`."""
    fields: dict[str, tuple[Any, Any]] = {}
    for field in api_fields(command):
        kind = field_type(field)
        flag = kind is bool
        help_text = translate(field.option.help, "en", **field.option.help_params)
        fields[field.name] = (kind if flag else kind | None,
                              Field(default=False if flag else None, description=help_text))
    return fields


def request_model(command: str) -> type[BaseModel]:
    """``DiffRequest`` etc.: :class:`Common` (or :class:`Settings`, for a command without a
    formula) plus the command's own fields."""
    formula = any(f.option.positional for f in request_type(command).fields())
    model: type[BaseModel] = create_model(f"{command.title()}Request",
                                          __base__=Common if formula else Settings,
                                          **request_fields(command))  # type: ignore[call-overload]
    return model


def to_request(command: str, body: dict[str, Any]) -> Any:
    """The job request of a validated body (``no_check: true`` → ``check=False``)."""
    return request_type(command).from_options(body)


def described(commands: tuple[str, ...] = COMMANDS) -> dict[str, str]:
    """Each command's description (English), for the API docs."""
    return {c: translate(f"cli.{c}.description", "en") for c in commands}


__all__ = ["COMMANDS", "Common", "Formula", "Settings", "api_fields", "described", "field_type",
           "request_fields", "request_model", "to_request"]
