"""Is the constraint set bounded? Interval bound propagation over polynomial constraints.

Every constraint is written h(x) ≤ 0 (an equality gives h ≤ 0 and −h ≤ 0), and the sums of
two of them are added (x² ≤ y and x + y ≤ 2 give x² + x − 2 ≤ 0, which bounds x alone).
Starting from the box (−∞, ∞)ⁿ, each constraint is split for one variable v into
p(v) + r(others) ≤ 0, with p the terms in v alone. Over the current box r ≥ r_lo (interval
arithmetic), so p(v) ≤ B = −r_lo; when p has a positive leading coefficient, every v with
p(v) ≤ B lies within Cauchy's bound R = 1 + max|cᵢ/c_lead| of p − B: |v| ≤ R for even
degree, v ≤ R for odd degree (v ≥ −R when the leading coefficient is negative and the degree
odd). A few rounds of this tighten the box; if every side becomes finite, the set is bounded.
Only finiteness is used, never the bounds' values, so floating point is enough.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

#: A polynomial as {exponents: coefficient}.
Terms = dict[tuple[int, ...], float]
Interval = tuple[float, float]

ROUNDS = 6
_SLACK = 1e-9


def bounded(constraints: Sequence[Terms], n: int) -> bool:
    """Whether {x : h(x) ≤ 0 for every h in ``constraints``} ⊆ ℝⁿ is bounded (proven when
    ``True``; ``False`` means "not shown")."""
    return bounding_box(constraints, n) is not None


def bounding_box(constraints: Sequence[Terms], n: int) -> list[Interval] | None:
    """A box holding {x : h(x) ≤ 0 for every h}, widened by a relative 10⁻⁹ against
    rounding, or ``None`` when propagation leaves some side infinite."""
    pool = list(constraints)
    pool += [_sum(a, b) for a, b in itertools.combinations(constraints, 2)]
    box: list[Interval] = [(-math.inf, math.inf)] * n
    for _ in range(ROUNDS):
        before = list(box)
        for h in pool:
            for v in range(n):
                box[v] = _tightened(h, v, box)
        if all(math.isfinite(lo) and math.isfinite(hi) for lo, hi in box):
            return [(lo - _SLACK * (1 + abs(lo)), hi + _SLACK * (1 + abs(hi)))
                    for lo, hi in box]
        if box == before:
            return None
    return None


def _sum(a: Terms, b: Terms) -> Terms:
    out = dict(a)
    for m, c in b.items():
        out[m] = out.get(m, 0.0) + c
    return {m: c for m, c in out.items() if c != 0}


def _tightened(h: Terms, v: int, box: list[Interval]) -> Interval:
    """The interval of v narrowed by p(v) ≤ −r_lo (see the module docstring)."""
    own = {m[v]: c for m, c in h.items() if m[v] and sum(m) == m[v]}
    if not own:
        return box[v]
    rest = [(m, c) for m, c in h.items() if not (m[v] and sum(m) == m[v])]
    low = sum((_term(m, c, box)[0] for m, c in rest), 0.0)
    if not math.isfinite(low):
        return box[v]
    degree = max(own)
    lead = own[degree]
    shifted = {**own, 0: own.get(0, 0.0) + low}
    radius = 1 + max(abs(c / lead) for k, c in shifted.items() if k != degree)
    lo, hi = box[v]
    if lead > 0 and degree % 2 == 0:
        return max(lo, -radius), min(hi, radius)
    if degree % 2 == 1:
        return (lo, min(hi, radius)) if lead > 0 else (max(lo, -radius), hi)
    return box[v]


def _term(monomial: tuple[int, ...], c: float, box: list[Interval]) -> Interval:
    """The range of c·Πxᵢ^aᵢ over the box (interval arithmetic, 0·∞ = 0)."""
    out: Interval = (c, c)
    for (lo, hi), a in zip(box, monomial, strict=True):
        if a:
            out = _times(out, _power(lo, hi, a))
    return out


def _power(lo: float, hi: float, a: int) -> Interval:
    ends = [_pow(lo, a), _pow(hi, a)]
    if a % 2 == 0 and lo < 0 < hi:
        return 0.0, max(ends)
    return min(ends), max(ends)


def _pow(x: float, a: int) -> float:
    if math.isinf(x):
        return math.inf if a % 2 == 0 or x > 0 else -math.inf
    try:
        return x ** a
    except OverflowError:
        return math.inf if a % 2 == 0 or x > 0 else -math.inf


def _times(p: Interval, q: Interval) -> Interval:
    products = [_mul(a, b) for a in p for b in q]
    return min(products), max(products)


def _mul(a: float, b: float) -> float:
    return 0.0 if a == 0 or b == 0 else a * b


__all__ = ["Interval", "Terms", "bounded", "bounding_box"]
