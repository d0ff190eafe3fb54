"""The right answer to a task, from nablab's own capabilities, in the task's answer form.

Derivatives with ``sympy.diff`` variable by variable; critical points and Lagrange candidates
by :func:`nablab.solve.solve_system` (every real solution exactly when the system is
polynomial, else those Newton's method finds, and then :attr:`Expected.complete` is False);
one gradient-descent step exactly: θ − η∇f(θ) (the notes' x² + y² from (3, 4) with
η = 0.1 gives (2.4, 3.2)); the tangent line (plane) f(a) + ∇f(a)·(x − a).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sympy

from nablab.check.equivalence import value_at
from nablab.check.task import Task
from nablab.solve import INFINITE, solve_system

#: Seconds the exact solver may take for critical points and Lagrange candidates.
EXACT_TIMEOUT = 3.0
_LAMBDA = sympy.Symbol("lambda", real=True)
_ZERO = sympy.Float(10) ** -20


@dataclass(frozen=True)
class Expected:
    """The right answer.

    Attributes:
        value: in the task's answer form (see :mod:`nablab.check.task`).
        complete: for point sets, whether these are provably all the points.
        infinite: for point sets, whether there are infinitely many (no finite answer).
        floats: for point sets, whether some coordinates are known only as floats.
    """

    value: Any
    complete: bool = True
    infinite: bool = False
    floats: bool = False


def expected(task: Task) -> Expected:
    """The right answer to ``task``."""
    f = task.function.expr
    if task.kind in ("derivative", "partial"):
        result = f
        for v in task.wrt:
            result = sympy.diff(result, v)
        return Expected(result)
    if task.kind == "gradient":
        return Expected(tuple(sympy.diff(f, v) for v in task.variables))
    if task.kind == "gd_step":
        return Expected(gd_step(task))
    if task.kind == "tangent":
        return Expected(tangent(task))
    if task.kind == "critical":
        return _points(task, [sympy.diff(f, v) for v in task.variables], task.variables)
    return _lagrange(task)


def gd_step(task: Task, sign: int = -1) -> tuple[Any, ...]:
    """θ + sign·η∇f(θ): one step from :attr:`Task.start` (``sign=-1``, descent)."""
    assert task.start is not None and task.lr is not None
    point = dict(zip(task.variables, task.start, strict=True))
    return tuple(s + sign * task.lr * sympy.diff(task.function.expr, v).subs(point)
                 for v, s in zip(task.variables, task.start, strict=True))


def tangent(task: Task) -> Any:
    """f(a) + ∇f(a)·(x − a): the tangent line (plane) at :attr:`Task.at`."""
    assert task.at is not None
    f = task.function.expr
    point = dict(zip(task.variables, task.at, strict=True))
    return sympy.expand(f.subs(point) + sum(
        sympy.diff(f, v).subs(point) * (v - a) for v, a in point.items()))


def solves(task: Task, point: tuple[Any, ...]) -> bool:
    """Whether ``point`` is a critical point (∇f = 0), or a Lagrange candidate (g = 0 and
    ∇f ∥ ∇g), checked in high precision: a learner's point the solver did not find."""
    at = dict(zip(task.variables, point, strict=True))
    f = task.function.expr
    grad_f = [value_at(sympy.diff(f, v), at) for v in task.variables]
    if any(g is None for g in grad_f):
        return False
    if task.kind == "critical":
        return all(abs(g) < _ZERO for g in grad_f)
    g_value = value_at(task.constraint, at)
    grad_g = [value_at(sympy.diff(task.constraint, v), at) for v in task.variables]
    if g_value is None or abs(g_value) >= _ZERO or any(g is None for g in grad_g):
        return False
    n = len(grad_f)
    return all(abs(grad_f[i] * grad_g[j] - grad_f[j] * grad_g[i]) < _ZERO
               for i in range(n) for j in range(i + 1, n))


def lagrange_equations(task: Task) -> tuple[list[Any], list[sympy.Symbol]]:
    """∇f − λ∇g = 0 and g = 0, with the unknowns (the variables, then λ)."""
    g = task.constraint
    variables = list(task.variables)
    equations = [sympy.diff(task.function.expr, v) - _LAMBDA * sympy.diff(g, v)
                 for v in variables]
    return equations + [g], variables + [_LAMBDA]


def _lagrange(task: Task) -> Expected:
    equations, unknowns = lagrange_equations(task)
    return _points(task, equations, unknowns)


def _points(task: Task, equations: list[Any], unknowns: Any) -> Expected:
    n = len(task.variables)
    solution = solve_system(equations, list(unknowns), exact_timeout=EXACT_TIMEOUT)
    if solution.status == INFINITE:
        return Expected(frozenset(), complete=False, infinite=True)
    found: list[tuple[Any, ...]] = []
    floats = False
    for s in solution.solutions:
        point = tuple(e if e is not None else sympy.Float(x, 15)
                      for e, x in zip(s.exact[:n], s.x[:n], strict=True))
        floats = floats or any(e is None for e in s.exact[:n])
        if point not in found:
            found.append(point)
    return Expected(frozenset(found), complete=solution.complete, floats=floats)


__all__ = ["EXACT_TIMEOUT", "Expected", "expected", "gd_step", "lagrange_equations", "solves",
           "tangent"]
