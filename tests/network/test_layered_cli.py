"""`nablab train --layers` through the real entry point: text, JSON, Korean, errors; and
`nablab graph` on a small network written as one formula."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from nablab.cli import main
from nablab.network.layered import architecture, backward, forward


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


XOR = ("train", "--layers", "2,2,1", "--activation", "tanh", "--data", "example:xor",
       "--seed", "1")


def test_text_has_the_formulas_with_shapes_and_learns_xor() -> None:
    code, out, err = run(*XOR)
    assert (code, err) == (0, "")
    assert "Network with hidden layers: 2-2-1, activation tanh, output sigmoid" in out
    assert "ŷ = σ(W⁽²⁾ tanh(W⁽¹⁾x + b⁽¹⁾) + b⁽²⁾)" in out
    assert "z⁽¹⁾ = W⁽¹⁾a⁽⁰⁾ + b⁽¹⁾   (2×1) = (2×2)(2×1) + (2×1)" in out
    assert "δ⁽¹⁾ = (W⁽²⁾ᵀδ⁽²⁾) ⊙ tanh′(z⁽¹⁾) = (W⁽²⁾ᵀδ⁽²⁾) ⊙ (1 − a⁽¹⁾²)" in out
    assert "∂ℓ/∂W⁽¹⁾ = δ⁽¹⁾a⁽⁰⁾ᵀ" in out and "(2×2) = (2×1)(1×2)" in out
    assert "Accuracy: 100.0% of the samples classified right" in out
    assert "The hidden layer learned XOR" in out
    assert "XOR cannot be learned by a single layer" not in out


def test_a_run_stuck_below_every_sample_right_says_what_to_try() -> None:
    """From seed 0 the 2-2-1 network stops at 2 of 4 on XOR (a poor local minimum): the
    learner is told so and what to try, instead of a bare 50.0%."""
    code, out, _ = run("train", "--layers", "2,2,1", "--data", "example:xor")
    assert code == 0 and "50.0%" in out
    assert "local minimum" in out and "--seed" in out and "--layers 2,4,1" in out
    code, out, _ = run("train", "--layers", "2,2,1", "--data", "example:xor", "--seed", "1",
                       "--lang", "ko")
    assert "100.0%" in out and "국소 최솟값" not in out and "XOR" in out


def test_json_has_the_single_layer_keys_plus_layers_and_weights() -> None:
    code, single, _ = run("train", "--data", "example:xor", "--epochs", "5", "--json")
    code, out, _ = run(*XOR, "--json", "--epochs", "300", "--optimizer", "adam", "--lr",
                       "0.05", "--batch-size", "2")
    assert code == 0
    data = json.loads(out)
    assert set(json.loads(single)) - {"typed"} <= set(data)   # no formula was typed
    assert data["layers"] == [2, 2, 1]
    assert set(data["weights"]) == {"W1", "b1", "W2", "b2"}
    assert np.array(data["weights"]["W1"]).shape == (2, 2)
    assert np.array(data["weights"]["b1"]).shape == (2, 1)
    assert np.array(data["weights"]["W2"]).shape == (1, 2)
    assert data["parameters"]["W1[1,2]"] == data["weights"]["W1"][0][1]
    assert len(data["parameters"]) == 9 and data["batch_size"] == 2
    assert len(data["loss"]) == len(data["accuracy_per_epoch"]) == 301
    assert data["formulas"]["model"] == "ŷ = σ(W⁽²⁾ tanh(W⁽¹⁾x + b⁽¹⁾) + b⁽²⁾)"
    assert data["formulas"]["shapes"] == {"W1": [2, 2], "b1": [2, 1], "W2": [1, 2],
                                          "b2": [1, 1]}
    assert data["formulas"]["forward"][0] == {
        "formula": "z⁽¹⁾ = W⁽¹⁾a⁽⁰⁾ + b⁽¹⁾", "shape": "(2×1)",
        "factors": "(2×2)(2×1) + (2×1)",
        "latex": "z^{(1)} = W^{(1)} a^{(0)} + b^{(1)}"}
    assert data["gradient_formulas"]["W1"] == "δ⁽¹⁾a⁽⁰⁾ᵀ"
    assert data["chain_rule"]["W2"] == {"outer": "δ⁽²⁾", "inner": "a⁽¹⁾ᵀ"}
    assert [s["layer"] for s in data["gradient_sizes"]] == [1, 2]
    assert data["explain_sample"] is None
    assert (data["activation"], data["output"], data["loss_function"]) == \
        ("tanh", "sigmoid", "bce")


def test_explain_sample_in_english_and_korean() -> None:
    code, out, _ = run(*XOR, "--explain-sample", "2", "--epochs", "10")
    assert code == 0
    assert "Sample 2: x = (0, 1)ᵀ, y = 1" in out
    assert "δ⁽²⁾ = ∂ℓ/∂z⁽²⁾ = ŷ − y" in out
    assert "chain rule along every path" in out
    code, out, _ = run(*XOR, "--explain-sample", "2", "--epochs", "10", "--lang", "ko")
    assert code == 0
    assert "표본 2" in out and "순전파" in out and "역전파" in out and "연쇄법칙" in out
    code, out, _ = run("train", "--layers", "1,3,1", "--data", "example:sine",
                       "--explain-sample", "3", "--epochs", "2")
    assert "δ⁽²⁾ = ∂ℓ/∂z⁽²⁾ = 2(ŷ − y) = 2(" in out and " − (−0.309))" in out
    code, out, _ = run(*XOR, "--explain-sample", "3", "--epochs", "10", "--json")
    explained = json.loads(out)["explain_sample"]
    assert explained["sample"] == 3 and explained["x"] == [1.0, 0.0]
    assert np.array(explained["grad_W"][0]).shape == (2, 2)


def test_vanishing_gradients_table() -> None:
    code, out, _ = run("train", "--layers", "1,1,1,1,1,1", "--activation", "sigmoid",
                       "--data", "example:sine", "--seed", "1", "--epochs", "5")
    assert code == 0
    assert "Gradient sizes at the start (θ₀), layer by layer" in out
    assert "σ′ = σ(1 − σ) ≤ 1/4" in out and "0.003906" in out    # (1/4)⁴
    code, out, _ = run("train", "--layers", "1,1,1,1,1,1", "--activation", "relu", "--data",
                       "example:sine", "--epochs", "5", "--json")
    sizes = json.loads(out)["gradient_sizes"]
    assert len(sizes) == 5 and all(s["bound"] == 1.0 for s in sizes)
    code, out, _ = run("train", "--layers", "1,1,1,1,1,1", "--activation", "tanh", "--data",
                       "example:sine", "--epochs", "5", "--lang", "ko")
    assert code == 0 and "층별 기울기 크기" in out


@pytest.mark.parametrize(("argv", "text"), [
    (("--layers", "0,1"), "--layers must be 2 to 64 widths"),
    (("--layers", "2,-3,1"), "--layers must be"),
    (("--layers", ",".join(["1"] * 10_000)), "--layers must be"),
    (("--layers", "2,99999999999,1"), "--layers must be"),
    (("--layers", "2,1000,1000,1000,1"), "the limit is 100000"),
    (("--layers", "2,2,3"), "must be 1"),
    (("--layers", "5,2,1"), "the data has 2 input columns"),
    (("--layers", "2,2,1", "--model", "w*x1"), "give either --model or --layers"),
    (("--layers", "2,2,1", "--explain-sample", "9"), "from 1 to 4"),
    (("--layers", "2,2,1", "--output", "linear", "--loss", "bce"), "sigmoid output"),
    (("--model", "w*x1", "--activation", "relu"), "--activation is for networks"),
    (("--layers", "2,2,1", "--start", "w=1"), "--start is for --model"),
])
def test_hostile_options_are_usage_errors(argv: tuple[str, ...], text: str) -> None:
    code, out, err = run("train", "--data", "example:xor", *argv)
    assert code == (1 if "input columns" in text else 2), err
    assert text in err and "Traceback" not in err


def test_activation_choice_is_checked_by_the_command_line() -> None:
    code, _, err = run("train", "--data", "example:xor", "--layers", "2,2,1", "--activation",
                       "softmax")
    assert code == 2 and "softmax" in err


def test_graph_on_a_small_network_agrees_with_matrix_backprop() -> None:
    """`nablab graph` of ŷ = σ(v₁tanh(…) + v₂tanh(…) + c) at a point: its adjoints ∂ŷ/∂θ
    equal the matrix backward pass started from δ⁽²⁾ = ∂ŷ/∂z⁽²⁾."""
    point = {"x1": 0.3, "x2": -1.0, "w11": 0.5, "w12": -1.0, "b1": 0.2, "w21": 1.0,
             "w22": 0.7, "b2": -0.5, "v1": 2.0, "v2": -1.0, "c": 0.1}
    formula = "sigmoid(v1*tanh(w11*x1 + w12*x2 + b1) + v2*tanh(w21*x1 + w22*x2 + b2) + c)"
    code, out, _ = run("graph", formula, "--at", ",".join(f"{k}={v}" for k, v in point.items()),
                       "--json")
    assert code == 0
    data = json.loads(out)
    net = architecture([2, 2, 1])
    theta = np.array([point[k] for k in ("w11", "w12", "w21", "w22", "b1", "b2", "v1", "v2",
                                         "c")])
    passed = forward(net, theta, np.array([[point["x1"], point["x2"]]]))
    y_hat = passed.output[0]
    grad, _ = backward(net, theta, passed, np.array([[y_hat * (1 - y_hat)]]))
    assert data["value"] == pytest.approx(y_hat, rel=1e-12)
    names = ("w11", "w12", "w21", "w22", "b1", "b2", "v1", "v2", "c")
    for name, value in zip(names, grad, strict=True):
        assert data["gradient"][name] == pytest.approx(value, rel=1e-9, abs=1e-15)
    assert data["check"]["max_rel_error"] < 1e-8


def test_the_installed_executable(tmp_path: Path) -> None:
    exe = shutil.which("nablab")
    assert exe is not None
    proc = subprocess.run([exe, "train", "--layers", "2,2,1", "--data", "example:xor", "--seed",
                           "1", "--json"], capture_output=True, text=True, timeout=120,
                          cwd=tmp_path, env={"PYTHONPATH": str(Path(__file__).parents[2] / "src"),
                                             "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["accuracy"] == 1.0
