"""``derivative_by_limit(f, var)``: f′(x) = lim_(Δx→0) (f(x + Δx) − f(x))/Δx, worked out.

The notes' first way to a derivative. Each line is an equation the learner can check — the
difference quotient, expanded, cancelled, divided by Δx, then the limit — with a sentence
that says what was done. A sum whose terms need different methods is split (the limit of a
sum is the sum of the limits). With a point, a table of floating-point quotients for
h = 10⁻¹ … 10⁻¹² shows why a computer cannot simply take h → 0.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import sympy
from sympy import Add

from nablab.calculus.difference_quotient import (
    Move,
    Setting,
    Strategy,
    frac,
    minus,
    polynomial,
    rational,
    root,
    shown,
    substitute,
)
from nablab.calculus.notation import increment, latex, mark, unicode
from nablab.calculus.points import exact_number
from nablab.calculus.quotient_table import QuotientRow, best_step, float_function, quotient_table
from nablab.calculus.standard_limits import standard
from nablab.calculus.steps.derivation import pick_variable
from nablab.calculus.steps.tidy import readable
from nablab.calculus.verify import check_sentence, numeric_value, numerically_equal
from nablab.core.expression import Expression, ordered_symbols
from nablab.core.printing import to_str
from nablab.errors import DomainError
from nablab.i18n import translate
from nablab.parse import parse
from nablab.present import Document, Math, Presentable, Writer, sci

#: Tried in order on each term; the first that applies works it out.
STRATEGIES: tuple[Strategy, ...] = (polynomial, rational, root, standard)


@dataclass(frozen=True)
class LimitStep:
    """One line of the worked limit.

    Attributes:
        kind: what the line does (the catalogue key ``limit.say.<kind>``).
        latex, unicode: the line, e.g. ``= lim_(Δx→0) 5Δx/Δx``.
        params: the sentence's parameters.
        before, after: the quantity under the limit before and after this line, as
            functions of x and Δx (the last ``after`` is the derivative).
        takes_limit: whether the line lets Δx → 0 (otherwise ``before == after``).
    """

    kind: str
    latex: str
    unicode: str
    params: dict[str, str] = field(default_factory=dict)
    before: Any = None
    after: Any = None
    takes_limit: bool = False

    def text(self, lang: str | None = None) -> str:
        return translate(f"limit.say.{self.kind}", lang, **self.params)


@dataclass(frozen=True, repr=False)
class LimitDerivation(Presentable):
    """A derivative from the limit definition, and optionally the numbers near a point.

    Attributes:
        expression: the function f.
        var: the variable x (the others are held constant).
        derivative: f′(x) (∂f/∂x), the value of the limit.
        steps: the lines of the worked limit.
        numeric: forward and central quotients for h = 10⁻¹ … 10⁻¹² at the point, if any.
        best_h: the h with the smallest forward-quotient error.
        best_h_central: the h with the smallest central-quotient error.
        at: the point, ``{name: exact value}``.
        exact: f′ at the point, exactly.
        verified: whether ``derivative`` agrees with ``sympy.diff`` at random points.
    """

    expression: Expression
    var: sympy.Symbol
    derivative: Any
    steps: tuple[LimitStep, ...]
    numeric: tuple[QuotientRow, ...] | None = None
    best_h: float | None = None
    best_h_central: float | None = None
    at: dict[str, Any] | None = None
    exact: Any = None
    verified: bool | None = None

    @property
    def partial(self) -> bool:
        return len(self.expression.variables) > 1

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """``{"derivative", "steps": [{"latex", "text"}], "numeric", "best_h"}``."""
        return {
            "derivative": to_str(self.derivative),
            "steps": [{"latex": s.latex, "text": s.text(lang)} for s in self.steps],
            "numeric": None if self.numeric is None else [r.to_dict() for r in self.numeric],
            "best_h": self.best_h,
        }

    def __str__(self) -> str:
        return "\n".join(s.unicode for s in self.steps)

    @property
    def name(self) -> str:
        return self.expression.name or "f"

    def lhs(self) -> str:
        """``f′(x)``, or ``∂f/∂x`` when other variables are held constant."""
        held = len(self.expression.variables) > 1
        x = unicode(self.var)
        return f"∂{self.name}/∂{x}" if held else f"{self.name}′({x})"

    def document(self, lang: str | None = None) -> Document:
        """The worked limit, one equation a line with its sentence under it; then the table."""
        f = self.expression
        held = [unicode(v) for v in f.variables if v != self.var]
        out = Writer()
        out.text(f"{self.name}({', '.join(map(unicode, f.variables or (self.var,)))})"
                 f" = {f.unicode}")
        out.blank()
        out.heading(translate("label.partial_limit", lang, held=", ".join(held)) if held
                    else translate("label.limit_definition", lang))
        for step in self.steps:
            out.formula(Math(step.unicode, step.latex), 2)
            out.text(step.text(lang), 6)
        out.blank()
        out.heading(translate("label.result", lang))
        out.text(f"{self.lhs()} = {unicode(self.derivative)}", 2)
        out.text(check_sentence(self.verified, lang), 2)
        if self.numeric is not None:
            self._document_table(out, held, lang)
        return out.document()

    def _document_table(self, out: Writer, held: list[str], lang: str | None) -> None:
        assert self.at is not None
        at = ", ".join(unicode(self.at[v.name]) for v in self.expression.variables) if held \
            else unicode(self.at[self.var.name])
        name = f"{self.lhs()}({at})" if held else f"{self.name}′({at})"
        point = ", ".join(f"{k} = {unicode(v)}" for k, v in self.at.items())
        out.blank()
        out.heading(translate("label.numeric", lang, point=point))
        out.text(translate("label.exact_value", lang, name=name,
                           value=None if self.exact is None else unicode(self.exact)), 2)
        rows = self.numeric or ()
        if not rows:
            out.text(translate("numeric.no_rows", lang), 2)
            return
        error = translate("label.abs_error", lang)
        header = [translate("label.h", lang), translate("label.forward", lang), error,
                  translate("label.central", lang), error]
        out.table(header, [[sci(r.h), _digits(r.forward), sci(r.forward_error),
                            _digits(r.central), sci(r.central_error)] for r in rows],
                  right=range(5), indent=2)
        out.text(translate("numeric.explain", lang, forward=sci(self.best_h),
                           central=sci(self.best_h_central)), 2)


def _digits(value: float) -> str:
    return f"{value:.15g}".replace("-", "−")


def derivative_by_limit(f: Expression | str, var: sympy.Symbol | str | None = None,
                        at: Mapping[str, Any] | None = None) -> LimitDerivation:
    """f′(x) = lim_(Δx→0) (f(x + Δx) − f(x))/Δx, worked out as the notes do.

    For several variables this is the partial derivative ∂f/∂x: the others are held
    constant, f(x + Δx, y) − f(x, y).

    Args:
        f: the function.
        var: the variable (default: the only one).
        at: a point ``{name: value}`` for the table of numeric difference quotients.

    Raises:
        DomainError: f′ is undefined at ``at``.

    >>> d = derivative_by_limit("x^2 - x")
    >>> d.derivative, [s.kind for s in d.steps]
    (2*x - 1, ['definition', 'substitute', 'expand', 'cancel_terms', 'divide', 'limit'])
    """
    expression = parse(f)
    expression.require_numeric("limit")
    x = pick_variable(expression, var)
    setting = Setting(x, increment(x))
    moves = work(expression.expr, setting)
    names = {"var": unicode(x), "h": unicode(setting.h)}
    steps = [definition(expression, setting), *(_line(m, names) for m in moves)]
    derivative = readable(moves[-1].after)
    if derivative != moves[-1].after:
        steps.append(LimitStep("simplify", "= " + latex(derivative), "= " + unicode(derivative),
                               names, moves[-1].after, derivative))
    symbols = ordered_symbols(expression.expr.free_symbols | {x})
    verified = numerically_equal(derivative, sympy.diff(expression.expr, x), symbols,
                                 domain=expression.expr)
    result = LimitDerivation(expression, x, derivative, tuple(steps), verified=verified)
    return result if at is None else with_numbers(result, at)


def work(f: Any, s: Setting) -> list[Move]:
    """The moves that take (f(x + Δx) − f(x))/Δx to its limit."""
    for strategy in STRATEGIES:
        moves = strategy(f, s)
        if moves is not None:
            return moves
    if f.is_Add:
        return split(f, s)
    return [substitute(f, s), by_rules(f, s)]


def by_rules(f: Any, s: Setting) -> Move:
    """No algebra nablab knows removes Δx: the limit is the derivative by the rules."""
    derivative = readable(sympy.diff(f, s.var))
    return Move("rules", s.quotient(f), derivative, *shown(derivative),
                {"expr": unicode(f)}, takes_limit=True)


def split(f: Any, s: Setting) -> list[Move]:
    """The limit of a sum is the sum of the limits: rational terms together, others alone.

    The moves of each part carry the whole sum (finished parts as derivatives, parts still
    to come as quotients), so that every line's quantity equals the one before it.
    """
    terms = Add.make_args(f)
    rational_part = Add(*(t for t in terms if t.is_rational_function(s.var)))
    parts = ([rational_part] if rational_part != 0 else []) + \
        [t for t in terms if not t.is_rational_function(s.var)]
    quotients = [s.quotient(p) for p in parts]
    lines = [s.lim(frac(minus(shown(s.shift_shown(p)), p), shown(s.h))) for p in parts]
    moves = [substitute(f, s), Move("split", s.quotient(f), Add(*quotients),
                                    " + ".join(t for t, _ in lines),
                                    " + ".join(u for _, u in lines))]
    done: list[Any] = []
    for i, part in enumerate(parts):
        local = _part_moves(part, s)
        moves += [_lift(m, Add(*done), Add(*quotients[i + 1:])) for m in local]
        done.append(local[-1].after)
    total = Add(*done)
    moves.append(Move("sum_of_limits", total, total, *shown(total)))
    return moves


def _part_moves(part: Any, s: Setting) -> list[Move]:
    """The part's moves, its first line saying which term it is: d/dx(t) = lim …"""
    moves = work(part, s)
    head = mark(part, s.var)
    first = moves[0]
    return [Move("part", first.before, first.after,
                 f"{latex(head)} = {first.latex}", f"{unicode(head)} = {first.unicode}",
                 {"term": unicode(part)}), *moves[1:]]


