"""``nablab critical EXPR``: every critical point, classified, and why ∇f = 0 is not enough."""

from __future__ import annotations

import argparse
from functools import partial
from typing import Any

from rich.cells import cell_len

from nablab.cli import figures, pictures, render
from nablab.cli.app import Context
from nablab.core.expression import Expression
from nablab.critical import critical_points, display
from nablab.critical.domain import resolve_domain
from nablab.i18n import translate
from nablab.parse import parse
from nablab.solve.system import EXACT_TIMEOUT

#: Sections of the explanation, by key prefix.
_SECTIONS = {"method": ("critical.method.", "critical.fallback.", "critical.truncated",
                        "critical.outside_domain", "critical.periodic"),
             "global": ("critical.global.",), "why": ("critical.explain.",)}


def register(sub: Any, parents: list[argparse.ArgumentParser], lang: str) -> Any:
    p = sub.add_parser("critical", parents=parents, help=translate("cli.critical.help", lang),
                       description=translate("cli.critical.description", lang))
    p.add_argument("expr", metavar="EXPR", help=translate("cli.arg.expr", lang))
    p.add_argument("--domain", metavar="BOX", help=translate("cli.critical.domain", lang))
    p.add_argument("--vars", metavar="VARS", help=translate("cli.arg.vars", lang))
    figures.add_figure_options(p, lang)
    return p


def _job(expression: Expression, domain: Any, lang: str,
         exact_timeout: float) -> tuple[dict[str, Any], dict[str, Any]]:
    result = critical_points(expression, domain, exact_timeout=exact_timeout)
    sections: dict[str, list[str]] = {name: [] for name in _SECTIONS}
    for (key, _), text in zip(result.notes, result.explain(lang), strict=True):
        name = next(n for n, prefixes in _SECTIONS.items() if key.startswith(prefixes))
        sections[name].append(text)
    view = {"name": expression.name or "f", "variables": list(result.variables),
            "expression": result.unicode, "complete": result.complete,
            "points": [_row(p, lang) for p in result.points], **sections}
    return result.to_dict(lang), view


def _row(point: Any, lang: str) -> dict[str, Any]:
    test = None
    if point.test is not None:
        t = point.test
        method = translate(f"critical.method_name.{t.method}", lang, order=t.order)
        test = translate("critical.test", lang, method=method,
                         result=translate(f"critical.result.{t.result}", lang),
                         proof=translate("critical.proof.yes" if t.proof else
                                         "critical.proof.no", lang))
        if t.evidence:
            test += "; " + translate(f"critical.evidence.{t.evidence}", lang)
    return {"point": point.unicode, "value": point.value_unicode,
            "eigenvalues": ", ".join(display.number(v) for v in point.eigenvalues),
            "kind": translate(f"critical.kind.{point.kind}", lang), "test": test}


def task(args: argparse.Namespace, ctx: Context) -> partial[Any]:
    """The job for these options, ready for ``ctx.run`` (the web API runs the same one)."""
    expression = parse(args.expr, variables=args.vars)
    domain = resolve_domain(args.domain, expression.variable_names) if args.domain else None
    exact_timeout = min(EXACT_TIMEOUT, ctx.timeout / 2)
    return partial(_job, expression=expression, domain=domain, lang=ctx.lang,
                   exact_timeout=exact_timeout)


def run(args: argparse.Namespace, ctx: Context) -> int:
    job = task(args, ctx)
    expression = job.keywords["expression"]
    figures.requested(args)
    data, view = ctx.run(job)
    render.present(ctx, data, view, show)
    figures.write_figures(args, ctx, partial(pictures.critical_picture, expression, data))
    return 0


def show(view: dict[str, Any], ctx: Context) -> None:
    """Print the points as a table, then the method, the global picture and the why."""
    out = render.console(ctx.stdout)
    one = len(view["variables"]) == 1
    out.print(f"{view['name']}({', '.join(view['variables'])}) = {view['expression']}")
    out.print()
    heading = ctx.t("critical.heading.points_1d" if one else "critical.heading.points")
    status = ctx.t("critical.complete" if view["complete"] else "critical.incomplete")
    out.print(render.heading(f"{heading} — {status}"))
    for line in _table(view["points"], ctx, one):
        out.print(line)
    for line in view["method"]:
        out.print(f"  {line}")
    for section, key in (("global", "critical.heading.global"),
                         ("why", "critical.heading.why_1d" if one else "critical.heading.why")):
        if view[section]:
            out.print()
            out.print(render.heading(ctx.t(key)))
            for line in view[section]:
                out.print(f"  {line}")


#: Rows shown at most (``--json`` has every point).
MAX_ROWS = 30


def _table(all_rows: list[dict[str, Any]], ctx: Context, one: bool) -> list[str]:
    if not all_rows:
        return [f"  {ctx.t('critical.none')}"]
    rows = all_rows[:MAX_ROWS]
    header = [ctx.t("critical.column.point"), ctx.t("critical.column.value"),
              ctx.t("critical.column.second" if one else "critical.column.eigenvalues"),
              ctx.t("critical.column.kind")]
    cells = [header] + [[r["point"], r["value"], r["eigenvalues"], r["kind"]] for r in rows]
    widths = [max(cell_len(c[i]) for c in cells) for i in range(3)]
    lines = []
    for i, cell in enumerate(cells):
        padded = [c + " " * (w - cell_len(c)) for c, w in zip(cell, widths, strict=False)]
        lines.append("  " + "   ".join([*padded, cell[3]]))
        if i and rows[i - 1]["test"]:
            lines.append("      ↳ " + rows[i - 1]["test"])
    if len(all_rows) > MAX_ROWS:
        lines.append("  " + ctx.t("critical.more", count=len(all_rows) - MAX_ROWS))
    return lines
