"""Points where ∇f does not exist are candidates too (issue 15): |u|, relu, max, min, roots.

Every expected value below is worked by hand:

* √(x² + y²) + 1 ≥ 1 with equality only at the origin, where the cone has no tangent plane
  (∂f/∂x = x/√(x² + y²) has no limit at (0, 0)): a local (and global) minimum, f = 1.
* |x|: f′ = −1 left of 0, +1 right of it — a minimum at 0, f′ never 0.
* |x| + |y| ≥ 0 = f(0, 0); the four pieces ±x ± y have gradients (±1, ±1) ≠ 0.
* relu(x) + x²: 2x on the left (0 only at 0, not inside x < 0), 1 + 2x on the right
  (−1/2 is not inside x > 0); at 0: f′(0−) = 0, f′(0+) = 1 and f(±t) > 0 = f(0).
* x^(2/3) (principal root: defined for x ≥ 0): f′ = (2/3)x^(−1/3) → +∞ as x → 0+, a minimum
  at the end of the domain; f′ is never 0 (its numerator is 2), so the list is complete.
* The cone: inside the piece x² + y² > 0, ∂f/∂x = x/√(x² + y²) vanishes only on x = 0 and
  ∂f/∂y only on y = 0, i.e. at the origin, outside the piece: complete.
* |x − 1|: f′(1−) = −1, f′(1+) = 1, a minimum 0 at 1.
* x² − |x|: 2x − 1 = 0 at 1/2 (x > 0) and 2x + 1 = 0 at −1/2 (x < 0), f = −1/4, f″ = 2;
  at 0: f′(0−) = 1, f′(0+) = −1, a local maximum 0.
* max(x, y) + x² + y²: on x = y, f = x + 2x², stationary at x = −1/4, f = −1/8; the open
  pieces' critical points (−1/2, 0), (0, −1/2) lie outside their pieces.
* |x| − |y|: at the origin f(t, 0) = t > 0 > −t = f(0, t): not an extremum.
"""

from __future__ import annotations

import io
import json

import pytest

import nablab
from nablab.cli import main
from nablab.errors import UnsupportedError
from nablab.i18n import translate


