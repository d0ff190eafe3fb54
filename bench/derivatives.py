"""Derivatives explained benchmark: rule-by-rule steps and the limit definition, as ratios.

Measured in one run, with SymPy's cache cleared before every repeat (a freshly typed function
has never been seen):

1. ``derivative_steps`` (rules + readable form + numeric check against SymPy) against
   ``sympy.diff`` alone — the price of the explanation;
2. ``derivative_by_limit`` (the worked limit) against the naive way to get a derivative from
   the definition in SymPy, ``sympy.limit((f(x + h) − f(x))/h, h, 0)``;
3. end to end: a fresh ``nablab steps`` / ``nablab limit`` process against a plain
   ``python -c "import sympy; …diff…"``.

Run: python bench/derivatives.py [--quick]
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any

import sympy
from sympy.core.cache import clear_cache

import _timing  # bench/_timing.py: shared timing helpers
import nablab
from _timing import fmt

QUICK = "--quick" in sys.argv
REPEAT = 3 if QUICK else 7

#: The notes' functions and a few a learner types next.
STEPS = {
    "(2 − x)²": "(2 - x)^2",
    "1 + e^(−x)": "1 + e^{-x}",
    "σ = 1/(1 + e^(−x))": "1/(1 + e^{-x})",
    "x² sin x/(x + 1)": "x^2 sin(x)/(x + 1)",
    "neuron loss (σ(wx + b) − y)²": "(sigmoid(w x + b) - y)^2",
    "tanh(x²)·e^(−x)·√(1 + x²)": "tanh(x^2) e^{-x} sqrt(1 + x^2)",
}
LIMITS = {
    "5x + 1": "5x + 1",
    "x² − x": "x^2 - x",
    "1/(x² + 1)": "1/(x^2 + 1)",
    "√(2x + 3)": "sqrt(2x + 3)",
    "3e^(2x − 1)": "3 e^{2x - 1}",
    "x² + sin x": "x^2 + sin x",
}


def median_time(fn: Callable[[], Any], repeat: int = REPEAT) -> float:
    """Cold: SymPy's cache cleared before every call."""
    return _timing.median_time(fn, repeat, setup=clear_cache)


def steps_table() -> None:
    print("\n1. rule-by-rule steps (derivative_steps) against sympy.diff alone, cold cache")
    print(f"{'function':30} {'steps':>5} {'nablab steps':>13} {'sympy.diff':>11} {'ratio':>8}")
    for name, text in STEPS.items():
        f = nablab.parse(text)
        x = f.variables[-1] if "neuron" not in name else f.symbol("w")
        mine = median_time(lambda f=f, x=x: nablab.derivative_steps(f, x))
        theirs = median_time(lambda f=f, x=x: sympy.diff(f.expr, x))
        count = len(nablab.derivative_steps(f, x).steps)
        print(f"{name:30} {count:>5} {fmt(mine):>13} {fmt(theirs):>11} {mine / theirs:7.1f}×")


def limit_table() -> None:
    print("\n2. the limit definition: derivative_by_limit against sympy.limit of the quotient")
    print(f"{'function':14} {'lines':>5} {'nablab limit':>13} {'sympy.limit':>12} {'speed-up':>9}"
          f" {'same answer':>12}")
    h = sympy.Symbol("h")
    for name, text in LIMITS.items():
        f = nablab.parse(text)
        x = f.variables[0]
        quotient = (f.expr.subs(x, x + h) - f.expr) / h
        mine = median_time(lambda f=f: nablab.derivative_by_limit(f))
        theirs = median_time(lambda q=quotient: sympy.limit(q, h, 0), repeat=max(1, REPEAT // 2))
        ours = nablab.derivative_by_limit(f)
        same = sympy.simplify(ours.derivative - sympy.limit(quotient, h, 0)) == 0
        print(f"{name:14} {len(ours.steps):>5} {fmt(mine):>13} {fmt(theirs):>12} "
              f"{theirs / mine:8.2f}× {'yes' if same else 'NO':>12}")


def cli_table() -> None:
    print("\n3. end to end: a fresh process (wall time)")
    plain = ("import sympy; x = sympy.Symbol('x'); "
             "print(sympy.diff(1/(1 + sympy.exp(-x)), x))")
    runs = {
        'nablab steps "1/(1+e^{-x})"': _timing.nablab_command("steps", "1/(1+e^{-x})"),
        'nablab limit "x^2 - x" --at 2': _timing.nablab_command("limit", "x^2 - x", "--at", "2"),
        'nablab tangent "x^2 - x" --at 2': _timing.nablab_command("tangent", "x^2 - x", "--at",
                                                                  "2"),
        "python -c 'import sympy; diff'": [sys.executable, "-c", plain],
    }
    env = {**os.environ, "LANG": "C.UTF-8"}
    results = _timing.process_times(runs, 3 if QUICK else 5, env)
    _timing.print_process_table(results, "python -c 'import sympy; diff'", 34)


def main() -> None:
    print(f"nablab {nablab.__version__}, sympy {sympy.__version__}, "
          f"python {sys.version.split()[0]}")
    steps_table()
    limit_table()
    cli_table()


if __name__ == "__main__":
    main()
