"""Numbers from formulas: compiled NumPy callables, grids, finite differences."""

from nablab.numeric.compiled import CompiledFunction, compile
from nablab.numeric.finite_diff import central_gradient
from nablab.numeric.grid import Grid, evaluate_grid

__all__ = ["CompiledFunction", "Grid", "central_gradient", "compile", "evaluate_grid"]
