"""The Lagrangian and the Lagrange system as a learner writes them (Unicode, LaTeX, SymPy).

Printed by hand from the pieces, not from SymPy's sum, so L reads f − λ(g − k) in the
textbook order instead of SymPy's sorted terms::

    L(x, y, λ) = 4 − x² − 2y² − λ(2(x − 1)² − 10y + 6)     (f as typed)
    −2x = λ(4x − 4)
    −4y = −10λ
    2(x − 1)² − 10y + 6 = 0
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sympy

from nablab.constrained.problem import Constraint, Problem
from nablab.core.printing import to_latex, to_str, to_unicode

_OPS = {"unicode": {"=": "=", "<=": "≤", ">=": "≥"},
        "latex": {"=": "=", "<=": r"\le", ">=": r"\ge"},
        "str": {"=": "=", "<=": "<=", ">=": ">="}}
_PRINTERS: dict[str, Callable[[Any], str]] = {"unicode": to_unicode, "latex": to_latex,
                                              "str": to_str}


@dataclass(frozen=True)
class Written:
    """One formula in the three notations."""

    unicode: str
    latex: str
    str: str


def _each(build: Callable[[str], str]) -> Written:
    return Written(build("unicode"), build("latex"), build("str"))


def _minus(style: str) -> str:
    return {"unicode": " − ", "latex": " - ", "str": " - "}[style]


def shifted(c: Constraint, style: str) -> str:
    """g − k, written ``g`` when k = 0 and ``g + |k|`` when k < 0."""
    show = _PRINTERS[style]
    g = show(c.g)
    if c.k == 0:
        return g
    if c.k.is_negative:
        return f"{g} + {show(-c.k)}"
    return f"{g}{_minus(style)}{show(c.k)}"


def _product(symbol: sympy.Symbol, body: str, style: str) -> str:
    name = _PRINTERS[style](symbol)
    if style == "latex":
        return rf"{name}\left({body}\right)"
    return f"{name}*({body})" if style == "str" else f"{name}({body})"


def lagrangian(problem: Problem) -> Written:
    """L = f − Σ λᵢ (gᵢ − kᵢ), with f as the learner typed it."""

    def build(style: str) -> str:
        f = problem.objective
        text = {"unicode": f.unicode, "latex": f.latex}.get(style) or to_str(f.expr)
        for c in problem.constraints:
            text += _minus(style) + _product(c.multiplier, shifted(c, style), style)
        return text

    return _each(build)


def lagrangian_head(problem: Problem) -> Written:
    """``L(x, y, λ)``: the Lagrangian's name and arguments."""
    args = (*problem.variables, *problem.multipliers)
    return _each(lambda s: "L(" + ", ".join(_PRINTERS[s](a) for a in args) + ")")


def relation(c: Constraint) -> Written:
    """gᵢ op kᵢ."""
    return _each(lambda s: f"{_PRINTERS[s](c.g)} {_OPS[s][c.op]} {_PRINTERS[s](c.k)}")


def stationarity(problem: Problem) -> list[Written]:
    """One equation per variable: ∂f/∂xⱼ = Σ λᵢ ∂gᵢ/∂xⱼ."""
    rows = []
    for v in problem.variables:
        left = sympy.diff(problem.objective.expr, v)
        right = sum((c.multiplier * sympy.diff(c.g, v) for c in problem.constraints),
                    sympy.Integer(0))
        rows.append(_equation(left, right))
    return rows


def system(problem: Problem) -> list[Written]:
    """The Lagrange (KKT) system: stationarity, then each constraint; for an inequality also
    complementary slackness λᵢ(gᵢ − kᵢ) = 0."""
    rows = stationarity(problem)
    for c in problem.constraints:
        rows.append(relation(c))
        if c.kind != "equality":
            rows.append(_slackness(c))
    return rows


def _equation(left: Any, right: Any) -> Written:
    return _each(lambda s: f"{_PRINTERS[s](left)} = {_PRINTERS[s](right)}")


def _slackness(c: Constraint) -> Written:
    """λᵢ(gᵢ − kᵢ) = 0."""
    return _each(lambda s: _product(c.multiplier, shifted(c, s), s) + " = 0")


def vector_form(problem: Problem) -> Written:
    """``∇f = λ∇g`` or ``∇f = λ₁∇g₁ + λ₂∇g₂`` (the shape of the system)."""
    many = len(problem.constraints) > 1

    def build(style: str) -> str:
        nabla = r"\nabla " if style == "latex" else ("∇" if style == "unicode" else "grad ")
        terms = []
        for i, c in enumerate(problem.constraints, 1):
            g = (f"g_{{{i}}}" if style == "latex" else f"g{_sub(i, style)}") if many else "g"
            terms.append(f"{_PRINTERS[style](c.multiplier)}{'*' if style == 'str' else ''}"
                         f"{nabla}{g}")
        return f"{nabla}f = " + " + ".join(terms)

    return _each(build)


def _sub(i: int, style: str) -> str:
    return str(i).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")) if style == "unicode" \
        else str(i)


__all__ = ["Written", "lagrangian", "lagrangian_head", "relation", "shifted", "stationarity",
           "system", "vector_form"]
