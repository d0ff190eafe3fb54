"""``limit_2d(f, at)``: lim_((x, y)→(a, b)) f(x, y), decided the way a calculus course does.

Three arguments, tried in order:

1. **Continuity.** f(a, b) is defined: an elementary function is continuous where it is
   defined, so the limit is the value.
2. **Two paths, two limits.** Along the lines y − b = m(x − a) (m kept symbolic), the axes
   and the parabolas y − b = k(x − a)², x − a = k(y − b)²: if two paths give different
   limits (or one gives none), the limit does not exist — proven by those two paths.
3. **Squeeze in polar form.** With x = a + r cos θ, y = b + r sin θ, when every path agrees
   on L: if f − L depends on r only, or |f − L| ≤ g(r)·C with g(r) → 0 and C a bound on a
   polynomial in cos θ, sin θ, the limit is L whatever the path.

When none of them settles it, the answer is "not decided", with what every path gave.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import sympy

from nablab.budget import remaining, run_bounded
from nablab.calculus.limit2d_result import Limit2D, PathLimit
from nablab.calculus.notation import latex, unicode
from nablab.calculus.points import exact_number
from nablab.core.expression import Expression
from nablab.core.printing import to_str
from nablab.errors import BudgetExceeded, UsageError
from nablab.parse import parse

#: The parameter along a path (t → 0), the slope of a line, the parabolas' coefficient.
T, M, K = sympy.symbols("t m k", real=True)
#: Polar coordinates about the point.
R = sympy.Symbol("r", positive=True)
THETA = sympy.Symbol("θ", real=True)
#: Seconds one symbolic limit or simplification may take before it counts as not found.
STEP_TIMEOUT = 4.0
#: Heads that jump where they are defined: f(a, b) existing says nothing of the limit there.
#: (Every other function nablab reads is continuous where it is defined.)
JUMPS = (sympy.sign, sympy.Heaviside, sympy.floor, sympy.ceiling, sympy.frac)
#: Concrete slopes (and parabola coefficients) tried when a symbolic limit depends on them.
CONCRETE = (0, 1, -1, 2)


@dataclass(frozen=True)
class _Path:
    """A path through (a, b) as (x, y) = (a + u(t), b + v(t)), t → 0."""

    kind: str
    u: Any
    v: Any
    parameter: Any = None


def limit_2d(f: Expression | str, at: Mapping[str, Any]) -> Limit2D:
    """lim_((x, y)→(a, b)) f(x, y): its value with the argument, or why it does not exist.

    Args:
        f: a function of exactly two variables.
        at: the point ``{name: value}``.

    Raises:
        UsageError: f does not have two variables, or the point misses one.

    >>> r = limit_2d("x y/(x^2 + y^2)", {"x": 0, "y": 0})
    >>> r.exists, r.reason, r.paths[2].path, r.paths[2].limit
    (False, 'paths_differ', 'y = mx', m/(m**2 + 1))
    """
    expression = parse(f)
    expression.require_numeric("limit")
    if len(expression.variables) != 2:
        raise UsageError("limit2d_variables", count=len(expression.variables))
    x, y = expression.variables
    missing = [v.name for v in (x, y) if v.name not in at]
    if missing:
        raise UsageError("limit2d_point", names=", ".join(missing))
    a, b = exact_number(at[x.name]), exact_number(at[y.name])
    return _decide(expression, x, y, a, b)


def _decide(expression: Expression, x: Any, y: Any, a: Any, b: Any) -> Limit2D:
    """Continuity, then two paths that disagree, then the squeeze; cubics before giving up."""
    g = expression.expr
    point = {x.name: a, y.name: b}
    paths = _path_limits(g, x, y, a, b)
    value = _value_at(g, {x: a, y: b})
    if value is not None:
        return Limit2D(expression, point, True, value, paths, "continuous")
    decided = _by_paths(paths)
    if decided is not None:
        return Limit2D(expression, point, False, None, paths, *decided)
    candidate = _agreed(paths)
    if candidate is None:
        return Limit2D(expression, point, None, None, paths, "undecided")
    polar = _bounded(_polar, g, x, y, a, b)
    proof = None if polar is None else _squeeze(polar - candidate)
    if proof is not None:
        return Limit2D(expression, point, True, candidate, paths, proof[0],
                       candidate=candidate, polar=polar, bound=proof[1])
    paths += _path_limits(g, x, y, a, b, _cubics())
    decided = _by_paths(paths)
    if decided is not None:
        return Limit2D(expression, point, False, None, paths, *decided, polar=polar)
    return Limit2D(expression, point, None, None, paths, "undecided", candidate=candidate,
                   polar=polar)


def _bounded(fn: Any, *args: Any) -> Any:
    """``fn(*args)`` within :data:`STEP_TIMEOUT` (less if the job has less left); else None."""
    left = remaining()
    timeout = STEP_TIMEOUT if left is None else max(0.5, min(STEP_TIMEOUT, left / 4))
    try:
        return run_bounded(fn, *args, timeout=timeout)
    except (BudgetExceeded, ValueError, NotImplementedError, TypeError):
        return None


def _value_at(g: Any, point: dict[Any, Any]) -> Any:
    """f(a, b) when f is defined there (then continuous, being elementary), else None."""
    if g.has(*JUMPS):
        return None
    try:
        value = g.xreplace(point)
        value = sympy.nsimplify(value) if value.is_Float else sympy.simplify(value)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    if value.has(sympy.nan, sympy.zoo, sympy.oo, -sympy.oo) or not value.is_finite \
            or value.is_real is False:
        return None
    return value


def _cubics() -> list[_Path]:
    """Tried only when lines and parabolas agree and no bound was found (x³y/(x⁶ + y²))."""
    return [_Path("cubic_y", T, K * T**3, K), _Path("cubic_x", K * T**3, T, K)]


def _paths() -> list[_Path]:
    """The paths tried, in the order they are reported."""
    return [_Path("x_axis", T, sympy.Integer(0)), _Path("y_axis", sympy.Integer(0), T),
            _Path("line", T, M * T, M), _Path("parabola_y", T, K * T**2, K),
            _Path("parabola_x", K * T**2, T, K)]


def _path_limits(g: Any, x: Any, y: Any, a: Any, b: Any,
                 tried: list[_Path] | None = None) -> tuple[PathLimit, ...]:
    """Each path's limit; a symbolic one that depends on its parameter adds concrete paths."""
    found: list[PathLimit] = []
    for path in _paths() if tried is None else tried:
        limit = _bounded(_along, g, x, y, a, b, path.u, path.v)
        found.append(_described(path, x, y, a, b, limit))
        if path.parameter is not None and (limit is None or limit.has(path.parameter)):
            found += _concrete(g, x, y, a, b, path)
    return tuple(found)


