"""Higher-order and mixed partial derivatives in a given order, and Clairaut's theorem.

f_xy means ∂/∂y (∂f/∂x): differentiate by x, then by y (∂²f/∂y∂x). Clairaut: where the
mixed partials are continuous, the order does not matter (f_xy = f_yx). Where they are not,
it can: f = x y (x² − y²)/(x² + y²), f(0, 0) = 0 has f_xy(0, 0) = −1 but f_yx(0, 0) = 1,
each found from the limit definition, f_xy(0, 0) = lim_{k→0} (f_x(0, k) − f_x(0, 0))/k.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import permutations
from typing import Any

import sympy

from nablab.calculus.notation import unicode
from nablab.calculus.simplest import textbook_form
from nablab.calculus.verify import numeric_value, symbolically_equal
from nablab.core.expression import Expression
from nablab.core.printing import to_str
from nablab.errors import UnsupportedError
from nablab.i18n import translate
from nablab.parse import parse
from nablab.present import Document, Presentable, Writer

#: The highest order of a mixed partial asked for (past 4 variables, only it and its reverse
#: are compared).
MAX_ORDER = 8
#: The classic function whose mixed partials differ at the origin.
COUNTEREXAMPLE = "x y (x^2 - y^2)/(x^2 + y^2)"
#: The highest order whose values at a point the limit definition gives where the formulas
#: are undefined (each order nests one more limit).
LIMIT_ORDER = 3
#: Seconds each formula may take to be put in textbook form.
TIDY_TIMEOUT = 1.0


@dataclass(frozen=True, repr=False)
class MixedPartial(Presentable):
    """A partial derivative taken in a given order, the other orders, and whether they agree.

    Attributes:
        expression: f.
        order: the variables in the order of differentiation (``("x", "y")`` for f_xy).
        steps: f_x, f_xy, …: each partial derivative on the way.
        orderings: every distinct order of the same variables, with its derivative.
        agree: all orderings are the same function (where they are defined).
        point: ``{name: exact value}``, if one was given.
        values: each ordering's value at the point (``None`` where undefined).
        limit_definition: the values came from the limit definition (the formulas are
            undefined at the point).
    """

    expression: Expression
    order: tuple[str, ...]
    steps: tuple[tuple[str, Any], ...]
    orderings: tuple[tuple[tuple[str, ...], Any], ...]
    agree: bool | None
    point: dict[str, Any] | None = None
    values: tuple[Any, ...] | None = None
    limit_definition: bool = False

    @property
    def derivative(self) -> Any:
        return self.steps[-1][1]

    @property
    def values_agree(self) -> bool | None:
        """The orderings' values at the point are equal (``None``: no point, or undefined)."""
        if self.values is None or any(v is None for v in self.values):
            return None
        return all(sympy.simplify(v - self.values[0]) == 0 for v in self.values[1:])

    def to_dict(self) -> dict[str, Any]:
        return {
            "function": to_str(self.expression.expr),
            "order": list(self.order),
            "derivative": to_str(self.derivative),
            "steps": [{"name": n, "derivative": to_str(d)} for n, d in self.steps],
            "orderings": [{"order": list(o), "derivative": to_str(d)}
                          for o, d in self.orderings],
            "agree": self.agree,
            "at": None if self.point is None else {k: float(v) for k, v in self.point.items()},
            "values": None if self.values is None
            else [None if v is None else to_str(v) for v in self.values],
            "values_agree": self.values_agree,
            "limit_definition": self.limit_definition,
        }

    def __str__(self) -> str:
        return f"{self.steps[-1][0]} = {unicode(self.derivative)}"

    def document(self, lang: str | None = None) -> Document:
        """Each partial on the way, the other orders, Clairaut, and the values at the point."""
        out = Writer()
        names = ", ".join(self.expression.variable_names)
        out.text(f"{self.expression.name or 'f'}({names}) = {self.expression.unicode}")
        out.blank()
        out.heading(translate("mixed.heading", lang, name=self.steps[-1][0]))
        out.texts([f"{n} = {unicode(d)}" for n, d in self.steps])
        if len(self.orderings) > 1:
            out.blank()
            out.heading(translate("mixed.orderings", lang))
            out.texts([f"{subscript(o)} = {unicode(d)}" for o, d in self.orderings])
            key = {True: "mixed.agree", False: "mixed.differ", None: "mixed.undecided"}
            out.text(translate(key[self.agree], lang), 2)
        if self.point is not None and self.values is not None:
            out.blank()
            at = ", ".join(unicode(v) for v in self.point.values())
            out.heading(translate("mixed.at", lang, point=f"({at})"))
            if self.limit_definition:
                out.text(translate("mixed.limit_definition", lang), 2)
            missing = translate("mixed.no_limit" if self.limit_definition
                                else "mixed.undefined", lang)
            out.texts([f"{subscript(o)}({at}): {missing}" if v is None
                       else f"{subscript(o)}({at}) = {unicode(v)}"
                       for (o, _), v in zip(self.orderings, self.values, strict=True)])
            if self.values_agree is False:
                out.text(translate("mixed.clairaut_fails", lang), 2)
        return out.document()


def subscript(order: Sequence[str]) -> str:
    """``f_xy`` for the order (x, y)."""
    return "f_" + "".join(order)


