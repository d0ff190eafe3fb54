"""Check a learner's work: an answer or a derivation against the task, the slip named.

The package is also the library's one call, ``nablab.check(task, answer)`` (the module is
callable: :func:`check`), so that the issue's name and the package's are the same thing::

    >>> import nablab
    >>> nablab.check("d/dx (x^2 sin x)", "2x sin x + x^2 cos x").verdict
    'correct'
    >>> nablab.check("∇ (x^2 + y^2)", "(2x, y)").counterexample
    {'x': 1, 'y': 1}

``nablab.check_answer`` and ``nablab.check_derivation`` are the same calls by name.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from nablab.core.hooks import callable_module

if TYPE_CHECKING:
    from nablab.check.checker import Slips
    from nablab.check.result import CheckResult
    from nablab.check.task import Task


def check(task: Task | str, answer: str | None = None, *,
          derivation: str | Sequence[str] | None = None, slips: Slips | None = None,
          timeout: float | None = 10.0) -> CheckResult:
    """The verdict on ``answer`` (or on a ``derivation``, its lines) to ``task``.

    Args:
        task: a :class:`~nablab.check.task.Task` or its text (``"d/dx (x^2 sin x)"``).
        answer: the learner's answer as typed.
        derivation: the learner's working, a text of lines or a list of them (an ``=``
            chain is split at its ``=``); ``answer``, if given too, is its last line.
        slips: the catalogue of slips, ``(task, answer_value, same) -> Mistake | None``.
        timeout: seconds the check may take.
    """
    from nablab.check.checker import check_answer
    from nablab.check.derivation import check_derivation

    if derivation is None:
        if answer is None:
            raise ValueError("give the answer, or a derivation")
        return check_answer(task, answer, slips=slips, timeout=timeout)
    lines = list(derivation) if not isinstance(derivation, str) else [derivation]
    if answer is not None:
        lines.append(answer)
    return check_derivation(task, "\n".join(lines), slips=slips, timeout=timeout)


callable_module(__name__, check)

__all__ = ["check"]
