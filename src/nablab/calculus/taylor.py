"""Taylor polynomials in one or several variables, term by term, with the error nearby.

T_n(x) = Σ_{|α| ≤ n} ∂^α f(a)/α! · (x − a)^α: the value f(a), the gradient term
∇f(a)·(x − a), the Hessian quadratic form ½ (x − a)ᵀ H f(a) (x − a), then higher terms.
Gradient descent minimises the first-order model, Newton's method the second-order one; the
error f − T_n shrinks like |h|ⁿ⁺¹ as the point approaches a, which the error table shows.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import combinations_with_replacement
from typing import Any

import sympy

from nablab.calculus.notation import latex, unicode
from nablab.calculus.verify import numeric_value
from nablab.core.expression import Expression
from nablab.core.printing import to_str
from nablab.errors import DomainError, UnsupportedError
from nablab.i18n import translate
from nablab.parse import parse
from nablab.present import Document, Presentable, Writer, number

#: The highest order asked for: the number of terms grows like C(n + k, k).
MAX_ORDER = 10
#: Steps h of the error table: the point a + h·(1, …, 1).
ERROR_STEPS: tuple[float, ...] = (0.5, 0.2, 0.1, 0.05, 0.01)


@dataclass(frozen=True)
class TaylorTerm:
    """The degree-k part of the polynomial: Σ_{|α| = k} ∂^α f(a)/α! · (x − a)^α."""

    degree: int
    term: Any

    @property
    def kind(self) -> str:
        """``value``, ``gradient``, ``hessian`` or ``higher``."""
        return ("value", "gradient", "hessian")[self.degree] if self.degree < 3 else "higher"

    def to_dict(self) -> dict[str, Any]:
        return {"degree": self.degree, "kind": self.kind, "term": to_str(self.term)}


@dataclass(frozen=True)
class TaylorError:
    """f and T_n at a + h·(1, …, 1), their gap, and the order it shrinks with.

    Attributes:
        h: the step.
        f, taylor: f and T_n there (``None`` where f is undefined).
        error: |f − T_n|.
        order: log(e_prev/e)/log(h_prev/h) against the previous row (about n + 1).
    """

    h: float
    f: float | None
    taylor: float
    error: float | None
    order: float | None

    def to_dict(self) -> dict[str, Any]:
        return {"h": self.h, "f": self.f, "taylor": self.taylor, "error": self.error,
                "order": self.order}


@dataclass(frozen=True, repr=False)
class TaylorPolynomial(Presentable):
    """The Taylor polynomial of order n of f at a.

    Attributes:
        expression: f.
        point: ``{name: exact value}``, the centre a.
        order: n.
        terms: the parts of degree 0, 1, …, n.
        gradient: ∇f(a), exactly.
        hessian: H f(a), exactly (rows), when n ≥ 2.
        errors: the error table.
    """

    expression: Expression
    point: dict[str, Any]
    order: int
    terms: tuple[TaylorTerm, ...]
    gradient: tuple[Any, ...]
    hessian: tuple[tuple[Any, ...], ...] | None
    errors: tuple[TaylorError, ...]

    @property
    def polynomial(self) -> Any:
        """T_n, in powers of (x − a)."""
        parts = [p for t in self.terms if t.term != 0
                 for p in (t.term.args if t.term.is_Add else (t.term,))]
        return sympy.Add(*parts, evaluate=False) if parts else sympy.Integer(0)

    def partial_sum(self, degree: int) -> Any:
        """T_k for k ≤ n (T_1 the linear approximation, T_2 the quadratic one)."""
        return sympy.Add(*(t.term for t in self.terms if t.degree <= degree))

    def to_dict(self) -> dict[str, Any]:
        return {
            "function": to_str(self.expression.expr),
            "variables": list(self.expression.variable_names),
            "polynomial": to_str(self.polynomial),
            "expanded": to_str(sympy.expand(self.polynomial)),
            "latex": latex(self.polynomial),
            "order": self.order,
            "at": {k: float(v) for k, v in self.point.items()},
            "terms": [t.to_dict() for t in self.terms],
            "gradient": [to_str(g) for g in self.gradient],
            "hessian": None if self.hessian is None
            else [[to_str(h) for h in row] for row in self.hessian],
            "errors": [e.to_dict() for e in self.errors],
        }

    def __str__(self) -> str:
        return f"T{_sub(self.order)} = {unicode(self.polynomial)}"

    def document(self, lang: str | None = None) -> Document:
        """The polynomial, each term named, ∇f(a) and H f(a), then the error table."""
        names = [unicode(v) for v in self.expression.variables]
        name = self.expression.name or "f"
        at = ", ".join(unicode(v) for v in self.point.values())
        out = Writer()
        out.text(f"{name}({', '.join(names)}) = {self.expression.unicode}")
        out.blank()
        out.heading(translate("taylor.heading", lang, order=self.order,
                              point=f"({', '.join(names)}) = ({at})"))
        out.text(str(self), 2)
        out.blank()
        out.heading(translate("taylor.terms", lang))
        one = "_1d" if len(names) == 1 else ""
        for t in self.terms:
            kind = t.kind + (one if t.kind != "higher" else "")
            out.text(f"{translate(f'taylor.term.{kind}', lang, k=t.degree)}: "
                     f"{unicode(t.term)}", 2)
        out.texts(self._derivatives(name, at))
        out.blank()
        out.heading(translate(f"taylor.errors{one}", lang))
        header = [translate("label.h", lang), name, f"T{_sub(self.order)}",
                  f"|{name} − T{_sub(self.order)}|", translate("taylor.order", lang)]
        out.table(header, [[number(e.h), _cell(e.f), number(e.taylor), _sci(e.error),
                            "" if e.order is None else f"{e.order:.2f}"]
                           for e in self.errors], right=range(5), indent=2)
        out.text(translate("taylor.error_note", lang, order=self.order + 1), 2)
        return out.document()

    def _derivatives(self, name: str, at: str) -> list[str]:
        if len(self.gradient) == 1:
            lines = [f"{name}′({at}) = {unicode(self.gradient[0])}"]
            if self.hessian is not None:
                lines.append(f"{name}″({at}) = {unicode(self.hessian[0][0])}")
            return lines
        lines = [f"∇{name}({at}) = ({', '.join(unicode(g) for g in self.gradient)})"]
        if self.hessian is not None:
            rows = "; ".join(", ".join(unicode(h) for h in row) for row in self.hessian)
            lines.append(f"H{name}({at}) = [{rows}]")
        return lines


def taylor(f: Expression | str, at: Mapping[str, Any], order: int = 2) -> TaylorPolynomial:
    """The Taylor polynomial of order ``order`` of f at ``at``.

    T_n(x) = Σ_{|α| ≤ n} ∂^α f(a)/α! · (x − a)^α, grouped by degree.

    Args:
        f: a scalar function of one or more variables.
        at: the centre a, ``{name: value}`` (exact values stay exact).
        order: n, from 0 to :data:`MAX_ORDER`.

    Raises:
        UnsupportedError: f is vector-valued or has no variables, or the order is out of range.
        DomainError: f or one of its derivatives is undefined at a.

    >>> str(taylor("e^x sin(y)", {"x": 0, "y": 0}, 2))
    'T₂ = xy + y'
    """
    expression = parse(f) if isinstance(f, str) else f
    expression.require_scalar("taylor")
    if not expression.variables:
        raise UnsupportedError("taylor_no_variables")
    if not 0 <= order <= MAX_ORDER:
        raise UnsupportedError("taylor_order", maximum=MAX_ORDER)
    variables = expression.variables
    point = {v.name: _exact(at[v.name]) for v in variables}
    centre = {v: point[v.name] for v in variables}
    derivatives = _derivatives_at(expression.expr, variables, centre, max(order, 1))
    terms = tuple(TaylorTerm(k, _degree_term(derivatives, variables, centre, k))
                  for k in range(order + 1))
    n = len(variables)
    gradient = tuple(derivatives[(i,)] for i in range(n))
    hessian = None if order < 2 else tuple(
        tuple(derivatives[tuple(sorted((i, j)))] for j in range(n)) for i in range(n))
    result = TaylorPolynomial(expression, point, order, terms, gradient, hessian, ())
    return TaylorPolynomial(expression, point, order, terms, gradient, hessian,
                            error_table(expression, centre, result.polynomial, order))


def _exact(value: Any) -> Any:
    """A centre coordinate as SymPy: 0.5 as 1/2 (a float typed is the decimal it shows)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    return sympy.Integer(value) if isinstance(value, int) else sympy.Rational(repr(value))


