"""A derivation as data: a tree of frozen :class:`Step` nodes (SymPy's manualintegrate shape).

Each step names the rule it applies, the expression it differentiates (``input``), the
derivative it arrives at (``output``) and the sub-derivations the rule needs. The ``eval``
method recomputes the output from the sub-steps alone, so a tree can be checked without trusting
the ``output`` fields it carries.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import sympy

from nablab.calculus.notation import mark
from nablab.core.catalog import CATALOG
from nablab.core.spec import DerivativeRule

#: The rules a step may name (fixed: the ``--json`` output and the catalogue use them). The
#: table rules (``exponential`` … ``abs``) are named by the function catalog's derivative rules.
RULE_NAMES: tuple[str, ...] = (
    "constant", "identity", "power", "sum", "constant_multiple", "product", "quotient",
    "reciprocal", "chain", "exponential", "logarithm", "trig", "inverse_trig", "hyperbolic",
    "sigmoid", "abs", "abstract", "unknown",
)


@dataclass(frozen=True)
class Step:
    """One application of a differentiation rule.

    Attributes:
        rule: one of :data:`RULE_NAMES`.
        input: the expression differentiated.
        output: its derivative by ``var``.
        var: the variable (for the outer function of a chain rule, its placeholder u).
        substeps: the derivations this rule combines.
        rewrite: the equivalent form the rule works on, if not ``input`` itself
            ((2 − x)² as 4 − 4x + x²; xˣ as e^(x·ln x)).
        inner: for the chain rule, the inner function u(x).
        dummy: for the chain rule, the placeholder u.
        factor: the constant c of c·f, the exponent n of xⁿ, the base a of aˣ.
    """

    rule: str
    input: Any
    output: Any
    var: sympy.Symbol
    substeps: tuple[Step, ...] = ()
    rewrite: Any = None
    inner: Any = None
    dummy: sympy.Symbol | None = None
    factor: Any = None

    def __post_init__(self) -> None:
        if self.rule not in RULE_NAMES:
            raise ValueError(f"unknown rule {self.rule!r}; use one of {RULE_NAMES}")

    def eval(self) -> Any:  # safe: manualintegrate's method name; evaluates no text
        """The derivative recomputed from the sub-steps (never read from ``output``)."""
        parts = tuple(s.eval() for s in self.substeps)  # safe: recursion over the tree
        return combine(self, parts)

    def walk(self) -> Iterator[Step]:
        """This step and every step under it, parents before children."""
        yield self
        for sub in self.substeps:
            yield from sub.walk()

    def __str__(self) -> str:
        return f"{self.rule}: d/d{self.var}({self.input}) = {self.output}"


@dataclass(frozen=True)
class FlatStep:
    """One step in reading order.

    Attributes:
        rule: the rule's name.
        depth: how deep in the tree (0 for the whole function).
        step: the tree node (``None`` for the closing σ(1 − σ) identity).
        before: the whole derivation before this step (with derivative marks).
        after: the whole derivation after it.
    """

    rule: str
    depth: int
    step: Step | None
    before: Any
    after: Any


def combine(step: Step, d: tuple[Any, ...]) -> Any:
    """The rule's formula applied to the derivatives ``d`` of the sub-steps' inputs."""
    return _COMBINE[step.rule](step, d)


def applied(step: Step, partial: bool = False) -> Any:
    """The rule's right-hand side, with the parts' derivatives still marked.

    Sum: d/dx(f + g) ↦ d/dx(f) + d/dx(g); chain: d/dx(e^(−x)) ↦ e^(−x)·d/dx(−x) (the outer
    derivative is the table's, so it is written out at once). A leaf gives its output.
    """
    if not step.substeps:
        return step.output
    parts = tuple(s.output if s.var != step.var else mark(s.input, s.var, partial)
                  for s in step.substeps)
    return combine(step, parts)


def _parts(step: Step) -> tuple[Any, Any]:
    return step.substeps[0].input, step.substeps[1].input


def _product(step: Step, d: tuple[Any, ...]) -> Any:
    f, g = _parts(step)
    return d[0] * g + f * d[1]


def _quotient(step: Step, d: tuple[Any, ...]) -> Any:
    f, g = _parts(step)
    return (d[0] * g - f * d[1]) / g**2


def _reciprocal(step: Step, d: tuple[Any, ...]) -> Any:
    g = step.substeps[0].input
    return -d[0] / g**2


def _chain(step: Step, d: tuple[Any, ...]) -> Any:
    outer = d[0]
    if outer.has(sympy.Derivative):   # f′(u) at u = x²: f′(x²), SymPy's Subs (f undefined)
        w = sympy.Dummy("w", real=True)   # bound inside Subs, apart from the placeholder
        outer = outer.xreplace({e: sympy.Subs(e.xreplace({step.dummy: w}), w, step.inner).doit()
                                for e in outer.atoms(sympy.Derivative)
                                if step.dummy in e.free_symbols})
    outer = outer.xreplace({step.dummy: step.inner})
    if step.rewrite is not None:  # back to the form the user wrote: e^(x·ln x) → xˣ
        outer = outer.xreplace({step.rewrite: step.input})
    return outer * d[1]


def _exponential(step: Step, d: tuple[Any, ...]) -> Any:
    if step.factor is not None:  # aᵘ: (aᵘ)′ = aᵘ·ln a
        return step.input * sympy.log(step.factor)
    return _table(step, d)


def table_rule(expr: Any) -> DerivativeRule | None:
    """The derivative rule of ``expr``'s head function in the catalog, if it has one."""
    row = CATALOG.of(expr)
    return None if row is None else row.derivative


def _table(step: Step, d: tuple[Any, ...]) -> Any:
    rule = table_rule(step.input)
    if rule is None:
        raise ValueError(f"no table entry for {step.input}")
    return rule.formula(step.var)


_COMBINE: dict[str, Callable[[Step, tuple[Any, ...]], Any]] = {
    "constant": lambda s, d: sympy.S.Zero,
    "identity": lambda s, d: sympy.S.One,
    "power": lambda s, d: s.factor * s.var ** (s.factor - 1),
    "sum": lambda s, d: sympy.Add(*d),
    "constant_multiple": lambda s, d: s.factor * d[0],
    "product": _product,
    "quotient": _quotient,
    "reciprocal": _reciprocal,
    "chain": _chain,
    "exponential": _exponential,
    "logarithm": _table,
    "trig": _table,
    "inverse_trig": _table,
    "hyperbolic": _table,
    "sigmoid": _table,
    "abs": _table,
    "abstract": lambda s, d: sympy.Derivative(s.input, s.var),
    "unknown": lambda s, d: sympy.diff(s.input, s.var),
}


__all__ = ["RULE_NAMES", "FlatStep", "Step", "applied", "combine", "table_rule"]
