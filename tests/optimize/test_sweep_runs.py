"""``sweep``: vectorised runs that agree with single descents, and what they add up to."""

from __future__ import annotations

import json

import numpy as np
import pytest

import nablab
from nablab.errors import HyperparameterError
from nablab.optimize import descend, sweep

DOUBLE_WELL = "(x^2 - 1)^2 + y^2"


@pytest.mark.parametrize(("text", "optimizer", "rates", "hyper"), [
    ("(1 - x)^2 + 100(y - x^2)^2", "gd", [1e-4, 5e-4, 2e-3], {}),
    ("(1 - x)^2 + 100(y - x^2)^2", "adam", [1e-2, 0.1], {"amsgrad": True}),
    (DOUBLE_WELL, "momentum", [0.01, 0.3], {"momentum": 0.8}),
    ("(x^2 + y - 11)^2 + (x + y^2 - 7)^2", "rmsprop", [1e-3, 0.05], {"centered": True}),
    ("x^2 + y^2", "nesterov", [0.1, 1.5], {}),
    ("x + y^2", "adagrad", [0.5], {}),                 # a constant partial derivative
])
def test_every_run_is_the_single_descent(text: str, optimizer: str, rates: list[float],
                                         hyper: dict[str, object]) -> None:
    rng = np.random.default_rng(1)
    starts = rng.uniform(-2, 2, size=(12, 2))
    f = nablab.parse(text)
    result = sweep(f, optimizer=optimizer, lr=rates, starts=starts, steps=400, tol=1e-6,
                   **hyper)
    for i, rate in enumerate(sorted(rates)):
        for j, start in enumerate(starts):
            single = descend(f, tuple(start), optimizer=optimizer, lr=rate, steps=400,
                             tol=1e-6, **hyper)
            assert result.status[i, j] == single.status, (rate, start)
            assert result.nit[i, j] == single.nit, (rate, start)
            np.testing.assert_allclose(result.final[i, j], single.x, rtol=1e-9, atol=1e-12)


def test_divergence_boundary_on_the_notes_quadratic() -> None:
    """H = 2I: gradient descent is stable exactly for η < 1."""
    rates = [0.1, 0.5, 0.9, 0.99, 1.01, 1.2]
    result = sweep("x^2 + y^2", lr=rates, starts={"x": np.linspace(-3, 3, 5),
                                                  "y": np.linspace(-4, 4, 5)}, steps=3000)
    assert result.divergence_boundary() == (0.99, 1.01)
    assert result.fraction("diverged", 4) > 0.9 and result.fraction("converged", 0) > 0.9
    data = result.to_dict()
    json.dumps(data, allow_nan=False)
    assert data["divergence"] == {"stable_lr": 0.99, "diverges_from_lr": 1.01}
    assert data["by_lr"][1]["median_steps"] == 1.0  # η = 1/2 = 2/(λmin + λmax): one step


def test_basins_of_the_double_well() -> None:
    axes = {"x": np.linspace(-2, 2, 9), "y": np.linspace(-1, 1, 3)}
    result = sweep(DOUBLE_WELL, lr=[0.05], starts=axes, steps=2000)
    kinds = sorted((round(m.point[0]), m.kind) for m in result.minima)
    assert kinds[0] == (-1, "minimum") and kinds[-1] == (1, "minimum")
    x = result.starts[:, 0]
    left = [i for i, m in enumerate(result.minima) if m.point[0] < -0.5][0]
    assert (result.labels[0][x < 0] == left).all()
    assert (result.labels[0][x > 0] != left).all()
    # starting on the ridge x = 0 the descent stops on the saddle point (0, 0)
    saddle = [m for m in result.minima if m.kind == "saddle"]
    assert saddle and abs(saddle[0].point[0]) < 1e-9
    assert result.to_dict()["basins"]["shape"] == [9, 3]


def test_summary_numbers() -> None:
    result = sweep("x^2 + y^2", lr=[0.1, 0.5], starts=np.array([[3.0, 4.0], [1.0, 0.0]]))
    assert result.runs == 4 and result.fraction("converged") == 1.0
    assert result.median_steps(1) == 1.0
    assert result.best_row() == 1


def test_a_big_sweep_is_bounded() -> None:
    with pytest.raises(HyperparameterError):
        sweep("x^2 + y^2", lr=np.geomspace(1e-3, 1, 100),
              starts={"x": np.linspace(0, 1, 200), "y": np.linspace(0, 1, 200)}, steps=1000)
    with pytest.raises(HyperparameterError):
        sweep("x^2", lr=[-1.0], starts=np.array([[1.0]]))


def test_library_exports() -> None:
    assert nablab.sweep is sweep and nablab.descend is descend
