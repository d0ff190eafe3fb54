"""Practice problems in the style of the notes, each with its answer known.

:func:`practice` makes one problem of a topic from a seed: the same seed gives the same
problem, another seed usually another. The problems are the notes' kinds: polynomials, eˣ,
sin, the sigmoid, f(x, y) = x² + 3xy + y², the neuron z = wx + b, a gradient-descent step from
a point, the mountain f = 4 − x² − 2y² climbed along a path. Each is sensible by design:
critical points are few and exact, a Lagrange problem is solvable by hand, a descent step
lands on exact decimals. The answer is computed by nablab (derivatives, ∇f, critical points,
Lagrange candidates), in the answer form of :mod:`nablab.check.task`.

Levels: 1 (one rule), 2 (two rules together: a product, a chain), 3 (quotients, nesting,
more points).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sympy

from nablab.check.slips import exact_number, expected, show
from nablab.check.task import Task, TaskKind
from nablab.core.expression import Expression
from nablab.core.printing import to_unicode
from nablab.i18n import translate
from nablab.parse import parse, parse_relation
from nablab.present import Document, Presentable, Writer

TOPICS = ("derivatives", "partials", "gradient", "critical", "descent", "lagrange")
LEVELS = (1, 2, 3)
#: The task kind of each topic.
KINDS: dict[str, TaskKind] = {
    "derivatives": "derivative", "partials": "partial", "gradient": "gradient",
    "critical": "critical", "descent": "gd_step", "lagrange": "lagrange",
}


@dataclass(frozen=True, repr=False)
class Problem(Presentable):
    """One practice problem and its answer.

    Attributes:
        topic: one of :data:`TOPICS`.
        seed: the seed it was made from.
        level: its difficulty, 1–3.
        task: the task, as the checker reads it.
        text: the task in the checker's text syntax (``"d/dx (x^2 sin(x))"``).
        answer: the right answer, in the task's answer form.
        answer_text: the answer as a learner would write it.
    """

    topic: str
    seed: int
    level: int
    task: Task
    text: str
    answer: Any
    answer_text: str

    def prompt(self, lang: str | None = None) -> str:
        """The problem as a teacher asks it."""
        task = self.task
        params: dict[str, Any] = {"f": task.function.unicode}
        if task.wrt:
            params["x"] = to_unicode(task.wrt[0])
        if task.kind == "gd_step":
            params["start"] = show_answer(tuple(exact_number(c) for c in task.start or ()))
            params["lr"] = f"{float(task.lr):g}"
        if task.kind == "lagrange":
            params["constraint"] = parse_relation(self.text.split(";", 1)[1]).unicode
        return translate(f"practice.prompt.{task.kind}", lang, **params)

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        return {"topic": self.topic, "seed": self.seed, "task": self.text,
                "prompt": self.prompt(lang), "answer": self.answer_text}

    def document(self, lang: str | None = None, show: bool = False) -> Document:
        w = Writer()
        w.heading(translate("practice.heading", lang, topic=translate(
            f"practice.topic.{self.topic}", lang), seed=self.seed, level=self.level))
        w.text(self.prompt(lang), 2)
        w.blank()
        w.text(translate("practice.task", lang, task=self.text))
        if show:
            w.text(translate("practice.answer", lang, answer=self.answer_text))
        else:
            w.text(translate("practice.hidden", lang, seed=self.seed, topic=self.topic))
        return w.document()


def practice(topic: str, seed: int = 0, level: int | None = None) -> Problem:
    """A practice problem of ``topic``, the same for the same seed (and level).

    Args:
        topic: one of :data:`TOPICS`.
        seed: any whole number.
        level: 1–3; ``None`` lets the seed choose.

    Returns:
        A :class:`Problem` with its answer.

    Raises:
        ValueError: an unknown topic or level.

    >>> p = practice("descent", 1, level=1)
    >>> p.text == practice("descent", 1, level=1).text
    True
    """
    if topic not in TOPICS:
        raise ValueError(f"topic must be one of {', '.join(TOPICS)}, not {topic!r}")
    if level is not None and level not in LEVELS:
        raise ValueError(f"level must be 1, 2 or 3, not {level!r}")
    rng = random.Random(f"nablab-practice:{topic}:{seed}:{level}")
    level = level or rng.choice(LEVELS)
    make = _MAKERS[topic]
    text, task = make(rng, level)
    answer = solve(task)
    return Problem(topic, seed, level, task, text, answer, show_answer(answer))


# ---------------------------------------------------------------------- the answers
def solve(task: Task) -> Any:
    """The answer of a practice task, by nablab: derivatives, ∇f, critical points, Lagrange
    candidates, one descent step (exact)."""
    f = task.function
    if task.kind in ("derivative", "partial"):
        out = f.partial(task.wrt[0])
        for v in task.wrt[1:]:
            out = Expression.from_sympy(out, f.variables).partial(v)
        return out
    if task.kind == "gradient":
        return tuple(f.gradient())
    if task.kind == "gd_step":
        at = dict(zip(f.variables, (exact_number(c) for c in task.start or ()), strict=True))
        eta = exact_number(task.lr)
        return tuple(at[v] - eta * g.subs(at) for v, g in zip(f.variables, f.gradient(),
                                                              strict=True))
    if task.kind == "critical":
        from nablab.critical.points import critical_points

        result = critical_points(f)
        names = [v.name for v in f.variables]
        return frozenset(tuple(parse((p.exact or {})[n]).expr for n in names)
                         for p in result.points)
    return expected(task)


def show_answer(answer: Any) -> str:
    """An answer as a learner writes it: ``2x·sin(x)``, ``(2.4, 3.2)``, ``(−1, 0), (1, 0)``."""
    if isinstance(answer, frozenset):
        return ", ".join(sorted((show(p) for p in answer), key=_point_order))
    return show(answer)


def _point_order(text: str) -> tuple[float, ...]:
    """Points in reading order: by their coordinates, as numbers."""
    values = []
    for part in text.strip("()").split(","):
        try:
            values.append(float(parse(part).expr))
        except (TypeError, ValueError):
            values.append(0.0)
    return tuple(values)


# ---------------------------------------------------------------------- writing formulas
def _sum(*terms: tuple[int, str]) -> str:
    """``(3, "x^2"), (-2, "x"), (5, "")`` → ``3x^2 - 2x + 5`` (zero terms left out)."""
    out = ""
    for c, body in terms:
        if c == 0:
            continue
        size = abs(c)
        word = body if size == 1 and body else f"{size}{body}"
        if not out:
            out = ("-" if c < 0 else "") + word
        else:
            out += (" - " if c < 0 else " + ") + word
    return out or "0"


def _c(k: int) -> str:
    """A coefficient as written before a letter: ``3``, ``-2``, and 1 and −1 unwritten."""
    return {1: "", -1: "-"}.get(k, str(k))


def _nonzero(rng: random.Random, low: int, high: int) -> int:
    return rng.choice([k for k in range(low, high + 1) if k != 0])


def _shift(name: str, p: int) -> str:
    """``(x - 2)``, ``(x + 1)``, ``x``."""
    return name if p == 0 else f"({name} {'-' if p > 0 else '+'} {abs(p)})"


def _task(kind: TaskKind, source: str, text: str, **fields: Any) -> tuple[str, Task]:
    return text, Task(kind, parse(source), text=text, **fields)


# ---------------------------------------------------------------------- the topics
def _derivatives(rng: random.Random, level: int) -> tuple[str, Task]:
    a, b, c = _nonzero(rng, -5, 5), _nonzero(rng, -5, 5), rng.randint(1, 9)
    n = rng.randint(2, 5)
    pools: dict[int, list[str]] = {
        1: [_sum((a, f"x^{n}"), (b, "x"), (c, "")), _sum((abs(a), "x"), (c, "")),
            f"({c} - x)^2", f"{c} + e^(-x)", _sum((a, "e^x"), (b, f"x^{n}"))],
        2: [f"x^{n} sin(x)", f"x^{n} e^x", f"x^{n} cos(x)", f"e^({_c(a)}x)",
            f"sin({_c(abs(a))}x + {c})", f"ln(x^2 + {c})", "sigmoid(x)"],
        3: [f"(x^2 + {c})/(x + {abs(b)})", f"sin(x^{n})", f"cos({_c(abs(a))}x^2)",
            f"sigmoid({_c(abs(a))}x)", "e^(x^2)", "1/(1 + e^(-x))", f"x^{n} ln(x)"],
    }
    f = rng.choice(pools[level])
    x = sympy.Symbol("x", real=True)
    return _task("derivative", f, f"d/dx ({f})", wrt=(x,))


def _partials(rng: random.Random, level: int) -> tuple[str, Task]:
    a, b, c = rng.randint(1, 5), rng.randint(1, 5), rng.randint(1, 5)
    m, n = rng.randint(2, 4), rng.randint(2, 4)
    pools: dict[int, list[tuple[str, str]]] = {
        1: [(_sum((a, "x^2"), (b, "xy"), (c, "y^2")), "xy"), ("w x + b", "wxb")],
        2: [(f"x^2 y + {_c(a)}sin(y)", "xy"), (f"x^{m} y^{n}", "xy"), (f"e^({_c(a)}x y)", "xy")],
        3: [(f"sin(x y) + x^{m}", "xy"), (f"ln(x^2 + y^2 + {a})", "xy"),
            (f"x e^({_c(a)}y)", "xy"), ("sigmoid(w x + b)", "wxb")],
    }
    f, names = rng.choice(pools[level])
    v = sympy.Symbol(rng.choice(names), real=True)
    return _task("partial", f, f"∂/∂{v.name} ({f})", wrt=(v,))


def _gradient(rng: random.Random, level: int) -> tuple[str, Task]:
    a, b, c = rng.randint(1, 5), rng.randint(1, 5), rng.randint(1, 5)
    pools = {
        1: ["x^2 + y^2", _sum((a, "x^2"), (b, "y^2")), _sum((a, "x^2"), (b, "xy"), (c, "y^2"))],
        2: [f"x y + {_c(a)}sin(x)", f"{_c(a)}e^x y", _sum((a, "x^3"), (-b, "xy"), (c, "y^2"))],
        3: [f"e^({_c(a)}x y)", f"sin(x) cos({_c(a)}y)", f"ln(x^2 + y^2 + {a})"],
    }
    f = rng.choice(pools[level])
    return _task("gradient", f, f"∇ ({f})")


def _critical(rng: random.Random, level: int) -> tuple[str, Task]:
    p, q = rng.randint(-3, 3), rng.randint(-3, 3)
    a, c, k = rng.randint(1, 3), rng.randint(1, 4), rng.randint(1, 3)
    coefficient = "" if c == 1 else str(c)
    pools = {
        1: [f"{_shift('x', p)}^2 + {coefficient}{_shift('y', q)}^2", "x^2 + y^2",
            _sum((1, "x^2"), (a, "xy"), (a * a, "y^2"))],
        2: [_sum((1, "x^3"), (-3 * a * a, "x")) + f" + {coefficient}{_shift('y', q)}^2",
            _sum((1, "x^4"), (-2 * a * a, "x^2"), (1, "y^2"))],
        3: [_sum((1, "x^3"), (1, "y^3"), (-3 * k, "xy")),
            _sum((1, "x^3"), (-3 * a * a, "x"), (-1, "y^3"), (3 * k * k, "y"))],
    }
    f = rng.choice(pools[level])
    return _task("critical", f, f"critical {f}")


def _descent(rng: random.Random, level: int) -> tuple[str, Task]:
    start = (rng.randint(-5, 5), rng.randint(-5, 5))
    if start == (0, 0):
        start = (3, 4)
    a, b = rng.randint(1, 4), rng.randint(1, 4)
    pools = {
        1: ("x^2 + y^2", (0.1, 0.2, 0.25)),
        2: (_sum((a, "x^2"), (b, "y^2")), (0.1, 0.05, 0.01)),
        3: (_sum((1, "x^2"), (1, "xy"), (b, "y^2")), (0.1, 0.05, 0.02)),
    }
    f, rates = pools[level]
    lr = rng.choice(rates)
    text = f"gd {f} from ({start[0]}, {start[1]}) lr {lr:g}"
    return _task("gd_step", f, text, start=tuple(sympy.Integer(c) for c in start),
                 lr=exact_number(lr))   # 0.2 as 1/5: the step is exact, (0, −6/5) → −1.2


def _lagrange(rng: random.Random, level: int) -> tuple[str, Task]:
    k, s = rng.randint(1, 4), rng.randint(1, 3)
    a, b = rng.choice([(3, 4), (4, 3), (1, 1)])
    r2 = 25 * s * s if (a, b) != (1, 1) else 2 * s * s
    height = rng.randint(4, 9)
    pools = {
        1: [("x y", f"x + y = {2 * k}"), ("x^2 + y^2", f"x + y = {2 * k}")],
        2: [(f"{height} - x^2 - 2y^2", f"x + 2y = {3 * k}"),
            (_sum((a, "x"), (b, "y")), f"x^2 + y^2 = {r2}")],
        3: [("x y", f"x^2 + y^2 = {2 * s * s}"), ("x^2 + 4y^2", f"x y = {2 * s * s}")],
    }
    f, relation = rng.choice(pools[level])
    lhs, rhs = (side.strip() for side in relation.split("="))
    g = parse(f"{lhs} - ({rhs})").expr
    return _task("lagrange", f, f"lagrange {f} ; {relation}", constraint=g)


_MAKERS: dict[str, Callable[[random.Random, int], tuple[str, Task]]] = {
    "derivatives": _derivatives, "partials": _partials, "gradient": _gradient,
    "critical": _critical, "descent": _descent, "lagrange": _lagrange,
}

__all__ = ["KINDS", "LEVELS", "TOPICS", "Problem", "practice", "show_answer", "solve"]
