"""solve_exact: symbolic constants and denominators stay on the exact path (issue 15)."""

import sympy

from nablab.solve.exact import exact_kind, solve_exact

x, y, r, h, lam = sympy.symbols("x y r h lambda", real=True)
pi = sympy.pi


def _exact(result):
    return [s.exact for s in result.solutions]


def test_cylinder_lagrange_system_exact_in_pi():
    # V = π r² h with h + 2πr = 120: ∇V = λ∇g gives 2πrh = 2πλ, πr² = λ → h = r·π... by hand:
    # λ = πr², 2πrh = 2π²r²·... → h = πr (r ≠ 0), then πr + 2πr = 120 → r = 40/π, h = 40.
    f, g = pi * r**2 * h, h + 2 * pi * r - 120
    eqs = [sympy.diff(f - lam * g, v) for v in (r, h)] + [g]
    result = solve_exact(eqs, [r, h, lam])
    assert result is not None and result.complete and result.method == "groebner"
    assert _exact(result) == [(0, 120, 0), (40 / pi, 40, 1600 / pi)]


def test_gradient_with_pi_coefficient():
    f = x**2 - 2 * pi * x + y**2
    result = solve_exact([f.diff(x), f.diff(y)], [x, y])
    assert result is not None and result.complete
    assert _exact(result) == [(pi, 0)]


def test_rational_function_numerator_and_denominator():
    f = x / (x**2 + 1)  # f' = (1 − x²)/(x² + 1)²
    result = solve_exact([f.diff(x)], [x])
    assert exact_kind([f.diff(x)], [x]) == "rewritten"
    assert result is not None and result.complete and _exact(result) == [(-1,), (1,)]


def test_point_where_a_denominator_vanishes_is_dropped():
    # (x² − 1)/(x − 1) − 2 = (x − 1)²/(x − 1): the numerator's only root x = 1 is a pole.
    result = solve_exact([(x**2 - 1) / (x - 1) - 2], [x])
    assert result is not None and result.complete and result.solutions == ()
    # x(x − 1)/(x² − 1) = 0 → x = 0 only (x = 1 is a pole).
    result = solve_exact([x * (x - 1) / (x**2 - 1)], [x])
    assert result is not None and _exact(result) == [(0,)]


def test_sqrt2_coefficient_exact():
    result = solve_exact([x**2 - sympy.sqrt(2) * x], [x])
    assert result is not None and result.complete and _exact(result) == [(0,), (sympy.sqrt(2),)]
    result = solve_exact([sympy.sqrt(2) * x - 1, y - x], [x, y])
    assert _exact(result) == [(sympy.sqrt(2) / 2, sympy.sqrt(2) / 2)]


def test_other_constants():
    assert _exact(solve_exact([x * sympy.E - 1], [x])) == [(sympy.exp(-1),)]
    log2 = sympy.log(2)
    assert _exact(solve_exact([x**2 - log2], [x])) == [(-sympy.sqrt(log2),), (sympy.sqrt(log2),)]


def test_declines_what_it_cannot_do():
    assert solve_exact([x**2 - pi * sympy.E], [x]) is None   # π and e together
    assert solve_exact([sympy.sin(x)], [x]) is None
    assert exact_kind([sympy.sin(x)], [x]) is None
    assert exact_kind([x**2 - 1], [x]) == "polynomial"


def test_not_in_shape_position_over_pi():
    # (x − π)³ = 0, y = 0: the basis is not in shape position; y = 0 is put in first.
    result = solve_exact([4 * (x - pi) ** 3, 2 * y], [x, y])
    assert result is not None and result.complete and _exact(result) == [(pi, 0)]


def test_cubic_over_pi_real_roots_counted_exactly():
    # x³ − πx + 1: discriminant 4π³ − 27 > 0, three real roots (Sturm count over ℚ(π));
    # x³ − √2x + 1: 4·2√2 − 27 < 0, one real root.
    result = solve_exact([x**3 - pi * x + 1], [x])
    assert result is not None and result.complete and len(result.solutions) == 3
    assert all(abs(s.x[0] ** 3 - 3.141592653589793 * s.x[0] + 1) < 1e-12 for s in result.solutions)
    result = solve_exact([x**3 - sympy.sqrt(2) * x + 1], [x])
    assert result is not None and len(result.solutions) == 1
