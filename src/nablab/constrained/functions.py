"""The problem's functions as NumPy callables: f, ∇f, gᵢ, ∇gᵢ, and the Hessian of L.

Built once per problem from code-made SymPy expressions (``lambdify`` on trusted objects,
never on text). Points are columns: ``f(X)`` takes ``X`` of shape ``(n, m)`` (or ``(n,)``)
and returns ``(m,)``; single-point helpers take a 1-D array.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import sympy

from nablab.constrained.problem import Problem
from nablab.numeric.lambdify import numpy_lambdify

Array = np.ndarray


class ProblemFunctions:
    """Compiled f, ∇f, g = (g₁ − k₁, …), its Jacobian, and ∇²L(x, λ) = ∇²f − Σλᵢ∇²gᵢ."""

    def __init__(self, problem: Problem) -> None:
        xs = list(problem.variables)
        lams = list(problem.multipliers)
        f = problem.objective.expr
        residuals = [c.residual for c in problem.constraints]
        hess_l = sympy.hessian(problem.lagrangian(), xs)
        self.n, self.m = len(xs), len(residuals)
        #: s per constraint: 0 for an equality, +1 for g ≤ k, −1 for g ≥ k.
        self.sides = tuple(c.side for c in problem.constraints)
        self._f = numpy_lambdify(xs, f)
        self._grad = numpy_lambdify(xs, problem.gradient(f))
        self._g = numpy_lambdify(xs, residuals)
        self._jac = numpy_lambdify(xs, [problem.gradient(c.g) for c in problem.constraints])
        self._hess = numpy_lambdify(xs + lams, hess_l.tolist())

    def f(self, x: Array) -> Array:
        """f at each column of ``x`` (``(n, m)`` → ``(m,)``; ``(n,)`` → scalar array)."""
        return _call(self._f, x, ())

    def g(self, x: Array) -> Array:
        """gᵢ − kᵢ at each column: ``(n, m)`` → ``(len(constraints), m)``."""
        return _call(self._g, x, (self.m,))

    def grad(self, x: Array) -> Array:
        """∇f at one point, ``(n,)``."""
        return _call(self._grad, x, (self.n,))

    def jac(self, x: Array) -> Array:
        """[∇gᵢ] at one point: ``(len(constraints), n)``."""
        return _call(self._jac, x, (self.m, self.n)).reshape(self.m, self.n)

    def hess_l(self, x: Array, lam: Array) -> Array:
        """∇²ₓL(x, λ) at one point, ``(n, n)``."""
        return _call(self._hess, np.concatenate([np.asarray(x, float), np.asarray(lam, float)]),
                     (self.n, self.n))


def _call(fn: Callable[..., Any], x: Array, lead: tuple[int, ...]) -> Array:
    x = np.asarray(x, dtype=float)
    shape = x.shape[1:]
    with np.errstate(all="ignore"):
        raw = fn(*x)
        if not shape:
            # One point: every entry is a number (a constant entry is an int), so NumPy
            # builds the array directly — the fast path SciPy's many calls take.
            return np.asarray(raw, dtype=float).reshape(lead)
    return _stack(raw, lead, shape)


def _stack(raw: Any, lead: tuple[int, ...], shape: tuple[int, ...]) -> Array:
    if isinstance(raw, (list, tuple)):
        return np.stack([_stack(r, lead[1:], shape) for r in raw]) if raw else \
            np.zeros((0, *shape))
    return np.broadcast_to(np.asarray(raw, dtype=float), shape).copy()


__all__ = ["ProblemFunctions"]
