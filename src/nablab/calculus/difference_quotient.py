"""The difference quotient (f(x + Δx) − f(x))/Δx worked out by algebra, as the notes do.

One strategy per kind of function, each a list of :class:`Move` — one line of the worked
limit — ending in the limit itself:

- polynomials: expand, cancel, divide by Δx, let Δx → 0;
- rational functions: one fraction first;
- roots c·g^(1/n): rationalise the numerator, aⁿ − bⁿ = (a − b)(aⁿ⁻¹ + … + bⁿ⁻¹);
- c·F(kx + b) + d for F = exp, aᵘ, ln, sin, cos: factor, then a standard limit
  (lim (eᵗ − 1)/t = 1, lim (aᵗ − 1)/t = ln a, lim ln(1 + t)/t = 1, lim sin t/t = 1,
  lim (cos t − 1)/t = 0).

Every move keeps the value of the quotient (``before`` equals ``after`` for Δx ≠ 0) except
the moves that take the limit (``takes_limit``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import sympy
from sympy import Add, Mul

from nablab.calculus.notation import latex, unicode
from nablab.core.differentiate import tree_size


@dataclass(frozen=True)
class Move:
    """One line of a worked limit.

    Attributes:
        kind: the catalogue key of its sentence (``limit.say.<kind>``).
        before: the quantity under the limit before the move (a function of x and Δx).
        after: the quantity after it (after the last move: the derivative).
        latex, unicode: the line as shown, without the leading "=".
        params: the sentence's parameters (Unicode math).
        takes_limit: whether this move lets Δx → 0 (otherwise before = after for Δx ≠ 0).
    """

    kind: str
    before: Any
    after: Any
    latex: str
    unicode: str
    params: dict[str, str] = field(default_factory=dict)
    takes_limit: bool = False


@dataclass(frozen=True)
class Setting:
    """What every strategy needs: the variable, its increment Δx."""

    var: sympy.Symbol
    h: sympy.Symbol

    def shift(self, f: Any) -> Any:
        """f(x + Δx), evaluated."""
        return f.xreplace({self.var: self.var + self.h})

    def shift_shown(self, f: Any) -> Any:
        """f(x + Δx) as written, before SymPy multiplies anything out."""
        with sympy.evaluate(False):
            return f.xreplace({self.var: self.var + self.h})

    def quotient(self, f: Any) -> Any:
        return (self.shift(f) - f) / self.h

    def lim(self, body: tuple[str, str]) -> tuple[str, str]:
        return (rf"\lim_{{{latex(self.h)} \to 0}} {body[0]}",
                f"lim_({unicode(self.h)}→0) {body[1]}")


Strategy = Callable[[Any, Setting], list[Move] | None]


def frac(num: tuple[str, str], den: tuple[str, str]) -> tuple[str, str]:
    """num/den as LaTeX ``\\frac`` and as Unicode with the parentheses it needs."""
    top, bottom = num[1], den[1]
    top = f"({top})" if any(c in top for c in " /") else top
    bottom = f"({bottom})" if any(c in bottom for c in " /·") else bottom
    return rf"\frac{{{num[0]}}}{{{den[0]}}}", f"{top}/{bottom}"


def shown(expr: Any, keep_order: bool = False) -> tuple[str, str]:
    return latex(expr, keep_order=keep_order), unicode(expr, keep_order=keep_order)


def grouped(expr: Any, keep_order: bool = False) -> tuple[str, str]:
    """``expr`` in parentheses if it is a sum (after a minus sign or a limit)."""
    text = shown(expr, keep_order)
    if expr.is_Add or (expr.could_extract_minus_sign() and not expr.is_Number):
        return rf"\left({text[0]}\right)", f"({text[1]})"
    return text


def minus(a: tuple[str, str], b: Any) -> tuple[str, str]:
    """a − (b), the parentheses kept as the notes write them."""
    right = grouped(b)
    return f"{a[0]} - {right[0]}", f"{a[1]} − {right[1]}"


def times(a: tuple[str, str], b: tuple[str, str]) -> tuple[str, str]:
    return rf"{a[0]} \cdot {b[0]}", f"{a[1]}·{b[1]}"


def substitute(f: Any, s: Setting, kind: str = "substitute") -> Move:
    """(f(x + Δx) − f(x))/Δx with f(x + Δx) written out but not multiplied out."""
    q = s.quotient(f)
    body = frac(minus(shown(s.shift_shown(f)), f), shown(s.h))
    return Move(kind, q, q, *s.lim(body))


#: Above this power (or size) the written-out algebra is too long to read: the rules take over.
MAX_POWER = 12
MAX_SIZE = 120


def small(f: Any) -> bool:
    """Whether the algebra of f's quotient stays short enough to show (and quick to do)."""
    if tree_size(f, MAX_SIZE) > MAX_SIZE:
        return False
    return all(not (p.exp.is_Integer and abs(p.exp) > MAX_POWER) for p in f.atoms(sympy.Pow))


