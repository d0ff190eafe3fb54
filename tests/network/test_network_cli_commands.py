"""`nablab train` and `nablab graph` through their real entry points."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from nablab.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_train_text_shows_the_chain_rule_and_the_result() -> None:
    code, out, err = run("train", "--data", "example:linear", "--start", "w1=0,w2=0")
    assert (code, err) == (0, "")
    assert "ŷ = w₁x₁ + w₂x₂" in out
    assert "∂ℓ/∂w₁ = ∂ℓ/∂ŷ · ∂ŷ/∂w₁ = 2(ŷ − y) · x₁ = 2x₁(w₁x₁ + w₂x₂ − y)" in out
    assert "converged after 188 epochs" in out
    assert "Parameters: w₁ = 2, w₂ = −3" in out


def test_train_json_has_the_issue_shape() -> None:
    code, out, _ = run("train", "--model", "w1*x1 + w2*x2 + b", "--data", "example:linear",
                       "--target", "y", "--loss", "mse", "--optimizer", "momentum", "--lr",
                       "0.05", "--epochs", "30", "--batch-size", "5", "--seed", "4", "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data["parameters"]) == {"b", "w1", "w2"}
    assert all(isinstance(v, float) for v in data["parameters"].values())
    assert len(data["loss"]) == 31 and data["final_loss"] == data["loss"][-1]
    assert data["gradient_formulas"]["w1"] == "2*x1*(b + w1*x1 + w2*x2 - y)"
    assert data["accuracy"] is None
    assert (data["optimizer"], data["batch_size"], data["seed"]) == ("momentum", 5, 4)


def test_train_classification_reports_accuracy_and_the_xor_note() -> None:
    code, out, _ = run("train", "--data", "example:xor", "--lr", "0.5", "--epochs", "500")
    assert code == 0
    assert "Accuracy:" in out and "XOR cannot be learned by a single layer" in out
    code, out, _ = run("train", "--data", "example:xor", "--epochs", "50", "--json")
    assert json.loads(out)["accuracy"] <= 0.75


def test_train_korean() -> None:
    code, out, _ = run("train", "--data", "example:logistic", "--epochs", "50", "--lang", "ko")
    assert code == 0
    assert "단일 층 신경망" in out and "연쇄법칙" in out and "정확도" in out


def test_train_errors_are_messages(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("x1,y\n1,2\n3,oops\n", encoding="utf-8")
    code, out, err = run("train", "--model", "w*x1", "--data", str(bad))
    assert code == 1 and out == ""
    assert err == (f"nablab: error: row 2 (line 3 of '{bad}'), column 'y': 'oops' is not a "
                   "finite number\n")
    code, out, _ = run("train", "--model", "w*x1", "--data", str(bad), "--json")
    assert json.loads(out)["error"]["kind"] == "data_not_number"
    code, _, err = run("train", "--data", str(bad))
    assert code == 2 and "--model" in err
    code, _, err = run("train", "--model", "w*x1", "--data", "example:linear", "--epochs", "0")
    assert code == 2 and "--epochs" in err


def test_graph_text_and_json() -> None:
    code, out, err = run("graph", "sigmoid(w*x + b)", "--at", "w=2,x=1,b=-1")
    assert (code, err) == (0, "")
    assert any(line.split() == ["v₃", "sigmoid", "σ(v₂)", "0.731059", "1"]
               for line in out.splitlines())
    assert "∂f/∂w += ∂f/∂v₁ · ∂v₁/∂w = 0.196612 · (x = 1) = 0.196612" in out
    assert "largest relative error" in out
    code, out, _ = run("graph", "sigmoid(w*x + b)", "--at", "w=2,x=1,b=-1", "--json")
    data = json.loads(out)
    assert [n["id"] for n in data["nodes"]] == ["b", "w", "x", "v1", "v2", "v3"]
    assert data["gradient"]["x"] == pytest.approx(0.3932238664829637, rel=1e-15)
    assert data["check"]["max_rel_error"] < 1e-8


def test_graph_errors() -> None:
    code, _, err = run("graph", "log(x)", "--at", "x=-1")
    assert code == 1 and "undefined" in err
    code, out, _ = run("graph", "x*y", "--at", "x=1", "--json")
    assert code == 1 and json.loads(out)["error"]["kind"] == "missing_values"


def test_plots_of_train_and_graph(tmp_path: Path) -> None:
    surface = tmp_path / "surface.png"
    code, _, err = run("train", "--data", "example:linear", "--epochs", "40", "--plot",
                       str(surface))
    assert code == 0 and "Figure written to" in err
    assert surface.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    drawing = tmp_path / "graph.svg"
    code, _, err = run("graph", "sigmoid(w*x + b)", "--at", "w=2,x=1,b=-1", "--plot",
                       str(drawing))
    assert code == 0
    text = drawing.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text


def test_the_installed_executable(tmp_path: Path) -> None:
    exe = shutil.which("nablab")
    assert exe is not None, "pip install -e . puts `nablab` on PATH"
    proc = subprocess.run([exe, "train", "--data", "example:xor", "--epochs", "20", "--json"],
                          capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert {"parameters", "loss", "final_loss", "gradient_formulas", "accuracy"} <= set(data)
    proc = subprocess.run([exe, "graph", "w*x + b", "--at", "w=2,x=1,b=-1", "--json"],
                          capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert proc.returncode == 0 and json.loads(proc.stdout)["gradient"]["x"] == 2.0
