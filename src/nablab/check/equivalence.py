"""Whether two answers are the same: symbolically where SymPy can show it, else by values.

Two expressions are equal when their difference simplifies to 0 (within a small time budget,
:func:`nablab.budget.run_bounded`), or when they agree at many points in high precision
(WeBWorK's test, made exact: the points are rationals and each value is computed by SymPy's
adaptive ``evalf`` to :data:`DIGITS` digits). The points lie in the function's domain: a point
where the task's function or the right answer is not a real number says nothing. Small, "nice"
points come first, so a counter-example reads well (x = −1, not x = 1.73205): a point where
the two differ beyond doubt is a proof that they are not equal, checked again at twice the
precision before it is shown. Domain matters: √(x²) is |x|, not x (x = −1).

Sets of points (critical points, Lagrange candidates) are compared as sets: order-free, each
coordinate exactly or in high precision, the missing and the extra points named. A decimal
the learner typed with two or more places matches the exact value rounded to that many.
"""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import sympy

from nablab.budget import inside, run_bounded
from nablab.errors import BudgetExceeded

#: Digits of each value; a disagreement is confirmed at twice as many.
DIGITS = 30
#: Points at which two expressions must agree (where both are defined) to be called equal.
AGREEING = 8
#: Points tried at most, nice ones and random ones together.
TRIES = 60
#: Seconds the symbolic test may take (inside a budget; outside it only the values decide).
SYMBOLIC_TIMEOUT = 0.5
_NICE = tuple(sympy.Rational(v) for v in (1, -1, 2, -2, "1/2", 3, "-1/2", -3, 0))
_TOLERANCE = sympy.Float(10) ** (-(DIGITS - 4))
#: A float coordinate (about 15 correct digits) matches an exact one to this relative error.
_FLOAT_TOLERANCE = sympy.Float(10) ** -10


@dataclass(frozen=True)
class Comparison:
    """How an answer compares with the right one.

    Attributes:
        equal: whether they are the same (None: no point to compare at, nothing shown).
        how: ``"identical"``, ``"symbolic"`` (the difference simplifies to 0), ``"numeric"``
            (equal at every point tried), ``"counterexample"`` or ``"undecided"``.
        counterexample: a point where they differ, ``{variable: exact number}``.
        yours, right: the two values there (None where that one is not a real number).
        component: for vectors, the index of the first component that differs.
    """

    equal: bool | None
    how: str
    counterexample: dict[sympy.Symbol, Any] | None = None
    yours: Any = None
    right: Any = None
    component: int | None = None


@dataclass(frozen=True)
class SetComparison:
    """Two finite sets of points compared: the points missing from and extra in the answer.

    ``rounded``: whether a matched point was given as decimals, rounded.
    """

    equal: bool
    missing: tuple[tuple[Any, ...], ...] = ()
    extra: tuple[tuple[Any, ...], ...] = ()
    rounded: bool = False
    matched: tuple[tuple[Any, ...], ...] = field(default=())


# -- values at a point ----------------------------------------------------------------------
def basic(value: Any) -> Any:
    """A SymPy object of a value built by code (a SymPy object, an int or a Fraction)."""
    return value if isinstance(value, sympy.Basic) else sympy.Rational(value)


def value_at(expr: Any, point: dict[sympy.Symbol, Any], digits: int = DIGITS) -> Any:
    """``expr`` at ``point`` as a SymPy Float, or None where it is no finite real number.

    Real analysis, not complex: a root of a negative number or the logarithm of one leaves
    the expression undefined even where the complex values would multiply back to a real one
    (√(k/m)·√(m/k) is 1 where k/m > 0 and undefined elsewhere, never −1).
    """
    if point and not _real_steps(basic(expr), point):
        return None
    expr = basic(expr)
    try:
        if point and not _numeric_powers(expr):
            # x^(x^x) at x = 3 is a number of 10¹² digits exactly: evaluate in floats,
            # after checking that no denominator vanishes.
            if _pole(expr, point):
                return None
            v = expr.evalf(digits, subs=point)
        else:
            # Exact first: at a pole SymPy's exact arithmetic says zoo or nan, where evalf of
            # (x² − 1)/(x + 1) at x = −1 would give a large number made of rounding.
            exact = expr.xreplace(point) if point else expr
            if exact.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo):
                return None
            v = exact.evalf(digits)
    except (ArithmeticError, TypeError, ValueError, RecursionError):
        return None
    if v.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo) or v.free_symbols:
        return None
    re_part, im_part = v.as_real_imag()
    if not re_part.is_number or not im_part.is_number:
        return None
    scale = max(abs(re_part), 1)
    if abs(im_part) > _TOLERANCE * scale:
        return None
    return sympy.Float(re_part, digits)


