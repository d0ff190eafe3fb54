"""Foundation benchmark: parse + gradient + Hessian + callables, grids, and `nablab diff`.

Compares, in one run, nablab's path against the naive one (plain SymPy: diff, hessian,
lambdify without CSE) and against what a user would write by hand (NumPy on a meshgrid), as
ratios. Symbolic timings are cold: SymPy's cache is cleared before every repeat, because a
freshly typed function has never been seen.

Targets (issue 2): 2-variable gradient + Hessian + callable < 50 ms cold; 30-parameter
gradient + callable < 100 ms; grids ≤ 1.0× hand-written NumPy. Cold start (issue 20), each a
fresh process against the plain script for the same answer, timed alternately:
`nablab diff "x^2+y^2"` ≤ 1.1× a SymPy script that parses, differentiates and prints;
`nablab plot` ≤ 1.3× the notes' pyplot script; `nablab lagrange` (SciPy cross-check included)
≤ 1.5× a SciPy SLSQP script; `nablab train --data example:linear` ≤ 2× a NumPy script.
Each row also shows its floor: the same script with ``import sympy`` first, over the
script's time — what nablab would cost if everything but importing SymPy were free.
A missed target is printed, not an error.

Run: python bench/core.py [--quick] [--cold-only]
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import sympy
from sympy.core.cache import clear_cache

import _timing  # bench/_timing.py: shared timing helpers
import nablab
from _timing import fmt
from nablab.numeric import evaluate_grid

QUICK = "--quick" in sys.argv
REPEAT = 3 if QUICK else 7


def median_time(fn: Callable[[], Any], repeat: int = REPEAT,
                setup: Callable[[], None] | None = None) -> float:
    return _timing.median_time(fn, repeat, setup)


def round_robin(first: Callable[[], Any], second: Callable[[], Any],
                rounds: int = 3 * REPEAT) -> tuple[float, float]:
    """Median times of two variants timed alternately, so drift hits both alike."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(rounds):
        for fn, bucket in ((first, times[0]), (second, times[1])):
            start = time.perf_counter()
            fn()
            bucket.append(time.perf_counter() - start)
    return statistics.median(times[0]), statistics.median(times[1])


def network_loss_text(hidden: int = 8, points: int = 10) -> str:
    """A 2-8-1 tanh network's MSE over 10 fixed points, written out: 33 parameters."""
    rng = np.random.default_rng(0)
    xs = np.round(rng.uniform(-1, 1, size=(points, 2)), 3)
    ys = np.round(np.sin(xs[:, 0]) * xs[:, 1], 3)
    terms = []
    for (u, v), t in zip(xs, ys, strict=True):
        hidden_terms = " + ".join(
            f"d{k}*tanh({u}*a{2 * k} + {v}*a{2 * k + 1} + c{k})" for k in range(hidden))
        terms.append(f"({hidden_terms} + e0 - ({t}))^2")
    return f"({' + '.join(terms)})/{points}"


FUNCTIONS = {
    "x²+3xy+y²": "x^2 + 3xy + y^2",
    "Rosenbrock": "(1 - x)^2 + 100(y - x^2)^2",
    "33-param network loss": network_loss_text(),
}
#: The network loss is built by code (as `nablab train` does), not typed: time calculus only.
PARSED = {text: nablab.parse(text).expr for text in FUNCTIONS.values()}


def ours(text: str, hessian: bool) -> Any:
    f = nablab.parse(text) if hessian else nablab.Expression.from_sympy(PARSED[text])
    compiled = nablab.compile(f)
    point = [0.1] * len(f.variables)
    compiled.grad(*point)
    if hessian:
        compiled.hess(*point)
    return f


def naive(text: str, hessian: bool) -> Any:
    """Plain SymPy, as the notes do it: diff each variable, sympy.hessian, lambdify."""
    expr = PARSED[text]  # the same SymPy object: measure calculus, not parsing
    symbols = sorted(expr.free_symbols, key=lambda s: s.name)
    grad = [sympy.diff(expr, s) for s in symbols]
    sympy.lambdify(symbols, grad, modules="numpy")(*([0.1] * len(symbols)))
    if hessian:
        hess = sympy.hessian(expr, symbols)
        sympy.lambdify(symbols, hess, modules="numpy")(*([0.1] * len(symbols)))
    return grad


