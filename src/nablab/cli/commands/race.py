"""``nablab race EXPR --start 3,4 --optimizers gd,momentum,adam``: optimizers side by side."""

from __future__ import annotations

import argparse
from functools import partial
from typing import Any, TextIO

from nablab.cli import figures, pictures, render
from nablab.cli.app import Context
from nablab.cli.commands._optimizer_options import (
    ProgressBar,
    add_common,
    add_run_options,
    fmt,
    hyper,
    numbers,
    table,
    vec,
)
from nablab.cli.commands.descend import _function_line
from nablab.core.expression import Expression
from nablab.i18n import translate
from nablab.optimize import race
from nablab.parse import parse, parse_point


def register(sub: Any, parents: list[argparse.ArgumentParser], lang: str) -> Any:
    p = sub.add_parser("race", parents=parents, help=translate("cli.race.help", lang),
                       description=translate("cli.race.description", lang))
    add_common(p, lang)
    add_run_options(p, lang)
    p.add_argument("--optimizers", default="gd,momentum,adam", metavar="NAMES",
                   help=translate("cli.opt.optimizers", lang))
    p.add_argument("--lr", metavar="ETA[,ETA…]", help=translate("cli.opt.race_lr", lang))
    figures.add_figure_options(p, lang, animate=True)
    return p


def task(args: argparse.Namespace, ctx: Context) -> partial[Any]:
    """The job for these options, ready for ``ctx.run`` (the web API runs the same one)."""
    expression = parse(args.expr, variables=args.vars)
    start = parse_point(args.start, expression.variable_names)
    names = [n.strip() for n in args.optimizers.split(",") if n.strip()]
    rates = None if args.lr is None else numbers(args.lr, "--lr")
    return partial(_job, expression=expression, start=start, names=names, rates=rates,
                   steps=args.steps, tol=args.tol, hyper=hyper(args), every=max(1, args.every),
                   stderr=ctx.stderr, lang=ctx.lang)


def run(args: argparse.Namespace, ctx: Context) -> int:
    job = task(args, ctx)
    expression = job.keywords["expression"]
    figures.requested(args)
    data = ctx.run(job)
    if ctx.json:
        render.print_json(data, ctx.stdout)
    else:
        show(expression, data, ctx)
    figures.write_figures(args, ctx, partial(pictures.race_picture, expression, data))
    return 0


def _job(expression: Expression, start: dict[str, Any], names: list[str],
         rates: list[float] | None, steps: int, tol: float, hyper: dict[str, Any], every: int,
         stderr: TextIO, lang: str) -> dict[str, Any]:
    bar = ProgressBar(stderr, steps * len(names), translate("optimize.label.progress", lang))
    try:
        result = race(expression, start, names, lr=rates, steps=steps, tol=tol, callback=bar,
                      **hyper)
    finally:
        bar.close()
    return result.to_dict(every, lang)


def show(expression: Expression, data: dict[str, Any], ctx: Context) -> None:
    out = render.console(ctx.stdout)
    out.print(_function_line(expression))
    out.print(f"{ctx.t('optimize.label.start')} θ₀ = {vec(data['start'].values())}")
    out.print()
    headers = [ctx.t("optimize.label.optimizer"), "η", ctx.t("optimize.label.status"),
               ctx.t("optimize.label.steps"), "f(θ)", "|∇f|", "θ"]
    body: list[list[str] | str] = []
    for r in data["results"]:
        final = r["final"]
        body.append([r["optimizer"], fmt(r["learning_rate"]),
                     ctx.t(f"optimize.status_word.{r['status']}"), str(r["steps"]),
                     fmt(final["value"]), fmt(final["grad_norm"], 3),
                     vec(final["point"].values())])
    for line in table(headers, body, right={1, 3, 4, 5}):
        out.print(line)
    out.print()
    out.print(render.heading(ctx.t("cli.race.ranking", ranking=" > ".join(data["ranking"]))))
