"""``nablab sweep EXPR --optimizer adam --lr 1e-4:1:30 --starts -2:2,-1:3:40``: many runs at once.

Every learning rate from every start point, vectorised: the fraction that converged, the
median steps, the learning rate where divergence begins, and the basins of attraction.
"""

from __future__ import annotations

import argparse
import time
from functools import partial
from typing import Any, TextIO

import numpy as np

from nablab.cli import figures, pictures, render
from nablab.cli.app import Context
from nablab.cli.commands._optimizer_options import (
    ProgressBar,
    add_common,
    fmt,
    hyper,
    number_range,
    numbers,
    table,
    vec,
)
from nablab.cli.commands.descend import _function_line
from nablab.core.expression import Expression
from nablab.errors import UsageError
from nablab.i18n import translate
from nablab.optimize import OPTIMIZERS, sweep
from nablab.parse import parse

#: Points per axis of the start grid when a range gives no count.
DEFAULT_COUNT = 20
#: Basin maps wider than this are not drawn in text.
MAP_WIDTH = 100
_SYMBOLS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def register(sub: Any, parents: list[argparse.ArgumentParser], lang: str) -> Any:
    p = sub.add_parser("sweep", parents=parents, help=translate("cli.sweep.help", lang),
                       description=translate("cli.sweep.description", lang))
    add_common(p, lang)
    p.add_argument("--optimizer", default="gd", choices=list(OPTIMIZERS),
                   help=translate("cli.opt.optimizer", lang))
    p.add_argument("--lr", default="0.1", metavar="A:B:N", help=translate("cli.opt.lr_range", lang))
    p.add_argument("--starts", required=True, metavar="A:B[:N],…",
                   help=translate("cli.opt.starts", lang))
    figures.add_figure_options(p, lang)
    return p


def start_axes(text: str, names: tuple[str, ...]) -> dict[str, np.ndarray]:
    """``-2:2,-1:3:40`` → one axis per variable; a range without a count takes another's."""
    parts = text.split(",")
    if len(parts) != len(names):
        raise UsageError("bad_starts", text=text, count=len(names), variables=", ".join(names))
    counts = [p.split(":")[2] for p in parts if p.count(":") == 2]
    count = int(numbers(counts[-1], "--starts")[0]) if counts else DEFAULT_COUNT
    return {n: number_range(p, "--starts", count) for n, p in zip(names, parts, strict=True)}


def run(args: argparse.Namespace, ctx: Context) -> int:
    expression = parse(args.expr, variables=args.vars)
    axes = start_axes(args.starts, expression.variable_names)
    rates = number_range(args.lr, "--lr", DEFAULT_COUNT, geometric=True)
    figures.requested(args)
    data = ctx.run(_job, expression, args.optimizer, rates, axes, args.steps, args.tol,
                   hyper(args), ctx.stderr, ctx.lang)
    if ctx.json:
        render.print_json(data, ctx.stdout)
    else:
        show(expression, data, ctx)
    figures.write_figures(args, ctx, partial(pictures.sweep_picture, expression, data, axes))
    return 0


def _job(expression: Expression, optimizer: str, rates: np.ndarray, axes: dict[str, np.ndarray],
         steps: int, tol: float, hyper: dict[str, Any], stderr: TextIO,
         lang: str) -> dict[str, Any]:
    bar = ProgressBar(stderr, steps, translate("optimize.label.progress", lang))
    began = time.perf_counter()
    try:
        result = sweep(expression, optimizer=optimizer, lr=rates, starts=axes, steps=steps,
                       tol=tol, callback=bar, **hyper)
    finally:
        bar.close()
    data = result.to_dict()
    data["seconds"] = time.perf_counter() - began
    return data


def show(expression: Expression, data: dict[str, Any], ctx: Context) -> None:
    out = render.console(ctx.stdout)
    rates = [row["lr"] for row in data["by_lr"]]
    out.print(_function_line(expression))
    out.print(f"{ctx.t('optimize.label.optimizer')}: {ctx.t('optimize.name.' + data['optimizer'])}"
              f"    {ctx.t('optimize.rule.' + data['optimizer'])}")
    out.print(ctx.t("cli.sweep.size", runs=data["runs"], rates=len(rates), low=fmt(rates[0]),
                    high=fmt(rates[-1]), starts=data["runs"] // len(rates), steps=data["steps"],
                    seconds=f"{data['seconds']:.2f}"))
    out.print()
    median = data["median_steps"]
    out.print(render.heading(ctx.t("cli.sweep.summary", converged=_pct(data["converged_fraction"]),
                                   diverged=_pct(data["diverged_fraction"]),
                                   median="—" if median is None else fmt(median))))
    stable, first = data["divergence"]["stable_lr"], data["divergence"]["diverges_from_lr"]
    if first is None:
        out.print(ctx.t("cli.sweep.no_divergence", high=fmt(rates[-1])))
    else:
        out.print(ctx.t("cli.sweep.boundary", stable="—" if stable is None else fmt(stable),
                        first=fmt(first)))
    out.print()
    _by_rate(data, ctx, out)
    out.print()
    _minima(data, ctx, out)
    _basin_map(data, ctx, out)


def _pct(value: float) -> str:
    return f"{100 * value:.1f}%"


def _by_rate(data: dict[str, Any], ctx: Context, out: Any) -> None:
    headers = ["η", ctx.t("optimize.status_word.converged"), ctx.t("optimize.status_word.diverged"),
               ctx.t("cli.sweep.median")]
    body: list[list[str] | str] = []
    for row in data["by_lr"]:
        median = row["median_steps"]
        body.append([fmt(row["lr"], 4), _pct(row["converged"]), _pct(row["diverged"]),
                     "—" if median is None else fmt(median)])
    for line in table(headers, body, right={0, 1, 2, 3}):
        out.print(line)


def _minima(data: dict[str, Any], ctx: Context, out: Any) -> None:
    if not data["minima"]:
        out.print(ctx.t("cli.sweep.no_minima"))
        return
    out.print(render.heading(ctx.t("cli.sweep.minima")))
    for i, m in enumerate(data["minima"]):
        symbol = _SYMBOLS[i] if i < len(_SYMBOLS) else "+"
        value = "—" if m["value"] is None else fmt(m["value"], 4)
        out.print(f"  {symbol}  θ = {vec(m['point'].values(), 5)}   f = {value}   "
                  f"{ctx.t('cli.sweep.kind.' + m['kind'])}   "
                  f"{ctx.t('cli.sweep.runs', runs=m['runs'])}")


def _basin_map(data: dict[str, Any], ctx: Context, out: Any) -> None:
    """Which minimum each start reaches, as letters on the start grid (2 variables)."""
    basins, shape = data["basins"], data["basins"]["shape"]
    if shape is None or len(shape) != 2 or shape[0] > MAP_WIDTH:
        return
    labels = np.array(basins["labels"]).reshape(shape)
    status = np.array(basins["status"]).reshape(shape)
    out.print()
    out.print(render.heading(ctx.t("cli.sweep.basins", lr=fmt(basins["lr"], 4))))
    for j in reversed(range(shape[1])):
        line = "".join(_cell(labels[i, j], status[i, j]) for i in range(shape[0]))
        out.print("  " + line)
    out.print(ctx.t("cli.sweep.legend"))


def _cell(label: int, status: str) -> str:
    if status == "diverged":
        return "×"
    if label < 0:
        return "·"
    return _SYMBOLS[label] if label < len(_SYMBOLS) else "+"
