"""The ``practice`` job: a practice problem in the style of the notes, with its answer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from nablab.check.attempt import Attempt, practice_answer
from nablab.check.practice import LEVELS, TOPICS, Problem, practice
from nablab.errors import UsageError
from nablab.jobs.check import EXIT_CODES
from nablab.jobs.request import Progress, Request, option
from nablab.present import Document


@dataclass(frozen=True)
class PracticeRequest(Request):
    """``nablab practice``: one problem of a topic, the same for the same seed."""

    command = "practice"
    draws = False

    topic: str = option("derivatives", "--topic", help="cli.practice.topic", kind="choice",
                        choices=TOPICS)
    seed: int = option(0, "--seed", help="cli.practice.seed", metavar="N", kind="integer")
    level: int | None = option(None, "--level", help="cli.practice.level", metavar="L",
                               kind="integer")
    show_answer: bool = option(False, "--show-answer", help="cli.practice.show_answer",
                               kind="flag")
    answer: str | None = option(None, "--answer", help="cli.practice.answer", metavar="ANSWER")

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.topic not in TOPICS:
            raise UsageError("bad_topic", value=self.topic, topics=", ".join(TOPICS))
        if self.level is not None and self.level not in LEVELS:
            raise UsageError("bad_level", value=self.level)

    def run(self, progress: Progress | None = None) -> Problem | Attempt:
        if self.answer is not None:
            return practice_answer(self.topic, self.seed, self.answer, self.level)
        return practice(self.topic, self.seed, self.level)

    def to_json(self, result: Problem | Attempt, lang: str) -> dict[str, Any]:
        """``{"topic", "seed", "task", "prompt", "answer"}``: the answer always (for programs);
        with ``--answer``, also ``check``, the checker's verdict on it."""
        return result.to_dict(lang)

    def document(self, result: Problem | Attempt, lang: str) -> Document:
        if isinstance(result, Attempt):
            return result.document(lang)
        return result.document(lang, show=self.show_answer)

    def exit_code(self, result: Problem | Attempt) -> int:
        """As ``nablab check`` with ``--answer`` (0 correct, 6 incorrect, 7 not an answer)."""
        return EXIT_CODES[result.check.verdict] if isinstance(result, Attempt) else 0

    def output(self, result: Problem | Attempt, lang: str, as_json: bool) -> Any:
        """The problem alone: it has no function as typed to add (the task says it)."""
        return self.to_json(result, lang) if as_json else self.document(result, lang)


__all__ = ["PracticeRequest"]
