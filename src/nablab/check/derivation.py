"""A derivation checked line by line: each line must equal the right answer.

A derivation is several lines, or one line that is an ``=`` chain, each an expression (or a
vector) equal to the one before. The first may be the task itself: ``d/dx (x^2 sin x) =
2x sin x + x^2 cos x``. The first line that is not equal to the right answer is the slip, named
with a counter-example against the line before it; each line after it is checked against the
line before it too (``follows``), so the learner sees that the rest follows from the slip and
that only one line needs mending.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import sympy

from nablab.budget import DEFAULT_TIMEOUT, inside, run_bounded
from nablab.calculus.asked import derivative
from nablab.check.checker import Slips, judge, value_texts
from nablab.check.equivalence import Comparison, compare, compare_vectors
from nablab.check.expected import Expected, expected
from nablab.check.reading import NotAnAnswer, parse_task, read_answer
from nablab.check.result import CheckResult, Line, Said
from nablab.check.task import Task
from nablab.core.printing import to_unicode
from nablab.errors import ParseError
from nablab.parse import parse

#: A name of what is asked, written as a derivation's first line: f'(x), ∇f, ∂f/∂x, dy/dx.
_LABEL = re.compile(r"^\s*(?:∇\s*f|grad\s*f|[a-z]'+(?:\(\s*[a-z, ]*\))?|f_[a-z]+"
                    r"|d\s*[a-z]\s*/\s*d[a-z]|∂\s*[a-z]\s*/\s*∂[a-z]|∂_?[a-z]\s*f)\s*$")

#: The kinds whose derivations may be ``=`` chains (a tangent's answer is an equation, a
#: point may be written x = 1).
CHAIN_KINDS = ("derivative", "partial", "gradient")

#: Lines a derivation may have.
MAX_LINES = 60


def split_lines(text: str | Sequence[str], *, chains: bool = True) -> list[str]:
    """The derivation's lines: one per line of text, an ``=`` chain split at its ``=``
    (``chains``: for tasks whose answers are no equations themselves, see
    :data:`CHAIN_KINDS`).

    A leading ``=`` continues the line before (``= 2x sin x + …``); blank lines are skipped.
    """
    raw = text.splitlines() if isinstance(text, str) else list(text)
    lines: list[str] = []
    for row in raw:
        for piece in (_chain(row) if chains else [row]):
            if piece.strip():
                lines.append(piece.strip())
    if len(lines) > MAX_LINES:
        raise ParseError("check_too_many_lines", source="", count=len(lines), limit=MAX_LINES)
    return lines


def _chain(row: str) -> list[str]:
    """``a = b = c`` → ``[a, b, c]`` (``=`` outside brackets only)."""
    pieces, depth, start = [], 0, 0
    for i, ch in enumerate(row):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "=" and depth == 0 and row[i - 1:i] not in ("<", ">", "!"):
            pieces.append(row[start:i])
            start = i + 1
    pieces.append(row[start:])
    return pieces


def check_derivation(task: Task | str, derivation: str | Sequence[str], *,
                     slips: Slips | None = None,
                     timeout: float | None = DEFAULT_TIMEOUT) -> CheckResult:
    """Check a derivation, given as text (lines, ``=`` chains) or a list of lines."""
    if inside() or timeout is None:
        return _check_text(task, derivation, slips)
    return run_bounded(_check_text, task, derivation, slips, timeout=timeout)


def _check_text(task: Task | str, derivation: str | Sequence[str],
                slips: Slips | None) -> CheckResult:
    if isinstance(task, str):
        task = parse_task(task)
    lines = split_lines(derivation, chains=task.kind in CHAIN_KINDS)
    return check_lines(task, lines, slips=slips)


def check_lines(task: Task | str, lines: Sequence[str], *,
                slips: Slips | None = None) -> CheckResult:
    """Check a derivation's lines (see the module); the verdict is the last line's."""
    if isinstance(task, str):
        task = parse_task(task)
    if task.kind in ("critical", "lagrange") and len(lines) > 1:
        lines = [" ; ".join(lines)]  # the points, a line each: one set
    right = expected(task)
    values: list[Any] = []
    checked: list[Line] = []
    first_wrong: int | None = None
    where: dict[str, Any] | None = None
    values_there: tuple[Any, Any] = (None, None)
    component: int | None = None
    for number, text in enumerate(lines, start=1):
        if number == 1 and _LABEL.match(text):
            value, said = right.value, None  # f'(x), ∇f, ∂f/∂x: the task, named
        else:
            value, said = _value(task, text, right)
        if value is None:
            checked.append(Line(number, text, False, False, None, said))
            first_wrong = first_wrong or number
            values.append(None)
            continue
        ok = _equal(task, value, right.value).equal is True
        previous = values[-1] if values else right.value
        step = _equal(task, value, previous) if previous is not None else Comparison(None, "")
        follows = step.equal is True
        point = None if ok or step.counterexample is None else \
            {v.name: a for v, a in step.counterexample.items()}
        if not ok and first_wrong is None:
            first_wrong, where, values_there = number, point, (step.yours, step.right)
            component = step.component
        checked.append(Line(number, text, ok, follows, point))
        values.append(value)
    return _result(task, lines, checked, right, first_wrong, (where, values_there, component),
                   slips)


def _result(task: Task, lines: Sequence[str], checked: list[Line], right: Expected,
            first_wrong: int | None,
            there: tuple[dict[str, Any] | None, tuple[Any, Any], int | None],
            slips: Slips | None) -> CheckResult:
    where, (yours, before), component = there
    last = lines[-1] if lines else ""
    final = _final(task, last, right, slips)
    if first_wrong is None:
        return _replace(final, checked, None)
    wrong = checked[first_wrong - 1]
    mistake = None
    if wrong.said is None:
        mistake = _final(task, wrong.text, right, slips).mistake
    after = [ln.line for ln in checked[first_wrong:] if not ln.ok and ln.follows]
    at = ", ".join(f"{k} = {to_unicode(v)}" for k, v in (where or {}).items())
    said: Said = ("check.line_wrong_plain", {"line": first_wrong})
    if where:
        shown = value_texts(yours, before)
        said = ("check.line_wrong", {"line": first_wrong, "at": at or "-",
                                     "yours": shown[0], "right": shown[1],
                                     "previous": first_wrong - 1 if first_wrong > 1 else 0})
        if first_wrong == 1:
            said = ("check.first_line_wrong", {**said[1]})
        elif component is not None:
            said = ("check.line_wrong_component", {**said[1], "component": component + 1})
    if wrong.said is not None:
        said = ("check.line_unreadable", {"line": first_wrong})
    notes = list(final.notes)
    if after:
        notes.append(("check.note.follows", {"line": first_wrong}))
    if wrong.said is not None:
        notes.insert(0, wrong.said)
    return CheckResult("incorrect", task, last,
                       right.value, simplified=final.simplified,
                       counterexample=where, mistake=mistake, how=final.how, said=said,
                       lines=tuple(checked), first_wrong=first_wrong, notes=tuple(notes),
                       missing=final.missing, extra=final.extra, complete=final.complete)


def _final(task: Task, text: str, right: Expected, slips: Slips | None) -> CheckResult:
    try:
        read = read_answer(task, text)
    except (NotAnAnswer, ParseError):
        read = None
    if read is None or (isinstance(read.value, sympy.Basic) and _asked(text) is not None):
        return CheckResult("invalid", task, text, right.value, said=("check.no_final", {}))
    return judge(task, read, right, slips)


def _replace(result: CheckResult, checked: list[Line], first_wrong: int | None) -> CheckResult:
    return replace(result, lines=tuple(checked), first_wrong=first_wrong)


def _asked(text: str) -> Any:
    try:
        read = parse(text)
    except ParseError:
        return None
    return read if read.asked is not None else None


def _value(task: Task, text: str, right: Expected) -> tuple[Any, Any]:
    """A line's value: the derivative a restated task asks for, or the line as an answer."""
    restated = _asked(text) if task.kind in ("derivative", "partial") else None
    if restated is not None and restated.asked is not None:
        return derivative(restated, restated.asked), None
    if task.kind == "gradient" and text.replace(" ", "").startswith(("∇", "grad")):
        try:
            return expected(parse_task(text)).value, None
        except ParseError:
            pass
    try:
        return read_answer(task, text).value, None
    except NotAnAnswer as why:
        return None, (why.key, why.params)
    except ParseError as err:
        return None, (f"error.{err.kind}", err.params)


def _equal(task: Task, a: Any, b: Any) -> Comparison:
    if isinstance(a, tuple) and isinstance(b, tuple) and len(a) == len(b):
        return compare_vectors(a, b, task.variables, (task.function.expr,))
    if isinstance(a, (tuple, frozenset)) or isinstance(b, (tuple, frozenset)):
        return Comparison(a == b, "points")
    return compare(a, b, task.variables, (task.function.expr,))


__all__ = ["CHAIN_KINDS", "MAX_LINES", "check_derivation", "check_lines", "split_lines"]
