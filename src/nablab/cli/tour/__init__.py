"""``nablab tour``: the notes' example f(x, y) = x² + y² through every capability.

Each capability adds one chapter module and lists it in :data:`CHAPTERS`. A chapter computes
with the library (nothing in it is typed in by hand) and returns a :class:`Chapter`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from nablab.cli.tour import critical, derivatives, descent, foundation, lagrange, network

#: The notes' example, the running function of the tour.
TOUR_FUNCTION = "f(x, y) = x^2 + y^2"


@dataclass
class Chapter:
    """One chapter: a title, lines to show (``("text" | "math", str)``), and its data."""

    key: str
    title: str
    lines: list[tuple[str, str]] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)

    def text(self, line: str) -> None:
        self.lines.append(("text", line))

    def math(self, line: str) -> None:
        self.lines.append(("math", line))

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "title": self.title,
                "lines": [{"kind": k, "text": t} for k, t in self.lines], "data": self.data}


CHAPTERS: tuple[Callable[[str], Chapter], ...] = (foundation.chapter, derivatives.chapter,
                                                 critical.chapter, descent.chapter,
                                                 lagrange.chapter, network.chapter)
