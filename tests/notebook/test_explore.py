"""The explorers' widgets, driven from code as a user would drive them."""

from __future__ import annotations

import pytest

import nablab
from nablab.jobs import DescendRequest, LagrangeRequest, run

pytest.importorskip("ipywidgets")

PNG = b"\x89PNG"


def test_descent_explorer_redraws_the_path_as_controls_change() -> None:
    e = nablab.explore("x^2 + 10y^2", start=(3, 1), lr=0.01, steps=50, lang="en")
    assert e.result.nit == 50 and bytes(e.image.value).startswith(PNG) and e.error is None
    first = bytes(e.image.value)
    e.set(optimizer="adam", lr=0.1, steps=200)
    expected = run(DescendRequest(expression="x^2 + 10y^2", start="3.0,1.0", optimizer="adam",
                                  lr=0.1, steps=200))
    assert e.result.x.tolist() == expected.x.tolist() and e.result.nit == expected.nit
    assert bytes(e.image.value) != first and "Adam" in e.text.value
    assert e.redraws == 2   # set() moves several controls and redraws once
    e.controls["x"].value = -2.0        # the start point is a control too
    assert e.result.path[0][0] == -2.0


def test_descent_explorer_says_what_went_wrong_and_keeps_going() -> None:
    e = nablab.explore("x^2 + sqrt(y)", start=(1, 1), lang="en")
    e.controls["y"].value = -1.0        # outside the domain: said, not raised
    assert e.error and e.error in e.text.value.replace("&#x27;", "'")
    e.controls["y"].value = 4.0
    assert e.error is None and e.result.path[0][1] == 4.0


def test_descent_explorer_labels_follow_the_language() -> None:
    e = nablab.explore("x^2 + y^2", start=(1, 1), lang="ko")
    assert e.controls["lr"].description == "학습률 η"
    assert any("\uac00" <= ch <= "\ud7a3" for ch in e.text.value)


def test_limit_explorer_turns_the_secant_into_the_tangent() -> None:
    e = nablab.explore_limit("x^2 - x", at=1, lang="en")
    slider = e.controls["h"]
    images = set()
    for i in (slider.min, slider.max // 2, slider.max):
        slider.value = i
        images.add(bytes(e.image.value))
    assert len(images) == 3 and e.result.derivative == nablab.parse("2x - 1").expr


def test_lagrange_explorer_moves_the_constraint() -> None:
    e = nablab.explore_lagrange("4 - x^2 - 2y^2", "2(x-1)^2 - 10y", k=-6, lang="en")
    before = e.result.maximum.value
    e.set(k=-5.0)
    after = run(LagrangeRequest(expression="4 - x^2 - 2y^2",
                                constraints="2(x-1)^2 - 10y = -5.0", check=False))
    assert e.result.maximum.value == pytest.approx(after.maximum.value)
    assert e.result.maximum.value != pytest.approx(before)
    assert "λ" in e.text.value


def test_an_explorer_displays_as_a_widget() -> None:
    e = nablab.explore("x^2", start=(1,), lang="en")
    assert "application/vnd.jupyter.widget-view+json" in e._repr_mimebundle_()
