"""The entry points: text → :class:`Expression`, :class:`Relation` or a point.

Nothing here evaluates text: a grammar (``grammar.lark``, LALR) drives a builder that makes
SymPy objects directly. ``sympify``/``parse_expr`` are never called on user text — they run
``eval``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

import sympy
from lark import Lark, Token
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken
from lark.lexer import Lexer

from nablab.core.catalog import CATALOG
from nablab.core.expression import Expression, ordered_symbols
from nablab.core.names import (
    CONSTANTS,
    GREEK_ALIASES,
    GREEK_CHARS,
    GREEK_NAMES,
)
from nablab.core.printing import to_latex, to_unicode
from nablab.core.reading import AskedDerivative, Reading
from nablab.errors import ParseError
from nablab.parse import _grammar_cache
from nablab.parse.builder import CONTEXT, BuildContext, Builder, Node
from nablab.parse.derivative import derivative_request
from nablab.parse.lexer import DEFAULT_FUNCTIONS, tokenize
from nablab.parse.limits import DEFAULT_LIMITS, ParseLimits
from nablab.parse.normalize import Normalized, normalize

_RELATION = re.compile(r"<=|>=|==|!=|=|<|>")
_DEFINITION = re.compile(r"^\s*(?P<name>\\(?:hat|bar)\{[A-Za-z]\}|[^\s()\[\]{}=<>,+\-*/^|!]+?)\s*"
                         r"(?:\(\s*(?P<args>[^()]*?)\s*\))?\s*$")
_ACCENTED = re.compile(r"^\\(?P<accent>hat|bar|widehat|overline)\{\s*(?P<base>[A-Za-z])\s*\}")
_NAME = re.compile(r"^(?P<stem>[A-Za-z]+|\\[A-Za-z]+|[^\x00-\x7f])(?P<digits>[0-9]*)"
                   r"(?:_(?:\{(?P<sub1>[A-Za-z0-9]+)\}|(?P<sub2>[A-Za-z0-9]+)))?$")
_RELATION_OPS = {"=": "=", "==": "=", "<=": "<=", ">=": ">=", "<": "<", ">": ">"}


class _TokenFeed(Lexer):
    """Lark's lexer slot: the tokens come pre-made from :mod:`nablab.parse.lexer`."""

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, data: Any, *args: Any) -> Iterable[Token]:  # type: ignore[override]
        return iter(data)


@cache
def _lark() -> Lark:
    grammar = files("nablab.parse").joinpath("grammar.lark").read_text(encoding="utf-8")
    return _grammar_cache.lark(grammar, parser="lalr", lexer=_TokenFeed, transformer=Builder())


@dataclass(frozen=True)
class Relation:
    """An equation or inequality between two expressions, e.g. a constraint ``g(x, y) = k``.

    Attributes:
        source: the text as typed.
        lhs, rhs: the two sides (SymPy).
        op: ``"="``, ``"<="``, ``">="``, ``"<"`` or ``">"``.
        variables: the variables of both sides, in order.
        readings: what the reading policy decided about the text (as on an Expression).
        typed: the relation as typed (in the order of the text), in Unicode and LaTeX:
            what :attr:`unicode` and :attr:`latex` give; None when built from SymPy (then
            they print the sides in textbook order).
    """

    source: str
    lhs: Any
    op: str
    rhs: Any
    variables: tuple[sympy.Symbol, ...]
    readings: tuple[Reading, ...] = ()
    typed: tuple[str, str] | None = field(default=None, repr=False, compare=False)

    @property
    def expression(self) -> Any:
        """lhs − rhs, so the relation reads ``expression op 0``."""
        return self.lhs - self.rhs

    @property
    def unicode(self) -> str:
        """``2(x − 1)² − 10y + 6 = 0``, as typed."""
        if self.typed is not None:
            return self.typed[0]
        return _written(to_unicode, self.lhs, self.op, self.rhs)

    @property
    def latex(self) -> str:
        if self.typed is not None:
            return self.typed[1]
        return _written(to_latex, self.lhs, self.op, self.rhs)

    def __str__(self) -> str:
        return self.unicode