def symbolic_table() -> None:
    print("\n1. parse + gradient (+ Hessian) + NumPy callables, cold cache"
          " (the network loss comes as a SymPy object)")
    print(f"{'function':24} {'what':22} {'nablab':>10} {'plain SymPy':>12} {'ratio':>8}")
    for name, text in FUNCTIONS.items():
        big = "network" in name
        what = "gradient + callable" if big else "grad + Hessian + callables"
        mine = median_time(lambda t=text, h=not big: ours(t, h), setup=clear_cache)
        repeat = 1 if big else REPEAT
        theirs = median_time(lambda t=text, h=not big: naive(t, h), repeat=repeat,
                             setup=clear_cache)
        print(f"{name:24} {what:22} {fmt(mine):>10} {fmt(theirs):>12} {theirs / mine:7.1f}×")
    parse_time = median_time(lambda: nablab.parse(FUNCTIONS["33-param network loss"]),
                             setup=clear_cache)
    print(f"   (parsing the {len(FUNCTIONS['33-param network loss'])}-character network loss "
          f"alone: {fmt(parse_time).strip()})")


GRIDS = {
    "Himmelblau": ("(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
                   lambda X, Y: (X**2 + Y - 11) ** 2 + (X + Y**2 - 7) ** 2),
    "sigmoid-heavy": (
        "σ(x + y)σ(x - y) + σ(xy - 1) + tanh(x/2)σ(y^2 - x)",
        lambda X, Y: (1 / (1 + np.exp(-(X + Y)))) * (1 / (1 + np.exp(-(X - Y))))
        + 1 / (1 + np.exp(-(X * Y - 1))) + np.tanh(X / 2) / (1 + np.exp(-(Y**2 - X)))),
}


def grid_table() -> None:
    print("\n2. grid evaluation for surfaces and contours (ratio = nablab / hand-written NumPy)")
    print(f"{'function':16} {'n':>6} {'nablab':>10} {'NumPy meshgrid':>15} {'ratio':>7}")
    for name, (text, hand) in GRIDS.items():
        compiled = nablab.compile(text)
        for n in (400, 2000):
            axis = np.linspace(-5, 5, n)

            def by_hand(axis: np.ndarray = axis, hand: Any = hand) -> Any:
                X, Y = np.meshgrid(axis, axis)
                with np.errstate(all="ignore"):
                    return hand(X, Y)

            mine, theirs = round_robin(
                lambda c=compiled, n=n: evaluate_grid(c, (-5, 5), (-5, 5), n), by_hand)
            print(f"{name:16} {n:>5}² {fmt(mine):>10} {fmt(theirs):>15} {mine / theirs:6.2f}×")


#: Cold start: each command against the plain script a user would write for the same output,
#: and the most it may cost (issue 20).
DIFF_SCRIPT = """
import sympy
from sympy.parsing.sympy_parser import (convert_xor, implicit_multiplication_application,
                                        parse_expr, standard_transformations)
f = parse_expr("x^2+y^2", transformations=standard_transformations
               + (implicit_multiplication_application, convert_xor))
x, y = sorted(f.free_symbols, key=lambda s: s.name)
print("f(x, y) =", sympy.pretty(f), "\\n\\nPartial derivatives")
for v in (x, y):
    print(f"  d f/d{v} =", sympy.pretty(sympy.diff(f, v)))
print("\\nGradient vector\\n  grad f =", tuple(sympy.diff(f, v) for v in (x, y)))
print("\\nHessian matrix")
print(sympy.pretty(sympy.hessian(f, (x, y))))
"""
PLOT_SCRIPT = """
import sys
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
x_vals = np.linspace(-5, 5, 400)
y_vals = np.linspace(-5, 5, 400)
X, Y = np.meshgrid(x_vals, y_vals)
Z = X**2 + Y**2
fig = plt.figure(figsize=(12, 6))
ax = fig.add_subplot(121, projection="3d")
ax.plot_surface(X, Y, Z, cmap="viridis")
ax.set_title("3D Plot of  $f(x, y) = x^2 + y^2$ ")
ax.set_xlabel("x")
ax.set_ylabel("y")
ax.set_zlabel("f(x, y)")
ax2 = fig.add_subplot(122)
contour = ax2.contourf(X, Y, Z, cmap="viridis")
fig.colorbar(contour)
ax2.set_title("2D Contour Plot of  $f(x, y) = x^2 + y^2$ ")
ax2.set_xlabel("x")
ax2.set_ylabel("y")
fig.savefig(sys.argv[1])
"""
LAGRANGE_SCRIPT = """
from scipy.optimize import minimize
f = lambda v: -(4 - v[0] ** 2 - 2 * v[1] ** 2)
hike = {"type": "eq", "fun": lambda v: 2 * (v[0] - 1) ** 2 - 10 * v[1] + 6}
best = minimize(f, [0.0, 0.0], method="SLSQP", constraints=[hike])
print("max f =", -best.fun, "at", best.x)
"""
TRAIN_SCRIPT = """
import numpy as np
axis = np.linspace(-1.0, 1.0, 5)
x1, x2 = (a.ravel() for a in np.meshgrid(axis, axis))
X, y = np.column_stack([x1, x2]), 2.0 * x1 - 3.0 * x2
w = np.zeros(2)
for epoch in range(1000):
    residual = X @ w - y
    grad = 2 * X.T @ residual / len(y)
    if np.hypot(*grad) < 1e-8:
        break
    w -= 0.1 * grad
print(epoch, w, np.mean((X @ w - y) ** 2))
"""
LAGRANGE = ["lagrange", "4 - x^2 - 2y^2", "--constraint", "2(x-1)^2 - 10y + 6 = 0"]


