"""``descend``: statuses, the recorded trajectory, bad inputs, learning-rate advice."""

from __future__ import annotations

import json

import numpy as np
import pytest
import sympy

import nablab
from nablab.errors import DomainError, HyperparameterError, ParseError
from nablab.optimize import descend
from nablab.optimize.advice import stability_factor


def test_trajectory_fields_agree_with_each_other() -> None:
    f = nablab.parse("(1 - x)^2 + 100(y - x^2)^2")
    result = descend(f, {"x": -1.5, "y": 2}, lr=5e-4, steps=300)
    compiled = nablab.compile(f)
    assert result.path.shape == (301, 2) and result.gradients.shape == (301, 2)
    assert result.values.shape == (301,) and result.step_sizes.shape == (300,)
    assert np.allclose(result.gradients, compiled.grad(*result.path.T).T, rtol=1e-12)
    assert np.allclose(result.values, compiled.f(*result.path.T), rtol=1e-12)
    assert np.allclose(result.step_sizes, 5e-4 * np.linalg.norm(result.gradients[:-1], axis=1))
    assert np.array_equal(result.x, result.path[-1]) and result.fun == result.values[-1]
    assert result.nit == 300 and result.status == "max_steps" and not result.success
    with pytest.raises(ValueError):
        result.path[0, 0] = 1.0  # results are frozen, arrays included


def test_gradient_agrees_with_sympy() -> None:
    x, y = sympy.symbols("x y", real=True)
    exact = [sympy.diff(sympy.sin(x) * sympy.exp(-y**2) + x**2 / 4, v) for v in (x, y)]
    result = descend("sin(x) e^{-y^2} + x^2/4", (1.0, 0.5), lr=0.1, steps=20)
    for point, grad in zip(result.path, result.gradients, strict=True):
        want = [float(g.subs({x: point[0], y: point[1]})) for g in exact]
        assert grad == pytest.approx(want, rel=1e-12, abs=1e-14)


@pytest.mark.parametrize(("text", "start", "lr"), [
    ("x^2 + y^2", (3, 4), 1.5),          # overshoots and grows past 1e12
    ("ln(x) + x^2", (1,), 1.0),          # steps out of the domain of ln
    ("x^(1/3) + y^2", (1, 1), 3.0),      # a cube root of a negative number is not real here
    ("sqrt(x) + y^2", (1, 1), 5.0),
    ("e^(x^2)", (2,), 1.0),              # f overflows
])
def test_divergence_keeps_only_finite_points(text: str, start: tuple[float, ...],
                                             lr: float) -> None:
    result = descend(text, start, lr=lr, steps=1000)
    assert result.status == "diverged" and not result.success
    for array in (result.path, result.values, result.gradients, result.step_sizes):
        assert np.isfinite(array).all()
    assert np.abs(result.path).max() <= 1e12
    assert len(result.path) == result.nit + 1 == len(result.values)
    json.dumps(result.to_dict(), allow_nan=False)


def test_diverged_path_is_the_convergent_one_up_to_the_cut() -> None:
    """With η = 1.1 on x² + y² each step multiplies θ by −1.2, until |θ| would pass 1e12."""
    result = descend("x^2 + y^2", (3, 4), lr=1.1, steps=1000)
    k = np.arange(len(result.path))[:, None]
    assert np.allclose(result.path, np.array([[3.0, 4.0]]) * (-1.2) ** k, rtol=1e-9)
    assert 5 * 1.2 ** result.nit <= 1e12 < 5 * 1.2 ** (result.nit + 1)


def test_max_steps_and_convergence_at_the_last_step() -> None:
    short = descend("x^2", (1,), lr=0.25, steps=3, tol=0)
    assert short.status == "max_steps" and short.nit == 3
    assert short.path[:, 0].tolist() == [1.0, 0.5, 0.25, 0.125]
    exact = descend("x^2", (1,), lr=0.5, steps=1)
    assert exact.status == "converged" and exact.nit == 1 and exact.x.tolist() == [0.0]


def test_zero_steps_and_a_converged_start() -> None:
    assert descend("x^2 + y^2", (3, 4), steps=0).nit == 0
    at_min = descend("x^2 + y^2", (0, 0))
    assert at_min.status == "converged" and at_min.nit == 0


