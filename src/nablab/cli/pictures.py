"""From a command's arguments and output to the :class:`~nablab.plot.picture.Picture` it draws.

Each function here runs inside the bounded figure job (``figures.write_figures`` calls it
there), so whatever it computes is bounded too. A command whose text output does not keep
the whole trajectory (``descend`` prints a table) has its run repeated here: descents are
deterministic, so the picture shows exactly the run that was printed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from nablab.core.expression import Expression
from nablab.plot.picture import Picture


def descend_picture(expression: Expression, start: Mapping[str, Any], optimizer: str,
                    lr: float | None, steps: int, tol: float,
                    hyper: Mapping[str, Any]) -> Picture:
    """``descend --plot/--animate``: the run again (same arguments), then its picture."""
    from nablab.optimize import descend
    from nablab.plot.descent import descent_picture

    result = descend(expression, start, optimizer=optimizer, lr=lr, steps=steps, tol=tol,
                     **hyper)
    return descent_picture(expression, result)


def race_picture(expression: Expression, data: Mapping[str, Any]) -> Picture:
    """``race --plot/--animate`` from the race's ``to_dict()``."""
    from nablab.plot.descent import descent_picture

    return descent_picture(expression, data, race=True)


def sweep_picture(expression: Expression, data: Mapping[str, Any],
                  axes: Mapping[str, Any] | Sequence[Any] | None) -> Picture:
    """``sweep --plot`` from its ``to_dict()`` and the start grid's axes."""
    from nablab.plot.sweep import sweep_picture as picture

    grid = list(axes.values()) if isinstance(axes, Mapping) else axes
    return picture(expression, data, grid)


def critical_picture(expression: Expression, data: Mapping[str, Any]) -> Picture:
    """``critical --plot`` from its ``to_dict()``."""
    from nablab.plot.critical import critical_picture as picture

    return picture(expression, data)


def _floats(point: Mapping[str, Any] | None) -> dict[str, float] | None:
    return None if point is None else {k: float(v) for k, v in point.items()}


def limit_picture(expression: Expression, var: str, point: Mapping[str, Any] | None,
                  data: Mapping[str, Any] | None = None) -> Picture:
    """``limit --plot/--animate``: secants → tangent (on the slice) and the quotients."""
    from nablab.plot.calculus import limit_picture as picture

    return picture(expression, var, _floats(point), data)


def tangent_picture(expression: Expression, point: Mapping[str, Any],
                    data: Mapping[str, Any] | None = None) -> Picture:
    """``tangent --plot/--animate``: the tangent line with the command's secants, or plane."""
    from nablab.plot.calculus import tangent_picture as picture

    values = _floats(point) or {}
    coords = [values[name] for name in expression.variable_names] or list(values.values())[:1]
    steps = [s["h"] for s in (data or {}).get("secants", [])] or None
    return picture(expression, coords, steps)




def lagrange_picture(result: Any) -> Picture:
    """``lagrange --plot`` from the :class:`~nablab.constrained.LagrangeResult` itself."""
    from nablab.plot.lagrange import lagrange_picture as picture

    return picture(result)


def lagrange_picture_of(expr: str, constraints: Sequence[str], variables: str | None = None,
                        bounds: str | None = None) -> Picture:
    """``lagrange --plot`` when the command's job returns only plain data: solve again here.

    Takes the command's own arguments (``EXPR``, each ``--constraint``, ``--vars``,
    ``--bounds``); the SciPy cross-check is skipped (it changes no point of the picture).
    """
    from nablab.constrained import lagrange
    from nablab.plot.lagrange import lagrange_picture as picture

    names = None if variables is None else [v for v in variables.replace(",", " ").split() if v]
    return picture(lagrange(expr, list(constraints), variables=names, bounds=bounds,
                            check=False))


def train_picture(settings: Mapping[str, Any]) -> Picture:
    """``train --plot``: the run again (same settings, same seed), then its loss surface."""
    from nablab.network import load_data, train
    from nablab.plot.network import training_picture

    data = load_data(settings["data"])
    return training_picture(train(**{**settings, "data": data}), data)


def graph_picture(expression: Expression, point: Mapping[str, Any]) -> Picture:
    """``graph --plot``: the computational graph with values and adjoints."""
    from nablab.network.graph import graph
    from nablab.plot.graph import graph_picture as picture

    return picture(graph(expression, point))


__all__ = ["critical_picture", "descend_picture", "graph_picture", "lagrange_picture",
           "lagrange_picture_of", "limit_picture", "race_picture", "sweep_picture",
           "tangent_picture", "train_picture"]
