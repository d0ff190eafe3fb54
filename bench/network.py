"""Training a small network: nablab's symbolic gradients against hand-written backprop.

A 2-8-1 tanh network (33 parameters) ŷ = Σᵢ vᵢ tanh(aᵢx₁ + cᵢx₂ + bᵢ) + d, MSE on 10, 50
and 200 fixed points, full-batch gradient descent (η = 0.1), in one run:

A. gradient build time: the model text → parsed, bound to the data columns, ∂ℓ/∂θ derived
   and compiled (SymEngine differentiation + LLVM ``Lambdify``); SymPy's cache cleared
   before each repeat (a freshly typed model). The same build with plain SymPy
   (``sympy.diff`` + ``sympy.lambdify(cse=True)``) for comparison.
B. time per training step: ``nablab.network`` (its training loop: compiled per-sample
   partials on all rows, the mean, the optimizer update, the per-epoch loss and path kept)
   against a hand-written NumPy backprop loop (forward pass, backward pass by the chain
   rule, θ ← θ − η∇L) and against the same loop on a plain ``sympy.lambdify`` gradient.
   All three must end at the same parameters.

C. networks with hidden layers (``nablab train --layers``): 2-8-1 and 2-16-16-1 tanh,
   sigmoid output, BCE, full-batch gd on 200 and 10,000 rows, time per step of nablab's
   training loop (matrix backprop, :mod:`nablab.network.layered`) against a hand-written
   NumPy backprop loop and against PyTorch on the CPU (float64, ``torch.optim.SGD``,
   autograd); all end at the same weights.

Targets: build < 100 ms; a step ≤ 0.5× the hand-written NumPy step; layered: ≤ 1× torch at
200 rows (10,000 rows: reported).

What limits a step: on 10 points, the fixed cost of a NumPy call, which the hand-written
loop pays ~15 times per step and nablab ~6 times. On 200 points, tanh: 8 per sample, each
compiled into the loop as one exp and a few operations (``nablab.numeric.tanh``, ~9 ns; the C
library's tanh is ~20 ns there, NumPy's ~13 ns); then the per-row copy of θ into the block.
Past 2,048 rows (bench/training_rows.py) the block is cut into chunks that two threads
evaluate the staged way (``nablab.network.staged``: arithmetic in LLVM, exp in NumPy, which
releases the GIL). Section C is NumPy throughout; past 1,024 rows two threads share it too.

Run: python bench/network.py [--quick]
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from functools import partial
from typing import Any

import numpy as np
import sympy

from nablab.network import Dataset, bind
from nablab.network.kernel import Kernel
from nablab.network.layered import LayeredKernel, architecture
from nablab.network.train import run
from nablab.numeric.lambdify import numpy_lambdify
from nablab.optimize.optimizers import build

QUICK = "--quick" in sys.argv
REPEAT = 3 if QUICK else 7
H, STEPS, LR = 8, 300 if QUICK else 1000, 0.1
SIZES = (10, 50, 200)
MODEL = " + ".join(f"v{i}*tanh(a{i}*x1 + c{i}*x2 + b{i})" for i in range(1, H + 1)) + " + d"


def data(n: int) -> Dataset:
    rng = np.random.default_rng(0)
    x = np.round(rng.uniform(-1, 1, size=(n, 2)), 3)
    y = np.round(np.sin(x[:, 0]) * x[:, 1], 3)
    return Dataset(("x1", "x2", "y"), np.column_stack([x, y]), f"{n} points")


def best(fn: Callable[[], Any], repeat: int = REPEAT) -> tuple[float, Any]:
    out = fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
    return min(times), out


# -------------------------------------------------------------- hand-written backprop
class Hand:
    """The network written out by hand, NumPy vectorised over the rows.

    θ is laid out in nablab's parameter order a₁…a₈, b₁…b₈, c₁…c₈, d, v₁…v₈, so each group
    is a slice (no copies).
    """

    def __init__(self, names: tuple[str, ...], x: np.ndarray, y: np.ndarray) -> None:
        assert names == tuple(f"{k}{i}" for k in "abc" for i in range(1, H + 1)) + ("d",) + \
            tuple(f"v{i}" for i in range(1, H + 1))
        self.x1, self.x2, self.y, self.n = x[:, 0].copy(), x[:, 1].copy(), y, len(y)
        self.a, self.b, self.c = slice(0, H), slice(H, 2 * H), slice(2 * H, 3 * H)
        self.d, self.v = 3 * H, slice(3 * H + 1, 4 * H + 1)

    def grad(self, th: np.ndarray) -> np.ndarray:
        v = th[self.v]
        z = np.outer(self.x1, th[self.a]) + np.outer(self.x2, th[self.c]) + th[self.b]
        h = np.tanh(z)                                                  # (N, H)
        e = (2.0 / self.n) * (h @ v + th[self.d] - self.y)              # ∂L/∂ŷ per row
        dz = np.outer(e, v) * (1.0 - h * h)                             # ∂L/∂z, chain rule
        return np.concatenate([self.x1 @ dz, dz.sum(axis=0), self.x2 @ dz, [e.sum()],
                               e @ h])

    def train(self, th0: np.ndarray) -> np.ndarray:
        th = th0.copy()
        for _ in range(STEPS):
            th = th - LR * self.grad(th)
        return th


# -------------------------------------------------------------- plain SymPy lambdify
def sympy_build(n_points: int) -> Callable[[np.ndarray, np.ndarray], np.ndarray]:
    """∂ℓ/∂θ by ``sympy.diff`` and ``sympy.lambdify(cse=True)`` on the columns."""
    model = bind(MODEL, ("x1", "x2", "y"), "y")
    loss = (model.inner - model.target[0]) ** 2
    grads = [sympy.diff(loss, p) for p in model.parameters]
    args = [*model.parameters, *(s for s, _ in model.inputs), model.target[0]]
    code = numpy_lambdify(args, grads)
    p = len(model.parameters)

    def grad(th: np.ndarray, rows: np.ndarray) -> np.ndarray:
        values = code(*th, *rows[:, p: p + 3].T)
        return np.array([np.mean(v) for v in values])

    return grad


def sympy_train(grad: Callable[..., np.ndarray], th0: np.ndarray,
                rows: np.ndarray) -> np.ndarray:
    th, rows = th0.copy(), rows.copy()
    for _ in range(STEPS):
        th = th - LR * grad(th, rows)
    return th


# -------------------------------------------------------------- nablab
def nablab_build() -> Kernel:
    sympy.core.cache.clear_cache()
    return Kernel(bind(MODEL, ("x1", "x2", "y"), "y"))


def nablab_train(kernel: Kernel, th0: np.ndarray, rows: np.ndarray) -> np.ndarray:
    opt = build("gd", LR).transformation
    history = run(kernel, opt, th0, rows.copy(), STEPS, rows.shape[0], 0.0,
                  np.random.default_rng(0))
    return history.path[-1]


def main() -> None:
    print(f"numpy {np.__version__}, sympy {sympy.__version__}, cores {os.cpu_count()}, "
          f"loadavg {os.getloadavg()[0]:.2f}")
    print(f"network 2-{H}-1 tanh, 33 parameters; full-batch gd, η = {LR}, {STEPS} steps\n")
    t_build, kernel = best(nablab_build)
    parts = []
    for _ in range(REPEAT):
        sympy.core.cache.clear_cache()
        start = time.perf_counter()
        model = bind(MODEL, ("x1", "x2", "y"), "y")
        middle = time.perf_counter()
        Kernel(model)
        parts.append((middle - start, time.perf_counter() - middle))
    parse_bind, derive = (min(p[i] for p in parts) for i in (0, 1))
    sympy.core.cache.clear_cache()
    start = time.perf_counter()
    sympy_grad = sympy_build(10)
    t_sympy_build = time.perf_counter() - start
    print("== A. gradient build (model text → compiled ∂ℓ/∂θ) ==")
    print(f"nablab (SymEngine + LLVM): {t_build * 1e3:8.1f} ms  (parse + bind "
          f"{parse_bind * 1e3:.1f} ms, differentiate + compile {derive * 1e3:.1f} ms)  "
          f"target < 100 ms: {'met' if t_build < 0.1 else 'NOT met'}")
    print(f"plain SymPy diff + lambdify: {t_sympy_build * 1e3:6.1f} ms "
          f"({t_sympy_build / t_build:.1f}× nablab)\n")
    print("== B. time per training step ==")
    print(f"{'points':>6} {'hand NumPy':>12} {'nablab':>10} {'ratio':>7} {'SymPy lambdify':>15} "
          f"{'ratio':>7}  {'nablab path':<11}  target ≤ 0.5×")
    for n in SIZES:
        dataset = data(n)
        model = kernel.model
        rows = kernel.block(dataset)
        th0 = np.random.default_rng(1).normal(0.0, 0.5, size=len(model.parameters))
        hand = Hand(model.parameter_names, dataset.values[:, :2], dataset.values[:, 2])
        assert np.allclose(hand.grad(th0), kernel(th0, rows.copy())[1])
        t_hand, th_hand = best(partial(hand.train, th0))
        t_nablab, th_nablab = best(partial(nablab_train, kernel, th0, rows))
        t_sympy, th_sympy = best(partial(sympy_train, sympy_grad, th0, rows), max(1, REPEAT // 3))
        assert np.allclose(th_nablab, th_hand) and np.allclose(th_sympy, th_hand)
        us = [t / STEPS * 1e6 for t in (t_hand, t_nablab, t_sympy)]
        ratio = us[1] / us[0]
        path = "staged" if kernel.staged(n) else "one piece"
        print(f"{n:>6} {us[0]:>9.1f} µs {us[1]:>7.1f} µs {ratio:>6.2f}× {us[2]:>12.1f} µs "
              f"{us[2] / us[0]:>6.2f}×  {path:<11}  {'met' if ratio <= 0.5 else 'NOT met'}")
    print(f"\n(ratio = time per step / hand-written NumPy, best of {REPEAT}; nablab backend: "
          f"{kernel.backend}; loadavg at end {os.getloadavg()[0]:.2f})")


# -------------------------------------------------------------- C. hidden layers
LAYERED = ((2, 8, 1), (2, 16, 16, 1))
LAYERED_ROWS = (200, 10_000)


def layered_data(n: int) -> np.ndarray:
    """``[x₁ x₂ | y]``: points of [−2, 2]², class 1 inside the unit circle."""
    rng = np.random.default_rng(2)
    x = rng.uniform(-2, 2, size=(n, 2))
    return np.ascontiguousarray(np.column_stack([x, (np.hypot(*x.T) < 1).astype(float)]))


def hand_layered(widths: tuple[int, ...], th0: np.ndarray, rows: np.ndarray,
                 steps: int) -> np.ndarray:
    """Backprop written out with NumPy: lists of W and b, Z = AWᵀ + b, Δ = (ΔW) ⊙ (1 − A²)."""
    ws, bs, offset = [], [], 0
    for m, n in zip(widths, widths[1:], strict=False):
        ws.append(th0[offset: offset + n * m].reshape(n, m).copy())
        bs.append(th0[offset + n * m: offset + n * m + n].copy())
        offset += n * m + n
    x, y, n_rows = rows[:, :2], rows[:, 2:], rows.shape[0]
    for _ in range(steps):
        acts = [x]
        for layer, (w, b) in enumerate(zip(ws, bs, strict=True)):
            z = acts[-1] @ w.T + b
            acts.append(np.tanh(z) if layer < len(ws) - 1 else 0.5 + 0.5 * np.tanh(0.5 * z))
        delta = (acts[-1] - y) / n_rows
        for layer in range(len(ws) - 1, -1, -1):
            grad_w, grad_b = delta.T @ acts[layer], delta.sum(axis=0)
            if layer:
                delta = (delta @ ws[layer]) * (1.0 - acts[layer] ** 2)
            ws[layer] -= LR * grad_w
            bs[layer] -= LR * grad_b
    return np.concatenate([a.ravel() for pair in zip(ws, bs, strict=True) for a in pair])


def torch_layered(widths: tuple[int, ...], th0: np.ndarray, rows: np.ndarray,
                  steps: int) -> np.ndarray:
    """The same network as ``torch.nn`` layers, autograd and ``torch.optim.SGD``."""
    import torch

    layers: list[Any] = []
    offset = 0
    for m, n in zip(widths, widths[1:], strict=False):
        linear = torch.nn.Linear(m, n, dtype=torch.float64)
        with torch.no_grad():
            linear.weight.copy_(torch.from_numpy(th0[offset: offset + n * m].reshape(n, m)))
            linear.bias.copy_(torch.from_numpy(th0[offset + n * m: offset + n * m + n]))
        offset += n * m + n
        layers += [linear, torch.nn.Tanh()]
    model = torch.nn.Sequential(*layers[:-1])
    opt = torch.optim.SGD(model.parameters(), lr=LR)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    x, y = torch.from_numpy(rows[:, :2].copy()), torch.from_numpy(rows[:, 2:].copy())
    for _ in range(steps):
        opt.zero_grad()
        loss_fn(model(x), y).backward()
        opt.step()
    return np.concatenate([p.detach().numpy().ravel() for p in model.parameters()])


def nablab_layered(widths: tuple[int, ...], th0: np.ndarray, rows: np.ndarray,
                   steps: int) -> np.ndarray:
    """nablab's training loop on the layered kernel (what ``nablab train --layers`` runs)."""
    history = run(LayeredKernel(architecture(widths)), build("gd", LR).transformation, th0,
                  rows, steps, rows.shape[0], 0.0, np.random.default_rng(0))
    return history.path[-1]


