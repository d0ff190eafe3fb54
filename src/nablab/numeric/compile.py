"""f, ∇f and the Hessian as fast, vectorised NumPy callables.

Small expressions go through ``sympy.lambdify`` with common-subexpression elimination; it
emits plain NumPy code that broadcasts, so a surface is evaluated on two 1-D axes
(``f(x[None, :], y[:, None])``) without building a meshgrid. Large expressions (a network
loss) go through SymEngine's LLVM ``Lambdify``, 20–70× faster per call than lambdify there.
Every callable returns float arrays of the broadcast shape, even when a derivative is a
constant (``∂(2x)/∂x = 2`` comes back as a full array, not the scalar 2).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np
import sympy

from nablab.errors import UnsupportedError

if TYPE_CHECKING:
    from nablab.core.expression import Expression

Array = np.ndarray


def _arrays(xs: Sequence[Any]) -> tuple[list[Array], tuple[int, ...]]:
    arrays = [np.asarray(x, dtype=float) for x in xs]
    return arrays, np.broadcast_shapes(*(a.shape for a in arrays))


def _stack(values: Sequence[Any], lead: tuple[int, ...], shape: tuple[int, ...]) -> Array:
    out = np.empty(lead + shape)
    flat = out.reshape((-1,) + shape)
    for i, value in enumerate(values):
        flat[i] = value
    return out


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
        if expression.is_vector:
            raise UnsupportedError("vector_function", operation="compile")
        if expression.parameters:
            raise UnsupportedError("unbound_parameters",
                                   names=", ".join(p.name for p in expression.parameters))
        self.expression = expression
        self.variables = expression.variables
        self.n = len(self.variables)
        self._engine = expression._engine()

    @property
    def backend(self) -> str:
        """``"symengine"`` for large expressions, else ``"sympy"``."""
        return "symengine" if self._engine.large else "sympy"

    def _lambdify(self, exprs: Any) -> Callable[..., Any]:
        return sympy.lambdify(self.variables, exprs, modules="numpy", cse=True)

    def _llvm(self, exprs: Any) -> Callable[..., Any]:
        import symengine

        symbols = [symengine.Symbol(v.name) for v in self.variables]
        return symengine.Lambdify(symbols, exprs, backend="llvm", cse=True)

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
    def hess(self) -> Callable[..., Array]:
        """The Hessian, shape ``(n, n, *S)``."""
        if self._engine.large:
            flat = [e for row in self._engine.symengine_hessian for e in row]
            return self._vectorised(self._llvm(flat), (self.n, self.n), True)
        entries = self._engine.hessian.tolist()
        return self._vectorised(self._lambdify(entries), (self.n, self.n), False)

    def __call__(self, *xs: Any) -> Array:
        return self.f(*xs)


def _flatten(values: Any) -> list[Any]:
    if isinstance(values, (list, tuple)):
        return [item for value in values for item in _flatten(value)]
    return [values]


__all__ = ["CompiledFunction"]
