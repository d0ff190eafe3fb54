"""``nablab tour``: the notes' example f(x, y) = x² + y² through every capability.

Each capability adds one chapter module and lists it in :data:`CHAPTERS`. A chapter computes
with the library (nothing in it is typed in by hand) and returns a :class:`Chapter`, whose
results the tour's figures (:mod:`nablab.cli.tour.figures`) are drawn from.
"""

from __future__ import annotations

from collections.abc import Callable

from nablab.cli.tour import (
    chain,
    critical,
    derivatives,
    descent,
    foundation,
    lagrange,
    level,
    network,
    newton,
)
from nablab.cli.tour.chapter import TOUR_FUNCTION, Chapter

CHAPTERS: tuple[Callable[[str], Chapter], ...] = (foundation.chapter, derivatives.chapter,
                                                 critical.chapter, descent.chapter,
                                                 newton.chapter, level.chapter,
                                                 lagrange.chapter, chain.chapter,
                                                 network.chapter)

__all__ = ["CHAPTERS", "TOUR_FUNCTION", "Chapter"]
