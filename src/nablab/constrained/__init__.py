"""Lagrange multipliers and KKT: the extremes of f on a constraint set, found and explained.

``lagrange(f, constraints)`` returns a :class:`LagrangeResult`; see
:mod:`nablab.constrained.lagrange` for the method and :mod:`nablab.constrained.result` for
the fields and the ``--json`` shape.
"""

from nablab.constrained.bounded import Extreme, GlobalAnalysis
from nablab.constrained.candidates import Candidate, SingularPoint
from nablab.constrained.crosscheck import CrossCheck, SenseCheck
from nablab.constrained.curves import Curve
from nablab.constrained.lagrange import lagrange
from nablab.constrained.result import ConstraintInfo, LagrangeResult
from nablab.constrained.second_order import SecondOrder
from nablab.constrained.sensitivity import Rate

__all__ = ["Candidate", "ConstraintInfo", "CrossCheck", "Curve", "Extreme", "GlobalAnalysis",
           "LagrangeResult", "Rate", "SecondOrder", "SenseCheck", "SingularPoint", "lagrange"]
