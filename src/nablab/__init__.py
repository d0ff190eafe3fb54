"""nablab (∇lab): a calculus and optimisation lab for the math of deep learning.

>>> import nablab
>>> f = nablab.parse("x^2 + 3xy + y^2")
>>> f.gradient()
(2*x + 3*y, 3*x + 2*y)
>>> f.at(x=1, y=2).gradient
(8.0, 7.0)
"""

from __future__ import annotations

from nablab.core.expression import Expression, PointValue
from nablab.core.functions import relu, sigmoid
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
from nablab.parse import ParseLimits, Relation, parse, parse_point, parse_relation

__version__ = "0.1.0"

__all__ = [
    "BudgetExceeded",
    "ComputationTimeout",
    "DomainError",
    "Expression",
    "MemoryLimitExceeded",
    "NablabError",
    "ParseError",
    "ParseLimits",
    "PointValue",
    "Relation",
    "SolveError",
    "UnsupportedError",
    "__version__",
    "parse",
    "parse_point",
    "parse_relation",
    "relu",
    "sigmoid",
]
