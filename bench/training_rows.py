"""Training time per step against the number of rows: nablab, hand-written NumPy, torch (CPU).

The 2-8-1 tanh network of bench/network.py (33 parameters, typed as one formula), MSE,
full-batch gradient descent η = 0.1, float64 everywhere, at 200, 1,000, 10,000 and 100,000
rows, in one run:

- nablab: its training loop (``nablab.network.train.run``: the compiled per-sample partials
  averaged a cache-sized chunk at a time, from 8,192 rows half of the chunks in a forked
  helper process, the update, the loss after every epoch, the path). Each timed run
  includes its setup (the fork, the first copy-on-write pages, the helper's end): 300 steps,
  100 at 100,000 rows;
- hand NumPy: the forward and backward pass written out (bench/network.py's ``Hand``);
- torch: ``tanh(x W₁ + b₁) v + d``, ``loss.backward()``, ``torch.optim.SGD.step()``.

Target (issue 20): ≤ 1× hand NumPy and ≤ 1× torch at every size. It prints the table and
draws µs/step against rows into bench/training_rows.png; a missed target is printed, not
an error.

Run: python bench/training_rows.py [--quick]
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import network as bench_network  # bench/network.py: the model, its data, the hand loop  # noqa: E402

QUICK = "--quick" in sys.argv
SIZES = (200, 1_000, 10_000) if QUICK else (200, 1_000, 10_000, 100_000)
LR = 0.1
FIGURE = Path(__file__).resolve().parent / "training_rows.png"


def per_step(trainers: list[Callable[[int], Any] | None], rows: int) -> list[float]:
    """Seconds per step of each ``train(steps)`` (``nan`` for a missing one): the best of three
    runs of up to 300 steps, taken in turns, so that each meets the same machine (torch's
    threads, say, still spinning after its run)."""
    steps = max(5, min(300, 10_000_000 // rows))
    best = [float("inf") if train else float("nan") for train in trainers]
    for train in trainers:
        if train is not None:
            train(2)
    for _ in range(3):
        for index, train in enumerate(trainers):
            if train is not None:
                start = time.perf_counter()
                train(steps)
                best[index] = min(best[index], (time.perf_counter() - start) / steps)
    return best


def nablab_trainer(kernel: Any, theta: np.ndarray, rows: np.ndarray) -> Callable[[int], Any]:
    from nablab.network.train import run
    from nablab.optimize.optimizers import build

    opt = build("gd", LR).transformation

    def train(steps: int) -> np.ndarray:
        history = run(kernel, opt, theta, rows, steps, rows.shape[0], 0.0,
                      np.random.default_rng(0))
        return history.path[-1]

    return train


def hand_trainer(hand: Any, theta: np.ndarray) -> Callable[[int], np.ndarray]:
    def train(steps: int) -> np.ndarray:
        th = theta.copy()
        for _ in range(steps):
            th = th - LR * hand.grad(th)
        return th

    return train


def torch_trainer(x: np.ndarray, y: np.ndarray, theta: np.ndarray,
                  names: tuple[str, ...]) -> Callable[[int], Any] | None:
    try:
        import torch
    except ImportError:
        return None
    h = bench_network.H
    value = dict(zip(names, theta, strict=True))
    xs, ys = torch.tensor(x, dtype=torch.float64), torch.tensor(y, dtype=torch.float64)

    def tensor(values: list[float]) -> Any:
        return torch.tensor(values, dtype=torch.float64, requires_grad=True)

    def train(steps: int) -> Any:
        w1 = tensor([[value[f"a{i}"] for i in range(1, h + 1)],
                     [value[f"c{i}"] for i in range(1, h + 1)]])
        b1 = tensor([value[f"b{i}"] for i in range(1, h + 1)])
        v = tensor([value[f"v{i}"] for i in range(1, h + 1)])
        d = tensor([value["d"]])
        opt = torch.optim.SGD([w1, b1, v, d], lr=LR)
        for _ in range(steps):
            opt.zero_grad()
            loss = ((torch.tanh(xs @ w1 + b1) @ v + d - ys) ** 2).mean()
            loss.backward()
            opt.step()
        return v

    return train


def draw(table: dict[str, list[float]]) -> None:
    from matplotlib.figure import Figure

    figure = Figure(figsize=(6.4, 4.2), layout="constrained")
    axes = figure.add_subplot()
    for name, times in table.items():
        axes.loglog(SIZES[: len(times)], [t * 1e6 for t in times], marker="o", label=name)
    axes.set_xlabel("rows")
    axes.set_ylabel("µs per training step")
    axes.set_title("2-8-1 tanh network, full-batch gradient descent, float64")
    axes.grid(True, which="both", alpha=0.3)
    axes.legend()
    figure.savefig(FIGURE, dpi=110)


def main() -> None:
    import torch

    kernel = bench_network.nablab_build()
    names = kernel.model.parameter_names
    print(f"numpy {np.__version__}, torch {torch.__version__} ({torch.get_num_threads()} "
          f"threads), cores {os.cpu_count()}, loadavg {os.getloadavg()[0]:.2f}")
    print("2-8-1 tanh network, full-batch gd, time per step (best of 3)\n")
    print(f"{'rows':>8} {'nablab':>11} {'hand NumPy':>11} {'torch':>11} {'÷ NumPy':>8} "
          f"{'÷ torch':>8}  target ≤ 1× both")
    table: dict[str, list[float]] = {"nablab": [], "hand NumPy": [], "torch (CPU)": []}
    for n in SIZES:
        dataset = bench_network.data(n)
        x, y = dataset.values[:, :2], dataset.values[:, 2]
        theta = np.random.default_rng(1).normal(0.0, 0.5, size=len(names))
        rows = kernel.block(dataset)
        hand = bench_network.Hand(names, x, y)
        ours, theirs = nablab_trainer(kernel, theta, rows), hand_trainer(hand, theta)
        assert np.allclose(ours(20), theirs(20))
        times = per_step([ours, theirs, torch_trainer(x, y, theta, names)], n)
        for name, t in zip(table, times, strict=True):
            table[name].append(t)
        ratios = (times[0] / times[1], times[0] / times[2])
        verdict = "met" if max(ratios) <= 1 else "NOT met"
        print(f"{n:>8} {times[0] * 1e6:>8.0f} µs {times[1] * 1e6:>8.0f} µs "
              f"{times[2] * 1e6:>8.0f} µs {ratios[0]:>7.2f}× {ratios[1]:>7.2f}×  {verdict}")
    draw(table)
    print(f"\nfigure: {FIGURE}; loadavg at end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
