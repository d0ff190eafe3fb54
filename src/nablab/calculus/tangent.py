"""Tangents: the line y = f(x₀) + f′(x₀)(x − x₀) and the secants that approach it; the plane
z = f(a, b) + f_x(a, b)(x − a) + f_y(a, b)(y − b) and directional derivatives.

The notes: "f′(x) is the slope of the tangent line". The secant through (x₀, f(x₀)) and
(x₀ + h, f(x₀ + h)) has slope (f(x₀ + h) − f(x₀))/h, the difference quotient; as h shrinks
the secants turn into the tangent — the data a picture of that needs.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sympy

from nablab.calculus.notation import latex, unicode
from nablab.calculus.points import exact_number
from nablab.calculus.verify import numeric_value
from nablab.core.catalog import kinks
from nablab.core.expression import Expression
from nablab.core.printing import to_str
from nablab.errors import DomainError, UnsupportedError
from nablab.i18n import translate
from nablab.parse import parse
from nablab.present import Document, Presentable, Writer, number

#: Secant steps h, from a visible secant to one indistinguishable from the tangent.
SECANT_STEPS: tuple[Any, ...] = tuple(sympy.Rational(1, d) for d in (1, 2, 4, 10, 100, 1000))


@dataclass(frozen=True)
class Secant:
    """The secant from (x₀, f(x₀)) to (x₀ + h, f(x₀ + h)).

    Attributes:
        h: the step.
        x, y: the second point.
        slope: (f(x₀ + h) − f(x₀))/h.
        error: |slope − f′(x₀)|.
    """

    h: float
    x: float
    y: float
    slope: float
    error: float

    def to_dict(self) -> dict[str, float]:
        return {"h": self.h, "x": self.x, "y": self.y, "slope": self.slope,
                "error": self.error}


@dataclass(frozen=True, repr=False)
class TangentLine(Presentable):
    """The tangent line of a one-variable function at x₀.

    Attributes:
        expression: f.
        x0: the point, exactly.
        value: f(x₀), exactly.
        slope: f′(x₀), exactly.
        line: f(x₀) + f′(x₀)(x − x₀), multiplied out.
        secants: secants for shrinking h, their slopes converging to f′(x₀).
    """

    expression: Expression
    x0: Any
    value: Any
    slope: Any
    line: Any
    secants: tuple[Secant, ...]

    @property
    def var(self) -> sympy.Symbol:
        variables = self.expression.variables
        return variables[0] if variables else sympy.Symbol("x", real=True)

    def point_slope(self) -> tuple[str, str]:
        """y = f(x₀) + f′(x₀)(x − x₀) with the numbers in, as (Unicode, LaTeX)."""
        return point_slope(self.var, self.x0, self.value, self.slope)

    def to_dict(self) -> dict[str, Any]:
        return {
            "function": to_str(self.expression.expr),
            "variable": self.var.name,
            "x0": _float(self.x0), "value": _float(self.value), "slope": _float(self.slope),
            "exact": {"x0": to_str(self.x0), "value": to_str(self.value),
                      "slope": to_str(self.slope)},
            "line": to_str(self.line), "latex": f"y = {latex(self.line)}",
            "secants": [s.to_dict() for s in self.secants],
        }

    def __str__(self) -> str:
        return f"y = {unicode(self.line)}"

    def document(self, lang: str | None = None) -> Document:
        """f(x₀), f′(x₀), the tangent line three ways, then the secants' slopes."""
        x, name = unicode(self.var), self.expression.name or "f"
        out = Writer()
        out.text(f"{name}({x}) = {self.expression.unicode}")
        out.blank()
        out.heading(translate("label.tangent_line", lang, point=f"{x}₀ = {unicode(self.x0)}"))
        out.texts([f"{name}({unicode(self.x0)}) = {unicode(self.value)}",
                   f"{name}′({unicode(self.x0)}) = {unicode(self.slope)}"])
        _equations(out, [f"y = {name}({x}₀) + {name}′({x}₀)({x} − {x}₀)",
                         self.point_slope()[0], str(self)])
        out.blank()
        out.heading(translate("label.secants", lang))
        header = [translate("label.h", lang), translate("label.slope", lang),
                  translate("label.abs_error", lang)]
        out.table(header, [[number(s.h), number(s.slope), f"{s.error:.1e}".replace("-", "−")]
                           for s in self.secants], right=range(3), indent=2)
        out.text(f"→ f′(x₀) = {number(_float(self.slope))}", 2)
        return out.document()


