"""roots_on_interval: f'(x) = 0 on [a, b] by solveset, cross-checked by sign changes."""

import sympy

from nablab.solve import interval
from nablab.solve.interval import roots_on_interval

x = sympy.Symbol("x", real=True)
pi = sympy.pi


def _exact(roots):
    return [e for _, e in roots]


def test_sin_plus_cos_derivative():
    # cos x − sin x = 0 ⇔ tan x = 1: x = π/4, 5π/4 in [0, 2π].
    roots = roots_on_interval(sympy.cos(x) - sympy.sin(x), x, 0, 2 * pi)
    assert _exact(roots) == [pi / 4, 5 * pi / 4]


def test_stewart_x_minus_2_sin_x():
    # 1 − 2cos x = 0 ⇔ cos x = 1/2: x = π/3, 5π/3.
    roots = roots_on_interval(1 - 2 * sympy.cos(x), x, 0, 2 * pi)
    assert _exact(roots) == [pi / 3, 5 * pi / 3]


def test_exponential_and_logarithm():
    # (1 − x)e^(−x) = 0 → 1; (1 − ln x)/x² = 0 → e.
    assert _exact(roots_on_interval(sympy.diff(x * sympy.exp(-x), x), x, 0, 2)) == [1]
    assert _exact(roots_on_interval(sympy.diff(sympy.log(x) / x, x), x, 1, 3)) == [sympy.E]


def test_no_root_on_the_interval():
    assert roots_on_interval(sympy.exp(x) + 1, x, 0, 1) == []


def test_a_root_solveset_misses_is_caught(monkeypatch):
    # Pretend solveset forgot 5π/4: the sign change of cos x − sin x there has no root.
    monkeypatch.setattr(interval.sympy, "solveset",
                        lambda *args, **kwargs: sympy.FiniteSet(pi / 4))
    assert roots_on_interval(sympy.cos(x) - sympy.sin(x), x, 0, 2 * pi) is None


def test_undecided_sets_are_refused():
    # cos(1/x) = 0 on [1/100, 1]: solveset answers with a union of image sets, not a
    # FiniteSet of explicit numbers, so this is not decided here.
    assert roots_on_interval(sympy.cos(1 / x), x, sympy.Rational(1, 100), 1) is None
