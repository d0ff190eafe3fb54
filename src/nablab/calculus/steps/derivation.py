"""``derivative_steps(f, var)``: the rule tree, read in order, as one chain of equalities.

Read parents before children, each step replaces its derivative mark in the running
expression: d/dx(1 + e^(−x)) = d/dx(1) + d/dx(e^(−x)) = … = −e^(−x). So every step's output
is the next step's input, and every expression in the chain equals f′ — which the tests
check, along with the final result against ``sympy.diff``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

import sympy

from nablab.calculus import asked as requested
from nablab.calculus.notation import has_marks, mark
from nablab.calculus.steps.narrate import document, explain
from nablab.calculus.steps.rules import derive
from nablab.calculus.steps.step import FlatStep, Step, applied
from nablab.calculus.steps.tidy import SigmoidForm, readable, sigmoid_form
from nablab.calculus.verify import numerically_equal
from nablab.core.expression import Expression, ordered_symbols
from nablab.core.functions import sigmoid
from nablab.core.printing import to_str
from nablab.core.reading import AskedDerivative
from nablab.errors import UnsupportedError
from nablab.i18n import translate
from nablab.parse import parse
from nablab.present import Document, Math, Presentable, Writer
from nablab.present import math as m


@dataclass(frozen=True, repr=False)
class Derivation(Presentable):
    """A derivative worked out rule by rule.

    Attributes:
        expression: the function f.
        var: the variable x of d/dx (∂/∂x when f has several variables).
        root: the tree of steps.
        raw: the derivative as the rules produce it.
        result: the same, in a readable form.
        sigmoid: the result as c·σ(u)(1 − σ(u)), when it is one.
        verified: whether the result agrees with ``sympy.diff`` at random points
            (``None``: no point where both are defined was found).
        asked: the derivative the text asked for (``d²/dx² (…)``), else None.
        earlier: for a higher derivative, the derivations before this last one, in order
            (each one's result is the next one's function).
    """

    expression: Expression
    var: sympy.Symbol
    root: Step
    raw: Any
    result: Any
    sigmoid: SigmoidForm | None
    verified: bool | None
    asked: AskedDerivative | None = None
    earlier: tuple[Derivation, ...] = ()

    @property
    def partial(self) -> bool:
        """Whether this is a partial derivative (f has other variables, held constant; or
        the request was written with ∂)."""
        if self.asked is not None and self.asked.partial:
            return True
        return len(self.expression.variables) > 1

    @property
    def stages(self) -> tuple[Derivation, ...]:
        """Every differentiation in order: one, or one per order of a higher derivative."""
        return (*self.earlier, self)

    @property
    def held(self) -> tuple[sympy.Symbol, ...]:
        """The symbols treated as constants: the other variables and the parameters."""
        free = self.expression.expr.free_symbols - {self.var}
        return ordered_symbols(free)

    @cached_property
    def steps(self) -> tuple[FlatStep, ...]:
        """The steps in reading order, each carrying the chain before and after it."""
        return flatten(self)

    def chain(self) -> tuple[Any, ...]:
        """The derivation as one chain of equalities, as the notes write it: f′ with marks,
        each rewriting ((2 − x)² as 4 − 4x + x²) and each rule in turn, then the result."""
        partial = self.partial
        states: list[Any] = []
        for flat in self.steps:
            if flat.step is None:
                continue
            states.append(flat.before)
            if flat.step.rewrite is not None:
                old = mark(flat.step.input, flat.step.var, partial)
                states.append(flat.before.xreplace(
                    {old: mark(flat.step.rewrite, flat.step.var, partial)}))
        states += [self.raw, self.result]
        return tuple(s for i, s in enumerate(states) if i == 0 or s != states[i - 1])

    def to_dict(self, lang: str | None = None, lines: Sequence[Any] | None = None
                ) -> dict[str, Any]:
        """``{"result": str, "steps": [{"rule", "latex", "text"}]}`` (the ``--json`` shape).

        Args:
            lang: the language of the texts.
            lines: ``explain(self, lang)`` if already made (it prints every step).
        """
        shown = explain(self, lang) if lines is None else lines
        data: dict[str, Any] = {"result": to_str(self.result), "steps": _steps(shown)}
        if self.asked is None:
            return data
        if self.earlier:   # every differentiation's steps, each saying which one it is
            data["steps"] = [{**step, "stage": number}
                             for number, stage in enumerate(self.stages, 1)
                             for step in _steps(shown if stage is self
                                                else explain(stage, lang))]
        data["asked"] = requested.to_json(self.asked)
        data["stages"] = [{"variable": stage.var.name, "result": to_str(stage.result)}
                          for stage in self.stages]
        return data

    def document(self, lang: str | None = None) -> Document:
        """Numbered steps with their rules and sentences, the result, the chain of equalities;
        for a typed request, what was asked first, then each differentiation it takes."""
        if self.asked is None:
            return document(self, lang)
        first = self.stages[0].expression
        asked = requested.applied(first, self.asked)
        out = Writer()
        out.text(translate("steps.asked", lang, asked=asked.unicode))
        for number, stage in enumerate(self.stages, 1):
            out.blank()
            if len(self.stages) > 1:
                out.heading(translate("steps.stage", lang, number=number,
                                      operator=_operator(stage).unicode))
            out.blocks += document(stage, lang).blocks
        if len(self.stages) > 1:
            out.blank()
            out.heading(translate("label.result", lang))
            out.formula(m.equation(asked, Math.of(self.result)))
        return out.document()

    def __str__(self) -> str:
        from nablab.calculus.notation import unicode

        if self.asked is not None:
            asked = requested.applied(self.stages[0].expression, self.asked)
            return f"{asked.unicode} = {unicode(self.result)}"
        d = "∂" if self.partial else "d"
        return f"{d}/{d}{unicode(self.var)}({unicode(self.expression.expr)}) = " \
               f"{unicode(self.result)}"


def derivative_steps(f: Expression | str, var: sympy.Symbol | str | None = None) -> Derivation:
    """d f/d var worked out rule by rule, checked against ``sympy.diff``.

    Args:
        f: the function.
        var: the variable (default: the only one; required when f has several). Without
            it, a typed request (``d²/dx² (…)``, :attr:`Expression.asked`) is worked out.

    Returns:
        The :class:`Derivation`; ``str()`` of it is the one-line answer.

    Raises:
        ValueError: f has several variables and ``var`` is not given.

    >>> d = derivative_steps("1/(1 + e^{-x})")
    >>> d.result, d.root.rule, d.sigmoid.argument
    (exp(-x)/(1 + exp(-x))**2, 'reciprocal', x)
    """
    expression = parse(f)
    if expression.asked is not None and var is None:
        return asked_steps(expression)
    x = pick_variable(expression, var)
    root = derive(expression.expr, x)
    result = readable(root.output)
    reference = sympy.diff(expression.expr, x)
    symbols = ordered_symbols(expression.expr.free_symbols | {x})
    verified = numerically_equal(result, reference, symbols, domain=expression.expr)
    return Derivation(expression, x, root, root.output, result,
                      sigmoid_form(result, expression.expr), verified)


#: The most differentiations ``steps`` writes out for one request (``diff`` has no limit).
MAX_STAGES = 10


def asked_steps(f: Expression | str) -> Derivation:
    """The derivative the text asked for (``d/dx (…)``, ``d²/dx² (…)``, ``∂²/∂x∂y (…)``),
    rule by rule: one derivation per differentiation, each of the previous result.

    Raises:
        ValueError: the expression carries no request (:attr:`Expression.asked`).
        UnsupportedError: ``steps_order``, more than :data:`MAX_STAGES` differentiations.
    """
    expression = parse(f)
    asked = expression.asked
    if asked is None:
        raise ValueError("no derivative was asked for: use derivative_steps(f, var)")
    if asked.order > MAX_STAGES:
        raise UnsupportedError("steps_order", order=asked.order, limit=MAX_STAGES)
    order = [var for var, count in requested.differentiations(expression, asked)
             for _ in range(count)]
    stages: list[Derivation] = []
    current = expression   # dy/dx after y = …: the function is y
    if asked.of and not expression.name:
        current = replace(expression, name=asked.of)
    for number, var in enumerate(order):
        stage = replace(derivative_steps(current, var), asked=asked)
        stages.append(stage)
        if number + 1 < len(order):
            current = Expression(expression.source, stage.result, expression.variables,
                                 _stage_name(expression, asked, order[:number + 1]))
    return replace(stages[-1], earlier=tuple(stages[:-1]))


def _steps(lines: Sequence[Any]) -> list[dict[str, Any]]:
    return [{"rule": line.rule, "latex": line.latex, "text": line.text} for line in lines]


def _stage_name(expression: Expression, asked: AskedDerivative,
                done: Sequence[sympy.Symbol]) -> str:
    """f′, f″ (or ∂f/∂y, ∂²f/∂x∂y): the name of a derivative taken on the way."""
    name = expression.display_name
    if not asked.partial and len({v.name for v in done}) == 1 and len(done) <= 3:
        return name + "′″‴"[len(done) - 1]
    written = tuple((v.name, 1) for v in reversed(done))
    return requested.operator(AskedDerivative(written, True, name)).unicode


def _operator(stage: Derivation) -> Math:
    """d/dx or ∂/∂x: the one differentiation a stage does."""
    return requested.operator(AskedDerivative(((stage.var.name, 1),), stage.partial))


def pick_variable(expression: Expression, var: sympy.Symbol | str | None) -> sympy.Symbol:
    """The variable to differentiate by: ``var``, or the function's only variable.

    A constant function has no variables; it is differentiated by ``var`` or x.
    """
    if var is None:
        if len(expression.variables) > 1:
            raise ValueError("f has several variables: say which one, e.g. var='x'")
        return expression.variables[0] if expression.variables \
            else sympy.Symbol("x", real=True)
    if not expression.variables or (isinstance(var, sympy.Symbol)
                                    and var.name not in expression.variable_names):
        # a constant, or a request by a variable f does not contain (d/dz (x²) = 0)
        return var if isinstance(var, sympy.Symbol) else sympy.Symbol(str(var), real=True)
    return expression.symbol(var)


def flatten(derivation: Derivation) -> tuple[FlatStep, ...]:
    """The tree read parents first, with the chain of equalities it writes."""
    partial = derivation.partial
    state = mark(derivation.expression.expr, derivation.var, partial)
    out: list[FlatStep] = []
    for step, depth in _preorder(derivation.root, 0):
        new = state.xreplace({mark(step.input, step.var, partial): applied(step, partial)})
        out.append(FlatStep(step.rule, depth, step, state, new))
        state = new
    if has_marks(state):  # pragma: no cover - every mark is replaced by its own step
        raise AssertionError(f"unfinished derivation: {state}")
    if derivation.sigmoid is not None and not derivation.result.has(sigmoid):
        out.append(FlatStep("sigmoid", 0, None, derivation.result, derivation.sigmoid.expr))
    return tuple(out)


def _preorder(step: Step, depth: int) -> list[tuple[Step, int]]:
    out = [(step, depth)]
    for sub in step.substeps:
        out += _preorder(sub, depth + 1)
    return out


__all__ = ["Derivation", "asked_steps", "derivative_steps", "flatten", "pick_variable"]