def mixed_partial(f: Expression | str, order: Sequence[str],
                  at: Mapping[str, Any] | None = None) -> MixedPartial:
    """The partial derivative of f by ``order[0]``, then ``order[1]``, …, and its other orders.

    Args:
        f: a scalar function.
        order: variable names, in the order of differentiation (``["x", "x", "y"]``: f_xxy).
        at: a point, for the values of every ordering there; where the formulas are undefined
            and the order is 2, the values come from the limit definition.

    Raises:
        UnsupportedError: an unknown variable, or more than :data:`MAX_ORDER` derivatives.

    >>> str(mixed_partial("x^2 y^3", ["x", "y"]))
    'f_xy = 6xy²'
    """
    expression = parse(f) if isinstance(f, str) else f
    expression.require_scalar("diff --mixed")
    if not 1 <= len(order) <= MAX_ORDER:
        raise UnsupportedError("mixed_order", maximum=MAX_ORDER)
    symbols = [expression.symbol(v) for v in order]
    steps, current = [], expression.expr
    for k, v in enumerate(symbols, start=1):
        current = sympy.diff(current, v)
        steps.append((subscript(order[:k]), textbook_form(current, TIDY_TIMEOUT)))
    names = tuple(s.name for s in symbols)
    orders = list(dict.fromkeys(permutations(names))) if len(names) <= 4 \
        else list(dict.fromkeys([names, names[::-1]]))   # 8 names have 40320 orders
    raw = [_derivative(expression.expr, expression, o) for o in orders]
    agree = _all_equal(raw)
    orderings = tuple((o, steps[-1][1] if o == names else textbook_form(d, TIDY_TIMEOUT))
                      for o, d in zip(orders, raw, strict=True))
    if at is None:
        return MixedPartial(expression, names, tuple(steps), orderings, agree)
    point = {v.name: sympy.Rational(repr(at[v.name])) if isinstance(at[v.name], float)
             else at[v.name] for v in expression.variables}
    centre = {v: point[v.name] for v in expression.variables}
    values = tuple(_value(d, centre) for d in raw)
    by_limit = any(v is None for v in values) and len(names) <= LIMIT_ORDER
    if by_limit:
        values = tuple(partial_by_limits(expression.expr,
                                         [expression.symbol(v) for v in o], centre)
                       for o, _ in orderings)
    return MixedPartial(expression, names, tuple(steps), orderings, agree, point, values,
                        by_limit)


def _derivative(expr: Any, expression: Expression, order: Sequence[str]) -> Any:
    for name in order:
        expr = sympy.diff(expr, expression.symbol(name))
    return expr


def _all_equal(derivatives: Sequence[Any]) -> bool | None:
    verdicts = [symbolically_equal(d, derivatives[0]) for d in derivatives[1:]]
    if all(v is True for v in verdicts):
        return True
    return False if any(v is False for v in verdicts) else None


def _value(expr: Any, centre: Mapping[sympy.Symbol, Any]) -> Any:
    value = expr.xreplace(dict(centre))
    if numeric_value(value, {}) is None:
        return None
    return sympy.simplify(value)


def partial_by_limits(f: Any, order: Sequence[sympy.Symbol],
                      centre: Mapping[sympy.Symbol, Any]) -> Any:
    """The partial derivative of f in ``order`` at a, from the limit definition alone.

    D₀ = f, and D_k(p) = lim_{s→0} (D_{k−1}(p + s e_k) − D_{k−1}(p))/s with e_k along
    ``order[k−1]``; at a point where the formula of D_{k−1} is defined it is used, elsewhere
    (at a itself) its own limit definition, and f(a) is taken as f's limit at a. So
    f_xy(0, 0) = lim_{s→0} (f_x(0, s) − f_x(0, 0))/s. ``None`` if a limit does not exist.
    """
    offsets = [sympy.Dummy(f"s{k}", real=True, nonzero=True) for k in range(len(order))]
    formulas = [f]
    for v in order:
        formulas.append(sympy.diff(formulas[-1], v))
    probe = {s: sympy.Rational(1, 5 + 2 * k) for k, s in enumerate(offsets)}

    def value(k: int, shift: dict[sympy.Symbol, Any]) -> Any:
        moved = {v: centre[v] + shift.get(v, 0) for v in centre}
        direct = formulas[k].xreplace(moved)
        if numeric_value(direct.xreplace(probe), {}) is not None:
            return sympy.simplify(direct)
        s, v = offsets[max(k, 1) - 1], order[max(k, 1) - 1]
        if k == 0:      # f itself undefined here: its limit along the first direction
            return sympy.limit(f.xreplace({**moved, v: moved[v] + s}), s, 0)
        later = {**shift, v: shift.get(v, 0) + s}
        quotient = (value(k - 1, later) - value(k - 1, shift)) / s
        return sympy.limit(sympy.simplify(quotient), s, 0)

    try:
        result = value(len(order), {})
    except (NotImplementedError, ValueError, TypeError):
        return None
    if result.has(sympy.oo, -sympy.oo, sympy.zoo, sympy.nan, sympy.AccumBounds, sympy.Limit):
        return None
    return result


__all__ = ["COUNTEREXAMPLE", "LIMIT_ORDER", "MAX_ORDER", "MixedPartial", "mixed_partial",
           "partial_by_limits", "subscript"]
