"""``nablab tangent EXPR --at X0 [--direction U]``: tangent line and secants, or tangent plane."""

from __future__ import annotations

import argparse
from functools import partial
from typing import Any

from nablab.calculus.notation import unicode
from nablab.calculus.tangent import TangentLine, TangentPlane, tangent_line, tangent_plane
from nablab.cli import figures, pictures, render
from nablab.cli.app import Context
from nablab.cli.commands import _derivative_args as common
from nablab.core.expression import Expression
from nablab.errors import UsageError
from nablab.i18n import translate
from nablab.parse import parse_point


def register(sub: Any, parents: list[argparse.ArgumentParser], lang: str) -> Any:
    p = sub.add_parser("tangent", parents=parents, help=translate("cli.tangent.help", lang),
                       description=translate("cli.tangent.description", lang))
    common.add_function(p, lang)
    p.add_argument("--at", metavar="X0", required=True, help=translate("cli.tangent.at", lang))
    p.add_argument("--direction", metavar="U", help=translate("cli.tangent.direction", lang))
    figures.add_figure_options(p, lang, animate=True)
    return p


def _job(expression: Expression, point: dict[str, Any],
         direction: list[Any] | None) -> tuple[dict[str, Any], dict[str, Any]]:
    if len(expression.variables) <= 1:
        line = tangent_line(expression, next(iter(point.values())))
        return line.to_dict(), _line_view(expression, line)
    plane = tangent_plane(expression, point, direction)
    return plane.to_dict(), _plane_view(expression, plane)


def _line_view(expression: Expression, t: TangentLine) -> dict[str, Any]:
    x, name = unicode(t.var), expression.name or "f"
    return {
        "function": f"{name}({x}) = {expression.unicode}",
        "point": f"{x}₀ = {unicode(t.x0)}",
        "values": [f"{name}({unicode(t.x0)}) = {unicode(t.value)}",
                   f"{name}′({unicode(t.x0)}) = {unicode(t.slope)}"],
        "line": _distinct([f"y = {name}({x}₀) + {name}′({x}₀)({x} − {x}₀)",
                           t.point_slope()[0], str(t)]),
    }


def _distinct(lines: list[str]) -> list[str]:
    return [line for i, line in enumerate(lines) if i == 0 or line != lines[i - 1]]


def _plane_view(expression: Expression, p: TangentPlane) -> dict[str, Any]:
    names = [unicode(v) for v in expression.variables]
    name = expression.name or "f"
    at = ", ".join(unicode(v) for v in p.point.values())
    general = " + ".join(f"{name}_{n}·({n} − {n}₀)" for n in names)
    view: dict[str, Any] = {
        "function": f"{name}({', '.join(names)}) = {expression.unicode}",
        "point": f"({', '.join(names)}) = ({at})",
        "values": [f"{name}({at}) = {unicode(p.value)}",
                   f"∇{name}({at}) = ({', '.join(unicode(g) for g in p.gradient)})"],
        "line": _distinct([f"{p.lhs} = {name}₀ + {general}", p.point_slope()[0], str(p)]),
        "directional": None,
    }
    if p.direction is not None:
        unit = f"({', '.join(unicode(u) for u in p.direction)})"
        view["directional"] = (unit, f"D_u {name} = ∇{name}·u = "
                                     f"{unicode(p.directional_derivative)}",
                               p.directional_derivative.is_Rational)
    return view


def task(args: argparse.Namespace, ctx: Context) -> partial[Any]:
    """The job for these options, ready for ``ctx.run`` (the web API runs the same one)."""
    expression = common.function(args)
    point = common.point(expression, args.at)
    direction = None
    if args.direction is not None:
        if len(expression.variables) < 2:
            raise UsageError("direction_needs_plane")
        pieces = [p for p in args.direction.split(",") if p.strip()]
        if len(pieces) != len(expression.variables):
            raise UsageError("bad_direction", count=len(expression.variables))
        names = tuple(f"u{i}" for i in range(len(pieces)))
        direction = list(parse_point(args.direction, names).values())
    return partial(_job, expression=expression, point=point, direction=direction)


def run(args: argparse.Namespace, ctx: Context) -> int:
    job = task(args, ctx)
    expression, point = job.keywords["expression"], job.keywords["point"]
    figures.requested(args)
    data, view = ctx.run(job)
    if ctx.json:
        render.print_json(data, ctx.stdout)
    else:
        show(data, view, ctx)
    figures.write_figures(args, ctx, partial(pictures.tangent_picture, expression, point, data))
    return 0


def show(data: dict[str, Any], view: dict[str, Any], ctx: Context) -> None:
    out = render.console(ctx.stdout)
    out.print(view["function"])
    out.print()
    plane = "plane" in data
    out.print(render.heading(ctx.t("label.tangent_plane" if plane else "label.tangent_line",
                                   point=view["point"])))
    for line in view["values"]:
        out.print(f"  {line}")
    out.print(f"  {view['line'][0]}")
    for line in view["line"][1:]:
        out.print(f"    {line[2:]}")
    if plane and view["directional"] is not None:
        out.print()
        unit, equation, exact = view["directional"]
        out.print(render.heading(ctx.t("label.directional", unit=unit)))
        approx = "" if exact else f" ≈ {render.number(data['directional_derivative'])}"
        out.print(f"  {equation}{approx}")
    if not plane:
        _show_secants(data, ctx, out)


def _show_secants(data: dict[str, Any], ctx: Context, out: Any) -> None:
    out.print()
    out.print(render.heading(ctx.t("label.secants")))
    header = [ctx.t("label.h"), ctx.t("label.slope"), ctx.t("label.abs_error")]
    rows = [[render.number(s["h"]), render.number(s["slope"]),
             f"{s['error']:.1e}".replace("-", "−")]
            for s in data["secants"]]
    widths = [max(len(c) for c in col) for col in zip(header, *rows, strict=True)]
    for row in [header, *rows]:
        out.print("  " + "  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)))
    out.print(f"  → f′(x₀) = {render.number(data['slope'])}")
