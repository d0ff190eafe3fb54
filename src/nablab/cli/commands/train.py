"""``nablab train --model "w1*x1 + w2*x2 + b" --data FILE.csv``: fit a model by ∂L/∂θ."""

from __future__ import annotations

import argparse
from functools import partial
from typing import Any, TextIO

from nablab.cli import figures, pictures, render
from nablab.cli.app import Context
from nablab.cli.commands._optimizer_options import ProgressBar, fmt, hyper, table
from nablab.core.printing import symbol_display, to_unicode
from nablab.errors import UsageError
from nablab.i18n import translate
from nablab.network.data import EXAMPLE_PREFIX
from nablab.network.examples import SUGGESTIONS, example_name
from nablab.network.model import LOSSES
from nablab.network.result import TrainResult
from nablab.optimize import OPTIMIZERS

#: Epochs shown at the start and the end of the loss table.
HEAD, TAIL = 8, 4
#: Parameters whose chain rule is written out; longer formulas are cut.
SHOWN_PARAMETERS, FORMULA_CHARS = 8, 110


def register(sub: Any, parents: list[argparse.ArgumentParser], lang: str) -> Any:
    p = sub.add_parser("train", parents=parents, help=translate("cli.train.help", lang),
                       description=translate("cli.train.description", lang))
    p.add_argument("--model", metavar="EXPR", help=translate("cli.train.model", lang))
    p.add_argument("--data", required=True, metavar="FILE",
                   help=translate("cli.train.data", lang))
    p.add_argument("--target", default="y", metavar="COLUMN",
                   help=translate("cli.train.target", lang))
    p.add_argument("--loss", choices=LOSSES, help=translate("cli.train.loss", lang))
    p.add_argument("--optimizer", default="gd", choices=list(OPTIMIZERS),
                   help=translate("cli.opt.optimizer", lang))
    p.add_argument("--lr", type=float, metavar="ETA", help=translate("cli.opt.lr", lang))
    p.add_argument("--epochs", type=int, default=1000, metavar="N",
                   help=translate("cli.train.epochs", lang))
    p.add_argument("--batch-size", type=int, metavar="B",
                   help=translate("cli.train.batch_size", lang))
    p.add_argument("--seed", type=int, default=0, metavar="S",
                   help=translate("cli.train.seed", lang))
    p.add_argument("--start", metavar="POINT", help=translate("cli.train.start", lang))
    p.add_argument("--tol", type=float, default=1e-8, metavar="TOL",
                   help=translate("cli.train.tol", lang))
    p.add_argument("--momentum", type=float, metavar="MU", help=translate("cli.opt.momentum", lang))
    p.add_argument("--betas", metavar="B1,B2", help=translate("cli.opt.betas", lang))
    p.add_argument("--eps", type=float, metavar="EPS", help=translate("cli.opt.eps", lang))
    figures.add_figure_options(p, lang)
    return p


def settings(args: argparse.Namespace) -> dict[str, Any]:
    """The keyword arguments of :func:`nablab.network.train` these options ask for.

    Raises:
        UsageError: ``train_needs_model`` when no model is given for a CSV file.
    """
    model = args.model
    if model is None:
        suggestion = SUGGESTIONS.get(args.data[len(EXAMPLE_PREFIX):].strip().lower()) \
            if args.data.startswith(EXAMPLE_PREFIX) else None
        if suggestion is None:
            raise UsageError("train_needs_model")
        model = suggestion.model
    return {"model": model, "data": args.data, "target": args.target, "loss": args.loss,
            "optimizer": args.optimizer, "lr": args.lr, "epochs": args.epochs,
            "batch_size": args.batch_size, "seed": args.seed, "start": args.start,
            "tol": args.tol, **hyper(args)}


def task(args: argparse.Namespace, ctx: Context) -> partial[Any]:
    """The job for these options, ready for ``ctx.run`` (the web API runs the same one)."""
    return partial(_job, settings=settings(args), want_json=ctx.json, stderr=ctx.stderr,
                   lang=ctx.lang)


def run(args: argparse.Namespace, ctx: Context) -> int:
    job = task(args, ctx)
    figures.requested(args)
    data, view = ctx.run(job)
    render.present(ctx, data, view, show)
    figures.write_figures(args, ctx, partial(pictures.train_picture, job.keywords["settings"]))
    return 0


def _job(settings: dict[str, Any], want_json: bool, stderr: TextIO,
         lang: str) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    from nablab.network import train

    bar = ProgressBar(stderr, settings["epochs"], translate("network.label.progress", lang))
    try:
        result = train(**settings, callback=bar)
    finally:
        bar.close()
    if want_json:
        return result.to_dict(lang), None
    return None, view_of(result, lang)


def _cut(text: str) -> str:
    return text if len(text) <= FORMULA_CHARS else text[: FORMULA_CHARS - 1] + "…"


