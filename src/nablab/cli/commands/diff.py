"""``nablab diff EXPR``: partial derivatives, gradient and Hessian, optionally at a point."""

from __future__ import annotations

import argparse
from functools import partial
from typing import Any

from nablab.calculus.report import differentiate
from nablab.cli import figures, render
from nablab.cli.app import Context
from nablab.core.expression import Expression
from nablab.i18n import translate
from nablab.parse import canonical_name, parse, parse_point
from nablab.plot.function import check_dimensions, derivative_picture


def register(sub: Any, parents: list[argparse.ArgumentParser], lang: str) -> Any:
    p = sub.add_parser("diff", parents=parents, help=translate("cli.diff.help", lang),
                       description=translate("cli.diff.description", lang))
    p.add_argument("expr", metavar="EXPR", help=translate("cli.arg.expr", lang))
    p.add_argument("--wrt", metavar="VAR", help=translate("cli.diff.wrt", lang))
    p.add_argument("--at", metavar="POINT", help=translate("cli.diff.at", lang))
    p.add_argument("--vars", metavar="VARS", help=translate("cli.arg.vars", lang))
    figures.add_figure_options(p, lang)
    return p


def _job(expression: Expression, wrt: list[str] | None,
         point: dict[str, Any] | None) -> tuple[dict[str, Any], dict[str, Any]]:
    report = differentiate(expression, wrt, point)
    return report.to_dict(), report.display()


def task(args: argparse.Namespace, ctx: Context) -> partial[Any]:
    """The job for these options, ready for ``ctx.run`` (the web API runs the same one)."""
    expression = parse(args.expr, variables=args.vars)
    wrt = None
    if args.wrt:
        wrt = [expression.symbol(canonical_name(w, args.wrt)).name
               for w in args.wrt.split(",") if w.strip()]
    point = None
    if args.at is not None:
        names = expression.variable_names + tuple(p.name for p in expression.parameters)
        point = parse_point(args.at, names)
    return partial(_job, expression=expression, wrt=wrt, point=point)


def run(args: argparse.Namespace, ctx: Context) -> int:
    job = task(args, ctx)
    expression, point = job.keywords["expression"], job.keywords["point"]
    if figures.requested(args):
        check_dimensions(expression)
    data, view = ctx.run(job)
    render.present(ctx, data, view, show)
    figures.write_figures(args, ctx, partial(_picture, expression, point))
    return 0


def _picture(expression: Expression, point: dict[str, Any] | None) -> Any:
    """The picture of ``--plot``: slices (or tangent) at the point, else the function."""
    at = None if point is None else [float(point[n]) for n in expression.variable_names]
    return derivative_picture(expression, None, at)


def show(view: dict[str, Any], ctx: Context) -> None:
    """Print a :meth:`DiffReport.display` view as readable Unicode math."""
    out = render.console(ctx.stdout)
    name, variables = view["name"], view["variables"]
    one = len(variables) == 1
    out.print(f"{name}({', '.join(variables)}) = {view['expression']}")
    if view["parameters"]:
        out.print(f"{ctx.t('label.parameters')}: {', '.join(view['parameters'])}")
    out.print()
    out.print(render.heading(ctx.t("label.derivative" if one else "label.partials")))
    for var, expr in view["partials"]:
        symbol = f"d{name}/d{var}" if one else f"∂{name}/∂{var}"
        out.print(f"  {symbol} = {expr}")
    full = len(view["second"]) == len(variables)
    if one or not full:
        for var, expr in view["second"]:
            symbol = f"d²{name}/d{var}²" if one else f"∂²{name}/∂{var}²"
            out.print(f"  {symbol} = {expr}")
    if not one and full:
        out.print()
        out.print(render.heading(ctx.t("label.gradient")))
        out.print(f"  ∇{name} = {render.vector(view['gradient'])}")
        out.print()
        out.print(render.heading(ctx.t("label.hessian")))
        for line in render.matrix(view["hessian"]):
            out.print(line)
    if view["at"] is not None:
        _show_point(view, ctx, out)


def _show_point(view: dict[str, Any], ctx: Context, out: Any) -> None:
    at = view["at"]
    values = [render.number(v) for v in at["point"].values()]
    one = len(values) == 1
    coords = values[0] if one else render.vector(values)
    names = view["variables"][0] if one else render.vector(view["variables"])
    out.print()
    out.print(render.heading(ctx.t("label.at_point", point=f"{names} = {coords}")))
    out.print(f"  {view['name']} = {render.number(at['value'])}")
    gradient = [render.number(g) for g in at["gradient"]]
    if len(gradient) == 1:
        out.print(f"  d{view['name']}/d{view['variables'][0]} = {gradient[0]}")
    else:
        out.print(f"  ∇{view['name']} = {render.vector(gradient)}")
