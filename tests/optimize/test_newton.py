"""Newton's method as an optimizer, against restated rules, NumPy's solver and SciPy's Newton-CG.

The Rosenbrock gradient and Hessian below are written out by hand; nothing in the oracles
comes from nablab.
"""

from __future__ import annotations

import io
import json

import numpy as np
import pytest
import scipy.optimize

from nablab.cli import main
from nablab.errors import HyperparameterError
from nablab.network import train
from nablab.optimize import descend, race, sweep
from nablab.optimize.newton import curvature_status, damped_newton, newton

ROSENBROCK = "(1 - x)^2 + 100(y - x^2)^2"
START = (-1.2, 1.0)


def rosen(p: np.ndarray) -> float:
    x, y = p
    return float((1 - x) ** 2 + 100 * (y - x * x) ** 2)


def rosen_grad(p: np.ndarray) -> np.ndarray:
    x, y = p
    return np.array([-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)])


def rosen_hess(p: np.ndarray) -> np.ndarray:
    x, y = p
    return np.array([[2 - 400 * y + 1200 * x * x, -400 * x], [-400 * x, 200.0]])


def test_one_newton_step_minimises_a_quadratic_exactly() -> None:
    """f = ½θᵀAθ + bᵀθ: its minimum is A⁻¹(−b), reached from anywhere in one step."""
    a = np.array([[4.0, 1.0, 0.0], [1.0, 3.0, -1.0], [0.0, -1.0, 2.0]])
    b = np.array([1.0, -2.0, 0.5])
    f = "2x^2 + x y + 1.5y^2 - y z + z^2 + x - 2y + 0.5z"
    result = descend(f, (5, -7, 3), optimizer="newton")
    assert result.status == "converged" and result.nit == 1
    np.testing.assert_allclose(result.x, np.linalg.solve(a, -b), rtol=1e-12, atol=1e-14)


def test_damped_newton_shrinks_the_error_by_one_minus_eta_per_step() -> None:
    result = descend("x^2 + 3y^2 + x y", (3, 4), optimizer="newton", lr=0.5, steps=5, tol=0)
    expected = np.array([[3.0, 4.0]]) * (0.5 ** np.arange(6))[:, None]
    np.testing.assert_allclose(result.path, expected, rtol=1e-12, atol=1e-15)
    assert result.lr == 0.5 and result.hyper == {}


def test_each_step_is_the_restated_rule_on_rosenbrock() -> None:
    eta = 0.7
    result = descend(ROSENBROCK, START, optimizer="newton", lr=eta, steps=10, tol=0)
    p = np.array(START)
    expected = [p]
    for _ in range(10):
        p = p - eta * np.linalg.solve(rosen_hess(p), rosen_grad(p))
        expected.append(p)
    assert result.nit == 10
    np.testing.assert_allclose(result.path, np.array(expected), rtol=1e-10, atol=1e-12)


def test_rosenbrock_like_scipy_newton_cg() -> None:
    ours = descend(ROSENBROCK, START, optimizer="newton", tol=1e-8)
    theirs = scipy.optimize.minimize(rosen, np.array(START), method="Newton-CG", jac=rosen_grad,
                                     hess=rosen_hess, options={"xtol": 1e-12})
    assert ours.status == "converged" and ours.nit <= 20
    assert theirs.success and ours.nit <= theirs.nit   # its line search takes shorter steps
    np.testing.assert_allclose(ours.x, theirs.x, atol=1e-6)
    np.testing.assert_allclose(ours.x, [1.0, 1.0], atol=1e-9)


def test_a_saddle_stops_where_the_hessian_is_indefinite() -> None:
    result = descend("x^2 - y^2", (3, 4), optimizer="newton")
    assert result.status == "not_positive_definite" and not result.success
    assert result.nit == 0 and result.x.tolist() == [3.0, 4.0]
    assert "not positive definite" in result.message_in("en")
    assert "양의 정부호" in result.message_in("ko")


def test_a_singular_hessian_stops_the_run() -> None:
    result = descend("x^4 + y^2", (0, 1), optimizer="newton")
    assert result.status == "singular" and result.nit == 0
    assert "singular" in result.message_in("en")


def test_a_run_that_moves_then_meets_negative_curvature() -> None:
    """f = x⁴/4 − x²/2 + x/10: from 2 the steps approach x ≈ 0.95, a minimum; from 0.3,
    f'' = 3x² − 1 < 0, so Newton refuses at once instead of climbing to the maximum."""
    ok = descend("x^4/4 - x^2/2 + x/10", (2,), optimizer="newton")
    root = max(np.roots([1, 0, -1, 0.1]).real)   # f′ = x³ − x + 1/10: three real roots
    assert ok.status == "converged" and ok.x[0] == pytest.approx(root, abs=1e-8)
    stopped = descend("x^4/4 - x^2/2 + x/10", (0.3,), optimizer="newton")
    assert stopped.status == "not_positive_definite"


@pytest.mark.parametrize(("eigenvalues", "status"), [
    ([1.0, 2.0], None), ([0.0, 2.0], "singular"), ([1e-14, 2.0], "singular"),
    ([-1.0, 2.0], "not_positive_definite"), ([-2.0, -1.0], "not_positive_definite"),
    ([0.0, 0.0], "singular"),
])
def test_curvature_status(eigenvalues: list[float], status: str | None) -> None:
    assert curvature_status(np.array(eigenvalues)) == status
    if status is None:
        assert np.all(np.linalg.eigvalsh(np.diag(eigenvalues)) > 0)


