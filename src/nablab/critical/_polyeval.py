"""A polynomial as a vectorised NumPy function, without ``lambdify`` (whose first call
imports half of NumPy: 150 ms that the exact path does not need)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import sympy


def numpy_function(poly: sympy.Poly) -> Callable[..., np.ndarray]:
    """``p(*xs)`` for float arrays ``xs`` (broadcast), summing c·Πxᵢ^kᵢ term by term."""
    terms = [(tuple(monomial), float(coeff)) for monomial, coeff in poly.terms()]

    def call(*xs: Any) -> np.ndarray:
        arrays = np.broadcast_arrays(*(np.asarray(x, dtype=float) for x in xs))
        total = np.zeros(arrays[0].shape if arrays else ())
        for monomial, coeff in terms:
            term = np.full(total.shape, coeff)
            for x, k in zip(arrays, monomial, strict=True):
                if k:
                    term = term * x ** k
            total = total + term
        return total

    return call


__all__ = ["numpy_function"]
