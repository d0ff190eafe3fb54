"""A practice problem and a learner's answer to it, checked: ``nablab practice --answer``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from nablab.check.checker import check_answer
from nablab.check.practice import Problem, practice
from nablab.check.result import CheckResult
from nablab.check.slips import find_slip
from nablab.present import Blank, Document, Presentable


@dataclass(frozen=True, repr=False)
class Attempt(Presentable):
    """The problem, then the verdict on the answer given to it."""

    problem: Problem
    check: CheckResult

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        return {**self.problem.to_dict(lang), "check": self.check.to_dict(lang)}

    def document(self, lang: str | None = None) -> Document:
        blocks = (*self.problem.document(lang, show=False).blocks, Blank(),
                  *self.check.document(lang).blocks)
        return Document(blocks)

    def __str__(self) -> str:
        return f"{self.problem.text}: {self.check}"


def practice_answer(topic: str, seed: int, answer: str, level: int | None = None) -> Attempt:
    """Practice problem ``seed`` of ``topic``, and ``answer`` checked against it.

    >>> practice_answer("descent", 0, "(0, 0)").check.verdict in ("correct", "incorrect")
    True
    """
    problem = practice(topic, seed, level)
    return Attempt(problem, check_answer(problem.task, answer, slips=find_slip))


__all__ = ["Attempt", "practice_answer"]
