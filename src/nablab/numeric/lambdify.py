"""``sympy.lambdify`` for NumPy, without the cost of ``from numpy import *``.

With ``modules="numpy"`` lambdify runs ``from numpy import *``, which loads NumPy's lazy
submodules (f2py among them): about 0.2 s of every fresh process. Passing the module object
produces the same code (NumPy's printer, ``numpy.`` names) with none of that cost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy
import sympy


def numpy_lambdify(args: Sequence[Any], exprs: Any, *, cse: bool = True) -> Callable[..., Any]:
    """A NumPy function of ``args`` computing ``exprs`` (code built from SymPy objects)."""
    return sympy.lambdify(list(args), exprs, modules=[numpy], cse=cse)  # type: ignore[no-any-return,unused-ignore]


__all__ = ["numpy_lambdify"]
