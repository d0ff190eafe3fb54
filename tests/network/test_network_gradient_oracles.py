"""∂L/∂θ against independent oracles: sympy.diff, central differences, backprop by hand."""

from __future__ import annotations

import numpy as np
import pytest
import sympy

from nablab.core.functions import sigmoid
from nablab.network import Dataset, bind
from nablab.network import kernel as kernel_module
from nablab.network.kernel import Kernel
from nablab.numeric.finite_diff import central_gradient

RNG = np.random.default_rng(7)
X = np.round(RNG.uniform(-1.5, 1.5, size=(12, 2)), 3)
REGRESSION = Dataset(("x1", "x2", "y"), np.column_stack([X, np.sin(X[:, 0]) - X[:, 1]]))
LABELS = Dataset(("x1", "x2", "y"), np.column_stack([X, (X[:, 0] > X[:, 1]).astype(float)]))
TANH_NET = "v1*tanh(a1*x1 + c1*x2 + b1) + v2*tanh(a2*x1 + c2*x2 + b2) + " \
           "v3*tanh(a3*x1 + c3*x2 + b3) + d"

CASES = [
    ("w1*x1 + w2*x2 + b", REGRESSION, None),
    ("sigmoid(w1*x1 + w2*x2 + b)", LABELS, None),
    ("sigmoid(w1*x1 + w2*x2 + b)", REGRESSION, "mse"),
    ("w1*x1^2 + exp(w2*x2) + b", REGRESSION, None),
    (TANH_NET, REGRESSION, None),
    ("relu(w1*x1 + w2*x2) + b", REGRESSION, None),
]


def loss_and_gradient(model: str, data: Dataset, loss: str | None,
                      theta: np.ndarray) -> tuple[Kernel, float, np.ndarray]:
    kernel = Kernel(bind(model, data.columns, "y", loss))
    value, gradient = kernel(theta, kernel.block(data))
    return kernel, value, gradient