_SHOWN_OPS = {"unicode": {"<=": "≤", ">=": "≥"}, "latex": {"<=": r"\le", ">=": r"\ge"}}


def _written(printer: Any, lhs: Any, op: str, rhs: Any, typed: bool = False) -> str:
    """``lhs op rhs`` by ``printer`` (``to_unicode`` or ``to_latex``)."""
    notation = "latex" if printer is to_latex else "unicode"
    shown = _SHOWN_OPS[notation].get(op, op)
    return f"{printer(lhs, typed=typed)} {shown} {printer(rhs, typed=typed)}"


def _typed_relation(lhs: Any, op: str, rhs: Any) -> tuple[str, str] | None:
    """The relation as typed, printed once (it crosses processes as text); None should
    SymPy fail on the unevaluated trees (then the sides print in textbook order)."""
    try:
        return _written(to_unicode, lhs, op, rhs, True), _written(to_latex, lhs, op, rhs, True)
    except (RecursionError, TypeError, ValueError, AttributeError):
        return None


# -- entry points -------------------------------------------------------------------------
def parse(text: str | Expression, variables: Sequence[str] | None = None, *,
          functions: Sequence[str] | str | None = None,
          limits: ParseLimits = DEFAULT_LIMITS) -> Expression:
    """Read a function as written on paper or in LaTeX.

    Accepts ``x^2 + 3xy + y^2``, ``1/(1+e^{-x})``, ``\\frac{1}{1+e^{-x}}``, ``w1 x1 + w2 x2``,
    definitions ``f(x, y) = …`` (which declare the variables, in order) and ``z = wx + b``.
    How ambiguous text is read is the README's "How nablab reads what you type"; each rule
    that decided is kept in :attr:`Expression.readings`, and a leading ``d/dx`` becomes
    :attr:`Expression.asked` with what follows it as the formula.

    Args:
        text: the formula (an :class:`Expression` is returned unchanged).
        variables: the variables, in order; names not listed are parameters. Default: the
            definition's arguments, else every name in alphabetical order.
        functions: names read as undefined functions when applied to ``(…)`` (``"u,v"``);
            default f, g, h, F, G, H, φ, ψ. A declared variable is never a function.
        limits: size caps (length, depth, literal size, magnitude).

    Returns:
        The :class:`Expression`.

    Raises:
        ParseError: the text is not a formula nablab can read, or is too large; the error
            names the column and, where it can, how to write it instead.

    >>> parse("x^2 + 3xy + y^2").gradient()
    (2*x + 3*y, 3*x + 2*y)
    """
    if isinstance(text, Expression):
        return text
    norm = _prepare(text, limits)
    declared = _declared(variables, norm)
    name, args, start = _definition(norm)
    if declared is None and args is not None:
        declared = args
    readings: list[tuple[int, Reading]] = []
    asked: AskedDerivative | None = None
    request = derivative_request(norm, start, lambda v: canonical_name(v, norm.source))
    if request is not None:
        asked, start, reading = request
        readings.append((norm.source_span(start - 1, start)[0], reading))
    node = _parse_span(norm, start, len(norm.text), declared or (), limits,
                       _functions(functions, norm), readings)
    expr = _node_value(node)
    symbols = _variables(expr, declared)
    if asked is not None and declared is None:
        wanted = {sympy.Symbol(v, real=True) for v, _ in asked.wrt}
        symbols = ordered_symbols(set(symbols) | wanted)
    return Expression(text, expr, symbols, name, _in_order(readings), asked, twin=_typed(node))


