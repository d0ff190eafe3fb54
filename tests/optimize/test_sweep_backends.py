"""The sweep against a bare NumPy loop, and its JAX back end against NumPy (skipped without JAX)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import numpy as np
import pytest

import nablab
from nablab.errors import UnsupportedError

FUNCTIONS = ["x^2 + 3y^2", "(1 - x)^2 + 100(y - x^2)^2", "x^4 + y^2 - x*y",
             "sin(x)*cos(y) + 0.1x^2"]
RATES = [1e-3, 0.01, 0.1, 0.4, 1.0, 1.5]          # the larger ones diverge on most of these
STARTS = {"x": np.linspace(-2, 2, 5), "y": np.linspace(-1, 3, 4)}
STEPS, TOL, BOUND = 300, 1e-8, 1e12
#: JAX is found but never imported here: once imported, it makes the CLI's fork (in later
#: tests of this process) unsafe. Its tests run in fresh interpreters.
needs_jax = pytest.mark.skipif(importlib.util.find_spec("jax") is None,
                               reason="JAX is not installed (pip install 'nablab[jax]')")


def bare(f: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One plain NumPy loop over every run, each stopped where one descent stops."""
    compiled = nablab.compile(f)
    x0, y0 = np.meshgrid(STARTS["x"], STARTS["y"], indexing="ij")
    m = x0.size
    theta = np.array([np.tile(x0.ravel(), len(RATES)), np.tile(y0.ravel(), len(RATES))])
    lr = np.repeat(RATES, m)
    final, nit = theta.T.copy(), np.full(theta.shape[1], STEPS)
    status = np.full(theta.shape[1], "max_steps", dtype=object)
    active, prev = np.ones(theta.shape[1], bool), theta
    with np.errstate(all="ignore"):
        for k in range(STEPS + 1):
            g = np.array(np.broadcast_arrays(*compiled.grad_columns(*theta), theta[0]))[:2]
            norm = np.hypot(g[0], g[1])
            finite = np.isfinite(norm) & (np.hypot(theta[0], theta[1]) <= BOUND)
            done = active & finite & (norm < TOL)
            out = active & ~finite
            final[done], nit[done], status[done] = theta.T[done], k, "converged"
            final[out], nit[out], status[out] = prev.T[out], max(k - 1, 0), "diverged"
            active &= ~(done | out)
            if k == STEPS:
                final[active] = theta.T[active]
                break
            prev, theta = theta, theta - lr * g
    shape = (len(RATES), m)
    return final.reshape(*shape, 2), nit.reshape(shape), status.reshape(shape).astype(str)


@pytest.mark.parametrize("f", FUNCTIONS)
def test_numpy_sweep_matches_the_bare_loop(f: str) -> None:
    result = nablab.sweep(f, lr=RATES, starts=STARTS, steps=STEPS, tol=TOL)
    final, nit, status = bare(f)
    fun = np.asarray(nablab.compile(f).f(*final.reshape(-1, 2).T)).reshape(status.shape)
    status[~np.isfinite(fun)] = "diverged"
    assert (result.status == status).all()
    assert (result.nit == nit).all()
    assert np.array_equal(result.final, final)
    assert "diverged" in set(result.status.ravel()) or "sin" in f   # diverging rates included


COMPARE = """
import json, sys
import numpy as np, nablab
f, rates, starts, steps, tol = json.loads(sys.argv[1])
starts = {{k: np.array(v) for k, v in starts.items()}}
a = nablab.sweep(f, lr=rates, starts=starts, steps=steps, tol=tol)
b = nablab.sweep(f, lr=rates, starts=starts, steps=steps, tol=tol, backend="jax")
kept = a.status != "diverged"   # a diverging run amplifies each rounding difference
print(json.dumps({{
    "status": bool((a.status == b.status).all()), "nit": bool((a.nit == b.nit).all()),
    "kept": bool(np.allclose(a.final[kept], b.final[kept], rtol=1e-12, atol=1e-12)),
    "all": bool(np.allclose(a.final, b.final, rtol=1e-9, atol=1e-12)),
    "kinds": [m.kind for m in a.minima] == [m.kind for m in b.minima]}}))
"""


