"""The differentiation rules, in one table keyed by SymPy node type.

:func:`derive` looks up the node's type (``Add``, ``Mul``, ``Pow``, …) in :data:`RULES`, or
the function's row in :data:`nablab.core.catalog.CATALOG` (``sin``, ``σ``, …: the basic
derivatives), and lets the rule build a :class:`Step`, deriving the parts it needs. A node
free of the variable is a constant first of all (for a partial derivative, that is how the
other variables are held constant); a node with no rule is an honest ``unknown`` step that
carries SymPy's answer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sympy
from sympy import Add, Mul, Pow
from sympy.core.function import AppliedUndef

from nablab.calculus.steps.step import Step, combine, table_rule
from nablab.core.textbook import textbook_terms

Rule = Callable[[Any, sympy.Symbol], Step]
_PLACEHOLDERS = ("u", "v", "w", "t", "s")


def derive(expr: Any, var: sympy.Symbol) -> Step:
    """The derivation of d/dvar(expr) as a tree of steps.

    >>> x = sympy.Symbol("x", real=True)
    >>> derive(sympy.exp(-x), x).rule
    'chain'
    """
    if not expr.has(var):
        return constant(expr, var)
    if table_rule(expr) is not None:
        return function_rule(expr, var)
    for cls in type(expr).__mro__:
        rule = RULES.get(cls)
        if rule is not None:
            return rule(expr, var)
    return unknown(expr, var)


def _step(rule: str, expr: Any, var: sympy.Symbol, subs: tuple[Step, ...] = (),
          **fields: Any) -> Step:
    """A step whose output is its rule applied to the sub-steps' outputs."""
    draft = Step(rule, expr, sympy.S.Zero, var, subs, **fields)
    return Step(rule, expr, combine(draft, tuple(s.output for s in subs)), var, subs, **fields)


def constant(expr: Any, var: sympy.Symbol) -> Step:
    """Constant rule: (c)′ = 0 (for ∂/∂x, anything free of x is a constant)."""
    return _step("constant", expr, var)


def identity(expr: Any, var: sympy.Symbol) -> Step:
    """Identity rule: (x)′ = 1."""
    return _step("identity", expr, var)


def power(expr: Any, var: sympy.Symbol) -> Step:
    """Power rule: (xⁿ)′ = n·xⁿ⁻¹ for a constant n."""
    return _step("power", expr, var, factor=expr.exp)


def sum_rule(expr: Any, var: sympy.Symbol, rewrite: Any = None) -> Step:
    """Sum rule (linearity): (f + g)′ = f′ + g′, term by term."""
    # term by term in the order the sum is printed (inside d/dx(…)), so the steps follow it
    terms = textbook_terms(rewrite if rewrite is not None else expr, nested=True)
    return _step("sum", expr, var, tuple(derive(t, var) for t in terms), rewrite=rewrite)


def constant_multiple(expr: Any, var: sympy.Symbol, c: Any, rest: Any) -> Step:
    """Constant multiple rule (linearity): (c·f)′ = c·f′."""
    return _step("constant_multiple", expr, var, (derive(rest, var),), factor=c)


def product(expr: Any, var: sympy.Symbol, f: Any, g: Any) -> Step:
    """Product rule: (f·g)′ = f′·g + f·g′."""
    return _step("product", expr, var, (derive(f, var), derive(g, var)))


def quotient(expr: Any, var: sympy.Symbol, f: Any, g: Any) -> Step:
    """Quotient rule: (f/g)′ = (f′·g − f·g′)/g²."""
    return _step("quotient", expr, var, (derive(f, var), derive(g, var)))


def reciprocal(expr: Any, var: sympy.Symbol, g: Any) -> Step:
    """Reciprocal rule: (1/g)′ = −g′/g²."""
    return _step("reciprocal", expr, var, (derive(g, var),))


def chain(expr: Any, var: sympy.Symbol, inner: Any, outer: Callable[[Any], Any],
          rewrite: Any = None) -> Step:
    """Chain rule: (F(u(x)))′ = F′(u)·u′(x), with the outer derivative taken at u = u(x).

    Args:
        expr: F(u(x)).
        inner: u(x).
        outer: u ↦ F(u).
        rewrite: the form F(u(x)) when ``expr`` is written differently (xˣ = e^(x·ln x)).
    """
    u = placeholder(expr)
    subs = (derive(outer(u), u), derive(inner, var))
    return _step("chain", expr, var, subs, rewrite=rewrite, inner=inner, dummy=u)


