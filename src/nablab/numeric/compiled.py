"""f, ∇f and the Hessian as fast, vectorised NumPy callables.

Small expressions go through ``sympy.lambdify`` with common-subexpression elimination; it
emits plain NumPy code that broadcasts, so a surface is evaluated on two 1-D axes
(``f(x[None, :], y[:, None])``) without building a meshgrid. Large expressions (a network
loss) go through SymEngine's LLVM ``Lambdify``, 20–70× faster per call than lambdify there.
Every callable returns float arrays of the broadcast shape, even when a derivative is a
constant (``∂(2x)/∂x = 2`` comes back as a full array, not the scalar 2).

A loop of single steps (gradient descent on one point) wants the opposite: plain Python floats
in and out, since a 2-element array costs ~6× more per step than two floats. For that,
:func:`python_code` prints expressions as straight-line Python on floats (the ``math`` module,
common subexpressions shared) and :attr:`CompiledFunction.grad_scalar` runs it.
"""

from __future__ import annotations

import builtins
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
import sympy
from sympy.printing.precedence import precedence
from sympy.printing.pycode import PythonCodePrinter

from nablab.core.expression import Expression
from nablab.numeric.lambdify import llvm_lambdify, numpy_lambdify
from nablab.parse import parse

Array = np.ndarray


def _arrays(xs: Sequence[Any]) -> tuple[list[Array], tuple[int, ...]]:
    arrays = [np.asarray(x, dtype=float) for x in xs]
    shapes = {a.shape for a in arrays}
    # one shape (a point, a path's columns) needs no broadcasting: its rule, in Python, costs
    # as much as evaluating ∇f at a point
    shape = shapes.pop() if len(shapes) == 1 else np.broadcast_shapes(*(a.shape for a in arrays))
    return arrays, shape


def _stack(values: Sequence[Any], lead: tuple[int, ...], shape: tuple[int, ...]) -> Array:
    out = np.empty(lead + shape)
    flat = out.reshape((-1,) + shape)
    for i, value in enumerate(values):
        flat[i] = value
    return out


def compile(f: Expression | str) -> CompiledFunction:
    """Fast NumPy callables for f, ∇f and the Hessian, built once per expression.

    They are kept with the expression, so the plot, the descent and the report that each
    compile the same f share one :class:`CompiledFunction`.

    Args:
        f: a scalar function of its variables (text is parsed first).

    Raises:
        UnsupportedError: f is vector-valued or has parameters that are not variables.

    >>> import nablab
    >>> g = nablab.compile("x^2 + 3xy + y^2")
    >>> g.grad(1.0, 2.0).tolist()
    [8.0, 7.0]
    """
    expression = parse(f)
    return expression.cached("compiled", lambda: CompiledFunction(expression))


