"""``nablab descend EXPR --start 3,4 --lr 0.1``: one descent, every step in a table."""

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
    table,
    vec,
)
from nablab.core.expression import Expression
from nablab.errors import UsageError
from nablab.i18n import translate
from nablab.optimize import OPTIMIZERS, DescentResult, descend
from nablab.optimize.result import status_message
from nablab.parse import parse, parse_point

#: Runs longer than this show their first and last steps only.
HEAD, TAIL = 10, 5


def register(sub: Any, parents: list[argparse.ArgumentParser], lang: str) -> Any:
    p = sub.add_parser("descend", parents=parents, help=translate("cli.descend.help", lang),
                       description=translate("cli.descend.description", lang))
    add_common(p, lang)
    add_run_options(p, lang)
    p.add_argument("--optimizer", default="gd", choices=list(OPTIMIZERS),
                   help=translate("cli.opt.optimizer", lang))
    p.add_argument("--lr", type=float, metavar="ETA", help=translate("cli.opt.lr", lang))
    figures.add_figure_options(p, lang, animate=True)
    return p


def task(args: argparse.Namespace, ctx: Context) -> partial[Any]:
    """The job for these options, ready for ``ctx.run`` (the web API runs the same one)."""
    expression = parse(args.expr, variables=args.vars)
    start = parse_point(args.start, expression.variable_names)
    if args.every < 1:
        raise UsageError("bad_every", value=args.every)
    return partial(_job, expression=expression, start=start, optimizer=args.optimizer,
                   lr=args.lr, steps=args.steps, tol=args.tol, hyper=hyper(args),
                   every=args.every, want_json=ctx.json, stderr=ctx.stderr, lang=ctx.lang)


def run(args: argparse.Namespace, ctx: Context) -> int:
    job = task(args, ctx)
    expression, start = job.keywords["expression"], job.keywords["start"]
    figures.requested(args)
    data, view = ctx.run(job)
    render.present(ctx, data, view, show)
    figures.write_figures(args, ctx, partial(pictures.descend_picture, expression, start,
                                             args.optimizer, args.lr, args.steps, args.tol,
                                             hyper(args)))
    return 0


def _job(expression: Expression, start: dict[str, Any], optimizer: str, lr: float | None,
         steps: int, tol: float, hyper: dict[str, Any], every: int, want_json: bool,
         stderr: TextIO, lang: str) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    bar = ProgressBar(stderr, steps, translate("optimize.label.progress", lang))
    try:
        result = descend(expression, start, optimizer=optimizer, lr=lr, steps=steps, tol=tol,
                         callback=bar, **hyper)
    finally:
        bar.close()
    if want_json:
        return result.to_dict(every, lang), None
    return None, view_of(expression, result, lang)


def rows(result: DescentResult) -> list[dict[str, Any] | None]:
    """The table's rows (``None`` where steps are left out): k, θ_k, f, ∇f, Δθ."""
    count = len(result.path)
    shown = list(range(count)) if count <= HEAD + TAIL + 1 else \
        [*range(HEAD), -1, *range(count - TAIL, count)]
    out: list[dict[str, Any] | None] = []
    for k in shown:
        if k < 0:
            out.append(None)
            continue
        update = (result.path[k + 1] - result.path[k]).tolist() if k + 1 < count else None
        out.append({"k": k, "point": result.path[k].tolist(), "value": float(result.values[k]),
                    "gradient": result.gradients[k].tolist(), "update": update})
    return out


def view_of(expression: Expression, result: DescentResult, lang: str) -> dict[str, Any]:
    """Everything the text output shows, as plain data."""
    return {"function": _function_line(expression), "optimizer": result.optimizer,
            "learning_rate": result.learning_rate, "hyper": dict(result.hyper),
            "start": result.path[0].tolist(), "variables": list(result.variables),
            "rows": rows(result), "elided": max(0, len(result.path) - HEAD - TAIL),
            "status": result.status,
            "message": status_message(result.status, result.nit, result.tol, result.grad_norm,
                                      lang),
            "final": result.x.tolist(), "value": result.fun, "grad_norm": result.grad_norm,
            "advice": None if result.advice is None else result.advice.to_dict()}


def _function_line(expression: Expression) -> str:
    name = expression.name or "f"
    return f"{name}({', '.join(expression.variable_names)}) = {expression.unicode}"


def show(view: dict[str, Any], ctx: Context) -> None:
    out = render.console(ctx.stdout)
    out.print(view["function"])
    show_setup(view, ctx, out)
    out.print()
    show_table(view, ctx, out)
    out.print()
    out.print(render.heading(view["message"]))
    out.print(f"{ctx.t('optimize.label.final')}: θ = {vec(view['final'])}   "
              f"f = {fmt(view['value'])}   |∇f| = {fmt(view['grad_norm'], 3)}")


def show_setup(view: dict[str, Any], ctx: Context, out: Any) -> None:
    """Optimizer and its rule, η and hyper-parameters, start, and the learning-rate advice."""
    name = view["optimizer"]
    out.print(f"{ctx.t('optimize.label.optimizer')}: {ctx.t(f'optimize.name.{name}')}    "
              f"{ctx.t(f'optimize.rule.{name}')}")
    extra = "".join(f", {k} = {_plain(v)}" for k, v in view["hyper"].items())
    out.print(f"{ctx.t('optimize.label.learning_rate')} η = {fmt(view['learning_rate'])}{extra}; "
              f"{ctx.t('optimize.label.start')} θ₀ = {vec(view['start'])}")
    for line in advice_lines(view["advice"], ctx):
        out.print(line)


def advice_lines(advice: dict[str, Any] | None, ctx: Context) -> list[Any]:
    """The learning-rate advice in words; the warning in bold."""
    if advice is None:
        return []
    eigen = ", ".join(fmt(e, 4) for e in advice["eigenvalues"])
    lines: list[Any] = [ctx.t(f"optimize.advice.{advice['kind']}", eigenvalues=eigen)]
    if advice["rule"] is None:
        lines.append(ctx.t("optimize.advice.adaptive"))
    elif advice["max_lr"] is None:
        lines.append(ctx.t("optimize.advice.no_bound"))
    else:
        lines.append(ctx.t("optimize.advice.range", max_lr=fmt(advice["max_lr"], 4)))
    if advice["best_lr"] is not None:
        lines.append(ctx.t("optimize.advice.best", best_lr=fmt(advice["best_lr"], 4)))
    if advice["warning"]:
        lines.append(render.heading(ctx.t("optimize.advice.warning",
                                          lr=fmt(advice["learning_rate"]),
                                          max_lr=fmt(advice["max_lr"], 4))))
    return ["  " + line if isinstance(line, str) else line for line in lines]


def show_table(view: dict[str, Any], ctx: Context, out: Any) -> None:
    """k, θ_k, f(θ_k), ∇f(θ_k), Δθ — the middle of a long run left out."""
    body: list[list[str] | str] = []
    for row in view["rows"]:
        if row is None:
            body.append("  " + ctx.t("optimize.label.elided", count=view["elided"]))
            continue
        update = "" if row["update"] is None else vec(row["update"], 4)
        body.append([str(row["k"]), vec(row["point"]), fmt(row["value"]),
                     vec(row["gradient"], 4), update])
    headers = ["k", "θ_k", "f(θ_k)", "∇f(θ_k)", ctx.t("optimize.label.update")]
    for line in table(headers, body, right={0, 2}):
        out.print(line)


def _plain(value: Any) -> str:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (tuple, list)):
        return "(" + ", ".join(_plain(v) for v in value) + ")"
    return fmt(float(value)) if isinstance(value, (int, float)) else str(value)
