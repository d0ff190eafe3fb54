"""What the chain rule found: the tree diagram, each path's product of partials, their sum.

One result presents itself three ways from the same data: :meth:`ChainRule.to_dict` (the
``--json`` object), :meth:`ChainRule.document` (the terminal, English or Korean) and
:meth:`ChainRule._repr_latex_` (notebooks).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import sympy

from nablab.calculus.notation import latex, unicode
from nablab.core.expression import Expression, ordered_symbols
from nablab.core.printing import to_str
from nablab.i18n import translate
from nablab.present import Document, Presentable, Writer, number


@dataclass(frozen=True)
class ChainPath:
    """One path of the tree diagram, from the output down to an independent variable.

    Attributes:
        nodes: the variables along it, ``("z", "x", "t")``.
        factors: the partial derivative of each edge, ``(∂z/∂x, ∂x/∂t)``, each in the
            variables of its own node.
    """

    nodes: tuple[str, ...]
    factors: tuple[Any, ...]

    @property
    def term(self) -> Any:
        """The product of the edges' partials: this path's share of the derivative."""
        return sympy.Mul(*self.factors)

    def to_dict(self) -> dict[str, Any]:
        return {"path": list(self.nodes), "term": to_str(self.term),
                "factors": [to_str(f) for f in self.factors]}


@dataclass(frozen=True)
class ChainDerivative:
    """∂z/∂t as the sum over paths, in the independent variables, and its check.

    Attributes:
        wrt: the independent variable t.
        paths: the paths from the output to t.
        result: the sum of the paths' terms with the intermediate variables substituted,
            simplified.
        direct: ``sympy.diff`` of the substituted function, the independent answer.
        symbolic: True when result − direct simplifies to 0; None when SymPy could not say.
        numeric: whether they agree at sample points (None: no point where both are real).
        value: the derivative at the point asked for (exact; ``nan`` where it is undefined),
            else None.
    """

    wrt: str
    paths: tuple[ChainPath, ...]
    result: Any
    direct: Any
    symbolic: bool | None
    numeric: bool | None
    value: Any = None

    @property
    def check(self) -> bool:
        """Whether the chain rule's answer is the direct derivative (proven, or at least never
        contradicted at a sample point when SymPy cannot simplify the difference)."""
        return self.numeric is not False and (self.symbolic is True or self.numeric is True)

    @property
    def total(self) -> Any:
        """Σ of the paths' terms, in the intermediate and independent variables."""
        return sympy.Add(*(p.term for p in self.paths))

    def to_dict(self) -> dict[str, Any]:
        value = None if self.value is None else _float(self.value)
        return {"wrt": self.wrt, "result": to_str(self.result),
                "latex": latex(self.result), "sum": to_str(self.total),
                "paths": [p.to_dict() for p in self.paths], "check": self.check,
                "check_symbolic": self.symbolic, "check_numeric": self.numeric,
                "direct": to_str(self.direct), "value": value,
                "exact_value": None if self.value is None or self.value is sympy.nan
                else to_str(self.value)}