class CompiledFunction:
    """Vectorised callables of one scalar :class:`~nablab.core.expression.Expression`.

    Each callable takes one array (or float) per variable, in variable order, broadcasts
    them, and returns float arrays:

    - ``f(*xs)`` → shape ``S`` (the broadcast shape),
    - ``grad(*xs)`` → ``(n, *S)``,
    - ``hess(*xs)`` → ``(n, n, *S)``.

    Each is built on first use. Values may be ``nan``/``inf`` where f is undefined (log of
    a negative number); reporting code checks, plots mask them.
    """

    def __init__(self, expression: Expression) -> None:
        expression.require_scalar("compile")
        expression.require_numeric("compile")
        self.expression = expression
        self.variables = expression.variables
        self.n = len(self.variables)
        self._engine = expression._engine()

    @property
    def backend(self) -> str:
        """``"symengine"`` for large expressions, else ``"sympy"``."""
        return "symengine" if self._engine.large else "sympy"

    def _lambdify(self, exprs: Any) -> Callable[..., Any]:
        return numpy_lambdify(self.variables, exprs)

    def _llvm(self, exprs: Any) -> Callable[..., Any]:
        import symengine

        symbols = [symengine.Symbol(v.name) for v in self.variables]
        return llvm_lambdify(symbols, exprs)

    def _vectorised(self, raw: Callable[..., Any], lead: tuple[int, ...],
                    llvm: bool) -> Callable[..., Array]:
        size = int(np.prod(lead)) if lead else 1

        def call(*xs: Any) -> Array:
            if len(xs) != self.n:
                raise TypeError(f"expected {self.n} arguments (one per variable), got {len(xs)}")
            arrays, shape = _arrays(xs)
            with np.errstate(all="ignore"):
                if llvm:
                    stacked = np.stack(np.broadcast_arrays(*arrays), axis=-1) if self.n else \
                        np.zeros(shape + (0,))
                    out = np.asarray(raw(stacked), dtype=float).reshape(shape + (size,))
                    out = np.moveaxis(out, -1, 0)
                    return out.reshape(lead + shape) if lead else out[0]
                values = raw(*arrays)
            if not lead:
                out = np.asarray(values, dtype=float)
                return out if out.shape == shape else np.broadcast_to(out, shape).copy()
            return _stack(_flatten(values), lead, shape)

        return call

    @cached_property
    def f(self) -> Callable[..., Array]:
        """f(x₁, …, xₙ), vectorised."""
        if self._engine.large:
            return self._vectorised(self._llvm([self._engine.symengine_expr]), (), True)
        return self._vectorised(self._lambdify(self.expression.expr), (), False)

    @cached_property
    def grad(self) -> Callable[..., Array]:
        """∇f(x₁, …, xₙ), shape ``(n, *S)``."""
        if self._engine.large:
            return self._vectorised(self._llvm(self._engine.symengine_gradient), (self.n,), True)
        return self._vectorised(self._lambdify(list(self._engine.gradient)), (self.n,), False)

    @cached_property
    def grad_columns(self) -> Callable[..., list[Any]]:
        """∇f as the raw list of ``n`` partials: arrays, or plain numbers where a partial is
        constant — no broadcasting, no stacking, no ``errstate``.

        For hot loops over many points that handle those themselves (a sweep of descents);
        everyone else wants :attr:`grad`.
        """
        if self._engine.large:
            return lambda *xs: list(self.grad(*xs))
        return self._lambdify(list(self._engine.gradient))

    @cached_property
    def hess(self) -> Callable[..., Array]:
        """The Hessian, shape ``(n, n, *S)``."""
        if self._engine.large:
            flat = [e for row in self._engine.symengine_hessian for e in row]
            return self._vectorised(self._llvm(flat), (self.n, self.n), True)
        entries = self._engine.hessian.tolist()
        return self._vectorised(self._lambdify(entries), (self.n, self.n), False)

    def __call__(self, *xs: Any) -> Array:
        return self.f(*xs)

    @property
    def gradient_exprs(self) -> tuple[Any, ...]:
        """∇f as SymPy expressions, one per variable: for other numeric back ends (JAX)."""
        return tuple(self._engine.gradient)

    @cached_property
    def gradient_code(self) -> PythonCode | None:
        """∇f as straight-line Python on floats, or ``None`` if a function has no such form.

        ``None`` also for large expressions, whose gradients are evaluated by SymEngine.
        """
        if self._engine.large:
            return None
        return python_code(self._engine.gradient, self.variables)

    @cached_property
    def grad_scalar(self) -> Callable[..., list[float]]:
        """∇f at one point, on Python floats: ``grad_scalar(x, y) -> [∂f/∂x, ∂f/∂y]``.

        Runs :attr:`gradient_code` when there is one (no NumPy involved, about a microsecond
        per call), else the vectorised :attr:`grad` on one point. Where f is undefined the
        first may raise ``ValueError``/``ArithmeticError`` or return a complex number where the
        second returns ``nan``: callers that step into unknown territory check both.
        """
        code = self.gradient_code
        if code is not None:
            return code.function("gradient")
        grad = self.grad
        return lambda *xs: [float(v) for v in grad(*xs)]


@dataclass(frozen=True)
class PythonCode:
    """Straight-line Python computing some expressions from float arguments.

    Attributes:
        args: one argument name per variable, in order (``_v0``, ``_v1``, …).
        lines: assignments of common subexpressions to temporaries (``_t0 = …``), in order.
        results: one Python expression per output, in terms of ``args`` and temporaries.
    """

    args: tuple[str, ...]
    lines: tuple[str, ...]
    results: tuple[str, ...]

    def source(self, name: str) -> str:
        """``def name(*args): …; return [results]`` as source text."""
        body = "".join(f"    {line}\n" for line in self.lines)
        return (f"def {name}({', '.join(self.args)}):\n{body}"
                f"    return [{', '.join(self.results)}]\n")

    def function(self, name: str) -> Callable[..., list[Any]]:
        """The compiled function ``name(*args) -> list`` (see :meth:`source`)."""
        return define(self.source(name), name)


