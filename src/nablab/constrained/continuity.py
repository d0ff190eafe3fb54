"""Is f continuous on the constraint set? Proven by interval arithmetic, or refuted at a point.

The extreme value theorem needs f continuous on the set S only, not everywhere:
−2y/(x² + y² + 1) is continuous wherever its denominator does not vanish, and 1/x is
continuous on [1, 4]. f is built from pieces that are continuous wherever a *condition*
holds on their argument u:

- u⁻ⁿ (a denominator): u ≠ 0;
- u^(p/q) with p/q > 0 (√u, ∛u …): u ≥ 0 (continuous at 0 from the right); p/q < 0: u > 0;
- ln u: u > 0; asin u, acos u: 1 − u² ≥ 0; u^v with v not a constant: u > 0;
- polynomials, exp, sin, cos, atan, tanh, σ, |u|, max, min, relu …: none (kinks are allowed:
  those functions are continuous).

Each condition is proven on S by branch and bound: S lies in a box (interval bounds
propagated through the constraints, :mod:`nablab.constrained.boxes`); on a sub-box, u is
enclosed by interval arithmetic (mpmath's ``iv``, outward rounded, so the enclosure is
sound); a sub-box where some constraint provably fails holds no point of S and is dropped;
a sub-box where the condition holds on every point is done; otherwise it is halved, up to a
budget. A sub-box that stays undecided when tiny is where the proof fails: its centre,
snapped to a short fraction, is checked exactly (a point of S where u = 0 resp. u ≤ 0) to
say *where* continuity fails. Nothing is claimed from floating point alone.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import sympy
from mpmath import iv

from nablab.constrained import boxes
from nablab.constrained.problem import Problem
from nablab.core.catalog import CATALOG
from nablab.core.printing import to_unicode

Interval = tuple[float, float]
#: Sub-boxes examined at most, and seconds spent at most, per proof.
MAX_BOXES = 3000
SECONDS = 0.5
#: Rounds of narrowing the box by separable terms.
ROUNDS = 3
#: A sub-box narrower than this (relative to the whole box) is not split further.
TINY = 1e-7

NONZERO, POSITIVE, NONNEGATIVE = "nonzero", "positive", "nonnegative"
_SHOWN = {NONZERO: "≠ 0", POSITIVE: "> 0", NONNEGATIVE: "≥ 0"}
#: Constraints as (s, r): s·r ≤ 0 (s = ±1) or r = 0 (s = 0).
Sided = tuple[int, Any]


@dataclass(frozen=True)
class Condition:
    """u op 0 with op ``nonzero``/``positive``/``nonnegative``: where a piece of f is
    continuous."""

    kind: str
    u: Any

    @property
    def unicode(self) -> str:
        return f"{to_unicode(self.u)} {_SHOWN[self.kind]}"


@dataclass(frozen=True)
class Continuity:
    """Whether f is continuous on the set, and why.

    Attributes:
        proven: f is continuous at every point of the set.
        reason: ``"everywhere"`` (built from functions continuous on ℝⁿ), ``"on_set"`` (every
            condition proven on the set by interval arithmetic), ``"fails"`` (a point of the
            set where one fails) or ``"unknown"``.
        conditions: the conditions proven, Unicode (``x² + y² + 1 ≠ 0``).
        fails_at: the point of the set where continuity fails, or ``None``.
        failing: the condition that fails there (``x ≠ 0``), Unicode.
        exact: that point with exact rational coordinates (not in the JSON).
    """

    proven: bool
    reason: str
    conditions: tuple[str, ...] = ()
    fails_at: dict[str, float] | None = None
    failing: str | None = None
    fails_at_unicode: str | None = None
    exact: tuple[Any, ...] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"proven": self.proven, "reason": self.reason,
                "conditions": list(self.conditions),
                "fails_at": None if self.fails_at is None else dict(self.fails_at),
                "failing": self.failing}


def everywhere(expr: Any) -> bool:
    """Whether ``expr`` is continuous on all of ℝⁿ: no condition at all."""
    found = conditions(expr)
    return found is not None and not found


def conditions(expr: Any) -> list[Condition] | None:
    """The conditions under which ``expr`` is continuous (see the module), or ``None`` when
    it holds a function whose continuity is not known here (tan, sign, floor …)."""
    out: list[Condition] = []
    for node in sympy.preorder_traversal(expr):
        if isinstance(node, sympy.Pow):
            found = _power(*node.args)
        elif isinstance(node, sympy.Function):
            found = _function(node)
        else:
            continue
        if found is None:
            return None
        out += [c for c in found if c not in out]
    return out


def _power(base: Any, power: Any) -> list[Condition] | None:
    if power.is_Integer:
        return [] if power >= 0 else [Condition(NONZERO, base)]
    if base.is_number and base.is_positive:
        return []
    if power.is_Rational:
        return [Condition(NONNEGATIVE if power > 0 else POSITIVE, base)]
    return [Condition(POSITIVE, base)]


def _function(node: Any) -> list[Condition] | None:
    row = CATALOG.of(node)
    if row is not None and row.continuous:
        return []
    name = getattr(row, "name", None) or type(node).__name__
    if name == "log" and len(node.args) == 1:
        return [Condition(POSITIVE, node.args[0])]
    if name in ("asin", "acos"):
        return [Condition(NONNEGATIVE, 1 - node.args[0] ** 2)]
    return None


def on_set(expr: Any, constraints: Sequence[Sided], box: Sequence[Interval],
           variables: Sequence[sympy.Symbol]) -> Continuity:
    """Whether ``expr`` is continuous at every point of {x in ``box`` : constraints}.

    Args:
        expr: f (SymPy).
        constraints: the constraints as (s, r): s·r ≤ 0, or r = 0 when s = 0; a sub-box is
            dropped only where one of them provably fails.
        box: a box containing the set (finite bounds).
        variables: the variables, in the box's order.
    """
    found = conditions(expr)
    if found is None:
        return Continuity(False, "unknown")
    if not found:
        return Continuity(True, "everywhere")
    shown = tuple(c.unicode for c in found)
    if not box or not all(_finite(x) for side in box for x in side):
        return Continuity(False, "unknown")
    open_ = [c for c in found if not _implied(c, constraints)]
    failed = _branch_and_bound(open_, constraints, box, variables) if open_ else None
    if failed is None:
        return Continuity(True, "on_set", shown)
    where = _witness(failed, found, constraints, variables)
    if where is None:
        return Continuity(False, "unknown", shown)
    point, condition = where
    return Continuity(False, "fails", shown, {v.name: float(p) for v, p in
                                              zip(variables, point, strict=True)},
                      condition.unicode, _point(point, variables), tuple(point))


def sided(problem: Problem) -> list[Sided]:
    """The constraints as (s, r): s·r ≤ 0, or r = 0 when s = 0."""
    return [(c.side, c.residual) for c in problem.constraints]


def enclosing_box(problem: Problem) -> list[Interval] | None:
    """A box holding the constraint set (:func:`box_of`), or ``None``."""
    return box_of(sided(problem), problem.variables)


def box_of(constraints: Sequence[Sided], variables: Sequence[sympy.Symbol],
           ) -> list[Interval] | None:
    """A box holding {x : constraints}: interval bounds propagated through the polynomial
    constraints (real coefficients as floats: only finiteness matters there), clipped to
    each simple bound a·v ≤ b, then narrowed by the separable terms of the others
    (|x| + |y| ≤ 1 gives |x| ≤ 1 − min |y| = 1), rounded outwards; ``None`` when a side
    stays infinite."""
    n = len(variables)
    terms: list[boxes.Terms] = []
    for s, r in constraints:
        poly = _float_terms(r, variables)
        if poly is not None:
            terms += [{m: c * side for m, c in poly.items()} for side in ((s,) if s else (1, -1))]
    box = boxes.bounding_box(terms, n) if terms else None
    box = box or [(-float("inf"), float("inf"))] * n
    for s, r in constraints:
        box = _clipped(box, s, r, variables)
    for _ in range(ROUNDS):
        for s, r in constraints:
            for side in ((s,) if s else (1, -1)):
                box = _narrowed(box, side * r, variables)
    return box if all(_finite(x) for side in box for x in side) else None


def _narrowed(box: list[Interval], r: Any, variables: Sequence[sympy.Symbol],
              ) -> list[Interval]:
    """The box cut by r ≤ 0 through each term T(v) of r in one variable: T ≤ −min(r − T),
    inverted when T is c·|a·v + b|ᵖ, c·(a·v + b)²ᵏ, c·exp(a·v + b) or c·cosh(a·v + b)
    with c > 0."""
    parts = r.args if isinstance(r, sympy.Add) else (r,)
    for term in parts:
        if len(term.free_symbols) != 1:
            continue
        (v,) = term.free_symbols
        if v not in variables:
            continue
        rest = _enclose(r - term, box, variables)
        inverted = _inverse(term, v)
        if rest is None or inverted is None or not _finite(rest[0]):
            continue
        limit = -rest[0]
        low, high = inverted(limit)
        i = list(variables).index(v)
        lo, hi = box[i]
        box = [*box[:i], (max(lo, low), min(hi, high)), *box[i + 1:]]
    return box


def _inverse(term: Any, v: sympy.Symbol) -> Callable[[float], Interval] | None:
    """For T(v) as in :func:`_narrowed`, K ↦ an interval holding {v : T(v) ≤ K}."""
    c, g = term.as_coeff_Mul()
    if not c.is_number or c <= 0:
        return None
    c = float(c)
    power = 1.0
    if isinstance(g, sympy.Pow) and g.exp.is_Rational and g.exp > 0:
        base = g.base
        if not (isinstance(base, sympy.Abs) or (g.exp.is_Integer and g.exp % 2 == 0)):
            return None
        power, shape = float(g.exp), "abs"
        g = base.args[0] if isinstance(base, sympy.Abs) else base
    elif isinstance(g, sympy.Abs):
        g, shape = g.args[0], "abs"
    elif isinstance(g, sympy.exp):
        g, shape = g.args[0], "exp"
    elif getattr(CATALOG.of(g), "name", None) == "cosh":
        g, shape = g.args[0], "cosh"
    else:
        return None
    linear = sympy.Poly(g, v) if g.is_polynomial(v) else None
    if linear is None or linear.degree() != 1:
        return None
    a, b = (float(x) for x in linear.all_coeffs())

    def interval(k: float) -> Interval:
        bound = k / c
        if shape == "exp":
            if bound <= 0:
                return (float("inf"), -float("inf"))
            return _solve_linear(a, b, -float("inf"), _up(math.log(bound)))
        if bound < 0 or (shape == "cosh" and bound < 1):
            return (float("inf"), -float("inf"))
        top = math.acosh(bound) if shape == "cosh" else bound ** (1 / power)
        return _solve_linear(a, b, -_up(top), _up(top))

    return interval


def _up(x: float) -> float:
    """x rounded outwards, generously (the box need only hold the set)."""
    return x + 1e-9 * abs(x) + 1e-12


def _solve_linear(a: float, b: float, low: float, high: float) -> Interval:
    """{v : low ≤ a·v + b ≤ high}, rounded outwards."""
    ends = sorted(((low - b) / a, (high - b) / a))
    return (ends[0] - 1e-9 * abs(ends[0]) - 1e-12, _up(ends[1]))


def _float_terms(expr: Any, variables: Sequence[sympy.Symbol]) -> boxes.Terms | None:
    try:
        poly = sympy.Poly(expr, *variables)
    except sympy.PolynomialError:
        return None
    out: boxes.Terms = {}
    for m, c in poly.terms():
        if not c.is_number or c.is_real is not True:
            return None
        out[m] = float(c)
    return out


def _clipped(box: list[Interval], s: int, r: Any,
             variables: Sequence[sympy.Symbol]) -> list[Interval]:
    """The box cut by s·r ≤ 0 (or r = 0) when r = a·v + b is a bound on one variable."""
    free = r.free_symbols
    if len(free) != 1 or not r.is_polynomial(*free):
        return box
    (v,) = free
    poly = sympy.Poly(r, v)
    if poly.degree() != 1 or not all(c.is_number and c.is_real for c in poly.all_coeffs()):
        return box
    a, b = poly.all_coeffs()
    value = _interval(-b / a, {})
    i = list(variables).index(v)
    lo, hi = box[i]
    upper = s == 0 or (s > 0) == bool(a > 0)
    lower = s == 0 or not upper
    if upper:
        hi = min(hi, float(value.b))
    if lower:
        lo = max(lo, float(value.a))
    return [*box[:i], (lo, hi), *box[i + 1:]]


def _finite(x: float) -> bool:
    return x == x and abs(x) != float("inf")


def _branch_and_bound(found: Sequence[Condition], constraints: Sequence[Sided],
                      box: Sequence[Interval], variables: Sequence[sympy.Symbol],
                      ) -> list[Interval] | None:
    """``None`` when every condition is proven on the set; else the first sub-box where
    that failed (tiny, or the budget ran out)."""
    scale = max(hi - lo for lo, hi in box) or 1.0
    stack = [list(box)]
    start, count = time.monotonic(), 0
    while stack:
        current = stack.pop()
        count += 1
        if _excluded(constraints, current, variables):
            continue
        open_ = [c for c in found if not _holds(c, current, variables)]
        if not open_:
            continue
        widest = max(range(len(current)), key=lambda i: current[i][1] - current[i][0])
        lo, hi = current[widest]
        if hi - lo < TINY * scale or count > MAX_BOXES or \
                time.monotonic() - start > SECONDS:
            return current
        middle = (lo + hi) / 2
        for half in ((middle, hi), (lo, middle)):
            stack.append([*current[:widest], half, *current[widest + 1:]])
    return None


def _implied(condition: Condition, constraints: Sequence[Sided]) -> bool:
    """Whether a constraint states the condition itself: u ≥ 0 from c·u = −s·r with c > 0
    (√(4 − x² − y²) on x² + y² ≤ 4), or from u = c·r with r = 0 on the set. Interval
    arithmetic cannot prove that near the boundary, where u is 0."""
    if condition.kind != NONNEGATIVE:
        return False
    for s, r in constraints:
        if r.is_zero:
            continue
        ratio = sympy.cancel(condition.u / r)
        if ratio.is_number and ratio.is_real and (s == 0 or (-s * ratio).is_positive):
            return True
    return False


def _excluded(constraints: Sequence[Sided], box: Sequence[Interval],
              variables: Sequence[sympy.Symbol]) -> bool:
    """Whether some constraint fails at every point of the box."""
    for s, r in constraints:
        value = _enclose(r, box, variables)
        if value is None:
            continue
        lo, hi = value
        if (s > 0 and lo > 0) or (s < 0 and hi < 0) or (s == 0 and (lo > 0 or hi < 0)):
            return True
    return False


def _holds(condition: Condition, box: Sequence[Interval],
           variables: Sequence[sympy.Symbol]) -> bool:
    value = _enclose(condition.u, box, variables)
    if value is None:
        return False
    lo, hi = value
    if condition.kind == NONZERO:
        return lo > 0 or hi < 0
    return lo > 0 if condition.kind == POSITIVE else lo >= 0


def _enclose(expr: Any, box: Sequence[Interval],
             variables: Sequence[sympy.Symbol]) -> Interval | None:
    """An interval holding expr's values on the box, or ``None`` when not enclosed."""
    env = {v: iv.mpf([lo, hi]) for v, (lo, hi) in zip(variables, box, strict=True)}
    try:
        value = _interval(expr, env)
        lo, hi = float(value.a), float(value.b)
    except (ValueError, ZeroDivisionError, TypeError, OverflowError, AttributeError,
            NotImplementedError):
        return None
    if lo != lo or hi != hi:
        return None
    return lo, hi


