"""``nablab steps EXPR [--wrt VAR]``: the derivative rule by rule, each rule with its formula."""

from __future__ import annotations

import argparse
from functools import partial
from typing import Any

from nablab.calculus.notation import mark, unicode
from nablab.calculus.steps import derivative_steps, explain
from nablab.calculus.steps.narrate import sigmoid_text
from nablab.cli import render
from nablab.cli.app import Context
from nablab.cli.commands import _derivative_args as common
from nablab.core.expression import Expression
from nablab.i18n import translate

#: The whole chain of equalities is shown when it is at most this long (characters).
CHAIN_WIDTH = 400


def register(sub: Any, parents: list[argparse.ArgumentParser], lang: str) -> Any:
    p = sub.add_parser("steps", parents=parents, help=translate("cli.steps.help", lang),
                       description=translate("cli.steps.description", lang))
    common.add_function(p, lang)
    p.add_argument("--wrt", metavar="VAR", help=translate("cli.opt.wrt", lang))
    return p


def _job(expression: Expression, var: str, lang: str) -> tuple[dict[str, Any], dict[str, Any]]:
    d = derivative_steps(expression, var)
    lines = explain(d, lang)
    sigma = sigmoid_text(d)
    chain: list[str] = []
    for state in d.chain():   # only as much as will be shown
        chain.append(unicode(state))
        if sum(map(len, chain)) > CHAIN_WIDTH:
            break
    chain += [sigma[0]] if sigma else []
    view = {
        "function": f"{expression.name or 'f'}"
                    f"({', '.join(map(unicode, expression.variables or (d.var,)))})"
                    f" = {expression.unicode}",
        "held": ", ".join(unicode(s) for s in d.held) if d.partial else "",
        "lines": [(ln.depth, ln.label, ln.formula, ln.equation, ln.sentence) for ln in lines],
        "result": f"{unicode(mark(expression.expr, d.var, d.partial))} = {unicode(d.result)}",
        "sigmoid": None if sigma is None else sigma[0],
        "chain": chain,
        "verified": d.verified,
    }
    return d.to_dict(lang, lines), view


def task(args: argparse.Namespace, ctx: Context) -> partial[Any]:
    """The job for these options, ready for ``ctx.run`` (the web API runs the same one)."""
    expression = common.function(args)
    var = common.variable(expression, args.wrt)
    return partial(_job, expression=expression, var=var, lang=ctx.lang)


def run(args: argparse.Namespace, ctx: Context) -> int:
    data, view = ctx.run(task(args, ctx))
    render.present(ctx, data, view, show)
    return 0


def show(view: dict[str, Any], ctx: Context) -> None:
    """Numbered steps, indented by depth: rule and formula, equation, sentence."""
    out = render.console(ctx.stdout)
    out.print(view["function"])
    out.print()
    title = ctx.t("label.partial_steps", held=view["held"]) if view["held"] \
        else ctx.t("label.steps")
    out.print(render.heading(title))
    for number, (depth, label, formula, equation, sentence) in enumerate(view["lines"], 1):
        pad = "  " * (depth + 1)
        out.print(f"{pad}{number}. {label}   {formula}")
        out.print(f"{pad}   {equation}")
        out.print(f"{pad}   {sentence}")
    out.print()
    out.print(render.heading(ctx.t("label.result")))
    out.print(f"  {view['result']}")
    if view["sigmoid"] is not None:
        out.print(f"  {' ' * view['result'].index(' = ')} = {view['sigmoid']}")
    out.print(f"  {common.check_line(view['verified'], ctx)}")
    chain = view["chain"]
    if 2 < len(chain) and sum(len(c) for c in chain) <= CHAIN_WIDTH:
        out.print()
        out.print(render.heading(ctx.t("label.chain")))
        out.print("  " + chain[0])
        for line in chain[1:]:
            out.print(f"    = {line}")
