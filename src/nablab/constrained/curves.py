"""Curves in the constraint set along which f → +∞ or −∞: proofs that an extreme is missing.

After eliminating what the equalities allow (:mod:`nablab.constrained.reduce`, rational
coefficients included), try lines y = b + t·u in the variables left. Along such a line every
remaining function is a rational function P(t)/Q(t), and as t → +∞ its sign and limit are
read from the degrees and leading coefficients of P and Q — exact rational arithmetic, no
sampling. The line, lifted by the eliminated variables, is a curve in the set when every
remaining equality vanishes identically along it, every inequality holds for all large t and
no eliminated variable's denominator vanishes identically; then f's limit along it proves f
unbounded above (+∞) or below (−∞).

A common factor of P and Q changes neither deg P − deg Q nor the sign of LC(P)/LC(Q), so
nothing is cancelled: each polynomial is restricted to the line term by term, with
:class:`fractions.Fraction` coefficients.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import sympy

from nablab.constrained.reduce import Reduced
from nablab.core.printing import to_unicode
from nablab.critical.forms import directions, sign_witnesses

#: Lines tried at most.
MAX_LINES = 40
#: Restrictions longer than this (characters) are shown by their leading term only.
SHOWN = 90

#: A polynomial as {exponents: coefficient}; a univariate one as coefficients, low → high.
Terms = dict[tuple[int, ...], Fraction]
Coeffs = list[Fraction]


@dataclass(frozen=True)
class Curve:
    """A curve t ↦ x(t) in the constraint set and where f goes along it as t → +∞.

    Attributes:
        parametrisation: ``{variable: x_v(t)}`` (Unicode).
        restriction: f(x(t)) (Unicode; its leading term alone when long); ``leading`` the
            leading term.
        limit: ``"+inf"`` or ``"-inf"``: f's limit as t → +∞.
        kind: ``"ray"`` (every coordinate affine in t), ``"curve"``, ``"branch"``: a
            branch of an equation (:mod:`nablab.constrained.branches`) whose points are
            t·d + s·e with s = s(t) in ``strip``, given by the intermediate value theorem,
            or ``"pole"``: x = p + d/t into a point p of a bounded set where f is not
            defined (:mod:`nablab.constrained.poles`).
        strip: for a branch, where s(t) lies (``|s| < 1``); ``equation``: the equation
            whose branch it is (``x³ − y³ − 1 = 0``).
    """

    parametrisation: dict[str, str]
    restriction: str
    leading: str
    limit: str
    kind: str = "curve"
    strip: str | None = None
    equation: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"parametrisation": dict(self.parametrisation), "restriction": self.restriction,
                "leading": self.leading, "limit": self.limit, "t_limit": "+inf",
                "kind": self.kind, "strip": self.strip}

    @property
    def unicode(self) -> str:
        return ", ".join(f"{v} = {e}" for v, e in self.parametrisation.items())


@dataclass(frozen=True)
class _Rational:
    """A rational function of the variables left, as numerator and denominator terms."""

    numerator: Terms
    denominator: Terms


def unbounded_curves(reduced: Reduced, names: Sequence[str],
                     ) -> tuple[Curve | None, Curve | None]:
    """(a curve along which f → +∞, one along which f → −∞), each ``None`` if none found.

    Args:
        reduced: the problem after (rational) elimination.
        names: every variable's name, in the problem's order (the order of the curve).
    """
    if reduced.empty or not reduced.variables:
        return None, None
    parts = _parts(reduced)
    if parts is None:
        return None, None
    f, equalities, inequalities, lifted = parts
    up = down = None
    for base, direction in _lines(f.numerator, len(reduced.variables)):
        limit = _limit(f, equalities, inequalities, lifted, base, direction)
        if limit == 1 and up is None:
            up = _curve(reduced, f, lifted, base, direction, "+inf", names)
        if limit == -1 and down is None:
            down = _curve(reduced, f, lifted, base, direction, "-inf", names)
        if up is not None and down is not None:
            break
    return up, down


def _parts(reduced: Reduced) -> tuple[_Rational, list[_Rational], list[tuple[int, _Rational]],
                                      dict[sympy.Symbol, _Rational]] | None:
    """f, the equalities, the inequalities and the eliminated variables as rational
    functions over ℚ of the variables left, or ``None`` if one is not."""
    variables = reduced.variables
    f = _rational(reduced.objective, variables)
    equalities = [_rational(e, variables) for e in reduced.equalities]
    inequalities = [(s, _rational(e, variables)) for s, e in reduced.inequalities]
    lifted = {v: _rational(e, variables) for v, e in reduced.solved().items()}
    everything = [f, *equalities, *(r for _, r in inequalities), *lifted.values()]
    if any(r is None for r in everything):
        return None
    return f, equalities, inequalities, lifted  # type: ignore[return-value]


def _rational(expr: Any, variables: Sequence[sympy.Symbol]) -> _Rational | None:
    if not expr.is_rational_function(*variables):
        return None
    numerator, denominator = sympy.fraction(sympy.together(expr))
    top, bottom = _terms(numerator, variables), _terms(denominator, variables)
    return None if top is None or bottom is None else _Rational(top, bottom)


def _terms(expr: Any, variables: Sequence[sympy.Symbol]) -> Terms | None:
    try:
        poly = sympy.Poly(expr, *variables)
    except sympy.PolynomialError:
        return None
    if not (poly.domain.is_ZZ or poly.domain.is_QQ):
        return None
    return {m: Fraction(int(c.p), int(c.q)) for m, c in poly.terms()}


def _lines(numerator: Terms, n: int) -> Iterator[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Lines through 0 and through (1, …, 1) (for sets that avoid the origin), first in the
    directions where f's top-degree part has each sign, then small integer ones."""
    tries = list(dict.fromkeys(_witnesses(numerator, n) + directions(n)))
    count = 0
    for base in (0, 1):
        for d in tries:
            yield (base,) * n, d
            count += 1
            if count >= MAX_LINES:
                return


