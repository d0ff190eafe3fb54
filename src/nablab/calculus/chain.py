"""The chain rule with intermediate variables: z = f(x, y), x = x(s, t), y = y(s, t).

    ∂z/∂t = Σ over the paths z → u → t of  ∂z/∂u · ∂u/∂t

The tree diagram has the output on top, the intermediate variables below it and the
independent variables at the bottom; each edge carries its partial derivative, each path from
the output to t contributes the product of its edges, and ∂z/∂t is the sum of the paths. This
is what backpropagation computes, from the output backwards: the partials of a network's loss
are sums over paths of products of local derivatives. Every result is checked against
differentiating the substituted function directly (``sympy.diff``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import sympy

from nablab.calculus.chain_result import ChainDerivative, ChainPath, ChainRule
from nablab.calculus.points import exact_number
from nablab.calculus.simplest import simplified
from nablab.calculus.verify import numerically_equal
from nablab.core.expression import Expression, ordered_symbols
from nablab.errors import ParseError, UsageError
from nablab.parse import canonical_name, parse

#: Seconds one simplification may take before the unsimplified form is shown instead.
#: Most paths one derivative may have (a deep tree doubles them at every shared variable).
MAX_PATHS = 200


@dataclass(frozen=True)
class _Tree:
    """Who depends on whom: the output's children, and each intermediate's."""

    output: str
    children: tuple[sympy.Symbol, ...]
    inner: dict[sympy.Symbol, Any]
    independent: tuple[sympy.Symbol, ...]

    def below(self, node: sympy.Symbol) -> tuple[sympy.Symbol, ...]:
        return ordered_symbols(self.inner[node].free_symbols) if node in self.inner else ()


def split_substitutions(text: str) -> list[str]:
    """``"x = s t, y = e^t"`` → ``["x = s t", "y = e^t"]`` (commas inside brackets kept)."""
    pieces, depth, start = [], 0, 0
    for i, char in enumerate(text):
        depth += char in "([{"
        depth -= char in ")]}"
        if char in ",;" and depth == 0:
            pieces.append(text[start:i])
            start = i + 1
    pieces.append(text[start:])
    return [p.strip() for p in pieces if p.strip()]


def substitutions(text: str | Mapping[str, Any]) -> dict[sympy.Symbol, Any]:
    """The intermediate variables and their formulas, read from ``x = s t, y = e^t``.

    Raises:
        UsageError: ``chain_no_sub``, ``chain_bad_sub`` (a piece that is not ``name = …``) or
            ``chain_sub_twice``.
    """
    items = list(text.items()) if isinstance(text, Mapping) else \
        [(None, piece) for piece in split_substitutions(text)]
    if not items:
        raise UsageError("chain_no_sub")
    table: dict[sympy.Symbol, Any] = {}
    for name, formula in items:
        expression = parse(formula)
        name = name or expression.name
        if name is None or expression.is_vector:
            raise UsageError("chain_bad_sub", text=str(formula))
        symbol = sympy.Symbol(_variable_name(str(name)), real=True)
        if symbol in table:
            raise UsageError("chain_sub_twice", name=symbol.name)
        table[symbol] = expression.expr
    return table


def _variable_name(name: str) -> str:
    """The name as the function's variables spell it: ``ŷ = …`` names the variable yhat."""
    try:
        return canonical_name(name)
    except ParseError:
        return name


def outer_variables(text: str, inner: Mapping[sympy.Symbol, Any]) -> list[str] | None:
    """The variables to read the outer function with, so that its intermediate variables are
    read as the substitutions name them: with ``yhat = w1 x1 + w2 x2``, ``(yhat - y)^2`` has
    the variable yhat, not y·h·a·t (``None``: the usual reading already does)."""
    plain = parse(text)
    named = [x.name for x in inner if x not in plain.variables and x.name in text]
    if not named:
        return None
    first = parse(text, named)
    return [*named, *(p.name for p in first.parameters)]


def _outer(f: Expression | str, inner: dict[sympy.Symbol, Any]) -> Expression:
    if isinstance(f, Expression):
        return f
    variables = outer_variables(f, inner)
    return parse(f, variables)


def _tree(f: Expression, inner: dict[sympy.Symbol, Any]) -> _Tree:
    names = ", ".join(f.variable_names)
    used: set[sympy.Symbol] = set(f.variables)
    for formula in inner.values():
        used |= formula.free_symbols
    taken = {s.name for s in used | set(inner)}
    # An unnamed f is called z, or the first of w, f, F, u that names no variable.
    output = f.name or next((n for n in ("z", "w", "f", "F", "u") if n not in taken), "z")
    for x in inner:
        if x not in used:
            raise UsageError("chain_not_intermediate", name=x.name, variables=names or "-")
        _refuse_cycle(x, inner, ())
    leaves = {v for v in used if v not in inner}
    if output in {s.name for s in leaves | set(inner)}:
        raise UsageError("chain_output_is_input", name=output)
    return _Tree(output, f.variables, inner, ordered_symbols(leaves))


