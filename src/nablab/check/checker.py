"""Check a learner's answer against the task: the verdict, why, and the slip if one explains it.

>>> from nablab.check import check_answer
>>> check_answer("d/dx (x^2 sin x)", "x(2 sin x + x cos x)").verdict
'correct'
>>> r = check_answer("d/dx (x^2 sin x)", "2x cos x")
>>> r.verdict, r.counterexample
('incorrect', {'x': 1})
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import sympy

from nablab.budget import DEFAULT_TIMEOUT, inside, run_bounded
from nablab.check.equivalence import (
    Comparison,
    compare,
    compare_sets,
    compare_vectors,
    same,
)
from nablab.check.expected import Expected, expected, solves
from nablab.check.mistake import Mistake
from nablab.check.reading import Answer, NotAnAnswer, parse_task, read_answer
from nablab.check.result import CheckResult, Said, shown
from nablab.check.task import Task
from nablab.core.printing import to_unicode
from nablab.errors import BudgetExceeded

#: ``slips(task, answer_value, same) -> Mistake | None``: the catalogue of common slips.
Slips = Callable[[Task, Any, Callable[[Any, Any], bool]], "Mistake | None"]
#: Seconds the search for a simpler form may take.
SIMPLIFY_TIMEOUT = 0.5


def check_answer(task: Task | str, answer: str, *, slips: Slips | None = None,
                 timeout: float | None = DEFAULT_TIMEOUT) -> CheckResult:
    """The verdict on ``answer`` to ``task``: correct, incorrect (with a counter-example and
    the slip when ``slips`` names one) or invalid (not an answer of the task's form).

    Args:
        task: a :class:`Task` or its text (``"d/dx (x^2 sin x)"``, see
            :func:`nablab.check.reading.parse_task`).
        answer: the learner's answer as typed.
        slips: the catalogue of slips, ``(task, answer_value, same) -> Mistake | None``.
        timeout: seconds the check may take (:func:`nablab.budget.run_bounded`).

    Raises:
        ParseError: a task or an answer that is no formula.
    """
    if inside() or timeout is None:
        return _check(task, answer, slips)
    return run_bounded(_check, task, answer, slips, timeout=timeout)


def _check(task: Task | str, answer: str, slips: Slips | None) -> CheckResult:
    if isinstance(task, str):
        task = parse_task(task)
    right = expected(task)
    try:
        read = read_answer(task, answer)
    except NotAnAnswer as why:
        return CheckResult("invalid", task, answer, right.value, said=(why.key, why.params))
    return judge(task, read, right, slips)


def judge(task: Task, read: Answer, right: Expected, slips: Slips | None) -> CheckResult:
    """The verdict on an answer already read."""
    if task.kind in ("critical", "lagrange"):
        return _judge_set(task, read, right)
    domain = _domain(task)
    rounded: tuple[Said, ...] = ()
    if task.kind == "gd_step":
        sets = compare_sets([read.value], [right.value], read.places)
        comparison = Comparison(sets.equal, "exact" if sets.equal else "counterexample")
        rounded = (("check.note.rounded", {}),) if sets.rounded else ()
    elif isinstance(right.value, tuple):
        comparison = compare_vectors(read.value, right.value, task.variables, domain)
    else:
        comparison = compare(read.value, right.value, task.variables, domain, typed=read.typed)
    if comparison.equal:
        simpler = _simpler(read, right.value)
        notes: tuple[Said, ...] = rounded
        if simpler is not None:
            notes += (("check.note.simpler", {"simpler": shown(simpler, to_unicode)}),)
        return CheckResult("correct", task, read.text, right.value, simplified=simpler is None,
                           simpler=simpler, how=comparison.how, said=("check.correct", {}),
                           notes=notes)
    mistake = _slip(task, read.value, slips, domain)
    return CheckResult("incorrect", task, read.text, right.value,
                       counterexample=_named(comparison.counterexample),
                       yours=comparison.yours, right=comparison.right,
                       component=comparison.component, mistake=mistake, how=comparison.how,
                       said=_why(task, comparison), notes=_foreign(task, read.value))


def _foreign(task: Task, value: Any) -> tuple[Said, ...]:
    """A note on names in the answer that the task does not have (t where x was asked)."""
    values = value if isinstance(value, tuple) else (value,)
    known = {s.name for s in task.function.expr.free_symbols} | {v.name for v in task.variables}
    names = sorted({s.name for v in values if isinstance(v, sympy.Basic)
                    for s in v.free_symbols} - known)
    if not names:
        return ()
    return (("check.note.foreign", {"names": ", ".join(names)}),)


def _domain(task: Task) -> tuple[Any, ...]:
    return (task.function.expr,)


def _named(point: dict[sympy.Symbol, Any] | None) -> dict[str, Any] | None:
    return None if point is None else {v.name: value for v, value in point.items()}


def _why(task: Task, comparison: Comparison) -> Said:
    """Why it is wrong: where it differs, or that it could not be shown equal."""
    if task.kind == "gd_step":
        return ("check.wrong_point", {})
    if comparison.counterexample is None:
        return ("check.undecided", {})
    at = ", ".join(f"{v.name} = {to_unicode(a)}" for v, a in comparison.counterexample.items())
    yours, right = value_texts(comparison.yours, comparison.right)
    params: dict[str, Any] = {"at": at or "-", "yours": yours, "right": right}
    if comparison.component is not None:
        params["component"] = comparison.component + 1
        key = "check.differs_component" if comparison.yours is not None else \
            "check.undefined_component"
        return (key, params)
    return ("check.differs" if comparison.yours is not None else "check.undefined", params)


def value_text(v: Any, digits: int = 6) -> str:
    """A value at a counter-example, to six significant digits (``−1``, ``2.22324``)."""
    if v is None:
        return "-"
    if digits <= 15:
        return f"{float(v):.{digits}g}".replace("-", "−")
    return str(sympy.Float(v, digits)).rstrip("0").rstrip(".").replace("-", "−")


def value_texts(a: Any, b: Any) -> tuple[str, str]:
    """Two values that differ, printed with enough digits to show that they do (2 and
    2.0000000001, not 2 and 2)."""
    for digits in (6, 12, 15, 20, 30, 45, 60, 100):
        shown = value_text(a, digits), value_text(b, digits)
        if shown[0] != shown[1]:
            return shown
    return shown


def _slip(task: Task, value: Any, slips: Slips | None, domain: Sequence[Any]) -> Mistake | None:
    if slips is None:
        return None

    def equal(a: Any, b: Any) -> bool:
        return same(a, b, task.variables, domain)

    try:
        return slips(task, value, equal)
    except BudgetExceeded:
        raise
    except Exception:  # noqa: BLE001 - a slip rule that fails names no slip
        return None


def _judge_set(task: Task, read: Answer, right: Expected) -> CheckResult:
    if right.infinite:
        return CheckResult("invalid", task, read.text, right.value, complete=False,
                           said=("check.infinite", {}))
    sets = compare_sets(read.value, right.value, read.places)
    # A point the solver did not find may still be one (Newton's method searches a box):
    # each extra point is checked against the equations themselves.
    extra = tuple(p for p in sets.extra if right.complete or not solves(task, p))
    notes: list[Said] = []
    if not right.complete:
        notes.append(("check.note.incomplete", {}))
    if sets.rounded:
        notes.append(("check.note.rounded", {}))
    if not sets.missing and not extra:
        said: Said = ("check.correct_points", {"count": len(read.value)})
        return CheckResult("correct", task, read.text, right.value, complete=right.complete,
                           how="points", said=said, notes=tuple(notes))
    params = {"missing": shown(frozenset(sets.missing), to_unicode),
              "extra": shown(frozenset(extra), to_unicode)}
    key = "check.points_missing_extra" if sets.missing and extra else \
        "check.points_missing" if sets.missing else "check.points_extra"
    return CheckResult("incorrect", task, read.text, right.value, missing=sets.missing,
                       extra=extra, complete=right.complete, how="points",
                       said=(key, params), notes=tuple(notes))


# -- simplified ------------------------------------------------------------------------------
def _simpler(read: Answer, right: Any) -> Any:
    """A clearly simpler form of a correct answer (two or more operations fewer), or None."""
    if isinstance(read.value, frozenset):
        return None
    if isinstance(read.value, tuple):
        typed = read.typed if isinstance(read.typed, tuple) else read.value
        parts = [_simpler(Answer(v, "", t), r)
                 for v, t, r in zip(read.value, typed, right, strict=True)]
        if all(p is None for p in parts):
            return None
        return tuple(v if p is None else p for v, p in zip(read.value, parts, strict=True))
    typed = read.typed if read.typed is not None else read.value
    if _number_literal(typed):   # −1.2 is as simple as it gets: never "write it as −6/5"
        return None
    ops = sympy.count_ops(typed)
    candidates = [read.value, right]
    if ops >= min(sympy.count_ops(c) for c in candidates) + 2:
        return min(candidates, key=sympy.count_ops)
    if ops < 6:
        return None  # short already; simplify would not find two operations fewer
    candidates += _simplified_forms(read.value)
    best = min(candidates, key=sympy.count_ops)
    return best if sympy.count_ops(best) <= ops - 2 else None


def _number_literal(value: Any) -> bool:
    """A number as written: 3, −1.2, 2/3 (a sign and one number, nothing to work out)."""
    if not isinstance(value, sympy.Basic):
        return isinstance(value, (int, float))
    if value.is_Number:
        return True
    if value.is_Mul and len(value.args) == 2 and value.args[0] == -1:
        return _number_literal(value.args[1])
    if value.is_Mul and len(value.args) == 2 and all(a.is_Integer for a in
                                                     (value.args[0], 1 / value.args[1])):
        return True    # 2/3 typed: 2·3⁻¹
    return False


def _simplified_forms(value: Any) -> list[Any]:
    if not inside():
        return [sympy.cancel(value)] if sympy.count_ops(value) < 40 else []
    try:
        return list(run_bounded(_forms, value, timeout=SIMPLIFY_TIMEOUT))
    except BudgetExceeded:
        return []


def _forms(value: Any) -> tuple[Any, ...]:
    """Cheap rewritings (``simplify`` costs ten times more and finds little more here)."""
    forms = [sympy.cancel(value), sympy.factor(value), sympy.expand(value)]
    if any(p.base.func in (sympy.sin, sympy.cos, sympy.tan) for p in value.atoms(sympy.Pow)):
        forms.append(sympy.trigsimp(value))  # sin² + cos²: the identities trigsimp knows
    return tuple(forms)


__all__ = ["SIMPLIFY_TIMEOUT", "Slips", "check_answer", "judge", "value_text", "value_texts"]
