"""The ``check`` job: a learner's answer or derivation checked against the task."""

from __future__ import annotations

import dataclasses
import importlib
from dataclasses import dataclass
from typing import Any, ClassVar

from nablab.check.checker import Slips, check_answer
from nablab.check.derivation import CHAIN_KINDS, check_lines, split_lines
from nablab.check.reading import parse_task
from nablab.check.result import CheckResult
from nablab.errors import UsageError
from nablab.jobs.request import Option, Progress, Request, option

#: Exit codes of the verdicts (the errors keep theirs: 1 input, 2 usage, …, 5 budget).
EXIT_CODES = {"correct": 0, "incorrect": 6, "invalid": 7}


@dataclass(frozen=True)
class CheckRequest(Request):
    """``nablab check TASK [ANSWER]`` (or ``--file PATH``): the verdict on a learner's work."""

    command = "check"
    draws: ClassVar[bool] = False

    expression: str = dataclasses.field(metadata={"option": Option(
        (), "cli.check.task", metavar="TASK", positional=True)})
    answer: str | None = dataclasses.field(default=None, metadata={"option": Option(
        (), "cli.check.answer", metavar="ANSWER", positional=True, optional=True)})
    derivation: str | None = option(None, "--file", help="cli.check.file", metavar="PATH",
                                    kind="file")

    def __post_init__(self) -> None:
        super().__post_init__()
        if not (self.answer or "").strip() and not (self.derivation or "").strip():
            raise UsageError("check_no_answer")

    def run(self, progress: Progress | None = None) -> CheckResult:
        task = parse_task(self.expression)
        slips = default_slips()
        chains = task.kind in CHAIN_KINDS
        lines = split_lines(self.derivation or "", chains=chains)
        if self.answer is not None and self.answer.strip():
            if not lines and not _chained(task.kind, self.answer):
                return check_answer(task, self.answer, slips=slips, timeout=None)
            lines += split_lines(self.answer, chains=chains)
        return check_lines(task, lines, slips=slips)

    def exit_code(self, result: CheckResult) -> int:
        """0 correct, 6 incorrect, 7 not an answer to the task."""
        return EXIT_CODES[result.verdict]


def _chained(kind: str, answer: str) -> bool:
    """An answer that is a derivation: several lines, or an ``=`` chain of expressions."""
    if "\n" in answer.strip():
        return True
    return kind in CHAIN_KINDS and len(split_lines(answer)) > 1


def default_slips() -> Slips | None:
    """The catalogue of slips (:func:`nablab.check.slips.find_slip`), when it is installed."""
    try:
        module = importlib.import_module("nablab.check.slips")
    except ModuleNotFoundError as exc:
        if exc.name != "nablab.check.slips":
            raise
        return None
    found: Any = getattr(module, "find_slip", None)
    return found if callable(found) else None


__all__ = ["EXIT_CODES", "CheckRequest", "default_slips"]
