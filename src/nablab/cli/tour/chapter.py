"""A chapter of the tour: what it says, the data it reports, the results its figures draw."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: The notes' example, the running function of the tour.
TOUR_FUNCTION = "f(x, y) = x^2 + y^2"


@dataclass
class Chapter:
    """One chapter: a title, lines to show (``("text" | "math", str)``), its data (``--json``)
    and the result objects it computed (the figures are drawn from these)."""

    key: str
    title: str
    lines: list[tuple[str, str]] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    results: dict[str, Any] = field(default_factory=dict)

    def text(self, line: str) -> None:
        self.lines.append(("text", line))

    def math(self, line: str) -> None:
        self.lines.append(("math", line))

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "title": self.title,
                "lines": [{"kind": k, "text": t} for k, t in self.lines], "data": self.data}


__all__ = ["TOUR_FUNCTION", "Chapter"]
