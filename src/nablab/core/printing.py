"""Formulas as text: one-line Unicode math for terminals, LaTeX for pages, SymPy ``str``.

One printer, in two notations, writes every formula as a textbook does: the terms of a sum
by descending degree with the constant last, a sum inside parentheses starting with a
positive term when it has one (``−2x(y − wx)``, not ``−2x(−wx + y)``), and δ(x), H(x),
Γ(x), ψ(x), f′(x), ∂f/∂x rather than SymPy's internal names. The formula a user typed is
printed by the same printer with the order and grouping it was typed in (``typed=True``:
``4 − x² − 2y²`` stays so), from the unevaluated twin the parser keeps.

Every printed form of the functions a user can type reads back through :func:`nablab.parse`
to the same expression (a property the tests check), so what a learner copies from the
output can be pasted back in.
"""

from __future__ import annotations

from typing import Any

import sympy
from sympy import Add, Mul, Pow, Rational, S
from sympy.core.mul import _keep_coeff
from sympy.printing.latex import LatexPrinter
from sympy.printing.precedence import PRECEDENCE, precedence
from sympy.printing.str import StrPrinter

from nablab.core.catalog import CATALOG
from nablab.core.names import GREEK_DISPLAY, is_safe_juxtaposition

_SUPERSCRIPT = str.maketrans("0123456789-()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁽⁾")
_SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
MINUS = "−"


def symbol_display(name: str) -> str:
    """``theta1`` → ``θ₁``, ``w2`` → ``w₂``, ``x_ab`` unchanged."""
    stem = name.rstrip("0123456789")
    digits = name[len(stem):]
    stem = GREEK_DISPLAY.get(stem, stem)
    return stem + digits.translate(_SUBSCRIPT)


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


def _derivative_order(term: Any) -> tuple[int, tuple[str, ...]]:
    """The highest order of a derivative in a term, and the names of the functions
    differentiated: the product rule reads 3x²f(x) + x³f′(x) and f′(x)g(x) + f(x)g′(x)."""
    if not term.has(sympy.Derivative):
        return 0, ()
    found = term.atoms(sympy.Derivative)
    return (max(d.derivative_count for d in found),
            tuple(sorted(type(d.expr).__name__ for d in found)))


def _function_key(factor: Any) -> tuple[int, str]:
    """Undefined functions and their derivatives after the other factors, by name."""
    if isinstance(factor, sympy.core.function.AppliedUndef):
        return 1, type(factor).__name__
    if factor.is_Derivative and isinstance(factor.expr, sympy.core.function.AppliedUndef):
        return 1, type(factor.expr).__name__
    return 0, ""


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
_PRIMES = {1: "′", 2: "″", 3: "‴"}


def _orders(expr: Any) -> tuple[int, ...] | None:
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


