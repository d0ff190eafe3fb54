"""``nablab limit EXPR [--wrt VAR] [--at X0]``: the derivative from the limit definition."""

from __future__ import annotations

import argparse
from functools import partial
from typing import Any

from nablab.calculus.limit import derivative_by_limit
from nablab.calculus.notation import unicode
from nablab.cli import figures, pictures, render
from nablab.cli.app import Context
from nablab.cli.commands import _derivative_args as common
from nablab.core.expression import Expression
from nablab.i18n import translate


def register(sub: Any, parents: list[argparse.ArgumentParser], lang: str) -> Any:
    p = sub.add_parser("limit", parents=parents, help=translate("cli.limit.help", lang),
                       description=translate("cli.limit.description", lang))
    common.add_function(p, lang)
    p.add_argument("--wrt", metavar="VAR", help=translate("cli.opt.wrt", lang))
    p.add_argument("--at", metavar="X0", help=translate("cli.limit.at", lang))
    figures.add_figure_options(p, lang, animate=True)
    return p


def _job(expression: Expression, var: str, point: dict[str, Any] | None,
         lang: str) -> tuple[dict[str, Any], dict[str, Any]]:
    d = derivative_by_limit(expression, var, point)
    held = [unicode(v) for v in expression.variables if v != d.var]
    name = expression.name or "f"
    lhs = f"∂{name}/∂{unicode(d.var)}" if held else f"{name}′({unicode(d.var)})"
    at = ""
    if d.at is not None:
        at = ", ".join(unicode(d.at[v.name]) for v in expression.variables) if held \
            else unicode(d.at[d.var.name])
    view = {
        "function": f"{name}({', '.join(map(unicode, expression.variables or (d.var,)))})"
                    f" = {expression.unicode}",
        "lhs": lhs,
        "lhs_at": f"{lhs}({at})" if held else f"{name}′({at})",
        "held": ", ".join(held),
        "lines": [(s.unicode, s.text(lang)) for s in d.steps],
        "result": f"{lhs} = {unicode(d.derivative)}",
        "verified": d.verified,
        "exact": None if d.exact is None else unicode(d.exact),
        "best_central": d.best_h_central,
        "point": None if d.at is None else
        ", ".join(f"{k} = {unicode(v)}" for k, v in d.at.items()),
    }
    return d.to_dict(lang), view


def task(args: argparse.Namespace, ctx: Context) -> partial[Any]:
    """The job for these options, ready for ``ctx.run`` (the web API runs the same one)."""
    expression = common.function(args)
    var = common.variable(expression, args.wrt)
    point = None if args.at is None else common.point(expression, args.at)
    return partial(_job, expression=expression, var=var, point=point, lang=ctx.lang)


def run(args: argparse.Namespace, ctx: Context) -> int:
    job = task(args, ctx)
    expression, var, point = (job.keywords[k] for k in ("expression", "var", "point"))
    figures.requested(args)
    data, view = ctx.run(job)
    if ctx.json:
        render.print_json(data, ctx.stdout)
    else:
        show(data, view, ctx)
    figures.write_figures(args, ctx, partial(pictures.limit_picture, expression, var, point,
                                             data))
    return 0


def show(data: dict[str, Any], view: dict[str, Any], ctx: Context) -> None:
    """The worked limit, one equation a line with its sentence under it; then the table."""
    out = render.console(ctx.stdout)
    out.print(view["function"])
    out.print()
    title = ctx.t("label.partial_limit", held=view["held"]) if view["held"] \
        else ctx.t("label.limit_definition")
    out.print(render.heading(title))
    for equation, sentence in view["lines"]:
        out.print(f"  {equation}")
        out.print(f"      {sentence}")
    out.print()
    out.print(render.heading(ctx.t("label.result")))
    out.print(f"  {view['result']}")
    out.print(f"  {common.check_line(view['verified'], ctx)}")
    if data["numeric"] is not None:
        _show_table(data, view, ctx, out)


def _show_table(data: dict[str, Any], view: dict[str, Any], ctx: Context, out: Any) -> None:
    out.print()
    out.print(render.heading(ctx.t("label.numeric", point=view["point"])))
    exact = ctx.t("label.exact_value", name=view["lhs_at"], value=view["exact"])
    out.print(f"  {exact}")
    rows = data["numeric"]
    if not rows:
        out.print(f"  {ctx.t('numeric.no_rows')}")
        return
    err = ctx.t("label.abs_error")
    header = [ctx.t("label.h"), ctx.t("label.forward"), err, ctx.t("label.central"), err]
    table = [[_e(r["h"]), _g(r["forward"]), _e(r["forward_error"]), _g(r["central"]),
              _e(r["central_error"])] for r in rows]
    widths = [max(len(str(c)) for c in column) for column in zip(header, *table, strict=True)]
    for row in [header, *table]:
        out.print("  " + "  ".join(str(c).rjust(w) for c, w in zip(row, widths, strict=True)))
    out.print("  " + ctx.t("numeric.explain", forward=_e(data["best_h"]),
                           central=_e(view["best_central"])))


def _e(value: float | None) -> str:
    return "—" if value is None else f"{value:.1e}".replace("-", "−")


def _g(value: float) -> str:
    return f"{value:.15g}".replace("-", "−")
