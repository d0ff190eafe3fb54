"""Full-batch training shares a large block with a forked helper: the same sums to the bit as
one process, a helper that dies or fails is replaced by this process, and it never outlives
the loop or the job's budget. Either process evaluates its chunks a group of rows at a time:
the mean over every row, as the one-row loop gives it."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import numpy as np
import pytest

from nablab.budget import Budget, within
from nablab.budget import helper as helper_module
from nablab.network import halves as halves_module
from nablab.network import kernel as kernel_module
from nablab.network.data import Dataset
from nablab.network.halves import Halves, fixed_block
from nablab.network.kernel import Kernel
from nablab.network.model import bind
from nablab.network.train import train
from nablab.numeric import parallel

X = np.random.default_rng(11).uniform(-2, 2, size=(40, 2))
DATA = Dataset(("x1", "x2", "y"), np.column_stack([X, np.sin(X[:, 0]) * X[:, 1]]))
TANH_NET = "v1*tanh(a1*x1 + c1*x2 + b1) + v2*tanh(a2*x1 + c2*x2 + b2) + d"
#: exp and sin go to NumPy stages: the helper runs those too (compiled before the fork).
STAGED = "w1*exp(sin(w2*x1) + tanh(w3*x2)) + b"


def _gone(pid: int) -> bool:
    """Whether process ``pid`` has ended (reaped, or a zombie nobody reaped yet)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] == "Z"
    except FileNotFoundError:
        return True


@pytest.fixture(autouse=True)
def _small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """40 rows in 8 chunks of 5 (a group of 4 and one row left): the helper evaluates
    chunks 4–7."""
    monkeypatch.setattr(kernel_module, "CHUNK", 5)
    monkeypatch.setattr(halves_module, "lanes", lambda: 2)


@pytest.mark.parametrize(("model", "staged_calls"), [(TANH_NET, 640), (STAGED, 1)])
def test_the_same_sums_to_the_bit_as_one_process(model: str, staged_calls: int,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kernel_module, "STAGED_CALLS", staged_calls)
    kernel = Kernel(bind(model, DATA.columns, "y"))
    rows = kernel.block(DATA)
    halves = Halves(kernel, rows)
    one = Halves(kernel, kernel.block(DATA), helper=False)
    try:
        assert halves.helper is not None and one.helper is None
        assert halves.staged == (model == STAGED)
        assert (halves.grouped is None) == (model == STAGED)
        for seed in range(3):
            theta = np.random.default_rng(seed).normal(0, 0.8, size=kernel.p)
            loss, grad = halves(theta, rows)
            alone = one(theta, one.rows)
            assert loss == alone[0]
            assert np.array_equal(grad, alone[1])
            assert halves.counts[1] == halves.counts[0] == seed + 1  # the helper answered
        # and the sums are the mean over every row, computed another way
        theta = np.random.default_rng(7).normal(0, 0.8, size=kernel.p)
        one_piece = Kernel(bind(model, DATA.columns, "y"))
        monkeypatch.setattr(kernel_module, "CHUNK", 10**6)
        whole = one_piece(theta, one_piece.block(DATA))
        np.testing.assert_allclose(halves(theta, rows)[1], whole[1], rtol=1e-13, atol=1e-15)
    finally:
        halves.close()


def test_another_block_is_evaluated_by_the_kernel() -> None:
    kernel = Kernel(bind(TANH_NET, DATA.columns, "y"))
    rows = kernel.block(DATA)
    halves = Halves(kernel, rows)
    try:
        theta = np.full(kernel.p, 0.3)
        other = kernel.block(Dataset(DATA.columns, DATA.values[:7]))
        assert halves(theta, other)[0] == kernel(theta, kernel.block(
            Dataset(DATA.columns, DATA.values[:7])))[0]
        assert halves.counts[0] == 0   # the helper was not asked
    finally:
        halves.close()


def test_a_killed_helper_is_replaced_by_this_process() -> None:
    kernel = Kernel(bind(TANH_NET, DATA.columns, "y"))
    rows = kernel.block(DATA)
    halves = Halves(kernel, rows)
    theta = np.random.default_rng(1).normal(0, 0.8, size=kernel.p)
    one = Halves(kernel, kernel.block(DATA), helper=False)
    expected = one(theta, one.rows)
    assert halves.helper is not None
    pid = halves.helper.pid
    os.kill(pid, signal.SIGKILL)
    loss, grad = halves(theta, rows)
    assert halves.helper is None and _gone(pid)
    assert loss == expected[0] and np.array_equal(grad, expected[1])
    assert halves(theta, rows)[0] == expected[0]   # and goes on alone


def test_a_failing_helper_is_replaced_by_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    kernel = Kernel(bind(TANH_NET, DATA.columns, "y"))
    rows = kernel.block(DATA)
    theta = np.random.default_rng(2).normal(0, 0.8, size=kernel.p)
    one = Halves(kernel, kernel.block(DATA), helper=False)
    expected = one(theta, one.rows)
    parent, real = os.getpid(), kernel.chunk_means

    def failing_in_the_helper(*args: object, **kwargs: object) -> np.ndarray:
        if os.getpid() != parent:
            raise MemoryError
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(kernel, "chunk_means", failing_in_the_helper)  # the rows left over
    halves = Halves(kernel, rows)
    assert halves.helper is not None
    loss, grad = halves(theta, rows)
    assert halves.helper is None
    assert loss == expected[0] and np.array_equal(grad, expected[1])


