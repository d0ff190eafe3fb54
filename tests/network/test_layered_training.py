"""Training layered networks: XOR and circles learned, mini-batches, accuracy per epoch,
the result's API (weights per epoch, hidden outputs), gradient sizes, one sample explained."""

from __future__ import annotations

import numpy as np
import pytest

import nablab
from nablab.errors import DataError, HyperparameterError, ModelError, UsageError
from nablab.network import Dataset, LayeredResult, TrainResult, example
from nablab.network.layered import LayeredKernel, architecture, train_layered
from nablab.network.layered.backprop import forward


def test_xor_is_learned_four_of_four_with_2_2_1_at_the_defaults() -> None:
    result = nablab.train(data="example:xor", layers=[2, 2, 1], seed=1)
    assert isinstance(result, LayeredResult)
    assert result.accuracy == 1.0 and result.accuracies is not None
    assert result.accuracies[0] < 1.0 and result.final_loss < 0.2
    predicted = result.predict(example("xor").values[:, :2])
    assert ((predicted >= 0.5) == (example("xor").values[:, 2] == 1)).all()


def test_the_hidden_layer_makes_xor_linearly_separable() -> None:
    """In the hidden units' coordinates a⁽¹⁾, the output unit's line separates the classes."""
    result = nablab.train(data="example:xor", layers="2,2,1", seed=1)
    x, y = example("xor").values[:, :2], example("xor").values[:, 2]
    hidden = result.hidden(x)
    w, b = result.weights["W2"], result.weights["b2"]
    side = hidden @ w.T[:, 0] + b[0, 0]
    assert ((side >= 0) == (y == 1)).all()


def test_circles_need_the_hidden_layer() -> None:
    single = nablab.train("sigmoid(w1*x1 + w2*x2 + b)", "example:circles")
    layered = nablab.train(data="example:circles", layers=[2, 4, 1], lr=0.5)
    assert isinstance(single, TrainResult) and single.accuracy is not None
    assert single.accuracy < 0.75 and layered.accuracy == 1.0


def test_circles_and_sine_are_deterministic() -> None:
    first, second = example("circles"), example("circles")
    np.testing.assert_array_equal(first.values, second.values)
    assert first.values.shape == (200, 3) and first.columns == ("x1", "x2", "y")
    radius = np.hypot(first.values[:, 0], first.values[:, 1])
    assert ((radius < 1) == (first.values[:, 2] == 1)).all()
    sine = example("sine")
    assert sine.columns == ("x", "y") and sine.rows == 41


def test_regression_with_a_linear_output() -> None:
    result = nablab.train(data="example:sine", layers=[1, 8, 1], optimizer="adam", lr=0.05,
                          epochs=1500)
    assert result.network.output == "linear" and result.network.loss == "mse"
    assert result.accuracy is None and result.accuracies is None
    assert result.final_loss < 0.01


def test_mini_batches_are_seeded() -> None:
    def run(seed: int) -> LayeredResult:
        return nablab.train(data="example:circles", layers=[2, 4, 1], batch_size=16,
                            epochs=5, seed=seed, optimizer="adam", lr=0.01)

    first, second, other = run(3), run(3), run(4)
    np.testing.assert_array_equal(first.path, second.path)
    assert not np.array_equal(first.path, other.path)
    assert first.steps == 5 * 13 and first.batch_size == 16


def test_every_epoch_is_kept_for_pictures() -> None:
    result = nablab.train(data="example:xor", layers=[2, 3, 1], epochs=20, seed=2)
    assert result.path.shape == (21, result.network.size)
    assert len(result.loss) == 21 and result.accuracies is not None and \
        len(result.accuracies) == 21
    start = result.weights_at(0)
    assert start["W1"].shape == (3, 2) and start["b1"].shape == (3, 1)
    assert np.all(start["b1"] == 0)
    for key, value in result.weights_at().items():
        np.testing.assert_array_equal(value, result.weights[key])
    grid = np.array([[0.0, 0.0], [0.5, 0.5], [2.0, -1.0]])
    np.testing.assert_allclose(result.predict(grid, 0),
                               forward(result.network, result.path[0], grid).output)
    assert result.hidden(grid, 1, 5).shape == (3, 3)


def test_loss_per_epoch_is_the_loss_at_each_theta() -> None:
    result = nablab.train(data="example:circles", layers=[2, 3, 1], epochs=10,
                          optimizer="momentum", lr=0.1)
    kernel = LayeredKernel(result.network)
    rows = np.ascontiguousarray(example("circles").values)
    for k in (0, 4, 10):
        assert result.loss[k] == pytest.approx(kernel(result.path[k], rows)[0], rel=1e-12)


def test_vanishing_gradients_in_a_deep_sigmoid_network() -> None:
    result = nablab.train(data="example:sine", layers=[1, 1, 1, 1, 1, 1],
                          activation="sigmoid", seed=1, epochs=1)
    sizes = result.gradient_sizes
    assert [s.layer for s in sizes] == [1, 2, 3, 4, 5]
    assert [s.bound for s in sizes] == [0.25**4, 0.25**3, 0.25**2, 0.25, 1.0]
    assert all(s.slope is not None and 0 < s.slope <= 0.25 for s in sizes[:-1])
    assert sizes[0].weight < sizes[-1].weight / 20
    tanh = nablab.train(data="example:sine", layers=[1, 1, 1, 1, 1, 1], activation="tanh",
                        seed=1, epochs=1)
    assert all(s.bound == 1.0 for s in tanh.gradient_sizes)
    relu = nablab.train(data="example:sine", layers=[1, 1, 1, 1, 1, 1], activation="relu",
                        seed=2, epochs=1)
    assert len(relu.gradient_sizes) == 5


