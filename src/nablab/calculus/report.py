"""Everything ``nablab diff`` shows: partial derivatives, ∇f, the Hessian, values at a point.

:class:`DiffReport` presents itself once: :meth:`~DiffReport.formulas` builds each equation in
Unicode and LaTeX together; the terminal's :meth:`~DiffReport.document`, the page's
:meth:`~DiffReport.latex` and the notebook's HTML all show those.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sympy

from nablab.calculus import asked as requested
from nablab.core.expression import Expression, PointValue
from nablab.core.printing import to_str
from nablab.core.reading import AskedDerivative
from nablab.i18n import translate
from nablab.parse import parse
from nablab.present import Math, Presentable, Writer, number
from nablab.present import math as m
from nablab.present.document import Document


@dataclass(frozen=True)
class DiffFormulas:
    """The equations ``nablab diff`` shows, each in both notations.

    ``second`` holds ∂²f/∂v² for the variables asked for; ``full`` says whether they are all
    the variables (then the gradient and the Hessian are shown instead of a list).
    """

    function: Math
    partials: tuple[Math, ...]
    second: tuple[Math, ...]
    gradient: Math
    hessian: Math
    full: bool


@dataclass(frozen=True, repr=False)
class DiffReport(Presentable):
    """The derivatives of a function, and optionally their values at a point.

    Attributes:
        expression: the function.
        wrt: the variables whose partial derivatives were asked for (all by default).
        partials: ∂f/∂v for each v in ``wrt``.
        gradient: ∇f, one entry per variable.
        hessian: the Hessian matrix.
        at: value and gradient at the point, if one was given.
        asked: the derivative the text asked for (``d/dx (…)``), else None.
        derivative: that derivative (0 for a constant function), else None.
        derivative_at: its value at the point, if one was given.
    """

    expression: Expression
    wrt: tuple[str, ...]
    partials: dict[str, Any]
    gradient: tuple[Any, ...]
    hessian: sympy.ImmutableMatrix
    at: PointValue | None
    asked: AskedDerivative | None = None
    derivative: Any = None
    derivative_at: float | None = None

    @property
    def constant(self) -> bool:
        """Whether f is a constant function (its derivative is 0 by (c)′ = 0)."""
        return self.expression.is_constant

    def to_dict(self) -> dict[str, Any]:
        """The ``--json`` / web API object (expressions in SymPy ``str`` syntax)."""
        f = self.expression
        return {
            "expression": to_str(f.expr),
            "latex": f.latex,
            "variables": list(f.variable_names),
            "partials": {v: to_str(e) for v, e in self.partials.items()},
            "gradient": [to_str(g) for g in self.gradient],
            "hessian": [[to_str(e) for e in row] for row in self.hessian.tolist()],
            "at": None if self.at is None else self.at.to_dict(),
            "constant": self.constant,
            "asked": None if self.asked is None else requested.to_json(self.asked),
            "derivative": None if self.derivative is None else to_str(self.derivative),
            "derivative_at": self.derivative_at,
        }

    @property
    def name(self) -> str:
        return self.expression.display_name

    def formulas(self) -> DiffFormulas:
        """∂f/∂v, ∂²f/∂v², ∇f and H, each as ``symbol = formula`` in Unicode and LaTeX."""
        f = self.expression
        one = len(f.variables) == 1
        index = {v: i for i, v in enumerate(f.variable_names)}
        partials = tuple(m.equation(m.derivative(self.name, v, partial=not one), Math.of(e))
                         for v, e in self.partials.items())
        if not f.variables:   # typed without variables: f′ = 0, by the constant rule
            partials = (m.equation(Math(f"{self.name}′", f"{self.name}'"), Math.of(0)),)
        second = tuple(m.equation(m.derivative(self.name, v, partial=not one, order=2),
                                  Math.of(self.hessian[index[v], index[v]]))
                       for v in f.variable_names if v in self.wrt)
        name = Math.symbol(self.name)
        nabla = Math("∇" + name.unicode, "\\nabla " + name.latex)
        gradient = m.equation(nabla, m.vector([Math.of(g) for g in self.gradient]))
        matrix = m.matrix([[Math.of(e) for e in row] for row in self.hessian.tolist()])
        hessian = Math(matrix.unicode, f"H_{{{name.latex}}} = {matrix.latex}")
        return DiffFormulas(self.head(), partials, second, gradient, hessian,
                            len(self.wrt) == len(f.variables))

    def head(self) -> Math:
        """``f(x, y) = x² + y²``."""
        f = self.expression
        name = m.call(self.name, [Math.symbol(v.name) for v in f.variables]) if f.variables \
            else Math.symbol(self.name)
        return m.equation(name, Math(f.unicode, f.latex))

    def asked_formula(self) -> Math | None:
        """``d/dx (x² sin x) = 2x sin x + x² cos x``: the request and its answer."""
        if self.asked is None:
            return None
        return m.equation(requested.applied(self.expression, self.asked), Math.of(self.derivative))

    def latex(self) -> dict[str, Any]:
        """The equations in LaTeX, as the web page shows them."""
        formulas, asked = self.formulas(), self.asked_formula()
        return {"function": formulas.function.latex,
                "partials": [p.latex for p in formulas.partials],
                "second": [s.latex for s in formulas.second],
                "gradient": formulas.gradient.latex, "hessian": formulas.hessian.latex,
                "asked": None if asked is None else asked.latex}

    def document(self, lang: str | None = None) -> Document:
        """The partial derivatives, ∇f and the Hessian, then the values at the point; for a
        typed request (``d/dx (…)``) that derivative only."""
        f, formulas = self.expression, self.formulas()
        one = len(f.variables) == 1
        out = Writer()
        if self.asked is not None:
            return self._document_asked(out, lang)
        out.formula(formulas.function, 0)
        self._document_parameters(out, lang)
        out.blank()
        out.heading(translate("label.derivative" if len(f.variables) < 2 else "label.partials",
                              lang))
        for line in formulas.partials:
            out.formula(line)
        if one or not formulas.full:
            for line in formulas.second:
                out.formula(line)
        if self.constant:
            out.text(translate("diff.constant", lang), 2)
        if len(f.variables) > 1 and formulas.full:
            out.blank()
            out.heading(translate("label.gradient", lang))
            out.formula(formulas.gradient)
            out.blank()
            out.heading(translate("label.hessian", lang))
            out.formula(formulas.hessian)
        if self.at is not None:
            self._document_point(out, lang)
        return out.document()

    def _document_parameters(self, out: Writer, lang: str | None) -> None:
        f = self.expression
        if f.parameters:
            names = ", ".join(Math.of(p).unicode for p in f.parameters)
            out.text(f"{translate('label.parameters', lang)}: {names}")

    def _document_asked(self, out: Writer, lang: str | None) -> Document:
        """What was asked, its answer, and its value at the point."""
        asked, formula = self.asked, self.asked_formula()
        assert asked is not None and formula is not None
        if asked.of:
            f = self.expression
            out.formula(m.equation(Math.symbol(asked.of), Math(f.unicode, f.latex)), 0)
        out.formula(formula, 0)
        self._document_parameters(out, lang)
        if self.constant:
            out.text(translate("diff.constant", lang))
        if self.at is not None and self.derivative_at is not None:
            point = ", ".join(f"{Math.symbol(k).unicode} = {number(v)}"
                              for k, v in self.at.point.items())
            out.blank()
            out.heading(translate("label.at_point", lang, point=point))
            out.text(f"{requested.operator(asked).unicode} = {number(self.derivative_at)}", 2)
        return out.document()

    def _document_point(self, out: Writer, lang: str | None) -> None:
        assert self.at is not None
        names = tuple(self.at.point)
        values = [number(v) for v in self.at.point.values()]
        one = len(values) == 1
        coords = values[0] if one else "(" + ", ".join(values) + ")"
        shown = [Math.symbol(n).unicode for n in names]
        variables = shown[0] if one else "(" + ", ".join(shown) + ")"
        out.blank()
        out.heading(translate("label.at_point", lang, point=f"{variables} = {coords}"))
        out.text(f"{self.name} = {number(self.at.value)}", 2)
        gradient = [number(g) for g in self.at.gradient]
        if len(gradient) == 1:
            out.text(f"d{self.name}/d{shown[0]} = {gradient[0]}", 2)
        else:
            out.text(f"∇{self.name} = (" + ", ".join(gradient) + ")", 2)


def differentiate(f: Expression | str, wrt: Sequence[str] | None = None,
                  at: Mapping[str, Any] | None = None) -> DiffReport:
    """Partial derivatives, gradient and Hessian of ``f``; with ``at``, their values there.

    Args:
        f: the function.
        wrt: variables whose partials to report (default: all).
        at: a point ``{name: value}`` covering every variable.

    >>> r = differentiate("x^2 + 3xy + y^2", at={"x": 1, "y": 2})
    >>> r.partials, r.at.value, r.at.gradient
    ({'x': 2*x + 3*y, 'y': 3*x + 2*y}, 11.0, (8.0, 7.0))
    """
    expression = parse(f)
    names = tuple(expression.symbol(v).name for v in wrt) if wrt else expression.variable_names
    grad = expression.gradient()
    index = {v: i for i, v in enumerate(expression.variable_names)}
    partials = {v: grad[index[v]] for v in names}
    asked, derivative = expression.asked, None
    if asked is not None:
        derivative = requested.derivative(expression, asked)
    elif expression.is_constant:
        derivative = sympy.S.Zero
    point = value = None
    if at is not None:
        expression.require_concrete("diff --at")
        point = _at(expression, at)
        if derivative is not None:
            value = 0.0 if derivative == 0 else Expression.from_sympy(
                derivative, (*expression.variables, *expression.parameters)).at(at).value
    return DiffReport(expression, names, partials, grad, expression.hessian(), point,
                      asked, derivative, value)


def _at(expression: Expression, at: Mapping[str, Any]) -> PointValue:
    """f and ∇f at the point; a constant typed without variables is its value anywhere."""
    if expression.variables:
        return expression.at(at)
    value = float(expression.expr.evalf(17))
    return PointValue({str(k): float(v) for k, v in at.items()}, value, (0.0,) * len(at))