def placeholder(expr: Any) -> sympy.Dummy:
    """A real placeholder u for the inner function, named apart from expr's symbols."""
    taken = {s.name for s in expr.free_symbols}
    name = next((n for n in _PLACEHOLDERS if n not in taken), "u")
    return sympy.Dummy(name, real=True)


def unknown(expr: Any, var: sympy.Symbol) -> Step:
    """No rule applies: SymPy's derivative, reported as such, not derived step by step."""
    return _step("unknown", expr, var)


def function_rule(expr: Any, var: sympy.Symbol) -> Step:
    """A basic function F of the catalog: (F(x))′ from its row, else the chain rule."""
    rule = table_rule(expr)
    arg = expr.args[0]
    if rule is None or len(expr.args) != 1:
        return unknown(expr, var)
    if arg == var:
        return _step(rule.rule, expr, var)
    func = expr.func
    return chain(expr, var, arg, lambda u: func(u))


def abstract_rule(expr: Any, var: sympy.Symbol) -> Step:
    """An undefined function f(x): its derivative is f′(x), left as it is; f(g(x)) by the
    chain rule, f′(g(x))·g′(x). Several arguments, each a variable: ∂f/∂x, left as it is."""
    args = expr.args
    if len(args) == 1 and args[0] != var:
        func = expr.func
        return chain(expr, var, args[0], lambda u: func(u))
    if all(isinstance(a, sympy.Symbol) for a in args):
        return _step("abstract", expr, var)
    return unknown(expr, var)


def symbol_rule(expr: Any, var: sympy.Symbol) -> Step:
    """x itself (any other symbol never gets here: it is a constant)."""
    return identity(expr, var)


def add_rule(expr: Any, var: sympy.Symbol) -> Step:
    return sum_rule(expr, var)


def mul_rule(expr: Any, var: sympy.Symbol) -> Step:
    """c·f → constant multiple; f/g → quotient; 1/(g·h) → reciprocal; f·g → product."""
    c, rest = expr.as_independent(var, as_Add=False)
    if c != 1:
        return constant_multiple(expr, var, c, rest)
    factors = Mul.make_args(rest)
    below = [f for f in factors if f.is_Pow and f.exp.is_number and f.exp.is_negative]
    above = [f for f in factors if f not in below]
    if below:
        g = Mul(*(Pow(f.base, -f.exp) for f in below))
        if not above:
            return reciprocal(expr, var, g)
        return quotient(expr, var, Mul(*above), g)
    return product(expr, var, factors[0], Mul(*factors[1:]))


def pow_rule(expr: Any, var: sympy.Symbol) -> Step:
    """xⁿ → power; aᵘ → exponential; 1/g → reciprocal; (2 − x)² → expand (as the notes do);
    g(x)ⁿ → chain; f(x)^g(x) = e^(g·ln f) → chain."""
    base, n = expr.base, expr.exp
    if n.has(var):
        if base.has(var):
            return chain(expr, var, n * sympy.log(base), sympy.exp,
                         rewrite=sympy.exp(n * sympy.log(base)))
        if n == var:
            return _step("exponential", expr, var, factor=base)
        return chain(expr, var, n, lambda u: Pow(base, u))
    if base == var:
        return power(expr, var)
    if n == -1:
        return reciprocal(expr, var, base)
    if n == 2 and _linear_binomial(base, var):
        return sum_rule(expr, var, rewrite=sympy.expand(expr))
    return chain(expr, var, base, lambda u: Pow(u, n))


def _linear_binomial(base: Any, var: sympy.Symbol) -> bool:
    """a + b·x: the notes square it out and use linearity, (2 − x)² = 4 − 4x + x²."""
    if not (base.is_Add and len(base.args) == 2 and base.is_polynomial(var)):
        return False
    return bool(sympy.degree(base, var) == 1)


#: The rule table: SymPy node type → the rule that differentiates it (functions with a
#: derivative rule in the catalog go to :func:`function_rule` first).
RULES: dict[type, Rule] = {
    sympy.Symbol: symbol_rule,
    Add: add_rule,
    Mul: mul_rule,
    Pow: pow_rule,
    AppliedUndef: abstract_rule,
}


__all__ = ["RULES", "derive"]
