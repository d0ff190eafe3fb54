"""The slip named: common mistakes, each a rule that makes a wrong answer from the task.

:func:`find_slip` makes each slip's wrong answer from the task, in the task's answer form (see
:mod:`nablab.check.task`), and compares it with the learner's answer by the checker's own
equivalence test. Derivatives come from a differentiator with one rule swapped for its wrong
twin at one node of the expression tree (:mod:`nablab.check.wrong_diff`), so a slip in one
term of a sum or one level of a nesting is found; the other kinds add their own slips:

- ``gradient``: a slip in one component; the components in the wrong order;
- ``gd_step``: θ + η∇L(θ) (``gd_sign``), θ − ∇L(θ) (``gd_no_lr``), the step −η∇L(θ) alone
  (``gd_step_only``), ∇L(θ) alone (``gd_gradient_only``), the gradient at the point with its
  coordinates swapped (``gd_wrong_point``), a derivative slip inside ∇L;
- ``critical``: the saddle points left out, the points with a negative coordinate left out;
- ``lagrange``: the constraint forgotten (the critical points of f alone,
  ``lagrange_constraint_forgotten``), the points where ∇g = 0 left out or added.
  λ's sign convention (∇f = −λ∇g instead of ∇f = λ∇g) gives the same points with λ negated,
  so it makes no wrong answer in this answer form (the points): it is not a slip here.

The right answer itself is never reported as a slip: an answer equal to it gets ``None``.
Answers are first compared by value at a few points, so that ``same`` (which may be slow:
it decides equality for certain) runs only on the candidates that may match.
Everything is bounded: the function's size, the number of candidates tried
(:data:`MAX_CANDIDATES`) and the time (:data:`SECONDS`, under :mod:`nablab.budget`).
"""

from __future__ import annotations

import cmath
from collections.abc import Callable, Iterator
from typing import Any

import sympy

from nablab.budget import run_bounded
from nablab.check.mistake import Mistake
from nablab.check.task import Task
from nablab.check.wrong_diff import at_samples, derivative_slips, plainly_same
from nablab.core.differentiate import tree_size
from nablab.core.printing import to_unicode
from nablab.errors import NablabError
from nablab.i18n import translate

#: The most wrong answers tried against one learner's answer.
MAX_CANDIDATES = 60
#: Seconds the search may take (it gives up, finding no slip, after that).
SECONDS = 8.0
#: Functions larger than this (tree nodes) are not searched.
MAX_NODES = 200

#: One slip's wrong answer: (rule, wrong answer, params as SymPy objects).
Candidate = tuple[str, Any, dict[str, Any]]


def find_slip(task: Task, answer: Any, same: Callable[[Any, Any], bool]) -> Mistake | None:
    """The common slip that gives ``answer`` from ``task``, or ``None``.

    Args:
        task: what was asked.
        answer: the learner's answer, in the task's answer form.
        same: the checker's equivalence test of two answers in that form.

    Returns:
        The first slip whose wrong answer ``same`` finds equal to ``answer``, with its
        catalogue parameters printed; ``None`` when none does, when ``answer`` is right, or
        when the search runs out of time.

    >>> import nablab
    >>> x = nablab.parse("x").variables[0]
    >>> task = Task("derivative", nablab.parse("sin(x^2)"), wrt=(x,))
    >>> find_slip(task, sympy.cos(x**2), lambda a, b: sympy.simplify(a - b) == 0).rule
    'chain_inner'
    """
    if tree_size(task.function.expr, MAX_NODES) > MAX_NODES:
        return None
    try:
        return run_bounded(_search, task, answer, same, timeout=SECONDS)
    except (NablabError, TypeError, ValueError, ArithmeticError, NotImplementedError,
            RecursionError, sympy.SympifyError):
        return None  # naming a slip is a help, never a reason for the check to fail