def _numeric_powers(expr: Any) -> bool:
    """Whether every power in ``expr`` has a number for its exponent (then exact values at
    rational points stay small: the parser bounds each exponent)."""
    return all(p.exp.is_Number for p in expr.atoms(sympy.Pow))


def _pole(expr: Any, point: dict[sympy.Symbol, Any]) -> bool:
    """Whether a denominator of ``expr`` (a negative power's base) vanishes at ``point``."""
    for p in expr.atoms(sympy.Pow):
        if p.exp.is_negative and p.base.free_symbols:
            base = p.base.evalf(DIGITS, subs=point)
            if base.is_number and abs(base) < _TOLERANCE:
                return True
    return False


def _real_steps(expr: Any, point: dict[sympy.Symbol, Any]) -> bool:
    """Whether each root and logarithm in ``expr`` is taken of a number it is real for."""
    for node in sympy.preorder_traversal(expr):
        if node.is_Pow and not node.exp.is_integer and node.base.free_symbols:
            low = 0 if node.exp.is_positive else 1
        elif isinstance(node, sympy.log) and node.args[0].free_symbols:
            low = 1
        else:
            continue
        base = node.base if node.is_Pow else node.args[0]
        value = value_at(base, point, 15)
        if value is None or value < 0 or (low and value <= 0):
            return False
    return True


def _close(a: Any, b: Any, tolerance: Any = _TOLERANCE) -> bool:
    return bool(abs(a - b) <= tolerance * max(abs(a), abs(b), 1))


def points(variables: Sequence[sympy.Symbol], seed: int = 0, *, small: bool = False
           ) -> Iterator[dict[sympy.Symbol, Any]]:
    """Points to compare at: small nice ones first, then random rationals in [−40, 40]
    (``small``: in [−4, 4], for powers with variables in their exponents)."""
    if not variables:
        yield {}
        return
    nice = itertools.islice(itertools.product(_NICE, repeat=len(variables)), 24)
    for values in nice:
        if len(variables) > 1 and len(set(values)) == 1 and values[0] != 1:
            continue  # x = y hides answers that swap the variables
        yield dict(zip(variables, values, strict=True))
    rng = random.Random(seed)
    while True:
        scale = 1 if small else rng.choice((1, 3, 10))
        yield {v: sympy.Rational(rng.randint(-4000, 4000) * scale, rng.choice((997, 991, 983)))
               for v in variables}


# -- one expression against another ---------------------------------------------------------
def compare(answer: Any, expected: Any, variables: Sequence[sympy.Symbol],
            domain: Sequence[Any] = (), *, typed: Any = None, seed: int = 0) -> Comparison:
    """Compare the learner's ``answer`` with the ``expected`` expression.

    Args:
        answer, expected: SymPy expressions.
        variables: the variables they are functions of (others are held as they are).
        domain: expressions that must be real where a point counts (the task's function).
        typed: the answer as typed (unevaluated), whose roots and logarithms say where it is
            defined: (√x)² is x only for x ≥ 0, though SymPy's value is x.
        seed: the random points' seed (the same answer always gets the same verdict).
    """
    answer, expected = basic(answer), basic(expected)
    if typed is not None and not isinstance(typed, sympy.Basic):
        typed = None
    if answer == expected and (typed is None or typed == answer):
        return Comparison(True, "identical")
    free = sorted(answer.free_symbols | expected.free_symbols
                  | set().union(*(basic(d).free_symbols for d in domain)),
                  key=lambda s: s.name)
    names = list(variables) + [s for s in free if s not in variables]
    if typed is None and answer != expected and _cheap_zero(answer - expected):
        return Comparison(True, "symbolic")
    difference = answer - expected
    if difference.is_Rational and difference != 0:
        # A constant apart, however small (2x + 10⁻⁴⁰): exact arithmetic says so at once.
        return _apart(answer, expected, variables, domain, seed)
    by_values = _by_values(answer, expected, names, domain, seed, typed)
    if by_values.equal is not None or answer == expected:
        if by_values.equal and sympy.count_ops(difference) <= 20 and _cheap_zero(difference):
            return Comparison(True, "symbolic")  # proved as well, where that is cheap
        return by_values
    if _symbolic_zero(answer - expected):
        return Comparison(True, "symbolic")
    return by_values


