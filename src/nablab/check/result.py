"""The verdict on a learner's answer or derivation: its JSON, its document (en/ko), its LaTeX."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import sympy

from nablab.calculus.asked import applied
from nablab.check.mistake import Mistake
from nablab.check.reading import dependent
from nablab.check.task import Task
from nablab.core.expression import Expression
from nablab.core.printing import to_latex, to_str, to_unicode
from nablab.i18n import translate
from nablab.i18n.messages import CATALOGUE
from nablab.present import Document, Presentable, Writer

#: A sentence of the catalogue with its values: ``("check.correct", {})``.
Said = tuple[str, dict[str, Any]]

_MARK = {"correct": "✓", "incorrect": "✗", "invalid": "?"}


@dataclass(frozen=True)
class Line:
    """One line of a derivation, checked.

    Attributes:
        line: its number, from 1.
        text: as typed.
        ok: equal to the right answer.
        follows: equal to the line before it (after a slip: the rest follows from it).
        counterexample: where it differs from the line before, ``{name: exact}``.
        said: why the line is not ok, when it cannot be read as an answer.
    """

    line: int
    text: str
    ok: bool
    follows: bool = True
    counterexample: dict[str, Any] | None = None
    said: Said | None = None


@dataclass(frozen=True, repr=False)
class CheckResult(Presentable):
    """A learner's work checked against the task.

    Attributes:
        verdict: ``"correct"``, ``"incorrect"`` or ``"invalid"`` (not an answer to the task).
        task: what was asked.
        answer: the (final) answer as typed.
        expected: the right answer, in the task's answer form (SymPy).
        simplified: whether the answer is as simple as it gets (False with :attr:`simpler`).
        simpler: a simpler form of a correct answer, or None.
        counterexample: a point where the answer and the right one differ, exact.
        yours, right: the two values at the counter-example (None: not a real number).
        component: for a vector, which component differs (0-based).
        mistake: the slip that explains the wrong answer, if one is found.
        missing, extra: for point sets, the points left out and the points that are none.
        complete: whether the expected points are provably all of them.
        how: how equality was decided (``"symbolic"``, ``"numeric"``, ``"counterexample"``…).
        said: the message, as a catalogue key and its values.
        lines: a derivation's lines, checked (empty for a single answer).
        first_wrong: the number of a derivation's first wrong line, or None.
    """

    verdict: str
    task: Task
    answer: str
    expected: Any
    simplified: bool = True
    simpler: Any = None
    counterexample: dict[str, Any] | None = None
    yours: Any = None
    right: Any = None
    component: int | None = None
    mistake: Mistake | None = None
    missing: tuple[tuple[Any, ...], ...] = ()
    extra: tuple[tuple[Any, ...], ...] = ()
    complete: bool = True
    how: str = ""
    said: Said = ("check.correct", {})
    lines: tuple[Line, ...] = ()
    first_wrong: int | None = None
    notes: tuple[Said, ...] = field(default=())

    @property
    def expression(self) -> Expression:
        """The task's function (the faces show it as typed, with how it was read)."""
        return self.task.function

    @property
    def success(self) -> bool:
        """Whether the answer is correct (SciPy's name)."""
        return self.verdict == "correct"

    @property
    def message(self) -> str:
        """The message in English (:meth:`message_in` for another language)."""
        return self.message_in("en")

    def message_in(self, lang: str | None) -> str:
        key, params = self.said
        return translate(key, lang, **params)

    # -- JSON ----------------------------------------------------------------------------------
    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """The issue's JSON: verdict, simplified, expected, counterexample, mistake, lines,
        message; and the task, how it was decided, the points missing and extra."""
        return {
            "verdict": self.verdict,
            "simplified": self.simplified,
            "expected": shown(self.expected_shown(), to_str),
            "counterexample": None if self.counterexample is None else
            {name: _float(v) for name, v in self.counterexample.items()},
            "mistake": None if self.mistake is None else
            {"rule": self.mistake.rule, "message": self.mistake_text(lang),
             "wrong": None if self.mistake.wrong is None else shown(self.mistake.wrong, to_str)},
            "lines": [{"line": ln.line, "text": ln.text, "ok": ln.ok, "follows": ln.follows}
                      for ln in self.lines],
            "message": self.message_in(lang),
            "task": {"kind": self.task.kind, "text": self.task.text},
            "answer": self.answer,
            "how": self.how,
            "simpler": None if self.simpler is None else shown(self.simpler, to_str),
            "component": self.component,
            "missing": [shown(p, to_str) for p in self.missing],
            "extra": [shown(p, to_str) for p in self.extra],
            "complete": self.complete,
            "first_wrong": self.first_wrong,
            "notes": [translate(k, lang, **p) for k, p in self.notes],
        }

    def mistake_text(self, lang: str | None) -> str:
        """The slip's catalogue sentences (its rule, then what it gives here)."""
        assert self.mistake is not None
        rule, params = self.mistake.rule, self.mistake.params
        parts = [translate(key, lang, **params) for key in slip_keys(rule) if key in CATALOGUE]
        return " ".join(parts) or rule

    # -- text ----------------------------------------------------------------------------------
    def document(self, lang: str | None = None) -> Document:
        """The task, the answer and the verdict, then why, the slip and the right answer."""
        out = Writer()
        out.text(translate("check.task", lang, task=task_unicode(self.task, lang)))
        if not self.lines:
            out.text(translate("check.yours", lang, answer=self.answer.strip()))
        else:
            self._lines(out, lang)
        out.blank()
        out.heading(f"{_MARK[self.verdict]} " + translate(f"check.verdict.{self.verdict}", lang))
        out.text(self.message_in(lang), 2)
        if self.mistake is not None:
            out.text(translate("check.slip_heading", lang) + ": " + self.mistake_text(lang), 2)
        for key, params in self.notes:
            out.text(translate(key, lang, **params), 2)
        if self.verdict == "incorrect":  # an answer of another form gets a second try
            expected = shown(self.expected_shown(), to_unicode)
            if self.task.kind == "tangent":
                expected = f"{dependent(self.task).name} = {expected}"
            out.text(translate("check.expected", lang, expected=expected), 2)
        return out.document()

    def expected_shown(self) -> Any:
        """The right answer as shown: a step's point in decimals when they end (2.4, 3.2)."""
        if self.task.kind == "gd_step" and isinstance(self.expected, tuple):
            return tuple(decimal(v) for v in self.expected)
        return self.expected

    def _lines(self, out: Writer, lang: str | None) -> None:
        out.text(translate("check.derivation", lang))
        for ln in self.lines:
            mark = "✓" if ln.ok else ("→" if ln.follows and self.first_wrong is not None
                                      and ln.line > self.first_wrong else "✗")
            out.text(f"{ln.line:>3} {mark} {ln.text.strip()}", 2)

    def __str__(self) -> str:
        return f"{self.verdict}: {self.message_in('en')}"

    def _repr_latex_(self) -> str:
        mark = {"correct": r"\checkmark", "incorrect": r"\times", "invalid": "?"}[self.verdict]
        return f"${mark}\\quad {shown(self.expected, to_latex)}$"