def _factor(text: str) -> str:
    """A factor of a product, bracketed when it is a sum at its top level."""
    depth = 0
    for index, char in enumerate(text):
        depth += (char == "(") - (char == ")")
        if depth == 0 and index and char in "+−" and text[index - 1] == " ":
            return f"({text})"
    return text


def chain_lines(result: TrainResult, lang: str) -> list[str]:
    """∂ℓ/∂θ = ∂ℓ/∂ŷ · ∂ŷ/∂θ = … = (multiplied out), one line per parameter (the first few)."""
    model = result.model
    wrt = "z" if model.loss == "bce" else "ŷ"
    lines = []
    rules = list(model.chain_rule().items())
    for (name, (outer, inner)), full in list(zip(rules, model.gradients(),
                                                 strict=True))[:SHOWN_PARAMETERS]:
        shown = symbol_display(name)
        lines.append(_cut(f"∂ℓ/∂{shown} = ∂ℓ/∂{wrt} · ∂{wrt}/∂{shown} = "
                          f"{_factor(outer)} · {_factor(inner)} = {to_unicode(full)}"))
    if len(rules) > SHOWN_PARAMETERS:
        lines.append(translate("network.label.more_parameters", lang,
                               count=len(rules) - SHOWN_PARAMETERS))
    return lines


def view_of(result: TrainResult, lang: str) -> dict[str, Any]:
    """Everything the text output shows, as plain data (built in the worker)."""
    model = result.model
    count = len(result.loss)
    shown = list(range(count)) if count <= HEAD + TAIL + 1 else \
        [*range(HEAD), -1, *range(count - TAIL, count)]
    return {
        "model": f"ŷ = {model.expression.unicode}",
        "inputs": ", ".join(symbol_display(n) for n in model.input_names),
        "parameters": ", ".join(symbol_display(n) for n in model.parameter_names),
        "target": model.target[1], "rows": result.rows, "loss": model.loss,
        "logit": to_unicode(model.inner) if model.loss == "bce" else None,
        "chain": chain_lines(result, lang), "optimizer": result.optimizer,
        "learning_rate": result.learning_rate, "batch_size": result.batch_size,
        "seed": result.seed, "backend": result.backend,
        "losses": [None if k < 0 else (k, float(result.loss[k])) for k in shown],
        "elided": max(0, count - HEAD - TAIL), "message": result.message(lang),
        "final": [(symbol_display(k), v) for k, v in result.parameters.items()],
        "final_loss": result.final_loss, "accuracy": result.accuracy,
        "example": example_name(result.source),
    }


def show(view: dict[str, Any], ctx: Context) -> None:
    out = render.console(ctx.stdout)
    out.print(render.heading(ctx.t("network.label.model") + f": {view['model']}"))
    out.print(ctx.t("network.label.setup", rows=view["rows"], inputs=view["inputs"] or "-",
                    target=view["target"], parameters=view["parameters"]))
    out.print(ctx.t(f"network.loss.{view['loss']}"))
    if view["logit"]:
        out.print("  " + ctx.t("network.label.logit", logit=view["logit"]))
    out.print()
    out.print(render.heading(ctx.t("network.label.chain_rule")))
    for line in view["chain"]:
        out.print("  " + line)
    out.print("  " + ctx.t("network.label.mean_gradient", rows=view["rows"],
                           backend=ctx.t(f"network.backend.{view['backend']}")))
    out.print()
    show_run(view, ctx, out)


def show_run(view: dict[str, Any], ctx: Context, out: Any) -> None:
    """Optimizer line, the loss per epoch, how it ended, θ, L and the accuracy."""
    name = view["optimizer"]
    batch = ctx.t("network.label.full_batch") if view["batch_size"] >= view["rows"] else \
        ctx.t("network.label.mini_batch", size=view["batch_size"], seed=view["seed"])
    out.print(f"{ctx.t('optimize.label.optimizer')}: {ctx.t(f'optimize.name.{name}')}    "
              f"{ctx.t(f'optimize.rule.{name}')}    η = {fmt(view['learning_rate'])}; {batch}")
    body: list[list[str] | str] = []
    for row in view["losses"]:
        if row is None:
            body.append("  " + ctx.t("network.label.elided", count=view["elided"]))
        else:
            body.append([str(row[0]), fmt(row[1])])
    for line in table([ctx.t("network.label.epoch"), "L(θ)"], body, right={0, 1}):
        out.print(line)
    out.print()
    out.print(render.heading(view["message"]))
    values = ", ".join(f"{k} = {fmt(v)}" for k, v in view["final"])
    out.print(f"{ctx.t('network.label.parameters')}: {values}")
    out.print(f"{ctx.t('network.label.final_loss')}: L = {fmt(view['final_loss'])}")
    if view["accuracy"] is not None:
        out.print(ctx.t("network.label.accuracy", percent=f"{100 * view['accuracy']:.1f}"))
    if view["example"] == "xor":
        out.print(ctx.t("network.xor_note"))
