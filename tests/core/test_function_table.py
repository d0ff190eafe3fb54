"""The function catalog: adding one row is all it takes, and every row agrees with itself.

The made-up function is the versine, versin(x) = 1 − cos x (not one of nablab's): one row,
added for a test and removed after it, and nablab parses it from text and LaTeX, prints it
three ways, differentiates it symbolically and step by step, compiles it to NumPy and plots
it. Then every real row is checked against independent oracles: its float twin against
SymPy's ``evalf``, its derivative rule against ``sympy.diff``, its names and LaTeX commands
against the parser, its printed forms against reading them back.
"""

from __future__ import annotations

import io
import math
import os
from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest
import sympy

import nablab
from nablab.calculus.steps import RULE_NAMES, derivative_steps, explain
from nablab.core.catalog import CATALOG, ROWS, expand_named, kinks, new_function
from nablab.core.printing import to_latex, to_str, to_unicode
from nablab.core.spec import DerivativeRule, FunctionSpec
from nablab.errors import ParseError
from nablab.i18n.messages import CATALOGUE

os.environ.setdefault("MPLBACKEND", "Agg")

x, y, u = sympy.symbols("x y u", real=True)

Versin = new_function("versin")
VERSIN = FunctionSpec(
    "versin", Versin, float_twin=lambda t: 1 - math.cos(t), latex=r"\operatorname{versin}",
    latex_commands=("versin",), derivative=DerivativeRule("trig", sympy.sin), continuous=True,
    expanded=lambda a: 1 - sympy.cos(a))


@pytest.fixture
def versin() -> Iterator[Any]:
    """The catalog with the versine's row, for one test."""
    with CATALOG.extended(VERSIN):
        yield Versin


# -- adding a row ----------------------------------------------------------------------------

def test_a_new_row_parses_from_text_and_latex(versin: Any) -> None:
    assert nablab.parse("versin(x^2) + 2 versin y").expr == versin(x**2) + 2 * versin(y)
    assert nablab.parse(r"\versin\left(x\right) + \operatorname{versin}(y)").expr == \
        versin(x) + versin(y)
    constant = nablab.parse("versin(1)").expr.evalf()  # checked through the float twin first
    assert abs(float(constant) - (1 - math.cos(1))) < 1e-15


def test_a_new_row_prints_three_ways_and_reads_back(versin: Any) -> None:
    f = versin(x) ** 2 + versin(x * y)
    assert to_unicode(versin(x)) == "versin(x)"
    assert to_latex(versin(x)) == r"\operatorname{versin}\left(x\right)"
    assert to_str(versin(x)) == "versin(x)"
    for printed in (to_unicode(f), to_latex(f), to_str(f)):
        assert nablab.parse(printed).expr == f, printed


def test_a_new_row_is_differentiated_symbolically_and_step_by_step(versin: Any) -> None:
    assert sympy.diff(versin(x**2), x) == 2 * x * sympy.sin(x**2)
    d = derivative_steps("versin(x^2)")
    assert [s.rule for s in d.steps] == ["chain", "trig", "power"]
    assert sympy.simplify(d.result - 2 * x * sympy.sin(x**2)) == 0
    assert d.verified is True
    trig = next(line for line in explain(d, "en") if line.rule == "trig")
    assert trig.formula == "(versin(u))′ = sin(u)"
    assert "(versin(u))′ = sin(u)" in trig.sentence
    assert expand_named(versin(x)) == 1 - sympy.cos(x)  # what SymEngine gets


def test_a_new_row_compiles_to_numpy(versin: Any) -> None:
    compiled = nablab.compile(nablab.parse("versin(x) y"))
    xs, ys = np.linspace(-3, 3, 7), np.linspace(0.5, 2, 7)
    np.testing.assert_allclose(compiled.f(xs, ys), (1 - np.cos(xs)) * ys, rtol=1e-14)
    np.testing.assert_allclose(compiled.grad(xs, ys), [np.sin(xs) * ys, 1 - np.cos(xs)],
                               rtol=1e-14, atol=1e-15)


def test_a_new_row_is_plotted(versin: Any) -> None:
    from nablab.plot.function import function_picture

    figure = function_picture(nablab.parse("versin(x)")).static("en")
    curve = figure.axes[0].lines[0]
    xs, ys = (np.asarray(v, dtype=float) for v in curve.get_data())
    np.testing.assert_allclose(ys, 1 - np.cos(xs), atol=1e-12)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    assert buffer.getvalue().startswith(b"\x89PNG")