def _witnesses(numerator: Terms, n: int) -> list[tuple[int, ...]]:
    """Directions where the top-degree part of f's numerator is positive and negative."""
    if not numerator:
        return []
    degree = max(sum(m) for m in numerator)
    top = {m: sympy.Rational(c.numerator, c.denominator) for m, c in numerator.items()
           if sum(m) == degree}
    plus, minus = sign_witnesses(top, n)
    return [d for d in (plus, minus) if d is not None]


def _restrict(terms: Terms, base: Sequence[int], direction: Sequence[int]) -> Coeffs:
    """Coefficients (low → high) of Σ c·Π(bᵢ + dᵢt)^aᵢ."""
    out: Coeffs = [Fraction(0)]
    powers: dict[tuple[int, int], Coeffs] = {}
    for monomial, c in terms.items():
        term: Coeffs = [c]
        for i, a in enumerate(monomial):
            if a:
                key = (i, a)
                if key not in powers:
                    powers[key] = _power([Fraction(base[i]), Fraction(direction[i])], a)
                term = _times(term, powers[key])
        out = _plus(out, term)
    return out


def _power(p: Coeffs, a: int) -> Coeffs:
    out: Coeffs = [Fraction(1)]
    for _ in range(a):
        out = _times(out, p)
    return out


def _times(p: Coeffs, q: Coeffs) -> Coeffs:
    out = [Fraction(0)] * (len(p) + len(q) - 1)
    for i, a in enumerate(p):
        if a:
            for j, b in enumerate(q):
                out[i + j] += a * b
    return out


def _plus(p: Coeffs, q: Coeffs) -> Coeffs:
    if len(p) < len(q):
        p, q = q, p
    return [a + (q[i] if i < len(q) else 0) for i, a in enumerate(p)]


def _eventual(r: _Rational, base: Sequence[int],
              direction: Sequence[int]) -> tuple[int, int] | None:
    """(deg P − deg Q, eventual sign) of r along the line as t → +∞; (0, 0) for r ≡ 0;
    ``None`` where the denominator vanishes identically."""
    p, q = _trimmed(_restrict(r.numerator, base, direction)), \
        _trimmed(_restrict(r.denominator, base, direction))
    if not q:
        return None
    if not p:
        return 0, 0
    return len(p) - len(q), (1 if p[-1] > 0 else -1) * (1 if q[-1] > 0 else -1)


def _trimmed(c: Coeffs) -> Coeffs:
    while c and c[-1] == 0:
        c = c[:-1]
    return c


def _limit(f: _Rational, equalities: list[_Rational], inequalities: list[tuple[int, _Rational]],
           lifted: dict[sympy.Symbol, _Rational], base: Sequence[int],
           direction: Sequence[int]) -> int | None:
    """+1 / −1 when the line lies in the set for large t and f → +∞ / −∞ there, else None."""
    if any(_eventual(e, base, direction) != (0, 0) for e in equalities):
        return None
    for s, e in inequalities:
        lead = _eventual(e, base, direction)
        if lead is None or s * lead[1] > 0:
            return None
    if any(_eventual(r, base, direction) is None for r in lifted.values()):
        return None
    lead = _eventual(f, base, direction)
    if lead is None or lead[0] <= 0:
        return None
    return lead[1]


def _curve(reduced: Reduced, f: _Rational, lifted: dict[sympy.Symbol, _Rational],
           base: Sequence[int], direction: Sequence[int], limit: str,
           names: Sequence[str]) -> Curve:
    t = sympy.Symbol("t", real=True)
    coords = {v.name: b + d * t for v, b, d in zip(reduced.variables, base, direction,
                                                     strict=True)}
    coords |= {v.name: _expr(r, base, direction, t) for v, r in lifted.items()}
    along = _expr(f, base, direction, t)
    p = _trimmed(_restrict(f.numerator, base, direction))
    q = _trimmed(_restrict(f.denominator, base, direction))
    ratio = p[-1] / q[-1]
    leading = sympy.Rational(ratio.numerator, ratio.denominator) * t ** (len(p) - len(q))
    full = to_unicode(along)
    ray = all(isinstance(e, int) or (e.is_polynomial(t) and sympy.Poly(e, t).degree() <= 1)
              for e in coords.values())
    return Curve({k: to_unicode(coords[k]) for k in names if k in coords},
                 full if len(full) <= SHOWN else to_unicode(leading), to_unicode(leading),
                 limit, "ray" if ray else "curve")


def _expr(r: _Rational, base: Sequence[int], direction: Sequence[int], t: sympy.Symbol) -> Any:
    def poly(c: Coeffs) -> Any:
        return sum((sympy.Rational(a.numerator, a.denominator) * t ** k
                    for k, a in enumerate(c)), sympy.Integer(0))

    q = _trimmed(_restrict(r.denominator, base, direction))
    p = _restrict(r.numerator, base, direction)
    return poly(p) if len(q) == 1 and q[0] == 1 else poly(p) / poly(q)


__all__ = ["Curve", "unbounded_curves"]
