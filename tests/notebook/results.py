"""One result of each type, as a learner makes it, and the notebook that shows them all."""

from __future__ import annotations

from typing import Any

import nbformat

import nablab

#: One of each result type, as a learner makes it: the class, the function and its arguments.
CALLS: dict[str, tuple[str, tuple[Any, ...], dict[str, Any]]] = {
    "DiffReport": ("differentiate", ("x^2 + 3xy + y^2",), {"at": {"x": 1, "y": 2}}),
    "MixedPartial": ("mixed_partial", ("x^2 y^3", ["x", "y"]), {}),
    "Derivation": ("derivative_steps", ("sigmoid(x)",), {}),
    "LimitDerivation": ("derivative_by_limit", ("x^2 - x",), {"at": {"x": 1}}),
    "Limit2D": ("limit_2d", ("x y/(x^2 + y^2)", {"x": 0, "y": 0}), {}),
    "TangentLine": ("tangent_line", ("x^2", 1), {}),
    "TangentPlane": ("tangent_plane", ("x^2 + y^2", {"x": 1, "y": 1}), {}),
    "CriticalPointsResult": ("critical_points", ("x^3 - 3x + y^2",), {}),
    "LagrangeResult": ("lagrange", ("4 - x^2 - 2y^2", "2(x-1)^2 - 10y + 6 = 0"), {}),
    "DescentResult": ("descend", ("x^2 + y^2",), {"start": (3, 4), "lr": 0.1}),
    "RaceResult": ("race", ("x^2 + 10y^2",), {"start": (3, 1)}),
    "SweepResult": ("sweep", ("x^2 + y^2",), {"lr": [0.1, 0.5],
                                               "starts": {"x": [-1, 1], "y": [-1, 1]}}),
    "TrainResult": ("train", ("w1 x1 + w2 x2", "example:linear"), {"epochs": 50}),
    "LayeredResult": ("train", (), {"data": "example:xor", "layers": [2, 2, 1], "epochs": 50}),
    "GraphResult": ("graph", ("sigmoid(w x + b)", {"w": 1, "x": 2, "b": 0}), {}),
    "ChainRule": ("chain_rule", ("x^2 y", "x = t^2, y = sin(t)"), {}),
    "TaylorPolynomial": ("taylor", ("exp(x)", {"x": 0}), {}),
    "ImplicitResult": ("implicit", ("x^2 + y^2 = 25", {"x": 3, "y": 4}), {}),
    "CheckResult": ("check_answer", ("d/dx (x^2 sin x)", "2x cos x"), {}),
    "Problem": ("practice", ("partials", 1), {}),
    "Attempt": ("practice_answer", ("descent", 0, "(0, 0)"), {}),
}


def code(name: str) -> str:
    """The call that makes a ``name`` result, as a notebook cell writes it."""
    function, args, kwargs = CALLS[name]
    given = [repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()]
    return f"nablab.{function}({', '.join(given)})"


def made(name: str) -> Any:
    """The ``name`` result, made here."""
    function, args, kwargs = CALLS[name]
    return getattr(nablab, function)(*args, **kwargs)


#: Results the command line draws nothing for.
UNDRAWN = {"MixedPartial", "Derivation", "CheckResult", "Problem", "Attempt"}


def display_notebook() -> Any:
    """In Korean: each result shown, then its figure; last, an interactive figure."""
    cells = ['import nablab\nnablab.set_language("ko")']
    for name in CALLS:
        cells += [f"r = {code(name)}\nr", "r.plot()"]
    cells.append('nablab.descend("x^2 + y^2", start=(3, 4)).plot(interactive=True)')
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])


__all__ = ["CALLS", "UNDRAWN", "code", "display_notebook", "made"]