@pytest.mark.parametrize(("kwargs", "error"), [
    ({"lr": -0.1}, HyperparameterError), ({"lr": 0.0}, HyperparameterError),
    ({"lr": float("nan")}, HyperparameterError), ({"steps": -1}, HyperparameterError),
    ({"steps": 10_000_001}, HyperparameterError), ({"optimizer": "lbfgs"}, HyperparameterError),
    ({"optimizer": "adam", "betas": (0.9, 1.0)}, HyperparameterError),
    ({"optimizer": "gd", "momentum": 0.9}, HyperparameterError),
    ({"optimizer": "sgd", "nesterov": True}, HyperparameterError),
    ({"tol": -1.0}, HyperparameterError),
])
def test_bad_settings_are_refused(kwargs: dict[str, object], error: type[Exception]) -> None:
    with pytest.raises(error) as info:
        descend("x^2 + y^2", (3, 4), **kwargs)  # type: ignore[arg-type]
    assert isinstance(info.value, ValueError)  # a library caller's mistake, too
    assert info.value.message("en")  # and a catalogue sentence for the command line


def test_bad_start_points() -> None:
    with pytest.raises(DomainError):
        descend("ln(x)", (-1,))
    with pytest.raises(DomainError):
        descend("x^2", (1e13,))
    with pytest.raises(ParseError):
        descend("x^2 + y^2", "x=1,z=2")
    with pytest.raises(ValueError):
        descend("x^2 + y^2", (1, 2, 3))
    assert descend("x^2 + y^2", "x=pi/4, y=1", steps=0).x[0] == pytest.approx(np.pi / 4)


def test_progress_callback_and_to_dict_thinning() -> None:
    seen: list[int] = []
    result = descend("x^2 + y^2", (3, 4), lr=1e-5, steps=50_000, callback=seen.append)
    assert seen[-1] == 50_000 and seen == sorted(seen) and len(seen) >= 2
    data = result.to_dict(every=1000)
    assert len(data["path"]) == 51 and data["path"][-1] == result.path[-1].tolist()
    assert set(data) >= {"optimizer", "status", "steps", "path", "values", "final"}
    assert data["final"] == {"point": {"x": result.x[0], "y": result.x[1]},
                             "value": result.fun, "grad_norm": result.grad_norm}


def test_advice_on_a_quadratic() -> None:
    """f = x² + 5y²: H = diag(2, 10), so 0 < η < 2/10 and η* = 2/(2 + 10)."""
    advice = descend("x^2 + 5y^2", (1, 1), lr=0.1, steps=1).advice
    assert advice is not None and advice.kind == "quadratic"
    assert advice.eigenvalues == pytest.approx((2.0, 10.0))
    assert advice.max_lr == pytest.approx(0.2) and advice.best_lr == pytest.approx(1 / 6)
    assert not advice.warning
    assert descend("x^2 + 5y^2", (1, 1), lr=0.25, steps=1).advice.warning  # type: ignore[union-attr]
    best = descend("x^2 + 5y^2", (1, 1), lr=1 / 6, steps=500)
    slower = descend("x^2 + 5y^2", (1, 1), lr=0.1, steps=500)
    assert best.status == slower.status == "converged" and best.nit < slower.nit


def test_advice_local_and_adaptive() -> None:
    local = descend("(1 - x)^2 + 100(y - x^2)^2", (-1.5, 2), lr=5e-4, steps=1).advice
    assert local is not None and local.kind == "local" and local.max_lr is not None
    hessian = np.array([[1200 * 2.25 - 400 * 2 + 2, 600], [600, 200]])
    assert local.max_lr == pytest.approx(2 / np.linalg.eigvalsh(hessian)[-1])
    adam = descend("x^2 + y^2", (3, 4), optimizer="adam", lr=10.0, steps=1).advice
    assert adam is not None and adam.rule is None and not adam.warning
    concave = descend("-x^2", (1,), lr=0.1, steps=1).advice
    assert concave is not None and concave.max_lr is None


@pytest.mark.parametrize(("optimizer", "hyper"), [
    ("gd", {}), ("momentum", {"momentum": 0.9}), ("momentum", {"momentum": 0.5, "dampening": 0.5}),
    ("nesterov", {"momentum": 0.9}), ("nesterov", {"momentum": 0.3}),
])
def test_stability_bound_matches_the_spectral_radius(optimizer: str,
                                                     hyper: dict[str, float]) -> None:
    """On f = λx²/2 the run converges just below max_lr and diverges just above it."""
    rule, factor = stability_factor(optimizer, hyper)
    assert factor is not None
    lam = 4.0
    limit = factor / lam
    for scale, status in ((0.98, "converged"), (1.02, "diverged")):
        result = descend("2x^2", (1,), optimizer=optimizer, lr=scale * limit, steps=20_000,
                         **hyper)
        assert result.status == status, (rule, scale)