@dataclass(frozen=True, repr=False)
class TangentPlane(Presentable):
    """The tangent (hyper)plane of f(x, y, …) at a point, and a directional derivative.

    Attributes:
        expression: f.
        point: ``{name: exact value}``.
        value: f at the point.
        gradient: (f_x, f_y, …) at the point, exactly.
        plane: f + Σ f_xᵢ (xᵢ − aᵢ), multiplied out.
        direction: the unit vector u = v/|v|, if a direction v was given.
        directional_derivative: D_u f = ∇f · u at the point, exactly.
    """

    expression: Expression
    point: dict[str, Any]
    value: Any
    gradient: tuple[Any, ...]
    plane: Any
    direction: tuple[Any, ...] | None = None
    directional_derivative: Any = None

    def to_dict(self) -> dict[str, Any]:
        d = self.directional_derivative
        return {
            "function": to_str(self.expression.expr),
            "variables": list(self.expression.variable_names),
            "point": {k: _float(v) for k, v in self.point.items()},
            "value": _float(self.value),
            "gradient": [_float(g) for g in self.gradient],
            "exact": {"value": to_str(self.value), "gradient": [to_str(g) for g in self.gradient],
                      "directional_derivative": None if d is None else to_str(d)},
            "plane": to_str(self.plane), "latex": f"{self.lhs} = {latex(self.plane)}",
            "direction": None if self.direction is None else [_float(u) for u in self.direction],
            "directional_derivative": None if d is None else _float(d),
        }

    def document(self, lang: str | None = None) -> Document:
        """f and ∇f at the point, the tangent plane three ways, the directional derivative."""
        names = [unicode(v) for v in self.expression.variables]
        name = self.expression.name or "f"
        at = ", ".join(unicode(v) for v in self.point.values())
        general = " + ".join(f"{name}_{n}·({n} − {n}₀)" for n in names)
        out = Writer()
        out.text(f"{name}({', '.join(names)}) = {self.expression.unicode}")
        out.blank()
        out.heading(translate("label.tangent_plane", lang,
                              point=f"({', '.join(names)}) = ({at})"))
        out.texts([f"{name}({at}) = {unicode(self.value)}",
                   f"∇{name}({at}) = ({', '.join(unicode(g) for g in self.gradient)})"])
        _equations(out, [f"{self.lhs} = {name}₀ + {general}", self.point_slope()[0], str(self)])
        if self.direction is not None:
            unit = f"({', '.join(unicode(u) for u in self.direction)})"
            d = self.directional_derivative
            approx = "" if d.is_Rational else f" ≈ {number(_float(d))}"
            out.blank()
            out.heading(translate("label.directional", lang, unit=unit))
            out.text(f"D_u {name} = ∇{name}·u = {unicode(d)}{approx}", 2)
        return out.document()

    @property
    def lhs(self) -> str:
        """``z`` for the plane z = …, or ``L`` when z is one of the variables."""
        return "L" if "z" in self.expression.variable_names else "z"

    def point_slope(self) -> tuple[str, str]:
        """z = f(a) + f_x(a)(x − a₁) + … with the numbers in, as (Unicode, LaTeX)."""
        variables = self.expression.variables
        return linear_form(self.lhs, self.value, [(g, v, self.point[v.name])
                                                  for g, v in zip(self.gradient, variables,
                                                                  strict=True)])

    def __str__(self) -> str:
        return f"{self.lhs} = {unicode(self.plane)}"