def _functions(functions: Sequence[str] | str | None, norm: Normalized) -> frozenset[str]:
    if functions is None:
        return DEFAULT_FUNCTIONS
    if isinstance(functions, str):
        functions = [f for f in re.split(r"[,\s]+", functions) if f]
    return DEFAULT_FUNCTIONS | {canonical_name(str(f), norm.source) for f in functions}


def _in_order(readings: list[tuple[int, Reading]]) -> tuple[Reading, ...]:
    """The readings in the order of the text, each said once."""
    ordered = [r for _, r in sorted(readings, key=lambda pair: pair[0])]
    return tuple(dict.fromkeys(ordered))


def parse_relation(text: str, variables: Sequence[str] | None = None, *,
                   limits: ParseLimits = DEFAULT_LIMITS) -> Relation:
    """Read an equation or inequality: ``2(x-1)^2 - 10y + 6 = 0``, ``x + y <= 2``.

    Raises:
        ParseError: not exactly one of ``= <= >= < >``, or either side unreadable; a chain
            ``1 <= x <= 4`` is two relations, read by :func:`parse_relations` (the error
            says so: hint ``chain``).
    """
    norm = _prepare(text, limits)
    declared = _declared(variables, norm) or ()
    ops = list(_RELATION.finditer(norm.text))
    if len(ops) != 1 or ops[0].group() == "!=":
        chain = len(ops) == 2 and {ops[0].group()[0], ops[1].group()[0]} in ({"<"}, {">"})
        raise _not_a_relation(norm, ops[1] if len(ops) > 1 else (ops[0] if ops else None),
                              "chain" if chain else "relation")
    return _relation(norm, declared, limits, 0, ops[0], len(norm.text))


def parse_relations(text: str, variables: Sequence[str] | None = None, *,
                    limits: ParseLimits = DEFAULT_LIMITS) -> tuple[Relation, ...]:
    """Read a relation or a chain of two inequalities in one direction: ``1 <= x <= 4`` is
    ``1 <= x`` and ``x <= 4`` (each with its own text as ``source``); one relation otherwise.

    Raises:
        ParseError: more than two relation signs, a chain with ``=`` or ``!=``, or one whose
            signs point opposite ways (``1 <= x >= 0``); as :func:`parse_relation`.
    """
    norm = _prepare(text, limits)
    ops = list(_RELATION.finditer(norm.text))
    if len(ops) != 2:
        return (parse_relation(text, variables, limits=limits),)
    declared = _declared(variables, norm) or ()
    first, second = ops
    sides = {first.group()[0], second.group()[0]}
    if sides not in ({"<"}, {">"}):
        raise _not_a_relation(norm, second if first.group()[0] in "<>" else first)
    return (_relation(norm, declared, limits, 0, first, second.start()),
            _relation(norm, declared, limits, first.end(), second, len(norm.text)))


def _not_a_relation(norm: Normalized, at: re.Match[str] | None,
                    hint: str = "relation") -> ParseError:
    start, end = norm.source_span(at.start(), at.end()) if at else (None, None)
    return ParseError("not_a_relation", source=norm.source, start=start, end=end, hint=hint)


def _relation(norm: Normalized, declared: tuple[str, ...], limits: ParseLimits, start: int,
              op: re.Match[str], end: int) -> Relation:
    """The relation ``norm.text[start:end]`` around ``op``; its source is that part of the
    text as typed (the whole text when it is all of it)."""
    readings: list[tuple[int, Reading]] = []
    left = _parse_span(norm, start, op.start(), declared, limits, DEFAULT_FUNCTIONS, readings)
    right = _parse_span(norm, op.end(), end, declared, limits, DEFAULT_FUNCTIONS, readings)
    lhs, rhs = _node_value(left), _node_value(right)
    if isinstance(lhs, tuple) or isinstance(rhs, tuple):
        raise ParseError("vector_not_allowed", source=norm.source)
    free = lhs.free_symbols | rhs.free_symbols
    shown_op = _RELATION_OPS[op.group()]
    source = norm.source
    if start > 0 or end < len(norm.text):
        source = source[norm.source_span(start, end)[0]:norm.source_span(start, end)[1]]
        source = source.strip()
    return Relation(source, lhs, shown_op, rhs,
                    _variables(sympy.Tuple(lhs, rhs), declared or None, free),
                    _in_order(readings), _typed_relation(_typed(left), shown_op, _typed(right)))


