"""What the page shows beyond ``--json``: LaTeX of the derivatives, the Lagrange picture.

Each view is built in a worker from the same job the command line runs (its keywords come
from the command's ``task()``), and carries the ``--json`` object unchanged as ``result``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import sympy

from nablab.calculus.report import DiffReport, differentiate
from nablab.core.expression import Expression
from nablab.core.printing import to_latex
from nablab.web import pictures


def _name(expression: Expression) -> str:
    return to_latex(sympy.Symbol(expression.name or "f"))


def _partial_symbol(f: str, var: str, one: bool, order: int = 1) -> str:
    d = "d" if one else "\\partial"
    top = f"{d}^{{{order}}} {f}" if order > 1 else f"{d} {f}"
    bottom = f"{d} {var}^{{{order}}}" if order > 1 else f"{d} {var}"
    return f"\\frac{{{top}}}{{{bottom}}}"


def _vector(items: Sequence[str]) -> str:
    return "\\left(" + ", ".join(items) + "\\right)"


def _matrix(rows: Sequence[Sequence[str]]) -> str:
    body = " \\\\ ".join(" & ".join(row) for row in rows)
    return f"\\begin{{pmatrix}} {body} \\end{{pmatrix}}"


def diff_latex(report: DiffReport) -> dict[str, Any]:
    """The derivatives as LaTeX equations: ∂f/∂x = …, ∇f = (…), H = (…)."""
    expression = report.expression
    f, one = _name(expression), len(expression.variables) == 1
    names = {v.name: to_latex(v) for v in expression.variables}
    partials = [f"{_partial_symbol(f, names[v], one)} = {to_latex(e)}"
                for v, e in report.partials.items()]
    index = {v: i for i, v in enumerate(expression.variable_names)}
    second = [f"{_partial_symbol(f, names[v], one, 2)} = "
              f"{to_latex(report.hessian[index[v], index[v]])}" for v in report.wrt]
    arguments = ", ".join(names.values())
    return {
        "function": f"{f}({arguments}) = {expression.latex}",
        "partials": partials,
        "second": second,
        "gradient": f"\\nabla {f} = {_vector([to_latex(g) for g in report.gradient])}",
        "hessian": f"H_{{{f}}} = {_matrix([[to_latex(e) for e in row] for row in report.hessian.tolist()])}",  # noqa: E501
    }


def diff_view(job: Mapping[str, Any]) -> dict[str, Any]:
    """``nablab diff --json`` and its LaTeX, from the diff job's keywords."""
    report = differentiate(job["expression"], job["wrt"], job["point"])
    return {"result": report.to_dict(), "latex": diff_latex(report)}


def lagrange_view(job: Mapping[str, Any]) -> dict[str, Any]:
    """``nablab lagrange --json``, the text the command prints, and the picture's data."""
    from nablab.cli.commands.lagrange import view
    from nablab.constrained import lagrange

    text = job["variables"]
    names = None if text is None else [v for v in text.replace(",", " ").split() if v]
    result = lagrange(job["expr"], job["constraints"], variables=names, bounds=job["bounds"],
                      exact_timeout=job["exact_timeout"], check=job["check"])
    return {"result": result.to_dict(job["lang"]), "text": view(result, job["lang"]),
            "latex": lagrange_latex(result), "picture": pictures.lagrange_data(result)}


def lagrange_latex(result: Any) -> dict[str, Any]:
    """The problem, the Lagrangian and its system, in LaTeX."""
    names = ", ".join(to_latex(sympy.Symbol(v)) for v in result.variables)
    return {"function": f"{_name(result.objective)}({names}) = {result.latex}",
            "constraints": [c.latex for c in result.constraints],
            "lagrangian": f"L = {result.lagrangian_latex}", "vector_form": result.vector_form_latex,
            "system": list(result.system_latex)}


__all__ = ["diff_latex", "diff_view", "lagrange_latex", "lagrange_view"]