class UnicodePrinter(StrPrinter):
    """One-line Unicode math: ``2x + 3y``, ``x² + y²``, ``e^(−x)/(1 + e^(−x))²``, ``σ(x)``."""

    printmethod = "_nablab_unicode"
    #: Whether the terms and factors keep the order they have (a typed, unevaluated twin).
    typed = False

    def __init__(self, settings: dict[str, Any] | None = None) -> None:
        super().__init__(settings)
        self._depth = 0  # 1 while the whole formula is printed, more inside it

    def _as_ordered_terms(self, expr: Any, order: Any = None) -> list[Any]:
        if self.typed or "none" in (order, self._settings.get("order")):
            return list(expr.args)
        return textbook_terms(expr, nested=self._depth > 1)

    def _ordered_factors(self, expr: Any) -> list[Any]:
        if self.typed:
            return list(expr.args)
        return sorted(expr.as_ordered_factors(), key=_function_key)

    def _print_Symbol(self, expr: sympy.Symbol) -> str:
        return symbol_display(expr.name)

    _print_Dummy = _print_Symbol

    def _print_Exp1(self, expr: Any) -> str:
        return "e"

    def _print_Pi(self, expr: Any) -> str:
        return "π"

    def _print_Integer(self, expr: sympy.Integer) -> str:
        return str(expr.p).replace("-", MINUS)

    def _print_Rational(self, expr: Rational) -> str:
        text = str(expr.p) if expr.q == 1 else f"{expr.p}/{expr.q}"
        return text.replace("-", MINUS)

    def _print_Float(self, expr: sympy.Float) -> str:
        return super()._print_Float(expr).replace("-", MINUS)

    def _print_exp(self, expr: Any) -> str:
        return "e" + self._exponent(expr.args[0])

    def _exponent(self, power: Any) -> str:
        if power.is_Integer and power > 1:
            return str(power).translate(_SUPERSCRIPT)
        if power.is_Symbol or (power.is_Integer and power >= 0):
            return "^" + self._print(power)
        return "^(" + self._print(power) + ")"

    def _print_Pow(self, expr: Pow, rational: bool = False) -> str:
        base, power = expr.as_base_exp()
        if power is S.Half:
            return "√" + self._atomic(base)
        if power.is_Rational and power.is_negative:
            inverse = base if power == -1 else Pow(base, -power, evaluate=False)
            return "1/" + self.parenthesize(inverse, PRECEDENCE["Mul"], strict=True)
        if base is S.Exp1:
            return "e" + self._exponent(power)
        shown = self._print(base)
        if base.is_Pow or isinstance(base, sympy.exp) or precedence(base) <= PRECEDENCE["Pow"]:
            shown = f"({shown})"
        return shown + self._exponent(power)

    def _atomic(self, expr: Any) -> str:
        text = self._print(expr)
        return text if (expr.is_Symbol or (expr.is_Integer and expr >= 0)) else f"({text})"

    def _print_Abs(self, expr: Any) -> str:
        return "|" + self._print(expr.args[0]) + "|"

    def _print_factorial(self, expr: Any) -> str:
        return self._atomic(expr.args[0]) + "!"

    def _print_Function(self, expr: Any) -> str:
        row = CATALOG.of(expr)
        shown = row.shown_name if row is not None else expr.func.__name__
        args = getattr(expr, "pargs", expr.args)  # H(x), not H(x, 1/2)
        return f"{shown}({', '.join(self._print(a) for a in args)})"

    _print_Max = _print_Function
    _print_Min = _print_Function

    def _print_Heaviside(self, expr: Any) -> str:
        # the unit step, whatever its value at 0: H(x), never heaviside(x, 0)
        return f"{_step_name('unicode')}({self._print(expr.args[0])})"

    def _print_DiracDelta(self, expr: Any) -> str:
        order = int(expr.args[1]) if len(expr.args) > 1 else 0
        return f"δ{_prime_marks(order)}({self._print(expr.args[0])})"

    def _print_gamma(self, expr: Any) -> str:
        return f"Γ({self._print(expr.args[0])})"

    def _print_polygamma(self, expr: Any) -> str:
        n, arg = expr.args
        mark = "" if n == 0 else ("′" if n == 1 else f"({self._print(n)})".translate(
            _SUPERSCRIPT) if n.is_Integer else f"^({self._print(n)})")
        return f"ψ{mark}({self._print(arg)})"

    def _print_Derivative(self, expr: Any) -> str:
        orders = _orders(expr)
        if orders is None:
            return str(super()._print_Derivative(expr))
        function = expr.expr
        name = symbol_display(function.func.__name__)
        args = ", ".join(self._print(a) for a in function.args)
        if len(orders) == 1:
            return f"{name}{_prime_marks(orders[0])}({args})"
        total = sum(orders)
        power = str(total).translate(_SUPERSCRIPT) if total > 1 else ""
        below = "".join(f"∂{self._print(a)}" + (str(k).translate(_SUPERSCRIPT) if k > 1 else "")
                        for a, k in zip(function.args, orders, strict=True) if k)
        return f"∂{power}{name}/{below}"

    def _print_Subs(self, expr: Any) -> str:
        inner, old, new = expr.args
        if inner.is_Derivative and _orders(inner) is not None and len(old) == 1 and \
                inner.expr.args == tuple(old):
            # f′(g(x)): SymPy's chain rule writes it as f′(ξ) at ξ = g(x)
            return self._print(inner).replace(f"({self._print(old[0])})",
                                              f"({self._print(new[0])})")
        return str(super()._print_Subs(expr))

    def _print_Add(self, expr: Any, order: Any = None) -> str:
        pieces: list[str] = []
        for term in self._as_ordered_terms(expr, order=order):
            text = self._print(term)
            sign = "+"
            if text.startswith(MINUS):
                sign, text = MINUS, text[1:]
            if precedence(term) < PRECEDENCE["Add"]:
                text = f"({text})"
            pieces += [sign, text]
        head = pieces.pop(0)
        return ("" if head == "+" else MINUS) + " ".join(pieces)

    def _print(self, expr: Any, **kwargs: Any) -> str:
        self._depth += 1
        try:
            return str(super()._print(expr, **kwargs))
        finally:
            self._depth -= 1

    def _print_Mul(self, expr: Any) -> str:
        coeff, rest = expr.as_coeff_Mul()
        sign = ""
        if coeff.is_negative:
            sign, expr = MINUS, _keep_coeff(-coeff, rest)
        numer, denom = self._split_fraction(expr)
        top = self._join(numer) if numer else "1"
        if not denom:
            return sign + top
        bottom = self._join(denom)
        if len(denom) > 1 or denom[0].is_Mul:
            bottom = f"({bottom})"
        return sign + top + "/" + bottom

    def _split_fraction(self, expr: Any) -> tuple[list[Any], list[Any]]:
        numer: list[Any] = []
        denom: list[Any] = []
        for factor in Mul.make_args(expr) if not expr.is_Mul else self._ordered_factors(expr):
            if factor.is_Rational and factor is not S.One:
                if factor.p != 1:
                    numer.append(sympy.Integer(factor.p))
                if factor.q != 1:
                    denom.append(sympy.Integer(factor.q))
            elif factor.is_Pow and factor.exp.is_Rational and factor.exp.is_negative:
                if factor.exp == -1 and factor.base.is_Mul and self.typed and \
                        not factor.base.as_coeff_Mul()[0].is_negative:
                    denom += self._ordered_factors(factor.base)  # 1/(2x) as typed
                else:
                    denom.append(factor.base if factor.exp == -1
                                 else Pow(factor.base, -factor.exp))
            elif (factor.is_Pow and factor.exp.could_extract_minus_sign()
                  and not factor.exp.is_Number):
                denom.append(Pow(factor.base, -factor.exp))
            elif factor is not S.One:
                numer.append(factor)
        return numer, denom

    def _join(self, factors: list[Any]) -> str:
        prec = PRECEDENCE["Mul"]
        out = ""
        previous: Any = None
        for factor in factors:
            text = self.parenthesize(factor, prec, strict=False)
            if previous is None:
                out = text
            else:
                out += self._separator(previous, factor, out, text) + text
            previous = factor
        return out

    def _separator(self, left: Any, right: Any, left_text: str, right_text: str) -> str:
        if right.is_Number or right_text[0].isdigit():
            return "·"
        if _is_function_of(right) and not left_text[-1].isalpha():
            return ""  # 3x²f(x), x³f′(x)
        if left.is_Number and right_text[0] != MINUS:
            return ""
        if right_text.startswith("("):
            # "xy(…)" would read as a call of an unknown function xy
            return "·" if len(_tail_letters(left_text)) > 1 else ""
        if (_is_letter_symbol(_letter_base(left)) and _is_letter_symbol(_letter_base(right))
                and is_safe_juxtaposition(_tail_letters(left_text) + right_text.rstrip(
                    "⁰¹²³⁴⁵⁶⁷⁸⁹"))):
            return ""  # xy, x²y, xy²
        return "·"


