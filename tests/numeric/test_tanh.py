"""tanh from exp and arithmetic (nablab.numeric.tanh) against mpmath's, to the last bits."""

from __future__ import annotations

import mpmath
import numpy as np
import pytest
import symengine

from nablab.numeric.lambdify import llvm_lambdify
from nablab.numeric.tanh import SMALL, replace_tanh, tanh, tanh_expression, tanh_from_exp

#: The documented bound: units in the last place of the correctly rounded tanh.
ULPS = 2


def reference(values: np.ndarray) -> np.ndarray:
    """tanh of each value, correctly rounded (mpmath at 120 bits, then to the nearest double)."""
    with mpmath.workprec(120):
        return np.array([float(mpmath.tanh(mpmath.mpf(float(v)))) for v in values])


def points() -> np.ndarray:
    rng = np.random.default_rng(11)
    near = np.linspace(-0.7, 0.7, 4001)                      # both sides of |u| = 0.625
    edge = np.concatenate([np.nextafter(SMALL, 0) - np.arange(5) * 1e-16,
                           SMALL + np.arange(5) * 1e-16])
    wide = rng.uniform(-25, 25, 4000)                         # up to where tanh rounds to ±1
    tiny = 10.0 ** rng.uniform(-300, 0, 3000) * rng.choice([-1, 1], 3000)
    subnormal = np.array([5e-324, -5e-324, 1e-310, -2.2e-308, 2.225073858507201e-308])
    return np.concatenate([near, edge, -edge, wide, tiny, subnormal,
                           [19.0, -19.0, 19.1, -19.1, 20.0, -20.0, 20.5, -20.5, 700.0, -700.0,
                            1e300, -1e300, np.finfo(float).max, -np.finfo(float).max]])


def ulps(got: np.ndarray, want: np.ndarray) -> np.ndarray:
    return np.abs(got - want) / np.spacing(np.abs(want))


def test_within_two_ulps_of_the_correctly_rounded_tanh() -> None:
    u = points()
    got = tanh(u.copy())
    assert ulps(got, reference(u)).max() <= ULPS


def test_from_numpy_exp_within_two_ulps() -> None:
    """The staged kernel's way: e = NumPy's e^(−2u) on a column, the rest compiled."""
    u_symbol, e_symbol = symengine.symbols("u e")
    code = llvm_lambdify([u_symbol, e_symbol], [tanh_from_exp(u_symbol, e_symbol)])
    u = points()
    with np.errstate(over="ignore"):
        e = np.exp(-2 * u)
    got = code(np.column_stack([u, e]))[:, 0]
    assert ulps(got, reference(u)).max() <= ULPS
    assert np.isnan(code(np.array([np.nan, np.nan]))[0])


def test_tiny_and_subnormal_arguments_give_themselves() -> None:
    u = np.array([5e-324, -5e-324, 1e-310, -1e-300, 1e-20, -3e-17])
    np.testing.assert_array_equal(tanh(u.copy()), u)


def test_infinities_nan_and_zero() -> None:
    got = tanh(np.array([np.inf, -np.inf, np.nan, 0.0, 1e308, -1e308]))
    np.testing.assert_array_equal(got, [1.0, -1.0, np.nan, 0.0, 1.0, -1.0])


def test_independent_values() -> None:
    """A few values known from tables: tanh(1), tanh(0.5), tanh(−2), tanh(10)."""
    got = tanh(np.array([1.0, 0.5, -2.0, 10.0]))
    want = [0.7615941559557649, 0.46211715726000974, -0.9640275800758169, 0.9999999958776927]
    np.testing.assert_allclose(got, want, rtol=4.5e-16, atol=0)


def test_in_place_and_checked_arrays() -> None:
    u = np.linspace(-3, 3, 12).reshape(3, 4)
    want = reference(u.ravel()).reshape(3, 4)
    assert tanh(u, out=u) is u
    assert ulps(u, want).max() <= ULPS
    with pytest.raises(ValueError, match="C-contiguous"):
        tanh(np.ones((4, 4))[:, ::2])
    with pytest.raises(ValueError, match="out"):
        tanh(np.ones(3), out=np.empty(4))
    assert tanh(np.empty(0)).shape == (0,)


def test_nested_tanh_is_replaced_inside_out() -> None:
    x, w = symengine.symbols("x w")
    expr = symengine.tanh(w * symengine.tanh(x) + 1) * symengine.tanh(x)
    [written] = replace_tanh([expr])
    assert not written.atoms(symengine.tanh)
    code = llvm_lambdify([x, w], [written])
    for xv, wv in [(0.3, 2.0), (-1.7, 0.5), (4.0, -3.0)]:
        want = np.tanh(wv * np.tanh(xv) + 1) * np.tanh(xv)
        assert code(np.array([xv, wv]))[0] == pytest.approx(want, rel=1e-15)


def test_expression_is_tanh_symbolically_away_from_the_branches() -> None:
    """The compiled formula is a function of u only; SymEngine agrees with it at a point."""
    u = symengine.Symbol("u")
    expr = tanh_expression(u)
    assert expr.free_symbols == {u}
    value = float(expr.subs({u: 1.5}))
    assert value == pytest.approx(np.tanh(1.5), rel=1e-15)
