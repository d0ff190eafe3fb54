"""The Hessian test: a critical point's kind from the signs of the Hessian's eigenvalues.

At a critical point p (∇f(p) = 0), f(p + h) = f(p) + ½ hᵀH h + O(|h|³), and the symmetric
Hessian H has real eigenvalues λ₁ ≤ … ≤ λₙ:

- all λᵢ > 0: H is positive definite, p is a strict local **minimum**;
- all λᵢ < 0: a strict local **maximum**;
- some λᵢ > 0 and some λⱼ < 0: a **saddle** point (f rises along one eigenvector and falls
  along another), never an extremum;
- otherwise (a zero eigenvalue, the others of one sign): **degenerate** — the second-order
  term cannot decide, and :mod:`nablab.critical.degenerate` looks further.

In one variable this is the second-derivative test (H = [f''(a)]).

For an exact point the signs come from the characteristic polynomial
det(λI − H) = Σ cₖλᵏ: its roots are all real, so by Descartes' rule the number of positive
eigenvalues is the number of sign changes of (cₙ, …, c₀), the number of zero eigenvalues is
the index of the lowest non-zero cₖ — exact, with no tolerance. Float points use
``numpy.linalg.eigvalsh`` and call an eigenvalue zero below 1e-8 relative to ‖H‖.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import sympy

from nablab.critical.forms import sign

MINIMUM, MAXIMUM, SADDLE, DEGENERATE = "minimum", "maximum", "saddle", "degenerate"
#: Float eigenvalues below this, relative to the largest, count as zero.
ZERO = 1e-8


def kind_from_inertia(positive: int, negative: int, zero: int) -> str:
    """The kind of a critical point from the counts of positive, negative, zero eigenvalues."""
    if positive and negative:
        return SADDLE
    if zero:
        return DEGENERATE
    return MINIMUM if positive else MAXIMUM


def exact_inertia(hessian: sympy.Matrix) -> tuple[int, int, int]:
    """(positive, negative, zero) eigenvalue counts of an exact symmetric matrix."""
    n = hessian.shape[0]
    coeffs = [sign(c) for c in hessian.charpoly().all_coeffs()]  # c_n = 1 first
    zero = next(k for k, c in enumerate(reversed(coeffs)) if c != 0)
    nonzero = [c for c in coeffs if c != 0]
    positive = sum(1 for a, b in zip(nonzero, nonzero[1:], strict=False) if a != b)
    return positive, n - positive - zero, zero


def float_inertia(eigenvalues: Sequence[float] | np.ndarray) -> tuple[int, int, int]:
    """(positive, negative, zero) counts of float eigenvalues, zero meaning |λ| ≤ 1e-8·‖H‖."""
    values = np.asarray(eigenvalues, dtype=float)
    tol = ZERO * max(1.0, float(np.max(np.abs(values))) if values.size else 1.0)
    return (int(np.sum(values > tol)), int(np.sum(values < -tol)),
            int(np.sum(np.abs(values) <= tol)))


def eigenvalues(hessian: Any) -> list[float]:
    """Eigenvalues of a symmetric matrix (exact or float), increasing, as floats."""
    matrix = np.array(hessian.tolist() if hasattr(hessian, "tolist") else hessian, dtype=float)
    return [float(v) for v in np.linalg.eigvalsh(matrix)]


def snap_zeros(values: list[float], zero: int) -> list[float]:
    """Set the ``zero`` eigenvalues of smallest magnitude to exactly 0.0 (they are 0)."""
    out = list(values)
    for i in sorted(range(len(out)), key=lambda i: abs(out[i]))[:zero]:
        out[i] = 0.0
    return out


__all__ = ["DEGENERATE", "MAXIMUM", "MINIMUM", "SADDLE", "ZERO", "eigenvalues",
           "exact_inertia", "float_inertia", "kind_from_inertia", "snap_zeros"]
