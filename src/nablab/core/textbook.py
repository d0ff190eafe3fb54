"""The textbook order of a formula's terms and factors, and the facts its printers share.

Every derived formula is written as a textbook writes it: the terms of a sum by descending
degree with the constant last, a sum inside parentheses starting with a positive term when it
has one (``−2x(y − wx)``, not ``−2x(−wx + y)``), undefined functions after the other factors
(``3x²f(x) + x³f′(x)``). The Unicode and LaTeX printers (:mod:`nablab.core.printing`,
:mod:`nablab.core.latex`) both take their order from here, so the two never disagree.
"""

from __future__ import annotations

from typing import Any

import sympy
from sympy import Add, Mul, Pow, Rational, S

from nablab.core.catalog import CATALOG

SUPERSCRIPT = str.maketrans("0123456789-()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁽⁾")


def _is_negative(term: Any) -> bool:
    return bool(term.as_coeff_Mul()[0].is_negative) if term.is_Mul or term.is_Number else False


def _degree(term: Any) -> Rational:
    """The total degree of a term in its symbols (a factor that is no power of a symbol,
    such as sin(x), counts 0): the key of the textbook order."""
    degree = S.Zero
    for factor in Mul.make_args(term):
        if getattr(factor, "ordered_by_argument", False):  # d/dx(x²) goes where x² goes
            factor = factor.args[0]
        base, power = factor.as_base_exp()
        if not power.is_Rational or not base.free_symbols:
            continue
        if base.is_Symbol:
            degree += power
        elif base.is_Add or base.is_Mul:  # 2(x − 1)² has degree 2
            degree += power * max(_degree(t) for t in Add.make_args(base))
    return degree


def _marks(term: Any) -> list[Any]:
    return [f for f in Mul.make_args(term) if getattr(f, "ordered_by_argument", False)]


def _is_marked(term: Any) -> bool:
    """A term not worked out yet (d/dx(4)): after the worked ones of its degree."""
    return bool(_marks(term))


def _is_constant(term: Any) -> bool:
    """No variable in it (d/dx(4) counts as the constant 4)."""
    factors = [f.args[0] if getattr(f, "ordered_by_argument", False) else f
               for f in Mul.make_args(term)]
    return not any(f.free_symbols for f in factors)


def _differentiated(factor: Any) -> tuple[int, str] | None:
    """(order, name) of a derivative of an undefined function, worked out (f′(x)) or not yet
    (d/dx(f(x)) in a derivation); None for any other factor."""
    undefined = sympy.core.function.AppliedUndef
    if factor.is_Derivative and isinstance(factor.expr, undefined):
        return int(factor.derivative_count), type(factor.expr).__name__
    if getattr(factor, "ordered_by_argument", False) and isinstance(factor.args[0], undefined):
        return 1, type(factor.args[0]).__name__
    return None


def _derivative_order(term: Any) -> tuple[int, tuple[str, ...]]:
    """The highest order of a derivative of an undefined function in a term, and the names
    of the functions differentiated: the product rule reads 3x²f(x) + x³f′(x) and
    f′(x)g(x) + f(x)g′(x), as (uv)′ = u′v + uv′."""
    found = [d for f in Mul.make_args(term) if (d := _differentiated(f)) is not None]
    if not found and term.has(sympy.Derivative):  # inside a power or a function
        found = [d for a in term.atoms(sympy.Derivative) if (d := _differentiated(a))]
    if not found:
        return 0, ()
    return max(order for order, _ in found), tuple(sorted(name for _, name in found))


def function_key(factor: Any) -> tuple[int, str]:
    """Undefined functions and their derivatives after the other factors, by name."""
    if isinstance(factor, sympy.core.function.AppliedUndef):
        return 1, type(factor).__name__
    differentiated = _differentiated(factor)
    return (1, differentiated[1]) if differentiated is not None else (0, "")


def textbook_terms(expr: Any, nested: bool) -> list[Any]:
    """The terms of a sum in textbook order.

    Descending degree, the constant last, ties in SymPy's order (which a sum with no power of
    a variable, such as 1 + e^(−x), keeps); a sum that is printed inside
    parentheses (``nested``) starts with its first positive term when it has one, so a
    factor reads ``(y − wx)`` and ``(2 − x)``.
    """
    terms = expr.as_ordered_terms()
    if any(_degree(t) > 0 for t in terms):
        terms.sort(key=lambda t: (_is_constant(t), _derivative_order(t), -_degree(t),
                                  _is_marked(t)))
    else:  # no power of a variable to order by: SymPy's order, 1 + e^(−x) as usually written
        terms.sort(key=_derivative_order)
    if nested and _is_negative(terms[0]):
        first = next((i for i, t in enumerate(terms) if not _is_negative(t)), None)
        if first is not None:
            terms.insert(0, terms.pop(first))
    return terms