def _value(expr: Any, centre: dict[sympy.Symbol, Any]) -> Any:
    """``expr`` at the centre, exactly; undefined there is a :class:`DomainError`."""
    value = sympy.simplify(expr.xreplace(centre)) if expr.free_symbols else expr
    if value.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo) or numeric_value(value, {}) is None:
        raise DomainError("taylor_undefined", expr=unicode(expr))
    return value


def _derivatives_at(expr: Any, variables: tuple[sympy.Symbol, ...],
                    centre: dict[sympy.Symbol, Any], order: int) -> dict[tuple[int, ...], Any]:
    """∂^α f(a) for every sorted index tuple α of length ≤ order (each derivative once)."""
    symbolic: dict[tuple[int, ...], Any] = {(): expr}
    values: dict[tuple[int, ...], Any] = {(): _value(expr, centre)}
    for k in range(1, order + 1):
        for index in combinations_with_replacement(range(len(variables)), k):
            parent = symbolic[index[:-1]]
            symbolic[index] = sympy.diff(parent, variables[index[-1]])
            values[index] = _value(symbolic[index], centre)
    return values


def _degree_term(values: dict[tuple[int, ...], Any], variables: tuple[sympy.Symbol, ...],
                 centre: dict[sympy.Symbol, Any], k: int) -> Any:
    """Σ_{|α| = k} ∂^α f(a)/α! · (x − a)^α."""
    if k == 0:
        return values[()]
    parts: list[Any] = []
    for index in combinations_with_replacement(range(len(variables)), k):
        counts = [index.count(i) for i in range(len(variables))]
        coefficient = values[index] / math.prod(math.factorial(c) for c in counts)
        if coefficient == 0:
            continue
        # unevaluated, so that 2·(x − 1) stays in powers of (x − a) instead of 2x − 2
        factors = [(variables[i] - centre[variables[i]]) ** c for i, c in enumerate(counts) if c]
        number, rest = coefficient.as_coeff_Mul()
        factors = [c for c in (number, rest) if c != 1] + factors   # −sin(1/2)·(x − 1/2)
        parts.append(sympy.Mul(*factors, evaluate=False) if len(factors) > 1 else factors[0])
    return sympy.Add(*parts, evaluate=False) if parts else sympy.Integer(0)


