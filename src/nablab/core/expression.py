"""The :class:`Expression`: a formula the user typed, as SymPy, with its variables in order."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

import sympy
from sympy.core.function import AppliedUndef

from nablab.core.differentiate import DerivativeEngine
from nablab.core.printing import to_latex, to_str, to_unicode
from nablab.core.reading import AskedDerivative, Reading
from nablab.errors import DomainError, ParseError, UnsupportedError, UsageError

T = TypeVar("T")


def natural_key(name: str) -> tuple[Any, ...]:
    """Sort key that puts ``w2`` before ``w10``."""
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", name))


def ordered_symbols(symbols: Iterable[sympy.Symbol]) -> tuple[sympy.Symbol, ...]:
    """Symbols in alphabetical (natural) order of their names."""
    return tuple(sorted(symbols, key=lambda s: natural_key(s.name)))


@dataclass(frozen=True)
class PointValue:
    """The value and gradient of a function at one point.

    Attributes:
        point: the point, ``{variable name: value}``.
        value: f(point).
        gradient: ∇f(point), one entry per variable, in variable order.
    """

    point: dict[str, float]
    value: float
    gradient: tuple[float, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"point": dict(self.point), "value": self.value, "gradient": list(self.gradient)}


def exact_value(value: Any) -> Any:
    """A value given in code as SymPy's exact number: 10 → 10, 0.1 → 1/10 (its shortest
    fraction), SymPy numbers as they are."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return sympy.nsimplify(value, rational=True)
    return value