@pytest.mark.parametrize(("model", "data", "loss"), CASES)
def test_gradient_against_central_differences(model: str, data: Dataset,
                                              loss: str | None) -> None:
    bound = bind(model, data.columns, "y", loss)
    theta = np.random.default_rng(1).normal(0, 0.7, size=len(bound.parameters))
    kernel, _, gradient = loss_and_gradient(model, data, loss, theta)
    rows = kernel.block(data)
    numeric = central_gradient(lambda *t: kernel(np.array(t), rows)[0], theta)
    np.testing.assert_allclose(gradient, numeric, rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize(("model", "data", "loss"), CASES[:5])
def test_symbolic_partials_equal_sympy_diff_of_the_loss(model: str, data: Dataset,
                                                        loss: str | None) -> None:
    bound = bind(model, data.columns, "y", loss)
    sample = bound.sample_loss()
    for theta, partial in zip(bound.parameters, bound.gradients(), strict=True):
        expected = sympy.diff(sample, theta)
        difference = (expected - partial).rewrite(sympy.exp) if sample.has(sympy.exp) or \
            partial.has(sigmoid) else expected - partial
        point = {s: sympy.Rational(k + 2, 7) for k, s in enumerate(sorted(
            difference.free_symbols, key=lambda s: s.name))}
        assert abs(float(difference.xreplace(point).evalf(30))) < 1e-25


def test_tanh_network_against_backprop_written_by_hand() -> None:
    """A 2-3-1 tanh network: forward pass, then ∂L/∂ŷ, ∂L/∂z = ∂L/∂ŷ·v·(1 − h²) by hand."""
    bound = bind(TANH_NET, REGRESSION.columns, "y")
    names = bound.parameter_names
    theta = np.random.default_rng(2).normal(0, 0.7, size=len(names))
    _, value, gradient = loss_and_gradient(TANH_NET, REGRESSION, None, theta)
    p = dict(zip(names, theta, strict=True))
    a, b, c, v = (np.array([p[f"{k}{i}"] for i in (1, 2, 3)]) for k in "abcv")
    x1, x2, y = REGRESSION.values.T
    h = np.tanh(np.outer(x1, a) + np.outer(x2, c) + b)
    out = h @ v + p["d"]
    e = 2 * (out - y) / len(y)
    dz = np.outer(e, v) * (1 - h**2)
    hand = {"d": e.sum(), **{f"v{i + 1}": (e @ h)[i] for i in range(3)},
            **{f"a{i + 1}": (x1 @ dz)[i] for i in range(3)},
            **{f"c{i + 1}": (x2 @ dz)[i] for i in range(3)},
            **{f"b{i + 1}": dz.sum(axis=0)[i] for i in range(3)}}
    np.testing.assert_allclose(gradient, [hand[n] for n in names], rtol=1e-12, atol=1e-15)
    assert value == pytest.approx(np.mean((out - y) ** 2), rel=1e-13)


def test_logistic_gradient_is_sigma_minus_y_times_x() -> None:
    theta = np.array([0.3, -1.2, 0.8])  # b, w1, w2
    _, value, gradient = loss_and_gradient("sigmoid(w1*x1 + w2*x2 + b)", LABELS, None, theta)
    x1, x2, y = LABELS.values.T
    z = theta[0] + theta[1] * x1 + theta[2] * x2
    p = 1 / (1 + np.exp(-z))
    np.testing.assert_allclose(gradient, [np.mean(p - y), np.mean((p - y) * x1),
                                          np.mean((p - y) * x2)], rtol=1e-12)
    bce = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    assert value == pytest.approx(bce, rel=1e-12)


def test_numpy_backend_agrees_with_llvm(monkeypatch: pytest.MonkeyPatch) -> None:
    theta = np.random.default_rng(3).normal(size=13)
    llvm = Kernel(bind(TANH_NET, REGRESSION.columns, "y"))
    monkeypatch.setattr(kernel_module, "_llvm", lambda model: None)
    plain = Kernel(bind(TANH_NET, REGRESSION.columns, "y"))
    assert (llvm.backend, plain.backend) == ("llvm", "numpy")
    one = llvm(theta, llvm.block(REGRESSION))
    two = plain(theta, plain.block(REGRESSION))
    assert one[0] == pytest.approx(two[0], rel=1e-13)
    np.testing.assert_allclose(one[1], two[1], rtol=1e-11, atol=1e-14)


def test_relu_falls_back_to_numpy() -> None:
    assert Kernel(bind("relu(w*x1) + b", ("x1", "y"), "y")).backend == "numpy"


def test_huge_logits_stay_finite() -> None:
    data = Dataset(("x", "y"), np.array([[1000.0, 0.0], [-1000.0, 1.0], [1000.0, 1.0]]))
    for loss in ("bce", "mse"):
        kernel = Kernel(bind("sigmoid(w*x)", data.columns, "y", loss))
        value, gradient = kernel(np.array([5.0]), kernel.block(data))
        assert np.isfinite(value) and np.isfinite(gradient).all()
    kernel = Kernel(bind("sigmoid(w*x)", data.columns, "y"))
    value, gradient = kernel(np.array([5.0]), kernel.block(data))
    assert value == pytest.approx((5000 + 5000) / 3)
    assert gradient[0] == pytest.approx((1000 + 1000) / 3)


def test_bad_block_shape_is_refused() -> None:
    kernel = Kernel(bind("w*x1", ("x1", "y"), "y"))
    with pytest.raises(ValueError):
        kernel(np.zeros(1), np.zeros((3, 5)))


@pytest.mark.parametrize("model", [
    "w1*log(1 + exp(sin(w2*x1) + x2)) + cos(b*x2)",
    "sigmoid(w1*tanh(w2*x1 + b) + w3*x2)",
    "w1*exp(tanh(w2*x1 + 3*tanh(w3*x2))) + b*x2",
])
def test_staged_path_agrees_with_one_piece(model: str,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Large blocks move exp/log/sin/… to NumPy (nested functions: several stages), and tanh
    with them (through NumPy's exp); the staged chunks (CHUNK = 5 here) on two threads."""
    kernel = Kernel(bind(model, REGRESSION.columns, "y"))
    assert kernel.width > len(kernel.model.parameters) + 3
    theta = np.random.default_rng(4).normal(0, 0.8, size=kernel.p)
    monkeypatch.setattr(kernel_module, "STAGED_CALLS", 10**9)
    one = kernel(theta, kernel.block(REGRESSION))
    monkeypatch.setattr(kernel_module, "STAGED_CALLS", 1)
    monkeypatch.setattr(kernel_module, "CHUNK", 5)
    staged = kernel(theta, kernel.block(REGRESSION))
    assert staged[0] == pytest.approx(one[0], rel=1e-13)
    np.testing.assert_allclose(staged[1], one[1], rtol=1e-12, atol=1e-15)
    rows = kernel.block(REGRESSION)
    numeric = central_gradient(lambda *t: kernel(np.array(t), rows)[0], theta)
    np.testing.assert_allclose(staged[1], numeric, rtol=1e-6, atol=1e-8)


def test_hoisting_orders_nested_functions() -> None:
    import symengine

    from nablab.network.staged import hoist

    x, w = symengine.symbols("x w")
    hoisted, rewritten = hoist([symengine.log(1 + symengine.exp(symengine.sin(w * x))) * w])
    assert [(h.kind, h.level) for h in hoisted] == [("sin", 1), ("exp", 2), ("log", 3)]
    assert rewritten[0].free_symbols == {w, hoisted[2].symbol}


def test_llvm_arguments_cannot_be_shadowed_by_cse_temporaries() -> None:
    """SymEngine's CSE names temporaries x0, x1, …: an unused argument ``x1`` must not clash."""
    import symengine

    from nablab.network.staged import llvm

    a, x1, x2 = symengine.symbols("a x1 x2")
    outputs = [symengine.sin(a * x2) * symengine.cos(a * x2) + (a * x2) ** 2,
               symengine.sin(a * x2)]
    values = llvm([a, x1, x2], outputs)(np.array([0.7, 5.0, 0.3]))
    u = 0.7 * 0.3
    np.testing.assert_allclose(values, [np.sin(u) * np.cos(u) + u * u, np.sin(u)], rtol=1e-15)


@pytest.mark.parametrize("model", [TANH_NET, "sigmoid(w1*x1 + w2*x2 + b)"])
def test_chunked_blocks_give_the_means_of_the_whole(model: str,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Large blocks are averaged a cache-sized chunk at a time (uneven last chunk too): the
    loss and gradient are the whole block's, as NumPy's mean of every row's partials."""
    kernel = Kernel(bind(model, REGRESSION.columns, "y"))
    theta = np.random.default_rng(5).normal(0, 0.8, size=kernel.p)
    whole = kernel(theta, kernel.block(REGRESSION))
    monkeypatch.setattr(kernel_module, "CHUNK", 5)          # 12 rows: 5 + 5 + 2
    chunked = kernel(theta, kernel.block(REGRESSION))
    assert chunked[0] == pytest.approx(whole[0], rel=1e-14)
    np.testing.assert_allclose(chunked[1], whole[1], rtol=1e-13, atol=1e-16)
    rows = kernel.block(REGRESSION)
    numeric = central_gradient(lambda *t: kernel(np.array(t), rows)[0], theta)
    np.testing.assert_allclose(chunked[1], numeric, rtol=1e-6, atol=1e-8)


def test_staged_loops_compiled_on_first_use_or_never(monkeypatch: pytest.MonkeyPatch) -> None:
    """Building a kernel compiles the one-piece loop only; a block that goes the staged way
    compiles the stages, and if SymEngine could not, the one-piece loop serves it."""
    kernel = Kernel(bind("w1*exp(tanh(w2*x1 + b)) + w3*x2", REGRESSION.columns, "y"))
    theta = np.random.default_rng(6).normal(0, 0.8, size=kernel.p)
    one = kernel(theta, kernel.block(REGRESSION))
    assert kernel._final is None
    monkeypatch.setattr(kernel_module, "STAGED_CALLS", 1)
    assert kernel.staged(12)

    def refuse() -> None:
        raise RuntimeError("no LLVM today")

    monkeypatch.setattr(kernel, "_staging", refuse)
    fallback = kernel(theta, kernel.block(REGRESSION))
    assert not kernel.staged(12)
    assert fallback[0] == pytest.approx(one[0], rel=1e-14)
    np.testing.assert_allclose(fallback[1], one[1], rtol=1e-13, atol=1e-16)


def test_a_tanh_network_has_no_stages() -> None:
    """tanh compiled into the loop beats a NumPy stage on one thread and on two (the
    one-piece loop 10–20% faster at 10,000 and 100,000 rows), so a model whose only
    functions are tanh gets no scratch columns and never goes the staged way."""
    kernel = Kernel(bind(TANH_NET, REGRESSION.columns, "y"))
    assert kernel.width == kernel.p + 3
    assert not kernel.staged(10**6)