def _step_name(notation: str) -> str:
    row = CATALOG.named("heaviside")
    name = None if row is None else getattr(row, notation)
    return name or "H"


def _letter_base(expr: Any) -> Any:
    """x of x², x³ (a power written with a superscript); else the factor itself."""
    if expr.is_Pow and expr.exp.is_Integer and expr.exp > 1:
        return expr.base
    return expr


def _is_function_of(expr: Any) -> bool:
    """An undefined function applied (f(x)), or a derivative of one (f′(x))."""
    return isinstance(expr, sympy.core.function.AppliedUndef) or (
        expr.is_Derivative and _orders(expr) is not None)


def _prime_marks(order: int) -> str:
    """′, ″, ‴, then ⁽⁴⁾: the marks of the order-th derivative of a function of one variable."""
    return _PRIMES.get(order, f"({order})".translate(_SUPERSCRIPT) if order else "")


def _is_letter_symbol(expr: Any) -> bool:
    """A one-letter name, perhaps with a numeric subscript (``x``, ``w1``)."""
    name = expr.name if expr.is_Symbol else ""
    return bool(name) and name.isascii() and name[0].isalpha() and name[1:].isdigit() | (
        len(name) == 1)


def _tail_letters(text: str) -> str:
    tail = ""
    for ch in reversed(text):
        if not ch.isalpha():
            break
        tail = ch + tail
    return tail