def _concrete(g: Any, x: Any, y: Any, a: Any, b: Any, path: _Path) -> list[PathLimit]:
    """The path at slopes 1, −1, 2 (0 is an axis) until two limits differ."""
    out: list[PathLimit] = []
    for value in CONCRETE[1:]:
        one = _Path(path.kind, path.u.subs(path.parameter, value),
                    path.v.subs(path.parameter, value))
        limit = _bounded(_along, g, x, y, a, b, one.u, one.v)
        out.append(_described(one, x, y, a, b, limit))
    return out


def _along(g: Any, x: Any, y: Any, a: Any, b: Any, u: Any, v: Any) -> Any:
    """lim_(t→0) f(a + u(t), b + v(t)), both sides; ``sympy.nan`` when they differ."""
    h = g.xreplace({x: a + u, y: b + v})
    right = sympy.limit(h, T, 0, "+")
    left = sympy.limit(h, T, 0, "-")
    if _finite(right) and _finite(left):
        same = sympy.simplify(right - left) == 0
    else:
        same = right == left
    return sympy.simplify(right) if same else sympy.nan


def _finite(value: Any) -> bool:
    return value is not None and bool(value.is_finite) and not value.has(sympy.AccumBounds)


def _described(path: _Path, x: Any, y: Any, a: Any, b: Any, limit: Any) -> PathLimit:
    """The path as an equation (``y = mx``) with its limit."""
    if path.kind == "x_axis":
        lhs, rhs = y, b
    elif path.kind == "y_axis":
        lhs, rhs = x, a
    elif path.kind in ("parabola_x", "cubic_x"):
        lhs, rhs = x, a + path.u.subs(T, y - b)
    else:
        lhs, rhs = y, b + path.v.subs(T, x - a)
    return PathLimit(path.kind, f"{unicode(lhs)} = {unicode(rhs)}",
                     f"{latex(lhs)} = {latex(rhs)}", limit, f"{to_str(lhs)} = {to_str(rhs)}",
                     path.parameter, path.u, path.v)


