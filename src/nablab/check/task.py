"""What a learner was asked: one task of a kind nablab can answer and check.

The task is the contract between the pieces of ``nablab.check``: reading a task's text
(:func:`nablab.check.reading.parse_task`), the expected answer, the equivalence test, the
catalogue of common slips (each a rule that makes a wrong answer from the task) and the
practice generator all speak in :class:`Task` and in the answer forms below.

Answer forms, by kind (SymPy objects, exact where the task is exact):

- ``derivative``, ``partial``: one expression;
- ``gradient``: a tuple of expressions, one per variable of :attr:`Task.variables`;
- ``critical``, ``lagrange``: a frozenset of points, each a tuple in the order of
  :attr:`Task.variables`;
- ``gd_step``: one point, a tuple in the order of :attr:`Task.variables`;
- ``tangent``: one expression, the tangent line's y (the tangent plane's z) as a function of
  the variables: y = f(a) + f′(a)(x − a).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import sympy

from nablab.core.expression import Expression

TaskKind = Literal["derivative", "partial", "gradient", "critical", "lagrange", "gd_step",
                   "tangent"]
TASK_KINDS: tuple[TaskKind, ...] = (
    "derivative", "partial", "gradient", "critical", "lagrange", "gd_step", "tangent",
)


@dataclass(frozen=True)
class Task:
    """One task: what to compute, of which function.

    Attributes:
        kind: what is asked (see :data:`TASK_KINDS`).
        function: the function the task is about (f, or the loss L).
        wrt: ``derivative``/``partial``: the variables differentiated by, in order
            (``(x, x)`` for d²/dx², ``(x, y)`` for ∂²f/∂y∂x read as f_xy); empty otherwise.
        constraint: ``lagrange``: g(x) − k, the constraint as ``expression = 0``; else None.
        start: ``gd_step``: the point the step starts from; else None.
        lr: ``gd_step``: the learning rate η; else None.
        text: the task as typed.
        at: ``tangent``: the point of tangency, in the order of the variables; else None.
    """

    kind: TaskKind
    function: Expression
    wrt: tuple[sympy.Symbol, ...] = ()
    constraint: Any = None
    start: tuple[Any, ...] | None = None
    lr: Any = None
    text: str = ""
    at: tuple[Any, ...] | None = None

    @property
    def variables(self) -> tuple[sympy.Symbol, ...]:
        """The function's variables, in order (with the constraint's for ``lagrange``)."""
        names = list(self.function.variables)
        if self.constraint is not None:
            extra = sorted(
                (s for s in self.constraint.free_symbols if s not in names),
                key=lambda s: s.name,
            )
            names.extend(extra)
        return tuple(names)
