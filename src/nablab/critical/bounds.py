"""Proven bounds f ≥ c (or f ≤ c) on all of ℝⁿ, read off the expression as typed.

A textbook settles "is p a global minimum?" by writing f − f(p) so that its sign is plain:
(1 − x)² + 100(y − x²)² ≥ 0, √(x² + y²) + 1 ≥ 1, 9 − x⁴y⁴ ≤ 9. Two provers, both exact:

- **Term by term** (:func:`value_range`): an interval [low, high] for every node of the
  expression tree, from the rules a learner uses — even powers, squares, |u|, √u, eᵘ and
  relu(u) are ≥ 0; sin, cos, tanh, sigmoid are bounded; sums add, positive multiples scale,
  products of nonnegatives are nonnegative, 1/u ≤ 1/low when u ≥ low > 0; monotone
  functions map the ends. Each low/high is an exact number (never a float), and ``None``
  means unbounded (or not shown). The bound holds wherever f is defined.
- **Convex quadratic** (:func:`lower_bound` on a degree-2 polynomial): when the (constant)
  Hessian H is positive semidefinite (exact inertia), f(x) = f(p) + ½(x − p)ᵀH(x − p) at any
  p with ∇f(p) = 0, and completing the square writes the quadratic form as a sum of squares
  with positive coefficients — x² − 2xy + y² = (x − y)².

A bound is a statement about f's values, not a point: :mod:`nablab.critical.globality`
turns it into a global minimum only where f reaches it at a point, checked exactly.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import sympy

from nablab.critical.classify import exact_inertia
from nablab.critical.forms import sign

#: (low, high), exact numbers; ``None``: not bounded on that side (or not shown).
Range = tuple[Any | None, Any | None]

SUM_OF_SQUARES, NONNEGATIVE, CONVEX = "sum_of_squares", "nonnegative", "convex"


@dataclass(frozen=True)
class Bound:
    """f ≥ value (``side`` +1) or f ≤ value (``side`` −1), everywhere f is defined.

    Attributes:
        value: the bound, an exact SymPy number.
        side: +1 for a lower bound, −1 for an upper bound.
        reason: ``"sum_of_squares"`` (f − c is a sum of positive multiples of squares),
            ``"nonnegative"`` (term by term: each piece's range is known) or ``"convex"``
            (a quadratic with a positive semidefinite Hessian).
        certificate: f − value written so that its sign shows (a SymPy expression).
    """

    value: Any
    side: int
    reason: str
    certificate: Any


def lower_bound(expr: Any, poly: sympy.Poly | None = None) -> Bound | None:
    """A proven c with f ≥ c, term by term or (``poly`` of degree 2) by convexity."""
    low, _ = value_range(expr)
    if low is not None:
        rest = expr - low
        return Bound(low, 1, SUM_OF_SQUARES if _squares(rest) else NONNEGATIVE, rest)
    if poly is not None and poly.total_degree() == 2:
        return _convex_quadratic(poly)
    return None


def upper_bound(expr: Any, poly: sympy.Poly | None = None) -> Bound | None:
    """A proven c with f ≤ c (a lower bound of −f, turned around)."""
    found = lower_bound(-expr, None if poly is None else -poly)
    if found is None:
        return None
    return Bound(-found.value, -1, found.reason, -found.certificate)


def _squares(expr: Any) -> bool:
    """Whether ``expr`` is a sum of terms c·u₁^{2k₁}·u₂^{2k₂}⋯ with c > 0 (each a square)."""
    terms = sympy.Add.make_args(expr)
    return all(_square_term(t) for t in terms) and not expr.is_number


def _square_term(term: Any) -> bool:
    coeff, factors = term.as_coeff_mul()
    return coeff > 0 and bool(factors) and all(
        f.is_Pow and f.exp.is_Integer and f.exp > 0 and f.exp % 2 == 0 for f in factors)


def value_range(expr: Any) -> Range:
    """[low, high] of ``expr`` over ℝⁿ (where defined), proven term by term."""
    if expr.is_number:
        return (expr, expr) if expr.is_extended_real and expr.is_finite else (None, None)
    if expr.is_Symbol:
        return None, None
    if expr.is_Add:
        parts = [value_range(a) for a in expr.args]
        return _total([p[0] for p in parts]), _total([p[1] for p in parts])
    if expr.is_Mul:
        return _product([value_range(a) for a in expr.args])
    if expr.is_Pow:
        return _power(expr.base, expr.exp)
    rule = _RULES.get(type(expr).__name__)
    if rule is None or len(expr.args) != 1:
        return _extreme(expr)
    return rule(value_range(expr.args[0]))


def _total(values: Sequence[Any | None]) -> Any | None:
    return None if any(v is None for v in values) else sympy.Add(*values)


def _nonneg(value: Any | None) -> bool:
    return value is not None and sign(value) >= 0


def _product(ranges: Sequence[Range]) -> Range:
    """The range of a product: exact interval multiplication, else nonnegative factors."""
    low, high = ranges[0]
    for lo2, hi2 in ranges[1:]:
        low, high = _times((low, high), (lo2, hi2))
    return low, high


def _times(a: Range, b: Range) -> Range:
    (a0, a1), (b0, b1) = a, b
    if a0 is not None and a1 is not None and b0 is not None and b1 is not None:
        corners = [a0 * b0, a0 * b1, a1 * b0, a1 * b1]
        return _least(corners), _most(corners)
    for (lo1, hi1), (lo2, hi2) in ((a, b), (b, a)):
        if lo1 is not None and hi1 is not None and lo1 == hi1:   # a constant factor c
            if sign(lo1) >= 0:
                return _scaled(lo2, lo1), _scaled(hi2, lo1)
            return _scaled(hi2, lo1), _scaled(lo2, lo1)
    if a0 is not None and b0 is not None and _nonneg(a0) and _nonneg(b0):
        return a0 * b0, None
    return None, None


def _scaled(value: Any | None, c: Any) -> Any | None:
    if c == 0:
        return sympy.Integer(0)
    return None if value is None else value * c


def _least(values: Sequence[Any]) -> Any:
    out = values[0]
    for v in values[1:]:
        out = v if sign(v - out) < 0 else out
    return out


def _most(values: Sequence[Any]) -> Any:
    out = values[0]
    for v in values[1:]:
        out = v if sign(v - out) > 0 else out
    return out


def _magnitude(r: Range) -> Range:
    """The range of |u| from the range of u."""
    low, high = r
    if _nonneg(low):
        return low, high
    if high is not None and sign(high) <= 0:
        return -high, None if low is None else -low
    top = None if low is None or high is None else _most([-low, high])
    return sympy.Integer(0), top


def _power(base: Any, exp: Any) -> Range:
    """Ranges of u^k: integer k (even ≥ 0; odd monotone; negative via 1/|u|), roots."""
    if not exp.is_number:
        if base.is_number and base.is_positive:
            return sympy.Integer(0), None      # aᵘ > 0
        return None, None
    if not exp.is_Rational:
        return None, None
    r = value_range(base)
    if exp.is_Integer and exp > 0:
        if exp % 2:
            return _pow(r[0], exp), _pow(r[1], exp)
        low, high = _magnitude(r)
        return _pow(low, exp), _pow(high, exp)
    if exp.is_Integer:   # 1/uᵏ, bounded where |u| stays away from 0
        low, high = _magnitude(r) if exp % 2 == 0 or _nonneg(r[0]) else (None, None)
        if low is None or sign(low) <= 0:
            return (sympy.Integer(0), None) if exp % 2 == 0 else (None, None)
        return (sympy.Integer(0) if high is None else high ** exp), low ** exp
    even = exp.q % 2 == 0 or exp.p % 2 == 0   # √u, u^{2/3}: ≥ 0 where defined
    if exp < 0:
        return (sympy.Integer(0), None) if even else (None, None)
    if exp.q % 2 == 0:
        low, high = (r[0] if _nonneg(r[0]) else sympy.Integer(0)), r[1]
    elif exp.p % 2 == 0:
        low, high = _magnitude(r)
    else:   # a real odd root is increasing: ∛u < 0 for u < 0
        return _odd_pow(r[0], exp), _odd_pow(r[1], exp)
    return _pow(low, exp), _pow(high, exp)


def _odd_pow(value: Any | None, exp: Any) -> Any | None:
    if value is None:
        return None
    return value ** exp if sign(value) >= 0 else -((-value) ** exp)


def _pow(value: Any | None, exp: Any) -> Any | None:
    return None if value is None else value ** exp


def _monotone(f: Callable[[Any], Any], low: Any | None = None,
              high: Any | None = None) -> Callable[[Range], Range]:
    """The rule of an increasing function with range (low, high)."""

    def rule(r: Range) -> Range:
        return (low if r[0] is None else f(r[0])), (high if r[1] is None else f(r[1]))

    return rule


def _bounded(low: Any, high: Any) -> Callable[[Range], Range]:
    return lambda _: (low, high)


def _log(r: Range) -> Range:
    low = sympy.log(r[0]) if r[0] is not None and sign(r[0]) > 0 else None
    high = sympy.log(r[1]) if r[1] is not None and sign(r[1]) > 0 else None
    return low, high


def _cosh(r: Range) -> Range:
    low, high = _magnitude(r)
    return sympy.cosh(low), None if high is None else sympy.cosh(high)


def _extreme(expr: Any) -> Range:
    """Max(a, b) ≥ each argument; Min(a, b) ≤ each; anything else: unknown."""
    if isinstance(expr, sympy.Max | sympy.Min):
        parts = [value_range(a) for a in expr.args]
        pick = _most if isinstance(expr, sympy.Max) else _least
        lows, highs = [p[0] for p in parts], [p[1] for p in parts]
        if isinstance(expr, sympy.Max):
            known = [v for v in lows if v is not None]
            return (pick(known) if known else None,
                    None if None in highs else pick(highs))
        known = [v for v in highs if v is not None]
        return None if None in lows else pick(lows), pick(known) if known else None
    return None, None


_ONE = sympy.Integer(1)
_RULES: dict[str, Callable[[Range], Range]] = {
    "exp": _monotone(sympy.exp, sympy.Integer(0)),
    "log": _log,
    "Abs": _magnitude,
    "relu": _monotone(lambda v: v if sign(v) > 0 else sympy.Integer(0), sympy.Integer(0)),
    "softplus": _monotone(lambda v: sympy.log(1 + sympy.exp(v)), sympy.Integer(0)),
    "sigmoid": _monotone(lambda v: 1 / (1 + sympy.exp(-v)), sympy.Integer(0), _ONE),
    "tanh": _monotone(sympy.tanh, -_ONE, _ONE),
    "atan": _monotone(sympy.atan, -sympy.pi / 2, sympy.pi / 2),
    "asinh": _monotone(sympy.asinh),
    "sinh": _monotone(sympy.sinh),
    "sin": _bounded(-_ONE, _ONE),
    "cos": _bounded(-_ONE, _ONE),
    "cosh": _cosh,
}


def _convex_quadratic(poly: sympy.Poly) -> Bound | None:
    """f ≥ f(p) for a quadratic with H ⪰ 0 and a point p where ∇f(p) = 0."""
    gens = poly.gens
    hessian = sympy.Matrix([[poly.diff(a).diff(b).as_expr() for b in gens] for a in gens])
    if exact_inertia(hessian)[1]:
        return None
    gradient = [poly.diff(v).as_expr() for v in gens]
    solutions = sympy.linsolve(gradient, *gens)
    if not solutions:
        return None   # H ⪰ 0 but ∇f ≠ 0 everywhere: f is unbounded below along a line
    point = [c.xreplace({g: 0 for g in gens}) for c in next(iter(solutions))]
    value = poly.as_expr().xreplace(dict(zip(gens, point, strict=True)))
    shift = {g: g - p for g, p in zip(gens, point, strict=True)}
    squares = [c * sympy.expand(lin.xreplace(shift)) ** 2
               for c, lin in completed_squares(hessian / 2, gens)]
    return Bound(sympy.nsimplify(value), 1, CONVEX, sympy.Add(*squares))


def squares_chain(certificate: Any, gens: Sequence[Any]) -> tuple[tuple[Any, Any], ...] | None:
    """Coercivity of f = c + Σ wₖ·qₖ² (wₖ > 0): the squares bound the variables one by one.

    On a sublevel set {f ≤ c + s} every qₖ² ≤ s/wₖ, so |qₖ| is bounded. When some
    qₖ = p(v) + r, with p a non-constant polynomial in v alone and r a polynomial in
    variables already shown bounded, then p(v) = qₖ − r is bounded, and so is v (|p(v)| → ∞
    as |v| → ∞). If every variable is reached, every sublevel set is bounded: f → +∞ as
    ‖x‖ → ∞ (Rosenbrock: 1 − x bounds x, then y − x² bounds y). Exact: only which
    variables appear where is used.

    Returns ``((qₖ, v), …)`` in the order used, or ``None`` when not every variable is
    reached.
    """
    bases = [_base(t) for t in sympy.Add.make_args(certificate) if not t.is_number]
    if any(b is None for b in bases):
        return None
    known: set[Any] = set()
    chain: list[tuple[Any, Any]] = []
    progress = True
    while progress and len(known) < len(gens):
        progress = False
        for base in bases:
            found = _pins(base, gens, known)
            if found is not None:
                known.add(found)
                chain.append((base, found))
                progress = True
    return tuple(chain) if len(known) == len(gens) else None


def _base(term: Any) -> Any | None:
    """q for a term w·q² (w > 0, q = ∏ uᵢ^{kᵢ}), else ``None``."""
    if not _square_term(term):
        return None
    _, factors = term.as_coeff_mul()
    return sympy.Mul(*(f.base ** (f.exp // 2) for f in factors))


def _pins(base: Any, gens: Sequence[Any], known: set[Any]) -> Any | None:
    """The variable v that q = p(v) + r(known variables) bounds, or ``None``."""
    expanded = sympy.expand(base)
    if not expanded.is_polynomial(*gens):
        return None
    poly = sympy.Poly(expanded, *gens)
    for i, v in enumerate(gens):
        if v in known:
            continue
        own = [m for m in poly.monoms() if m[i]]
        alone = all(sum(m) == m[i] for m in own)
        rest = [m for m in poly.monoms() if not m[i]]
        if own and alone and all(gens[j] in known for m in rest for j, k in enumerate(m) if k):
            return v
    return None


def completed_squares(form: sympy.Matrix, gens: Sequence[Any]) -> list[tuple[Any, Any]]:
    """hᵀAh = Σ cₖ·ℓₖ(h)² for a symmetric A ⪰ 0 (Lagrange's completing of squares).

    Returns ``[(cₖ, ℓₖ)]`` with cₖ > 0 and ℓₖ linear, exact.

    >>> x, y = sympy.symbols("x y")
    >>> completed_squares(sympy.Matrix([[1, -1], [-1, 1]]), (x, y))
    [(1, x - y)]
    """
    a = sympy.Matrix(form)
    out = []
    for i in range(a.shape[0]):
        pivot = a[i, i]
        if pivot == 0:
            continue    # a ⪰ 0 with a zero diagonal entry: the whole row is zero
        out.append((pivot, sum((a[i, j] / pivot * gens[j] for j in range(a.shape[0])),
                               sympy.Integer(0))))
        a = a - a[:, i] * a[i, :] / pivot
    return out


__all__ = ["CONVEX", "NONNEGATIVE", "SUM_OF_SQUARES", "Bound", "completed_squares",
           "lower_bound", "squares_chain", "upper_bound", "value_range"]