def _search(task: Task, answer: Any, same: Callable[[Any, Any], bool]) -> Mistake | None:
    right = expected(task)
    seen = _values(answer)
    if right is None or (not _differ(seen, _values(right)) and _agrees(same, answer, right)):
        return None
    tried: list[Any] = [right]
    for rule, wrong, params in _candidates(task, right):
        if len(tried) > MAX_CANDIDATES:
            break
        if any(_plain_match(wrong, t) for t in tried):
            continue
        tried.append(wrong)
        if not _differ(seen, _values(wrong)) and _agrees(same, answer, wrong):
            shown = {k: show(v) for k, v in params.items()}
            return Mistake(rule, wrong, {**shown, "wrong": show(wrong)})
    return None


def _values(answer: Any) -> tuple[complex, ...] | None:
    """An answer's values at three sample points (:func:`~nablab.check.wrong_diff.sample`;
    a tuple's, component by component); ``None`` where they cannot be had (a set of points,
    an expression that will not evaluate)."""
    if isinstance(answer, tuple):
        parts = [_values(c) for c in answer]
        if any(p is None for p in parts):
            return None
        return tuple(v for p in parts for v in p or ())
    try:
        expr = exact_number(answer) if isinstance(answer, (int, float)) else answer
        if not isinstance(expr, sympy.Basic):
            return None
        return tuple(at_samples(expr, k) for k in range(3))
    except (TypeError, ValueError, AttributeError, ArithmeticError, sympy.SympifyError):
        return None


def _differ(a: tuple[complex, ...] | None, b: tuple[complex, ...] | None) -> bool:
    """Whether two answers plainly differ in value (a cheap screen before ``same``: two
    answers that differ at a point of their common domain are not equal)."""
    if a is None or b is None or len(a) != len(b):
        return False
    for p, q in zip(a, b, strict=True):
        finite = all(cmath.isfinite(v) and abs(v.imag) < 1e-12 for v in (p, q))
        if finite and abs(p - q) > 1e-7 * (1 + abs(p) + abs(q)):
            return True
    return False


def _agrees(same: Callable[[Any, Any], bool], answer: Any, candidate: Any) -> bool:
    try:
        return bool(same(answer, candidate))
    except (NablabError, TypeError, ValueError, ArithmeticError):
        return False


def _plain_match(a: Any, b: Any) -> bool:
    if isinstance(a, tuple) and isinstance(b, tuple):
        return len(a) == len(b) and all(plainly_same(p, q) for p, q in zip(a, b, strict=True))
    if isinstance(a, frozenset) or isinstance(b, frozenset):
        return bool(a == b)
    return plainly_same(a, b)


# ---------------------------------------------------------------------- the right answers
def expected(task: Task) -> Any:
    """The right answer of ``task`` in its answer form, by the slips' own means."""
    f = task.function.expr
    if task.kind in ("derivative", "partial"):
        return sympy.diff(f, *task.wrt) if task.wrt else None
    if task.kind == "gradient":
        return tuple(sympy.diff(f, v) for v in task.variables)
    if task.kind == "gd_step":
        return _step(task, tuple(sympy.diff(f, v) for v in task.variables))
    if task.kind == "critical":
        return frozenset(p for p, _ in _critical(task))
    if task.kind == "lagrange":
        regular, singular = _lagrange(task)
        return regular | singular
    return None


def exact_number(value: Any) -> Any:
    """A number as SymPy, a float as the decimal it prints as (0.1 is 1/10).

    Raises:
        TypeError: not a number (text is never read here).
    """
    if isinstance(value, bool) or not isinstance(value, (int, float, sympy.Basic)):
        raise TypeError(f"a number was expected, not {value!r}")
    if isinstance(value, float):
        return sympy.Rational(repr(value))
    if isinstance(value, sympy.Float):
        return sympy.Rational(str(value))
    if isinstance(value, int):
        return sympy.Integer(value)
    return value