def test_removing_the_row_removes_the_function() -> None:
    with CATALOG.extended(VERSIN):
        assert "versin" in CATALOG.names
    assert "versin" not in CATALOG.names and CATALOG.command("versin") is None
    assert nablab.parse("versin(x)").expr == sympy.E * sympy.Symbol("r", real=True) * \
        sympy.Symbol("v", real=True) * sympy.sin(x)  # v·e·r·sin(x), as before the row
    with pytest.raises(ParseError) as info:
        nablab.parse(r"\versin(x)")
    assert info.value.kind == "unknown_command"


def test_a_row_cannot_take_a_name_in_use() -> None:
    with pytest.raises(ValueError, match="arcsin"):
        CATALOG.add(FunctionSpec("inverse_sine", Versin, aliases=("arcsin",),
                                 float_twin=math.asin))
    with pytest.raises(ValueError, match="float_twin"):
        FunctionSpec("versin", Versin)
    assert CATALOG.named("inverse_sine") is None


# -- every row agrees with itself -------------------------------------------------------------

POINTS = (-2.5, -1.3, -0.7, -0.3, 0.4, 0.9, 1.7, 2.6, 3.2, 4.4)
PAIRS = tuple(zip(POINTS, POINTS[3:] + POINTS[:3], strict=True))
TYPED = [row for row in ROWS if row.typed]
WITH_HEAD = [row for row in ROWS if row.head is not None]
JUMPS = (sympy.sign, sympy.Heaviside, sympy.DiracDelta, sympy.Derivative, sympy.Subs)


def _arguments(row: FunctionSpec) -> list[tuple[float, ...]]:
    return list(PAIRS) if row.min_args == 2 else [(p,) for p in POINTS]


def _symbols(row: FunctionSpec) -> tuple[sympy.Symbol, ...]:
    return (x, y) if row.min_args == 2 else (x,)


def _exact(build: Any, *args: Any) -> complex | None:
    """``build(*args)`` as a complex number, ``None`` if it is infinite or undefined."""
    try:
        result = complex(build(*(sympy.Float(a, 30) for a in args)).evalf(30))
    except (TypeError, ValueError):  # a pole: SymPy refuses Γ(−30.0) as it builds it
        return None
    return result if math.isfinite(abs(result)) else None


@pytest.mark.parametrize("row", TYPED, ids=lambda r: r.name)
def test_float_twin_agrees_with_sympy(row: FunctionSpec) -> None:
    assert row.float_twin is not None
    compared = 0
    for args in _arguments(row):
        exact = _exact(row.build, *args)
        try:
            twin = row.float_twin(*args)
        except (ValueError, ZeroDivisionError, OverflowError):
            # the twin refuses only where F is not real (or not finite)
            assert exact is None or abs(exact.imag) > 1e-12, (row.name, args, exact)
            continue
        assert exact is not None and abs(exact.imag) <= 1e-12, (row.name, args)
        assert abs(twin - exact.real) <= 1e-12 * max(1.0, abs(exact.real)), (row.name, args)
        compared += 1
    assert compared >= 3, row.name


@pytest.mark.parametrize("row", TYPED, ids=lambda r: r.name)
def test_every_name_and_latex_command_reads_as_the_row(row: FunctionSpec) -> None:
    args = ", ".join(s.name for s in _symbols(row))
    expected = row.build(*_symbols(row))
    for name in row.names:
        assert CATALOG.named(name) is row
        assert nablab.parse(f"{name}({args})").expr == expected, name
    for command in row.latex_commands:
        assert CATALOG.command(command) is row
        assert nablab.parse(rf"\{command}\left({args}\right)").expr == expected, command


@pytest.mark.parametrize("row", [r for r in WITH_HEAD if r.typed], ids=lambda r: r.name)
def test_printed_forms_read_back(row: FunctionSpec) -> None:
    expr = row.build(*_symbols(row))
    assert CATALOG.of(expr) is row
    assert type(expr).__name__ in row.names  # SymPy's str() of it reads back
    # the unit step is printed H(x) as textbooks write it; typed, H is a name (only str()
    # reads back as the step)
    shown = () if row.name == "heaviside" else (to_unicode(expr), to_latex(expr))
    for printed in (*shown, to_str(expr)):
        assert nablab.parse(printed).expr == expr, printed
    if row.unicode is not None:
        assert to_unicode(expr).startswith(row.unicode)
    if row.latex is not None:
        assert to_latex(expr).startswith(row.latex)