def tangent_line(f: Expression | str, x0: Any) -> TangentLine:
    """The tangent y = f(x₀) + f′(x₀)(x − x₀) of a one-variable f, with secants.

    Raises:
        UnsupportedError: f has more than one variable (use :func:`tangent_plane`).
        DomainError: f or f′ is undefined at x₀.

    >>> str(tangent_line("x^2 - x", 2))
    'y = 3x − 4'
    """
    expression = parse(f)
    expression.require_numeric("tangent")
    if len(expression.variables) > 1:
        raise UnsupportedError("tangent_line_needs_one", count=len(expression.variables))
    expression.require_scalar("tangent")
    x = expression.variables[0] if expression.variables else sympy.Symbol("x", real=True)
    a = exact_number(x0)
    value = _at(expression.expr, {x: a}, "f")
    _require_derivative(expression.expr, x, a, value)
    slope = _at(sympy.diff(expression.expr, x), {x: a}, "f′")
    line = sympy.expand(value + slope * (x - a))
    return TangentLine(expression, a, value, slope, line, secants(expression.expr, x, a, slope))


def _require_derivative(f: Any, x: sympy.Symbol, a: Any, value: Any) -> None:
    """At a kink (|x| at 0, relu at 0) the formula f′ still has a value (sign(0) = 0), but f
    has no derivative: the one-sided slopes differ. Refuse there, with both slopes.

    Raises:
        DomainError: ``no_derivative`` with the slopes from the left and the right.
    """
    if not kinks(f):
        return
    h = sympy.Dummy("h", positive=True)
    slopes = []
    for side in (-h, h):
        try:
            slope = sympy.limit((f.xreplace({x: a + side}) - value) / side, h, 0, "+")
        except (NotImplementedError, ValueError, TypeError):
            return
        if slope.has(sympy.Limit, sympy.AccumBounds, sympy.nan):
            return
        slopes.append(slope)
    if slopes[0] != slopes[1]:
        raise DomainError("no_derivative", x0=unicode(a), left=unicode(slopes[0]),
                          right=unicode(slopes[1]))


def _equations(out: Writer, lines: list[str]) -> None:
    """The same line or plane written three ways, each differing from the one before."""
    distinct = [line for i, line in enumerate(lines) if i == 0 or line != lines[i - 1]]
    out.text(distinct[0], 2)
    out.texts([line[2:] for line in distinct[1:]], 4)


def point_slope(x: sympy.Symbol, x0: Any, value: Any, slope: Any) -> tuple[str, str]:
    """``y = 2 + 3(x − 2)``: the tangent as the notes write it (Unicode, LaTeX)."""
    return linear_form("y", value, [(slope, x, x0)])


def linear_form(lhs: str, value: Any, terms: Sequence[tuple[Any, sympy.Symbol, Any]]
                ) -> tuple[str, str]:
    """``z = 5 + 2(x − 1) + 4(y − 2)``: value + Σ slope·(x − x₀), zero terms left out."""
    pieces = [_term(slope, x, x0) for slope, x, x0 in terms if slope != 0]
    if value != 0:
        sign = -1 if value.could_extract_minus_sign() else 1
        size = -value if sign < 0 else value
        pieces.insert(0, (sign, unicode(size), latex(size)))
    if not pieces:
        return f"{lhs} = 0", f"{lhs} = 0"
    head_sign, u, t = pieces[0]
    if len(pieces) == 1 and head_sign > 0 and u.startswith("(") and u.count("(") == 1:
        u, t = u[1:-1], t[len(r"\left("):-len(r"\right)")]   # y = (x − 1) reads y = x − 1
    u, t = ("−" + u, "-" + t) if head_sign < 0 else (u, t)
    for sign, piece_u, piece_t in pieces[1:]:
        u += f" {'−' if sign < 0 else '+'} {piece_u}"
        t += f" {'-' if sign < 0 else '+'} {piece_t}"
    return f"{lhs} = {u}", f"{lhs} = {t}"


