"""Do two formulas define the same function? Checked numerically at random points.

Every derivation nablab shows is compared with ``sympy.diff`` this way before it is shown:
a step engine that disagrees with its own answer (SymPy Gamma's issue #106) is the failure
learners cannot detect themselves.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import sympy
from sympy.core.function import AppliedUndef

from nablab.core.catalog import CATALOG

#: Where random points are drawn: a symmetric range first, then positive ranges, so that
#: functions defined only for x > 0 (ln x, √x) or x > 1 (acosh x) get checked too.
RANGES: tuple[tuple[float, float], ...] = ((-3.0, 3.0), (0.1, 4.0), (1.1, 20.0))


#: Exponentials nested this deep (e^(e^(e^x))) are valued in floating point: SymPy's exact
#: evaluation of e^(e^(e^(e^2.5))) needs ln 2 to 10⁸⁴⁷⁰⁰ digits and fills any memory.
TOWER_DEPTH = 3


def numeric_value(expr: Any, point: dict[sympy.Symbol, Any]) -> complex | None:
    """``expr`` at ``point`` to 30 digits; ``None`` where it is undefined, an infinite
    complex number where it is defined but beyond floating point (e¹⁰⁰⁰)."""
    if _tower_depth(expr) >= TOWER_DEPTH:
        return _float_value(expr, point)
    try:
        value = expr.xreplace(point)
    except OverflowError:   # e^(e^(e^…)) at a float point: an integer of too many digits
        return None
    if value.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo):
        return None
    try:
        number = value.evalf(30, chop=True)
    except OverflowError:   # defined, but too large even for evalf's exponent
        return complex(math.inf) if value.is_real else None
    except (TypeError, ValueError):
        return None
    try:
        result = complex(number)
    except OverflowError:
        return complex(math.inf) if number.is_real else None
    except (TypeError, ValueError):
        return None
    if result != result:
        return None
    return result


@lru_cache(maxsize=4096)
def _tower_depth(expr: Any) -> int:
    """How deep exponentials with a variable exponent nest in ``expr`` (cached: asked at every
    point, and for every node by :func:`real_everywhere`)."""
    if not expr.args:
        return 0
    inner = max(_tower_depth(arg) for arg in expr.args)
    exponent = expr.exp if expr.is_Pow else expr.args[0] if isinstance(expr, sympy.exp) else None
    return inner + 1 if exponent is not None and exponent.free_symbols else inner


def _float_value(expr: Any, point: dict[sympy.Symbol, Any]) -> complex | None:
    """``expr`` at ``point`` in floating point: infinite past its range, ``None`` where
    undefined or not real (or where a function has no floating-point form)."""
    symbols = list(point)
    try:
        value = sympy.lambdify(symbols, expr, modules="math")(*(float(point[s]) for s in symbols))
        result = complex(value)
    except OverflowError:
        return complex(math.inf)
    except (TypeError, ValueError, ZeroDivisionError, NameError, AttributeError):
        return None
    return None if result != result else result


def _real(value: complex) -> bool:
    return abs(value.imag) <= 1e-12 and math.isfinite(value.real)


def _restricted(node: Any) -> bool:
    """A power with a fractional exponent, or a function not real on the whole real line
    (``restricted`` in the catalog: ln, asin, …)."""
    if node.is_Pow:
        return not node.exp.is_Integer
    row = CATALOG.of(node)
    return row is not None and row.restricted


def real_everywhere(expr: Any, point: dict[sympy.Symbol, Any]) -> bool:
    """Whether every power and function inside ``expr`` is real at ``point``.

    The rules of calculus a learner uses hold for real functions: |√x| is real at x = −1,
    but √(−1) inside it is not, and there the rule-by-rule derivative need not be SymPy's.
    """
    for node in sympy.preorder_traversal(expr):
        if _restricted(node):
            value = numeric_value(node, point)
            if value is None or not _real(value):
                return False
    return True


def numerically_equal(a: Any, b: Any, symbols: Sequence[sympy.Symbol], *, samples: int = 3,
                      seed: int = 0, rtol: float = 1e-9, domain: Any = None) -> bool | None:
    """Whether ``a`` and ``b`` agree at ``samples`` random real points where both are real.

    Args:
        domain: if given, only points where this expression is :func:`real_everywhere`.

    Returns:
        ``True`` (they agree), ``False`` (a point where they differ), or ``None`` when no
        point was found where both are defined.
    """
    if any(e.atoms(AppliedUndef) for e in (a, b)):
        return symbolically_equal(a, b)
    rng = random.Random(seed)
    agreed = 0
    for attempt in range(samples * 3 * len(RANGES)):
        low, high = RANGES[(attempt // (samples * 3)) % len(RANGES)]
        # Floats, not Rationals: a rational power of a rational point is factored exactly
        # by SymPy, which can take gigabytes ((y + 2)^x at y = 1.537, x = 2.71).
        point = {s: sympy.Float(round(rng.uniform(low, high), 3), 30) for s in symbols}
        va, vb = numeric_value(a, point), numeric_value(b, point)
        if va is None or vb is None or not (_real(va) and _real(vb)):
            continue
        if domain is not None and not real_everywhere(domain, point):
            continue
        if abs(va - vb) > rtol * (1.0 + abs(vb)):
            return False
        agreed += 1
        if agreed == samples:
            return True
    return True if agreed else None


__all__ = ["RANGES", "TOWER_DEPTH", "check_sentence", "numeric_value", "numerically_equal",
           "real_everywhere", "symbolically_equal"]


def symbolically_equal(a: Any, b: Any) -> bool | None:
    """Whether ``a − b`` simplifies to 0: how formulas with an undefined function f(x), which
    has no values, are compared (``None``: SymPy could not decide)."""
    return True if sympy.simplify((a - b).doit()) == 0 else None


def check_sentence(verified: bool | None, lang: str | None = None, *,
                   symbolic: bool = False) -> str:
    """The sentence saying whether a derivative agrees with ``sympy.diff`` (``symbolic``:
    compared as formulas, for a function with an undefined f(x))."""
    from nablab.i18n import translate

    key = {True: "check.ok", False: "check.failed", None: "check.none"}[verified]
    if symbolic and verified:
        key = "check.symbolic"
    return translate(key, lang)
