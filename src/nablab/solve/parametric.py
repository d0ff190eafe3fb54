"""Every real solution of a polynomial system whose coefficients involve one constant c
(π, e, ln 2): a lex Gröbner basis over the field ℚ(P), then P = c.

Because c is transcendental, a polynomial over ℚ in P vanishes at P = c only when it is 0:
leading coefficients, discriminants and denominators over ℚ(P) that are not identically 0
are not 0 at c, so the generic computation over ℚ(P) is the computation at c. Real roots of
each irreducible factor h(xₙ) ∈ ℚ(P)[xₙ]: exact when deg h ≤ 2 (the sign of the
discriminant at c is that of a nonzero number, read from 60 digits), else numerically from
60 digits (the roots are simple). The other unknowns must follow from xₙ (shape position,
as textbook systems do); otherwise this solver declines (``None``) and the caller goes
numeric. Every solution is verified against the equations at 50 digits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import mpmath
import sympy

from nablab.solve._backsub import back_substitute
from nablab.solve._roots import DIGITS, RealRoot, short_exact
from nablab.solve.constants import PARAMETER
from nablab.solve.result import FINITE, INFINITE, NONE, Solution, SystemSolution

#: One solution being built: unknown → (60-digit value, exact form or ``None``).
Partial = dict[sympy.Symbol, tuple[Any, Any]]

_DOMAIN = sympy.QQ.frac_field(PARAMETER)
_TINY = mpmath.mpf(10) ** -30


def groebner_over_parameter(polys: Sequence[Any], gens: Sequence[sympy.Symbol],
                            domain: Any = None) -> list[Any]:
    """The reduced lex Gröbner basis over ℚ(P) (or ``domain``), as expressions."""
    return list(sympy.groebner(list(polys), *gens, order="lex",
                               domain=_DOMAIN if domain is None else domain).exprs)


def algebraic_domain(values: Sequence[Any]) -> Any:
    """ℚ(α₁, …, αₖ) for real algebraic constants (√2, 3^(1/3))."""
    return sympy.QQ.algebraic_field(*values)


def solve_parametric(polys: Sequence[Any], gens: Sequence[sympy.Symbol],
                     value: Any, extension: Sequence[Any] = ()) -> SystemSolution | None:
    """Real solutions of ``polys`` = 0 (coefficients in ℚ[P]) at P = ``value``.

    With ``extension`` (real algebraic numbers such as √2), the coefficients are in
    ℚ(extension) instead, written with those numbers, and there is no P: arithmetic in
    that field is exact, so nothing generic is assumed.

    Returns:
        A complete :class:`SystemSolution` (``"groebner"``), ``status="infinite"`` (not
        split further) for a positive-dimensional system, or ``None`` when a component is
        not in shape position.
    """
    gens = tuple(gens)
    names = tuple(str(g) for g in gens)
    field = Field(value, tuple(extension))
    basis = sympy.groebner(list(polys), *gens, order="lex", domain=field.domain)
    if list(basis.exprs) == [1]:
        return SystemSolution(names, (), NONE, True, "groebner")
    if not basis.is_zero_dimensional:
        return SystemSolution(names, (), INFINITE, True, "groebner",
                              solution_set=tuple(basis.exprs))
    partials = _triangular(list(basis.exprs), gens, field)
    if partials is None:
        return None
    return SystemSolution(names, _verified(partials, polys, gens, field.value), FINITE, True,
                          "groebner")


@dataclass(frozen=True)
class Field:
    """The coefficient field: ℚ(P) with P = ``value``, or ℚ(``extension``)."""

    value: Any
    extension: tuple[Any, ...]

    @property
    def domain(self) -> Any:
        return algebraic_domain(self.extension) if self.extension else _DOMAIN

    def factors(self, numerator: Any, last: sympy.Symbol) -> list[Any]:
        if self.extension:
            return [h for h, _ in sympy.factor_list(numerator, last,
                                                    extension=list(self.extension))[1]]
        return [h for h, _ in sympy.factor_list(numerator, last, PARAMETER)[1]]


def _triangular(basis: list[Any], gens: tuple[sympy.Symbol, ...],
                field: Field) -> list[Partial] | None:
    last = gens[-1]
    value = field.value
    g = next(e for e in reversed(basis) if e.free_symbols - {PARAMETER} <= {last})
    numerator = sympy.together(g).as_numer_denom()[0]
    out: list[Partial] = []
    for h in field.factors(numerator, last):
        if last not in h.free_symbols:
            continue
        roots = _roots(sympy.Poly(h, last), value, field.domain)
        if roots is None:
            return None
        if not roots or len(gens) == 1:
            out += [{last: r} for r in roots]
            continue
        component = groebner_over_parameter([*basis, h], gens, field.domain)
        shape = _shape(component, gens)
        if shape is not None:
            out += [{last: r} | {v: _at(p, last, r, value) for v, p in shape.items()}
                    for r in roots]
            continue
        rest = _substituted(component, h, gens, field)
        if rest is not None:
            out += [{last: roots[0]} | partial for partial in rest]
        else:
            out += _back_substituted(component, gens, roots, value)
    return out


def _back_substituted(component: list[Any], gens: tuple[sympy.Symbol, ...],
                      roots: list[tuple[Any, Any]], value: Any) -> list[Partial]:
    """The other unknowns in 60-digit arithmetic, one at a time (as
    :func:`nablab.solve._backsub.back_substitute` does over ℚ), with P = ``value`` put in;
    every solution is verified afterwards."""
    at = [sympy.together(e.xreplace({PARAMETER: value})) for e in component]
    at = [sympy.expand(e.as_numer_denom()[0]) for e in at]
    out: list[Partial] = []
    for root in roots:
        for partial in back_substitute(at, gens, {gens[-1]: RealRoot(root[0], root[1])}):
            out.append({g: (r.value, r.exact) for g, r in partial.items()})
    return out


def _substituted(component: list[Any], h: Any, gens: tuple[sympy.Symbol, ...],
                 field: Field) -> list[Partial] | None:
    """Not in shape position ((x − π)³ = 0, y = 0): when h is linear, its root is in the
    field, so put it in and solve the smaller system the same way; else ``None``."""
    last = gens[-1]
    poly = sympy.Poly(h, last)
    if poly.degree() != 1:
        return None
    root = sympy.cancel(-poly.nth(0) / poly.LC())
    rest = [sympy.together(e.subs(last, root)).as_numer_denom()[0] for e in component]
    rest = [sympy.expand(e) for e in rest if sympy.expand(e) != 0]
    return _solve_rest(rest, gens[:-1], field) if rest else None


def _solve_rest(rest: list[Any], gens: tuple[sympy.Symbol, ...],
                field: Field) -> list[Partial] | None:
    basis = sympy.groebner(rest, *gens, order="lex", domain=field.domain)
    if list(basis.exprs) == [1]:
        return []
    if not basis.is_zero_dimensional:
        return None
    return _triangular(list(basis.exprs), gens, field)


def _roots(h: sympy.Poly, value: Any, domain: Any) -> list[tuple[Any, Any]] | None:
    """Real roots of h(x) at P = value: (60-digit value, exact or ``None``), increasing;
    ``None`` when the numeric roots of a cubic or higher disagree with the exact count."""
    coeffs = [sympy.cancel(c) for c in h.all_coeffs()]
    at = [c.subs(PARAMETER, value) for c in coeffs]
    if h.degree() == 1:
        return [_number(sympy.cancel(-coeffs[1] / coeffs[0]).subs(PARAMETER, value))]
    if h.degree() == 2:
        a, b, c = at
        disc = sympy.expand(coeffs[1] ** 2 - 4 * coeffs[0] * coeffs[2])
        if disc == 0 or (abs(_mp(disc.subs(PARAMETER, value))) < _TINY
                         and sympy.simplify(disc.subs(PARAMETER, value)) == 0):
            return [_number(-b / (2 * a))]
        if _sign(disc.subs(PARAMETER, value)) < 0:
            return []
        root = sympy.sqrt(disc.subs(PARAMETER, value))
        return sorted((_number((-b + s * root) / (2 * a)) for s in (-1, 1)),
                      key=lambda r: r[0])
    with mpmath.workdps(DIGITS + 10):
        numeric = [mpmath.mpf(sympy.Float(c.evalf(DIGITS + 10), DIGITS + 10)) for c in at]
        found = mpmath.polyroots(numeric, maxsteps=400, extraprec=200)
        real = sorted(mpmath.re(r) for r in found
                      if abs(mpmath.im(r)) <= mpmath.mpf(10) ** -40 * max(1, abs(r)))
    if _real_root_count(h, value, domain) != len(real):
        return None
    return [(r, None) for r in real]


def _real_root_count(h: sympy.Poly, value: Any, domain: Any) -> int | None:
    """How many real roots h has at P = value, by Sturm's theorem over the field: the
    sequence is computed exactly in ℚ(P) (or ℚ(√2)); only the signs of its leading
    coefficients at P = value are read (nonzero elements of the field, so nonzero there).
    ``None`` when a sign cannot be read."""
    try:
        sequence = sympy.sturm(sympy.Poly(h.as_expr(), *h.gens, domain=domain))
    except (sympy.PolynomialError, sympy.polys.polyerrors.DomainError, NotImplementedError):
        return None
    at_plus, at_minus = [], []
    for s in sequence:
        lead = _mp(s.LC().subs(PARAMETER, value))
        if abs(lead) < _TINY:
            return None
        sign = 1 if lead > 0 else -1
        at_plus.append(sign)
        at_minus.append(sign * (-1) ** s.degree())
    return _changes(at_minus) - _changes(at_plus)


def _changes(signs: list[int]) -> int:
    return sum(1 for a, b in zip(signs, signs[1:], strict=False) if a != b)


def _number(exact: Any) -> tuple[Any, Any]:
    exact = sympy.radsimp(sympy.simplify(exact))
    return _mp(exact), short_exact(exact)


def _mp(exact: Any) -> Any:
    with mpmath.workdps(DIGITS + 10):
        return mpmath.mpf(sympy.Float(exact.evalf(DIGITS + 10), DIGITS + 10))


def _sign(number: Any) -> int:
    """The sign of a nonzero real number (the caller knows it is not 0)."""
    return 1 if _mp(number) > 0 else -1


def _shape(component: list[Any], gens: tuple[sympy.Symbol, ...]) -> dict[Any, Any] | None:
    """``{xᵢ: pᵢ(xₙ, P)}`` when every other unknown is a polynomial in xₙ, else ``None``."""
    last = gens[-1]
    shape: dict[Any, Any] = {}
    for v in gens[:-1]:
        for e in component:
            if v in e.free_symbols and e.free_symbols - {PARAMETER} <= {v, last}:
                poly = sympy.Poly(e, v)
                if poly.degree() == 1 and not (poly.LC().free_symbols - {PARAMETER}):
                    shape[v] = -poly.nth(0) / poly.LC()
                    break
        else:
            return None
    return shape


def _at(p: Any, last: sympy.Symbol, root: tuple[Any, Any], value: Any) -> tuple[Any, Any]:
    """p(root) at P = value: 60 digits, and exact when the root is."""
    value_at = p.subs(PARAMETER, value)
    if root[1] is not None:
        return _number(value_at.subs(last, root[1]))
    with mpmath.workdps(DIGITS + 10):
        # safe: Float() reads a decimal string mpmath printed, not user text
        x = sympy.Float(mpmath.nstr(root[0], DIGITS + 5), DIGITS + 5)
        return _mp(value_at.subs(last, x)), None


def _verified(partials: list[Partial], polys: Sequence[Any], gens: tuple[sympy.Symbol, ...],
              value: Any) -> tuple[Solution, ...]:
    """Solutions satisfying every equation to 30 digits, deduplicated, sorted."""
    seen: dict[tuple[float, ...], Solution] = {}
    with mpmath.workdps(DIGITS + 10):
        terms = [[(m, _mp(c.subs(PARAMETER, value))) for m, c in sympy.Poly(e, *gens).terms()]
                 for e in polys]
        for partial in partials:
            values = [partial[g][0] for g in gens]
            scale = max(1, *(abs(v) for v in values))
            if _residual(terms, values) > _TINY * _size(terms, scale):
                continue
            floats = tuple(float(v) for v in values)
            rounded = [mpmath.mpf(f) for f in floats]
            seen.setdefault(floats, Solution(floats, tuple(partial[g][1] for g in gens),
                                             float(_residual(terms, rounded))))
    return tuple(seen[k] for k in sorted(seen))


def _residual(terms: list[list[tuple[Any, Any]]], values: list[Any]) -> Any:
    out = mpmath.mpf(0)
    for poly in terms:
        total = mpmath.mpf(0)
        for monomial, coeff in poly:
            term = coeff
            for v, k in zip(values, monomial, strict=True):
                term *= v ** k
            total += term
        out = max(out, abs(total))
    return out


def _size(terms: list[list[tuple[Any, Any]]], scale: Any) -> Any:
    return max((sum(abs(c) * scale ** sum(m) for m, c in t) for t in terms),
               default=mpmath.mpf(1))


__all__ = ["algebraic_domain", "groebner_over_parameter", "solve_parametric"]