def textbook_tree(expr: Any, nested: bool = False) -> Any:
    """``expr`` unevaluated, with every sum in textbook order, for printing in the order of
    its arguments (the twin of a construct that keeps no typed order of its own)."""
    if expr.is_Atom or not expr.args or not isinstance(expr, sympy.Expr):
        return expr
    if expr.is_Add:
        return sympy.Add(*(textbook_tree(t, True) for t in textbook_terms(expr, nested)),
                         evaluate=False)
    args = [textbook_tree(a, True) for a in expr.args]
    try:
        return expr.func(*args, evaluate=False)
    except TypeError:  # a class that takes no ``evaluate`` (Piecewise, Subs)
        return expr


#: Primes for the first derivatives of a function of one variable: f′, f″, f‴.
PRIMES = {1: "′", 2: "″", 3: "‴"}


def derivative_orders(expr: Any) -> tuple[int, ...] | None:
    """How often a derivative of an undefined function differentiates by each argument, in
    argument order; None when it is not such a derivative (d/dx of a formula)."""
    function = expr.expr
    if not isinstance(function, sympy.core.function.AppliedUndef):
        return None
    counts = dict(expr.variable_count)
    if any(v not in function.args or not (v.is_Symbol or len(function.args) == 1)
           for v in counts):
        return None  # d/dx of f(x²) is no f′; f′(g(x)) is, as SymPy's chain rule writes it
    return tuple(int(counts.get(a, 0)) for a in function.args)


def is_function_of(expr: Any) -> bool:
    """An undefined function applied (f(x)), or a derivative of one (f′(x))."""
    return isinstance(expr, sympy.core.function.AppliedUndef) or (
        expr.is_Derivative and derivative_orders(expr) is not None)


def prime_marks(order: int) -> str:
    """′, ″, ‴, then ⁽⁴⁾: the marks of the order-th derivative of a function of one variable."""
    return PRIMES.get(order, f"({order})".translate(SUPERSCRIPT) if order else "")


def step_name(notation: str) -> str:
    row = CATALOG.named("heaviside")
    name = None if row is None else getattr(row, notation)
    return name or "H"


def typed_product(expr: Any) -> tuple[bool, list[Any]]:
    """A typed product's sign and factors, in the order typed: nested products are opened
    (``2·(3x)`` is 2·3x) unless they start with a minus (``x·(−y)`` keeps it), and a leading
    negative number becomes the sign (``−(x + y)/x``: −, [x + y, 1/x])."""
    factors = _opened(expr) if expr.is_Mul else [expr]  # SymPy's LaTeX gives x⁻² here too
    if factors and factors[0].is_Number and factors[0].is_negative:
        first = -factors[0]
        return True, (factors[1:] if first == 1 else [first, *factors[1:]]) or [S.One]
    return False, factors


def _opened(product: Any) -> list[Any]:
    out: list[Any] = []
    for factor in product.args:
        negative = factor.is_Mul and factor.args[0].is_Number and factor.args[0].is_negative
        if factor.is_Mul and (not out or not negative):
            out += _opened(factor)
        else:
            out.append(factor)
    return out


def split_fraction(factors: list[Any], typed: bool) -> tuple[list[Any], list[Any]]:
    """A product's factors as (numerator, denominator): ``2x/(3y)`` → ([2, x], [3, y]).

    ``typed``: the factors are an unevaluated twin's: only a typed division (a power −1)
    goes below the line, ``1/(2x)`` keeps ``2x`` whole, and ``e^-x``, ``x^-2`` stay as typed.
    """
    numer: list[Any] = []
    denom: list[Any] = []
    for factor in factors:
        if typed and factor.is_Pow and factor.exp != -1:
            numer.append(factor)
        elif factor.is_Rational and factor is not S.One:
            if factor.p != 1:
                numer.append(sympy.Integer(factor.p))
            if factor.q != 1:
                denom.append(sympy.Integer(factor.q))
        elif factor.is_Pow and factor.exp.is_Rational and factor.exp.is_negative:
            if factor.exp == -1 and factor.base.is_Mul and typed and \
                    not factor.base.as_coeff_Mul()[0].is_negative:
                denom += list(factor.base.args)  # 1/(2x) as typed
            else:
                denom.append(factor.base if factor.exp == -1 else Pow(factor.base, -factor.exp))
        elif (factor.is_Pow and factor.exp.could_extract_minus_sign()
              and not factor.exp.is_Number):
            denom.append(Pow(factor.base, -factor.exp))
        elif factor is not S.One:
            numer.append(factor)
    return numer, denom


class TypedLog(sympy.Function):
    """log_b(x) as the learner typed it (``log10(x)``, ``log_2 x``, ``\\log_{10}``).

    Only a typed twin holds it, for display: the value itself is ln(x)/ln(b).
    """

    nargs = 2  # SymPy's default: never evaluated, so it stays as typed


__all__ = ["PRIMES", "SUPERSCRIPT", "TypedLog", "derivative_orders", "function_key",
           "is_function_of", "prime_marks", "split_fraction", "step_name", "textbook_terms",
           "textbook_tree", "typed_product"]
