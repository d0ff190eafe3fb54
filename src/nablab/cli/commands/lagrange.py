"""``nablab lagrange EXPR --constraint "g = k"``: extremes under constraints, completely.

The job (in a bounded worker) runs :func:`nablab.lagrange` and returns plain data: the
``--json`` object and a view of ready-made strings; this module only prints.
"""

from __future__ import annotations

import argparse
from functools import partial
from typing import Any

from rich.cells import cell_len

from nablab.cli import figures, pictures, render
from nablab.cli.app import Context
from nablab.constrained import LagrangeResult, lagrange
from nablab.i18n import translate
from nablab.solve.system import EXACT_TIMEOUT

#: Sections of the explanation, by key prefix, in the order they are printed.
SECTIONS = {"method": ("lagrange.method.", "lagrange.fallback.", "lagrange.regular."),
            "global": ("lagrange.global.",), "picture": ("lagrange.explain.",),
            "kkt": ("lagrange.kkt.",), "second": ("lagrange.second.",),
            "lambda": ("lagrange.lambda.",), "check": ("lagrange.check.",)}
#: Candidate rows shown at most (``--json`` has all).
MAX_ROWS = 30


def register(sub: Any, parents: list[argparse.ArgumentParser], lang: str) -> Any:
    p = sub.add_parser("lagrange", parents=parents, help=translate("cli.lagrange.help", lang),
                       description=translate("cli.lagrange.description", lang))
    p.add_argument("expr", metavar="EXPR", help=translate("cli.arg.expr", lang))
    p.add_argument("--constraint", "-c", action="append", required=True, metavar="CONSTRAINT",
                   help=translate("cli.lagrange.constraint", lang))
    p.add_argument("--vars", metavar="VARS", help=translate("cli.arg.vars", lang))
    p.add_argument("--bounds", metavar="BOX", help=translate("cli.lagrange.bounds", lang))
    p.add_argument("--no-check", action="store_true",
                   help=translate("cli.lagrange.no_check", lang))
    figures.add_figure_options(p, lang)
    return p


def _job(expr: str, constraints: list[str], variables: str | None, bounds: str | None,
         lang: str, exact_timeout: float, check: bool) -> tuple[dict[str, Any], dict[str, Any]]:
    names = None if variables is None else [v for v in variables.replace(",", " ").split() if v]
    result = lagrange(expr, constraints, variables=names, bounds=bounds,
                      exact_timeout=exact_timeout, check=check)
    return result.to_dict(lang), view(result, lang)


def view(result: LagrangeResult, lang: str) -> dict[str, Any]:
    """Everything the text output prints, as strings (built in the worker)."""
    sections: dict[str, list[str]] = {name: [] for name in SECTIONS}
    for (key, _), text in zip(result.notes, result.explain(lang), strict=True):
        name = next(n for n, prefixes in SECTIONS.items() if key.startswith(prefixes))
        sections[name].append(text)
    rows = [{"point": c.unicode, "multipliers": ", ".join(c.multipliers_unicode),
             "value": c.value_unicode, "kind": translate(f"lagrange.kind.{c.kind}", lang),
             "extreme": translate(f"lagrange.extreme.{c.extreme}", lang) if c.extreme else ""}
            for c in result.candidates]
    rows += [{"point": p.unicode, "multipliers": "—", "value": p.value_unicode,
              "kind": translate("lagrange.singular", lang),
              "extreme": translate(f"lagrange.extreme.{p.extreme}", lang) if p.extreme else ""}
             for p in result.singular_points]
    return {"function": f"{result.objective.name or 'f'}({', '.join(result.variables)}) = "
                        f"{result.unicode}",
            "constraints": [c.unicode for c in result.constraints],
            "lagrangian": f"{result.lagrangian_head} = {result.lagrangian_unicode}",
            "vector_form": result.vector_form, "system": list(result.system),
            "complete": result.complete, "rows": rows, **sections}


def task(args: argparse.Namespace, ctx: Context) -> partial[Any]:
    """The job for these options, ready for ``ctx.run`` (the web API runs the same one)."""
    exact_timeout = min(EXACT_TIMEOUT, ctx.timeout / 2)
    return partial(_job, expr=args.expr, constraints=list(args.constraint),
                   variables=args.vars, bounds=args.bounds, lang=ctx.lang,
                   exact_timeout=exact_timeout, check=not args.no_check)


def run(args: argparse.Namespace, ctx: Context) -> int:
    job = task(args, ctx)
    figures.requested(args)
    data, shown = ctx.run(job)
    render.present(ctx, data, shown, show)
    figures.write_figures(args, ctx, partial(pictures.lagrange_picture_of, args.expr,
                                             list(args.constraint), args.vars, args.bounds))
    return 0


def show(shown: dict[str, Any], ctx: Context) -> None:
    """The problem, the Lagrangian, the system, the candidates, then the explanation."""
    out = render.console(ctx.stdout)
    out.print(shown["function"])
    for c in shown["constraints"]:
        out.print(f"  {c}")
    out.print()
    out.print(render.heading(ctx.t("lagrange.heading.lagrangian")))
    out.print(f"  {shown['lagrangian']}")
    out.print()
    out.print(render.heading(ctx.t("lagrange.heading.system")))
    for line in [shown["vector_form"], *shown["system"]]:
        out.print(f"  {line}")
    out.print()
    status = ctx.t("lagrange.complete" if shown["complete"] else "lagrange.incomplete")
    out.print(render.heading(f"{ctx.t('lagrange.heading.candidates')} — {status}"))
    for line in _table(shown["rows"], ctx):
        out.print(line)
    for line in shown["method"]:
        out.print(f"  {line}")
    for section in ("global", "picture", "kkt", "second", "lambda", "check"):
        if shown[section]:
            out.print()
            out.print(render.heading(ctx.t(f"lagrange.heading.{section}")))
            for line in shown[section]:
                out.print(f"  {line}")


def _table(all_rows: list[dict[str, str]], ctx: Context) -> list[str]:
    if not all_rows:
        return [f"  {ctx.t('lagrange.none')}"]
    rows = all_rows[:MAX_ROWS]
    header = [ctx.t("lagrange.column.point"), ctx.t("lagrange.column.multipliers"),
              ctx.t("lagrange.column.value"), ctx.t("lagrange.column.kind")]
    cells = [header] + [[r["point"], r["multipliers"], r["value"], r["kind"]] for r in rows]
    widths = [max(cell_len(c[i]) for c in cells) for i in range(4)]
    lines = []
    for i, cell in enumerate(cells):
        padded = [c + " " * (w - cell_len(c)) for c, w in zip(cell, widths, strict=True)]
        mark = f"   ← {rows[i - 1]['extreme']}" if i and rows[i - 1]["extreme"] else ""
        lines.append(("  " + "   ".join(padded)).rstrip() + mark)
    if len(all_rows) > MAX_ROWS:
        lines.append("  " + ctx.t("lagrange.more", count=len(all_rows) - MAX_ROWS))
    return lines
