"""Text and LaTeX of a derivation: the one place where steps become words and formulas.

Each step gets the rule's general formula, its equation (before = … = after) in Unicode
and LaTeX, and one sentence from the catalogue in the asked language. For a partial
derivative the sentences of constants say which variables are held constant.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

import sympy

from nablab.calculus.notation import latex, mark, unicode
from nablab.calculus.steps.step import FlatStep, Step, applied, table_rule
from nablab.calculus.steps.tidy import SigmoidForm
from nablab.calculus.verify import check_sentence
from nablab.core.catalog import CATALOG
from nablab.core.expression import Expression
from nablab.core.functions import sigmoid
from nablab.i18n import translate
from nablab.i18n.width import cell_width
from nablab.present import Document, Math, Writer

#: General formulas (Unicode, LaTeX), ``str.format`` templates: ``{x}`` is the step's variable.
#: A function's own formula (σ′ = σ(1 − σ)) is its derivative rule's ``shown`` in the catalog.
FORMULAS: dict[str, tuple[str, str]] = {
    "constant": ("(c)′ = 0", "(c)' = 0"),
    "identity": ("({x})′ = 1", "({x})' = 1"),
    "power": ("({x}ⁿ)′ = n·{x}ⁿ⁻¹", "({x}^{{n}})' = n {x}^{{n-1}}"),
    "sum": ("(f + g)′ = f′ + g′", "(f + g)' = f' + g'"),
    "constant_multiple": ("(c·f)′ = c·f′", "(c f)' = c f'"),
    "product": ("(f·g)′ = f′·g + f·g′", "(f g)' = f' g + f g'"),
    "product_uv": ("(u·v)′ = u′·v + u·v′", "(u v)' = u' v + u v'"),
    "quotient": ("(f/g)′ = (f′·g − f·g′)/g²",
                 r"\left(\frac{{f}}{{g}}\right)' = \frac{{f' g - f g'}}{{g^{{2}}}}"),
    "quotient_uv": ("(u/v)′ = (u′·v − u·v′)/v²",
                    r"\left(\frac{{u}}{{v}}\right)' = \frac{{u' v - u v'}}{{v^{{2}}}}"),
    "reciprocal": ("(1/g)′ = −g′/g²",
                   r"\left(\frac{{1}}{{g}}\right)' = -\frac{{g'}}{{g^{{2}}}}"),
    "chain": ("(F(u))′ = F′(u)·u′", "(F(u))' = F'(u) u'"),
    "exponential_base": ("(a^{x})′ = a^{x}·ln a", r"(a^{{{x}}})' = a^{{{x}}} \ln a"),
    "unknown": ("—", "—"),
}


class DerivationLike(Protocol):
    """What the narration reads of a derivation: :class:`.derivation.Derivation` has it all.

    Typed by its shape, so the derivation can give its own ``to_dict()`` (made of these lines)
    while this module, below it, never imports it.
    """

    @property
    def var(self) -> sympy.Symbol: ...
    @property
    def partial(self) -> bool: ...
    @property
    def held(self) -> tuple[sympy.Symbol, ...]: ...
    @property
    def result(self) -> Any: ...
    @property
    def sigmoid(self) -> SigmoidForm | None: ...
    @property
    def steps(self) -> tuple[FlatStep, ...]: ...
    @property
    def expression(self) -> Expression: ...
    @property
    def verified(self) -> bool | None: ...
    def chain(self) -> tuple[Any, ...]: ...


@dataclass(frozen=True)
class Line:
    """One step as shown: rule, formula, equation and sentence.

    Attributes:
        rule: the rule's name (one of ``RULE_NAMES``).
        depth: depth in the tree, for indentation.
        label: the rule's name in the language.
        formula, formula_latex: the rule's general formula.
        equation, latex: before = … = after, Unicode and LaTeX.
        sentence: one sentence saying what the step does.
        text: label, formula and sentence together (the ``--json`` text).
    """

    rule: str
    depth: int
    label: str
    formula: str
    formula_latex: str
    equation: str
    latex: str
    sentence: str
    text: str


def explain(derivation: DerivationLike, lang: str | None = None) -> tuple[Line, ...]:
    """Every step of ``derivation`` in reading order, in ``lang``."""
    return tuple(_line(derivation, flat, lang) for flat in derivation.steps)


def _line(derivation: DerivationLike, flat: FlatStep, lang: str | None) -> Line:
    if flat.step is None:
        forms, params, key = _sigmoid_identity(derivation)
        formula = _sigmoid_formula(derivation.sigmoid.argument) \
            if derivation.sigmoid else ("", "")
    else:
        forms = _equation(derivation, flat.step)
        params, key = _sentence(derivation, flat.step)
        formula = _step_formula(flat.step, _uv(derivation))
    sentence = translate(f"steps.say.{key}", lang, **params)
    label = translate(f"steps.rule.{flat.rule}", lang)
    text = translate("steps.line", lang, name=label, formula=formula[0], sentence=sentence)
    return Line(flat.rule, flat.depth, label, formula[0], formula[1],
                " = ".join(u for u, _ in forms), " = ".join(t for _, t in forms), sentence, text)


def _equation(derivation: DerivationLike, step: Step) -> list[tuple[str, str]]:
    """before = (rewritten =) rule applied (= result), without repeating a form."""
    partial = derivation.partial and step.var == derivation.var
    forms = [mark(step.input, step.var, partial)]
    if step.rewrite is not None:
        forms.append(mark(step.rewrite, step.var, partial))
    in_order = None
    if step.rule == "sum":  # the parts in the order their steps come
        in_order = sympy.Add(*(mark(s.input, step.var, partial) for s in step.substeps),
                             evaluate=False)
        forms.append(in_order)
    elif step.substeps:
        forms.append(applied(step, partial))
    forms.append(step.output)
    kept = [f for i, f in enumerate(forms) if i == 0 or f != forms[i - 1]]
    return [_show(f, keep_order=f is in_order) for f in kept]


def _show(expr: Any, keep_order: bool = False) -> tuple[str, str]:
    return unicode(expr, keep_order=keep_order), latex(expr, keep_order=keep_order)


def _sentence(derivation: DerivationLike, step: Step) -> tuple[dict[str, str], str]:
    """The catalogue key of the step's sentence and its parameters (Unicode math)."""
    held = [s for s in derivation.held if step.input.has(s)] \
        if step.var == derivation.var else []
    params = {"expr": unicode(step.input), "var": unicode(step.var),
              "held": ", ".join(unicode(s) for s in held)}
    key = step.rule
    if step.rule in ("constant", "constant_multiple", "abstract") and held:
        key += "_partial"
    if step.rule == "constant_multiple":
        params["c"] = unicode(step.factor)
    elif step.rule == "power":
        params["n"] = unicode(step.factor)
    elif step.rule in ("product", "quotient"):
        params["f"], params["g"] = (unicode(s.input) for s in step.substeps)
        if _uv(derivation):
            key += "_uv"
    elif step.rule == "reciprocal":
        params["g"] = unicode(step.substeps[0].input)
    elif step.rule == "chain":
        params.update(u=unicode(step.inner), outer=unicode(step.substeps[0].input),
                      placeholder=unicode(step.dummy))
        if step.rewrite is not None:
            key, params["rewrite"] = "chain_rewrite", unicode(step.rewrite)
    elif step.rule == "sum" and step.rewrite is not None:
        key, params["rewrite"] = "sum_expand", unicode(step.rewrite)
    elif step.rule == "exponential" and step.factor is not None:
        key, params["a"] = "exponential_base", unicode(step.factor)
    elif step.rule not in FORMULAS and table_rule(step.input) is not None:
        params["formula"] = _step_formula(step)[0]
    return params, key