def _run(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue()


def _points(f: str) -> list[tuple[dict[str, float], float, str, bool]]:
    result = nablab.critical_points(f)
    return [(p.point, p.value, p.kind, p.differentiable) for p in result.points]


@pytest.mark.parametrize(("f", "expected", "complete"), [
    ("sqrt(x^2+y^2) + 1", [({"x": 0.0, "y": 0.0}, 1.0, "minimum", False)], True),
    ("|x|", [({"x": 0.0}, 0.0, "minimum", False)], True),
    ("|x| + |y|", [({"x": 0.0, "y": 0.0}, 0.0, "minimum", False)], True),
    ("relu(x) + x^2", [({"x": 0.0}, 0.0, "minimum", False)], True),
    ("x^(2/3)", [({"x": 0.0}, 0.0, "minimum", False)], True),
    # √(4 − x²): f′ = −x/√(4 − x²) = 0 at 0 (f = 2, f″ = −1/2); ±2 ends of the domain, f = 0
    ("sqrt(4 - x^2)", [({"x": -2.0}, 0.0, "minimum", False), ({"x": 0.0}, 2.0, "maximum", True),
                       ({"x": 2.0}, 0.0, "minimum", False)], True),
    ("|x - 1|", [({"x": 1.0}, 0.0, "minimum", False)], True),
    ("x^2 - |x|", [({"x": -0.5}, -0.25, "minimum", True), ({"x": 0.0}, 0.0, "maximum", False),
                   ({"x": 0.5}, -0.25, "minimum", True)], True),
    ("max(x, y) + x^2 + y^2", [({"x": -0.25, "y": -0.25}, -0.125, "minimum", False)], True),
    ("|x| - |y|", [({"x": 0.0, "y": 0.0}, 0.0, "not_extremum", False)], True),
    # |x|³ + x: −x³ + x on x < 0, f′ = 0 at −1/√3 (f = −2√3/9, f″ = 2√3 > 0); x³ + x has no
    # zero of f′ on x > 0; at 0 both one-sided derivatives are 1: f′(0) = 1, no critical point
    ("|x|^3 + x", [({"x": -3 ** -0.5}, -2 * 3 ** 0.5 / 9, "minimum", True)], True),
    # x|x|: f′(0−) = f′(0+) = 0, differentiable, and f(−t) < 0 < f(t): not an extremum
    ("x*|x|", [({"x": 0.0}, 0.0, "not_extremum", True)], True),
    # max(x², 1) = 1 on [−1, 1]: ±1 are minima (not strict), f′(1−) = 0, f′(1+) = 2
    ("max(x^2, 1)", [({"x": -1.0}, 1.0, "minimum", False), ({"x": 1.0}, 1.0, "minimum", False)],
     False),
])
def test_points_where_the_gradient_does_not_exist(
        f: str, expected: list[tuple[dict[str, float], float, str, bool]],
        complete: bool | None) -> None:
    found = _points(f)
    assert [(k, d) for _, _, k, d in found] == [(k, d) for _, _, k, d in expected]
    assert [list(p.values()) for p, _, _, _ in found] == \
        [pytest.approx(list(p.values())) for p, _, _, _ in expected]
    assert [v for _, v, _, _ in found] == pytest.approx([v for _, v, _, _ in expected])
    if complete is not None:
        assert nablab.critical_points(f).complete is complete


def test_one_sided_derivatives_in_one_variable() -> None:
    (point,) = nablab.critical_points("relu(x) + x^2").points
    assert point.one_sided == ("0", "1") and point.locus == ("x = 0",)
    assert point.test is not None and point.test.proof
    (point,) = nablab.critical_points("|x - 1|").points
    assert point.one_sided == ("−1", "1") and point.exact == {"x": "1"}
    (point,) = nablab.critical_points("x^(2/3)").points
    assert point.one_sided == ("", "+∞")     # not defined left of 0 (principal root)
    middle = nablab.critical_points("x^2 - |x|").points[1]
    assert middle.one_sided == ("1", "−1") and middle.kind == "maximum"


def test_the_cone_is_no_longer_said_to_have_no_extremum() -> None:
    """Bug (issue 15): √(x² + y²) + 1 was said to have no local minimum or maximum."""
    for lang in ("en", "ko"):
        code, out = _run("critical", "sqrt(x^2+y^2) + 1", "--lang", lang)
        assert code == 0
        assert translate("critical.explain.no_points", lang) not in out
        assert "(0, 0)" in out
    _, out = _run("critical", "sqrt(x^2+y^2) + 1", "--lang", "en")
    assert "No critical points were found" not in out
    assert "f is not differentiable here (x² + y² = 0)" in out
    assert "at (0, 0) ∇f does not exist" in out
    assert "local minimum" in out
    _, out = _run("critical", "sqrt(x^2+y^2) + 1", "--lang", "ko")
    assert "여기서 f는 미분 가능하지 않음 (x² + y² = 0)" in out
    assert "(0, 0)에서는 ∇f가 존재하지 않습니다" in out


def test_json_marks_the_points() -> None:
    code, out = _run("critical", "|x| + |y|", "--json")
    assert code == 0
    data = json.loads(out)
    (point,) = data["points"]
    assert point["exact"] == {"x": "0", "y": "0"} and point["value_exact"] == "0"
    assert point["differentiable"] is False and point["kind"] == "minimum"
    assert sorted(point["locus"]) == ["x = 0", "y = 0"] and point["eigenvalues"] == []
    assert data["complete"] is True
    code, out = _run("critical", "x^3 - 3x", "--json")
    assert all(p["differentiable"] is True and p["locus"] == [] for p in
               json.loads(out)["points"])


def test_table_note_in_one_variable() -> None:
    _, out = _run("critical", "|x|", "--lang", "en")
    assert "f is not differentiable here (x = 0); f′(0−) = −1, f′(0+) = 1" in out
    assert "at 0 f′ does not exist (x = 0)" in out
    _, out = _run("critical", "|x|", "--lang", "ko")
    assert "여기서 f는 미분 가능하지 않음 (x = 0); f′(0−) = −1, f′(0+) = 1" in out


@pytest.mark.parametrize("f", ["sign(x) + y^2", "heaviside(x)"])
def test_jumps_are_still_refused(f: str) -> None:
    with pytest.raises(UnsupportedError):
        nablab.critical_points(f)


def test_dependent_kinks_and_empty_pieces() -> None:
    """|x| + |y| + |z| + |x − y| ≥ 0 = f(0, 0, 0): x = y = 0 makes x − y = 0 too (three
    dependent loci: the z-axis is no continuum of candidates), and pieces such as
    x − y < 0, y = 0, x > 0 are empty — so the list is complete: the origin alone."""
    result = nablab.critical_points("|x|+|y|+|z|+|x-y|")
    assert result.complete
    assert [(p.exact, p.kind, p.differentiable) for p in result.points] == \
        [({"x": "0", "y": "0", "z": "0"}, "minimum", False)]


def test_a_timeout_stays_bounded() -> None:
    result = nablab.critical_points("|x-1|+|y-2|+|x+y|", exact_timeout=0.01)
    assert not result.complete and result.fallback == "timeout"
