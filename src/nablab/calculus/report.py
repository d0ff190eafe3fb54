"""Everything ``nablab diff`` shows: partial derivatives, ∇f, the Hessian, values at a point."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sympy

from nablab.core.expression import Expression, PointValue
from nablab.core.printing import to_str, to_unicode
from nablab.parse import parse


@dataclass(frozen=True)
class DiffReport:
    """The derivatives of a function, and optionally their values at a point.

    Attributes:
        expression: the function.
        wrt: the variables whose partial derivatives were asked for (all by default).
        partials: ∂f/∂v for each v in ``wrt``.
        gradient: ∇f, one entry per variable.
        hessian: the Hessian matrix.
        at: value and gradient at the point, if one was given.
    """

    expression: Expression
    wrt: tuple[str, ...]
    partials: dict[str, Any]
    gradient: tuple[Any, ...]
    hessian: sympy.ImmutableMatrix
    at: PointValue | None

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
        }

    def display(self) -> dict[str, Any]:
        """The same content as Unicode math, for terminals."""
        f = self.expression
        return {
            "name": f.name or "f",
            "variables": [to_unicode(v) for v in f.variables],
            "parameters": [to_unicode(p) for p in f.parameters],
            "expression": f.unicode,
            "partials": [(to_unicode(sympy.Symbol(v)), to_unicode(e))
                         for v, e in self.partials.items()],
            "second": [(to_unicode(sympy.Symbol(v)), to_unicode(self.hessian[i, i]))
                       for i, v in enumerate(f.variable_names) if v in self.wrt],
            "gradient": [to_unicode(g) for g in self.gradient],
            "hessian": [[to_unicode(e) for e in row] for row in self.hessian.tolist()],
            "at": None if self.at is None else self.at.to_dict(),
        }


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
    point = expression.at(at) if at is not None else None
    return DiffReport(expression, names, partials, grad, expression.hessian(), point)
