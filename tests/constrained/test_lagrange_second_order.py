"""The second-order check: reduced Hessian on the tangent space, bordered Hessian, and the
sampling fallback — against matrices written out by hand and NumPy's eigvalsh."""

from __future__ import annotations

from functools import cache

import numpy as np
import pytest

import nablab
from nablab.constrained import LagrangeResult

TEXTBOOK = [("xy", ("x^2 + y^2 = 1",)), ("x^2 y", ("x^2 + 2y^2 = 6",)),
            ("x + 2y + 3z", ("x^2 + y^2 + z^2 = 1",)),
            ("x + 2y + 3z", ("x - y + z = 1", "x^2 + y^2 = 1")),
            ("4 - x^2 - 2y^2", ("2(x-1)^2 - 10y + 6 = 0",))]


@cache
def solved(f: str, constraints: tuple[str, ...]) -> LagrangeResult:
    return nablab.lagrange(f, list(constraints), check=False)


def test_reduced_hessian_on_the_circle_by_hand() -> None:
    result = solved("xy", ("x^2 + y^2 = 1",))
    for c in result.candidates:
        x, y = c.point["x"], c.point["y"]
        lam = c.multipliers[0]
        hessian = np.array([[-2 * lam, 1.0], [1.0, -2 * lam]])  # ∇²(xy − λ(x² + y² − 1))
        tangent = np.array([-y, x])  # ⟂ ∇g = (2x, 2y), unit length on the circle
        expected = tangent @ hessian @ tangent
        assert c.second_order.eigenvalues == pytest.approx((expected,), abs=1e-12)
        assert c.kind == ("maximum" if expected < 0 else "minimum")


@pytest.mark.parametrize(("f", "constraints"), TEXTBOOK)
def test_bordered_hessian_agrees_with_the_tangent_space(f: str,
                                                        constraints: tuple[str, ...]) -> None:
    result = solved(f, constraints)
    for c in result.candidates:
        s = c.second_order
        assert s.bordered_result == c.kind
        h = np.array(s.hessian)
        jac = np.array(c.constraint_gradients)
        _, sv, vt = np.linalg.svd(jac)
        z = vt[len(sv):].T
        eig = np.linalg.eigvalsh(z.T @ h @ z)
        assert np.allclose(sorted(eig), s.eigenvalues, atol=1e-10)


def test_exact_inertia_at_rational_points() -> None:
    result = solved("x^2 y", ("x^2 + 2y^2 = 6",))
    rational = [c for c in result.candidates if c.point["y"] in (1.0, -1.0)]
    assert len(rational) == 4 and all(c.second_order.proof for c in rational)


def test_degenerate_point_is_resolved_by_sampling() -> None:
    # x³ + y on the x-axis: the reduced Hessian 6x vanishes at 0; x³ takes both signs.
    result = nablab.lagrange("x^3 + y", "y = 0", check=False)
    (c,) = result.candidates
    assert c.second_order.eigenvalues == (0.0,)
    assert c.kind == "neither" and c.second_order.reason == "sampled"
    assert not c.second_order.proof


def test_sampling_reports_one_sided_evidence() -> None:
    # x⁴ + y on the x-axis: 12x² vanishes at 0, but x⁴ ≥ 0 — possibly a minimum, not proven
    result = nablab.lagrange("x^4 + y", "y = 0", check=False)
    (c,) = result.candidates
    assert c.kind == "unknown" and c.second_order.evidence == "no_lower_value"
    assert result.minimum is not None and result.minimum.value == 0  # coercive: attained
