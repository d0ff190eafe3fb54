"""Systems with symbolic constants and denominators, rewritten as polynomial systems over ℚ.

Three rewrites keep such a system on the exact path (:mod:`nablab.solve.exact`):

- **Algebraic constants** (√2, 3^(1/3)): each becomes a new unknown s with its minimal
  polynomial m(s) = 0 as an extra equation; of the solutions, only those with s equal to the
  constant itself are kept (the other roots of m are distinct, so 50 digits tell them apart).
- **One transcendental constant** (π, e, ln 2): it becomes a symbol P and the system is solved
  over the field ℚ(P). Since π is transcendental, no nonzero polynomial over ℚ vanishes at
  π, so the generic solution over ℚ(P), with P = π put in, is exactly the solution at π.
  Two transcendentals (π and e) are refused: whether they are algebraically independent is
  an open problem.
- **Denominators** (x/(x² + 1)): each equation N/D = 0 becomes N = 0, and the points where
  a denominator vanishes are removed exactly by saturation (Rabinowitsch): a new unknown t
  with t·D₁⋯Dₖ = 1 — its elimination ideal has exactly the solutions where no Dᵢ is 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sympy

from nablab.solve.polynomial import _as_expr as as_expr

#: The symbol standing for the transcendental constant (π, e, ln q) over ℚ(P).
PARAMETER = sympy.Symbol("_nablab_P")


@dataclass(frozen=True)
class Rewritten:
    """A system rewritten over ℚ (or ℚ(P)).

    Attributes:
        numerators: polynomial equations in ``unknowns + algebraic`` (and ``PARAMETER``).
        algebraic: new unknowns sₖ, one per algebraic constant (its minimal polynomial is
            among ``numerators``).
        values: the constant each sₖ stands for.
        parameter: the transcendental constant P stands for (``pi``, ``E``, ``log(2)``) or
            ``None``.
        denominators: the denominators that contain an unknown (squarefree, expanded).
    """

    numerators: tuple[Any, ...]
    algebraic: tuple[sympy.Symbol, ...]
    values: tuple[Any, ...]
    parameter: Any | None
    denominators: tuple[Any, ...]


def rewrite(equations: Sequence[Any], unknowns: Sequence[sympy.Symbol]) -> Rewritten | None:
    """The system as polynomials over ℚ / ℚ(P), or ``None`` when it is not of that kind."""
    exprs = [e.as_expr() if isinstance(e, sympy.Poly) else as_expr(e) for e in equations]
    floats = {f: sympy.Rational(str(f)) for e in exprs for f in e.atoms(sympy.Float)}
    exprs = [e.xreplace(floats) for e in exprs]
    constants = _constants(exprs, set(unknowns))
    if constants is None:
        return None
    transcendental = [c for c in constants if not _algebraic(c)]
    if len(transcendental) > 1:
        return None
    algebraic = sorted((c for c in constants if _algebraic(c)), key=sympy.default_sort_key)
    symbols = tuple(sympy.Symbol(f"_nablab_s{k}") for k in range(len(algebraic)))
    table: dict[Any, Any] = dict(zip(algebraic, symbols, strict=True))
    if transcendental:
        table[transcendental[0]] = PARAMETER
        if transcendental[0] == sympy.E:
            exprs = [e.replace(_integer_exp, lambda a: PARAMETER ** a.args[0]) for e in exprs]
    gens = (*unknowns, *symbols, PARAMETER)
    numerators, denominators = [], []
    for e in exprs:
        numerator, denominator = sympy.together(e.xreplace(table)).as_numer_denom()
        if not (_polynomial(numerator, gens) and _polynomial(denominator, gens)):
            return None
        numerators.append(sympy.expand(numerator))
        if denominator.free_symbols & set(unknowns):
            denominators += [f for f, _ in sympy.factor_list(denominator, *unknowns)[1]]
    minimal = [sympy.minimal_polynomial(c, s) for c, s in zip(algebraic, symbols, strict=True)]
    return Rewritten(tuple(numerators + minimal), symbols, tuple(algebraic),
                     transcendental[0] if transcendental else None,
                     tuple(dict.fromkeys(sympy.expand(d) for d in denominators)))


def _integer_exp(e: Any) -> bool:
    return isinstance(e, sympy.exp) and e.args[0].is_Integer


def _constants(exprs: list[Any], unknowns: set[Any]) -> list[Any] | None:
    """The irrational constants in the expressions, or ``None`` if one is not allowed."""
    found: dict[Any, None] = {}
    for e in exprs:
        for node in sympy.preorder_traversal(e):
            if node.is_Symbol:
                if node not in unknowns:
                    return None
            elif _integer_exp(node):
                found[sympy.E] = None  # e², written exp(2) by SymPy: a power of e
            elif isinstance(node, sympy.NumberSymbol):
                if node not in (sympy.pi, sympy.E):
                    return None  # γ, Catalan's G: not known to be transcendental
                found[node] = None
            elif node.is_Pow and node.base.is_Rational and node.exp.is_Rational:
                if not node.exp.is_Integer and node.base > 0:
                    found[node] = None
                elif not node.exp.is_Integer:
                    return None
            elif isinstance(node, sympy.log) and node.args[0].is_Rational:
                if node.args[0] <= 0:
                    return None
                if node.args[0] != 1:
                    found[node] = None
            elif isinstance(node, (sympy.Function, sympy.NumberSymbol)) and not node.free_symbols:
                return None
    return list(found)


def _algebraic(c: Any) -> bool:
    return bool(c.is_Pow)


def _polynomial(expr: Any, gens: tuple[Any, ...]) -> bool:
    try:
        poly = sympy.Poly(expr, *gens)
    except sympy.PolynomialError:
        return False
    return bool(poly.domain.is_ZZ or poly.domain.is_QQ)


__all__ = ["PARAMETER", "Rewritten", "rewrite"]