@needs_jax
@pytest.mark.parametrize("f", FUNCTIONS)
def test_jax_matches_numpy(f: str) -> None:
    """In a fresh process: JAX, once imported, makes the fork of later CLI tests unsafe."""
    problem = json.dumps([f, RATES, {k: v.tolist() for k, v in STARTS.items()}, STEPS, TOL])
    done = subprocess.run([sys.executable, "-c", COMPARE.format(), problem],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == dict.fromkeys(["status", "nit", "kept", "all", "kinds"],
                                                    True)


#: Sweeps whose runs stop everywhere: on the first and last step, inside a block and in many
#: blocks, many in one block (more than are redone at a time), with a constant partial, with
#: |∇f|² overflowing while ∇f is finite, in one and three variables, steps = 0 and 1.
EDGES = [
    ("x^2", [0.1, 0.5, 0.9, 1.0, 1.1], {"x": [-3.0, -1.0, 0.0, 1e-9, 2.0]}, 200, 1e-8),
    ("x^2", [0.1], {"x": [0.0, 1e-9, 1.0]}, 0, 1e-8),
    ("x^2 + 3y^2", [0.1, 0.4], {"x": [0.0, 1.0], "y": [0.0, 2.0]}, 1, 1e-8),
    ("x + y^2", [0.1, 1.0, 1.2], {"x": [-1.0, 1.0], "y": [-1.0, 0.5]}, 150, 1e-8),
    ("x^2 + y^2 + z^2", [0.1, 0.5, 1.1], {"x": [1.0, -2.0], "y": [3.0], "z": [0.5, 1e11]}, 130,
     1e-8),
    ("x^30 + y^2", [1e-300, 0.1], {"x": [1e6, 2e6, 2.0], "y": [1.0]}, 100, 1e-8),
    ("x^30 + y^2", [0.1], {"x": [2.0], "y": [1.0]}, 100, 1e-8),     # one run: arrays of one
    ("exp(x^2) + y^2", [0.001, 0.01, 0.5], {"x": [1.0, 5.0, 20.0, 30.0], "y": [1.0]}, 100, 1e-8),
    ("x^4 - x^2 + y^2", [0.01, 0.1, 0.3], {"x": np.linspace(-2, 2, 9), "y": [0.0, 1.0]}, 777,
     1e-10),
    ("x^2 + y^2", [0.1, 0.3, 0.999, 1.0, 1.001], {"x": np.linspace(-3, 3, 15),
                                                  "y": np.linspace(-1, 1e11, 15)}, 1000, 1e-8),
]

COMPARE_ALL = """
import json, sys
import numpy as np, nablab
out = []
for f, rates, starts, steps, tol in json.loads(sys.argv[1]):
    starts = {{k: np.array(v) for k, v in starts.items()}}
    a = nablab.sweep(f, lr=rates, starts=starts, steps=steps, tol=tol)
    b = nablab.sweep(f, lr=rates, starts=starts, steps=steps, tol=tol, backend="jax")
    kept = a.status != "diverged"
    out.append({{"f": f, "status": bool((a.status == b.status).all()),
                "nit": bool((a.nit == b.nit).all()),
                "kept": bool(np.allclose(a.final[kept], b.final[kept], rtol=1e-12, atol=1e-12)),
                "all": bool(np.allclose(a.final, b.final, rtol=1e-10, atol=1e-12))}})
print(json.dumps(out))
"""


@needs_jax
def test_jax_matches_numpy_wherever_runs_stop() -> None:
    """JAX steps most blocks without a verdict and redoes the runs that stopped in one: every
    kind of stop, anywhere, gives NumPy's status, step count and end point."""
    problem = json.dumps([[f, rates, {k: np.asarray(v).tolist() for k, v in starts.items()},
                           steps, tol] for f, rates, starts, steps, tol in EDGES])
    done = subprocess.run([sys.executable, "-c", COMPARE_ALL.format(), problem],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    for case in json.loads(done.stdout):
        assert case == {"f": case["f"], "status": True, "nit": True, "kept": True, "all": True}


@needs_jax
def test_cli_jax_without_a_jax_function_is_unsupported() -> None:
    code, _, err = run("sweep", "(x + 3)!", "--lr", "0.01:0.1:2", "--starts", "-1:1:3",
                       "--backend", "jax", "--lang", "en")
    assert code == 3 and "--backend numpy" in err, err


def test_jax_refuses_other_optimizers() -> None:
    with pytest.raises(UnsupportedError) as caught:
        nablab.sweep("x^2", lr=0.1, starts=np.array([[1.0]]), optimizer="adam", backend="jax")
    assert caught.value.kind in {"backend_optimizer", "backend_missing"}


def test_numpy_is_the_default_and_unchanged() -> None:
    a = nablab.sweep("x^2 + y^2", lr=[0.1, 1.5], starts=np.array([[3.0, 4.0]]))
    b = nablab.sweep("x^2 + y^2", lr=[0.1, 1.5], starts=np.array([[3.0, 4.0]]), backend="numpy")
    assert a.status.tolist() == [["converged"], ["diverged"]]
    assert np.array_equal(a.final, b.final) and (a.nit == b.nit).all()


def run(*argv: str) -> tuple[int, str, str]:
    """``python -m nablab`` in a fresh process: JAX, once imported, makes fork unsafe, and the
    command line forks its worker (the real CLI imports JAX only inside that worker)."""
    done = subprocess.run([sys.executable, "-m", "nablab", *argv], capture_output=True,
                          text=True, timeout=300)
    return done.returncode, done.stdout, done.stderr


ARGS = ("sweep", "x^2 + y^2", "--lr", "0.01:1.5:4", "--starts", "-2:2,-2:2:4", "--json")


@needs_jax
def test_cli_backend_jax_gives_the_numpy_answer() -> None:
    code, out, _ = run(*ARGS, "--backend", "jax", "--timeout", "120")
    code2, out2, _ = run(*ARGS)
    assert code == code2 == 0
    a, b = json.loads(out), json.loads(out2)
    a.pop("seconds"), b.pop("seconds")
    ma, mb = a.pop("minima"), b.pop("minima")
    assert a == b
    assert [m["kind"] for m in ma] == [m["kind"] for m in mb]
    for m, n in zip(ma, mb, strict=True):
        assert list(m["point"].values()) == pytest.approx(list(n["point"].values()), abs=1e-12)


BLOCKED = ("import sys; sys.modules['jax'] = None; from nablab.__main__ import main; "
           "sys.argv[1:] = {argv!r}; sys.exit(main())")


@pytest.mark.parametrize(("lang", "words"), [("en", "needs JAX"), ("ko", "JAX가 필요합니다")])
def test_cli_backend_jax_without_jax_is_a_clear_error(lang: str, words: str) -> None:
    argv = [*ARGS[:-1], "--backend", "jax", "--lang", lang]
    done = subprocess.run([sys.executable, "-c", BLOCKED.format(argv=argv)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 3, done.stderr
    assert words in done.stderr and "nablab[jax]" in done.stderr
