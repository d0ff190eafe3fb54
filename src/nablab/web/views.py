"""What the page shows beyond the JSON: the derivatives in LaTeX, the Lagrange and Taylor
pictures.

Each view carries the job's JSON unchanged as ``result``, and adds what the result presents
for a page (its LaTeX, its text) and the samples the page draws.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nablab.calculus.limit2d_result import Limit2D
from nablab.calculus.mixed import MixedPartial, subscript
from nablab.calculus.notation import latex, unicode
from nablab.calculus.report import DiffReport
from nablab.calculus.taylor import TaylorPolynomial
from nablab.check.result import CheckResult, shown
from nablab.constrained import LagrangeResult
from nablab.core.printing import to_latex
from nablab.i18n import translate
from nablab.jobs.request import Request
from nablab.web import pictures
from nablab.web.network import network_view


def diff_view(request: Request, report: DiffReport | MixedPartial, lang: str) -> dict[str, Any]:
    """``nablab diff --json`` and its equations in LaTeX (``--mixed``: :func:`mixed_view`)."""
    if isinstance(report, MixedPartial):
        return mixed_view(request, report, lang)
    return {"result": request.output(report, lang, True), "latex": report.latex()}


def mixed_view(request: Request, result: MixedPartial, lang: str) -> dict[str, Any]:
    """``nablab diff --mixed --json`` and what the command prints, each formula in LaTeX:
    the partials on the way, every order of the same variables and whether they agree
    (Clairaut), and the values at the point (from the limit definition where the formulas
    are undefined) with whether the orders agree there."""
    f = result.expression
    at = None if result.point is None else ", ".join(unicode(v) for v in result.point.values())
    out: dict[str, Any] = {
        "result": request.output(result, lang, True),
        "function": f"{f.name or 'f'}({', '.join(f.variable_names)}) = {f.latex}",
        "heading": translate("mixed.heading", lang, name=result.steps[-1][0]),
        "steps": [f"{_sub(name[2:])} = {latex(d)}" for name, d in result.steps],
        "orderings_heading": translate("mixed.orderings", lang),
        "orderings": [f"{_sub(''.join(o))} = {latex(d)}" for o, d in result.orderings],
        "agree": translate({True: "mixed.agree", False: "mixed.differ",
                            None: "mixed.undecided"}[result.agree], lang),
        "at_heading": None, "limit_definition": None, "values": [], "verdict": []}
    if at is None or result.values is None:
        return out
    pairs = list(zip(result.orderings, result.values, strict=True))
    values = [f"{_sub(''.join(o))}({at}) = {'—' if v is None else latex(v)}"
              for (o, _), v in pairs]
    said = "; ".join(f"{subscript(o)}({at}) = {'—' if v is None else unicode(v)}"
                     for (o, _), v in pairs)
    verdict = {False: [translate("web.mixed.values_differ", lang, values=said),
                       translate("mixed.clairaut_fails", lang)],
               True: [translate("web.mixed.values_agree", lang)], None: []}
    out.update({"at_heading": translate("mixed.at", lang, point=f"({at})"),
                "limit_definition": translate("mixed.limit_definition", lang)
                if result.limit_definition else None,
                "values": values, "verdict": verdict[result.values_agree]})
    return out


def _sub(order: str) -> str:
    """f_{xy} in LaTeX for the order ``xy``."""
    return f"f_{{{order}}}"


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


def limit_view(request: Request, result: Any, lang: str) -> dict[str, Any]:
    """``nablab limit --json``; for a limit in two variables also what the command prints:
    the question in LaTeX, the paths' table, the polar argument and the verdict."""
    out: dict[str, Any] = {"result": request.output(result, lang, True)}
    if not isinstance(result, Limit2D):
        return out
    f = result.expression
    polar = _polar_lines(result, lang) if result.polar is not None else []
    out.update({
        "latex": f"\\lim_{{{result._approach(latex)}}} {f.latex}",
        "continuous": translate("limit2d.continuous", lang, value=unicode(result.value))
        if result.reason == "continuous" else None,
        "paths_heading": translate("limit2d.paths_heading", lang),
        "columns": [translate("limit2d.path", lang), translate("limit2d.limit", lang)],
        "rows": [[p.path, p.shown()] for p in result.paths],
        "paths_note": translate("limit2d.paths_note", lang),
        "polar_heading": translate("limit2d.polar_heading", lang) if polar else None,
        "polar": polar, "result_heading": translate("label.result", lang),
        "conclusion": result.conclusion(lang),
        "picture": pictures.limit2d_data(result, lang)})
    return out