def _refuse_cycle(x: sympy.Symbol, inner: dict[sympy.Symbol, Any],
                  above: tuple[sympy.Symbol, ...]) -> None:
    """Refuse an intermediate variable that depends on itself (x = y, y = x)."""
    if x in above:
        raise UsageError("chain_cycle", name=x.name,
                         other=" → ".join(s.name for s in (*above, x)))
    for below in inner.get(x, sympy.Integer(0)).free_symbols:
        if below in inner:
            _refuse_cycle(below, inner, (*above, x))


def _full(expr: Any, inner: dict[sympy.Symbol, Any]) -> Any:
    """``expr`` in the independent variables: substituted until no intermediate is left."""
    while expr.free_symbols & set(inner):
        expr = expr.xreplace(inner)
    return expr


def _paths(f: Expression, tree: _Tree, t: sympy.Symbol) -> tuple[ChainPath, ...]:
    """Each path from the output down to ``t``, with the partial of every edge."""
    paths: list[ChainPath] = []

    def walk(formula: Any, below: tuple[sympy.Symbol, ...], nodes: tuple[str, ...],
             factors: tuple[Any, ...]) -> None:
        for u in below:
            step = (*factors, sympy.diff(formula, u))
            if u == t:
                paths.append(ChainPath((*nodes, t.name), step))
            elif u in tree.inner:
                walk(tree.inner[u], tree.below(u), (*nodes, u.name), step)
            if len(paths) > MAX_PATHS:
                raise UsageError("chain_too_many_paths", count=MAX_PATHS)

    walk(f.expr, tree.children, (tree.output,), ())
    return tuple(paths)


def _derivative(f: Expression, tree: _Tree, composite: Any, t: sympy.Symbol,
                at: dict[sympy.Symbol, Any] | None) -> ChainDerivative:
    paths = _paths(f, tree, t)
    substituted = _full(sympy.Add(*(p.term for p in paths)), tree.inner)
    result = simplified(substituted)
    direct = sympy.diff(composite, t)
    symbolic = True if simplified(result - direct) == 0 else None
    numeric = numerically_equal(result, direct, tree.independent)
    value = None if at is None else simplified(result.xreplace(at))
    if value is not None and value.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo):
        value = sympy.nan      # undefined there: said so, never printed as zoo
    return ChainDerivative(t.name, paths, result, direct, symbolic, numeric, value)


def _top_down(first: tuple[sympy.Symbol, ...], tree: _Tree) -> list[sympy.Symbol]:
    """The intermediate variables level by level from the output (the order they are shown)."""
    order: list[sympy.Symbol] = []
    level = list(first)
    while level:
        order += [x for x in level if x in tree.inner and x not in order]
        level = list(dict.fromkeys(b for x in level for b in tree.below(x)))
    return order


def chain_rule(f: Expression | str, substitution: str | Mapping[str, Any],
               wrt: str | list[str] | None = None,
               at: Mapping[str, Any] | None = None) -> ChainRule:
    """The chain rule through intermediate variables, path by path, checked.

    With z = f(x, y), x = x(s, t), y = y(s, t):  ∂z/∂t = ∂z/∂x·∂x/∂t + ∂z/∂y·∂y/∂t.

    Args:
        f: the outer function of the intermediate variables (``z = x^2 y + y^3``); its
            variables that are not substituted are independent variables themselves.
        substitution: the intermediate variables, ``"x = s t, y = e^t"`` or a mapping.
        wrt: the independent variable(s) to differentiate by (default: each of them).
        at: optional values of the independent variables, where each derivative is evaluated.

    Returns:
        The :class:`ChainRule`: the tree, each derivative's paths, sum and check.

    Raises:
        UsageError: a substitution that is not ``name = …``, names no variable in the
            tree, makes a variable depend on itself, or ``wrt`` names no independent
            variable.

    >>> str(chain_rule("z = x^2 y + y^3", "x = s t, y = e^t", "s").derivatives[0].result)
    '2*s*t**2*exp(t)'
    """
    table = substitutions(substitution)
    expression = _outer(f, table)
    expression.require_scalar("chain")
    tree = _tree(expression, table)
    composite = _full(expression.expr, tree.inner)
    names = [s.name for s in tree.independent]
    asked = names if wrt is None else \
        ([w.strip() for w in wrt.split(",") if w.strip()] if isinstance(wrt, str) else wrt)
    for name in asked:
        if name not in names:
            raise UsageError("chain_unknown_wrt", name=name, variables=", ".join(names) or "-")
    point = None if at is None else \
        {sympy.Symbol(k, real=True): exact_number(v) for k, v in at.items()}
    derivatives = tuple(_derivative(expression, tree, composite, sympy.Symbol(n, real=True),
                                    point) for n in asked)
    inner = tuple((x.name, tree.inner[x]) for x in _top_down(expression.variables, tree))
    return ChainRule(expression, tree.output, inner, tuple(names), composite, derivatives,
                     None if at is None else {k: exact_number(v) for k, v in at.items()})


__all__ = ["MAX_PATHS", "chain_rule", "outer_variables", "split_substitutions", "substitutions"]
