"""The result of implicit differentiation: its JSON, its document (en/ko) and its LaTeX."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import sympy

from nablab.calculus.notation import latex, unicode
from nablab.core.printing import to_str
from nablab.i18n import translate
from nablab.parse.parser import Relation
from nablab.present import Document, Presentable, Writer

#: An equation ``x = expr`` solved for one variable.
Equation = tuple[sympy.Symbol, Any]


@dataclass(frozen=True, repr=False)
class ImplicitResult(Presentable):
    """dy/dx (or ∂z/∂x, ∂z/∂y) of a level set, and at a point its tangent and normal.

    Attributes:
        relation: the equation as typed.
        F: lhs − rhs, so the level set is F = 0.
        variables: (x, y) or (x, y, z); the last is the dependent one.
        partials: F_x, F_y (, F_z).
        derivatives: −F_x/F_y, or (−F_x/F_z, −F_y/F_z), simplified.
        point: the point, exactly (None without ``at``).
        gradient: ∇F at the point.
        slopes: the derivatives at the point (None when F_y or F_z is 0 there).
        tangent_equation: the tangent line (plane) solved for a variable.
        normal_equation: the normal line solved for a variable (two variables only; in
            space it is point + t∇F).
        status: ``"ok"``, ``"vertical"`` (F_y = 0 or F_z = 0: no derivative, a vertical
            tangent), ``"singular"`` (∇F = 0: no tangent) or None without a point.
    """

    relation: Relation
    F: Any
    variables: tuple[sympy.Symbol, ...]
    partials: tuple[Any, ...]
    derivatives: tuple[Any, ...]
    point: dict[sympy.Symbol, Any] | None = None
    gradient: tuple[Any, ...] | None = None
    slopes: tuple[Any, ...] | None = None
    tangent_equation: Equation | None = None
    normal_equation: Equation | None = None
    status: str | None = None

    @property
    def constraints(self) -> tuple[Relation, ...]:
        """The equation, as the faces look for relations whose readings they show."""
        return (self.relation,)

    # -- names and equations -------------------------------------------------------------------
    def derivative_names(self) -> tuple[str, ...]:
        """``dy/dx``, or ``∂z/∂x``, ``∂z/∂y``."""
        *xs, dep = (v.name for v in self.variables)
        if not xs[1:]:
            return (f"d{dep}/d{xs[0]}",)
        return tuple(f"∂{dep}/∂{x}" for x in xs)

    @property
    def tangent(self) -> str | None:
        """``y = -x - 2`` (SymPy's text), or None."""
        return None if self.tangent_equation is None else _equation(self.tangent_equation, to_str)

    @property
    def normal(self) -> str | None:
        """``y = x`` in the plane; ``(x, y, z) = (a, b, c) + t*(…)`` in space; or None."""
        if self.point is None or self.gradient is None or self.status == "singular":
            return None
        if self.normal_equation is not None:
            return _equation(self.normal_equation, to_str)
        return self._parametric(to_str)

    def _parametric(self, show: Any) -> str:
        assert self.point is not None and self.gradient is not None
        names = ", ".join(v.name for v in self.variables)
        start = ", ".join(show(self.point[v]) for v in self.variables)
        step = ", ".join(show(g) for g in self.gradient)
        return f"({names}) = ({start}) + t·({step})" if show is unicode else \
            f"({names}) = ({start}) + t*({step})"

    # -- JSON ----------------------------------------------------------------------------------
    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        names = self.derivative_names()
        data: dict[str, Any] = {
            "relation": self.relation.unicode,
            "function": to_str(self.F),
            "variables": [v.name for v in self.variables],
            "partials": {v.name: to_str(p) for v, p in zip(self.variables, self.partials,
                                                           strict=True)},
            "derivative": to_str(self.derivatives[0]),
            "derivatives": {n: to_str(d) for n, d in zip(names, self.derivatives, strict=True)},
            "point": None, "gradient": None, "slope": None, "slopes": None,
            "status": self.status,
            "tangent": self.tangent, "normal": self.normal,
        }
        if self.point is not None and self.gradient is not None:
            data["point"] = {v.name: _float(a) for v, a in self.point.items()}
            data["gradient"] = [_float(g) for g in self.gradient]
            data["slope"] = None if self.slopes is None else _float(self.slopes[0])
            data["slopes"] = None if self.slopes is None else \
                {n: _float(s) for n, s in zip(names, self.slopes, strict=True)}
        return data

    # -- text ----------------------------------------------------------------------------------
    def document(self, lang: str | None = None) -> Document:
        """F and its partials, the derivative with its reason, then the point's lines."""
        out = Writer()
        xs = [unicode(v) for v in self.variables]
        args = ", ".join(xs)
        out.text(translate("implicit.level", lang, relation=self.relation.unicode,
                           F=f"F({args}) = {unicode(self.F)}"))
        out.blank()
        out.heading(translate("implicit.heading", lang))
        dep, free = xs[-1], ", ".join(xs[:-1])
        out.text(translate("implicit.chain", lang, dep=dep, free=free), 2)
        out.texts([f"F_{x} + F_{dep}·{name} = 0"
                   for x, name in zip(xs, self.derivative_names(), strict=False)], 4)
        out.texts([f"F_{x} = {unicode(p)}" for x, p in zip(xs, self.partials, strict=True)], 4)
        for x, name, d in zip(xs, self.derivative_names(), self.derivatives, strict=False):
            out.text(f"{name} = −F_{x}/F_{dep} = {unicode(d)}", 4)
        if self.point is not None:
            self._at_point(out, lang)
        return out.document()

    def _at_point(self, out: Writer, lang: str | None) -> None:
        assert self.point is not None and self.gradient is not None
        xs = [unicode(v) for v in self.variables]
        at = ", ".join(unicode(a) for a in self.point.values())
        where = f"({', '.join(xs)}) = ({at})"
        out.blank()
        out.heading(translate("implicit.at", lang, point=where))
        out.text(translate("implicit.on_level", lang, at=at, relation=self.relation.unicode), 2)
        out.text(f"∇F({at}) = ({', '.join(unicode(g) for g in self.gradient)})", 2)
        if self.status == "singular":
            out.text(translate("implicit.singular", lang), 2)
            return
        if self.slopes is not None:
            for name, s in zip(self.derivative_names(), self.slopes, strict=True):
                out.text(f"{name} = {unicode(s)}", 2)
        else:
            out.text(translate(f"implicit.vertical{len(xs)}", lang, dep=xs[-1]), 2)
        assert self.tangent_equation is not None
        key = "implicit.tangent_line" if len(xs) == 2 else "implicit.tangent_plane"
        out.text(translate(key, lang, equation=_equation(self.tangent_equation, unicode)), 2)
        normal = _equation(self.normal_equation, unicode) if self.normal_equation is not None \
            else self._parametric(unicode)
        out.text(translate("implicit.normal_line", lang, equation=normal), 2)
        fx, fy = self.gradient[0], self.gradient[1]
        direction = f"({unicode(fy)}, {unicode(-fx)})"
        out.text(translate(f"implicit.perpendicular{len(xs)}", lang, direction=direction), 2)

    def __str__(self) -> str:
        pairs = zip(self.derivative_names(), self.derivatives, strict=True)
        return ", ".join(f"{n} = {unicode(d)}" for n, d in pairs)

    def _repr_latex_(self) -> str:
        *xs, dep = (latex(v) for v in self.variables)
        d = r"\partial " if len(xs) > 1 else "d"
        parts = [rf"\frac{{{d}{dep}}}{{{d}{x}}} = {latex(e)}"
                 for x, e in zip(xs, self.derivatives, strict=True)]
        return "$" + r",\quad ".join(parts) + "$"


def _equation(equation: Equation, show: Any) -> str:
    var, value = equation
    return f"{var.name} = {show(value)}"


def _float(value: Any) -> float:
    number = complex(sympy.N(value, 17))
    return number.real if math.isfinite(number.real) else math.nan


__all__ = ["Equation", "ImplicitResult"]