def _step(task: Task, grad: tuple[Any, ...], at: tuple[Any, ...] | None = None,
          sign: int = -1, lr: Any = None) -> tuple[Any, ...]:
    """θ + sign·η·∇L(at) (at = θ unless given)."""
    theta = tuple(exact_number(t) for t in task.start or ())
    at = theta if at is None else at
    eta = exact_number(task.lr) if lr is None else lr
    subs = dict(zip(task.variables, at, strict=False))
    return tuple(t + sign * eta * g.subs(subs) for t, g in zip(theta, grad, strict=True))


def _critical(task: Task) -> list[tuple[tuple[Any, ...], str]]:
    """The critical points of the task's function with their kinds (nablab's; found once
    per function and kept with it)."""
    return task.function.cached("slips: critical points", lambda: _critical_points(task))


def _critical_points(task: Task) -> list[tuple[tuple[Any, ...], str]]:
    from nablab.critical.points import critical_points

    result = critical_points(task.function)
    names = [v.name for v in task.variables]
    return [(tuple(_coordinate(p.exact, p.point, n) for n in names), p.kind)
            for p in result.points]


def _lagrange(task: Task) -> tuple[frozenset[Any], frozenset[Any]]:
    """The candidates of the Lagrange system and the constraint's singular points (∇g = 0
    on g = k), which the right answer includes (nablab's)."""
    from nablab.constrained.lagrange import lagrange
    from nablab.parse.parser import Relation

    constraint = Relation("", task.constraint, "=", sympy.S.Zero, task.variables)
    result = lagrange(task.function, [constraint], variables=[v.name for v in task.variables],
                      check=False)
    names = [v.name for v in task.variables]
    return (frozenset(tuple(_coordinate(c.exact, c.point, n) for n in names)
                      for c in result.candidates),
            frozenset(tuple(_coordinate(c.exact, c.point, n) for n in names)
                      for c in result.singular_points))


def _coordinate(exact: dict[str, str] | None, point: dict[str, float], name: str) -> Any:
    from nablab.parse import parse

    if exact and exact.get(name) is not None:
        return parse(exact[name]).expr
    return sympy.Float(point[name])


# ---------------------------------------------------------------------- the slips by kind
def _candidates(task: Task, right: Any) -> Iterator[Candidate]:
    if task.kind in ("derivative", "partial"):
        yield from _derivative(task)
    elif task.kind == "gradient":
        yield from _gradient(task, right)
    elif task.kind == "gd_step":
        yield from _descent(task, right)
    elif task.kind == "critical":
        yield from _critical_slips(task, right)
    elif task.kind == "lagrange":
        yield from _lagrange_slips(task, right)


def _derivative(task: Task) -> Iterator[Candidate]:
    """A slip at one differentiation of d/dx, d²/dx², ∂²/∂y∂x…, the others done right."""
    f = task.function.expr
    variables = task.function.variables
    for k, x in enumerate(task.wrt):
        before = sympy.diff(f, *task.wrt[:k]) if k else f
        others = tuple(v for v in variables if v != x)
        for rule, wrong, params in derivative_slips(before, x, others):
            after = sympy.diff(wrong, *task.wrt[k + 1:]) if k + 1 < len(task.wrt) else wrong
            yield rule, after, {**params, "by": x}


def _component_slips(task: Task, right: tuple[Any, ...]) -> Iterator[Candidate]:
    """A slip in one component of ∇f, the others right."""
    f, variables = task.function.expr, task.variables
    for i, v in enumerate(variables):
        others = tuple(w for w in variables if w != v)
        for rule, wrong, params in derivative_slips(f, v, others, limit=20):
            yield rule, right[:i] + (wrong,) + right[i + 1:], {**params, "by": v}


def _gradient(task: Task, right: tuple[Any, ...]) -> Iterator[Candidate]:
    if len(right) > 1:
        yield "gradient_order", tuple(reversed(right)), {"right": right}
    yield from _component_slips(task, right)