# -- steps ----------------------------------------------------------------------------------
def _prepare(text: str, limits: ParseLimits) -> Normalized:
    if not isinstance(text, str):
        raise TypeError(f"parse() takes text, got {type(text).__name__}")
    if len(text) > limits.max_length:
        raise ParseError("too_long", source="", length=len(text), limit=limits.max_length)
    norm = normalize(text)
    if not norm.text.strip():
        raise ParseError("empty", source=text)
    return norm


def _declared(variables: Sequence[str] | None, norm: Normalized) -> tuple[str, ...] | None:
    if variables is None:
        return None
    if isinstance(variables, str):
        variables = [v for v in re.split(r"[,\s]+", variables) if v]
    names = tuple(canonical_name(str(v), norm.source) for v in variables)
    if len(set(names)) != len(names):
        raise ParseError("duplicate_variable", source=norm.source, names=", ".join(names))
    return names


def canonical_name(text: str, source: str = "", span: tuple[int, int] | None = None) -> str:
    """A declared variable's name in nablab's spelling: ``x_1`` → ``x1``, ``θ`` → ``theta``.

    Raises:
        ParseError: ``bad_variable_name`` for anything that is not a single name, or for the
            name of a function or constant.
    """
    name = _canonical_or_none(text.strip())
    if name is None:
        start, end = span if span else (None, None)
        raise ParseError("bad_variable_name", source=source or text, start=start, end=end,
                         name=text.strip())
    return name


def _canonical_or_none(text: str) -> str | None:
    if not text.isascii():
        try:
            text = normalize(text).text.strip()   # ŷ → \hat{y}, full-width letters
        except ParseError:
            return None
    accented = _ACCENTED.match(text)
    if accented is not None:
        suffix = "hat" if "hat" in accented["accent"] else "bar"
        text = accented["base"] + suffix + text[accented.end():]
    match = _NAME.match(text)
    if match is None:
        return None
    stem = match["stem"]
    if stem.startswith("\\"):
        stem = GREEK_ALIASES.get(stem[1:], stem[1:])
        if stem not in GREEK_NAMES and stem != "sigma":
            return None
    elif not stem.isascii():
        stem = GREEK_CHARS.get(stem, "")
        if not stem or stem == "pi":
            return None
    name = stem + match["digits"]
    sub = match["sub1"] or match["sub2"]
    if sub:
        name = name + sub if sub.isdigit() else f"{name}_{sub}"
    if (name in CONSTANTS and name != "e") or (name in CATALOG.names and name != "sigma"):
        return None
    return name


def _definition(norm: Normalized) -> tuple[str | None, tuple[str, ...] | None, int]:
    """``f(x, y) = …`` → (name, declared variables, where the body starts)."""
    ops = list(_RELATION.finditer(norm.text))
    if not ops:
        return None, None, 0
    first = ops[0]
    match = _DEFINITION.match(norm.text[:first.start()])
    if len(ops) > 1 or first.group() != "=" or match is None:
        bad = ops[1] if len(ops) > 1 and match is not None and first.group() == "=" else first
        start, end = norm.source_span(bad.start(), bad.end())
        raise ParseError("misplaced_relation", source=norm.source, start=start, end=end,
                         hint="relation")
    args = None
    if match["args"] is not None:
        names = []
        offset = match.start("args")
        for piece in match["args"].split(","):
            span = norm.source_span(offset, offset + max(len(piece), 1))
            names.append(canonical_name(piece, norm.source, span))
            offset += len(piece) + 1
        args = tuple(names)
        if len(set(args)) != len(args):
            raise ParseError("duplicate_variable", source=norm.source, names=", ".join(args))
    return _shown_name(match["name"]), args, first.end()