def _lift(move: Move, done: Any, pending: Any) -> Move:
    return Move(move.kind, done + move.before + pending, done + move.after + pending,
                move.latex, move.unicode, move.params, move.takes_limit)


def _line(move: Move, names: dict[str, str]) -> LimitStep:
    prefix = "" if move.kind == "part" else "= "
    return LimitStep(move.kind, prefix + move.latex, prefix + move.unicode,
                     {**names, **move.params}, move.before, move.after, move.takes_limit)


def definition(expression: Expression, s: Setting) -> LimitStep:
    """f′(x) = lim (f(x + Δx) − f(x))/Δx, or ∂f/∂x with the others held constant."""
    name = expression.name or "f"
    names = expression.variables or (s.var,)
    shifted = [s.var + s.h if v == s.var else v for v in names]
    top_l = f"{_call(name, shifted, latex)} - {_call(name, names, latex)}"
    top_u = f"{_call(name, shifted, unicode)} − {_call(name, names, unicode)}"
    body = s.lim(frac((top_l, top_u), shown(s.h)))
    held = [v for v in expression.variables if v != s.var]
    if held:
        lhs = (rf"\frac{{\partial {name}}}{{\partial {latex(s.var)}}}",
               f"∂{name}/∂{unicode(s.var)}")
    else:
        lhs = (f"{name}'({latex(s.var)})", f"{name}′({unicode(s.var)})")
    q = s.quotient(expression.expr)
    params = {"var": unicode(s.var), "h": unicode(s.h),
              "held": ", ".join(unicode(v) for v in held)}
    return LimitStep("definition_partial" if held else "definition", f"{lhs[0]} = {body[0]}",
                     f"{lhs[1]} = {body[1]}", params, q, q)


