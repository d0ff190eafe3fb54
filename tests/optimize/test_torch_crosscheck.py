"""The same runs in PyTorch itself (float64, autograd).

torch is in the test extras (the CPU wheel on disk), so CI always runs this; a developer
without it skips, except under ``CI=1``.

The required checks restate torch's rules (``test_optimizer_table.py``); this one asks torch
itself. Its CPU kernels fuse multiply-adds, which Python floats cannot, so the last bit may
differ now and then: agreement is to ~1e-12 relative over 100 steps.
"""

from __future__ import annotations

import os
from typing import Any

import numpy as np
import pytest

from nablab.optimize import descend

if os.environ.get("CI"):
    import torch
else:
    torch = pytest.importorskip("torch")

CASES: list[tuple[str, Any, dict[str, Any], float]] = [
    ("gd", "SGD", {}, 1e-3),
    ("momentum", "SGD", {"momentum": 0.9}, 1e-3),
    ("sgd", "SGD", {"momentum": 0.5, "dampening": 0.2, "weight_decay": 0.01}, 1e-3),
    ("nesterov", "SGD", {"momentum": 0.9, "nesterov": True}, 1e-3),
    ("adagrad", "Adagrad", {"lr_decay": 0.01, "initial_accumulator_value": 0.1}, 0.1),
    ("rmsprop", "RMSprop", {}, 0.01),
    ("rmsprop", "RMSprop", {"momentum": 0.5, "centered": True}, 0.01),
    ("adam", "Adam", {}, 0.01),
    ("adam", "Adam", {"amsgrad": True, "betas": (0.8, 0.99)}, 0.01),
]


def _torch_path(name: str, options: dict[str, Any], lr: float, steps: int) -> np.ndarray:
    p = torch.tensor([-1.5, 2.0], dtype=torch.float64, requires_grad=True)
    opt = getattr(torch.optim, name)([p], lr=lr, **options)
    path = [p.detach().numpy().copy()]
    for _ in range(steps):
        opt.zero_grad()
        loss = (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2
        loss.backward()
        opt.step()
        path.append(p.detach().numpy().copy())
    return np.array(path)


@pytest.mark.parametrize(("ours", "theirs", "options", "lr"), CASES)
def test_matches_torch_optim(ours: str, theirs: str, options: dict[str, Any], lr: float) -> None:
    hyper = {k: v for k, v in options.items() if not (ours == "nesterov" and k == "nesterov")}
    if ours == "momentum":
        hyper = {}
    result = descend("(1 - x)^2 + 100(y - x^2)^2", (-1.5, 2.0), optimizer=ours, lr=lr,
                     steps=100, tol=0, **hyper)
    np.testing.assert_allclose(result.path, _torch_path(theirs, options, lr, 100), rtol=1e-11,
                               atol=1e-13)
