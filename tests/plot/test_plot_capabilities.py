"""Pictures of the capabilities from their real results: critical points, descents, races,
sweeps, tangents and limits — structure checked against the results themselves."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import nablab
from nablab.calculus.limit import derivative_by_limit
from nablab.calculus.tangent import tangent_line
from nablab.critical import critical_points
from nablab.optimize import descend, race, sweep
from nablab.plot import calculus, critical, descent, output
from nablab.plot import sweep as sweep_plot
from nablab.plot.runs import as_runs

from .conftest import png_spread


def _path_lines(ax) -> list:
    return [line for line in ax.get_lines() if line.get_linestyle() == "-"
            and len(line.get_xdata()) > 2 and line.get_label() and
            not line.get_label().startswith("_")]


def test_critical_points_drawn_where_the_result_puts_them() -> None:
    f = nablab.parse("x^3 - 3x + y^3 - 3y")
    result = critical_points(f)
    fig = critical.critical_figure(result, "en")
    ax = fig.axes[0]
    drawn = sorted((float(line.get_xdata()[0]), float(line.get_ydata()[0]), line.get_marker())
                   for line in ax.get_lines() if len(line.get_xdata()) == 1)
    expected = sorted((p.point["x"], p.point["y"], {"minimum": "o", "maximum": "^",
                                                     "saddle": "X"}[p.kind])
                      for p in result.points)
    assert drawn == expected
    lo, hi = ax.get_xlim()
    assert lo < -1 and hi > 1


def test_critical_points_of_one_variable_sit_on_the_curve() -> None:
    f = nablab.parse("x^4 - 2x^2")
    result = critical_points(f)
    fig = critical.critical_figure(result, "ko")
    marks = [line for line in fig.axes[0].get_lines() if len(line.get_xdata()) == 1]
    assert len(marks) == 3
    for line in marks:
        x, y = line.get_xdata()[0], line.get_ydata()[0]
        assert y == pytest.approx(x**4 - 2 * x**2)


def test_descent_trajectory_ends_at_the_result() -> None:
    f = nablab.parse("x^2 + 3y^2")
    result = descend(f, {"x": 3, "y": 2}, lr=0.1)
    fig = descent.descent_figure(f, result, "en")
    paths, losses = fig.axes[0], fig.axes[1]
    (line,) = _path_lines(paths)
    assert (line.get_xdata()[-1], line.get_ydata()[-1]) == tuple(result.x)
    assert (line.get_xdata()[0], line.get_ydata()[0]) == (3.0, 2.0)
    end = [m for m in paths.get_lines() if m.get_marker() == "*" and len(m.get_xdata())]
    assert (end[0].get_xdata()[0], end[0].get_ydata()[0]) == tuple(result.x)
    assert losses.get_yscale() == "log"
    (loss,) = [m for m in losses.get_lines() if len(m.get_xdata()) > 1]
    np.testing.assert_array_equal(loss.get_ydata(), result.values)


def test_loss_scale_is_linear_when_f_goes_negative() -> None:
    f = nablab.parse("x^4 - 3x^2 + x")
    result = descend(f, {"x": 2}, lr=0.01, steps=50)
    fig = descent.descent_figure(f, result, "en")
    assert fig.axes[1].get_yscale() == "linear"
    assert "curve" in fig.axes[0].get_title()


def test_race_has_a_legend_and_every_path() -> None:
    f = nablab.parse("(1-x)^2 + 100(y-x^2)^2")
    result = race(f, {"x": -1.5, "y": 2}, ["gd", "momentum", "adam"],
                  lr=[0.001, 0.001, 0.05], steps=300)
    fig = descent.race_figure(f, result, "en")
    ax = fig.axes[0]
    texts = [t.get_text() for t in ax.get_legend().get_texts()]
    assert texts[:3] == ["gd (η = 0.001)", "momentum (η = 0.001)", "adam (η = 0.05)"]
    lines = _path_lines(ax)
    for line, run in zip(lines, result.results, strict=True):
        assert (line.get_xdata()[-1], line.get_ydata()[-1]) == tuple(run.x)


def test_many_variables_draw_the_loss_alone() -> None:
    f = nablab.parse("x^2 + y^2 + z^2")
    fig = descent.descent_figure(f, descend(f, {"x": 1, "y": 2, "z": 3}, lr=0.1), "en")
    assert len(fig.axes) == 1 and fig.axes[0].get_yscale() == "log"


def test_runs_of_a_descent_a_race_and_a_list_agree() -> None:
    f = nablab.parse("x^2 + y^2")
    result = descend(f, {"x": 1, "y": 1}, lr=0.2)
    both = race(f, {"x": 1, "y": 1}, ["gd", "adam"], lr=0.2)
    (a,), (b, c) = as_runs(result), as_runs(both)
    np.testing.assert_array_equal(a.path, b.path)
    assert a.label == b.label == "gd (η = 0.2)" and c.label == "adam (η = 0.2)"
    assert [r.label for r in as_runs(list(both.results))] == [b.label, c.label]


def test_sweep_basins_and_fractions() -> None:
    f = nablab.parse("x^4 - 2x^2 + y^2 + 0.3x")
    axes = {"x": np.linspace(-2, 2, 21), "y": np.linspace(-1, 1, 11)}
    result = sweep(f, lr=np.geomspace(0.01, 1, 6), starts=axes, steps=200)
    data = result.to_dict()
    fig = sweep_plot.sweep_figure(result, "en")
    basins, rates = fig.axes
    mesh = basins.collections[0]
    codes = sweep_plot.basin_codes(result)
    assert codes.shape == (21, 11)
    np.testing.assert_array_equal(np.asarray(mesh.get_array()).reshape(11, 21), codes.T)
    converged = [line for line in rates.get_lines() if line.get_label() == "converged"][0]
    np.testing.assert_allclose(converged.get_ydata(), [r["converged"] for r in data["by_lr"]])
    assert rates.get_xscale() == "log"
    np.testing.assert_array_equal(codes.reshape(-1) >= 2,
                                  np.asarray(data["basins"]["labels"]) >= 0)


def test_limit_figure_on_the_slice_has_the_partial_as_slope() -> None:
    f = nablab.parse("x^2 + 3xy + y^2")
    d = derivative_by_limit(f, "x", {"x": 1, "y": 2})
    fig = calculus.limit_figure(f, "x", {"x": 1.0, "y": 2.0}, d.numeric or (), "en")
    secants, errors = fig.axes
    tangent = next(line for line in secants.get_lines()
                   if line.get_label().startswith("tangent"))
    xs, ys = tangent.get_xdata(), tangent.get_ydata()
    assert (ys[1] - ys[0]) / (xs[1] - xs[0]) == pytest.approx(8.0)
    assert errors.get_xscale() == errors.get_yscale() == "log"
    assert "y = 2" in secants.get_title()


def test_tangent_picture_uses_the_commands_secants(tmp_path: Path) -> None:
    line = tangent_line("x^3 - x", 0.5)
    picture = calculus.tangent_picture(line)
    fig = picture.static("en")
    labels = [line.get_label() for line in fig.axes[0].get_lines()]
    assert sum(label.startswith("secant") for label in labels) == len(line.secants) == 6
    output.write_picture(picture, tmp_path / "t.png", "en")
    assert png_spread((tmp_path / "t.png").read_bytes()) > 10


@pytest.mark.parametrize("suffix", ["gif", "html"])
def test_animations_are_written(tmp_path: Path, suffix: str) -> None:
    f = nablab.parse("x^2 + 3y^2")
    picture = descent.descent_picture(descend(f, {"x": 3, "y": 2}, lr=0.1, steps=30))
    target = tmp_path / f"descent.{suffix}"
    output.write_picture(picture, target, "ko", animate=True)
    if suffix == "gif":
        from PIL import Image

        with Image.open(target) as image:
            assert image.n_frames == 31 and image.size == (800, 352)
    else:
        page = target.read_text(encoding="utf-8")
        # 31 frames, and the first once more as the picture shown before the script runs
        assert page.count("data:image/jpeg;base64,") == 32 and "<script src" not in page


def test_secant_animation_frames_turn_into_the_tangent() -> None:
    from nablab.plot import animate
    from nablab.plot.frames import render

    f = nablab.parse("x^2")
    frames = animate.secant_animation(f, ((-1.0, 3.0),), 1.0, "en", frames=12)
    shots = list(render(frames))
    assert len(shots) == 12 and shots[0].shape[2] == 3
    line = frames.moving[0]
    xs, ys = line.get_xdata(), line.get_ydata()
    assert (ys[1] - ys[0]) / (xs[1] - xs[0]) == pytest.approx(2.0, abs=0.01)  # last frame
    assert not np.array_equal(shots[0], shots[-1])


def test_mp4_without_ffmpeg_is_a_clear_message(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from nablab.plot import frames

    monkeypatch.setattr(frames, "ffmpeg_path", lambda: None)
    picture = calculus.tangent_picture(tangent_line("x^2", 1))
    with pytest.raises(nablab.UnsupportedError) as info:
        output.write_picture(picture, tmp_path / "a.mp4", "en", animate=True)
    assert "ffmpeg" in info.value.message("en") and ".gif" in info.value.message("en")
    assert not (tmp_path / "a.mp4").exists()


def test_descent_page_draws_the_paths_on_the_surface() -> None:
    f = nablab.parse("x^2 + 3y^2")
    result = descend(f, {"x": 3, "y": 2}, lr=0.1, steps=30)
    page = descent.descent_page(f, result, "en")
    surface, path = page.data
    assert surface.type == "surface" and path.type == "scatter3d"
    assert (path.x[-1], path.y[-1]) == tuple(result.x)
    np.testing.assert_allclose(path.z, result.values)
