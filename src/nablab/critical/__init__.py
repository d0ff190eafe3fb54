"""Critical points: every point where ∇f = 0, classified, with the necessary condition explained.

``critical_points(f, domain=None)`` returns a :class:`CriticalPointsResult`; see
:mod:`nablab.critical.points` for the method and :mod:`nablab.critical.result` for the
fields and the ``--json`` shape.
"""

from nablab.critical.points import critical_points
from nablab.critical.result import (
    CriticalPoint,
    CriticalPointsResult,
    ExtremumTest,
    GlobalAnalysis,
    GlobalExtremum,
    Line,
)

__all__ = ["CriticalPoint", "CriticalPointsResult", "ExtremumTest", "GlobalAnalysis",
           "GlobalExtremum", "Line", "critical_points"]