def test_gradient_sizes_are_the_norms_of_the_gradient_at_the_start() -> None:
    result = nablab.train(data="example:circles", layers=[2, 4, 3, 1], epochs=1, seed=5)
    _, grad = LayeredKernel(result.network)(result.path[0],
                                            np.ascontiguousarray(example("circles").values))
    pairs = result.network.unpack(grad)
    for size, (weight, bias) in zip(result.gradient_sizes, pairs, strict=True):
        assert size.weight == pytest.approx(np.linalg.norm(weight), rel=1e-12)
        assert size.bias == pytest.approx(np.linalg.norm(bias), rel=1e-12)


def test_explained_sample_is_its_term_of_the_mean_gradient() -> None:
    data = example("xor")
    net = architecture([2, 2, 1])
    traces = [nablab.train(data=data, layers=[2, 2, 1], seed=1, epochs=1,
                           explain_sample=k).explained for k in (1, 2, 3, 4)]
    result = nablab.train(data=data, layers=[2, 2, 1], seed=1, epochs=1)
    _, grad = LayeredKernel(net)(result.path[0], np.ascontiguousarray(data.values))
    mean = [np.mean([t.weights[i] for t in traces if t is not None], axis=0) for i in (0, 1)]
    pairs = net.unpack(grad)
    np.testing.assert_allclose(mean[0], pairs[0][0], rtol=1e-12)
    np.testing.assert_allclose(mean[1], pairs[1][0], rtol=1e-12)
    second = traces[1]
    assert second is not None and second.index == 2 and second.y == 1.0
    np.testing.assert_array_equal(second.x, [0.0, 1.0])
    # δ⁽¹⁾ = (W⁽²⁾ᵀδ⁽²⁾) ⊙ g′(z⁽¹⁾), ∂ℓ/∂W⁽¹⁾ = δ⁽¹⁾a⁽⁰⁾ᵀ
    np.testing.assert_allclose(second.delta[0], second.back[0] * second.slopes[0])
    np.testing.assert_allclose(second.weights[0], np.outer(second.delta[0], second.x))


@pytest.mark.parametrize(("settings", "error", "kind"), [
    ({"layers": "0,1"}, HyperparameterError, "bad_layers"),
    ({"layers": "2,-1,1"}, HyperparameterError, "bad_layers"),
    ({"layers": [2, True, 1]}, HyperparameterError, "bad_layers"),
    ({"layers": "2,x,1"}, HyperparameterError, "bad_layers"),
    ({"layers": "2"}, HyperparameterError, "bad_layers"),
    ({"layers": ",".join(["2"] * 10_000)}, HyperparameterError, "bad_layers"),
    ({"layers": "2,100000000,1"}, HyperparameterError, "bad_layers"),
    ({"layers": "2,1000,1000,1000,1"}, HyperparameterError, "layered_too_many_parameters"),
    ({"layers": "2,2,2"}, HyperparameterError, "layered_output_width"),
    ({"layers": "3,2,1"}, ModelError, "layered_inputs"),
    ({"layers": "2,2,1", "activation": "softmax"}, HyperparameterError, "bad_activation"),
    ({"layers": "2,2,1", "output": "linear", "loss": "bce"}, HyperparameterError,
     "layered_bce_needs_sigmoid"),
    ({"layers": "2,2,1", "explain_sample": 5}, HyperparameterError, "bad_sample"),
    ({"layers": "2,2,1", "explain_sample": 0}, HyperparameterError, "bad_sample"),
    ({"layers": "2,2,1", "model": "w*x1"}, UsageError, "layered_with_model"),
    ({"layers": "2,2,1", "start": "w=1"}, UsageError, "layered_no_start"),
    ({"model": "w*x1", "activation": "tanh"}, UsageError, "layered_only"),
])
def test_bad_settings_are_named_errors(settings: dict[str, object], error: type,
                                       kind: str) -> None:
    with pytest.raises(error) as info:
        nablab.train(data=settings.pop("data", "example:xor"), **settings)  # type: ignore[arg-type]
    assert info.value.kind == kind
    assert info.value.message("en") and info.value.message("ko")


def test_size_caps_bound_memory_and_work() -> None:
    wide = Dataset(("x1", "x2", "y"), np.zeros((100_000, 3)))
    with pytest.raises(HyperparameterError) as info:
        train_layered(wide, "2,64,1", epochs=1)
    assert info.value.kind == "layered_too_large"
    rows = Dataset(("x1", "x2", "y"), np.zeros((10_000, 3)))
    with pytest.raises(HyperparameterError) as info:
        train_layered(rows, "2,64,64,1", epochs=1500)
    assert info.value.kind == "layered_too_much_work"


def test_bce_needs_targets_in_the_unit_interval() -> None:
    data = Dataset(("x1", "y"), np.array([[0.0, 0.0], [1.0, 2.0]]))
    with pytest.raises(DataError):
        train_layered(data, "1,2,1", loss="bce")
    assert train_layered(data, "1,2,1", epochs=3).network.output == "linear"


def test_divergence_is_a_status() -> None:
    result = nablab.train(data="example:sine", layers=[1, 8, 1], lr=100.0, epochs=200)
    assert result.status == "diverged"
    assert np.isfinite(result.loss).all() and np.isfinite(result.path).all()
