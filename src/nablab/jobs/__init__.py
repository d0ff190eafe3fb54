"""One typed job per command, beneath the command line, the web app and notebooks.

A job is a frozen :class:`~nablab.jobs.request.Request` (``DiffRequest(expression="x^2 + y^2",
at="1,2")``) whose :meth:`~nablab.jobs.request.Request.run` returns the capability's own result
object (``DiffReport``, ``DescentResult``, …). The faces only translate: the command line maps
its arguments to a request and prints the result's document or JSON; the web app maps its
request models (made from the same fields) to a request and answers the JSON; a notebook makes
the request itself. Figures are drawn from the result by :meth:`Request.picture`.

>>> from nablab.jobs import DescendRequest, run
>>> result = run(DescendRequest(expression="x^2 + y^2", start="3,4", lr=0.1))
>>> result.status, result.nit
('converged', 93)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from nablab.jobs.request import Field, Option, Progress, Request

if TYPE_CHECKING:
    from nablab.jobs.chain import ChainRequest
    from nablab.jobs.check import CheckRequest
    from nablab.jobs.critical import CriticalRequest
    from nablab.jobs.diff import DiffRequest
    from nablab.jobs.implicit import ImplicitRequest
    from nablab.jobs.lagrange import LagrangeRequest
    from nablab.jobs.limit import LimitRequest
    from nablab.jobs.network import GraphRequest, TrainRequest
    from nablab.jobs.optimize import DescendRequest, RaceRequest, SweepRequest
    from nablab.jobs.plot import PlotRequest
    from nablab.jobs.practice import PracticeRequest
    from nablab.jobs.steps import StepsRequest
    from nablab.jobs.tangent import TangentRequest
    from nablab.jobs.taylor import TaylorRequest

#: Each command's request class, by module (imported on first use: ``nablab diff`` loads the
#: derivative jobs only).
JOBS: dict[str, tuple[str, str]] = {
    "diff": ("diff", "DiffRequest"),
    "limit": ("limit", "LimitRequest"),
    "steps": ("steps", "StepsRequest"),
    "tangent": ("tangent", "TangentRequest"),
    "critical": ("critical", "CriticalRequest"),
    "lagrange": ("lagrange", "LagrangeRequest"),
    "descend": ("optimize", "DescendRequest"),
    "race": ("optimize", "RaceRequest"),
    "sweep": ("optimize", "SweepRequest"),
    "train": ("network", "TrainRequest"),
    "graph": ("network", "GraphRequest"),
    "plot": ("plot", "PlotRequest"),
    "chain": ("chain", "ChainRequest"),
    "taylor": ("taylor", "TaylorRequest"),
    "implicit": ("implicit", "ImplicitRequest"),
    "check": ("check", "CheckRequest"),
    "practice": ("practice", "PracticeRequest"),
}


def request_type(command: str) -> type[Request]:
    """The request class of ``command``."""
    module, name = JOBS[command]
    cls: type[Request] = getattr(importlib.import_module(f"nablab.jobs.{module}"), name)
    return cls


def run(request: Request, progress: Progress | None = None) -> Any:
    """Run a job: the result object of ``request`` (call it inside a budget)."""
    return request.run(progress)


def __getattr__(name: str) -> Any:
    for module, attribute in JOBS.values():
        if attribute == name:
            return getattr(importlib.import_module(f"nablab.jobs.{module}"), name)
    raise AttributeError(name)


__all__ = ["JOBS", "ChainRequest", "CheckRequest", "CriticalRequest", "DescendRequest",
           "DiffRequest", "Field",
           "GraphRequest", "ImplicitRequest",
           "LagrangeRequest", "LimitRequest", "Option", "PlotRequest", "PracticeRequest",
           "Progress",
           "RaceRequest", "Request", "StepsRequest", "SweepRequest", "TangentRequest",
           "TaylorRequest", "TrainRequest", "request_type", "run"]