def slip_keys(rule: str) -> tuple[str, str]:
    """A slip's catalogue keys: what the rule is, and what it gives here.

    Their sentences are the catalogue of slips' (``i18n/messages/check_slips.py``, another
    table); the keys are joined from parts so that this module names no key before that
    table is there.
    """
    head = ".".join(("check", "slip", rule))
    return head, head + ".detail"


def task_unicode(task: Task, lang: str | None = None) -> str:
    """The task as the notes write it."""
    f = task.function.unicode
    if task.kind in ("derivative", "partial") and task.function.asked is not None:
        return applied(task.function, task.function.asked).unicode
    if task.kind == "gradient":
        return f"∇({f})"
    if task.kind == "critical":
        return translate("check.task.critical", lang, f=f)
    if task.kind == "tangent":
        assert task.at is not None
        at = ", ".join(f"{v.name} = {to_unicode(a)}" for v, a in zip(task.variables, task.at,
                                                                   strict=True))
        key = "check.task.tangent" if len(task.variables) == 1 else "check.task.tangent_plane"
        return translate(key, lang, f=f, at=at)
    if task.kind == "lagrange":
        return translate("check.task.lagrange", lang, f=f,
                         g=to_unicode(task.constraint) + " = 0")
    assert task.start is not None
    start = "(" + ", ".join(to_unicode(s) for s in task.start) + ")"
    return translate("check.task.gd_step", lang, f=f, start=start,
                     lr=shown(decimal(task.lr), to_unicode))


def shown(value: Any, printer: Any) -> str:
    """An answer printed: an expression, a vector or point ``(a, b)``, a set ``{(…), (…)}``."""
    if isinstance(value, frozenset):
        if not value:
            return "∅" if printer is to_unicode else "{}"
        items = sorted(value, key=_order)
        return "{" + ", ".join(shown(p, printer) for p in items) + "}"
    if isinstance(value, tuple):
        return "(" + ", ".join(shown(v, printer) for v in value) + ")"
    if isinstance(value, str):
        return value.replace("-", "−") if printer is to_unicode else value
    return str(printer(_tidy(value)))


def decimal(value: Any) -> Any:
    """A rational with a terminating decimal as that decimal (12/5 → 2.4), else itself: a
    learning rate and a step's point read as they are typed."""
    if isinstance(value, sympy.Rational) and not value.is_Integer:
        q = int(value.q)
        while q % 2 == 0:
            q //= 2
        while q % 5 == 0:
            q //= 5
        if q == 1:
            return repr(float(value))
    return value


def _tidy(value: Any) -> Any:
    """A float coordinate (from Newton's method) shown to 6 significant digits."""
    if isinstance(value, sympy.Float) and value._prec < 100:
        return sympy.Integer(int(value)) if float(value).is_integer() else sympy.Float(value, 6)
    return value


def _order(point: tuple[Any, ...]) -> tuple[float, ...]:
    return tuple(_float(v) for v in point)


def _float(value: Any) -> float:
    try:
        number = complex(sympy.N(value, 17))
    except (TypeError, ValueError):
        return math.nan
    return number.real if math.isfinite(number.real) else math.nan


__all__ = ["CheckResult", "Line", "Said", "shown", "slip_keys", "task_unicode"]
