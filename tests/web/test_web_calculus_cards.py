"""The cards of issue 16 (Taylor polynomials, …) in headless Chromium: values worked by hand.

Self-contained (its own browser and page), in the style of test_web_pictures.py.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import sympy

from nablab.i18n import translate

from . import harness
from .conftest import Server
from .test_web_pictures import figure

harness.playwright_or_skip()


@pytest.fixture(scope="module")
def page(web_server: Server) -> Iterator[Any]:
    with harness.ready_page(web_server.url, plotly=True) as page:
        yield page


def expand(page: Any, formula: str, at: str, order: int) -> None:
    page.fill("#formula", formula)
    page.wait_for_function("!!document.querySelector('#preview .katex')")
    page.fill("#taylor-at", at)
    page.fill("#taylor-order", str(order))
    page.evaluate("document.getElementById('taylor-plot').dataset.ready = ''")
    page.click("#taylor-run")
    page.wait_for_function("document.getElementById('taylor-plot').dataset.ready === '1'")


def cells(page: Any, table: str) -> list[list[str]]:
    return page.evaluate(f"[...document.querySelectorAll('#{table} tbody tr')]"
                         ".map(r => [...r.cells].map(c => c.textContent))")


def test_taylor_of_exp_in_one_variable(page: Any, artifacts: Path) -> None:
    # e^x at 0: T₃ = 1 + x + x²/2 + x³/6; at h = 0.1, T₃ = 1.1051666…, e^0.1 = 1.1051709…
    expand(page, "e^x", "x=0", 3)
    text = page.inner_text("#taylor-out")
    assert "Taylor polynomial of order 3 at x = 0" in text
    terms = cells(page, "taylor-terms")
    assert [row[0] for row in terms] == ["value f(a)", "first-derivative term f′(a)(x − a)",
                                         "second-derivative term ½f″(a)(x − a)²", "degree-3 term"]
    assert page.locator("#taylor-terms .katex").count() == 4
    rows = {row[0]: row for row in cells(page, "taylor-errors")}
    assert rows["0.1"][1] == "1.1051709" and rows["0.1"][2] == "1.1051667"
    assert float(rows["0.1"][3].replace("−", "-")) == pytest.approx(math.exp(0.1) - 1.1051666667,
                                                                     rel=1e-2)
    plot = figure(page, "taylor-plot")
    names = [trace["name"] for trace in plot["data"]]
    assert names == ["f", "T1 (order 1)", "T2 (order 2)", "T3 (order 3)", "the centre a"]
    x = np.array(plot["data"][0]["x"], dtype=float)
    for trace, k in zip(plot["data"][1:4], (1, 2, 3), strict=True):
        y = np.array(trace["y"], dtype=float)
        by_hand = sum(x**j / math.factorial(j) for j in range(k + 1))
        assert np.max(np.abs(y - by_hand)) < 1e-5
    assert plot["data"][4]["y"][0] == pytest.approx(1.0, abs=1e-3)
    page.locator("#taylor").screenshot(path=str(artifacts / "taylor-exp.png"))


def test_taylor_in_two_variables_overlays_contours(page: Any, artifacts: Path) -> None:
    # e^x sin y at (0, 0): T₂ = y + xy (value 0, gradient (0, 1), Hessian [[0, 1], [1, 0]])
    expand(page, "e^x sin y", "x=0,y=0", 2)
    assert page.evaluate("document.querySelector('#taylor-out .math.display').textContent")\
        .startswith("T2(x,y)=xy+y")
    plot = figure(page, "taylor-plot")
    f, model, centre = plot["data"]
    xs, ys = np.array(f["x"], dtype=float), np.array(f["y"], dtype=float)
    z = np.array(model["z"], dtype=float)
    i, j = np.argmin(np.abs(ys - 1.0)), np.argmin(np.abs(xs - 1.0))
    assert z[i, j] == pytest.approx(ys[i] + xs[j] * ys[i], abs=1e-5)
    assert f["contours"] == model["contours"]
    assert (centre["x"], centre["y"]) == ([0], [0])
    assert plot["layout"]["scaleanchor"] == "x"
    page.locator("#taylor").screenshot(path=str(artifacts / "taylor-2d.png"))


def test_taylor_in_korean_and_a_stale_centre(page: Any) -> None:
    expand(page, "x^3", "x=1", 2)
    # x³ at 1: 1 + 3(x − 1) + 3(x − 1)² (f = 1, f′ = 3, f″/2 = 3)
    latex = page.evaluate("[...document.querySelectorAll('#taylor-terms annotation')]"
                          ".map(a => a.textContent)")
    assert latex == ["1", "3 \\left(x - 1\\right)", "3 \\left(x - 1\\right)^{2}"]
    page.click("#lang-toggle")
    page.wait_for_function("document.documentElement.lang === 'ko'")
    assert "1차 테일러" not in page.inner_text("#taylor-out")
    assert "x = 1에서의 2차 테일러 다항식" in page.inner_text("#taylor-out")
    page.click("#lang-toggle")
    page.wait_for_function("document.documentElement.lang === 'en'")
    page.fill("#formula", "x^2 + y^2")
    page.wait_for_function("!!document.querySelector('#taylor-out .stale')")
    assert page.evaluate("document.getElementById('taylor-plot').hidden")


def limit2(page: Any, formula: str, at: str) -> str:
    page.fill("#formula", formula)
    page.wait_for_function("!document.getElementById('limit2-run').hidden")
    page.fill("#limit-at", at)
    page.wait_for_function("!document.getElementById('limit2-run').disabled")
    page.evaluate("document.getElementById('limit-out').replaceChildren()")
    page.click("#limit2-run")
    page.wait_for_function("!!document.getElementById('limit2-conclusion')")
    return page.inner_text("#limit2-conclusion")


def test_two_variable_limit_along_lines_does_not_exist(page: Any) -> None:
    # xy/(x² + y²) along y = mx: m x²/((1 + m²) x²) = m/(1 + m²); y = x gives ½, y = −x gives −½
    assert page.inner_text("#limit2-run") == "Limit as (x, y) → the point"
    conclusion = limit2(page, "x y/(x^2 + y^2)", "x=0,y=0")
    assert conclusion.startswith("The limit does not exist")
    rows = dict(cells(page, "limit2-paths"))
    assert rows["y = mx"] == "m/(m² + 1)" and rows["y = x"] == "1/2" and rows["y = −x"] == "−1/2"
    assert rows["y = 2x"] == "2/5" and rows["y = 0"] == "0" and rows["x = 0"] == "0"
    assert "limit2" in page.url.split("run=")[1].split("%2C")


def test_two_variable_limit_by_the_squeeze_and_its_korean(page: Any) -> None:
    # x²y/(x² + y²) = r cos²θ sin θ in polar form, |f| ≤ r → 0: the limit is 0
    conclusion = limit2(page, "x^2 y/(x^2 + y^2)", "x=0,y=0")
    assert conclusion == "The limit is 0 (squeeze theorem in polar coordinates)."
    assert "f = r·sin(θ)·cos(θ)²" in page.inner_text("#limit-out")
    page.click("#lang-toggle")
    page.wait_for_function("document.documentElement.lang === 'ko'")
    assert page.inner_text("#limit2-conclusion") == "극한은 0입니다 (극좌표에서 조임 정리)."
    assert page.inner_text("#limit2-run") == "(x, y) → 그 점에서의 극한"
    page.click("#lang-toggle")
    page.wait_for_function("document.documentElement.lang === 'en'")
    # one variable: no such button; a partial point: the button waits for the whole point
    page.fill("#formula", "x^2 + y^2")
    page.fill("#limit-at", "x=1")
    page.wait_for_function("document.getElementById('limit2-run').disabled")
    page.fill("#formula", "x^2")
    page.wait_for_function("document.getElementById('limit2-run').hidden")


def test_implicit_tangent_normal_and_gradient(page: Any, artifacts: Path) -> None:
    # x² + xy + y² = 3 at (−1, −1): F_x = 2x + y = −3, F_y = x + 2y = −3, dy/dx = −1,
    # tangent y + 1 = −(x + 1), i.e. y = −x − 2; normal y = x; ∇F = (−3, −3)
    page.fill("#implicit-equation", "x^2 + xy + y^2 = 3")
    page.fill("#implicit-at", "x=-1,y=-1")
    page.click("#implicit-run")
    page.wait_for_function("document.getElementById('implicit-plot').dataset.ready === '1'")
    text = page.inner_text("#implicit-out")
    assert "tangent line: y = −x − 2" in text and "normal line: y = x" in text
    assert "dy/dx = −1" in text
    plot = figure(page, "implicit-plot")
    curve, tangent, normal, point = plot["data"]
    xs, ys = np.array(curve["x"], dtype=float), np.array(curve["y"], dtype=float)
    z = np.array(curve["z"], dtype=float)
    assert z[10, 30] == pytest.approx(xs[30] ** 2 + xs[30] * ys[10] + ys[10] ** 2 - 3, abs=1e-5)
    tx, ty = np.array(tangent["x"]), np.array(tangent["y"])
    assert np.allclose(ty, -tx - 2)
    nx, ny = np.array(normal["x"]), np.array(normal["y"])
    assert np.allclose(ny, nx)
    assert (point["x"], point["y"]) == ([-1], [-1])
    arrow = plot["layout"]["annotations"][0]
    assert (arrow["ax"], arrow["ay"]) == (-1, -1)
    assert arrow["x"] == pytest.approx(arrow["y"]) and arrow["x"] < -1   # along (−3, −3)
    # a new f leaves the card as it is
    page.fill("#formula", "x^3")
    page.wait_for_timeout(600)
    assert not page.locator("#implicit-out .stale").count()
    page.locator("#implicit").screenshot(path=str(artifacts / "implicit.png"))


def test_chain_rule_tree_paths_and_check(page: Any) -> None:
    # z = x²y + y³, x = st, y = eᵗ: ∂z/∂t = 2xy·s + (x² + 3y²)·eᵗ = (s²t² + 2s²t + 3e^(2t))eᵗ
    page.fill("#chain-function", "z = x^2 y + y^3")
    page.fill("#chain-sub", "x = s t, y = e^t")
    page.fill("#chain-wrt", "t")
    page.evaluate("document.getElementById('chain-out').replaceChildren()")
    page.click("#chain-run")
    page.wait_for_function("!!document.getElementById('chain-tree')")
    tree = page.evaluate("""(() => { const walk = ul => [...ul.children].map(li => [
        li.querySelector(':scope > strong').textContent,
        li.querySelector(':scope > ul') ? walk(li.querySelector(':scope > ul')) : []]);
        return walk(document.getElementById('chain-tree')); })()""")
    assert tree == [["z", [["x", [["s", []], ["t", []]]], ["y", [["t", []]]]]]]
    text = page.inner_text("#chain-out")
    assert "z → x → t: ∂z/∂x·∂x/∂t = 2xy · s" in text
    assert "z → y → t: ∂z/∂y·dy/dt = (x² + 3y²) · e^t" in text
    assert "= 2xy · s + (x² + 3y²) · e^t" in text
    assert "∂z/∂t = (s²t² + 2s²t + 3e^(2t))·e^t" in text
    assert "✓ the same as differentiating z = s²t²·e^t + e^(3t) directly" in text
    # a new f leaves the card as it is
    page.fill("#formula", "x^4")
    page.wait_for_timeout(600)
    assert not page.locator("#chain-out .stale").count()


def mixed(page: Any, formula: str, order: str, at: str = "") -> None:
    page.fill("#formula", formula)
    page.wait_for_function("!!document.querySelector('#preview .katex')")
    page.fill("#diff-at", at)
    page.fill("#diff-mixed", order)
    page.evaluate("document.getElementById('diff-out').replaceChildren()")
    page.click("#diff-run")
    page.wait_for_function("!!document.getElementById('mixed-steps')"
                           " && !document.querySelector('#diff-out .working')")


def annotations(page: Any, box: str) -> list[str]:
    return page.evaluate(f"[...document.querySelectorAll('#{box} annotation')]"
                         ".map(a => a.textContent)")


def test_mixed_partials_of_the_counterexample_do_not_agree(page: Any, artifacts: Path) -> None:
    # f = xy(x² − y²)/(x² + y²), f(0, 0) = 0: f_x(0, k) = −k, so f_xy(0, 0) = −1; f_y(h, 0) = h,
    # so f_yx(0, 0) = 1 (both from the limit definition: the formulas are 0/0 at the origin)
    mixed(page, "x y (x^2-y^2)/(x^2+y^2)", "x,y", "x=0,y=0")
    assert annotations(page, "mixed-values") == ["f_{xy}(0, 0) = -1", "f_{yx}(0, 0) = 1"]
    verdict = page.inner_text("#mixed-verdict")
    assert "do not agree" in verdict and "f_xy(0, 0) = −1; f_yx(0, 0) = 1" in verdict
    assert translate("mixed.clairaut_fails", "en") in verdict
    text = page.inner_text("#diff-out")
    assert translate("mixed.limit_definition", "en") in text
    assert translate("mixed.agree", "en") in text          # as functions (away from 0)
    assert page.locator("#mixed-orderings .katex").count() == 2
    page.locator("#derivatives").screenshot(path=str(artifacts / "mixed-counterexample.png"))
    page.click("#lang-toggle")
    page.wait_for_function("document.documentElement.lang === 'ko'")
    verdict = page.inner_text("#mixed-verdict")
    assert "같지 않습니다" in verdict and "f_xy(0, 0) = −1; f_yx(0, 0) = 1" in verdict
    assert translate("mixed.clairaut_fails", "ko") in verdict
    assert "(0, 0)에서" in page.inner_text("#diff-out")
    page.click("#lang-toggle")
    page.wait_for_function("document.documentElement.lang === 'en'")


@pytest.mark.parametrize(("formula", "order"), [("x^2 y^3", "x,x,y"), ("x^2 y^3 z", "x,y,z")])
def test_mixed_partial_is_sympys_in_every_order(page: Any, formula: str, order: str) -> None:
    x, y, z = sympy.symbols("x y z")
    f = x**2 * y**3 * (z if "z" in formula else 1)
    names = order.split(",")
    mixed(page, formula, order, "x=1,y=2" + (",z=3" if "z" in formula else ""))
    steps = annotations(page, "mixed-steps")
    assert steps[-1] == f"f_{{{''.join(names)}}} = " + sympy.latex(
        sympy.diff(f, *[sympy.Symbol(n) for n in names]))
    orders = annotations(page, "mixed-orderings")
    assert len(orders) == len(set(itertools.permutations(names)))
    assert {line.split(" = ")[1] for line in orders} == {steps[-1].split(" = ")[1]}
    assert translate("mixed.agree", "en") in page.inner_text("#diff-out")
    assert translate("web.mixed.values_agree", "en") in page.inner_text("#mixed-verdict")
    page.fill("#diff-mixed", "")


def test_newton_steps_quadratic_models_on_the_contours(page: Any, artifacts: Path) -> None:
    # f = x⁴ + y² + xy from (1, 1): ∇f = (4x³ + y, 2y + x), H = [[12x², 1], [1, 2]]; each model
    # T₂(p) = f(θ) + ∇f·(p − θ) + ½(p − θ)ᵀH(p − θ) is drawn as its level curve through θ (so
    # T₂ = f(θ) on it) and its minimiser θ − H⁻¹∇f, where Newton's full step lands (θ₁).
    page.evaluate("delete document.getElementById('descent-plot').dataset.ready")
    page.fill("#formula", "x^4 + y^2 + x y")
    page.wait_for_function("document.getElementById('descent-plot').dataset.ready === '1'"
                           " && document.getElementById('surface-out').innerText.includes('x⁴')")
    page.fill("#descent-start", "1,1")
    page.select_option("#descent-optimizer", "newton")
    page.click("#descent-run")
    page.wait_for_function("document.getElementById('descent-plot').dataset.animation === 'done'")
    data = figure(page, "descent-plot")["data"]
    path = list(zip(data[2]["x"], data[2]["y"], strict=True))
    curve, minima = data[3], data[4]
    assert curve["name"] == "quadratic model T₂ at θₖ" and minima["name"] == "minimum of T₂"
    assert curve["line"]["dash"] == "dash" and curve["line"]["color"] == data[2]["line"]["color"]
    ellipses = np.split(np.array([np.nan if v is None else v for v in curve["x"]], dtype=float),
                        np.where([v is None for v in curve["x"]])[0])
    ys = np.split(np.array([np.nan if v is None else v for v in curve["y"]], dtype=float),
                  np.where([v is None for v in curve["y"]])[0])
    assert len(minima["x"]) == 4
    for k in range(4):
        theta = np.array(path[k])
        x0, y0 = theta
        grad = np.array([4 * x0**3 + y0, 2 * y0 + x0])
        hess = np.array([[12 * x0**2, 1.0], [1.0, 2.0]])
        f0 = x0**4 + y0**2 + x0 * y0
        px, py = ellipses[k][np.isfinite(ellipses[k])], ys[k][np.isfinite(ys[k])]
        d = np.stack([px - x0, py - y0])
        model = f0 + grad @ d + 0.5 * np.einsum("in,ij,jn->n", d, hess, d)
        assert np.allclose(model, f0, atol=1e-4 * max(1.0, abs(f0)))
        assert (minima["x"][k], minima["y"][k]) == pytest.approx(tuple(path[k + 1]), abs=1e-6)
    assert "x⁴ + y² + xy" in page.inner_text("#descent-out")
    page.locator("#descent").screenshot(path=str(artifacts / "newton-models.png"))
    # a first-order optimizer has no model
    page.select_option("#descent-optimizer", "gd")
    page.evaluate("document.getElementById('descent-plot').dataset.animation = ''")
    page.click("#descent-run")
    page.wait_for_function("document.getElementById('descent-plot').dataset.animation === 'done'")
    assert len(figure(page, "descent-plot")["data"]) == 3


def test_two_variable_limit_draws_the_paths_and_their_holes(page: Any, artifacts: Path) -> None:
    # xy/(x² + y²) along y = mx is m/(1 + m²) for every t ≠ 0: y = x stays at ½, y = −x at −½,
    # y = 2x at ⅖; the origin is a hole (f is 0/0 there) and t = 0 is never a sample
    page.evaluate("delete document.getElementById('limit-along').dataset.ready")
    limit2(page, "x y/(x^2 + y^2)", "x=0,y=0")
    page.wait_for_function("document.getElementById('limit-along').dataset.ready === '1'")
    along = figure(page, "limit-along")["data"]
    lines = {t["name"]: t for t in along if t["mode"] == "lines"}
    for name, m in (("y = x", 1), ("y = −x", -1), ("y = 2x", 2), ("y = 0", 0)):
        t = np.array([np.nan if v is None else v for v in lines[name]["x"]], dtype=float)
        f = np.array([np.nan if v is None else v for v in lines[name]["y"]], dtype=float)
        assert not np.any(t == 0) and np.nanmin(np.abs(t)) > 0
        assert np.allclose(f[np.isfinite(t)], m / (1 + m * m), atol=1e-6)
    holes = {t["name"]: t for t in along if t["mode"] == "markers"}
    assert holes["y = x: 0.5"]["y"] == [0.5] and holes["y = −x: −0.5"]["y"] == [-0.5]
    assert {t["marker"]["symbol"] for t in holes.values()} == {"circle-open"}
    plane = figure(page, "limit-plane")["data"]
    point = [t for t in plane if t.get("mode") == "markers"]
    assert len(point) == 1 and point[0]["marker"]["symbol"] == "circle-open"
    assert (point[0]["x"], point[0]["y"]) == ([0], [0])
    diagonal = next(t for t in plane if t.get("name") == "y = x")
    assert np.allclose(np.array(diagonal["x"], dtype=float), np.array(diagonal["y"], dtype=float),
                       equal_nan=True)
    assert not page.evaluate("document.querySelector('#limit .plots').hidden")
    page.locator("#limit").screenshot(path=str(artifacts / "limit2-paths.png"))
    # a limit in one variable hides the picture
    page.click("#limit-run")
    page.wait_for_function("document.querySelector('#limit .plots').hidden")


def test_two_variable_limit_of_a_continuous_function_marks_the_value(page: Any) -> None:
    page.evaluate("delete document.getElementById('limit-along').dataset.ready")
    # clicked before the preview of the new formula is back (the button was already on):
    # the run is not replaced by a recomputation of the earlier one-variable limit, and its
    # stamp names the new function, never the earlier one
    limit2(page, "x^2 + y^2", "x=1,y=2")
    page.wait_for_function("document.querySelector('#limit-out .card-for').innerText"
                           ".startsWith('For f(x, y) = x² + y²')")
    page.wait_for_function("document.getElementById('limit-along').dataset.ready === '1'")
    plane = figure(page, "limit-plane")["data"]
    (point,) = [t for t in plane if t.get("mode") == "markers"]
    assert point["marker"]["symbol"] == "circle"      # f(1, 2) = 5 is defined: no hole
    shapes = page.evaluate("document.getElementById('limit-along').layout.shapes")
    assert [s["y0"] for s in shapes if s["xref"] == "paper"] == [5]


def test_implicit_level_surface_tangent_plane_and_gradient(page: Any, artifacts: Path) -> None:
    # x² + y² + z² = 3 at (1, 1, 1): ∇F = (2, 2, 2), tangent plane x + y + z = 3
    page.evaluate("delete document.getElementById('implicit-plot').dataset.ready")
    page.fill("#implicit-equation", "x^2 + y^2 + z^2 = 3")
    page.fill("#implicit-at", "x=1,y=1,z=1")
    page.click("#implicit-run")
    page.locator("#implicit-plot").scroll_into_view_if_needed()
    page.wait_for_function("document.getElementById('implicit-plot').dataset.ready === '1'",
                           timeout=60_000)
    assert "z = −x − y + 3" in page.inner_text("#implicit-out")
    data = page.evaluate("document.getElementById('implicit-plot').data")
    assert [t["type"] for t in data] == ["isosurface", "surface", "scatter3d", "cone", "scatter3d"]
    iso = data[0]
    x, y, z = (np.array(iso[k], dtype=float) for k in "xyz")
    value = np.array([np.nan if v is None else v for v in iso["value"]], dtype=float)
    assert np.allclose(value, x**2 + y**2 + z**2 - 3, atol=1e-5)
    assert (iso["isomin"], iso["isomax"]) == (0, 0)
    px, py, pz = (np.array(data[1][k], dtype=float) for k in "xyz")
    assert np.allclose(px + py + pz, 3)
    cone = data[3]
    assert cone["u"][0] == pytest.approx(cone["v"][0]) == pytest.approx(cone["w"][0])
    assert cone["u"][0] > 0
    assert (data[4]["x"], data[4]["y"], data[4]["z"]) == ([1], [1], [1])
    page.locator("#implicit").screenshot(path=str(artifacts / "implicit-surface.png"))


def test_mixed_partial_of_other_variables_is_left_out_for_a_new_function(page: Any) -> None:
    # typed at once after the last run: the derivatives run once the preview of t³ is back
    # (an earlier preview's automatic run used to send x,y with t^3: an error)
    mixed(page, "x^2 y^3", "x,y")
    page.fill("#formula", "t^3")
    page.wait_for_function("document.getElementById('diff-out').innerText.includes('For f(t)')"
                           " && !document.querySelector('#diff-out .working')")
    text = page.inner_text("#diff-out")
    assert translate("web.card.mixed_dropped", "en", mixed="x,y") in text
    assert not page.locator("#mixed-steps").count() and "Derivative" in text
    page.fill("#diff-mixed", "")