def _interval(expr: Any, env: dict[Any, Any]) -> Any:
    """Interval evaluation of a SymPy tree (raises ``NotImplementedError`` for a node it
    cannot enclose)."""
    if expr in env:
        return env[expr]
    if expr.is_Rational:
        return iv.mpf(int(expr.p)) / int(expr.q)
    if expr is sympy.pi:
        return iv.pi
    if expr is sympy.E:
        return iv.e
    args = [_interval(a, env) for a in expr.args]
    if isinstance(expr, sympy.Add):
        return _fold(args, lambda a, b: a + b)
    if isinstance(expr, sympy.Mul):
        return _fold(args, lambda a, b: a * b)
    if isinstance(expr, sympy.Pow):
        return _pow(expr, *args)
    name = getattr(CATALOG.of(expr), "name", None)
    rule = _UNARY.get(name or "")
    if rule is not None and len(args) == 1:
        return rule(args[0])
    if name in ("max", "min", "relu"):
        pick = max if name != "min" else min
        parts = args + ([iv.mpf(0)] if name == "relu" else [])
        return iv.mpf([pick(p.a for p in parts), pick(p.b for p in parts)])
    raise NotImplementedError(type(expr).__name__)


def _fold(args: Sequence[Any], op: Callable[[Any, Any], Any]) -> Any:
    out = args[0]
    for a in args[1:]:
        out = op(out, a)
    return out


