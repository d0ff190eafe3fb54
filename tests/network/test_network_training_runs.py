"""Training: weights recovered, the logistic boundary, XOR out of reach, every optimizer."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from nablab.errors import HyperparameterError, ModelError
from nablab.network import Dataset, TrainResult, bind, train
from nablab.network.examples import LOGISTIC_WEIGHTS
from nablab.optimize import OPTIMIZERS
from nablab.optimize.optimizers import build

TRUE = {"w1": 1.5, "w2": -2.0, "b": 0.5}


def exact_linear_csv(tmp_path: Path) -> str:
    """y = 1.5x₁ − 2x₂ + 0.5 on a 6 × 6 grid, written out exactly."""
    axis = np.linspace(-1.0, 1.0, 6)
    x1, x2 = (a.ravel() for a in np.meshgrid(axis, axis))
    y = TRUE["w1"] * x1 + TRUE["w2"] * x2 + TRUE["b"]
    lines = ["x1,x2,y"] + [",".join(repr(float(v)) for v in row)
                          for row in zip(x1, x2, y, strict=True)]
    path = tmp_path / "linear.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_recovers_the_weights_of_exact_linear_data(tmp_path: Path) -> None:
    result = train("w1*x1 + w2*x2 + b", exact_linear_csv(tmp_path), epochs=2000, lr=0.2)
    assert result.status == "converged"
    for name, value in TRUE.items():
        assert result.parameters[name] == pytest.approx(value, abs=1e-8)
    assert result.final_loss < 1e-15 and result.accuracy is None
    assert len(result.loss) == result.epochs + 1 == len(result.path)
    assert np.all(np.diff(result.loss) <= 1e-15)


def test_logistic_boundary_points_the_right_way() -> None:
    result = train("sigmoid(w1*x1 + w2*x2 + b)", "example:logistic", lr=0.5, epochs=3000)
    assert result.model.loss == "bce" and result.status == "converged"
    w = np.array([result.parameters["w1"], result.parameters["w2"]])
    true = np.array(LOGISTIC_WEIGHTS[:2])
    cosine = float(w @ true / (np.linalg.norm(w) * np.linalg.norm(true)))
    assert cosine > 0.98
    assert result.accuracy is not None and result.accuracy >= 0.85


def test_a_linear_model_cannot_learn_xor() -> None:
    for optimizer, lr in (("gd", 0.5), ("adam", 0.05)):
        result = train("sigmoid(w1*x1 + w2*x2 + b)", "example:xor", optimizer=optimizer,
                       lr=lr, epochs=2000)
        assert result.accuracy is not None and result.accuracy <= 0.75
        assert result.final_loss == pytest.approx(math.log(2), abs=1e-3)


@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_every_optimizer_trains_and_is_deterministic(name: str) -> None:
    kwargs = {"optimizer": name, "lr": 0.05, "epochs": 60, "batch_size": 7, "seed": 3}
    first = train("w1*x1 + w2*x2 + b", "example:linear", **kwargs)
    again = train("w1*x1 + w2*x2 + b", "example:linear", **kwargs)
    assert first.parameters == again.parameters
    np.testing.assert_array_equal(first.loss, again.loss)
    assert first.final_loss < first.loss[0] and np.isfinite(first.path).all()
    assert first.steps == 60 * 4 and first.batch_size == 7 and first.optimizer == name


def test_seed_changes_the_start_and_the_shuffles() -> None:
    one = train("w1*x1 + w2*x2", "example:linear", epochs=3, batch_size=5, seed=1)
    two = train("w1*x1 + w2*x2", "example:linear", epochs=3, batch_size=5, seed=2)
    assert one.parameters != two.parameters


def test_full_batch_step_is_the_notes_update_rule() -> None:
    """θ₁ = θ₀ − η∇L(θ₀), with ∇L restated by hand: (2/N) Σ (ŷ − y) x."""
    data = Dataset(("x1", "x2", "y"), np.array([[1.0, 2.0, 1.0], [-1.0, 0.5, 2.0],
                                                [0.0, -1.0, -1.0]]))
    result = train("w1*x1 + w2*x2", data, lr=0.1, epochs=1, start="w1=0.5,w2=-1")
    x, y = data.values[:, :2], data.values[:, 2]
    theta0 = np.array([0.5, -1.0])
    gradient = 2 * ((x @ theta0 - y) @ x) / len(y)
    np.testing.assert_allclose(result.path[1], theta0 - 0.1 * gradient, rtol=1e-14)


def test_adam_run_matches_the_restated_update_rule() -> None:
    """Five full-batch Adam steps against Adam written out (torch.optim.Adam's rule)."""
    data = Dataset(("x", "y"), np.array([[0.0, 1.0], [1.0, 3.0], [2.0, 5.5]]))
    result = train("w*x + b", data, optimizer="adam", lr=0.1, epochs=5, start="b=0,w=0")
    x, y = data.values[:, 0], data.values[:, 1]
    theta, m, v = np.zeros(2), np.zeros(2), np.zeros(2)
    for t in range(1, 6):
        residual = theta[0] + theta[1] * x - y
        g = np.array([2 * residual.mean(), 2 * (residual * x).mean()])
        m, v = 0.9 * m + 0.1 * g, 0.999 * v + 0.001 * g * g
        theta = theta - 0.1 * (m / (1 - 0.9**t)) / (np.sqrt(v) / math.sqrt(1 - 0.999**t) + 1e-8)
        np.testing.assert_allclose(result.path[t], theta, rtol=1e-12)


def test_divergence_is_a_status_with_finite_numbers() -> None:
    result = train("w1*x1 + w2*x2", "example:linear", lr=5.0, epochs=500, start="w1=0,w2=0")
    assert result.status == "diverged" and not result.success
    data = result.to_dict()
    assert np.isfinite(data["loss"]).all() and math.isfinite(data["final_loss"])
    assert all(math.isfinite(v) for v in data["parameters"].values())
    assert "diverged after" in data["message"]


def test_json_shape() -> None:
    result = train("sigmoid(w*x1 + b)", "example:xor", epochs=5, seed=0)
    data = result.to_dict()
    assert {"parameters", "loss", "final_loss", "gradient_formulas", "accuracy"} <= set(data)
    assert set(data["parameters"]) == set(data["gradient_formulas"]) == {"b", "w"}
    assert data["gradient_formulas"]["w"] == "x1*(-y + sigmoid(b + w*x1))"
    assert isinstance(data["accuracy"], float) and len(data["loss"]) == 6
    assert isinstance(result, TrainResult) and "θ = (" in str(result)


@pytest.mark.parametrize(("kwargs", "kind"), [
    ({"epochs": 0}, "bad_epochs"),
    ({"epochs": 10**7}, "bad_epochs"),
    ({"batch_size": 0}, "bad_batch_size"),
    ({"epochs": 100_000, "batch_size": 1}, "train_too_large"),
    ({"lr": -1.0}, "bad_hyperparameter"),
    ({"optimizer": "lbfgs"}, "unknown_optimizer"),
])
def test_settings_out_of_range(kwargs: dict[str, object], kind: str) -> None:
    with pytest.raises(HyperparameterError) as info:
        train("w1*x1 + w2*x2", "example:linear", **kwargs)  # type: ignore[arg-type]
    assert info.value.kind == kind


@pytest.mark.parametrize(("model", "kind"), [
    ("x1 + x2", "model_no_parameters"),
    ("w*x1 + y", "model_uses_target"),
])
def test_models_that_do_not_fit_the_data(model: str, kind: str) -> None:
    with pytest.raises(ModelError) as info:
        train(model, "example:linear")
    assert info.value.kind == kind


def test_loss_defaults_and_unknown_loss() -> None:
    assert bind("sigmoid(w*x1)", ("x1", "y"), "y").loss == "bce"
    assert bind("sigmoid(w*x1)", ("x1", "y"), "y", "mse").loss == "mse"
    assert bind("w*x1", ("x1", "y"), "y").loss == "mse"
    with pytest.raises(ModelError):
        bind("w*x1", ("x1", "y"), "y", "hinge")


def test_optimizer_objects_are_the_descent_ones() -> None:
    """Training takes its update rules from nablab.optimize (one leaf: all θ at once)."""
    opt = build("momentum", 0.1, momentum=0.9).transformation
    state = opt.init((np.zeros(3),))
    updates, _ = opt.update((np.ones(3),), state, (np.zeros(3),))
    np.testing.assert_allclose(updates[0], -0.1 * np.ones(3))
