"""Chunks of a block on two threads: every chunk once, sums the same to the bit."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from nablab.network import Dataset, bind
from nablab.network import kernel as kernel_module
from nablab.network.kernel import Kernel, chunks
from nablab.numeric import parallel
from nablab.numeric.parallel import each, lanes

TANH_NET = " + ".join(f"v{i}*tanh(a{i}*x1 + c{i}*x2 + b{i})" for i in range(1, 5)) + " + d"


def data(n: int) -> Dataset:
    rng = np.random.default_rng(3)
    x = rng.uniform(-2, 2, size=(n, 2))
    return Dataset(("x1", "x2", "y"), np.column_stack([x, np.sin(x[:, 0]) * x[:, 1]]))


def test_every_index_once_on_at_most_two_lanes() -> None:
    seen: list[tuple[int, int, str]] = []
    lock = threading.Lock()

    def task(index: int, lane: int) -> None:
        time.sleep(0.001)
        with lock:
            seen.append((index, lane, threading.current_thread().name))

    each(task, 40)
    assert sorted(i for i, _, _ in seen) == list(range(40))
    assert {lane for _, lane, _ in seen} <= {0, 1}
    # a lane is one thread
    assert all(len({name for _, lane, name in seen if lane == k}) <= 1 for k in (0, 1))


def test_errors_of_the_worker_reach_the_caller() -> None:
    def task(index: int, lane: int) -> None:
        if index == 7:
            raise ZeroDivisionError("chunk 7")

    with pytest.raises(ZeroDivisionError, match="chunk 7"):
        each(task, 12)
    each(lambda index, lane: None, 3)       # the worker is still usable


def test_called_from_the_worker_it_runs_there() -> None:
    inner: list[int] = []

    def task(index: int, lane: int) -> None:
        if lane == 1:
            each(lambda i, k: inner.append(k), 4)

    if lanes() < 2:
        pytest.skip("one core")
    each(lambda index, lane: time.sleep(0.002) or task(index, lane), 20)
    assert set(inner) <= {0}


@pytest.mark.parametrize("n", [1, 2047, 2048, 2049, 4096, 5000, 10_000, 100_001])
def test_chunks_cover_the_block_evenly(n: int) -> None:
    bounds = chunks(n)
    assert bounds[0][0] == 0 and bounds[-1][1] == n
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:], strict=False))
    sizes = [stop - start for start, stop in bounds]
    assert max(sizes) <= kernel_module.CHUNK and max(sizes) - min(sizes) <= 1
    assert len(bounds) == 1 or len(bounds) % 2 == 0


def test_thread_count_and_timing_do_not_change_the_bits(monkeypatch: pytest.MonkeyPatch) -> None:
    """10,000 rows (6 chunks): one thread, two threads, and chunks evaluated in a shuffled
    order with random delays all give the same loss and gradient, to the bit."""
    kernel = Kernel(bind(TANH_NET, ("x1", "x2", "y"), "y"))
    rows = kernel.block(data(10_000))
    theta = np.random.default_rng(8).normal(0, 0.7, size=kernel.p)
    monkeypatch.setattr(parallel, "MAX_LANES", 1)
    one = kernel(theta, rows)
    monkeypatch.setattr(parallel, "MAX_LANES", 2)
    results = [kernel(theta, rows) for _ in range(5)]

    def shuffled(task, count):  # type: ignore[no-untyped-def]
        order = np.random.default_rng(count).permutation(count)
        threads = [threading.Thread(target=lambda i=i, k=k: (time.sleep(0.001 * (k % 3)),
                                                             task(int(i), k % 2)))
                   for k, i in enumerate(order)]
        for t in threads[::2]:
            t.start()
            t.join()
        for t in threads[1::2]:
            t.start()
            t.join()

    monkeypatch.setattr(kernel_module, "each", shuffled)
    results.append(kernel(theta, rows))
    for loss, grad in results:
        assert loss == one[0]
        np.testing.assert_array_equal(grad, one[1])


def test_chunked_means_match_numpy_on_the_whole_block() -> None:
    """The chunked, threaded sums against the mean of every row's partials at once."""
    kernel = Kernel(bind(TANH_NET, ("x1", "x2", "y"), "y"))
    dataset = data(9_000)
    theta = np.random.default_rng(9).normal(0, 0.7, size=kernel.p)
    loss, grad = kernel(theta, kernel.block(dataset))
    x1, x2, y = dataset.values.T
    names = kernel.model.parameter_names
    value = dict(zip(names, theta, strict=True))
    h = [np.tanh(value[f"a{i}"] * x1 + value[f"c{i}"] * x2 + value[f"b{i}"]) for i in range(1, 5)]
    residual = sum(value[f"v{i}"] * h[i - 1] for i in range(1, 5)) + value["d"] - y
    assert loss == pytest.approx(np.mean(residual ** 2), rel=1e-13)
    assert grad[names.index("d")] == pytest.approx(np.mean(2 * residual), rel=1e-12, abs=1e-15)
    assert grad[names.index("v2")] == pytest.approx(np.mean(2 * residual * h[1]), rel=1e-12)


def test_layered_backprop_on_two_threads_is_the_same_to_the_bit(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """5,000 rows of a 2-16-16-1 network (past backprop.CHUNK: 6 chunks): one thread or two,
    the same bits; and the whole block in one pass agrees to rounding."""
    from nablab.network.layered import backprop
    from nablab.network.layered.architecture import architecture
    from nablab.network.layered.backprop import LayeredKernel

    net = architecture([2, 16, 16, 1])
    rng = np.random.default_rng(4)
    x = rng.uniform(-2, 2, size=(5_000, 2))
    rows = np.ascontiguousarray(np.column_stack([x, (np.hypot(*x.T) < 1).astype(float)]))
    theta = net.initial(rng)
    monkeypatch.setattr(parallel, "MAX_LANES", 1)
    one = LayeredKernel(net)(theta, rows)
    monkeypatch.setattr(parallel, "MAX_LANES", 2)
    for _ in range(3):
        two = LayeredKernel(net)(theta, rows)
        assert two[0] == one[0]
        np.testing.assert_array_equal(two[1], one[1])
    monkeypatch.setattr(backprop, "CHUNK", 10**9)
    whole = LayeredKernel(net)(theta, rows)
    assert whole[0] == pytest.approx(one[0], rel=1e-13)
    np.testing.assert_allclose(whole[1], one[1], rtol=1e-11, atol=1e-15)
