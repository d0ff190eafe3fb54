"""What every job has: a frozen, typed request whose fields say how each face asks for them.

A request is a frozen dataclass. Each field that a user sets carries an :class:`Option` in its
metadata (:func:`option`): its command-line flag, metavar and help text (a catalogue key), and
its kind, from which the JSON type of the web API follows. The command line and the web API
both read this one list of fields; neither keeps its own.

Fields accept what a person types (``start="3,4"``) as well as what a program has
(``start=(3, 4)``); cheap checks happen when the request is made, the formula is read inside
:meth:`Request.run`, under the job's budget.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from nablab.errors import NablabError, UsageError
from nablab.jobs.convert import function

if TYPE_CHECKING:
    from nablab.core.expression import Expression
    from nablab.plot.picture import Picture
    from nablab.present import Document

#: ``progress(done, total)``, called by long jobs as they go (the CLI draws a bar).
Progress = Callable[[int, int], None]

#: How a field is given, and its JSON type: free text, a number, a whole number, a switch,
#: one of ``choices``, one or more texts (a repeatable option), text or a list of numbers, or
#: text that the command line reads from a file it names (``-``: standard input) and the web
#: API takes as it is (it never reads a file).
KINDS = ("text", "number", "integer", "flag", "choice", "texts", "numbers", "file")


@dataclass(frozen=True)
class Option:
    """How one request field is asked for.

    Attributes:
        flags: command-line flags (``("--constraint", "-c")``); empty for the formula, which
            is the positional ``EXPR``.
        help: the catalogue key of its help text; ``help_params`` fill it in.
        metavar: its placeholder in ``--help`` (``ETA``).
        kind: one of :data:`KINDS`.
        choices: the allowed values of a ``"choice"``.
        required: the command line requires it.
        name: its name in the web API and on the command line's namespace when it differs
            from the field's (``vars`` for ``variables``, ``no_check`` for ``check``).
        negate: a flag that turns the field off (``--no-check`` sets ``check=False``).
        positional: a positional argument (the formula, first).
        optional: a positional argument that may be left out (after the formula).
    """

    flags: tuple[str, ...]
    help: str
    metavar: str | None = None
    kind: str = "text"
    choices: tuple[str, ...] | None = None
    required: bool = False
    name: str | None = None
    negate: bool = False
    positional: bool = False
    optional: bool = False
    help_params: Mapping[str, Any] = dataclasses.field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.kind not in KINDS or (self.kind == "choice") != (self.choices is not None):
            raise ValueError(f"an option of kind {self.kind!r} with choices {self.choices!r}")


def option(default: Any, *flags: str, help: str, **details: Any) -> Any:
    """A request field with its :class:`Option` (``default`` as for ``dataclasses.field``)."""
    return dataclasses.field(default=default,
                             metadata={"option": Option(tuple(flags), help, **details)})


def formula(help: str = "cli.arg.expr") -> Any:
    """The formula: ``EXPR`` on the command line, ``expression`` in the web API."""
    return dataclasses.field(metadata={"option": Option((), help, metavar="EXPR",
                                                        positional=True)})


#: ``--vars``: declares the variables (other names become constants); ``vars`` in the API.
VARIABLES: dict[str, Any] = {"help": "cli.arg.vars", "metavar": "VARS", "name": "vars"}

#: ``--given``: exact values for named constants (``a=2,k=pi``), each then not a variable.
GIVEN: dict[str, Any] = {"help": "cli.arg.given", "metavar": "VALUES"}

#: ``--functions``: names read as undefined functions before ``(`` (``f(x)``); ``functions``
#: in the API.
FUNCTIONS: dict[str, Any] = {"help": "cli.arg.functions", "metavar": "NAMES"}


@dataclass(frozen=True)
class Field:
    """A request field and how it is asked for (what both faces iterate over)."""

    attribute: str
    option: Option
    default: Any

    @property
    def name(self) -> str:
        """Its name in the web API (and as a command-line destination)."""
        return self.option.name or self.attribute


@dataclass(frozen=True)
class Request:
    """A job: what to compute (the fields) and how (:meth:`run`), typed and frozen.

    Subclasses set :attr:`command` and implement :meth:`run`; :meth:`to_json` is the
    ``--json`` object (and the web API's answer), :meth:`document` what the terminal shows,
    :meth:`picture` what ``--plot`` draws (from the result, never computing it again).
    """

    command: ClassVar[str] = ""
    #: Whether the command draws a picture (``--plot``) and an animation (``--animate``).
    draws: ClassVar[bool] = True
    animates: ClassVar[bool] = False
    #: The catalogue key of its progress bar's label, for jobs that report progress.
    progress_label: ClassVar[str | None] = None
    #: Whether it computes with what a formula says rather than its values, so that it takes
    #: a derivative request (``d/dx (…)``) and undefined functions f(x): ``diff``, ``steps``.
    symbolic: ClassVar[bool] = False

    def __post_init__(self) -> None:
        for field in self.fields():
            if field.option.required and getattr(self, field.attribute) in (None, ()):
                flag = field.option.flags[0] if field.option.flags else field.name
                raise UsageError(detail=f"the following arguments are required: {flag}")

    @classmethod
    def fields(cls) -> Iterator[Field]:
        """The fields a user sets, in the order ``--help`` lists them."""
        for f in dataclasses.fields(cls):
            if "option" in f.metadata:
                default = None if f.default is dataclasses.MISSING else f.default
                yield Field(f.name, f.metadata["option"], default)

    @classmethod
    def from_options(cls, values: Mapping[str, Any], **extra: Any) -> Request:
        """The request of options given by name (a command line's namespace, a web API body).

        An option that is missing, ``None`` or an unset switch takes the request's default; a
        negating switch (``no_check``) sets its field to the opposite. ``extra`` sets fields
        that are no options (``lang``).
        """
        fields = dict(extra)
        for field in cls.fields():
            value = values.get(field.name)
            if value is None or (field.option.kind == "flag" and value is False):
                continue
            fields[field.attribute] = (not value) if field.option.negate else value
        return cls(**fields)

    def run(self, progress: Progress | None = None) -> Any:
        """Compute the result (call it inside a budget: the formula is read here)."""
        raise NotImplementedError

    def to_json(self, result: Any, lang: str) -> dict[str, Any]:
        """The ``--json`` object of ``result``."""
        data: dict[str, Any] = result.to_dict(lang)
        return data

    def document(self, result: Any, lang: str) -> Document:
        """What the terminal shows."""
        document: Document = result.document(lang)
        return document

    def output(self, result: Any, lang: str, as_json: bool) -> Any:
        """What the faces show: :meth:`to_json` (``as_json``) or :meth:`document`, with the
        function as typed and how it was read (see :mod:`nablab.jobs.shown`)."""
        from nablab.jobs import shown

        expression = shown.expression_of(result) or self._typed_function()
        readings = shown.readings_of(result, expression)
        if as_json:
            return shown.with_typed(self.to_json(result, lang), expression, lang, readings)
        return shown.with_readings(self.document(result, lang), readings, lang)

    def _typed_function(self) -> Expression | None:
        """The formula read again, for a result that does not keep it (a written figure)."""
        text = getattr(self, "expression", None)
        if not isinstance(text, str):
            return None
        try:
            return function(text, getattr(self, "variables", None))
        except NablabError:
            return None

    def files(self) -> list[str]:
        """The files the job itself writes (``plot --out``)."""
        return []

    def owned_by(self, pid: int) -> Request:
        """The request with its temporary files named after process ``pid`` (which removes
        them if the worker writing them is killed)."""
        return self

    def exit_code(self, result: Any) -> int:
        """The command line's exit code for ``result`` (0; ``check`` says its verdict)."""
        return 0

    def check_drawable(self) -> None:
        """Refuse, before computing, a picture that could not be drawn (``--plot``)."""

    def picture(self, result: Any) -> Picture:
        """What ``--plot`` and ``--animate`` draw, from ``result``."""
        raise NotImplementedError


@dataclass(frozen=True)
class FunctionRequest(Request):
    """A job on one formula: ``EXPR`` and ``--vars`` first, as every such command has them."""

    expression: str = formula()
    variables: str | None = option(None, "--vars", **VARIABLES)
    functions: str | None = option(None, "--functions", **FUNCTIONS)

    def function(self) -> Expression:
        """The formula, read (call it inside the budget)."""
        return function(self.expression, self.variables, self.functions, command=self.command,
                        symbolic=self.symbolic)


__all__ = ["FUNCTIONS", "GIVEN", "KINDS", "VARIABLES", "Field", "FunctionRequest", "Option",
           "Progress", "Request", "formula", "option"]