def _call(name: str, args: Any, show: Any) -> str:
    """f(x + Δx, y) as text."""
    return f"{name}({', '.join(show(a) for a in args)})"


def with_numbers(result: LimitDerivation, at: Mapping[str, Any]) -> LimitDerivation:
    """``result`` with the table of floating-point difference quotients at ``at``.

    Raises:
        ValueError: ``at`` has no value for a symbol of f.
        DomainError: f′ is undefined at the point.
    """
    expression, x = result.expression, result.var
    point = {name: exact_number(value) for name, value in at.items()}
    missing = [s.name for s in expression.expr.free_symbols | {x} if s.name not in point]
    if missing:
        raise ValueError(f"no value for {', '.join(sorted(missing))} in the point")
    subs = {s: point[s.name] for s in expression.expr.free_symbols if s != x}
    x0 = point[x.name]
    _real_at(expression.expr, {**subs, x: x0}, "f")
    slope = _real_at(result.derivative, {**subs, x: x0},
                     f"∂f/∂{x.name}" if result.partial else "f′")
    exact = result.derivative.xreplace({**subs, x: x0})
    g = float_function(expression.expr.xreplace(subs), x)
    rows = quotient_table(g, float(x0), slope)
    return LimitDerivation(expression, x, result.derivative, result.steps, rows,
                           best_step(rows), best_step(rows, central=True), point, exact,
                           result.verified)


def _real_at(expr: Any, point: dict[sympy.Symbol, Any], what: str) -> float:
    """``expr`` at ``point`` as a float; undefined, non-real or overflowing is a DomainError."""
    value = numeric_value(expr, point)
    if value is None or abs(value.imag) > 1e-12:
        raise DomainError("undefined_at_point", what=what)
    if not math.isfinite(value.real):
        raise DomainError("value_too_large", what=what)
    return value.real


__all__ = ["STRATEGIES", "LimitDerivation", "LimitStep", "definition", "derivative_by_limit",
           "work"]
