"""Grid and curve sampling, alone (pure NumPy): breaks at poles, masks, windows."""

from __future__ import annotations

import numpy as np
import pytest

import nablab
from nablab.numeric import evaluate_grid
from nablab.plot.ranges import (
    DEFAULT_INTERVAL,
    default_window_with,
    fit_interval,
    fit_window,
    view_limits,
)
from nablab.plot.sampling import (
    MAX_SURFACE_POINTS,
    clip_to_view,
    find_breaks,
    sample_curve,
    sample_field,
    sample_surface,
)


def _segments_span(x: np.ndarray, y: np.ndarray, where: float) -> bool:
    """Whether some drawn segment (both ends finite) crosses x = ``where``."""
    ends = np.isfinite(y[:-1]) & np.isfinite(y[1:])
    return bool(np.any(ends & (x[:-1] < where) & (x[1:] > where)))


@pytest.mark.parametrize(("f", "interval", "poles"), [
    (lambda x: 1 / x, (-5.0, 5.0), [0.0]),
    (np.tan, (-5.0, 5.0), [-3 * np.pi / 2, -np.pi / 2, np.pi / 2, 3 * np.pi / 2]),
    (np.sign, (-2.0, 2.0), [0.0]),
    (lambda x: 1 / (x - 1) + 1 / (x + 2), (-4.0, 4.0), [1.0, -2.0]),
    (np.floor, (-2.5, 2.5), [-2.0, -1.0, 0.0, 1.0, 2.0]),
])
@pytest.mark.parametrize("n", [801, 1200])  # 801 samples hit the poles exactly, 1200 miss them
def test_no_segment_spans_a_pole_or_jump(f, interval, poles, n: int) -> None:
    curve = sample_curve(f, interval, n)
    cuts = np.array(curve.breaks + tuple(curve.x[np.isnan(curve.y)]))
    for pole in poles:
        assert not _segments_span(curve.x, curve.y, pole)
        assert np.min(np.abs(cuts - pole)) < 0.02
    assert len(curve.breaks) <= 2 * len(poles)


@pytest.mark.parametrize("f", [lambda x: x**3, np.exp, lambda x: np.where(x > 0, x, 0.0),
                               np.abs, lambda x: np.sin(20 * x), lambda x: 1 / x**2])
def test_continuous_curves_stay_joined(f) -> None:
    assert sample_curve(f, (-5.0, 5.0), 1200).breaks == ()


def test_undefined_values_are_nan_and_views_ignore_spikes() -> None:
    curve = sample_curve(np.log, (-5.0, 5.0), 1000)
    assert np.isnan(curve.y[curve.x < 0]).all()
    assert np.isfinite(curve.y[curve.x > 0.01]).all()
    spiky = sample_curve(lambda x: 1 / x, (-5.0, 5.0), 1200)
    lo, hi = spiky.ylim
    assert -20 < lo < -2 and 2 < hi < 20


def test_find_breaks_bounded_and_empty() -> None:
    x = np.linspace(-1, 1, 11)
    assert find_breaks(lambda t: t, x, np.full(11, np.nan)).size == 0


def test_surface_matches_numpy_and_evaluate_grid() -> None:
    f = nablab.parse("x^2 + 3xy + y^2")
    surface = sample_surface(nablab.compile(f).f, (-5, 5), (-4, 3), 50)
    xx, yy = np.meshgrid(np.linspace(-5, 5, 50), np.linspace(-4, 3, 50))
    np.testing.assert_allclose(surface.z, xx**2 + 3 * xx * yy + yy**2)
    np.testing.assert_allclose(surface.z, evaluate_grid(f, (-5, 5), (-4, 3), 50).z)


def test_surface_is_capped_and_masked() -> None:
    f = nablab.compile("log(x) + 1/(x^2 + y^2)").f
    surface = sample_surface(f, (-5, 5), (-5, 5), 10_000)
    assert surface.z.shape == (MAX_SURFACE_POINTS, MAX_SURFACE_POINTS)
    assert np.isnan(surface.z[:, surface.x < 0]).all()
    assert not np.isinf(surface.z).any()
    lo, hi = surface.zlim
    assert np.isfinite(lo) and np.isfinite(hi) and hi < 100


def test_field_is_the_gradient() -> None:
    f = nablab.parse("x^2 + 3xy + y^2")
    field = sample_field(nablab.compile(f).grad, (-2, 2), (-1, 1), 5)
    np.testing.assert_allclose(field.u, 2 * field.x + 3 * field.y)
    np.testing.assert_allclose(field.v, 3 * field.x + 2 * field.y)


def test_clip_to_view_makes_holes() -> None:
    out = clip_to_view(np.array([-10.0, 0.0, 1.0, 10.0]), (-1.0, 2.0))
    assert np.isnan(out[[0, 3]]).all() and list(out[1:3]) == [0.0, 1.0]


def test_windows() -> None:
    assert view_limits(np.array([np.nan, np.inf])) == (-1.0, 1.0)
    assert view_limits(np.array([3.0, 3.0])) == (2.0, 4.0)
    assert fit_interval([]) == DEFAULT_INTERVAL
    (x_range, y_range) = fit_window([(1.0, 0.0), (-1.0, 0.0)], 2)
    assert x_range[0] < -1 < 1 < x_range[1] and y_range[0] < 0 < y_range[1]
    assert fit_window([], 2) == (DEFAULT_INTERVAL, DEFAULT_INTERVAL)
    assert default_window_with([(1.0, 9.0)], 2) == ((-5.0, 5.0), (-5.0, 10.5))
