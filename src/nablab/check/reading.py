"""A task and a learner's answer, read from text (through nablab's parser, never ``eval``).

Tasks, as a learner or teacher writes them::

    d/dx (x^2 sin x)          d^2/dx^2 (x^3)          \\frac{d}{dx}(x^2 \\sin x)
    ∂/∂y (x^2 + 3xy + y^2)    ∂²/∂x∂y (x^2 y^3)
    ∇ (x^2 + y^2)             grad x^2 + y^2          gradient x^2 + y^2
    critical x^3 - 3x + y^2
    lagrange 4 - x^2 - 2y^2 ; 2(x-1)^2 - 10y + 6 = 0
    gd x^2 + y^2 from (3, 4) lr 0.1

The keywords may be Korean as in the notes: 기울기 벡터, 임계점, 라그랑주 (승수법), 경사하강법,
접선, 접평면 (``임계점 x^3 - 3x + y^2``).

Answers, in the form the task asks for (:mod:`nablab.check.task`): an expression; a vector
``(2x, 2y)``, ``[2x, 2y]`` or ``2x i + 2y j``; a set of points ``(1, 0), (-1, 0)``,
``{(1,0), (-1,0)}``, ``x = 1, y = 0`` or ``none``; one point ``(2.4, 3.2)``. An answer in
another form is no syntax error but :class:`NotAnAnswer`, which the checker reports as the
verdict ``invalid`` with its reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import sympy

from nablab.calculus.asked import differentiations
from nablab.check.equivalence import decimals
from nablab.check.task import Task, TaskKind
from nablab.core.expression import Expression
from nablab.errors import ParseError
from nablab.parse import parse, parse_point, parse_relation
from nablab.parse.point import _split_top_level

_GRADIENT = re.compile(r"^\s*(?:∇|nabla\b|grad\b|gradient\b|기울기\s*벡터|기울기)\s*(?:f\s*=)?",
                       re.IGNORECASE)
_CRITICAL = re.compile(r"^\s*(?:critical(?:\s+points?)?\b|임계점)", re.IGNORECASE)
_LAGRANGE = re.compile(r"^\s*(?:lagrange\b|라그랑주(?:\s*승수법)?)", re.IGNORECASE)
_GD = re.compile(r"^\s*(?:gd\b|descent\b|경사하강법)(?P<f>.*?)\bfrom\b(?P<start>.*?)"
                 r"(?:\blr\b|η|\beta\b)\s*=?\s*(?P<lr>.+)$", re.IGNORECASE | re.DOTALL)
_TANGENT = re.compile(r"^\s*(?:tangent(?:\s+(?:line|plane))?\b|접선|접평면)"
                      r"(?P<f>.*?)\bat\b(?P<at>.+)$",
                      re.IGNORECASE | re.DOTALL)
_GD_WORD = re.compile(r"^\s*(?:gd\b|descent\b|경사하강법)", re.IGNORECASE)
_EMPTY = {"none", "no points", "{}", "∅", "empty", "없음"}
_UNIT = ("i", "j", "k")


class NotAnAnswer(Exception):  # noqa: N818 - a verdict, not an error
    """The answer is readable but not of the form the task asks for.

    ``key`` is the catalogue key of the reason (``check.invalid.<what>``), ``params`` its values.
    """

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class Answer:
    """A learner's answer, read: its value in the task's answer form and how it was typed.

    Attributes:
        value: the answer form of the task (an expression, a tuple, a frozenset of tuples).
        text: the answer as typed.
        typed: the expression as typed (unevaluated), for expressions: what "simplified" reads.
        places: for points, each point's decimal places per coordinate (rounded decimals).
    """

    value: Any
    text: str
    typed: Any = None
    places: dict[tuple[Any, ...], tuple[int, ...]] | None = None


# -- tasks -----------------------------------------------------------------------------------
def parse_task(text: str) -> Task:
    """The task ``text`` asks for (see the module's list of forms).

    Raises:
        ParseError: ``check_not_task`` for text that asks for nothing nablab can check, or
            the parser's own error for a formula it cannot read.
    """
    source = text.strip()
    if not source:
        raise ParseError("check_not_task", source=text, text=text)
    if _GD_WORD.match(source):
        return _gd_task(source)
    if _LAGRANGE.match(source):
        return _lagrange_task(source)
    if re.match(r"^\s*(?:tangent\b|접선|접평면)", source, re.IGNORECASE):
        return _tangent_task(source)
    named: tuple[tuple[re.Pattern[str], TaskKind], ...] = (
        (_CRITICAL, "critical"), (_GRADIENT, "gradient"))
    for pattern, kind in named:
        match = pattern.match(source)
        if match:
            return Task(kind, _function(source[match.end():], source), text=source)
    return _derivative_task(source)


def _function(text: str, source: str) -> Expression:
    if not text.strip():
        raise ParseError("check_not_task", source=source, text=source)
    function = parse(text.strip())
    if isinstance(function.expr, tuple) or function.asked is not None:
        raise ParseError("check_not_task", source=source, text=source)
    return function


def _derivative_task(source: str) -> Task:
    function = parse(source)
    asked = function.asked
    if asked is None or asked.of is not None or isinstance(function.expr, tuple):
        raise ParseError("check_not_task", source=source, hint="check_tasks", text=source)
    wrt = tuple(v for v, count in differentiations(function, asked) for _ in range(count))
    kind: TaskKind = "partial" if asked.partial else "derivative"
    return Task(kind, function, wrt=wrt, text=source)


def _lagrange_task(source: str) -> Task:
    body = _LAGRANGE.sub("", source, count=1)
    objective, sep, constraint = body.partition(";")
    if not sep or not constraint.strip():
        raise ParseError("check_no_constraint", source=source, text=source)
    function = _function(objective, source)
    relation = parse_relation(constraint.strip())
    if relation.op != "=":
        raise ParseError("check_no_constraint", source=source, text=source)
    return Task("lagrange", function, constraint=relation.expression, text=source)


def _gd_task(source: str) -> Task:
    match = _GD.match(source)
    if match is None:
        raise ParseError("check_bad_gd", source=source, text=source)
    function = _function(match.group("f"), source)
    names = [v.name for v in function.variables] or ["x"]
    start_text = _unwrap(match.group("start").strip().rstrip(","))
    point = parse_point(start_text, names)
    rate = parse(match.group("lr").strip()).expr
    if isinstance(rate, tuple) or rate.free_symbols or not rate.is_positive:
        raise ParseError("check_bad_gd", source=source, text=source)
    if not function.variables:
        function = function.with_variables(names)
    return Task("gd_step", function, start=tuple(point[n] for n in names), lr=rate,
                text=source)


def _tangent_task(source: str) -> Task:
    match = _TANGENT.match(source)
    if match is None:
        raise ParseError("check_bad_tangent", source=source, text=source)
    function = _function(match.group("f"), source)
    names = [v.name for v in function.variables] or ["x"]
    if len(names) > 2:
        raise ParseError("check_bad_tangent", source=source, text=source)
    point = parse_point(_unwrap(match.group("at").strip()), names)
    if not function.variables:
        function = function.with_variables(names)
    return Task("tangent", function, at=tuple(point[n] for n in names), text=source)


def dependent(task: Task) -> sympy.Symbol:
    """The tangent's dependent variable: y for f(x), z for f(x, y) (else the next free name)."""
    taken = {v.name for v in task.variables}
    for name in ("y", "z", "w", "u"):
        if name not in taken:
            return sympy.Symbol(name, real=True)
    raise ValueError("no name left for the dependent variable")


# -- answers ---------------------------------------------------------------------------------
def parse_answer(task: Task, text: str) -> Any:
    """The learner's answer ``text`` in the answer form of ``task``.

    Raises:
        NotAnAnswer: the answer is of another form (a vector for a derivative, …).
        ParseError: text that is no formula.
    """
    return read_answer(task, text).value


def read_answer(task: Task, text: str) -> Answer:
    """The answer with how it was typed (see :class:`Answer`)."""
    if not text.strip():
        raise NotAnAnswer("check.invalid.empty")
    if task.kind in ("derivative", "partial"):
        return _expression_answer(text)
    if task.kind == "tangent":
        return _tangent_answer(task, text)
    if task.kind == "gradient":
        return _vector_answer(task, text)
    points, places = _points(task, text)
    if task.kind == "gd_step":
        if len(points) != 1:
            raise NotAnAnswer("check.invalid.one_point", count=len(points))
        return Answer(points[0], text, places=places)
    return Answer(frozenset(points), text, places=places)


def _expression_answer(text: str) -> Answer:
    read = parse(text)
    if isinstance(read.expr, tuple):
        raise NotAnAnswer("check.invalid.vector_for_expression", count=len(read.expr))
    if read.asked is not None:
        raise NotAnAnswer("check.invalid.task_again")
    return Answer(read.expr, text, typed=read.twin if read.twin is not None else read.expr)


def _tangent_answer(task: Task, text: str) -> Answer:
    """``y = 2x - 1``, ``y - 1 = 2(x - 1)`` or ``2x - 1``: the tangent's y as an expression."""
    if "=" not in text:
        return _expression_answer(text)
    relation = parse_relation(text)
    dep = dependent(task)
    if relation.op != "=":
        raise NotAnAnswer("check.invalid.tangent_form", dep=dep.name)
    expr = relation.expression
    symbol = next((s for s in expr.free_symbols if s.name == dep.name), None)
    if symbol is None:
        raise NotAnAnswer("check.invalid.tangent_form", dep=dep.name)
    try:
        poly = sympy.Poly(sympy.expand(expr), symbol)
    except sympy.PolynomialError:
        poly = None
    if poly is None or poly.degree() != 1 or poly.coeff_monomial(symbol).free_symbols:
        raise NotAnAnswer("check.invalid.tangent_form", dep=dep.name)
    value = -poly.coeff_monomial(1) / poly.coeff_monomial(symbol)
    return Answer(sympy.expand(value), text, typed=value)


def _vector_answer(task: Task, text: str) -> Answer:
    read = parse(text)
    n = len(task.variables)
    value = read.expr
    if not isinstance(value, tuple):
        value = _unit_vector(value, task)
    if value is None:
        raise NotAnAnswer("check.invalid.scalar_for_vector", count=n)
    if len(value) != n:
        raise NotAnAnswer("check.invalid.vector_size", count=len(value), expected=n)
    typed = read.twin if isinstance(read.twin, tuple) else value
    return Answer(tuple(value), text, typed=typed)


def _unit_vector(expr: Any, task: Task) -> tuple[Any, ...] | None:
    """``2x i + 2y j`` → ``(2x, 2y)``: i, j, k as unit vectors when the task has none of them."""
    names = {v.name for v in task.variables}
    units = [s for s in expr.free_symbols if s.name in _UNIT and s.name not in names]
    n = len(task.variables)
    if not units or n > 3:
        return None
    by_name = {s.name: s for s in units}
    symbols = [by_name.get(u, sympy.Symbol(u, real=True)) for u in _UNIT[:n]]
    try:
        poly = sympy.Poly(sympy.expand(expr), *symbols)
    except sympy.PolynomialError:
        return None
    if poly.total_degree() != 1 or any(sum(m) != 1 for m in poly.monoms()):
        return None
    return tuple(poly.coeff_monomial(s) for s in symbols)


def _unwrap(text: str) -> str:
    """``(3, 4)`` → ``3, 4`` (a point's brackets)."""
    text = text.strip()
    if len(text) >= 2 and text[0] + text[-1] in ("()", "[]"):
        return text[1:-1]
    return text


def _points(task: Task, text: str) -> tuple[list[tuple[Any, ...]], dict[Any, tuple[int, ...]]]:
    """The points of an answer, in the task's variable order, and their decimal places."""
    names = [v.name for v in task.variables]
    body = text.strip()
    if body.startswith("{") and body.endswith("}"):
        body = body[1:-1].strip()
    if body.lower() in _EMPTY or not body:
        return [], {}
    pieces = _point_texts(body, len(names))
    points, places = [], {}
    for piece in pieces:
        coordinates = [p for _, p in _split_top_level(piece)]
        if len(coordinates) != len(names):
            raise NotAnAnswer("check.invalid.point_size", point=piece.strip(),
                              count=len(coordinates), expected=len(names))
        value = parse_point(piece, names)
        point = tuple(value[n] for n in names)
        points.append(point)
        places[point] = tuple(decimals(_value_text(c)) for c in coordinates)
    return points, places


def _value_text(coordinate: str) -> str:
    return coordinate.partition("=")[2] if "=" in coordinate else coordinate


def _point_texts(body: str, n: int) -> list[str]:
    """Each point's text without brackets: ``(1, 0), (-1, 0)`` or ``x=1, y=0; x=-1, y=0``."""
    if ";" in body:
        return [_unwrap(_strip_names(p)) for p in body.split(";") if p.strip()]
    pieces = [_strip_names(p) for _, p in _split_top_level(body) if p.strip()]
    if pieces and all(p[0] + p[-1] in ("()", "[]") for p in pieces):
        return [_unwrap(p) for p in pieces]
    if n == 1 and not any("=" in p for p in pieces):
        return pieces
    return [_strip_names(body)]


def _strip_names(text: str) -> str:
    """``(x, y) = (1, 0)`` → ``(1, 0)``."""
    head, sep, tail = text.partition("=")
    if sep and head.strip()[:1] in "([" and tail.strip()[:1] in "([":
        return tail.strip()
    return text.strip()


__all__ = ["Answer", "NotAnAnswer", "parse_answer", "parse_task", "read_answer"]
