r"""tanh from exp and arithmetic, for compiled loops: twice as fast as the C library's tanh.

The C library's (and NumPy's) double ``tanh`` is a scalar routine of about 13 ns that goes
through ``expm1``; a network's kernel calls it once per hidden unit and sample, and that is
most of the time of a training step. The same precision costs one ``exp`` (~4 ns) and a few
multiplications, branch-free apart from the range test (Cephes' ``tanh``, S. L. Moshier):

    |u| < 0.625:   tanh u = u + u·z·P(z)/Q(z),  z = u²   (a rational approximation; no
                   cancellation near 0, so tiny and subnormal u give u itself)
    u < −20:       tanh u = −1                (exactly, in double precision)
    otherwise:     tanh u = (1 − e)/(1 + e),  e = e^(−2u)   (e^(−2u) ≥ e^(−1.25) or ≤ e^(1.25)
                   away from 1, so 1 ∓ e loses nothing; u > 20 gives e ≈ 0 and 1)

It agrees with a correctly rounded tanh to within 2 units in the last place (tests/numeric
check it against mpmath; NumPy's is within 1) and keeps ``nan`` (u = nan fails both
comparisons and e^nan is nan); tanh(−0) is +0.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np

#: Cephes tanh.c: P(z) and Q(z) (Q monic), relative error 2.5e-16 on |u| < 0.625.
P = (-9.64399179425052238628e-1, -9.92877231001918586564e1, -1.61468768441708447952e3)
Q = (1.12811678491632931402e2, 2.23548839060100448583e3, 4.84406305325125486048e3)
#: Below this tanh rounds to −1 (tanh(−19.1) = −1 + 5·10⁻¹⁷); e^(−2u) would overflow first.
FLOOR = -20.0
#: The rational approximation's range.
SMALL = 0.625


def tanh_expression(u: Any) -> Any:
    """tanh(u) as a SymEngine expression of exp and arithmetic (see the module docstring).

    SymEngine's LLVM ``Lambdify`` compiles it into the loop in place of a call to ``tanh``.
    """
    import symengine

    return tanh_from_exp(u, symengine.exp(-2 * u))


def tanh_from_exp(u: Any, e: Any) -> Any:
    """tanh(u) as a SymEngine expression of u and e = e^(−2u) (computed elsewhere, e.g. by
    NumPy on a whole column: ``inf`` for u < −354 does no harm, that branch gives −1)."""
    import symengine

    z = u * u
    p = (symengine.RealDouble(P[0]) * z + P[1]) * z + P[2]
    q = ((z + Q[0]) * z + Q[1]) * z + Q[2]
    return symengine.Piecewise((u + u * z * p / q, symengine.Abs(u) < SMALL),
                               (-1, u < FLOOR), ((1 - e) / (1 + e), True))


def replace_tanh(exprs: list[Any]) -> list[Any]:
    """``exprs`` (SymEngine) with every tanh(u) written as :func:`tanh_expression` (inner
    ones first, so nested applications are all replaced)."""
    import symengine

    found: set[Any] = set()
    for expr in exprs:
        found |= expr.atoms(symengine.tanh)
    if not found:
        return exprs
    mapping: dict[Any, Any] = {}
    for node in sorted(found, key=lambda a: (len(str(a)), str(a))):
        argument = node.args[0].xreplace(mapping) if mapping else node.args[0]
        mapping[node] = tanh_expression(argument)
    return [expr.xreplace(mapping) for expr in exprs]


@cache
def _compiled() -> Any:
    import symengine

    from nablab.numeric.lambdify import llvm_lambdify

    u = symengine.Symbol("u")
    return llvm_lambdify([u], [tanh_expression(u)], opt_level=3)


def tanh(x: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """tanh of every element of a C-contiguous float64 array (into ``out`` when given, which
    may be ``x``), by the compiled formula (SymEngine's loop: it holds the GIL).

    >>> tanh(np.array([0.0, 1.0, -np.inf]))
    array([ 0.        ,  0.76159416, -1.        ])
    """
    if x.dtype != np.float64 or not x.flags.c_contiguous:
        raise ValueError("tanh needs a C-contiguous float64 array")
    if out is None:
        out = np.empty_like(x)
    elif out.shape != x.shape or out.dtype != np.float64 or not out.flags.c_contiguous:
        raise ValueError("out must be a C-contiguous float64 array shaped like x")
    _compiled().unsafe_eval(x.reshape(-1), out.reshape(-1), x.size)
    return out


__all__ = ["FLOOR", "P", "Q", "SMALL", "replace_tanh", "tanh", "tanh_expression",
           "tanh_from_exp"]