def _apart(answer: Any, expected: Any, variables: Sequence[sympy.Symbol],
           domain: Sequence[Any], seed: int) -> Comparison:
    """Two expressions a nonzero rational apart: the first point where both are defined."""
    names = list(variables) or sorted(answer.free_symbols | expected.free_symbols,
                                      key=lambda s: s.name)
    for point in itertools.islice(points(names, seed), TRIES):
        if any(value_at(d, point) is None for d in domain):
            continue
        right, yours = value_at(expected, point, 110), value_at(answer, point, 110)
        if right is not None:
            return Comparison(False, "counterexample", point, yours, right)
    return Comparison(False, "symbolic")


def _by_values(answer: Any, expected: Any, names: Sequence[sympy.Symbol],
               domain: Sequence[Any], seed: int, typed: Any = None) -> Comparison:
    agreed = 0
    towers = not all(_numeric_powers(basic(e)) for e in (answer, expected, *domain))
    value = _bounded_value if towers and inside() else value_at
    for point in itertools.islice(points(names, seed, small=towers), TRIES):
        if any(value(d, point) is None for d in domain):
            continue
        right = value(expected, point)
        if right is None:
            continue
        yours = value(answer, point) if typed is None or _real_steps(typed, point) \
            else None
        if yours is not None and _close(yours, right):
            agreed += 1
            if agreed >= AGREEING or not names:
                return Comparison(True, "numeric")
            continue
        if yours is None and _isolated(answer, expected, point, typed):
            continue  # a removable gap, (x² − 1)/(x − 1) at x = 1: not a different function
        if yours is None or _differs_surely(answer, expected, point):
            return Comparison(False, "counterexample", point, yours, right)
    if agreed:
        return Comparison(True, "numeric")
    return Comparison(None, "undecided")


#: Seconds one value may take where powers have variables in their exponents.
VALUE_TIMEOUT = 0.05


def _bounded_value(expr: Any, point: dict[sympy.Symbol, Any]) -> Any:
    """:func:`value_at` within :data:`VALUE_TIMEOUT` seconds, else None: x^(x^(x^x)) at
    x = 20 has more digits than any comparison needs, and the point says nothing."""
    try:
        return run_bounded(value_at, expr, point, timeout=VALUE_TIMEOUT)
    except BudgetExceeded:
        return None


def _isolated(answer: Any, expected: Any, point: dict[sympy.Symbol, Any],
              typed: Any = None) -> bool:
    """Whether the answer is undefined only at this point: defined and equal right next to it
    (every coordinate moved by 1/1000)."""
    near = {v: a + sympy.Rational(1, 1000) for v, a in point.items()}
    right, yours = value_at(expected, near), value_at(answer, near)
    if typed is not None and not _real_steps(typed, near):
        return False
    return right is not None and yours is not None and _close(yours, right)


def _differs_surely(answer: Any, expected: Any, point: dict[sympy.Symbol, Any]) -> bool:
    """A disagreement seen again at twice the precision (never a rounding artefact)."""
    right = value_at(expected, point, 2 * DIGITS)
    yours = value_at(answer, point, 2 * DIGITS)
    if right is None:
        return False
    return yours is None or not _close(yours, right, sympy.Float(10) ** (-DIGITS))


def _cheap_zero(difference: Any) -> bool:
    """Whether the difference is 0 by expanding it or cancelling its fractions (small ones:
    what SymPy proves in milliseconds)."""
    if difference == 0:
        return True
    if sympy.count_ops(difference) > 40:
        return False
    return bool(sympy.expand(difference) == 0 or sympy.cancel(difference) == 0)


