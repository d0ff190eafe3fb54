"""The table of basic derivatives: (F(u))′ for each elementary function F.

These are the formulas a learner memorises (the notes' (eˣ)′ = eˣ among them). Each entry
names the rule it belongs to and gives F′ as a function of u, written out here rather than
taken from SymPy, so that the steps are an independent derivation that tests compare with
``sympy.diff``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sympy
from sympy import sqrt

from nablab.core.functions import sigmoid


@dataclass(frozen=True)
class Elementary:
    """One row of the table: the rule's name and u ↦ F′(u)."""

    rule: str
    derivative: Callable[[Any], Any]


TABLE: dict[type, Elementary] = {
    sympy.exp: Elementary("exponential", sympy.exp),                   # (eᵘ)′ = eᵘ
    sympy.log: Elementary("logarithm", lambda u: 1 / u),               # (ln u)′ = 1/u
    sympy.sin: Elementary("trig", sympy.cos),                          # (sin u)′ = cos u
    sympy.cos: Elementary("trig", lambda u: -sympy.sin(u)),            # (cos u)′ = −sin u
    sympy.tan: Elementary("trig", lambda u: 1 + sympy.tan(u) ** 2),    # sec² u = 1 + tan² u
    sympy.cot: Elementary("trig", lambda u: -1 - sympy.cot(u) ** 2),   # −csc² u
    sympy.sec: Elementary("trig", lambda u: sympy.sec(u) * sympy.tan(u)),
    sympy.csc: Elementary("trig", lambda u: -sympy.csc(u) * sympy.cot(u)),
    sympy.asin: Elementary("inverse_trig", lambda u: 1 / sqrt(1 - u**2)),
    sympy.acos: Elementary("inverse_trig", lambda u: -1 / sqrt(1 - u**2)),
    sympy.atan: Elementary("inverse_trig", lambda u: 1 / (1 + u**2)),
    sympy.acot: Elementary("inverse_trig", lambda u: -1 / (1 + u**2)),
    sympy.asec: Elementary("inverse_trig", lambda u: 1 / (u**2 * sqrt(1 - 1 / u**2))),
    sympy.acsc: Elementary("inverse_trig", lambda u: -1 / (u**2 * sqrt(1 - 1 / u**2))),
    sympy.sinh: Elementary("hyperbolic", sympy.cosh),
    sympy.cosh: Elementary("hyperbolic", sympy.sinh),
    sympy.tanh: Elementary("hyperbolic", lambda u: 1 - sympy.tanh(u) ** 2),
    sympy.coth: Elementary("hyperbolic", lambda u: -1 / sympy.sinh(u) ** 2),
    sympy.sech: Elementary("hyperbolic", lambda u: -sympy.tanh(u) * sympy.sech(u)),
    sympy.csch: Elementary("hyperbolic", lambda u: -sympy.coth(u) * sympy.csch(u)),
    sympy.asinh: Elementary("hyperbolic", lambda u: 1 / sqrt(u**2 + 1)),
    sympy.acosh: Elementary("hyperbolic", lambda u: 1 / (sqrt(u - 1) * sqrt(u + 1))),
    sympy.atanh: Elementary("hyperbolic", lambda u: 1 / (1 - u**2)),
    sympy.acoth: Elementary("hyperbolic", lambda u: 1 / (1 - u**2)),
    sympy.asech: Elementary("hyperbolic", lambda u: -1 / (u * sqrt(1 - u**2))),
    sympy.acsch: Elementary("hyperbolic", lambda u: -1 / (u**2 * sqrt(1 + 1 / u**2))),
    sigmoid: Elementary("sigmoid", lambda u: sigmoid(u) * (1 - sigmoid(u))),
    sympy.Abs: Elementary("abs", sympy.sign),                          # |u|′ = sign u, u ≠ 0
}


def lookup(expr: Any) -> Elementary | None:
    """The table row for ``expr``'s head function, if it is elementary."""
    return TABLE.get(type(expr))


__all__ = ["TABLE", "Elementary", "lookup"]
