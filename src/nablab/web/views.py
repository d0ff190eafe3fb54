"""What the page shows beyond the JSON: the derivatives in LaTeX, the Lagrange and Taylor
pictures.

Each view carries the job's JSON unchanged as ``result``, and adds what the result presents
for a page (its LaTeX, its text) and the samples the page draws.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nablab.calculus.notation import latex
from nablab.calculus.report import DiffReport
from nablab.calculus.taylor import TaylorPolynomial
from nablab.constrained import LagrangeResult
from nablab.i18n import translate
from nablab.jobs.request import Request
from nablab.web import pictures


def diff_view(request: Request, report: DiffReport, lang: str) -> dict[str, Any]:
    """``nablab diff --json`` and its equations in LaTeX."""
    return {"result": request.output(report, lang, True), "latex": report.latex()}


def lagrange_view(request: Request, result: LagrangeResult, lang: str) -> dict[str, Any]:
    """``nablab lagrange --json``, the text the command prints, and the picture's data."""
    return {"result": request.output(result, lang, True), "text": result.text_view(lang),
            "latex": result.latex_view(), "picture": pictures.lagrange_data(result)}


def taylor_view(request: Request, result: TaylorPolynomial, lang: str) -> dict[str, Any]:
    """``nablab taylor --json``, T_n and each term in LaTeX with its name, and the picture."""
    one = "_1d" if len(result.expression.variables) == 1 else ""
    names = [translate(f"taylor.term.{t.kind}{one if t.kind != 'higher' else ''}", lang,
                       k=t.degree) for t in result.terms]
    return {"result": request.output(result, lang, True),
            "latex": {"polynomial": latex(result.polynomial),
                      "terms": [latex(t.term) for t in result.terms]},
            "names": names,
            "errors_heading": translate(f"taylor.errors{one}", lang),
            "error_note": translate("taylor.error_note", lang, order=result.order + 1),
            "picture": pictures.taylor_data(result)}


#: The views the page asks for, by job.
VIEWS: dict[str, Callable[[Any, Any, str], dict[str, Any]]] = {
    "diff": diff_view, "lagrange": lagrange_view, "taylor": taylor_view}


__all__ = ["VIEWS", "diff_view", "lagrange_view", "taylor_view"]
