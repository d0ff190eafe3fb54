r"""A formula as a computational graph, with backpropagation run through it node by node.

Every operation of the formula's SymPy tree is a node; a sub-expression that occurs more than
once is one node (common-subexpression elimination), so σ(wx + b)·(1 − σ(wx + b)) computes σ
once and passes two adjoints back into it. Constants are folded into the operation that uses
them (``2·v₁``, ``v₂²``): the nodes are the variables and what depends on them.

Forward pass: each node's value from its inputs' values. Backward pass (reverse mode): the
adjoint v̄ = ∂f/∂v of the output is 1, and going back through the nodes in reverse order,
the chain rule adds each node's share to its inputs,

    ū ← ū + v̄ · ∂v/∂u      for every edge u → v,

so a node used twice collects both contributions. The adjoints of the variables are ∇f. Values
are carried with 30 significant digits and rounded to floats at the end.

>>> g = graph("sigmoid(w*x + b)", "w=2,x=1,b=-1")
>>> [(n.id, n.op, n.inputs) for n in g.nodes[3:]]
[('v1', 'mul', ('w', 'x')), ('v2', 'add', ('b', 'v1')), ('v3', 'sigmoid', ('v2',))]
>>> round(g.gradient["w"], 6)
0.196612
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import sympy

from nablab.core.expression import Expression
from nablab.core.printing import symbol_display, to_str, to_unicode
from nablab.errors import DomainError, UnsupportedError
from nablab.i18n import translate
from nablab.numeric import compile
from nablab.numeric.finite_diff import central_gradient
from nablab.optimize.present import fmt
from nablab.parse import parse, parse_point
from nablab.present import Document, Presentable, Writer

#: The most nodes of one graph (each node is differentiated and evaluated exactly).
MAX_NODES = 120
#: Significant digits carried through both passes.
DIGITS = 30


@dataclass(frozen=True)
class Node:
    """One node: an input variable, or an operation on earlier nodes.

    Attributes:
        id: the variable's name, or ``v1``, ``v2``, … in the order they are computed.
        op: ``input``, or the operation (``add``, ``mul``, ``pow``, ``exp``, ``sigmoid``, …).
        inputs: the ids of the nodes it reads.
        local: what it computes, in terms of its inputs' ids (``v1 + b``).
        expr: what it computes, in terms of the variables (``b + w*x``).
        value: its value in the forward pass.
        adjoint: ∂f/∂(this node), from the backward pass.
        partials: ∂(this node)/∂(input) symbolically, one per input.
        partial_values: those local derivatives at the point.
    """

    id: str
    op: str
    inputs: tuple[str, ...]
    local: Any
    expr: Any
    value: float
    adjoint: float
    partials: tuple[Any, ...] = ()
    partial_values: tuple[float, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "op": self.op, "inputs": list(self.inputs), "value": self.value,
                "adjoint": self.adjoint, "computes": to_str(self.local),
                "expr": to_str(self.expr),
                "local_derivatives": {i: {"formula": to_str(p), "value": v} for i, p, v in
                                      zip(self.inputs, self.partials, self.partial_values,
                                          strict=True)}}


@dataclass(frozen=True)
class GradientCheck:
    """∇f three ways and how far apart they are.

    Attributes:
        symbolic: ∂f/∂xᵢ from the exact derivatives, evaluated at the point.
        finite_difference: central differences (f(x + h eᵢ) − f(x − h eᵢ))/2h.
        backprop: the adjoints of the variables.
        max_rel_error: the largest |a − s| / max(|a|, |s|, 10⁻⁸) of either numeric form a
            against the symbolic s.
    """

    symbolic: dict[str, float]
    finite_difference: dict[str, float]
    backprop: dict[str, float]
    max_rel_error: float

    def to_dict(self) -> dict[str, Any]:
        return {"max_rel_error": self.max_rel_error, "symbolic": self.symbolic,
                "finite_difference": self.finite_difference, "backprop": self.backprop}


@dataclass(frozen=True, repr=False)
class GraphResult(Presentable):
    """The graph of f at a point: nodes in computing order, ∇f by backprop, the check."""

    expression: Expression
    point: dict[str, float]
    nodes: tuple[Node, ...]
    gradient: dict[str, float]
    check: GradientCheck
    value: float = field(default=0.0)

    @property
    def output(self) -> Node:
        return self.nodes[-1]

    def to_dict(self) -> dict[str, Any]:
        """``{"nodes", "gradient", "check": {"max_rel_error", …}}`` and the formula."""
        return {"nodes": [n.to_dict() for n in self.nodes], "gradient": dict(self.gradient),
                "check": self.check.to_dict(), "output": self.output.id, "value": self.value,
                "expression": to_str(self.expression.expr), "point": dict(self.point)}

    def backward_lines(self) -> list[str]:
        """One line per edge u → v, output first: ∂f/∂u += ∂f/∂v · ∂v/∂u = … ."""
        name = self.expression.name or "f"
        lines = []
        for node in reversed(self.nodes):
            for source, formula, local in zip(node.inputs, node.partials, node.partial_values,
                                              strict=True):
                v, u = symbol_display(node.id), symbol_display(source)
                factor = fmt(local) if formula.is_Number else \
                    f"({to_unicode(formula)} = {fmt(local)})"
                lines.append(f"∂{name}/∂{u} += ∂{name}/∂{v} · ∂{v}/∂{u} = {fmt(node.adjoint)} · "
                             f"{factor} = {fmt(node.adjoint * local)}")
        return lines

    def document(self, lang: str | None = None) -> Document:
        """Forward (each node's value), backward (each edge's share), and the three-way check."""
        def t(key: str, **params: Any) -> str:
            return translate(key, lang, **params)

        f = self.expression
        name, output = f.name or "f", symbol_display(self.output.id)
        function = f"{name}({', '.join(symbol_display(v) for v in f.variable_names)}) = " \
                   f"{f.unicode}"
        point = ", ".join(f"{symbol_display(k)} = {fmt(v)}" for k, v in self.point.items())
        out = Writer()
        out.heading(t("network.graph.title", function=function, point=point))
        out.text(t("network.graph.forward", output=output))
        nodes = [[symbol_display(n.id), t(f"network.op.{n.op}") if n.op == "input" else n.op,
                  "" if n.op == "input" else to_unicode(n.local), fmt(n.value), fmt(n.adjoint)]
                 for n in self.nodes]
        out.table([t("network.graph.node"), t("network.graph.op"), t("network.graph.computes"),
                   t("network.graph.value"), t("network.graph.adjoint", name=name)], nodes,
                  right=(3, 4), indent=2)
        out.blank()
        out.heading(t("network.graph.backward", name=name, output=output))
        out.texts(self.backward_lines())
        out.blank()
        out.heading(t("network.graph.check"))
        check = self.check
        rows = [[f"∂{name}/∂{symbol_display(v)}", fmt(self.gradient[v], 12),
                 fmt(check.symbolic[v], 12), fmt(check.finite_difference[v], 12)]
                for v in f.variable_names]
        out.table(["", t("network.graph.by_backprop"), t("network.graph.by_symbolic"),
                   t("network.graph.by_differences")], rows, right=(1, 2, 3), indent=2)
        out.text(t("network.graph.max_error", error=f"{check.max_rel_error:.2e}"))
        return out.document()


def graph(f: Expression | str, at: Mapping[str, Any] | str) -> GraphResult:
    """Build f's computational graph, run the forward and backward passes at ``at``, check ∇f.

    Args:
        f: the formula (every name in it is a variable).
        at: the point, ``"w=2,x=1,b=-1"`` or ``{name: value}``.

    Raises:
        UnsupportedError: a vector function, a constant, or more than :data:`MAX_NODES` nodes.
        DomainError: a node or a local derivative is undefined or not finite at the point.
    """
    expression = parse(f)
    expression.require_numeric("graph")
    if expression.is_vector:
        raise UnsupportedError("vector_function", operation="graph")
    if not expression.variables or expression.is_constant:   # no node computes anything
        raise UnsupportedError("graph_constant")
    names = expression.variable_names
    point = parse_point(at, names) if isinstance(at, str) else {n: _number(at[n]) for n in names}
    shapes = _structure(expression)
    values = _forward(shapes, point)
    adjoints, partials = _backward(shapes, values)
    nodes = tuple(Node(s.id, s.op, s.inputs, s.local, s.expr, _float(values[s.id], _label(s)),
                       _float(adjoints[s.id], f"∂f/∂{s.id}"), s.partials,
                       tuple(_float(v, f"∂{s.id}/∂{i}")
                             for i, v in zip(s.inputs, partials.get(s.id, ()), strict=True)))
                  for s in shapes)
    gradient = {n: _float(adjoints[n], f"∂f/∂{n}") for n in names}
    floats = {n: float(sympy.Float(point[n], DIGITS)) for n in names}
    return GraphResult(expression, floats, nodes, gradient,
                       gradient_check(expression, point, gradient), nodes[-1].value)


@dataclass(frozen=True)
class _Shape:
    """A node before any number: its id, operation, inputs and formulas."""

    id: str
    op: str
    inputs: tuple[str, ...]
    local: Any
    expr: Any
    partials: tuple[Any, ...]


def _structure(expression: Expression) -> list[_Shape]:
    """The nodes in computing order: variables first, then operations (post-order, shared)."""
    variables = set(expression.variables)
    taken = set(expression.variable_names)
    shapes = [_Shape(v.name, "input", (), v, v, ()) for v in expression.variables]
    ids: dict[Any, str] = {v: v.name for v in expression.variables}
    counter = 0
    stack: list[tuple[Any, bool]] = [(expression.expr, False)]
    while stack:
        expr, ready = stack.pop()
        if expr in ids or not (expr.free_symbols & variables):
            continue
        children = [a for a in expr.args if a.free_symbols & variables]
        if not ready:
            stack.append((expr, True))
            stack.extend((c, False) for c in reversed(children))
            continue
        counter += 1
        while f"v{counter}" in taken:
            counter += 1
        ids[expr] = f"v{counter}"
        shapes.append(_shape(ids[expr], expr, children, ids))
        if len(shapes) > MAX_NODES:
            raise UnsupportedError("graph_too_large", limit=MAX_NODES)
    return shapes


def _shape(node_id: str, expr: Any, children: list[Any], ids: dict[Any, str]) -> _Shape:
    """One operation: its inputs' ids as symbols in place of the inputs, and ∂/∂ each."""
    inputs = tuple(dict.fromkeys(ids[c] for c in children))
    symbols = {i: sympy.Symbol(i, real=True) for i in inputs}
    local = expr.func(*(symbols[ids[a]] if a in ids and a in children else a
                        for a in expr.args))
    partials = tuple(sympy.diff(local, symbols[i]) for i in inputs)
    return _Shape(node_id, type(expr).__name__.lower(), inputs, local, expr, partials)