def test_advice_turns_the_learning_rate_bound_into_two() -> None:
    result = descend("x^2 + 10y^2", (3, 4), optimizer="newton")
    advice = result.advice
    assert advice is not None and advice.rule == "newton"
    assert advice.max_lr == 2.0 and advice.best_lr == 1.0 and not advice.warning
    wild = descend("x^2 + 10y^2", (3, 4), optimizer="newton", lr=2.5, steps=50)
    assert wild.advice is not None and wild.advice.warning
    assert wild.status != "converged"
    saddle = descend("x^2 - y^2", (3, 4), optimizer="newton")
    assert saddle.advice is not None and saddle.advice.max_lr is None


def test_newton_races_beside_the_first_order_methods() -> None:
    result = race(ROSENBROCK, START, ["gd", "adam", "newton"], lr={"gd": 1e-3, "adam": 0.02},
                  steps=3000)
    assert [r.optimizer for r in result.results] == ["gd", "adam", "newton"]
    assert result.ranking()[0] == 2


def test_only_descents_of_a_formula_know_newton() -> None:
    with pytest.raises(HyperparameterError):
        sweep("x^2 + y^2", optimizer="newton", lr=[1.0], starts={"x": [1.0], "y": [1.0]})
    with pytest.raises(HyperparameterError):
        train("w1*x1 + b", "example:linear", optimizer="newton")
    with pytest.raises(ValueError, match="needs the Hessian"):
        newton(1.0)


def test_constant_function_with_newton() -> None:
    result = descend("5", "x=1", optimizer="newton")
    assert result.status == "constant" and result.optimizer == "newton"


def _cli(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue() + err.getvalue()


def test_cli_descend_newton_json_and_languages() -> None:
    code, out = _cli("descend", "x^2 + 3y^2 + x y", "--start", "3,4", "--optimizer", "newton",
                     "--json")
    data = json.loads(out)
    assert code == 0 and data["optimizer"] == "newton" and data["steps"] == 1
    assert data["learning_rate"] == 1.0 and data["advice"]["rule"] == "newton"
    assert data["path"][1] == pytest.approx([0.0, 0.0], abs=1e-15)
    code, out = _cli("descend", "x^2 - y^2", "--start", "3,4", "--optimizer", "newton")
    assert code == 0 and "θ ← θ − η·H(θ)⁻¹∇f(θ)" in out and "quadratic Taylor model" in out
    code, out = _cli("descend", "x^2 - y^2", "--start", "3,4", "--optimizer", "newton",
                     "--lang", "ko")
    assert code == 0 and "뉴턴 방법" in out and "양의 정부호" in out


def test_cli_race_with_newton_and_sweep_refuses_it() -> None:
    code, out = _cli("race", ROSENBROCK, "--start=-1.2,1", "--optimizers", "gd,newton",
                     "--json")
    data = json.loads(out)
    assert code == 0 and data["ranking"][0] == "newton"
    code, _ = _cli("sweep", "x^2 + y^2", "--optimizer", "newton", "--starts", "-1:1,-1:1")
    assert code != 0


def test_damped_newton_is_the_restated_backtracking_rule_on_rosenbrock() -> None:
    result = descend(ROSENBROCK, START, optimizer="damped_newton", tol=1e-8)
    p, expected = np.array(START), [np.array(START)]
    while np.linalg.norm(rosen_grad(p)) >= 1e-8:
        step = -np.linalg.solve(rosen_hess(p), rosen_grad(p))
        t = 1.0
        while rosen(p + t * step) > rosen(p) + 1e-4 * t * rosen_grad(p) @ step:
            t /= 2
        p = p + t * step
        expected.append(p)
    assert result.status == "converged" and result.nit == len(expected) - 1 <= 25
    np.testing.assert_allclose(result.path, np.array(expected), rtol=1e-9, atol=1e-12)
    assert np.all(np.diff(result.values) < 0)   # every step a descent, unlike pure Newton's
    assert np.any(np.diff(descend(ROSENBROCK, START, optimizer="newton").values) > 0)


def test_damped_newton_settings() -> None:
    result = descend("x^2 + 3y^2 + x y", (3, 4), optimizer="damped_newton")
    assert result.nit == 1 and result.hyper == {"c1": 1e-4, "shrink": 0.5}
    assert descend("x^2 - y^2", (3, 4), optimizer="damped_newton").status == \
        "not_positive_definite"
    for bad in ({"lr": 1.5}, {"c1": 0.0}, {"shrink": 1.0}):
        with pytest.raises(HyperparameterError):
            descend("x^2", (1,), optimizer="damped_newton", **bad)
    with pytest.raises(ValueError, match="needs the Hessian and f"):
        damped_newton(1.0)


def test_cli_damped_newton() -> None:
    code, out = _cli("descend", ROSENBROCK, "--start=-1.2,1", "--optimizer", "damped_newton",
                     "--json")
    data = json.loads(out)
    assert code == 0 and data["optimizer"] == "damped_newton" and data["status"] == "converged"
    code, out = _cli("descend", ROSENBROCK, "--start=-1.2,1", "--optimizer", "damped_newton",
                     "--lang", "ko")
    assert code == 0 and "감쇠 뉴턴 방법" in out
