"""The one error hierarchy of nablab.

Every error a *user* can cause (by typing something, or by asking for something too big)
is a :class:`NablabError`. It carries a machine-readable ``kind``, the parameters of its
message, and an exit code; its text comes from the message catalogue in either language, so
the same error reads well in Korean and English, on the terminal, in ``--json`` and in the
web API.

A programmer's misuse of the library (a wrong type, an unknown variable name passed in code)
raises a plain ``ValueError``/``TypeError`` instead.
"""

from __future__ import annotations

from typing import Any

from nablab.i18n import default_language, translate
from nablab.i18n.width import cell_width


class NablabError(Exception):
    """Base class: an error the user caused or should be told about.

    Args:
        kind: a stable identifier (``"unknown_function"``), also the catalogue key
            ``error.<kind>``.
        params: values for the message's placeholders.
    """

    exit_code: int = 1
    kind: str

    def __init__(self, kind: str, **params: Any) -> None:
        self.kind = kind
        self.params = params
        super().__init__(kind)

    def __reduce__(self) -> tuple[Any, ...]:
        # Errors cross process boundaries (bounded jobs run in a worker): rebuild from fields.
        return (_rebuild, (type(self), self._state()))

    def _state(self) -> dict[str, Any]:
        return {"kind": self.kind, **self.params}

    def message(self, lang: str | None = None) -> str:
        """The error's one-line message in ``lang`` (default: the user's locale)."""
        return translate(f"error.{self.kind}", lang, **self.params)

    def __str__(self) -> str:
        return self.message(default_language())

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """``{"kind", "message", "column"}`` — the shape of ``--json`` and API errors."""
        return {"kind": self.kind, "message": self.message(lang), "column": None}


def _rebuild(cls: type[NablabError], state: dict[str, Any]) -> NablabError:
    return cls(**state)


class ParseError(NablabError):
    """The text is not a formula nablab can read.

    Attributes:
        source: the text as the user typed it.
        start, end: 0-based character span of the problem in ``source``.
        hint_key: optional catalogue key of a hint (how to write it instead).
    """

    exit_code = 1

    def __init__(
        self,
        kind: str,
        *,
        source: str = "",
        start: int | None = None,
        end: int | None = None,
        hint: str | None = None,
        **params: Any,
    ) -> None:
        super().__init__(kind, **params)
        self.source = source
        self.start = start
        self.end = end if end is not None or start is None else start + 1
        self.hint = hint

    def _state(self) -> dict[str, Any]:
        return {**super()._state(), "source": self.source, "start": self.start,
                "end": self.end, "hint": self.hint}

    @property
    def column(self) -> int | None:
        """1-based column of the problem, or ``None`` when it is the input as a whole."""
        return None if self.start is None else self.start + 1

    def hint_text(self, lang: str | None = None) -> str | None:
        return None if self.hint is None else translate(f"hint.{self.hint}", lang, **self.params)

    def render(self, lang: str | None = None) -> str:
        """Message, the input, a caret line under the problem, and the hint if any."""
        lines = [self.message(lang)]
        if self.start is not None and self.source and len(self.source) <= 200:
            shown = self.source.replace("\t", " ").replace("\n", " ")
            end = min(self.end or self.start + 1, len(shown))
            width, column = cell_width(shown[self.start:end]), cell_width(shown[:self.start])
            lines += ["  " + shown, "  " + " " * column + "^" * max(1, width)]
        hint = self.hint_text(lang)
        if hint:
            lines.append(translate("label.hint", lang) + ": " + hint)
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.render(default_language())

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        out = super().to_dict(lang)
        out["column"] = self.column
        hint = self.hint_text(lang)
        if hint:
            out["hint"] = hint
        return out


class UnsupportedError(NablabError):
    """A valid request nablab cannot do (yet), said honestly."""

    exit_code = 3


class DomainError(NablabError):
    """The function (or a derivative) is not defined, or not real, where it was asked."""

    exit_code = 1


class SolveError(NablabError):
    """A solver failed in a way that is not a timeout."""

    exit_code = 4


class BudgetExceeded(NablabError):
    """A job went over its time or memory budget and was stopped."""

    exit_code = 5


class ComputationTimeout(BudgetExceeded):
    """A job ran longer than its time budget (``--timeout``) and was stopped."""

    def __init__(self, kind: str = "timeout", **params: Any) -> None:
        super().__init__(kind, **params)


class MemoryLimitExceeded(BudgetExceeded):
    """A job needed more memory than its cap and was stopped."""

    def __init__(self, kind: str = "memory", **params: Any) -> None:
        super().__init__(kind, **params)


class UsageError(NablabError):
    """The command line was used wrongly (an unknown option, a missing argument)."""

    exit_code = 2

    def __init__(self, kind: str = "usage", **params: Any) -> None:
        super().__init__(kind, **params)


class HyperparameterError(UsageError, ValueError):
    """A learning rate or hyper-parameter outside its range (``lr = -1``, ``β₁ = 1``)."""

    def __init__(self, kind: str = "bad_hyperparameter", **params: Any) -> None:
        super().__init__(kind, **params)


class DataError(NablabError):
    """The training data cannot be used; the message names the row and column."""


class ModelError(NablabError):
    """The model does not fit the data (no parameters, the target inside it, …)."""


class ServerBusy(NablabError):
    """Too many requests are already waiting for a worker."""

    exit_code = 5

    def __init__(self, kind: str = "busy", **params: Any) -> None:
        super().__init__(kind, **params)


class WorkerCrashed(NablabError):
    """A worker died without an answer: a bug in nablab, reported rather than hidden."""

    exit_code = 70

    def __init__(self, kind: str = "worker_crashed", **params: Any) -> None:
        super().__init__(kind, **params)


__all__ = [
    "BudgetExceeded",
    "ComputationTimeout",
    "DataError",
    "DomainError",
    "HyperparameterError",
    "MemoryLimitExceeded",
    "ModelError",
    "NablabError",
    "ParseError",
    "ServerBusy",
    "SolveError",
    "UnsupportedError",
    "UsageError",
    "WorkerCrashed",
]