def polynomial(f: Any, s: Setting) -> list[Move] | None:
    """Expand, cancel the terms without Δx, divide by Δx, let Δx → 0."""
    if not f.is_polynomial(s.var) or not small(f):
        return None
    q = s.quotient(f)
    terms = (*sympy.expand(s.shift(f)).as_ordered_terms(), *(-t for t in f.as_ordered_terms()))
    expanded = Add(*terms, evaluate=False)
    numerator = sympy.expand(s.shift(f) - f)
    divided = sympy.expand(numerator / s.h)
    limit = divided.xreplace({s.h: 0})
    return [
        substitute(f, s),
        Move("expand", q, q, *s.lim(frac(shown(expanded, True), shown(s.h)))),
        Move("cancel_terms", q, numerator / s.h, *s.lim(frac(shown(numerator), shown(s.h)))),
        Move("divide", numerator / s.h, divided, *s.lim(grouped(divided))),
        Move("limit", divided, limit, *shown(limit), takes_limit=True),
    ]


def rational(f: Any, s: Setting) -> list[Move] | None:
    """One fraction, cancel Δx from the numerator, let Δx → 0."""
    if not f.is_rational_function(s.var) or f.is_polynomial(s.var) or not small(f):
        return None
    q = s.quotient(f)
    numer, denom = sympy.fraction(sympy.together(s.shift(f) - f))
    numer = sympy.expand(numer)
    reduced = sympy.cancel(numer / s.h)
    if reduced.has(s.h) and reduced.xreplace({s.h: 0}) == 0:  # pragma: no cover - defensive
        return None
    after = reduced / denom
    limit = sympy.factor(after.xreplace({s.h: 0}))
    one = frac(shown(numer), times(shown(s.h), shown(denom)))
    return [
        substitute(f, s),
        Move("common_denominator", q, numer / (s.h * denom), *s.lim(one)),
        Move("divide", numer / (s.h * denom), after,
             *s.lim(frac(shown(reduced), shown(denom)))),
        Move("limit", after, limit, *shown(limit), takes_limit=True),
    ]


def root(f: Any, s: Setting) -> list[Move] | None:
    """c·g^(1/n): multiply by aⁿ⁻¹ + aⁿ⁻²b + … + bⁿ⁻¹ so the numerator becomes aⁿ − bⁿ."""
    c, core = f.as_independent(s.var, as_Add=False)
    if not (core.is_Pow and core.exp.is_Rational and core.exp.p == 1 and core.exp.q > 1):
        return None
    g, n = core.base, int(core.exp.q)
    if not g.is_rational_function(s.var) or not small(g) or n > MAX_POWER:
        return None
    a, b = s.shift(g) ** core.exp, g**core.exp
    conj = Add(*(a ** (n - 1 - k) * b**k for k in range(n)))
    q = s.quotient(f)
    gap = sympy.cancel(sympy.together(s.shift(g) - g))
    rationalised = c * gap / (s.h * conj)
    reduced = sympy.cancel(gap / s.h)
    after = c * reduced / conj
    limit = (c * reduced.xreplace({s.h: 0}) / (n * b ** (n - 1)))
    top = Mul(c, Add(s.shift(g), -g, evaluate=False), evaluate=False) if c != 1 \
        else Add(s.shift(g), -g, evaluate=False)
    params = {"a": unicode(a), "b": unicode(b), "n": str(n)}
    return [
        substitute(f, s),
        Move("rationalise", q, rationalised,
             *s.lim(frac(shown(top, True), times(shown(s.h), grouped(conj)))), params),
        Move("divide", rationalised, after, *s.lim(frac(shown(c * reduced), shown(conj)))),
        Move("limit", after, limit, *shown(limit), takes_limit=True),
    ]


def linear_argument(u: Any, var: sympy.Symbol) -> tuple[Any, Any] | None:
    """(k, b) when u = k·x + b with k ≠ 0 free of x."""
    if not u.is_polynomial(var) or sympy.degree(u, var) != 1:
        return None
    k = sympy.expand(u).coeff(var, 1)
    return k, sympy.expand(u - k * var)


__all__ = ["Move", "Setting", "Strategy", "frac", "grouped", "linear_argument", "minus",
           "polynomial", "rational", "root", "shown", "substitute", "times"]
