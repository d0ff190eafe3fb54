"""What ``--plot`` draws for a result, found from the result alone (a notebook has no request).

Each entry names the same picture function the job's :meth:`~nablab.jobs.request.Request.picture`
calls, so a notebook's ``result.plot()`` and ``nablab CMD --plot`` draw one picture, from one
piece of code.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from nablab.errors import UnsupportedError

if TYPE_CHECKING:
    from nablab.plot.picture import Picture

#: A result's class name → the module and function that draw it.
DRAWN_BY: dict[str, tuple[str, str]] = {
    "DiffReport": ("nablab.jobs.diff", "derivative_figure"),
    "LimitDerivation": ("nablab.plot.calculus", "limit_picture"),
    "Limit2D": ("nablab.plot.limit2d", "limit2d_picture"),
    "TangentLine": ("nablab.plot.calculus", "tangent_picture"),
    "TangentPlane": ("nablab.plot.calculus", "tangent_picture"),
    "CriticalPointsResult": ("nablab.jobs.critical", "critical_figure"),
    "LagrangeResult": ("nablab.plot.lagrange", "lagrange_picture"),
    "DescentResult": ("nablab.plot.descent", "descent_picture"),
    "RaceResult": ("nablab.plot.descent", "descent_picture"),
    "SweepResult": ("nablab.plot.sweep", "sweep_picture"),
    "TrainResult": ("nablab.plot.network", "training_picture"),
    "LayeredResult": ("nablab.plot.layered_animation", "layered_picture"),
    "GraphResult": ("nablab.plot.graph", "graph_picture"),
    "ChainRule": ("nablab.plot.chain", "chain_picture"),
    "TaylorPolynomial": ("nablab.plot.taylor", "taylor_picture"),
    "ImplicitResult": ("nablab.plot.implicit", "implicit_picture"),
}


def picture_of(result: Any) -> Picture:
    """The picture ``--plot`` draws of ``result``.

    Raises:
        UnsupportedError: ``no_picture`` for a result nothing draws.
    """
    name = type(result).__name__
    if name not in DRAWN_BY:
        raise UnsupportedError("no_picture", result=name)
    module, function = DRAWN_BY[name]
    draw: Callable[..., Picture] = getattr(importlib.import_module(module), function)
    if function == "derivative_figure":
        return draw(result, None if result.at is None else dict(result.at.point))
    return draw(result)


__all__ = ["DRAWN_BY", "picture_of"]