@dataclass(frozen=True, eq=False)
class Expression:
    """A function of ordered variables, read from text or built from SymPy.

    Attributes:
        source: the text the user typed ('' when built from SymPy).
        expr: the SymPy expression; a tuple of them for a vector-valued function.
        variables: the variables, in order (declared order, else alphabetical).
        name: the function's name when the text defined one (``f`` in ``f(x, y) = …``).
        readings: what the reading policy decided about the text (see
            :mod:`nablab.core.reading`), in the order of the text.
        asked: the derivative the text asked for (``d/dx (…)``), else None.
        twin: the formula as typed: ``expr`` unevaluated, its sums and products in the order
            and grouping of the text (``4 − x²`` where ``expr`` is ``−x² + 4``); None when
            built from SymPy. :attr:`unicode` and :attr:`latex` print it.

    Symbols that appear in ``expr`` but are not variables are parameters: derivatives treat
    them as constants (``a x^2`` with variables ``(x,)`` has derivative ``2 a x``).

    >>> import nablab
    >>> f = nablab.parse("x^2 + 3xy + y^2")
    >>> f.gradient()
    (2*x + 3*y, 3*x + 2*y)
    """

    source: str
    expr: Any
    variables: tuple[sympy.Symbol, ...]
    name: str | None = None
    readings: tuple[Reading, ...] = ()
    asked: AskedDerivative | None = None
    twin: Any = field(default=None, repr=False, compare=False)
    _cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    # -- construction ---------------------------------------------------------------------
    @classmethod
    def from_sympy(cls, expr: Any, variables: Iterable[sympy.Symbol | str] | None = None,
                   *, source: str = "", name: str | None = None) -> Expression:
        """Wrap a SymPy expression built by code (trusted input, not user text)."""
        if isinstance(expr, (list, tuple)):
            expr = tuple(_exact(e) for e in expr)
            free: set[sympy.Symbol] = set().union(*(e.free_symbols for e in expr))
        else:
            expr = _exact(expr)
            free = set(expr.free_symbols)
        if variables is None:
            ordered = ordered_symbols(free)
        else:
            by_name = {s.name: s for s in free}
            ordered = tuple(v if isinstance(v, sympy.Symbol)
                            else by_name.get(v, sympy.Symbol(v, real=True)) for v in variables)
        return cls(source or to_str(expr), expr, ordered, name)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Expression):
            return NotImplemented
        return self.expr == other.expr and self.variables == other.variables

    def __hash__(self) -> int:
        return hash((self.expr, self.variables))

    def __getstate__(self) -> dict[str, Any]:
        # Caches hold compiled code and SymEngine objects: rebuilt on demand, never shipped.
        # The twin is shipped printed: SymPy unpickles an unevaluated tree evaluated.
        if self.twin is None:
            return {**self.__dict__, "_cache": {}}
        shown = {"unicode": self.unicode, "latex": self.latex}
        return {**self.__dict__, "twin": None, "_cache": shown}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    # -- structure ------------------------------------------------------------------------
    @property
    def is_vector(self) -> bool:
        """Whether this is a vector-valued function ``(f₁, f₂, …)``."""
        return isinstance(self.expr, tuple)

    @property
    def components(self) -> tuple[Any, ...]:
        return self.expr if self.is_vector else (self.expr,)

    @property
    def parameters(self) -> tuple[sympy.Symbol, ...]:
        """Free symbols that are not variables (held constant by every derivative)."""
        free: set[sympy.Symbol] = set().union(*(c.free_symbols for c in self.components))
        return ordered_symbols(free - set(self.variables))

    @property
    def variable_names(self) -> tuple[str, ...]:
        return tuple(v.name for v in self.variables)

    def require_scalar(self, operation: str) -> None:
        """Check that this is one scalar function in which every name is a variable.

        Raises:
            UnsupportedError: ``vector_function`` or ``unbound_parameters`` (naming them).
        """
        if self.is_vector:
            raise UnsupportedError("vector_function", operation=operation)
        if self.parameters:
            raise UnsupportedError("unbound_parameters",
                                   names=", ".join(p.name for p in self.parameters))

    @property
    def is_constant(self) -> bool:
        """Whether f is one scalar with no symbol at all: 5, 2π, ln 3 (f′ = 0 everywhere)."""
        return self.cached("is_constant", lambda: not self.is_vector
                           and not self.expr.free_symbols
                           and not self.expr.atoms(AppliedUndef))

    def given(self, values: Mapping[str, Any]) -> Expression:
        """f with named constants given exact values (``a = 2``, ``k = pi``): each name, a
        parameter or a letter read as a variable, is replaced by its value everywhere, and is
        no longer a variable — so ``a x^2 + y^2`` with a = 2 is solved as 2x² + y², exactly.

        Raises:
            ParseError: ``unknown_variable`` for a name that is not in f.
        """
        if not values:
            return self
        symbols = {s.name: s for c in self.components for s in c.free_symbols}
        for name in values:
            if name not in symbols:
                raise ParseError("unknown_variable", source=name, name=name,
                                 variables=", ".join(sorted(symbols)) or "-")
        table = {symbols[n]: exact_value(v) for n, v in values.items()}
        expr = tuple(c.xreplace(table) for c in self.components) if self.is_vector \
            else self.expr.xreplace(table)
        kept = tuple(v for v in self.variables if v.name not in values)
        return Expression(to_str(expr), expr, kept, self.name, self.readings, self.asked)

    def with_variables(self, names: Iterable[str]) -> Expression:
        """The same formula as a function of ``names``: a constant typed alone (``5``) gets
        the variables of the point it is asked about (``--start 1`` → x)."""
        return Expression(self.source, self.expr, tuple(sympy.Symbol(n, real=True)
                                                        for n in names),
                          self.name, self.readings, self.asked)

    def constant_value(self) -> float:
        """The value of a constant function, as a float.

        Raises:
            DomainError: it is not a finite real number (ln(−1), 1/0).
        """
        return _real_float(self.expr, {}, "value", "f")

    @property
    def abstract_functions(self) -> tuple[str, ...]:
        """The names of the undefined functions in f (f and g in ``f(g(x))``), sorted."""
        def names() -> tuple[str, ...]:
            found: set[str] = set()
            for c in self.components:
                found |= {a.func.__name__ for a in c.atoms(AppliedUndef)}
            return tuple(sorted(found))

        return self.cached("abstract_functions", names)

    @property
    def display_name(self) -> str:
        """The function's name as shown: its own, else f, or h when f is an undefined
        function inside it (h(x) = x³f(x), as a textbook writes the product)."""
        if self.name:
            return self.name
        taken = set(self.abstract_functions)
        return next(n for n in ("f", "h", "F", "φ", "ψ") if n not in taken)

    def require_function(self, operation: str) -> None:
        """Check that the text was a function, not a derivative request (``d/dx (…)``).

        Only ``diff`` and ``steps`` compute a typed derivative; elsewhere it is refused,
        naming the command that does, rather than silently dropping the d/dx.

        Raises:
            UsageError: ``derivative_request``.
        """
        if self.asked is not None:
            raise UsageError("derivative_request", operation=operation)

    def require_concrete(self, operation: str) -> None:
        """Check that f has no undefined function f(x): numbers need a formula to compute.

        Raises:
            UsageError: ``abstract_function``, naming them.
        """
        names = self.abstract_functions
        if names:
            raise UsageError("abstract_function", operation=operation,
                             names=", ".join(names))

    def require_numeric(self, operation: str) -> None:
        """:meth:`require_function` and :meth:`require_concrete`: what every numeric command
        (critical points, descent, Lagrange, tangents, pictures) needs."""
        self.require_function(operation)
        self.require_concrete(operation)

    def symbol(self, var: sympy.Symbol | str) -> sympy.Symbol:
        """The variable called ``var``.

        Raises:
            ParseError: ``unknown_variable`` if it is not one of :attr:`variables`.
        """
        name = var.name if isinstance(var, sympy.Symbol) else str(var).strip()
        for v in self.variables:
            if v.name == name:
                return v
        raise ParseError("unknown_variable", source=name, name=name,
                         variables=", ".join(self.variable_names) or "-")

    # -- calculus -------------------------------------------------------------------------
    def _engine(self) -> DerivativeEngine:
        if self.is_vector:
            raise UnsupportedError("vector_function", operation="gradient")
        engine = self._cache.get("engine")
        if engine is None:
            engine = self._cache["engine"] = DerivativeEngine(self.expr, self.variables)
        return engine

    def partial(self, var: sympy.Symbol | str) -> Any:
        """∂f/∂var, the other variables held constant."""
        index = self.variables.index(self.symbol(var))
        return self._engine().gradient[index]

    def gradient(self) -> tuple[Any, ...]:
        """∇f = (∂f/∂x₁, …, ∂f/∂xₙ), the vector of partial derivatives."""
        return self._engine().gradient

    def hessian(self) -> sympy.ImmutableMatrix:
        """H = [∂²f/∂xᵢ∂xⱼ], the matrix of second partial derivatives."""
        return self._engine().hessian

    def jacobian(self) -> sympy.ImmutableMatrix:
        """J = [∂fᵢ/∂xⱼ]: one row per component (one row, ∇f, for a scalar function)."""
        if not self.is_vector:
            return sympy.ImmutableMatrix([list(self.gradient())])
        cached = self._cache.get("jacobian")
        if cached is None:
            rows = [Expression.from_sympy(c, self.variables).gradient() for c in self.expr]
            cached = self._cache["jacobian"] = sympy.ImmutableMatrix(rows)
        return cached

    def at(self, point: Mapping[Any, Any] | None = None, /, **values: Any) -> PointValue:
        """f and ∇f at a point, evaluated exactly and then rounded to floats.

        Args:
            point: ``{variable (name or Symbol): value}``; or pass ``x=1, y=2``.

        Raises:
            DomainError: f or a partial derivative is undefined or not real there.
        """
        if self.is_vector:
            raise UnsupportedError("vector_function", operation="at")
        merged = {**dict(point or {}), **values}
        subs = self._substitution(merged)
        value = _real_float(self.expr, subs, "value", "f")
        grad = tuple(_real_float(g, subs, "partial", f"∂f/∂{v.name}")
                     for v, g in zip(self.variables, self.gradient(), strict=True))
        return PointValue({v.name: float(subs[v]) for v in self.variables}, value, grad)

    def _substitution(self, values: Mapping[Any, Any]) -> dict[sympy.Symbol, Any]:
        known = {s.name: s for s in (*self.variables, *self.parameters)}
        subs: dict[sympy.Symbol, Any] = {}
        for key, val in values.items():
            name = key.name if isinstance(key, sympy.Symbol) else str(key).strip()
            if name not in known:
                raise ParseError("unknown_variable", source=name, name=name,
                                 variables=", ".join(known) or "-")
            subs[known[name]] = _exact(val)
        missing = [name for name, s in known.items() if s not in subs]
        if missing:
            raise ParseError("missing_values", source="", names=", ".join(missing))
        return subs

    def cached(self, key: str, build: Callable[[], T]) -> T:
        """``build()``, made once per expression and kept with it (never pickled).

        For what higher layers derive from a formula and reuse, such as the callables of
        :func:`nablab.numeric.compile`, without this class having to know them.
        """
        if key not in self._cache:
            self._cache[key] = build()
        value: T = self._cache[key]
        return value

    # -- display --------------------------------------------------------------------------
    @property
    def shown(self) -> Any:
        """What the display prints: the twin as typed, else the expression."""
        return self.expr if self.twin is None else self.twin

    @property
    def latex(self) -> str:
        """The function in LaTeX, as it was typed (see :attr:`twin`)."""
        cached = self._cache.get("latex")
        if cached is None:
            typed, shown = self.twin is not None, self.shown
            cached = self._cache["latex"] = (
                _safely(to_latex, shown, typed, self.expr) if not self.is_vector
                else r"\left(" + ", ".join(_safely(to_latex, c, typed, e) for c, e in
                                           zip(shown, self.expr, strict=True)) + r"\right)")
        return cached

    @property
    def unicode(self) -> str:
        """The function in one-line Unicode, as it was typed (see :attr:`twin`)."""
        cached = self._cache.get("unicode")
        if cached is None:
            typed, shown = self.twin is not None, self.shown
            cached = self._cache["unicode"] = (
                _safely(to_unicode, shown, typed, self.expr) if not self.is_vector
                else "(" + ", ".join(_safely(to_unicode, c, typed, e) for c, e in
                                     zip(shown, self.expr, strict=True)) + ")")
        return cached

    def __str__(self) -> str:
        return self.unicode

    def _repr_latex_(self) -> str:
        head = ""
        if self.name:
            head = f"{self.name}({', '.join(to_latex(v) for v in self.variables)}) = "
        return f"$\\displaystyle {head}{self.latex}$"


