"""nablab (∇lab): a calculus and optimisation lab for the math of deep learning.

>>> import nablab
>>> f = nablab.parse("x^2 + 3xy + y^2")
>>> f.gradient()
(2*x + 3*y, 3*x + 2*y)
>>> f.at(x=1, y=2).gradient
(8.0, 7.0)
>>> nablab.compile(f).grad(1.0, 2.0).tolist()  # NumPy, vectorised: arrays in, arrays out
[8.0, 7.0]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nablab.core.hooks import set_plotter
from nablab.errors import (
    BudgetExceeded,
    ComputationTimeout,
    DomainError,
    MemoryLimitExceeded,
    NablabError,
    ParseError,
    SolveError,
    UnsupportedError,
)
from nablab.i18n import set_language

__version__ = "0.1.0"

if TYPE_CHECKING:
    from nablab.calculus.chain import chain_rule
    from nablab.calculus.implicit import implicit
    from nablab.calculus.implicit_result import ImplicitResult
    from nablab.calculus.limit import derivative_by_limit
    from nablab.calculus.limit2d import limit_2d
    from nablab.calculus.mixed import mixed_partial
    from nablab.calculus.report import DiffReport, differentiate
    from nablab.calculus.steps import derivative_steps
    from nablab.calculus.tangent import tangent_line, tangent_plane
    from nablab.calculus.taylor import taylor
    from nablab.constrained import LagrangeResult, lagrange
    from nablab.core.expression import Expression, PointValue
    from nablab.core.functions import relu, sigmoid
    from nablab.critical import CriticalPointsResult, critical_points
    from nablab.network import GraphResult, LayeredResult, TrainResult, graph, train
    from nablab.notebook import explore, explore_lagrange, explore_limit
    from nablab.numeric import compile
    from nablab.optimize import DescentResult, descend, race, sweep
    from nablab.parse import ParseLimits, Relation, parse, parse_point, parse_relation

#: Public names that live in heavier modules (SymPy, NumPy): imported on first use, so that
#: ``import nablab`` (and the ``nablab`` command's first step) stays light.
_LAZY = {
    "Expression": "nablab.core.expression",
    "PointValue": "nablab.core.expression",
    "relu": "nablab.core.functions",
    "sigmoid": "nablab.core.functions",
    "ParseLimits": "nablab.parse",
    "Relation": "nablab.parse",
    "parse_point": "nablab.parse",
    "parse_relation": "nablab.parse",
    "chain_rule": "nablab.calculus.chain",
    "derivative_by_limit": "nablab.calculus.limit",
    "limit_2d": "nablab.calculus.limit2d",
    "derivative_steps": "nablab.calculus.steps",
    "differentiate": "nablab.calculus.report",
    "DiffReport": "nablab.calculus.report",
    "tangent_line": "nablab.calculus.tangent",
    "tangent_plane": "nablab.calculus.tangent",
    "implicit": "nablab.calculus.implicit",
    "ImplicitResult": "nablab.calculus.implicit_result",
    "critical_points": "nablab.critical",
    "CriticalPointsResult": "nablab.critical",
    "lagrange": "nablab.constrained",
    "LagrangeResult": "nablab.constrained",
    "descend": "nablab.optimize",
    "race": "nablab.optimize",
    "sweep": "nablab.optimize",
    "DescentResult": "nablab.optimize",
    "train": "nablab.network",
    "TrainResult": "nablab.network",
    "LayeredResult": "nablab.network",
    "graph": "nablab.network",
    "GraphResult": "nablab.network",
    "compile": "nablab.numeric",
    "taylor": "nablab.calculus.taylor",
    "mixed_partial": "nablab.calculus.mixed",
    "check_answer": "nablab.check.checker",
    "practice": "nablab.check.practice",
    "practice_answer": "nablab.check.attempt",
    "check_derivation": "nablab.check.derivation",
    "CheckResult": "nablab.check.result",
    "explore": "nablab.notebook",
    "explore_limit": "nablab.notebook",
    "explore_lagrange": "nablab.notebook",
}


def _plot(result: Any, interactive: bool, lang: str | None) -> Any:
    """``result.plot()``: the notebook face draws (the result's layer cannot reach it)."""
    from nablab.notebook.figures import plot

    return plot(result, interactive, lang)


set_plotter(_plot)


def __getattr__(name: str) -> Any:
    if name in ("check", "parse"):  # callable packages: nablab.check(task, answer)
        import importlib

        return importlib.import_module(f"nablab.{name}")
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'nablab' has no attribute {name!r}")


__all__ = [
    "BudgetExceeded",
    "CheckResult",
    "ComputationTimeout",
    "CriticalPointsResult",
    "DescentResult",
    "DiffReport",
    "DomainError",
    "Expression",
    "GraphResult",
    "ImplicitResult",
    "LagrangeResult",
    "LayeredResult",
    "MemoryLimitExceeded",
    "NablabError",
    "ParseError",
    "ParseLimits",
    "PointValue",
    "Relation",
    "SolveError",
    "TrainResult",
    "UnsupportedError",
    "__version__",
    "chain_rule",
    "check",
    "check_answer",
    "check_derivation",
    "compile",
    "critical_points",
    "derivative_by_limit",
    "derivative_steps",
    "descend",
    "differentiate",
    "explore",
    "explore_lagrange",
    "explore_limit",
    "graph",
    "implicit",
    "lagrange",
    "limit_2d",
    "mixed_partial",
    "parse",
    "parse_point",
    "parse_relation",
    "practice",
    "practice_answer",
    "race",
    "relu",
    "set_language",
    "sigmoid",
    "sweep",
    "tangent_line",
    "tangent_plane",
    "taylor",
    "train",
]
