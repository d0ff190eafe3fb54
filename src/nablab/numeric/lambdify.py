"""Formulas → fast numeric code: ``sympy.lambdify`` for NumPy, SymEngine's LLVM ``Lambdify``.

With ``modules="numpy"`` lambdify runs ``from numpy import *``, which loads NumPy's lazy
submodules (f2py among them): about 0.2 s of every fresh process. Passing the module object
produces the same code (NumPy's printer, ``numpy.`` names) with none of that cost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy
import sympy


def _dirac(x: Any, order: Any = 0) -> Any:
    """δ⁽ᵏ⁾(x) as a function: 0 away from 0, undefined (NaN) at 0.

    It appears in second derivatives of |x|, sign, relu and max; every point but the kink
    gets the right value, and the kink is reported as undefined, not as a number.
    """
    x = numpy.asarray(x, dtype=float)
    return numpy.where(x == 0, numpy.nan, 0.0)


def _special(name: str) -> Callable[..., Any]:
    """A ``scipy.special`` function, imported on first call (SciPy is slow to import)."""

    def call(*args: Any) -> Any:
        import scipy.special

        return getattr(scipy.special, name)(*args)

    return call


def _factorial(x: Any) -> Any:
    """x! = Γ(x + 1), for every real x (not only integers), vectorised."""
    return _special("gamma")(numpy.asarray(x, dtype=float) + 1)


#: Functions SymPy's NumPy printer leaves as bare names: factorials and their derivatives,
#: and the delta function of kinks.
EXTRA_FUNCTIONS: dict[str, Callable[..., Any]] = {
    "DiracDelta": _dirac, "factorial": _factorial, "gamma": _special("gamma"),
    "polygamma": _special("polygamma"), "loggamma": _special("gammaln"),
}


def numpy_lambdify(args: Sequence[Any], exprs: Any, *, cse: bool = True) -> Callable[..., Any]:
    """A NumPy function of ``args`` computing ``exprs`` (code built from SymPy objects)."""
    return sympy.lambdify(list(args), exprs, modules=[EXTRA_FUNCTIONS, numpy], cse=cse)  # type: ignore[no-any-return,unused-ignore]


def llvm_lambdify(args: Sequence[Any], outputs: Sequence[Any], *,
                  opt_level: int = 0) -> Callable[..., Any]:
    """SymEngine's LLVM ``Lambdify`` of SymEngine ``outputs`` in ``args`` (SymEngine symbols).

    The arguments are renamed ``_nablab_a0, …`` first: with ``cse=True`` SymEngine names its
    temporaries x0, x1, … and avoids only the names that occur in the outputs, so an argument
    called ``x1`` that the outputs do not use is shadowed by a temporary and the results are
    silently wrong (symengine 0.15). ``opt_level`` 0 compiles 3× faster than 3 (16 ms instead
    of 48 for a 33-parameter gradient) and calls just as fast; bulk evaluation is ~30% slower.
    """
    import symengine

    private = [symengine.Symbol(f"_nablab_a{i}") for i in range(len(args))]
    rename = dict(zip(args, private, strict=True))
    renamed = [symengine.sympify(o).xreplace(rename) for o in outputs]  # safe: SymEngine objects
    return symengine.Lambdify(private, renamed, backend="llvm", cse=True,  # type: ignore[no-any-return,unused-ignore]
                              opt_level=opt_level)


def jax_lambdify(args: Sequence[Any], exprs: Any) -> Callable[..., Any]:
    """A ``jax.numpy`` function of ``args`` computing ``exprs``: SymPy's JAX printer on
    nablab's own formulas (never on user text). Needs JAX; raises ``ImportError`` without it."""
    return sympy.lambdify(list(args), exprs, modules="jax", cse=True)  # type: ignore[no-any-return,unused-ignore]


__all__ = ["jax_lambdify", "llvm_lambdify", "numpy_lambdify"]