def _descent(task: Task, right: tuple[Any, ...]) -> Iterator[Candidate]:
    grad = tuple(sympy.diff(task.function.expr, v) for v in task.variables)
    theta = tuple(exact_number(t) for t in task.start or ())
    at = dict(zip(task.variables, theta, strict=False))
    g = tuple(c.subs(at) for c in grad)
    eta = exact_number(task.lr)
    common = {"right": right, "gradient": g, "start": theta, "lr": eta}
    yield "gd_sign", _step(task, grad, sign=1), common
    yield "gd_no_lr", _step(task, grad, lr=sympy.S.One), common
    yield "gd_step_only", tuple(-eta * c for c in g), common
    yield "gd_gradient_only", g, common
    swapped = tuple(reversed(theta))
    if swapped != theta:
        yield "gd_wrong_point", _step(task, grad, at=swapped), {**common, "point": swapped}
    for rule, wrong_grad, params in _component_slips(task, grad):
        yield rule, _step(task, wrong_grad), params


def _critical_slips(task: Task, right: frozenset[Any]) -> Iterator[Candidate]:
    points = _critical(task)
    kept = frozenset(p for p, kind in points if kind != "saddle")
    saddles = frozenset(p for p, kind in points if kind == "saddle")
    if kept and saddles:
        yield "critical_saddles_dropped", kept, {"points": saddles}
    positive = frozenset(p for p in right if all(not _negative(c) for c in p))
    if positive and positive != right:
        yield "critical_negative_dropped", positive, {"points": right - positive}


def _negative(c: Any) -> bool:
    return bool(c.is_number and c.is_extended_real and c < 0)


def _lagrange_slips(task: Task, right: frozenset[Any]) -> Iterator[Candidate]:
    free = frozenset(p for p, _ in _critical(task))
    if free and free != right:
        yield "lagrange_constraint_forgotten", free, {"points": free}
    _, on = _lagrange(task)
    if on:
        yield "lagrange_singular_missed", right - on, {"points": on}
    variables = task.variables
    try:
        flat = sympy.solve([sympy.diff(task.constraint, v) for v in variables], variables,
                           dict=True)
    except (NotImplementedError, ValueError, TypeError):
        return
    off = frozenset(p for p in (tuple(s.get(v, v) for v in variables) for s in flat)
                    if all(c.is_number for c in p) and p not in right
                    and task.constraint.subs(dict(zip(variables, p, strict=True))) != 0)
    if off:
        yield "lagrange_singular_added", right | off, {"points": off}


# ---------------------------------------------------------------------- words
def slip_message(mistake: Mistake, lang: str | None = None) -> str:
    """The slip in words: the right rule, then what the learner's way gives here."""
    rule = translate(f"check.slip.{mistake.rule}", lang, **mistake.params)
    return f"{rule} {translate(f'check.slip.{mistake.rule}.detail', lang, **mistake.params)}"



def show(value: Any) -> str:
    """A parameter as the learner reads it: a formula, a point, a set of points."""
    if isinstance(value, frozenset):
        return ", ".join(sorted(show(p) for p in value)) or "∅"
    if isinstance(value, tuple):
        return "(" + ", ".join(show(c) for c in value) + ")"
    if isinstance(value, sympy.Basic):
        if value.is_Float or (value.is_Rational and value.q != 1 and _terminates(value.q)):
            return f"{float(value):g}".replace("-", "−")
        return to_unicode(value)
    return str(value)


def _terminates(q: int) -> bool:
    """Whether 1/q is a finite decimal (q = 2ᵃ5ᵇ)."""
    for p in (2, 5):
        while q % p == 0:
            q //= p
    return q == 1


__all__ = ["MAX_CANDIDATES", "MAX_NODES", "SECONDS", "exact_number", "expected", "find_slip",
           "show",
           "slip_message"]