class NablabLatexPrinter(LatexPrinter):
    """SymPy's LaTeX printer, in the textbook order of :class:`UnicodePrinter` and with its
    names (δ, H, Γ, ψ, f′, ∂f/∂x); functions that have a LaTeX name in the catalog (σ, relu)
    are written so that nablab reads them back."""

    typed = False

    def __init__(self, settings: dict[str, Any] | None = None) -> None:
        super().__init__({**(settings or {}), "order": "none"} if self.typed else settings)
        self._depth = 0

    def _print(self, expr: Any, *args: Any, **kwargs: Any) -> str:
        self._depth += 1
        try:
            return str(super()._print(expr, *args, **kwargs))
        finally:
            self._depth -= 1

    def _as_ordered_terms(self, expr: Any, order: Any = None) -> list[Any]:
        if self.typed or "none" in (order, self._settings.get("order")):
            return list(expr.args)
        return textbook_terms(expr, nested=self._depth > 1)

    def _print_Mul(self, expr: Any) -> str:
        if self.typed:
            return self._typed_mul(expr)
        factors = expr.as_ordered_factors()
        plain = all(not (f.is_Rational and (f.is_negative or f.q != 1))
                    and not (f.is_Pow and f.exp.could_extract_minus_sign()) for f in factors)
        if self.typed or not plain or all(_function_key(f)[0] == 0 for f in factors):
            return str(super()._print_Mul(expr))
        # f′(x)g(x) as in Unicode: SymPy's LaTeX printer orders factors itself
        ordered = sorted(factors, key=_function_key)
        saved = self._settings["order"]
        self._settings["order"] = "none"
        try:
            return str(super()._print_Mul(Mul(*ordered, evaluate=False)))
        finally:
            self._settings["order"] = saved

    def _typed_mul(self, expr: Any) -> str:
        """A product as typed: its factors in order, a quotient as ``\\frac``."""
        coeff, rest = expr.as_coeff_Mul()
        sign = ""
        if coeff.is_negative:
            sign, expr = "- ", _keep_coeff(-coeff, rest)
        numer, denom = TypedUnicodePrinter({"order": None})._split_fraction(expr)
        top = self._typed_factors(numer) if numer else "1"
        if not denom:
            return sign + top
        return sign + rf"\frac{{{top}}}{{{self._typed_factors(denom)}}}"

    def _typed_factors(self, factors: list[Any]) -> str:
        out = ""
        for i, factor in enumerate(factors):
            text = self._print(factor)
            if precedence(factor) < PRECEDENCE["Mul"] and len(factors) > 1:
                text = rf"\left({text}\right)"
            if i and (factor.is_Number or text[:1].isdigit()):
                out += r" \cdot "
            elif i:
                out += " "
            out += text
        return out

    def _print_Function(self, expr: Any, exp: Any = None) -> str:
        row = CATALOG.of(expr)
        if row is None or row.latex is None:
            return str(super()._print_Function(expr, exp))
        body = rf"{row.latex}\left({', '.join(self._print(a) for a in expr.args)}\right)"
        return body if exp is None else f"{body}^{{{exp}}}"

    def _named(self, head: str, arg: Any, exp: Any) -> str:
        tex = rf"{head}\left({self._print(arg)}\right)"
        return tex if not exp else rf"\left({tex}\right)^{{{exp}}}"

    def _print_Heaviside(self, expr: Any, exp: Any = None) -> str:
        return self._named(_step_name("latex"), expr.args[0], exp)

    def _print_DiracDelta(self, expr: Any, exp: Any = None) -> str:
        order = int(expr.args[1]) if len(expr.args) > 1 else 0
        marks = "'" * order if order < 4 else f"^{{({order})}}"
        return self._named(rf"\delta{marks}", expr.args[0], exp)

    def _print_gamma(self, expr: Any, exp: Any = None) -> str:
        return self._named(r"\Gamma", expr.args[0], exp)

    def _print_polygamma(self, expr: Any, exp: Any = None) -> str:
        n, arg = expr.args
        mark = "" if n == 0 else ("'" if n == 1 else f"^{{({self._print(n)})}}")
        return self._named(rf"\psi{mark}", arg, exp)

    def _print_Derivative(self, expr: Any) -> str:
        orders = _orders(expr)
        if orders is None:
            return str(super()._print_Derivative(expr))
        function = expr.expr
        name = self._print(sympy.Symbol(function.func.__name__))
        args = ", ".join(self._print(a) for a in function.args)
        if len(orders) == 1:
            return self._primed(name, orders[0], args)
        total = sum(orders)
        power = f"^{{{total}}}" if total > 1 else ""
        below = " ".join(rf"\partial {self._print(a)}" + (f"^{{{k}}}" if k > 1 else "")
                         for a, k in zip(function.args, orders, strict=True) if k)
        return rf"\frac{{\partial{power} {name}}}{{{below}}}"

    def _print_Subs(self, expr: Any) -> str:
        inner, old, new = expr.args
        orders = _orders(inner) if inner.is_Derivative else None
        if orders is not None and len(orders) == 1 and inner.expr.args == tuple(old):
            name = self._print(sympy.Symbol(type(inner.expr).__name__))
            return self._primed(name, orders[0], self._print(new[0]))
        return str(super()._print_Subs(expr))

    @staticmethod
    def _primed(name: str, order: int, args: str) -> str:
        marks = "'" * order if order < 4 else f"^{{({order})}}"
        return rf"{name}{marks}\left({args}\right)"


