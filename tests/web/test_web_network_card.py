"""The network card (issue 19): ``/api/view/train`` and the card in headless Chromium.

The view's ``result`` is ``nablab train --layers … --json`` exactly; its frames are bounded and
are the library's numbers (ŷ at the XOR corners is the result's prediction at that epoch); only
built-in data sets are accepted (never a path on the server). In the page, XOR is learned 4/4,
the slider moves the boundary, and Korean reads from the catalogue.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import nablab
from nablab.__main__ import main
from nablab.i18n import translate
from nablab.plot.boundary import MAX_FRAMES, frame_epochs

from . import harness
from .conftest import Server

XOR = {"data": "example:xor", "layers": "2,2,1", "activation": "tanh", "seed": 1}


def cli_json(*args: str) -> Any:
    out, err = io.StringIO(), io.StringIO()
    assert main(["train", *args, "--json"], stdout=out, stderr=err) == 0, err.getvalue()
    return json.loads(out.getvalue())


def test_the_view_is_the_commands_json_and_the_libraries_frames(web_server: Server) -> None:
    status, view = web_server.post("/api/view/train", XOR)
    assert status == 200, view
    expected = cli_json("--data", "example:xor", "--layers", "2,2,1", "--activation", "tanh",
                        "--seed", "1")
    assert view["result"] == expected
    frames = view["frames"]
    assert frames["epochs"] == frame_epochs(1000) and len(frames["epochs"]) <= MAX_FRAMES
    result = nablab.train(data="example:xor", layers=[2, 2, 1], activation="tanh", seed=1)
    grid = frames["boundary"]
    xs, ys = np.array(grid["x"]), np.array(grid["y"])
    assert len(xs) * len(ys) <= 60 * 60
    corners = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    for k, epoch in enumerate(frames["epochs"]):
        z = np.array(grid["z"][k])
        # the grid point nearest each corner: ŷ (in whole percents) near the library's there
        near = [(int(np.argmin(abs(ys - y))), int(np.argmin(abs(xs - x)))) for x, y in corners]
        points = np.array([[xs[j], ys[i]] for i, j in near])
        np.testing.assert_allclose([z[i, j] for i, j in near],
                                   100 * result.predict(points, epoch), atol=0.51)
        assert frames["loss"][k] == pytest.approx(result.loss[epoch])
        np.testing.assert_allclose(frames["hidden"]["points"][k],
                                   result.hidden(corners, 1, epoch).T, atol=1e-4)
        np.testing.assert_allclose(frames["weights"][k]["W1"], result.weights_at(epoch)["W1"],
                                   atol=1e-4)
    assert frames["accuracy"][-1] == 1.0 and frames["hidden"]["lines"][-1] is not None


def test_sine_sends_the_curve_and_korean_text(web_server: Server) -> None:
    status, both = web_server.post("/api/both/view/train", {"data": "example:sine",
                                                            "layers": "1,4,1", "epochs": 50})
    assert status == 200
    frames = both["ko"]["frames"]
    assert frames["boundary"] is None and frames["hidden"] is None and frames["accuracy"] is None
    assert len(frames["curve"]["y"]) == len(frames["epochs"]) == 51
    assert both["ko"]["result"]["message"] != both["en"]["result"]["message"]


@pytest.mark.parametrize("body", [
    {"data": "/etc/passwd"}, {"data": "example:iris"}, {"data": "data.csv"},
    {"data": "example:xor", "epochs": 10**9}, {"data": "example:xor", "lr": -1},
    {"data": "example:xor", "model": "w*x1"}, {"data": "example:xor", "start": "1"},
    {"data": "example:xor", "layers": "x" * 500},
])
def test_only_built_in_data_and_bounded_options(web_server: Server, body: dict[str, Any]
                                                ) -> None:
    status, answer = web_server.post("/api/view/train", body)
    assert status in (400, 422) and "error" in answer


def test_a_bad_network_is_a_catalogue_error(web_server: Server) -> None:
    status, answer = web_server.post("/api/view/train", {"data": "example:xor",
                                                          "layers": "3,2,1", "lang": "ko"})
    assert status == 400 and "입력" in answer["error"]["message"]


harness_ready = pytest.mark.skipif(harness.chromium_missing() and not __import__("os").environ.get(
    "CI"), reason="Debian's chromium is not installed")


@pytest.fixture(scope="module")
def page(web_server: Server) -> Iterator[Any]:
    harness.playwright_or_skip()
    with harness.ready_page(web_server.url, plotly=True) as page:
        yield page


def train(page: Any, data: str = "example:xor") -> None:
    page.select_option("#network-data", data)
    page.evaluate("document.getElementById('network-out').textContent = ''")
    page.click("#network-run")
    page.wait_for_function("!!document.getElementById('network-summary') && "
                           "document.getElementById('network-boundary').dataset.ready === '1'",
                           timeout=60_000)


@harness_ready
def test_the_card_learns_xor_four_of_four_and_the_slider_moves_it(page: Any,
                                                                   artifacts: Path) -> None:
    train(page)
    summary = page.inner_text("#network-summary")
    assert "4 of 4 classified right (100%)" in summary
    # one line per weight in the network's picture, and the formulas with their shapes
    weights = page.eval_on_selector_all("#network-graph line",
                                        "ls => ls.map(l => l.dataset.weight)")
    assert sorted(weights) == sorted(["W1[1,1]", "W1[1,2]", "W1[2,1]", "W1[2,2]", "W2[1,1]",
                                      "W2[1,2]"])
    assert page.locator("#network-out .network-formulas").count() == 2
    assert "(2×2)(2×1) + (2×1)" in page.inner_text("#network-out")
    last = page.inner_text("#network-frame")
    assert "epoch 1000 of 1000" in last and "accuracy 100%" in last
    # the slider to the start: the caption, the boundary and the weights of epoch 0
    page.evaluate("""() => { const s = document.getElementById('network-epoch');
        s.value = '0'; s.dispatchEvent(new Event('input')); }""")
    page.wait_for_function("document.getElementById('network-frame').textContent"
                           ".startsWith('epoch 0 ')")
    z0 = page.evaluate("document.getElementById('network-boundary').data[0].z")
    result = nablab.train(data="example:xor", layers=[2, 2, 1], activation="tanh", seed=1)
    assert np.max(np.abs(np.array(z0) - 50)) < 30   # ŷ near ½ everywhere at the start
    width = page.evaluate("""() => { const l = [...document.querySelectorAll('#network-graph line')]
        .find(l => l.dataset.weight === 'W1[1,2]'); return l.getAttribute('stroke'); }""")
    assert width == ("#d62728" if result.weights_at(0)["W1"][0, 1] >= 0 else "#1f77b4")
    page.locator("#network").screenshot(path=str(artifacts / "network-card-en.png"))


@harness_ready
def test_the_card_in_korean_and_circles(page: Any, artifacts: Path) -> None:
    page.click("#lang-toggle")
    page.wait_for_function("document.documentElement.lang === 'ko'")
    try:
        assert "4개 중 4개를 맞게 분류" in page.inner_text("#network-summary")
        assert page.inner_text("#network h2") == translate("web.section.network", "ko")
        train(page, "example:circles")
        assert page.input_value("#network-layers") == "2,4,1"
        assert "200개 중" in page.inner_text("#network-summary")
        page.locator("#network").screenshot(path=str(artifacts / "network-card-ko.png"))
    finally:
        page.click("#lang-toggle")
        page.wait_for_function("document.documentElement.lang === 'en'")