def _symbolic_zero(difference: Any) -> bool:
    """Whether SymPy's ``simplify`` shows the difference is 0, within
    :data:`SYMBOLIC_TIMEOUT` seconds (used when the values cannot decide)."""
    if not inside():
        return _cheap_zero(difference)
    try:
        return bool(run_bounded(_simplifies_to_zero, difference, timeout=SYMBOLIC_TIMEOUT))
    except BudgetExceeded:
        return False


def _simplifies_to_zero(difference: Any) -> bool:
    return bool(sympy.simplify(difference) == 0)


def same(a: Any, b: Any, variables: Sequence[sympy.Symbol] = (), domain: Sequence[Any] = ()
         ) -> bool:
    """Whether two answers of the same form are equal (expressions, vectors, point sets)."""
    if isinstance(a, frozenset) or isinstance(b, frozenset):
        return isinstance(a, frozenset) and isinstance(b, frozenset) and \
            compare_sets(a, b).equal
    if isinstance(a, tuple) or isinstance(b, tuple):
        return isinstance(a, tuple) and isinstance(b, tuple) and len(a) == len(b) and \
            all(same(x, y, variables, domain) for x, y in zip(a, b, strict=True))
    return compare(a, b, variables, domain).equal is True


def compare_vectors(answer: Sequence[Any], expected: Sequence[Any],
                    variables: Sequence[sympy.Symbol], domain: Sequence[Any] = ()
                    ) -> Comparison:
    """Component by component; the first component that differs, with its counter-example."""
    hows = []
    for index, (a, e) in enumerate(zip(answer, expected, strict=True)):
        one = compare(a, e, variables, domain)
        if one.equal is not True:
            return Comparison(one.equal, one.how, one.counterexample, one.yours, one.right,
                              index)
        hows.append(one.how)
    how = "numeric" if "numeric" in hows else "symbolic" if "symbolic" in hows else "identical"
    return Comparison(True, how)


# -- sets of points -------------------------------------------------------------------------
_DECIMAL = re.compile(r"^\s*[-−+]?\d*\.(\d+)\s*$")


def decimals(text: str) -> int:
    """How many decimal places a plain decimal number was typed with (0 if it is none)."""
    match = _DECIMAL.match(text)
    return len(match.group(1)) if match else 0


def same_point(answer: Sequence[Any], expected: Sequence[Any],
               places: Sequence[int] = ()) -> str | None:
    """``"exact"``, ``"rounded"`` (each decimal coordinate is the exact one rounded) or None."""
    if len(answer) != len(expected):
        return None
    how = "exact"
    for i, (a, e) in enumerate(zip(answer, expected, strict=True)):
        va, ve = value_at(a, {}), value_at(e, {})
        if va is None or ve is None:
            return None
        if _close(va, ve) or (_approximate(e) and _close(va, ve, _FLOAT_TOLERANCE)):
            continue
        d = places[i] if i < len(places) else 0
        if d >= 2 and abs(va - ve) <= sympy.Rational(1, 2) * sympy.Rational(1, 10 ** d) \
                * (1 + sympy.Float(10) ** -12):
            how = "rounded"
            continue
        return None
    return how


def _approximate(value: Any) -> bool:
    """A coordinate known only as a float (Newton's method found it, no exact form)."""
    return isinstance(value, sympy.Float) and value._prec < 100


def compare_sets(answer: frozenset[tuple[Any, ...]] | Sequence[tuple[Any, ...]],
                 expected: frozenset[tuple[Any, ...]] | Sequence[tuple[Any, ...]],
                 places: Mapping[tuple[Any, ...], Sequence[int]] | None = None) -> SetComparison:
    """The two sets compared point by point (``places``: each answer point's decimals)."""
    left = list(expected)
    extra, matched = [], []
    rounded = False
    for point in answer:
        for candidate in left:
            how = same_point(point, candidate, (places or {}).get(point, ()))
            if how is not None:
                left.remove(candidate)
                matched.append(candidate)
                rounded = rounded or how == "rounded"
                break
        else:
            extra.append(point)
    return SetComparison(not left and not extra, tuple(left), tuple(extra), rounded,
                         tuple(matched))


__all__ = ["AGREEING", "DIGITS", "Comparison", "SetComparison", "compare", "compare_sets",
           "compare_vectors", "decimals", "points", "same", "same_point", "value_at"]
