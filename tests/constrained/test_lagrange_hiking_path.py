"""The notes' hiking path: the highest point of f = 4 − x² − 2y² on 2(x − 1)² − 10y + 6 = 0.

Oracles: SciPy trust-constr from many starts; f sampled along the path (y solved by hand);
the cubic the system reduces to, solved by NumPy; the envelope theorem by re-solving with
SciPy at a shifted level.
"""

from __future__ import annotations

import json
import math
from typing import Any

import numpy as np
import pytest

import nablab
from nablab.constrained import LagrangeResult

F, PATH = "4 - x^2 - 2y^2", "2(x-1)^2 - 10y + 6 = 0"


@pytest.fixture(scope="module")
def result() -> LagrangeResult:
    return nablab.lagrange(F, PATH)


def test_the_highest_point_reproduces_the_notes(result: LagrangeResult) -> None:
    (c,) = result.candidates
    assert c.point["x"] == pytest.approx(0.35353, abs=5e-6)
    assert c.point["y"] == pytest.approx(0.68358, abs=5e-6)
    assert c.value == pytest.approx(2.94044, abs=5e-6)
    assert c.multipliers[0] == pytest.approx(0.27343, abs=5e-6)
    assert c.kind == "maximum" and c.extreme == "maximum"
    assert result.maximum is not None and result.maximum.proven
    assert result.maximum.value == pytest.approx(c.value, abs=0)
    assert result.minimum is None
    assert result.global_analysis.above is True and result.global_analysis.below is False
    assert result.method == "groebner" and result.complete


def test_candidate_is_the_real_root_of_the_cubic(result: LagrangeResult) -> None:
    # −4y = −10λ and −2x = λ(4x − 4) give y = 5λ/2, λ = x/(2 − 2x); on the path
    # 2(x−1)² + 6 = 10y: 4x³ − 12x² + 49x − 16 = 0 (one real root, two complex).
    roots = np.roots([4, -12, 49, -16])
    real = roots[np.abs(roots.imag) < 1e-12].real
    assert len(real) == 1
    (c,) = result.candidates
    assert c.point["x"] == pytest.approx(real[0], rel=1e-14)
    assert c.exact is None  # a Cardano radical is not shown; decimals are
    assert c.residual < 1e-14


def test_agrees_with_scipy_from_many_starts(result: LagrangeResult, scipy_oracle: Any) -> None:
    best, where = scipy_oracle(F, [PATH], ["x", "y"], "max", starts=8)
    assert result.maximum is not None
    assert result.maximum.value == pytest.approx(best, abs=1e-8)
    assert np.allclose(list(result.maximum.points[0].values()), where, atol=1e-5)


def test_brute_force_along_the_path(result: LagrangeResult, sample_oracle: Any) -> None:
    x = np.linspace(-50, 50, 2_000_001)
    y = ((x - 1) ** 2 + 3) / 5
    values = sample_oracle(F, ["x", "y"], np.stack([x, y], axis=1))
    assert result.maximum is not None
    assert values.max() <= result.maximum.value + 1e-12
    assert values.max() == pytest.approx(result.maximum.value, abs=1e-9)
    assert values[0] < -1e5 and values[-1] < -1e5  # no lowest point: f falls without bound


def test_no_lowest_point_is_proven_by_a_curve(result: LagrangeResult) -> None:
    analysis = result.global_analysis
    assert analysis.minimum_status == "unbounded" and analysis.down is not None
    curve = analysis.down
    assert curve.limit == "-inf" and curve.leading == "−2t⁴/25"
    assert curve.parametrisation["x"] == "t"
    assert analysis.maximum_reason == "coercive" and analysis.top == "−2x⁴/25"


def test_second_order_check_and_bordered_hessian(result: LagrangeResult) -> None:
    (c,) = result.candidates
    s = c.second_order
    assert s.dimension == 1 and s.eigenvalues[0] < 0 and s.result == "maximum"
    # bordered Hessian [[0, gx, gy], [gx, Lxx, 0], [gy, 0, Lyy]] by hand: det > 0 → maximum
    x, lam = c.point["x"], c.multipliers[0]
    gx, gy = 4 * x - 4, -10.0
    border = np.array([[0, gx, gy], [gx, -2 - 4 * lam, 0], [gy, 0, -4]])
    assert s.bordered_minors[0] == pytest.approx(np.linalg.det(border), rel=1e-10)
    assert s.bordered_result == "maximum"


def test_lambda_is_the_rate_of_change_of_the_height(result: LagrangeResult,
                                                    scipy_oracle: Any) -> None:
    delta = 1e-3
    up, _ = scipy_oracle(F, ["2(x-1)^2 - 10y + 6 = 0.001"], ["x", "y"], "max", starts=3)
    down, _ = scipy_oracle(F, ["2(x-1)^2 - 10y + 6 = -0.001"], ["x", "y"], "max", starts=3)
    (c,) = result.candidates
    assert (up - down) / (2 * delta) == pytest.approx(c.multipliers[0], rel=1e-5)
    (rate,) = result.sensitivity
    assert rate.rate == pytest.approx(c.multipliers[0], rel=1e-7)


def test_scipy_sign_convention(result: LagrangeResult) -> None:
    check = result.check
    assert check is not None and check.agrees
    assert check.maximum.agrees is True
    assert check.maximum.multipliers[0] == pytest.approx(-0.27343, abs=1e-4)  # SLSQP on −f
    assert check.maximum.lambdas[0] == pytest.approx(0.27343, abs=1e-4)
    assert check.minimum.converged == 0  # no lowest point: every run heads to −∞


def test_json_has_the_issue_shape(result: LagrangeResult) -> None:
    data = json.loads(json.dumps(result.to_dict("en"), allow_nan=False))
    assert isinstance(data["lagrangian"], str) and "lambda" in data["lagrangian"]
    (c,) = data["candidates"]
    assert set(c["point"]) == {"x", "y"} and all(isinstance(v, float) for v in c["point"].values())
    assert isinstance(c["multipliers"], list) and isinstance(c["value"], float)
    assert c["kind"] == "maximum"
    assert set(data["maximum"]) >= {"point", "value"} and data["minimum"] is None
    assert data["bounded"] == {"above": True, "below": False}
    assert data["method"] == "groebner"


def test_no_nan_anywhere(result: LagrangeResult) -> None:
    def walk(value: object) -> None:
        if isinstance(value, float):
            assert math.isfinite(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(result.to_dict("ko"))


def test_lagrangian_and_system_as_written(result: LagrangeResult) -> None:
    assert result.lagrangian_head == "L(x, y, λ)"
    assert result.lagrangian_unicode.endswith("− λ(2(x − 1)² − 10y + 6)")
    assert result.system == ("−2x = λ(4x − 4)", "−4y = −10λ", "2(x − 1)² − 10y + 6 = 0")
    assert result.vector_form == "∇f = λ∇g"
    assert r"\lambda \left(" not in result.lagrangian_latex
    assert result.lagrangian_latex.endswith(
        r"\lambda\left(2 \left(x - 1\right)^{2} - 10 y + 6\right)")


def test_explanation_in_both_languages(result: LagrangeResult) -> None:
    english = " ".join(result.explain("en"))
    korean = " ".join(result.explain("ko"))
    assert "touches the constraint curve" in english and "No lowest point" in english
    assert "μ = (−0.273434)" in english or "μ = −0.273434" in english
    assert "접합니다" in korean and "최저점이 없습니다" in korean and "라그랑주" in " ".join(
        nablab.i18n.translate(k, "ko") for k in ("lagrange.heading.lagrangian",))