class TypedUnicodePrinter(UnicodePrinter):
    """:class:`UnicodePrinter` keeping the order of terms and factors as they were typed."""

    typed = True


class TypedLatexPrinter(NablabLatexPrinter):
    """:class:`NablabLatexPrinter` keeping the order of terms and factors as they were typed."""

    typed = True


def to_unicode(expr: Any, *, typed: bool = False) -> str:
    """One-line Unicode math for terminals (``typed``: in the order of an unevaluated twin)."""
    if isinstance(expr, (list, tuple)):
        return "(" + ", ".join(to_unicode(e, typed=typed) for e in expr) + ")"
    printer = TypedUnicodePrinter if typed else UnicodePrinter
    return str(printer({"order": None}).doprint(expr))


def to_latex(expr: Any, *, typed: bool = False) -> str:
    """LaTeX in the textbook order (``typed``: in the order of an unevaluated twin); σ and
    relu in a form nablab reads back."""
    printer = TypedLatexPrinter if typed else NablabLatexPrinter
    return str(printer().doprint(expr))


def to_str(expr: Any) -> str:
    """SymPy's ``str()`` syntax, used in ``--json`` output."""
    return sympy.sstr(expr)


__all__ = ["NablabLatexPrinter", "TypedLatexPrinter", "TypedUnicodePrinter", "UnicodePrinter",
           "symbol_display", "textbook_terms", "to_latex", "to_str", "to_unicode"]