def _by_paths(paths: tuple[PathLimit, ...]) -> tuple[str, tuple[PathLimit, PathLimit]] | None:
    """Two concrete paths with different limits, or one without a finite limit: no limit."""
    concrete = [p for p in paths if p.parameter is None or
                (p.limit is not None and not p.limit.has(p.parameter))]
    for p in concrete:
        if p.limit is not None and not _finite(p.limit):
            return "path_no_limit", (p, p)
    known = [p for p in concrete if p.limit is not None]
    for i, p in enumerate(known):
        for q in known[i + 1:]:
            # is_zero False, not "!= 0": a limit a/2 with a constant a may still be 0.
            if sympy.simplify(p.limit - q.limit).is_zero is False:
                return "paths_differ", (p, q)
    return None


def _agreed(paths: tuple[PathLimit, ...]) -> Any:
    """The one limit every path gave (None when a path gave none or two may differ)."""
    limits = [p.limit for p in paths if p.parameter is None or not p.limit.has(p.parameter)] \
        if all(p.limit is not None for p in paths) else []
    if not limits or any(sympy.simplify(v - limits[0]) != 0 for v in limits[1:]):
        return None
    return limits[0]


def _polar(g: Any, x: Any, y: Any, a: Any, b: Any) -> Any:
    """f(a + r cos θ, b + r sin θ), simplified."""
    h = g.xreplace({x: a + R * sympy.cos(THETA), y: b + R * sympy.sin(THETA)})
    return sympy.factor(sympy.trigsimp(sympy.simplify(h)))


def _squeeze(difference: Any) -> tuple[str, Any] | None:
    """A proof that f − L → 0 as r → 0 for every θ: ``("radial", f − L)`` or ``("squeeze", g)``.

    ``radial``: f − L depends on r only and tends to 0. ``squeeze``: f − L = g(r)·P/Q with
    P, Q polynomials in cos θ, sin θ and Q ≥ q > 0, so |f − L| ≤ |g(r)|·C/q where C is the
    sum of P's |coefficients| (see :func:`_trig_bound`).
    """
    difference = sympy.simplify(difference)
    if not difference.has(THETA):
        radial = _bounded(sympy.limit, difference, R, 0, "+")
        return ("radial", difference) if radial == 0 else None
    radius, angle = difference.as_independent(THETA, as_Add=False)
    bound = _trig_bound(angle)
    if bound is None:
        return None
    g = sympy.Abs(radius) * bound
    limit = _bounded(sympy.limit, g, R, 0, "+")
    return ("squeeze", sympy.simplify(g)) if limit == 0 else None


def _trig_bound(angle: Any) -> Any:
    """C with |P(cos θ, sin θ)/Q(cos θ, sin θ)| ≤ C for every θ, or None.

    |P| ≤ the sum of its |coefficients| (|cos θ|, |sin θ| ≤ 1). Q is reduced by
    sin²θ = 1 − cos²θ; when what is left is a polynomial q(c) in c = cos θ alone, its
    minimum on [−1, 1] (at an end or a root of q′) is exact, and must be positive.
    """
    c, s = sympy.symbols("c s", real=True)
    plain = sympy.expand_trig(sympy.together(angle))
    plain = plain.xreplace({sympy.cos(THETA): c, sympy.sin(THETA): s})
    numerator, denominator = sympy.fraction(sympy.together(plain))
    numerator, denominator = sympy.expand(numerator), sympy.expand(denominator)
    if numerator.has(THETA) or denominator.has(THETA) or not numerator.is_polynomial(c, s) \
            or not denominator.is_polynomial(c, s):
        return None
    top = sum(abs(coeff) for coeff in sympy.Poly(numerator, c, s).coeffs())
    if not denominator.has(c, s):
        return top / abs(denominator) if denominator != 0 else None
    if denominator.has(R):
        return None
    _, rest = sympy.reduced(denominator, [s**2 + c**2 - 1], s, c)
    if rest.has(s):
        return None
    q = sympy.Poly(rest, c)
    ends = [sympy.Integer(-1), sympy.Integer(1)]
    turns = [z for z in sympy.real_roots(q.diff(c)) if -1 <= z <= 1] if q.degree() > 1 else []
    low = min((q.as_expr().xreplace({c: z}) for z in ends + turns), key=float)
    return sympy.simplify(top / low) if low.is_positive else None


__all__ = ["limit_2d"]