def _safely(printer: Callable[..., str], shown: Any, typed: bool, expr: Any) -> str:
    """The twin printed as typed; should SymPy fail on an unevaluated tree, the expression
    in textbook order instead (showing the function never fails)."""
    if typed:
        try:
            return printer(shown, typed=True)
        except (RecursionError, TypeError, ValueError, AttributeError):
            pass
    return printer(expr)


def _exact(value: Any) -> Any:
    """A SymPy object, or a Python number as an exact SymPy number; text is refused."""
    if isinstance(value, sympy.Basic):
        return value
    if isinstance(value, bool):
        raise TypeError("a point's coordinates must be numbers, not bool")
    if isinstance(value, int):
        return sympy.Integer(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"a point's coordinates must be finite, got {value}")
        return sympy.Rational(value)
    if isinstance(value, str):
        raise TypeError("text must go through nablab.parse(), which never evaluates it")
    raise TypeError(f"expected a number or a SymPy object, got {type(value).__name__}")


def _real_float(expr: Any, subs: Mapping[sympy.Symbol, Any], what: str, label: str) -> float:
    value = expr.xreplace(subs)
    if value.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo):
        raise DomainError("undefined_at_point", what=label)
    number = value.evalf(17, chop=True)
    if not number.is_real or not number.is_finite:
        raise DomainError("undefined_at_point", what=label)
    result = float(number)
    if not math.isfinite(result):  # exact, but beyond a float: 6^1000 ≈ 1.4e778
        raise DomainError("too_large_at_point", what=label, value=sympy.sstr(number.evalf(4)))
    return result


__all__ = ["Expression", "PointValue", "exact_value", "natural_key", "ordered_symbols"]
