"""What the page shows beyond the JSON: the derivatives in LaTeX, the Lagrange picture.

Each view carries the job's JSON unchanged as ``result``, and adds what the result presents
for a page (its LaTeX, its text) and the samples the page draws.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nablab.calculus.report import DiffReport
from nablab.constrained import LagrangeResult
from nablab.jobs.request import Request
from nablab.web import pictures


def diff_view(request: Request, report: DiffReport, lang: str) -> dict[str, Any]:
    """``nablab diff --json`` and its equations in LaTeX."""
    return {"result": request.output(report, lang, True), "latex": report.latex()}


def lagrange_view(request: Request, result: LagrangeResult, lang: str) -> dict[str, Any]:
    """``nablab lagrange --json``, the text the command prints, and the picture's data."""
    return {"result": request.output(result, lang, True), "text": result.text_view(lang),
            "latex": result.latex_view(), "picture": pictures.lagrange_data(result)}


#: The views the page asks for, by job.
VIEWS: dict[str, Callable[[Any, Any, str], dict[str, Any]]] = {"diff": diff_view,
                                                               "lagrange": lagrange_view}


__all__ = ["VIEWS", "diff_view", "lagrange_view"]