def _uv(derivation: DerivationLike) -> bool:
    """Whether f or g names an undefined function of f: then the product and quotient rules
    are written with u and v, (u·v)′ = u′·v + u·v′, so that f keeps its meaning."""
    return bool({"f", "g"} & set(derivation.expression.abstract_functions))


def _step_formula(step: Step, uv: bool = False) -> tuple[str, str]:
    """The general formula of the step's rule, written in the step's variable."""
    rule, x = step.rule, step.var
    if uv and f"{rule}_uv" in FORMULAS:
        rule = f"{rule}_uv"
    if rule == "abstract":
        return _abstract_formula(step)
    if rule == "exponential" and step.factor is not None:
        return _formula(FORMULAS["exponential_base"], x)
    if rule in FORMULAS:
        return _formula(FORMULAS[rule], x)
    table = table_rule(step.input)
    if table is None:  # pragma: no cover - every other rule is a table lookup
        return _formula(FORMULAS["unknown"], x)
    if table.shown is not None:
        return _formula(table.shown, x)
    function = step.input.func(x)
    u = f"({unicode(function)})′ = {unicode(table.formula(x))}"
    t = f"\\left({latex(function)}\\right)' = {latex(table.formula(x))}"
    return u, t


def _abstract_formula(step: Step) -> tuple[str, str]:
    """(f(x))′ = f′(x), or ∂f/∂x for f(x, y): the derivative of f is named, not computed."""
    name, x = step.input.func.__name__, step.var
    if len(step.input.args) == 1:
        return (f"({name}({unicode(x)}))′ = {name}′({unicode(x)})",
                f"\\left({name}({latex(x)})\right)' = {name}'({latex(x)})")
    return (f"∂/∂{unicode(x)} {unicode(step.input)} = ∂{name}/∂{unicode(x)}",
            f"\frac{{\\partial}}{{\\partial {latex(x)}}} {latex(step.input)} = "
            f"\frac{{\\partial {name}}}{{\\partial {latex(x)}}}")


