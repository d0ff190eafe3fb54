"""The derivative in a readable form, cheaply; and the sigmoid's σ(1 − σ) form.

``sympy.simplify`` can take seconds and turns σ′ into 1/(4cosh²(x/2)), which no learner
recognises, so the readable form is the shortest of a few cheap rewritings (common factors
pulled out, one cancelled fraction, expanded), each tried only on expressions small enough
for it to stay fast: polynomial algorithms expand powers, so a high power of a sum skips them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sympy

from nablab.core.differentiate import tree_size
from nablab.core.functions import sigmoid

#: Larger expressions are shown as the rules produced them (already correct, maybe long).
SMALL = 150
#: Operations a rewriting must save to be preferred to the derivative as derived.
SAVING = 2
#: A power of a sum above this exponent is never expanded.
MAX_EXPANDED_POWER = 4


def readable(expr: Any) -> Any:
    """The shortest of ``expr`` and a few cheap rewritings of it.

    Length is SymPy's operation count with minus signs free. A rewriting must save at least
    :data:`SAVING` operations to replace the form as derived, so e^(−x)/(1 + e^(−x))² (the
    notes' form) is not traded for e^x/(e^x + 1)².

    >>> x = sympy.Symbol("x")
    >>> readable(x / (x + 1)**2 + 1 / (x + 1)**2)
    1/(x + 1)
    """
    if tree_size(expr, SMALL) > SMALL:
        return expr
    candidates = [sympy.factor_terms(expr)]
    if not _has_high_power(expr):
        candidates.append(sympy.expand(expr))
        if any(p.exp.is_negative for p in expr.atoms(sympy.Pow)):
            candidates.append(sympy.cancel(expr))
    cost, best = min(((_cost(c), i) for i, c in enumerate(candidates)))
    return candidates[best] if cost <= _cost(expr) - SAVING else expr


def _cost(expr: Any) -> int:
    ops = sympy.count_ops(expr, visual=True)
    if ops.is_Number:
        return int(ops)
    return sum(int(n) for op, n in ops.as_coefficients_dict().items() if str(op) != "NEG")


def _has_high_power(expr: Any) -> bool:
    return any(p.exp.is_Integer and abs(p.exp) > MAX_EXPANDED_POWER and not p.base.is_Symbol
               for p in expr.atoms(sympy.Pow))


@dataclass(frozen=True)
class SigmoidForm:
    """A derivative written c·σ(u)(1 − σ(u)).

    Attributes:
        coefficient: c (free of σ(u); 1 for the sigmoid itself).
        argument: u.
    """

    coefficient: Any
    argument: Any

    @property
    def expr(self) -> Any:
        s = sigmoid(self.argument)
        return self.coefficient * s * (1 - s)


def sigmoid_form(derivative: Any, function: Any) -> SigmoidForm | None:
    """``derivative`` as c·σ(u)(1 − σ(u)), when ``function`` contains σ(u) = 1/(1 + e^(−u)).

    The notes' identity: e^(−u) = (1 − σ)/σ, so e^(−u)/(1 + e^(−u))² = σ(1 − σ).

    >>> x = sympy.Symbol("x")
    >>> sigmoid_form(sympy.exp(-x) / (1 + sympy.exp(-x))**2, 1 / (1 + sympy.exp(-x)))
    SigmoidForm(coefficient=1, argument=x)
    """
    s = sympy.Dummy("s")
    for u in _sigmoid_arguments(function):
        replaced = derivative.xreplace({sigmoid(u): s, sympy.exp(-u): (1 - s) / s,
                                        sympy.exp(u): s / (1 - s)})
        if tree_size(replaced, SMALL) > SMALL:
            continue
        c = sympy.cancel(replaced / (s * (1 - s)))
        if not c.has(s) and not c.has(sympy.exp(u)) and not c.has(sympy.exp(-u)):
            return SigmoidForm(c, u)
    return None


def _sigmoid_arguments(function: Any) -> list[Any]:
    """Every u with σ(u) or 1/(1 + e^(−u)) in ``function``."""
    found = [f.args[0] for f in function.atoms(sigmoid)]
    for p in function.atoms(sympy.Pow):
        if p.exp == -1 and p.base.is_Add and len(p.base.args) == 2 and 1 in p.base.args:
            other = p.base.args[0] if p.base.args[1] == 1 else p.base.args[1]
            if isinstance(other, sympy.exp):
                found.append(-other.args[0])
    return found


__all__ = ["SigmoidForm", "readable", "sigmoid_form"]