def layered_main() -> None:
    try:
        import torch
    except ImportError:
        print("\n== C. hidden layers: torch is not installed (pip install nablab[test]) ==")
        return
    print(f"\n== C. networks with hidden layers: time per step (tanh, σ output, BCE, gd; "
          f"torch {torch.__version__}, {torch.get_num_threads()} threads, float64) ==")
    print(f"{'network':>10} {'rows':>6} {'hand NumPy':>11} {'torch':>10} {'nablab':>10} "
          f"{'÷ hand':>7} {'÷ torch':>8}  target ≤ 1× torch at 200 rows")
    for widths in LAYERED:
        for n in LAYERED_ROWS:
            rows = layered_data(n)
            th0 = architecture(widths).initial(np.random.default_rng(0))
            steps = 200 if n <= 1000 else 20
            if QUICK:
                steps //= 2
            times, ends = [], []
            for fn in (hand_layered, torch_layered, nablab_layered):
                elapsed, end = best(partial(fn, widths, th0, rows, steps), max(1, REPEAT // 2))
                times.append(elapsed / steps)
                ends.append(end)
            assert np.allclose(ends[0], ends[1]) and np.allclose(ends[2], ends[1])
            hand, torch_time, ours = times
            verdict = ("met" if ours <= torch_time else "NOT met") if n == 200 else "(reported)"
            print(f"{'-'.join(map(str, widths)):>10} {n:>6} {hand * 1e6:>8.1f} µs "
                  f"{torch_time * 1e6:>7.1f} µs {ours * 1e6:>7.1f} µs {ours / hand:>6.2f}× "
                  f"{ours / torch_time:>7.2f}×  {verdict}")
    print(f"(best of {max(1, REPEAT // 2)} runs of 200 steps, 20 at 10,000 rows; loadavg at end "
          f"{os.getloadavg()[0]:.2f}: on a busy machine BLAS and torch threads wait for cores)")


if __name__ == "__main__":
    main()
    layered_main()
