"""Rule-by-rule derivatives: a tree of steps as data, read as a chain of equalities.

>>> from nablab.calculus.steps import derivative_steps
>>> d = derivative_steps("1 + e^{-x}")
>>> [s.rule for s in d.steps]
['sum', 'constant', 'chain', 'exponential', 'constant_multiple', 'identity']
"""

from nablab.calculus.steps.derivation import Derivation, asked_steps, derivative_steps
from nablab.calculus.steps.narrate import Line, explain
from nablab.calculus.steps.rules import RULES, derive
from nablab.calculus.steps.step import RULE_NAMES, FlatStep, Step

__all__ = ["RULES", "RULE_NAMES", "Derivation", "FlatStep", "Line", "Step", "asked_steps",
           "derivative_steps", "derive", "explain"]