def cli_table() -> None:
    print("\n3. cold start: a fresh process against the plain script for the same answer "
          "(median wall time);\n   'daemon': the same command with `nablab daemon` running")
    # pip compiles an installed package's modules; an editable install under
    # PYTHONDONTWRITEBYTECODE would compile nablab's 300 modules again in every process
    compileall.compile_dir(str(Path(nablab.__file__).parent), quiet=1)
    with tempfile.TemporaryDirectory() as folder, \
            tempfile.TemporaryDirectory(prefix="nd-", dir="/tmp") as daemon_folder:
        ours_png, theirs_png = str(Path(folder) / "ours.png"), str(Path(folder) / "plt.png")
        pairs = {
            'nablab diff "x^2+y^2"': (_timing.nablab_command("diff", "x^2+y^2"),
                                      [sys.executable, "-c", DIFF_SCRIPT], 1.1),
            'nablab plot "x^2 + y^2"': (
                _timing.nablab_command("plot", "x^2 + y^2", "--out", ours_png),
                [sys.executable, "-c", PLOT_SCRIPT, theirs_png], 1.3),
            "nablab lagrange (notes' hike)": (_timing.nablab_command(*LAGRANGE),
                                              [sys.executable, "-c", LAGRANGE_SCRIPT], 1.5),
            "nablab train example:linear": (
                _timing.nablab_command("train", "--data", "example:linear"),
                [sys.executable, "-c", TRAIN_SCRIPT], 2.0),
        }
        env = {**os.environ, "LANG": "C.UTF-8", "NABLAB_NO_DAEMON": "1"}
        warm = {**env, "NABLAB_DAEMON_DIR": daemon_folder}
        del warm["NABLAB_NO_DAEMON"]
        subprocess.run(_timing.nablab_command("daemon", "start"), env=warm, check=True,
                       capture_output=True)
        repeat = 3 if QUICK else 5
        print(f"{'command':32} {'nablab':>10} {'daemon':>10} {'script':>10} {'ratio':>7} "
              f"{'daemon':>7} {'target':>7}  {'floor':>6}")
        try:
            for name, (ours_argv, script_argv, target) in pairs.items():
                floor_argv = [sys.executable, "-c", "import sympy\n" + script_argv[2],
                              *script_argv[3:]]
                times = _timing.process_times(
                    {"ours": ours_argv, "daemon": ours_argv, "script": script_argv,
                     "floor": floor_argv}, repeat, env, interleave=True, envs={"daemon": warm})
                ratio, floor = times["ours"] / times["script"], times["floor"] / times["script"]
                served = times["daemon"] / times["script"]
                verdict = "ok" if ratio <= target else \
                    ("ok with the daemon" if served <= target else "MISSED")
                print(f"{name:32} {fmt(times['ours']):>10} {fmt(times['daemon']):>10} "
                      f"{fmt(times['script']):>10} {ratio:6.2f}× {served:6.2f}× {target:6.1f}×"
                      f"  {floor:5.2f}×  {verdict}")
        finally:
            subprocess.run(_timing.nablab_command("daemon", "stop"), env=warm,
                           capture_output=True)
        print("   floor: the same script with `import sympy` first, as a ratio to the script; "
              "a target below\n   the floor cannot be met while the command imports SymPy")
        bare = _timing.process_times({"pass": [sys.executable, "-c", "pass"]}, repeat, env)
        print(f"{'python -c pass':32} {fmt(bare['pass']):>10}")


def main() -> None:
    print(f"nablab {nablab.__version__}, sympy {sympy.__version__}, numpy {np.__version__}, "
          f"python {sys.version.split()[0]}")
    if "--cold-only" not in sys.argv:
        symbolic_table()
        grid_table()
    cli_table()


if __name__ == "__main__":
    main()
