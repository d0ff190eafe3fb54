"""Every kind of still figure, rendered headless, checked by structure and against SymPy."""

from __future__ import annotations

import numpy as np
import pytest
import sympy

import nablab
from nablab.plot import curve, field, slices, surface
from nablab.plot.output import figure_bytes

from .conftest import png_spread

WINDOW = ((-5.0, 5.0), (-5.0, 5.0))


def _lines_with_data(ax) -> list:
    return [line for line in ax.get_lines() if len(line.get_xdata()) > 1]


def test_notes_figure_structure() -> None:
    f = nablab.parse("f(x, y) = x^2 + y^2")
    fig = surface.surface_contour(f, WINDOW, "en", n=60, figsize=(6, 3))
    ax3d, ax2d, bar = fig.axes
    assert ax3d.name == "3d" and ax2d.name == "rectilinear" and bar.get_ylabel()
    assert "3D surface" in ax3d.get_title() and "x^{2} + y^{2}" in ax3d.get_title()
    assert "contour" in ax2d.get_title().lower()
    assert ax2d.collections[0].get_cmap().name == "viridis"
    assert (ax2d.get_xlabel(), ax2d.get_ylabel()) == ("$x$", "$y$")
    assert ax3d.get_zlabel() == "$f(x, y)$"
    assert png_spread(figure_bytes(fig)) > 10


def test_tangent_plane_matches_sympy() -> None:
    f = nablab.parse("x^2 y + sin(y)")
    x, y = sympy.symbols("x y", real=True)
    expr = x**2 * y + sympy.sin(y)
    value, slopes = surface.plane(f, (1.0, 2.0))
    assert value == pytest.approx(float(expr.subs({x: 1, y: 2})))
    assert slopes == pytest.approx((float(sympy.diff(expr, x).subs({x: 1, y: 2})),
                                    float(sympy.diff(expr, y).subs({x: 1, y: 2}))))
    fig = surface.tangent_plane(f, WINDOW, (1.0, 2.0), "en", n=40)
    (ax,) = fig.axes
    assert len(ax.collections) >= 3  # surface, plane, point
    assert "tangent plane" in ax.get_title() and "(1, 2)" in ax.get_title()


def test_field_marks_critical_points_where_they_are() -> None:
    f = nablab.parse("x^3 - 3x + y^2")
    marks = [((1.0, 0.0), "minimum"), ((-1.0, 0.0), "saddle")]
    fig = field.field(f, ((-3, 3), (-2, 2)), "en", marks, arrows=9)
    ax = fig.axes[0]
    points = {line.get_label(): (line.get_xdata()[0], line.get_ydata()[0])
              for line in ax.get_lines()}
    assert points == {"minimum": (1.0, 0.0), "saddle point": (-1.0, 0.0)}
    quiver = [c for c in ax.collections if c.__class__.__name__ == "Quiver"]
    assert len(quiver) == 1 and quiver[0].N == 81
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["minimum", "saddle point"]


def test_arrows_point_along_the_gradient() -> None:
    f = nablab.parse("x^2 + 3xy + y^2")
    from nablab.plot.sampling import sample_field

    grid = sample_field(nablab.compile(f).grad, (-2, 2), (-2, 2), 5)
    u, v = field.arrow_lengths(grid, 1.0)
    cross = u * grid.v - v * grid.u
    assert np.allclose(cross, 0) and np.all(u * grid.u + v * grid.v >= 0)
    lengths = np.hypot(u, v)[np.hypot(grid.u, grid.v) > 0]
    assert lengths.min() >= 0.35 - 1e-12 and lengths.max() <= 0.9 + 1e-12


def test_slices_slopes_are_the_partials() -> None:
    f = nablab.parse("x^2 + 3xy + y^2")
    fig = slices.slices(f, WINDOW, (1.0, 2.0), "en")
    ax3d, ax_x, ax_y = fig.axes
    assert "∂f/∂x = 8" in ax_x.get_title() and "y = 2" in ax_x.get_title()
    assert "∂f/∂y = 7" in ax_y.get_title() and "x = 1" in ax_y.get_title()
    slice_x, tangent_x = _lines_with_data(ax_x)
    xs, ys = tangent_x.get_xdata(), tangent_x.get_ydata()
    assert np.allclose(np.diff(ys) / np.diff(xs), 8.0)
    assert np.allclose(slice_x.get_ydata(), xs**2 + 6 * xs + 4)
    assert len(ax3d.get_lines()) == 4


def test_curve_tangent_and_secants() -> None:
    f = nablab.parse("x^3 - x")
    fig = curve.tangent_secants(f, ((-2.0, 2.0),), 0.5, "en")
    ax = fig.axes[0]
    labels = [line.get_label() for line in ax.get_lines()]
    secant_labels = [label for label in labels if label.startswith("secant")]
    assert len(secant_labels) == 4 and any(label.startswith("tangent") for label in labels)
    tangent = next(line for line in ax.get_lines() if line.get_label().startswith("tangent"))
    xs, ys = tangent.get_xdata(), tangent.get_ydata()
    assert (ys[1] - ys[0]) / (xs[1] - xs[0]) == pytest.approx(3 * 0.25 - 1)
    slopes = [float(label.rsplit(" ", 1)[1].replace("−", "-")) for label in secant_labels]
    errors = np.abs(np.array(slopes) - (3 * 0.25 - 1))
    assert np.all(np.diff(errors) < 0)  # the secants turn into the tangent


def test_curve_poles_are_cut_not_joined() -> None:
    f = nablab.parse("tan x")
    fig = curve.tangent_secants(f, WINDOW, 1.0, "en")
    line = fig.axes[0].get_lines()[0]
    x, y = np.asarray(line.get_xdata()), np.asarray(line.get_ydata())
    for pole in (-3 * np.pi / 2, -np.pi / 2, np.pi / 2, 3 * np.pi / 2):
        drawn = np.isfinite(y[:-1]) & np.isfinite(y[1:]) & (x[:-1] < pole) & (x[1:] > pole)
        assert not drawn.any()
    lo, hi = fig.axes[0].get_ylim()
    assert hi - lo < 200


def test_default_point_avoids_where_f_is_undefined() -> None:
    assert curve.defined_point(nablab.parse("log(x - 2)"), ((-5.0, 5.0),)) == (3.0,)
    assert curve.defined_point(nablab.parse("x^2"), ((-5.0, 5.0),)) == (1.0,)


def test_tangent_at_undefined_point_is_a_clear_error() -> None:
    with pytest.raises(nablab.DomainError) as info:
        curve.tangent_at(nablab.parse("1/x"), 0.0)
    assert info.value.kind == "plot_not_defined"


def test_function_and_derivative() -> None:
    fig = curve.function_and_derivative(nablab.parse("sigmoid(x)"), ((-5.0, 5.0),), "en")
    ax = fig.axes[0]
    f_line, d_line = _lines_with_data(ax)
    x = np.asarray(d_line.get_xdata())
    s = 1 / (1 + np.exp(-x))
    assert np.allclose(d_line.get_ydata(), s * (1 - s))