def _formula(templates: tuple[str, str], x: Any) -> tuple[str, str]:
    u, t = templates
    return u.format(x=unicode(x)), t.format(x=latex(x))


def _sigmoid_formula(x: Any) -> tuple[str, str]:
    """σ′(x) = σ(x)(1 − σ(x)), from the sigmoid's row."""
    row = CATALOG.named("sigmoid")
    assert row is not None and row.derivative is not None and row.derivative.shown is not None
    return _formula(row.derivative.shown, x)


def _sigmoid_identity(derivation: DerivationLike) -> tuple[list[tuple[str, str]],
                                                            dict[str, str], str]:
    """result = c·σ(u)(1 − σ(u)), the notes' form, written as they write it."""
    form = derivation.sigmoid
    assert form is not None
    s = sigmoid(form.argument)
    head_u = "" if form.coefficient == 1 else unicode(form.coefficient) + "·"
    head_t = "" if form.coefficient == 1 else latex(form.coefficient) + r" \cdot "
    shown_u = f"{head_u}{unicode(s)}({unicode(1 - s)})"
    shown_t = rf"{head_t}{latex(s)}\left({latex(1 - s)}\right)"
    params = {"u": unicode(form.argument), "form": shown_u,
              "exp": unicode(sympy.exp(-form.argument))}
    return [(unicode(derivation.result), latex(derivation.result)), (shown_u, shown_t)], \
        params, "sigmoid_identity"


def sigmoid_text(derivation: DerivationLike) -> tuple[str, str] | None:
    """The σ(1 − σ) form of the result (Unicode, LaTeX), if it has one."""
    if derivation.sigmoid is None:
        return None
    forms, _, _ = _sigmoid_identity(derivation)
    return forms[-1]


#: The whole chain of equalities is shown when it is at most this long (characters).
CHAIN_WIDTH = 400


def chain_lines(derivation: DerivationLike) -> list[str]:
    """The chain of equalities as Unicode (only as much of it as will be shown)."""
    chain: list[str] = []
    for state in derivation.chain():
        chain.append(unicode(state))
        if sum(map(len, chain)) > CHAIN_WIDTH:
            break
    sigma = sigmoid_text(derivation)
    return chain + ([sigma[0]] if sigma else [])


def document(derivation: DerivationLike, lang: str | None = None,
             lines: tuple[Line, ...] | None = None) -> Document:
    """Numbered steps, indented by depth: rule and formula, equation, sentence; the result."""
    d, f = derivation, derivation.expression
    lines = explain(d, lang) if lines is None else lines
    out = Writer()
    out.text(f"{f.display_name}({', '.join(map(unicode, f.variables or (d.var,)))})"
             f" = {f.unicode}")
    out.blank()
    out.heading(translate("label.partial_steps", lang,
                          held=", ".join(unicode(s) for s in d.held)) if d.partial
                else translate("label.steps", lang))
    for number, line in enumerate(lines, 1):
        pad = 2 * (line.depth + 1)
        out.text(f"{number}. {line.label}   {line.formula}", pad)
        out.formula(Math(line.equation, line.latex), pad + 3)
        out.text(line.sentence, pad + 3)
    out.blank()
    out.heading(translate("label.result", lang))
    result = f"{unicode(mark(f.expr, d.var, d.partial))} = {unicode(d.result)}"
    out.text(result, 2)
    sigma = sigmoid_text(d)
    if sigma is not None:
        out.text(f"{' ' * cell_width(result[:result.index(' = ')])} = {sigma[0]}", 2)
    out.text(check_sentence(d.verified, lang, symbolic=bool(f.abstract_functions)), 2)
    chain = chain_lines(d)
    if 2 < len(chain) and sum(len(c) for c in chain) <= CHAIN_WIDTH:
        out.blank()
        out.heading(translate("label.chain", lang))
        out.text(chain[0], 2)
        out.texts([f"= {line}" for line in chain[1:]], 4)
    return out.document()


__all__ = ["CHAIN_WIDTH", "FORMULAS", "DerivationLike", "Line", "chain_lines", "document",
           "explain", "sigmoid_text"]
