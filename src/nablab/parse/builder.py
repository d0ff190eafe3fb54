"""Grammar rules → SymPy objects, checking sizes as the formula is built.

Beside each SymPy value the builder keeps its *typed twin*: the same formula as an
unevaluated SymPy tree whose sums and products keep the order and grouping they were typed in
(``4 - x^2`` stays ``4 − x²``, never ``−x² + 4``), which is what the output shows as the
function. A construct that makes no twin of its own has its value as its twin.

The builder runs inside the LALR parser (each rule is built the moment it is reduced), so
deep inputs never recurse in Python. Every node knows its source span, its nesting depth and,
when it is a constant, its value as a float: a constant is evaluated in floats *before*
SymPy is asked to build it, which is how ``10^10^10`` or ``(10^9)!`` are refused in
microseconds instead of hanging SymPy's exact arithmetic.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import sympy
from lark import Token, Transformer

from nablab.core.catalog import CATALOG
from nablab.core.differentiate import tree_size
from nablab.core.names import CONSTANTS
from nablab.core.reading import Reading
from nablab.core.textbook import TypedLog, textbook_tree
from nablab.errors import ParseError
from nablab.parse.limits import ParseLimits


@dataclass
class BuildContext:
    """What the builder needs to know about the text being parsed."""

    source: str
    limits: ParseLimits
    readings: list[tuple[int, Reading]] = field(default_factory=list)


CONTEXT: ContextVar[BuildContext] = ContextVar("nablab_parse_context")


@dataclass
class Node:
    """A built sub-formula: SymPy value, source span, depth, float value if constant.

    Sums and products keep their operands in a list until used, so a long sum is built
    with one ``Add`` instead of one per ``+``. ``glued``: for an exponent read as a number
    glued to a name (``2y`` in ``x^2y``), where the number ends.
    """

    start: int
    end: int
    depth: int
    approx: float | None
    value: Any = None
    terms: list[Any] | None = None
    factors: list[Any] | None = None
    vector: list[Node] | None = None
    glued: int | None = None
    _built: Any = field(default=None, repr=False)
    twin: Any = field(default=None, repr=False)
    twin_terms: list[Any] | None = field(default=None, repr=False)
    twin_factors: list[Any] | None = field(default=None, repr=False)

    @property
    def typed(self) -> Any:
        """The typed twin: the formula unevaluated, in the order typed (else the value)."""
        if self.twin_terms is not None:
            return sympy.Add(*self.twin_terms, evaluate=False)
        if self.twin_factors is not None:
            return sympy.Mul(*self.twin_factors, evaluate=False)
        if self.twin is None and self.vector is None:
            # a construct that made no twin: its value, with its sums in textbook order
            self.twin = textbook_tree(self.expr)
        return self.twin

    @property
    def expr(self) -> Any:
        if self.terms is not None:
            if self._built is None:
                self._built = sympy.Add(*self.terms)
            return self._built
        if self.factors is not None:
            if self._built is None:
                self._built = sympy.Mul(*self.factors)
            return self._built
        return self.value


def _ctx() -> BuildContext:
    return CONTEXT.get()


def _error(kind: str, start: int, end: int, hint: str | None = None, **params: Any) -> ParseError:
    ctx = _ctx()
    return ParseError(kind, source=ctx.source, start=start, end=end, hint=hint, **params)


def _span_text(start: int, end: int) -> str:
    return _ctx().source[start:end].strip()


def _float(op: Callable[..., float], start: int, end: int, *args: float) -> float:
    """``op(*args)`` in floats; domain, division and overflow problems become ParseErrors."""
    try:
        value = float(op(*args))
    except ZeroDivisionError:
        raise _error("division_by_zero", start, end, text=_span_text(start, end)) from None
    except OverflowError:
        raise _error("number_too_large", start, end, text=_span_text(start, end)) from None
    except (ValueError, TypeError):
        raise _error("not_real", start, end, text=_span_text(start, end)) from None
    if math.isnan(value):
        raise _error("not_real", start, end, text=_span_text(start, end))
    if math.isinf(value) or abs(value) > _ctx().limits.max_magnitude:
        raise _error("number_too_large", start, end, text=_span_text(start, end))
    return value


def _depth(*nodes: Node) -> int:
    depth = 1 + max((n.depth for n in nodes), default=0)
    limit = _ctx().limits.max_depth
    if depth > limit:
        raise _error("too_deep", nodes[0].start, nodes[-1].end, limit=limit)
    return depth


def _scalar(*nodes: Node) -> None:
    for node in nodes:
        if node.vector is not None:
            raise _error("vector_not_allowed", node.start, node.end)


def _s(token: Token) -> int:
    """Start of a token made by :mod:`nablab.parse.lexer` (which always sets it)."""
    return int(token.start_pos or 0)


def _e(token: Token) -> int:
    return int(token.end_pos or 0)


def _leaf(token: Token, value: Any, approx: float | None) -> Node:
    return Node(_s(token), _e(token), 1, approx, value=value)


_INFINITE = (sympy.zoo, sympy.nan, sympy.oo, -sympy.oo)


def _check_result(node: Node) -> Node:
    """Refuse what SymPy turned into ∞, NaN or a complex number (tan(π/2), log(x, 1)).

    Children were checked when they were built, so only the new node and its direct
    arguments can hold a new ∞ (the parser checks the whole formula once more at the end).
    """
    value = node.expr
    for part in (value, *value.args):
        if part in _INFINITE:
            raise _error("division_by_zero", node.start, node.end,
                         text=_span_text(node.start, node.end))
        if part is sympy.I or (part.is_Number and part.is_real is False):
            raise _error("not_real", node.start, node.end,
                         text=_span_text(node.start, node.end))
    if node.approx is not None and value.has(sympy.I):
        raise _error("not_real", node.start, node.end, text=_span_text(node.start, node.end))
    return node


class Builder(Transformer):  # type: ignore[type-arg,unused-ignore]
    """Lark callbacks, one per grammar alias (see ``grammar.lark``)."""

    # -- leaves ---------------------------------------------------------------------------
    def number(self, children: list[Token]) -> Node:
        (token,) = children
        fraction = Fraction(str(token))
        approx = _float(lambda: float(fraction), _s(token), _e(token))
        return _leaf(token, sympy.Rational(fraction.numerator, fraction.denominator), approx)

    def symbol(self, children: list[Token]) -> Node:
        (token,) = children
        return _leaf(token, sympy.Symbol(str(token), real=True), None)

    def constant(self, children: list[Token]) -> Node:
        (token,) = children
        value = CONSTANTS[str(token)]
        return _leaf(token, value, float(value))

    # -- grouping -------------------------------------------------------------------------
    def group(self, children: list[Any]) -> Node:
        opening, inner, closing = children
        _scalar(inner)
        inner.start, inner.end = _s(opening), _e(closing)
        return inner

    def vector(self, children: list[Any]) -> Node:
        nodes = [c for c in children if isinstance(c, Node)]
        _scalar(*nodes)
        start = _s(children[0]) if isinstance(children[0], Token) else nodes[0].start
        end = _e(children[-1]) if isinstance(children[-1], Token) else nodes[-1].end
        return Node(start, end, _depth(*nodes), None, vector=nodes)

    def abs(self, children: list[Any]) -> Node:
        opening, inner, closing = children
        return self._apply("abs", [inner], _s(opening), _e(closing))

    # -- arithmetic -----------------------------------------------------------------------
    def add(self, children: list[Any]) -> Node:
        left, _, right = children
        return self._sum(left, right, 1.0)

    def sub(self, children: list[Any]) -> Node:
        left, _, right = children
        return self._sum(left, right, -1.0)

    def _sum(self, left: Node, right: Node, sign: float) -> Node:
        _scalar(left, right)
        term = right.expr if sign > 0 else -right.expr
        twin = right.typed if sign > 0 else _negated(right.typed)
        approx = None
        a, b = left.approx, right.approx
        if a is not None and b is not None:
            approx = _float(lambda: a + sign * b, left.start, right.end)
        if left.terms is not None and left.approx is None and approx is None:
            if left.twin_terms is None:
                left.twin_terms = [left.typed]  # before the value's terms grow
            left.twin_terms.append(twin)
            left.terms.append(term)
            left._built = None
            left.end, left.depth = right.end, max(left.depth, _depth(right))
            return left
        node = Node(left.start, right.end, _depth(left, right), approx, terms=[left.expr, term],
                    twin_terms=[*(left.twin_terms or [left.typed]), twin])
        return _check_result(node)

    def mul(self, children: list[Any]) -> Node:
        left, right = children[0], children[-1]
        return self._product(left, right, right.expr, 1)

    def div(self, children: list[Any]) -> Node:
        left, _, right = children
        return self._divide(left, right, left.start)

    def _divide(self, left: Node, right: Node, start: int) -> Node:
        _scalar(left, right)
        if right.approx == 0.0 or (right.approx is None and right.expr.is_zero):
            raise _error("division_by_zero", start, right.end,
                         text=_span_text(start, right.end))
        return self._product(left, right, sympy.Pow(right.expr, -1), -1)

    def _product(self, left: Node, right: Node, factor: Any, power: int) -> Node:
        _scalar(left, right)
        approx = None
        a, b = left.approx, right.approx
        if a is not None and b is not None:
            approx = _float(lambda: a * b ** power, left.start, right.end)
        twin = right.typed if power == 1 else sympy.Pow(right.typed, -1, evaluate=False)
        if left.factors is not None and left.approx is None and approx is None:
            if left.twin_factors is None:
                left.twin_factors = [left.typed]
            left.twin_factors.append(twin)
            left.factors.append(factor)
            left._built = None
            left.end, left.depth = right.end, max(left.depth, _depth(right))
            return left
        node = Node(left.start, right.end, _depth(left, right), approx,
                    factors=[left.expr, factor],
                    twin_factors=[*(left.twin_factors or [left.typed]), twin])
        return _check_result(node)

    def neg(self, children: list[Any]) -> Node:
        sign, inner = children
        _scalar(inner)
        approx = None if inner.approx is None else -inner.approx
        return Node(_s(sign), inner.end, _depth(inner), approx, value=-inner.expr,
                    glued=inner.glued, twin=_negated(inner.typed))

    def pos(self, children: list[Any]) -> Node:
        sign, inner = children
        _scalar(inner)
        inner.start = _s(sign)
        return inner

    def pow(self, children: list[Any]) -> Node:
        base, _, exponent = children
        if exponent.glued is not None:
            _read_superscript(base, exponent)
        return self._power(base, exponent)

    def glued(self, children: list[Any]) -> Node:
        token, rest = children
        number = self.number([token])
        node = self._product(number, rest, rest.expr, 1)
        node.glued = _e(token)
        return node

    def _power(self, base: Node, exponent: Node) -> Node:
        _scalar(base, exponent)
        start, end = base.start, exponent.end
        limits = _ctx().limits
        a, b = base.approx, exponent.approx
        approx = None
        if a is not None and b is not None:
            if a == 0 and b < 0:
                raise _error("division_by_zero", start, end, text=_span_text(start, end))
            magnitude = abs(b) * abs(math.log(abs(a))) if abs(a) not in (0.0, 1.0) else 0.0
            if magnitude > limits.max_log_magnitude:
                raise _error("number_too_large", start, end, text=_span_text(start, end))
            if a < 0 and not float(b).is_integer():
                raise _error("not_real", start, end, text=_span_text(start, end))
            approx = _float(lambda: a ** b, start, end)
        elif b is not None and abs(b) > limits.max_exponent:
            raise _error("exponent_too_large", start, end, limit=limits.max_exponent)
        value = sympy.Pow(base.expr, exponent.expr)
        if value.is_Pow and value.exp.is_Number and abs(value.exp) > limits.max_exponent:
            raise _error("exponent_too_large", start, end, limit=limits.max_exponent)
        twin = sympy.Pow(base.typed, exponent.typed, evaluate=False)
        return _check_result(Node(start, end, _depth(base, exponent), approx, value=value,
                                  twin=twin))

    def factorial(self, children: list[Any]) -> Node:
        inner, bang = children
        start, end = inner.start, _e(bang)
        return self._apply("factorial", [inner], start, end)

    # -- LaTeX structures -----------------------------------------------------------------
    def frac(self, children: list[Any]) -> Node:
        command, numerator, denominator = children
        node = self._divide(numerator, denominator, _s(command))
        node.start = _s(command)
        return node

    def sqrt(self, children: list[Any]) -> Node:
        command, inner = children
        return self._apply("sqrt", [inner], _s(command), inner.end)

    def root(self, children: list[Any]) -> Node:
        command, _, index, _, inner = children
        _scalar(index, inner)
        if index.approx is None or index.approx == 0:
            raise _error("bad_root_index", index.start, index.end)
        reciprocal = Node(index.start, index.end, index.depth, 1 / index.approx,
                          value=sympy.Pow(index.expr, -1))
        node = self._power(inner, reciprocal)
        node.start = _s(command)
        return node

    # -- function calls -------------------------------------------------------------------
    def fpower(self, children: list[Any]) -> tuple[str, Node]:
        return ("power", children[1])

    def fbase(self, children: list[Any]) -> tuple[str, Node]:
        return ("base", children[1])

    def fargs(self, children: list[Any]) -> tuple[str, list[Node], int]:
        if len(children) == 1 and isinstance(children[0], tuple):
            return children[0]  # type: ignore[no-any-return,unused-ignore]
        nodes = [c for c in children if isinstance(c, Node)]
        return ("args", nodes, _e(children[-1]))

    def absarg(self, children: list[Any]) -> tuple[str, list[Node], int]:
        """``ln|x|``: a function of an absolute value, written without parentheses."""
        return ("args", [self.abs(children)], _e(children[-1]))

    def bare(self, children: list[Any]) -> tuple[str, list[Node], int]:
        if len(children) == 1:
            item = children[0]
        else:
            coefficient = self.number([children[0]])
            item = self._product(coefficient, children[1], children[1].expr, 1)
        return ("args", [item], item.end)

    def bare_item(self, children: list[Any]) -> Node:
        token = children[0]
        leaf = {"NUMBER": self.number, "NAME": self.symbol, "CONST": self.constant}[token.type]
        node = leaf([token])
        return self._power(node, children[2]) if len(children) == 3 else node

    def call(self, children: list[Any]) -> Node:
        token: Token = children[0]
        name = str(token)
        power = base = None
        for child in children[1:-1]:
            if child[0] == "power":
                power = child[1]
            else:
                base = child[1]
        _, args, end = children[-1]
        if base is not None:
            if name not in ("log", "ln"):
                raise _error("base_not_allowed", _s(token), base.end, name=name)
            args = [*args, base]
        if name == "log" and base is None and len(args) == 1:
            _read(_s(token), "natural_log", typed=_span_text(_s(token), end))
        if power is not None and power.approx is not None and power.approx < 0:
            raise _error("ambiguous_inverse", _s(token), power.end, hint="inverse",
                         name=name)
        node = self._apply(name, args, _s(token), end)
        return self._power(node, power) if power is not None else node

    def ucall(self, children: list[Any]) -> Node:
        """``f(x, y)``: an undefined function, ``sympy.Function("f", real=True)(x, y)``."""
        token: Token = children[0]
        args = [c for c in children if isinstance(c, Node)]
        _scalar(*args)
        value = sympy.Function(str(token), real=True)(*(a.expr for a in args))
        return Node(_s(token), _e(children[-1]), _depth(*args), None, value=value)

    def _apply(self, name: str, args: list[Node], start: int, end: int) -> Node:
        spec = CATALOG.named(name)
        if spec is None or spec.float_twin is None:  # pragma: no cover - the lexer checked
            raise ValueError(f"{name!r} is not in the function catalog")
        low, high = spec.arity(name)
        if not low <= len(args) <= high:
            raise _error("wrong_arity", start, end, name=name, count=len(args),
                         expected=_arity_text(low, high))
        _scalar(*args)
        approx = None
        values = [a.approx for a in args]
        if spec.name == "log" and len(args) == 2 and values[1] is not None and \
                not (values[1] > 0 and values[1] != 1):   # log(x, 0) is not 0
            raise _error("log_base", start, end, text=_span_text(start, end))
        if all(v is not None for v in values):
            approx = _float(spec.float_twin, start, end, *values)  # type: ignore[arg-type]
        exprs = [a.expr for a in args]
        if isinstance(spec.build, sympy.FunctionClass) and approx is None and \
                tree_size(exprs[0], _EVALUATE_UP_TO) > _EVALUATE_UP_TO:
            # SymPy's automatic simplification of f(big argument) queries assumptions on
            # every term (about 1 ms per call) and almost never changes anything there.
            value = spec.build(*exprs, evaluate=False)
        else:
            value = spec.build(*exprs)
        twin = (TypedLog(*(a.typed for a in args)) if spec.name == "log" and len(args) == 2
                else _applied_twin(spec.build, value, args))
        return _check_result(Node(start, end, _depth(*args), approx, value=value, twin=twin))


def _negated(twin: Any) -> Any:
    """−u as typed: a number's negative, else −1·u unevaluated."""
    if twin.is_Number:
        return -twin
    return sympy.Mul(sympy.S.NegativeOne, twin, evaluate=False)