def _pow(expr: Any, base: Any, exponent: Any) -> Any:
    power = expr.args[1]
    if power.is_Integer:
        n = int(power)
        return base ** n if n >= 0 else 1 / base ** (-n)
    if expr.args[0].is_number and expr.args[0].is_positive:
        return iv.exp(exponent * iv.log(base))
    if not power.is_Rational or base.a < 0:
        raise NotImplementedError("power")
    r = iv.mpf(int(power.p)) / int(power.q)
    if base.a > 0:
        return iv.exp(r * iv.log(base))
    if power < 0:
        raise ZeroDivisionError
    top = iv.exp(r * iv.log(iv.mpf(base.b))) if base.b > 0 else iv.mpf(0)
    return iv.mpf([0, top.b])


def _abs(u: Any) -> Any:
    if u.a >= 0:
        return u
    if u.b <= 0:
        return -u
    return iv.mpf([0, max(-u.a, u.b)])


_UNARY: dict[str, Callable[[Any], Any]] = {
    "exp": iv.exp, "log": iv.log, "sin": iv.sin, "cos": iv.cos, "abs": _abs,
    "sigmoid": lambda u: 1 / (1 + iv.exp(-u)),
    "tanh": lambda u: 1 - 2 / (iv.exp(2 * u) + 1),
    "sinh": lambda u: (iv.exp(u) - iv.exp(-u)) / 2,
    "cosh": lambda u: (iv.exp(u) + iv.exp(-u)) / 2,
    "atan": lambda u: iv.mpf([-1.6, 1.6]),   # |atan| < π/2 < 1.6
}


