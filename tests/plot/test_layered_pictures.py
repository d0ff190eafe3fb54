"""Pictures of networks with hidden layers: the numbers they draw, not only that they draw.

The network has one edge per weight, as thick as |w| and coloured by its sign; the boundary
lines are where ŷ = ½; the frames' ŷ is the result's own prediction at that epoch; in the
hidden coordinates of the XOR network one line (the output unit) splits the classes.
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

import numpy as np
import pytest
from matplotlib.colors import to_hex

import nablab
from nablab.cli import main
from nablab.jobs.pictures import picture_of
from nablab.plot import boundary as b
from nablab.plot.layered import NEGATIVE, POSITIVE, draw_network, layered_figure, panels
from nablab.plot.layered_animation import layered_animation
from nablab.plot.output import new_figure

CORNERS = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])


@cache
def xor() -> nablab.network.LayeredResult:
    return nablab.train(data="example:xor", layers=[2, 2, 1], activation="tanh", seed=1)


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_the_network_has_one_edge_per_weight_ordered_by_size_and_coloured_by_sign() -> None:
    result = nablab.train(data="example:circles", layers=[2, 4, 3, 1], seed=2, epochs=20)
    ax = new_figure(5, 5).add_subplot(1, 1, 1)
    edges = draw_network(ax, result, "en")
    weights = result.weights
    expected = {f"W{k}[{i + 1},{j + 1}]": float(weights[f"W{k}"][i, j])
                for k in (1, 2, 3) for i in range(weights[f"W{k}"].shape[0])
                for j in range(weights[f"W{k}"].shape[1])}
    assert len(edges) == len(expected) == 2 * 4 + 4 * 3 + 3
    drawn = {e.get_gid(): e for e in edges}
    assert set(drawn) == set(expected)
    order = sorted(expected, key=lambda name: abs(expected[name]))
    widths = [drawn[name].get_linewidth() for name in order]
    assert widths == sorted(widths) and widths[0] < widths[-1]
    for name, w in expected.items():
        assert to_hex(drawn[name].get_color()) == (POSITIVE if w >= 0 else NEGATIVE)
    # every edge joins the units its weight joins: W⁽ˡ⁾ᵢⱼ from unit j of layer l−1 to unit i
    line = drawn["W2[3,4]"]
    assert list(line.get_xdata()) == [1.0, 2.0]
    texts = [t.get_text() for t in ax.texts]
    assert r"$h^{(2)}_{3}$" in texts and r"$\hat{y}$" in texts
    assert sum(t.startswith("b = ") for t in texts) == 4 + 3 + 1


def test_the_frames_are_at_most_sixty_epochs_from_the_first_to_the_last() -> None:
    for epochs in (1, 5, 59, 60, 61, 1000, 100_000):
        picked = b.frame_epochs(epochs)
        assert picked[0] == 0 and picked[-1] == epochs
        assert picked == sorted(set(picked)) and len(picked) <= b.MAX_FRAMES
        assert len(picked) == min(epochs + 1, len(picked))
    assert len(b.frame_epochs(1000)) >= 40


def test_the_grid_predictions_are_the_results_own_at_every_frame() -> None:
    result = xor()
    grid = b.Grid(np.array([0.0, 1.0]), np.array([0.0, 1.0]))
    for epoch in b.frame_epochs(result.epochs, 12):
        z = b.surface_at(result, grid, epoch)
        # row order: y outer, x inner → z[j, i] is the point (x_i, y_j)
        assert z[1, 0] == pytest.approx(float(result.predict(np.array([[0.0, 1.0]]), epoch)[0]))
        np.testing.assert_allclose(z.T.ravel(), result.predict(CORNERS, epoch), rtol=1e-12)


def test_the_boundary_lines_are_where_the_prediction_is_one_half() -> None:
    result = xor()
    grid = b.grid_of(result, 80)
    lines = b.level_lines(grid.x, grid.y, b.surface_at(result, grid))
    assert len(lines) == 2   # XOR's band: two lines
    for line in lines:
        np.testing.assert_allclose(result.predict(line), 0.5, atol=0.02)
    xs, ys = b.joined(lines)
    assert np.isnan(xs).sum() == 1 and len(xs) == sum(len(line) for line in lines) + 1


def test_xor_is_split_by_one_line_in_the_hidden_coordinates() -> None:
    result = xor()
    assert result.accuracy == 1.0
    w, bias = b.output_line(result)   # type: ignore[misc]
    hidden = result.hidden(CORNERS, 1)
    side = hidden @ w + bias > 0
    np.testing.assert_array_equal(side, [False, True, True, False])
    np.testing.assert_array_equal(side, result.predict(CORNERS) > 0.5)
    # and the line drawn in the box lies on w·a + b = 0
    xs, ys = b.line_through(w, bias, b.hidden_box(result))
    assert len(xs) > 10
    np.testing.assert_allclose(w[0] * xs + w[1] * ys + bias, 0.0, atol=1e-9)


def test_panels_follow_the_data() -> None:
    assert panels(xor()) == ["network", "boundary", "hidden", "epochs"]
    sine = nablab.train(data="example:sine", layers=[1, 4, 1], epochs=10)
    assert panels(sine) == ["network", "fit", "epochs"]
    one = nablab.train(data="example:xor", layers=[2, 1, 1], epochs=10)
    assert panels(one) == ["network", "boundary", "epochs"]   # one hidden unit: no plane
    three = nablab.train(data="example:xor", layers=[2, 3, 1], epochs=10)
    assert "hidden" in panels(three) and b.output_line(three) is None


def test_the_animation_shows_the_boundary_of_each_sampled_epoch() -> None:
    result = xor()
    frames = layered_animation(result, "en", frames=8)
    epochs = b.frame_epochs(result.epochs, 8)
    assert frames.count == len(epochs)
    image, line = frames.moving[0], frames.moving[1]
    grid = b.grid_of(result, 90)
    for i, epoch in enumerate(epochs):
        frames.update(i)
        np.testing.assert_allclose(image.get_array(), b.surface_at(result, grid, epoch))
        caption = frames.moving[-1].get_text()
        assert f"epoch {epoch}" in caption
    # the last frame's boundary is the final one
    assert np.nanmax(np.abs(result.predict(np.column_stack(line.get_data())[
        ~np.isnan(line.get_data()[0])]) - 0.5)) < 0.05


def test_korean_figure_and_result_plot_draw_the_same_picture() -> None:
    figure = layered_figure(xor(), "ko")
    titles = [ax.get_title() for ax in figure.axes]
    assert any("결정 경계" in t for t in titles) and any("은닉층 1" in t for t in titles)
    assert picture_of(xor()).animation is not None


def test_train_layers_plot_and_animate_write_files(tmp_path: Path) -> None:
    from PIL import Image

    png, gif = tmp_path / "xor.png", tmp_path / "xor.gif"
    code, out, err = run("train", "--layers", "2,2,1", "--data", "example:xor", "--seed", "1",
                         "--epochs", "300", "--plot", str(png), "--animate", str(gif))
    assert code == 0, err
    assert "Figure written to" in err and "Animation written to" in err
    with Image.open(png) as still:
        assert still.size[0] > 600
    with Image.open(gif) as image:
        assert image.n_frames == len(b.frame_epochs(300))


def test_a_single_layer_still_has_its_own_picture_and_no_animation(tmp_path: Path) -> None:
    code, _, err = run("train", "--data", "example:xor", "--model", "sigmoid(w1*x1 + w2*x2 + b)",
                       "--epochs", "20", "--plot", str(tmp_path / "one.png"))
    assert code == 0 and (tmp_path / "one.png").stat().st_size > 1000, err
    code, _, err = run("train", "--data", "example:xor", "--model", "sigmoid(w1*x1 + w2*x2 + b)",
                       "--epochs", "20", "--animate", str(tmp_path / "one.gif"))
    assert code != 0 and "no animation" in err and "Traceback" not in err