#: What printed code may call: the math module and a few builtins (nothing else).
_NAMESPACE: dict[str, Any] = {"math": math, "abs": abs, "max": max, "min": min, "float": float,
                              "range": range}


def define(source: str, name: str, **names: Any) -> Any:
    """Compile ``source`` (code nablab generated) and return the object it defines as ``name``.

    Args:
        source: Python source printed by :func:`python_code` or built from a template by
            nablab itself: identifiers are generated, numbers and functions come from SymPy's
            code printer; no text a user typed ever reaches it.
        name: the name the source defines.
        **names: extra globals the code uses.
    """
    namespace: dict[str, Any] = {"__builtins__": {}, **_NAMESPACE, **names}
    exec(builtins.compile(source, f"<nablab {name}>", "exec"), namespace)  # safe: generated code
    return namespace[name]


class _FloatPrinter(PythonCodePrinter):
    """SymPy's Python printer, tuned for float arithmetic without changing any result.

    Integer constants print as float literals (``400.0``): CPython multiplies two floats on a
    fast path, and int·float converts the int exactly anyway. Squares print as ``(x*x)``, the
    correctly rounded square NumPy computes for ``x**2``; ``pow(x, 2)`` is off by an ulp now
    and then, and slower. A sum that starts ``-a + b`` prints as ``b - a``: the same float
    (negation is exact, and −a + b rounds as b − a, zeros' signs included) without computing −a.
    """

    def _print_Add(self, expr: Any, order: Any = None) -> str:
        # StrPrinter._print_Add, with the first two terms swapped when that drops a minus
        parts = []
        for term in self._as_ordered_terms(expr, order=order):
            text = self._print(term)
            sign = "-" if text.startswith("-") and not term.is_Add else "+"
            text = text[1:] if sign == "-" else text
            if precedence(term) < precedence(expr) or term.is_Add:
                text = f"({text})"
            parts.append((sign, text))
        if len(parts) > 1 and parts[0][0] == "-" and parts[1][0] == "+":
            parts[:2] = [("+", parts[1][1]), ("-", parts[0][1])]
        head = "-" if parts[0][0] == "-" else ""
        return head + parts[0][1] + "".join(f" {sign} {text}" for sign, text in parts[1:])

    def _print_Integer(self, expr: Any) -> str:
        return f"{int(expr)}.0" if abs(int(expr)) < 2**53 else str(int(expr))

    def _print_Pow(self, expr: Any, rational: bool = False) -> str:
        if expr.exp == 2:
            base = self.parenthesize(expr.base, sympy.printing.precedence.PRECEDENCE["Mul"])
            return f"({base}*{base})"
        return str(super()._print_Pow(expr, rational))


def python_code(exprs: Sequence[Any], variables: Sequence[sympy.Symbol]) -> PythonCode | None:
    """Print SymPy expressions as straight-line Python on float variables.

    The variables become ``_v0 … _vₙ₋₁`` (a user's variable may be called ``lambda``), common
    subexpressions become ``_t0, _t1, …`` (computed once), and functions go through
    ``math`` — the same code ``sympy.lambdify(..., modules="math", cse=True)`` writes.

    Returns:
        The code, or ``None`` if some function has no ``math`` form (``DiracDelta``).
    """
    args = tuple(f"_v{i}" for i in range(len(variables)))
    rename = {v: sympy.Symbol(a, real=True) for v, a in zip(variables, args, strict=True)}
    temps, reduced = sympy.cse([e.xreplace(rename) for e in exprs],
                               symbols=sympy.numbered_symbols("_t"))
    printer = _FloatPrinter({"strict": True, "fully_qualified_modules": True})
    try:
        lines = tuple(f"{t} = {printer.doprint(e)}" for t, e in temps)
        results = tuple(printer.doprint(e) for e in reduced)
    except NotImplementedError:
        return None
    return PythonCode(args, lines, results)


def _flatten(values: Any) -> list[Any]:
    if isinstance(values, (list, tuple)):
        return [item for value in values for item in _flatten(value)]
    return [values]


__all__ = ["CompiledFunction", "PythonCode", "compile", "define", "python_code"]
