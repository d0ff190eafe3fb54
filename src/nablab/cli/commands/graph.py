"""``nablab graph EXPR --at w=2,x=1,b=-1``: the computational graph, forward and backward."""

from __future__ import annotations

import argparse
from functools import partial
from typing import Any

from nablab.cli import figures, pictures, render
from nablab.cli.app import Context
from nablab.cli.commands._optimizer_options import fmt, table
from nablab.core.printing import symbol_display, to_unicode
from nablab.i18n import translate
from nablab.network.graph import GraphResult, graph
from nablab.parse import parse, parse_point


def register(sub: Any, parents: list[argparse.ArgumentParser], lang: str) -> Any:
    p = sub.add_parser("graph", parents=parents, help=translate("cli.graph.help", lang),
                       description=translate("cli.graph.description", lang))
    p.add_argument("expr", metavar="EXPR", help=translate("cli.arg.expr", lang))
    p.add_argument("--at", required=True, metavar="POINT", help=translate("cli.graph.at", lang))
    figures.add_figure_options(p, lang)
    return p


def task(args: argparse.Namespace, ctx: Context) -> partial[Any]:
    """The job for these options, ready for ``ctx.run`` (the web API runs the same one)."""
    expression = parse(args.expr)
    point = parse_point(args.at, expression.variable_names)
    return partial(_job, expression=expression, point=point, lang=ctx.lang)


def run(args: argparse.Namespace, ctx: Context) -> int:
    job = task(args, ctx)
    figures.requested(args)
    data, view = ctx.run(job)
    render.present(ctx, data, view, show)
    figures.write_figures(args, ctx, partial(pictures.graph_picture, job.keywords["expression"],
                                             job.keywords["point"]))
    return 0


def _job(expression: Any, point: dict[str, Any],
         lang: str) -> tuple[dict[str, Any], dict[str, Any]]:
    result = graph(expression, point)
    return result.to_dict(), view_of(result, lang)


def _name(node_id: str) -> str:
    return symbol_display(node_id)


def backward_lines(result: GraphResult, name: str) -> list[str]:
    """One line per edge u → v, output first: ∂f/∂u += ∂f/∂v · ∂v/∂u = … ."""
    lines = []
    for node in reversed(result.nodes):
        for source, formula, local in zip(node.inputs, node.partials, node.partial_values,
                                          strict=True):
            v, u = _name(node.id), _name(source)
            factor = fmt(local) if formula.is_Number else f"({to_unicode(formula)} = {fmt(local)})"
            lines.append(f"∂{name}/∂{u} += ∂{name}/∂{v} · ∂{v}/∂{u} = {fmt(node.adjoint)} · "
                         f"{factor} = {fmt(node.adjoint * local)}")
    return lines


def view_of(result: GraphResult, lang: str) -> dict[str, Any]:
    """Everything the text output shows, as plain data (built in the worker)."""
    expression = result.expression
    name = expression.name or "f"
    variables = expression.variable_names
    check = result.check
    return {
        "function": f"{name}({', '.join(symbol_display(v) for v in variables)}) = "
                    f"{expression.unicode}",
        "point": ", ".join(f"{symbol_display(k)} = {fmt(v)}" for k, v in result.point.items()),
        "name": name, "output": _name(result.output.id),
        "nodes": [[_name(n.id), translate(f"network.op.{n.op}", lang) if n.op == "input"
                   else n.op, "" if n.op == "input" else to_unicode(n.local),
                   fmt(n.value), fmt(n.adjoint)] for n in result.nodes],
        "backward": backward_lines(result, name),
        "gradient": [(symbol_display(v), result.gradient[v], check.symbolic[v],
                      check.finite_difference[v]) for v in variables],
        "error": check.max_rel_error,
    }


def show(view: dict[str, Any], ctx: Context) -> None:
    out = render.console(ctx.stdout)
    name = view["name"]
    out.print(render.heading(ctx.t("network.graph.title", function=view["function"],
                                   point=view["point"])))
    out.print(ctx.t("network.graph.forward", output=view["output"]))
    headers = [ctx.t("network.graph.node"), ctx.t("network.graph.op"),
               ctx.t("network.graph.computes"), ctx.t("network.graph.value"),
               ctx.t("network.graph.adjoint", name=name)]
    for line in table(headers, view["nodes"], right={3, 4}):
        out.print("  " + line)
    out.print()
    out.print(render.heading(ctx.t("network.graph.backward", name=name, output=view["output"])))
    for line in view["backward"]:
        out.print("  " + line)
    out.print()
    out.print(render.heading(ctx.t("network.graph.check")))
    rows: list[list[str] | str] = [[f"∂{name}/∂{v}", fmt(b, 12), fmt(s, 12), fmt(d, 12)]
                                   for v, b, s, d in view["gradient"]]
    headers = ["", ctx.t("network.graph.by_backprop"), ctx.t("network.graph.by_symbolic"),
               ctx.t("network.graph.by_differences")]
    for line in table(headers, rows, right={1, 2, 3}):
        out.print("  " + line)
    out.print(ctx.t("network.graph.max_error", error=f"{view['error']:.2e}"))