@pytest.mark.parametrize("row", [r for r in ROWS if r.derivative is not None],
                         ids=lambda r: r.name)
def test_derivative_rule_agrees_with_sympy_diff(row: FunctionSpec) -> None:
    rule = row.derivative
    assert rule is not None and row.head is not None
    assert rule.rule in RULE_NAMES
    assert f"steps.rule.{rule.rule}" in CATALOGUE and f"steps.say.{rule.rule}" in CATALOGUE
    difference = sympy.Lambda(u, rule.formula(u) - sympy.diff(row.head(u), u))
    compared = 0
    for p in POINTS:
        value = _exact(difference, p)
        if value is not None and math.isfinite(value.real):
            assert abs(value) < 1e-20, (row.name, p, value)
            compared += 1
    assert compared >= 3, row.name
    if rule.shown is not None:
        assert all("{x}" in template for template in rule.shown)


@pytest.mark.parametrize("row", WITH_HEAD, ids=lambda r: r.name)
def test_kinks_are_where_the_derivative_jumps(row: FunctionSpec) -> None:
    """A row names a kink exactly when SymPy's derivative is a jump, a δ or left undone."""
    expr = row.build(*_symbols(row))
    derivative = sympy.diff(expr, x)
    assert (row.kink is not None) == derivative.has(*JUMPS), (row.name, derivative)
    assert kinks(expr + x**2) == ((row.kink,) if row.kink else ())


@pytest.mark.parametrize("row", WITH_HEAD, ids=lambda r: r.name)
def test_continuous_and_restricted_rows(row: FunctionSpec) -> None:
    """Continuous: real and finite everywhere we look; restricted: complex somewhere."""
    grid = [(-30.0 + 0.37 * k, 12.5 - 0.41 * k) for k in range(163)]
    values = [_exact(row.build, *args[:row.min_args]) for args in grid]
    real = [v is not None and abs(v.imag) < 1e-12 for v in values]
    if row.continuous:
        assert all(real), row.name
    if row.restricted:
        assert not all(real) and any(v is not None and abs(v.imag) > 1e-12 for v in values)


@pytest.mark.parametrize("row", [r for r in ROWS if r.ufunc is not None], ids=lambda r: r.name)
def test_staged_kernel_ufuncs(row: FunctionSpec) -> None:
    ufunc = getattr(np, row.ufunc or "")
    assert row.float_twin is not None
    for p in POINTS:
        try:
            expected = row.float_twin(p)
        except ValueError:
            continue
        assert ufunc(p) == pytest.approx(expected, rel=1e-14, abs=1e-300)
    if row.quiet:
        with np.errstate(all="raise"):
            ufunc(np.array([-np.inf, -1e308, 0.0, 1e308, np.inf]))


@pytest.mark.parametrize("row", [r for r in ROWS if r.expanded is not None],
                         ids=lambda r: r.name)
def test_expansions_equal_the_function(row: FunctionSpec) -> None:
    assert row.expanded is not None
    for p in POINTS:
        a = sympy.Float(p, 30)
        assert abs(complex((row.expanded(a) - row.build(a)).evalf(30))) < 1e-25
    assert not expand_named(row.build(x)).has(row.head)


def test_every_function_nablab_typed_before_the_table_is_in_it() -> None:
    before = set("sin cos tan cot sec csc asin acos atan acot asec acsc arcsin arccos arctan "
                 "arccot sinh cosh tanh coth sech csch asinh acosh atanh arsinh arcosh artanh "
                 "arcsinh arccosh arctanh exp ln log sqrt cbrt abs Abs sign sgn sigmoid sigma "
                 "relu softplus heaviside Heaviside max Max min Min factorial".split())
    assert CATALOG.names == before


def test_acot_constants_follow_sympys_branch() -> None:
    """acot(−1) = −π/4 in SymPy; the old float twin π/2 − atan x said 3π/4, so the parser
    refused 2^(1000·acot(−1)) = 2^(−250π) as a number too large."""
    assert nablab.parse("2^(1000 acot(-1))").expr == 2 ** (-250 * sympy.pi)