def _applied_twin(build: Any, value: Any, args: list[Node]) -> Any:
    """F(typed arguments), unevaluated (``sin(2 - x)`` stays sin(2 − x), not −sin(x − 2));
    None, for the value in textbook order, when F is built otherwise (``log_2 x`` as a
    quotient)."""
    typed = [a.typed for a in args]
    exprs = [a.expr for a in args]
    try:
        if isinstance(build, sympy.FunctionClass):
            return build(*typed, evaluate=False)
        if isinstance(value, sympy.Function) and len(value.args) == len(exprs) and all(
                v is e for v, e in zip(value.args, exprs, strict=True)):
            return value.func(*typed, evaluate=False)
    except (TypeError, ValueError):  # a class that cannot stay unevaluated
        return None
    if len(exprs) == 1 and value.is_Pow and value.base == exprs[0]:  # √(…), ∛(…)
        return sympy.Pow(typed[0], value.exp, evaluate=False)
    return None


def _read(start: int, rule: str, **params: Any) -> None:
    _ctx().readings.append((start, Reading.of(rule, **params)))


def _read_superscript(base: Node, exponent: Node) -> None:
    """Say that ``x^2y`` was read as x^(2y), and how to write x²·y."""
    source = _ctx().source
    base_text = source[base.start:base.end].strip()
    split = exponent.glued or exponent.start
    number, rest = source[exponent.start:split].strip(), source[split:exponent.end].strip()
    _read(base.start, "superscript", typed=source[base.start:exponent.end].strip(),
          read=f"{base_text}^({number}{rest})".replace("-", "−"),
          product=f"{base_text}^{number}·{rest}".replace("-", "−"),
          other=f"{base_text}^{number} {rest}")


#: Function arguments up to this many nodes get SymPy's automatic simplification.
_EVALUATE_UP_TO = 16


def _arity_text(low: int, high: int) -> str:
    return str(low) if low == high else f"{low}–{high}"


__all__ = ["CONTEXT", "BuildContext", "Builder", "Node"]