@dataclass(frozen=True, repr=False)
class ChainRule(Presentable):
    """The chain rule through intermediate variables (see :func:`~nablab.calculus.chain_rule`).

    Attributes:
        expression: the outer function f of the intermediate variables.
        output: its name, ``z``.
        substitutions: ``((x, s t), (y, eᵗ))``, in f's order of variables.
        independent: the independent variables' names.
        composite: f with the substitutions made, a function of the independent variables.
        derivatives: one per variable asked for.
        at: the point where the derivatives were evaluated, else None.
    """

    expression: Expression
    output: str
    substitutions: tuple[tuple[str, Any], ...]
    independent: tuple[str, ...]
    composite: Any
    derivatives: tuple[ChainDerivative, ...]
    at: dict[str, Any] | None = None

    # -- the tree -------------------------------------------------------------------------
    def children(self, node: str) -> tuple[str, ...]:
        """The variables ``node`` depends on directly (the output: f's variables)."""
        if node == self.output:
            return self.expression.variable_names
        formula = dict(self.substitutions).get(node)
        return () if formula is None else tuple(s.name for s in
                                                ordered_symbols(formula.free_symbols))

    def levels(self) -> list[tuple[str, ...]]:
        """The output, the intermediate variables level by level, the independent ones."""
        inner = dict(self.substitutions)
        levels: list[tuple[str, ...]] = [(self.output,)]
        level = [n for n in self.children(self.output) if n in inner]
        while level:
            levels.append(tuple(level))
            level = list(dict.fromkeys(b for n in level for b in self.children(n)
                                       if b in inner))
        return [*levels, self.independent]

    def edge(self, top: str, bottom: str) -> str:
        """``∂z/∂x``, or ``dy/dt`` when ``top`` depends on ``bottom`` alone."""
        d = "d" if len(self.children(top)) == 1 else "∂"
        return f"{d}{_u(top)}/{d}{_u(bottom)}"

    def edges(self, path: ChainPath) -> str:
        """``∂z/∂x·∂x/∂t``: the chain rule's product along ``path``, written out."""
        return "·".join(self.edge(a, b) for a, b in pairwise(path.nodes))

    def lhs(self, wrt: str) -> str:
        """``∂z/∂t``, or ``dz/dt`` when t is the only independent variable."""
        d = "d" if len(self.independent) == 1 else "∂"
        return f"{d}{_u(self.output)}/{d}{_u(wrt)}"

    def tree_lines(self) -> list[str]:
        """The tree diagram as text, each edge with its partial derivative."""
        lines = [_u(self.output)]
        self._branches(self.output, "", lines)
        return lines

    def _branches(self, top: str, indent: str, lines: list[str]) -> None:
        formula = self.formula(top)
        below = self.children(top)
        for i, u in enumerate(below):
            last = i == len(below) - 1
            partial = sympy.diff(formula, sympy.Symbol(u, real=True))
            lines.append(f"{indent}{'└─' if last else '├─'} {_u(u)}    "
                         f"{self.edge(top, u)} = {unicode(partial)}")
            self._branches(u, indent + ("   " if last else "│  "), lines)

    def formula(self, node: str) -> Any:
        """What ``node`` is a function of: f for the output, else its substitution (0 for an
        independent variable)."""
        if node == self.output:
            return self.expression.expr
        return dict(self.substitutions).get(node, sympy.Integer(0))

    # -- presentations --------------------------------------------------------------------
    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        first = self.derivatives[0].to_dict() if self.derivatives else {}
        return {
            "function": to_str(self.expression.expr), "output": self.output,
            "intermediate": [x for x, _ in self.substitutions],
            "substitutions": {x: to_str(e) for x, e in self.substitutions},
            "independent": list(self.independent), "composite": to_str(self.composite),
            "tree": {n: list(self.children(n))
                     for n in (self.output, *(x for x, _ in self.substitutions))},
            "wrt": first.get("wrt"), "result": first.get("result"),
            "paths": first.get("paths", []),
            "check": all(d.check for d in self.derivatives),
            "at": None if self.at is None else {k: _float(v) for k, v in self.at.items()},
            "derivatives": [d.to_dict() for d in self.derivatives],
        }

    def document(self, lang: str | None = None) -> Document:
        """The functions, the tree diagram, then each derivative path by path and checked."""
        out = Writer()
        out.text(f"{_u(self.output)} = {self.expression.unicode}")
        out.texts([f"{_u(x)} = {unicode(e)}" for x, e in self.substitutions], 0)
        out.blank()
        out.heading(translate("chain.heading.tree", lang, levels=" → ".join(
            ", ".join(_u(n) for n in level) for level in self.levels())))
        out.texts(self.tree_lines())
        for d in self.derivatives:
            out.blank()
            self._derivative(out, d, lang)
        out.blank()
        out.text(translate("chain.backprop", lang))
        return out.document()

    def _derivative(self, out: Writer, d: ChainDerivative, lang: str | None) -> None:
        lhs = self.lhs(d.wrt)
        out.heading(translate("chain.heading.rule", lang, lhs=lhs, output=_u(self.output),
                              wrt=_u(d.wrt)))
        for p in d.paths:
            out.text(f"{' → '.join(_u(n) for n in p.nodes)}:   "
                     f"{self.edges(p)}"
                     f" = {' · '.join(_factor(f) for f in p.factors)}", 2)
        out.text(f"{lhs} = " + " + ".join(self.edges(p) for p in d.paths), 2)
        out.text(f"{' ' * len(lhs)} = " + " + ".join(" · ".join(_factor(f) for f in p.factors)
                                                     for p in d.paths), 2)
        independent = ", ".join(_u(v) for v in self.independent)
        out.text(translate("chain.in_terms", lang, variables=independent), 2)
        out.text(f"{lhs} = {unicode(d.result)}", 4)
        if d.value is not None and self.at is not None:
            point = ", ".join(f"{k} = {unicode(v)}" for k, v in self.at.items())
            near = _float(d.value)
            if d.value is sympy.nan:
                out.text(translate("chain.undefined", lang, point=point, lhs=lhs), 2)
            else:
                approx = "" if d.value.is_Rational or near is None else f" ≈ {number(near)}"
                out.text(translate("chain.value", lang, point=point, lhs=lhs,
                                   value=f"{unicode(d.value)}{approx}"), 2)
        key = "chain.check.ok" if d.symbolic else \
            ("chain.check.numeric" if d.check else "chain.check.failed")
        out.text(translate(key, lang, output=_u(self.output), composite=unicode(self.composite),
                           direct=unicode(d.direct), lhs=lhs), 2)

    def _repr_latex_(self) -> str:
        rows = []
        for d in self.derivatives:
            partial = r"\frac{d %s}{d %s}" if len(self.independent) == 1 else \
                r"\frac{\partial %s}{\partial %s}"
            rows.append(partial % (latex(sympy.Symbol(self.output)), latex(sympy.Symbol(d.wrt)))
                        + " = " + latex(d.result))
        return "$" + r" \qquad ".join(rows) + "$"

    def __str__(self) -> str:
        return "; ".join(f"{self.lhs(d.wrt)} = {unicode(d.result)}" for d in self.derivatives)


def _u(name: str) -> str:
    return unicode(sympy.Symbol(name))


def _factor(expr: Any) -> str:
    """A factor of a product as written: in parentheses when it is a sum or negative."""
    text = unicode(expr)
    return f"({text})" if expr.is_Add or text.startswith("−") else text


def _float(value: Any) -> float | None:
    try:
        result = float(value)
    except (TypeError, ValueError):
        return None
    return result if result == result and abs(result) != float("inf") else None


__all__ = ["ChainDerivative", "ChainPath", "ChainRule"]