def _label(shape: _Shape) -> str:
    """``v1 = x²`` (or the variable's name), for messages."""
    return shape.id if shape.op == "input" else f"{shape.id} = {to_unicode(shape.local)}"


def _evaluate(formula: Any, values: Mapping[str, Any], what: str) -> Any:
    """A formula of node ids at the nodes' values, to :data:`DIGITS` digits, checked real."""
    subs = {s: values[s.name] for s in formula.free_symbols}
    number = formula.xreplace(subs).evalf(DIGITS)
    if number.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo) or not number.is_real \
            or not number.is_finite:
        raise DomainError("undefined_at_point", what=what)
    return number


def _forward(shapes: list[_Shape], point: Mapping[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for s in shapes:
        formula = point[s.id] if s.op == "input" else s.local
        values[s.id] = _evaluate(formula, values, _label(s))
    return values


def _backward(shapes: list[_Shape],
              values: dict[str, Any]) -> tuple[dict[str, Any], dict[str, list[Any]]]:
    """Adjoints ∂f/∂v, output first: each edge u → v adds v̄·∂v/∂u to ū."""
    adjoints: dict[str, Any] = {s.id: sympy.Float(0, DIGITS) for s in shapes}
    adjoints[shapes[-1].id] = sympy.Float(1, DIGITS)
    partials: dict[str, list[Any]] = {}
    for s in reversed(shapes):
        local = [_evaluate(p, values, f"∂{s.id}/∂{i} = {to_unicode(p)}")
                 for i, p in zip(s.inputs, s.partials, strict=True)]
        partials[s.id] = local
        for i, d in zip(s.inputs, local, strict=True):
            adjoints[i] = adjoints[i] + adjoints[s.id] * d
    return adjoints, partials


def _number(value: Any) -> Any:
    """A coordinate given in code as an exact SymPy number (text must go through parse)."""
    if isinstance(value, sympy.Basic):
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"a coordinate must be a number, got {type(value).__name__}")
    return sympy.Integer(value) if isinstance(value, int) else sympy.Rational(value)


def _float(value: Any, what: str) -> float:
    number = float(value)
    if not np.isfinite(number):
        raise DomainError("value_too_large", what=what)
    return number


def relative_error(a: float, b: float) -> float:
    """|a − b| / max(|a|, |b|, 10⁻⁸): relative, but absolute for numbers near 0."""
    return abs(a - b) / max(abs(a), abs(b), 1e-8)


def gradient_check(expression: Expression, point: Mapping[str, Any],
                   backprop: Mapping[str, float]) -> GradientCheck:
    """Symbolic ∇f, central differences and backprop at one point, and their largest gap.

    Raises:
        DomainError: f or a partial derivative is undefined at the point.
    """
    names = expression.variable_names
    symbolic = dict(zip(names, expression.at(dict(point)).gradient, strict=True))
    floats = [float(sympy.Float(point[n], DIGITS)) for n in names]
    try:
        differences = central_gradient(compile(expression).f, floats)
    except (TypeError, NameError) as exc:
        raise UnsupportedError("no_numeric_gradient") from exc
    numeric = {n: float(v) for n, v in zip(names, differences, strict=True)}
    worst = max(max(relative_error(numeric[n], symbolic[n]),
                    relative_error(backprop[n], symbolic[n])) for n in names)
    if not np.isfinite(worst):
        worst = float(np.finfo(float).max)
    return GradientCheck(symbolic, numeric, dict(backprop), worst)


__all__ = ["DIGITS", "MAX_NODES", "GradientCheck", "GraphResult", "Node", "gradient_check",
           "graph", "relative_error"]
