"""How a derivation reads in a terminal or a notebook: numbered steps, the result, the chain."""

from __future__ import annotations

from nablab.calculus.notation import mark, unicode
from nablab.calculus.steps.derivation import Derivation
from nablab.calculus.steps.narrate import Line, explain, sigmoid_text
from nablab.calculus.verify import check_sentence
from nablab.i18n import translate
from nablab.present import Document, Writer

#: The whole chain of equalities is shown when it is at most this long (characters).
CHAIN_WIDTH = 400


def chain_lines(derivation: Derivation) -> list[str]:
    """The chain of equalities as Unicode (only as much of it as will be shown)."""
    chain: list[str] = []
    for state in derivation.chain():
        chain.append(unicode(state))
        if sum(map(len, chain)) > CHAIN_WIDTH:
            break
    sigma = sigmoid_text(derivation)
    return chain + ([sigma[0]] if sigma else [])


def document(derivation: Derivation, lang: str | None = None,
             lines: tuple[Line, ...] | None = None) -> Document:
    """Numbered steps, indented by depth: rule and formula, equation, sentence; the result."""
    d, f = derivation, derivation.expression
    lines = explain(d, lang) if lines is None else lines
    out = Writer()
    out.text(f"{f.name or 'f'}({', '.join(map(unicode, f.variables or (d.var,)))})"
             f" = {f.unicode}")
    out.blank()
    out.heading(translate("label.partial_steps", lang,
                          held=", ".join(unicode(s) for s in d.held)) if d.partial
                else translate("label.steps", lang))
    for number, line in enumerate(lines, 1):
        pad = 2 * (line.depth + 1)
        out.text(f"{number}. {line.label}   {line.formula}", pad)
        out.text(line.equation, pad + 3)
        out.text(line.sentence, pad + 3)
    out.blank()
    out.heading(translate("label.result", lang))
    result = f"{unicode(mark(f.expr, d.var, d.partial))} = {unicode(d.result)}"
    out.text(result, 2)
    sigma = sigmoid_text(d)
    if sigma is not None:
        out.text(f"{' ' * result.index(' = ')} = {sigma[0]}", 2)
    out.text(check_sentence(d.verified, lang), 2)
    chain = chain_lines(d)
    if 2 < len(chain) and sum(len(c) for c in chain) <= CHAIN_WIDTH:
        out.blank()
        out.heading(translate("label.chain", lang))
        out.text(chain[0], 2)
        out.texts([f"= {line}" for line in chain[1:]], 4)
    return out.document()


__all__ = ["CHAIN_WIDTH", "chain_lines", "document"]