def _shown_name(name: str) -> str:
    """A definition's name as printed: ``\\hat{y}`` (and ``ŷ``, normalised to it) → ŷ."""
    accented = _ACCENTED.match(name)
    if accented is None:
        return name
    mark = "\u0302" if "hat" in accented["accent"] else "\u0304"
    return unicodedata.normalize("NFC", accented["base"] + mark)


def _parse_span(norm: Normalized, start: int, end: int, declared: Iterable[str],
                limits: ParseLimits, functions: frozenset[str] = DEFAULT_FUNCTIONS,
                readings: list[tuple[int, Reading]] | None = None) -> Node:
    readings = readings if readings is not None else []
    tokens = tokenize(norm, start, end, frozenset(declared), limits, functions, readings)
    if not tokens:
        s, _ = norm.source_span(start, start + 1) if start < len(norm.text) else (None, None)
        raise ParseError("empty", source=norm.source, start=s)
    token = CONTEXT.set(BuildContext(norm.source, limits, readings))
    try:
        node: Node = _lark().parse(tokens)  # type: ignore[assignment]
        _node_value(node)
        return node
    except UnexpectedToken as exc:
        raise _syntax_error(exc, tokens, norm) from None
    except UnexpectedInput as exc:  # pragma: no cover - the token feed never yields these
        raise ParseError("syntax", source=norm.source) from exc
    except RecursionError:
        raise ParseError("too_deep", source=norm.source, limit=limits.max_depth) from None
    finally:
        CONTEXT.reset(token)


def _syntax_error(exc: UnexpectedToken | UnexpectedCharacters, tokens: list[Token],
                  norm: Normalized) -> ParseError:
    token = getattr(exc, "token", None)
    if token is None or token.type == "$END":
        last = tokens[-1]
        return ParseError("unexpected_end", source=norm.source, start=last.start_pos,
                          end=last.end_pos, hint="unexpected_end", after=str(last.value))
    shown = norm.source[token.start_pos:token.end_pos] or str(token.value)
    hint = {"COMMA": "comma", "RPAR": None, "UNDERSCORE": "subscript"}.get(token.type)
    return ParseError("unexpected_token", source=norm.source, start=token.start_pos,
                      end=token.end_pos, hint=hint, token=shown)


def _typed(node: Node) -> Any:
    """The formula as typed (the builder's unevaluated twin), beside its value."""
    if node.vector is not None:
        return tuple(n.typed for n in node.vector)
    return node.typed


def _node_value(node: Node) -> Any:
    if node.vector is not None:
        return tuple(_finite(n.expr, n) for n in node.vector)
    return _finite(node.expr, node)


def _finite(expr: Any, node: Node) -> Any:
    """The final check: no ∞, NaN or complex number survives into an Expression."""
    ctx = CONTEXT.get(None)
    source = ctx.source if ctx else ""
    if expr.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo):
        raise ParseError("division_by_zero", source=source, start=node.start, end=node.end,
                         text=source[node.start:node.end])
    if expr.has(sympy.I):
        raise ParseError("not_real", source=source, start=node.start, end=node.end,
                         text=source[node.start:node.end])
    return expr


def _variables(expr: Any, declared: Sequence[str] | None,
               free: set[sympy.Symbol] | None = None) -> tuple[sympy.Symbol, ...]:
    if declared:
        return tuple(sympy.Symbol(name, real=True) for name in declared)
    if free is None:
        parts = expr if isinstance(expr, tuple) else (expr,)
        free = set().union(*(p.free_symbols for p in parts))
    return ordered_symbols(free)


__all__ = ["Relation", "canonical_name", "parse", "parse_relation", "parse_relations"]
