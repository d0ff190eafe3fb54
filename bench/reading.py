"""Reading benchmark: the reading policy and the typed display against the naive parse.

For the forms learners type (issue 13), compares in one run:

- nablab: ``nablab.parse`` (grammar, reading rules, the typed twin) and then the function
  shown as typed, in Unicode and LaTeX, as every command does;
- naive: SymPy's ``parse_expr`` with implicit multiplication and ``^`` as power (what a
  script would do; it runs ``eval`` on the text, which nablab never does, and it reads half of
  these forms as other functions), then SymPy's own ``pretty``/``latex`` of the evaluated
  expression (not as typed);
- a literal beyond the limits: nablab refuses ``1e1000000000`` from its text, while
  converting first (``Fraction("1e<N>")``, what the parser did before) grows with N: shown at
  N = 10⁶, already far slower.

SymPy's cache is cleared before every repeat: a freshly typed formula has never been seen.
Targets (issue 13): parse + typed display ≤ 2× the naive path and < 5 ms per form; a huge
literal refused in < 1 ms.

Run: python bench/reading.py [--quick]
"""

from __future__ import annotations

import sys
import time
from fractions import Fraction

import sympy
from sympy.core.cache import clear_cache
from sympy.parsing.sympy_parser import (
    convert_xor,
    implicit_multiplication_application,
    parse_expr,
    standard_transformations,
)

import _timing
import nablab
from _timing import fmt
from nablab.errors import ParseError

QUICK = "--quick" in sys.argv
REPEAT = 3 if QUICK else 9

#: Forms the naive path can also take (it has no LaTeX, no pasted Unicode, no d/dx).
FORMS = ["x^2 + 3x y + y^2", "1/(1+exp(-x))", "4 - x^2 - 2y^2", "(y - w x)^2",
         "x^3 - 3x + y^2", "(1-x)^2 + 100(y-x^2)^2", "w1 x1 + w2 x2", "sin(2x) cos(x)",
         "log(x) + sqrt(x^2 + 1)", "exp(-2x) * x^3"]
#: Forms only nablab reads (the naive path errors or reads another function).
ONLY_NABLAB = ["e^-2x", "1e-3x", "log10(x)", "x^3 f(x)", "d/dx (x^2 sin x)",
               r"$\frac{1}{1+e^{-x}}$", "1 + e⁻ˣ", r"\hat{y} = w_1x_1 + w_2x_2"]

_TRANSFORMS = standard_transformations + (implicit_multiplication_application, convert_xor)


def ours(text: str) -> None:
    f = nablab.parse(text)
    _ = f.unicode, f.latex


def naive(text: str) -> None:
    expr = parse_expr(text, transformations=_TRANSFORMS)
    _ = sympy.pretty(expr, use_unicode=True), sympy.latex(expr)


def per_form(fn: object, texts: list[str]) -> float:
    """Median time of one pass over ``texts``, divided by their number (cold cache)."""
    total = _timing.median_time(lambda: [fn(t) for t in texts],  # type: ignore[operator]
                                REPEAT, clear_cache)
    return total / len(texts)


def refuse_time(text: str) -> float:
    def attempt() -> None:
        try:
            nablab.parse(text)
        except ParseError:
            return
        raise AssertionError(f"{text} was not refused")
    return _timing.median_time(attempt, REPEAT)


def convert_time(exponent: int) -> float:
    start = time.perf_counter()
    Fraction(f"1e{exponent}")
    return time.perf_counter() - start


def main() -> None:
    ours_t, naive_t = per_form(ours, FORMS), per_form(naive, FORMS)
    only_t = per_form(ours, ONLY_NABLAB)
    print(f"{'per form (cold cache)':44} {'time':>10} {'vs naive':>9}")
    print(f"{'naive: parse_expr + pretty + latex':44} {fmt(naive_t):>10} {1.0:8.2f}×")
    print(f"{'nablab: parse + typed Unicode + LaTeX':44} {fmt(ours_t):>10} "
          f"{ours_t / naive_t:8.2f}×")
    print(f"{'nablab, forms only nablab reads':44} {fmt(only_t):>10} {only_t / naive_t:8.2f}×")
    print()
    refused = refuse_time("1e1000000000")
    converted = convert_time(10**6)
    print(f"{'huge literal':44} {'time':>10} {'vs nablab':>9}")
    print(f"{'nablab refuses 1e1000000000':44} {fmt(refused):>10} {1.0:8.2f}×")
    print(f"{'Fraction(1e1000000) converted first':44} {fmt(converted):>10} "
          f"{converted / refused:8.0f}×")
    print()
    ok = ours_t <= 2 * naive_t and ours_t < 5e-3 and refused < 1e-3
    print("targets: parse + typed display ≤ 2× naive and < 5 ms per form; huge literal "
          f"refused < 1 ms: {'met' if ok else 'NOT met'}")


if __name__ == "__main__":
    main()
