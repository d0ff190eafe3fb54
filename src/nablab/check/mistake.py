"""A named slip: the common mistake that turns the task into the learner's wrong answer.

The contract between the catalogue of slips (``nablab.check.slips``), which finds one, and
the checker (``nablab.check.checker``), which reports it. Its words are the catalogue entries
``check.slip.<rule>`` (what the rule is) and ``check.slip.<rule>.detail`` (what it gives here
and where that differs), filled with :attr:`Mistake.params`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Mistake:
    """The slip that explains a wrong answer.

    Attributes:
        rule: the slip's key in the catalogue (``"chain_inner"``, ``"product_as_product"``, …).
        wrong: what the slip produces from the task, in the task's answer form (SymPy).
        params: the values its catalogue sentences are filled with (strings, already
            printed: ``{"inner": "2x", "wrong": "cos(x²)"}``).
    """

    rule: str
    wrong: Any
    params: dict[str, str] = field(default_factory=dict)