def _polar_lines(result: Limit2D, lang: str) -> list[str]:
    """The polar argument as the command prints it (Limit2D.document): x − a = r cos θ, …,
    f in r and θ, and the bound or its absence."""
    heading = translate("limit2d.polar_heading", lang)
    lines = [line.strip() for line, _ in result.document(lang).lines()]
    start = lines.index(heading) + 1
    end = lines.index(translate("label.result", lang), start)
    return [line for line in lines[start:end] if line]


def implicit_view(request: Request, result: Any, lang: str) -> dict[str, Any]:
    """``nablab implicit --json``, the lines the command prints (headings marked), the
    derivative in LaTeX and the level curve's samples."""
    names = [v.name for v in result.variables]
    dependent = names[-1]
    derivatives = [f"\\frac{{\\partial {dependent}}}{{\\partial {n}}} = {latex(d)}"
                   for n, d in zip(names[:-1], result.derivatives, strict=False)]
    if len(names) == 2:
        derivatives = [f"\\frac{{d{dependent}}}{{d{names[0]}}} = {latex(result.derivatives[0])}"]
    return {"result": request.output(result, lang, True),
            "lines": [[line.strip(), heading] for line, heading in result.document(lang).lines()
                      if line.strip()],
            "latex": {"derivatives": derivatives},
            "picture": pictures.implicit_data(result)}


def chain_view(request: Request, result: Any, lang: str) -> dict[str, Any]:
    """``nablab chain --json``, the tree as nested items (each with its edge's partial), the
    command's other lines (headings marked), and each result in LaTeX."""
    tree: list[dict[str, Any]] = []
    rest: list[list[Any]] = []
    head: list[str] = []
    tree_heading = ""
    headings = 0
    for line, heading in result.document(lang).lines():
        headings += heading
        if not line.strip():
            continue
        if headings == 0:
            head.append(line.strip())
        elif headings == 1 and heading:
            tree_heading = line.strip()
        elif headings == 1:  # the first section is the tree diagram
            _tree_item(tree, line[2:])
        else:
            rest.append([line.strip(), heading])
    answer = request.output(result, lang, True)
    return {"result": answer, "head": head, "tree_heading": tree_heading, "tree": tree,
            "lines": rest,
            "latex": [d["latex"] for d in answer["derivatives"]]}


def _tree_item(tree: list[dict[str, Any]], line: str) -> None:
    """One line of the command's tree ("│  ├─ s    ∂x/∂s = t") into nested items."""
    body = line.lstrip(" │├└─")
    level = tree
    for _ in range((len(line) - len(body)) // 3):
        if not level:
            break
        level = level[-1]["children"]
    name, _, edge = body.strip().partition(" ")
    level.append({"name": name, "edge": edge.strip(), "children": []})


def descent_view(request: Request, result: Any, lang: str) -> dict[str, Any]:
    """``nablab descend --json`` (or ``race``) and, for Newton's runs, each first step's
    quadratic model (its level curve through θ_k and its minimiser) to draw on the contours."""
    return {"result": request.output(result, lang, True),
            "models": pictures.newton_models(result)}


def check_view(request: Request, result: CheckResult, lang: str) -> dict[str, Any]:
    """``nablab check --json``, the verdict's word, and the right answer in LaTeX for the
    page to typeset."""
    return {"result": request.output(result, lang, True),
            "verdict": translate(f"check.verdict.{result.verdict}", lang),
            "latex": {"expected": shown(result.expected_shown(), to_latex)}}


#: The views the page asks for, by job.
VIEWS: dict[str, Callable[[Any, Any, str], dict[str, Any]]] = {
    "diff": diff_view, "lagrange": lagrange_view, "taylor": taylor_view, "limit": limit_view,
    "implicit": implicit_view, "chain": chain_view, "descend": descent_view,
    "race": descent_view, "check": check_view, "train": network_view}


__all__ = ["VIEWS", "chain_view", "check_view", "descent_view", "diff_view", "implicit_view",
           "lagrange_view", "limit_view", "mixed_view", "taylor_view"]