def _term(slope: Any, x: sympy.Symbol, x0: Any) -> tuple[int, str, str]:
    """(sign, |slope|·(x − x₀)) as Unicode and LaTeX."""
    sign = -1 if slope.could_extract_minus_sign() else 1
    size = -slope if sign < 0 else slope
    shift = sympy.Add(x, -x0, evaluate=False)
    if x0 == 0:
        inner = unicode(x), latex(x)
    else:
        inner = (f"({unicode(shift, keep_order=True)})",
                 rf"\left({latex(shift, keep_order=True)}\right)")
    if size == 1:
        return sign, *inner
    head = (f"({unicode(size)})", rf"\left({latex(size)}\right)") if size.is_Add \
        else (unicode(size), latex(size))
    dot = "" if inner[0].startswith("(") else "·"
    return sign, f"{head[0]}{dot}{inner[0]}", rf"{head[1]} {inner[1]}"


def secants(f: Any, x: sympy.Symbol, x0: Any, slope: Any,
            steps: Sequence[Any] = SECANT_STEPS) -> tuple[Secant, ...]:
    """Secants for each h (exact arithmetic, rounded at the end); undefined ones left out."""
    f0, exact = f.xreplace({x: x0}), slope.evalf(30)
    out = []
    for h in steps:
        fh = f.xreplace({x: x0 + h})
        y, quotient = numeric_value(fh, {}), numeric_value((fh - f0) / h, {})
        if y is None or quotient is None or abs(y.imag) > 1e-12 or \
                not (math.isfinite(y.real) and math.isfinite(quotient.real)):
            continue
        error = float(abs(((fh - f0) / h - exact).evalf(30)))
        out.append(Secant(float(h), float(x0 + h), y.real, quotient.real, error))
    return tuple(out)


def tangent_plane(f: Expression | str, point: Mapping[str, Any],
                  direction: Sequence[Any] | None = None) -> TangentPlane:
    """z = f(a) + Σ ∂f/∂xᵢ(a)(xᵢ − aᵢ); with a direction v, D_u f(a) = ∇f(a)·v/|v|.

    Raises:
        ValueError: the point misses a variable, or the direction has the wrong length.
        DomainError: f or a partial derivative is undefined there; the direction is zero.

    >>> str(tangent_plane("x^2 + y^2", {"x": 1, "y": 2}))
    'z = 2x + 4y − 5'
    """
    expression = parse(f)
    expression.require_numeric("tangent")
    expression.require_scalar("tangent")
    names = expression.variable_names
    if any(n not in point for n in names):
        raise ValueError(f"the point needs a value for each of {', '.join(names)}")
    at = {v: exact_number(point[v.name]) for v in expression.variables}
    value = _at(expression.expr, at, "f")
    grad = tuple(_at(g, at, f"∂f/∂{v.name}")
                 for v, g in zip(expression.variables, expression.gradient(), strict=True))
    plane = sympy.expand(value + sum(g * (v - at[v]) for v, g in zip(at, grad, strict=True)))
    unit, slope = _directional(grad, direction)
    return TangentPlane(expression, {v.name: at[v] for v in at}, value, grad, plane, unit, slope)


def _directional(grad: tuple[Any, ...], direction: Sequence[Any] | None
                 ) -> tuple[tuple[Any, ...] | None, Any]:
    """u = v/|v| and ∇f·u (exact)."""
    if direction is None:
        return None, None
    v = [exact_number(c) for c in direction]
    if len(v) != len(grad):
        raise ValueError(f"the direction needs {len(grad)} components, got {len(v)}")
    norm = sympy.sqrt(sum(c**2 for c in v))
    if norm == 0:
        raise DomainError("zero_direction")
    unit = tuple(sympy.radsimp(c / norm) for c in v)
    return unit, sympy.radsimp(sum(g * u for g, u in zip(grad, unit, strict=True)))


def _at(expr: Any, point: dict[sympy.Symbol, Any], what: str) -> Any:
    """``expr`` at ``point``, exactly; an undefined or non-real value is a DomainError."""
    value = expr.xreplace(point)
    number = numeric_value(value, {})
    if number is None or abs(number.imag) > 1e-12:
        raise DomainError("undefined_at_point", what=what)
    if not math.isfinite(number.real):
        raise DomainError("value_too_large", what=what)
    return value


def _float(value: Any) -> float:
    return float(sympy.re(value.evalf(17)))


__all__ = ["SECANT_STEPS", "Secant", "TangentLine", "TangentPlane", "secants", "tangent_line",
           "tangent_plane"]