def test_fixed_block_forks_only_where_it_pays(monkeypatch: pytest.MonkeyPatch) -> None:
    kernel = Kernel(bind(TANH_NET, DATA.columns, "y"))
    rows = kernel.block(DATA)
    with fixed_block(kernel, rows) as evaluate:       # 40 rows < ROWS
        assert evaluate is kernel
    monkeypatch.setattr(halves_module, "ROWS", 40)
    with fixed_block(kernel, rows) as evaluate:
        assert isinstance(evaluate, Halves) and evaluate.helper is not None
        pid = evaluate.helper.pid
    assert evaluate.helper is None and _gone(pid)     # ended and reaped with the loop
    monkeypatch.setattr(halves_module, "lanes", parallel.lanes)
    monkeypatch.setattr(parallel, "MAX_LANES", 1)      # a web worker: one lane each
    with fixed_block(kernel, rows) as evaluate:
        assert isinstance(evaluate, Halves) and evaluate.helper is None   # the same sums
    monkeypatch.setattr(halves_module, "lanes", lambda: 1)  # one core
    with fixed_block(kernel, rows) as evaluate:
        assert isinstance(evaluate, Halves) and evaluate.helper is None
    relu = Kernel(bind("w*relu(x1) + b", DATA.columns, "y"))   # NumPy code: threads do
    assert relu.backend == "numpy"
    monkeypatch.setattr(halves_module, "lanes", lambda: 2)
    with fixed_block(relu, relu.block(DATA)) as evaluate:
        assert evaluate is relu


@pytest.mark.parametrize("options", [{}, {"optimizer": "adam", "lr": 0.05},
                                     {"batch_size": 16}])
def test_training_is_the_same_run_with_or_without_the_helper(
        options: dict[str, object], monkeypatch: pytest.MonkeyPatch) -> None:
    forks: list[int] = []
    real = helper_module.fork_helper

    def counted(serve: object) -> object:
        made = real(serve)  # type: ignore[arg-type]
        forks.append(0 if made is None else made.pid)
        return made

    monkeypatch.setattr(halves_module, "fork_helper", counted)
    monkeypatch.setattr(halves_module, "ROWS", 40)
    shared = train(TANH_NET, DATA, epochs=60, seed=3, **options)  # type: ignore[arg-type]
    assert len(forks) == 1 and forks[0] > 0 and _gone(forks[0])
    monkeypatch.setattr(halves_module, "lanes", lambda: 1)
    alone = train(TANH_NET, DATA, epochs=60, seed=3, **options)  # type: ignore[arg-type]
    assert len(forks) == 1
    assert np.array_equal(shared.path, alone.path)
    assert np.array_equal(shared.loss, alone.loss)
    assert shared.status == alone.status and shared.steps == alone.steps
    monkeypatch.setattr(halves_module, "ROWS", 10**9)    # the one-row loop: other roundings
    one_row = train(TANH_NET, DATA, epochs=60, seed=3, **options)  # type: ignore[arg-type]
    np.testing.assert_allclose(one_row.path, shared.path, rtol=1e-10, atol=1e-12)


def test_the_helper_ends_with_the_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """Within a budget the helper arms the clock for what is left of it: it ends at the
    deadline, even if nobody closes it."""
    kernel = Kernel(bind(TANH_NET, DATA.columns, "y"))
    with within(Budget(0.5, None)):
        halves = Halves(kernel, kernel.block(DATA))
    assert halves.helper is not None
    pid = halves.helper.pid
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGALRM
    halves.helper = None


def test_the_helper_ends_when_this_side_closes_its_pipes() -> None:
    """A helper whose parent is gone (its pipe ends closed, as when the parent is killed)
    leaves its wait and exits by itself."""
    kernel = Kernel(bind(TANH_NET, DATA.columns, "y"))
    halves = Halves(kernel, kernel.block(DATA))
    assert halves.helper is not None
    pid = halves.helper.pid
    os.close(halves.helper.requests)
    os.close(halves.helper.replies)
    begun = time.monotonic()
    _, status = os.waitpid(pid, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    assert time.monotonic() - begun < 10
    halves.helper = None


@pytest.mark.parametrize("chunk", [3, 5, 9, 40])
def test_groups_give_the_mean_over_every_row(chunk: int,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Chunks of 3 (no whole group), 5 and 9 (rows left over) and 40: the grouped loop's
    means are the one-row loop's, and the gradient is L's (central differences)."""
    from nablab.network.grouped import GROUP, grouped

    monkeypatch.setattr(kernel_module, "CHUNK", chunk)
    kernel = Kernel(bind(TANH_NET, DATA.columns, "y"))
    rows = kernel.block(DATA)
    bounds = kernel_module.chunks(rows.shape[0])
    by_groups = grouped(kernel, rows, bounds)
    assert by_groups is not None and GROUP == 4
    theta = np.random.default_rng(9).normal(0, 0.8, size=kernel.p)
    for index, bound in enumerate(bounds):
        one_row = kernel.chunk_means(theta, kernel.block(DATA), bound, False)
        np.testing.assert_allclose(by_groups.chunk_means(theta, index), one_row,
                                   rtol=1e-13, atol=1e-15)
    halves = Halves(kernel, rows, helper=False)
    loss, grad = halves(theta, rows)
    step = 1e-6
    numeric = [(halves(theta + step * e, rows)[0] - halves(theta - step * e, rows)[0])
               / (2 * step) for e in np.eye(kernel.p)]
    np.testing.assert_allclose(grad, numeric, rtol=1e-6, atol=1e-8)
    assert loss == pytest.approx(kernel(theta, kernel.block(DATA))[0], rel=1e-13)


def test_staged_models_have_no_groups() -> None:
    kernel = Kernel(bind(STAGED, DATA.columns, "y"))
    assert kernel.grouped(4) is None