def _witness(box: Sequence[Interval], found: Sequence[Condition],
             constraints: Sequence[Sided], variables: Sequence[sympy.Symbol],
             ) -> tuple[list[Any], Condition] | None:
    """A point of the set (checked exactly) where a condition fails, near ``box``: its
    centre snapped to short fractions, or with one coordinate a rational root of u = 0
    (x² + y² − 1 ≠ 0 fails at (1, 0), which no snapped centre hits)."""
    for denominator in (1, 10, 100, 1000):
        centre = [sympy.Rational(Fraction((lo + hi) / 2).limit_denominator(denominator))
                  for lo, hi in box]
        for point in [centre, *_on_zero_set(found, centre, variables)]:
            values = dict(zip(variables, point, strict=True))
            if not _feasible(constraints, values):
                continue
            for c in found:
                u = sympy.simplify(c.u.xreplace(values))
                if _fails(c.kind, u):
                    return point, c
    return None


def _on_zero_set(found: Sequence[Condition], centre: Sequence[Any],
                 variables: Sequence[sympy.Symbol]) -> list[list[Any]]:
    """Points that agree with ``centre`` but in one coordinate, which is a rational root of
    a condition's u (polynomial over ℚ in it); whether they lie in the set is checked
    after."""
    out = []
    for c in found:
        for i, v in enumerate(variables):
            others = {w: p for j, (w, p) in enumerate(zip(variables, centre, strict=True))
                      if j != i}
            try:
                poly = sympy.Poly(sympy.cancel(c.u.xreplace(others)), v)
            except sympy.PolynomialError:
                continue
            if poly.is_zero or poly.degree() < 1 or poly.degree() > 6 or \
                    not poly.domain.is_QQ and not poly.domain.is_ZZ:
                continue
            for factor, _ in poly.factor_list()[1]:
                if factor.degree() == 1:
                    a, b = factor.all_coeffs()
                    out.append([*centre[:i], -b / a, *centre[i + 1:]])
    return out


def _fails(kind: str, u: Any) -> bool:
    if u.is_zero:
        return True
    return kind != NONZERO and u.is_negative is True


def _feasible(constraints: Sequence[Sided], values: dict[Any, Any]) -> bool:
    for s, r in constraints:
        value = sympy.simplify(r.xreplace(values))
        if not value.is_number or value.is_real is not True:
            return False
        ok = value.is_zero if s == 0 else (s * value).is_nonpositive
        if ok is not True:
            return False
    return True


def _point(point: Sequence[Any], variables: Sequence[sympy.Symbol]) -> str:
    inner = ", ".join(to_unicode(p) for p in point)
    return f"{to_unicode(variables[0])} = {inner}" if len(point) == 1 else f"({inner})"


__all__ = ["Condition", "Continuity", "box_of", "conditions", "enclosing_box", "everywhere",
           "on_set", "sided"]