def error_table(expression: Expression, centre: dict[sympy.Symbol, Any], polynomial: Any,
                order: int, steps: tuple[float, ...] = ERROR_STEPS) -> tuple[TaylorError, ...]:
    """f, T_n and |f − T_n| at a + h·(1, …, 1) for shrinking h, with the observed order."""
    rows: list[TaylorError] = []
    previous: tuple[float, float] | None = None
    for h in steps:
        near = {v: a + sympy.Rational(str(h)) for v, a in centre.items()}
        f = numeric_value(expression.expr, near)
        t = numeric_value(polynomial, near)
        taylor_value = math.nan if t is None else t.real
        if f is None or abs(f.imag) > 1e-12 or not math.isfinite(f.real):
            rows.append(TaylorError(h, None, taylor_value, None, None))
            previous = None
            continue
        # f − T_n to 30 digits: the float difference drowns in rounding once it is < 1e−16·|f|
        gap = numeric_value(expression.expr - polynomial, near)
        error = abs(f.real - taylor_value) if gap is None else abs(gap.real)
        observed = None
        if previous is not None and previous[1] > 1e-25 and error > 1e-25:
            observed = math.log(previous[1] / error) / math.log(previous[0] / h)
        rows.append(TaylorError(h, f.real, taylor_value, error, observed))
        previous = (h, error)
    return tuple(rows)


def _sub(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))


def _cell(value: float | None) -> str:
    return "—" if value is None else number(value)


def _sci(value: float | None) -> str:
    return "—" if value is None else f"{value:.2e}".replace("-", "−")


__all__ = ["ERROR_STEPS", "MAX_ORDER", "TaylorError", "TaylorPolynomial", "TaylorTerm",
           "error_table", "taylor"]
