"""The loss surface sampled for figures, the training figure, and the tour chapter."""

from __future__ import annotations

import os

import numpy as np
import pytest

from nablab.cli.tour import CHAPTERS
from nablab.cli.tour.network import chapter
from nablab.network import bind, example, train
from nablab.network import surface as surface_module
from nablab.network.examples import LINEAR_WEIGHTS
from nablab.network.kernel import Kernel, block
from nablab.network.surface import loss_curve, loss_grid

os.environ.setdefault("MPLBACKEND", "Agg")


def test_loss_grid_equals_the_kernel_point_by_point(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(surface_module, "CELLS", 60)  # several bands
    data = example("logistic")
    model = bind("sigmoid(w1*x1 + w2*x2 + b)", data.columns, "y")
    rows, kernel = block(model, data), Kernel(model)
    scratch = kernel.block(data)
    a, b = np.linspace(-1, 4, 4), np.linspace(-3, 1, 3)
    theta = [0.5, 0.0, 0.0]
    z = loss_grid(model, rows, theta, (1, 2), a, b)
    expected = [[kernel(np.array([0.5, u, v]), scratch)[0] for u in a] for v in b]
    np.testing.assert_allclose(z, expected, rtol=1e-12)
    curve = loss_curve(model, rows, theta, 0, a)
    np.testing.assert_allclose(curve, [kernel(np.array([u, 0.0, 0.0]), scratch)[0] for u in a],
                               rtol=1e-12)


def test_two_weight_surface_is_the_notes_bowl() -> None:
    """ŷ = w₁x₁ + w₂x₂ on the linear example: L = ½(w₁ − 2)² + ½(w₂ + 3)² (E[x²] = ½)."""
    data = example("linear")
    model = bind("w1*x1 + w2*x2", data.columns, "y")
    a, b = np.linspace(0, 4, 5), np.linspace(-5, -1, 5)
    z = loss_grid(model, block(model, data), [0.0, 0.0], (0, 1), a, b)
    w1, w2 = LINEAR_WEIGHTS
    np.testing.assert_allclose(z, 0.5 * (a[None, :] - w1) ** 2 + 0.5 * (b[:, None] - w2) ** 2,
                               atol=1e-12)


@pytest.mark.parametrize("model", ["w1*x1 + w2*x2", "sigmoid(w1*x1 + w2*x2 + b)", "w*x1"])
def test_training_figure_builds(model: str) -> None:
    from nablab.plot.network import moved_most, training_figure

    data = example("xor") if "sigmoid" in model else example("linear")
    result = train(model, data, epochs=30, lr=0.3)
    figure = training_figure(result, data, "en")
    panels = len(figure.axes)
    assert panels >= 2
    if result.path.shape[1] >= 2:
        assert moved_most(result)[0] < moved_most(result)[1]


def test_graph_layout_puts_inputs_first() -> None:
    from nablab.network.graph import graph
    from nablab.plot.graph import depths, layout

    result = graph("sigmoid(w*x + b)", "w=2,x=1,b=-1")
    depth = depths(result.nodes)
    assert [depth[n] for n in ("b", "w", "x", "v1", "v2", "v3")] == [0, 0, 0, 1, 2, 3]
    place = layout(result.nodes)
    assert place["v3"][0] > place["v2"][0] > place["v1"][0] > place["w"][0]


def test_tour_chapter_is_computed() -> None:
    assert chapter in CHAPTERS
    ch = chapter("en")
    assert ch.key == "network"
    assert ch.data["first_step"] == pytest.approx([0.2, -0.3])
    assert ch.data["weights"] == pytest.approx({"w1": 2.0, "w2": -3.0})
    assert ch.data["neuron_partials"] == {"x": "w", "w": "x", "b": "1"}
    assert ch.data["sigmoid_slope"] == pytest.approx(0.19661193324148185, rel=1e-14)
    assert ch.data["xor"]["accuracy"] <= 0.75 and ch.data["logistic"]["accuracy"] > 0.85
    text = " ".join(line for _, line in ch.lines)
    assert "σ' = σ(1 − σ)" in text and "θ₁ = (0, 0) − 0.1·(−2, 3) = (0.2, −0.3)" in text
    korean = chapter("ko")
    assert korean.title.startswith("단일 층 신경망")
