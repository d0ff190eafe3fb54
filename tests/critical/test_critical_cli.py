"""``nablab critical`` through its real entry points: nablab.cli.main and the executable."""

from __future__ import annotations

import io
import json
import math
import shutil
import subprocess

import numpy as np
import pytest
import sympy

import nablab
from nablab.cli import main
from nablab.core.printing import to_str
from nablab.i18n.messages.critical import MESSAGES
from nablab.i18n.particles import fields


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_json_points_against_sympy_solve() -> None:
    code, out, _ = _run("critical", "x^3 - 3x + y^2", "--json")
    assert code == 0
    data = json.loads(out)
    f = nablab.parse("x^3 - 3x + y^2")
    oracle = sympy.solve([sympy.diff(f.expr, v) for v in f.variables], f.variables, dict=True)
    assert {tuple(p["exact"].values()) for p in data["points"]} == \
        {tuple(to_str(s[v]) for v in f.variables) for s in oracle}
    assert (data["complete"], data["method"]) == (True, "groebner")
    assert [p["kind"] for p in data["points"]] == ["saddle", "minimum"]
    assert data["explanation"] and all(isinstance(s, str) for s in data["explanation"])


def test_human_output_in_english_and_korean() -> None:
    code, out, _ = _run("critical", "x^3 - 3x + y^2", "--lang", "en")
    assert code == 0
    for text in ("(−1, 0)", "saddle point", "local minimum", "necessary", "unbounded below"):
        assert text in out
    code, out, _ = _run("critical", "x^3 - 3x + y^2", "--lang", "ko")
    assert code == 0
    for text in ("안장점", "극소", "필요조건", "충분조건", "헤세 행렬", "고윳값"):
        assert text in out


def test_domain_with_leading_minus() -> None:
    code, out, _ = _run("critical", "sin(x)", "--domain", "-4:4", "--json")
    assert code == 0
    data = json.loads(out)
    assert [p["point"]["x"] for p in data["points"]] == pytest.approx(
        [-math.pi / 2, math.pi / 2], abs=1e-12)
    assert (data["complete"], data["fallback"], data["domain"]) == (False, "not_polynomial",
                                                                    [[-4.0, 4.0]])


def test_bad_domain_is_an_input_error() -> None:
    code, out, err = _run("critical", "x^2", "--domain", "3:1", "--json")
    assert code == 1
    assert json.loads(out)["error"]["kind"] == "bad_domain"
    assert "3:1" in err


def test_vars_option_and_degenerate_test_line() -> None:
    code, out, _ = _run("critical", "x^4 + y^4", "--vars", "x,y")
    assert code == 0
    assert "degenerate" in out and "a minimum (proven)" in out


def test_the_installed_executable() -> None:
    exe = shutil.which("nablab")
    assert exe is not None
    done = subprocess.run([exe, "critical", "(x^2 + y - 11)^2 + (x + y^2 - 7)^2", "--json"],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert len(data["points"]) == 9 and data["complete"] is True
    assert sum(p["kind"] == "minimum" for p in data["points"]) == 4


def test_every_message_has_the_same_placeholders_in_both_languages() -> None:
    for key, (en, ko) in MESSAGES.items():
        assert fields(en) == fields(ko), key  # a Korean particle ('{text}'{을}) is no field


def test_tour_has_the_chapter(monkeypatch: pytest.MonkeyPatch) -> None:
    import nablab.cli.tour as tour
    from nablab.cli.tour.critical import chapter

    assert chapter in tour.CHAPTERS
    monkeypatch.setattr(tour, "CHAPTERS", (chapter,))  # the other chapters have their tests
    code, out, _ = _run("tour", "--json")
    assert code == 0
    (data,) = [c["data"] for c in json.loads(out)["chapters"]]
    points = data["critical_points"]["points"]
    assert [(p["point"], p["kind"]) for p in points] == [({"x": 0.0, "y": 0.0}, "minimum")]
    assert data["critical_points"]["global"]["minimum"]["certificate"] == "x² + y²"
    assert [p["kind"] for p in data["contrast"]["points"]] == ["saddle", "minimum"]


def test_tour_chapter_in_korean_is_computed() -> None:
    from nablab.cli.tour.critical import chapter

    ch = chapter("ko")
    text = "\n".join(t for _, t in ch.lines)
    assert "헤세 행렬" in text and "전역 최솟값" in text and "안장점" in text
    f = nablab.parse("x^2 + y^2")
    eigenvalues = ch.data["critical_points"]["points"][0]["eigenvalues"]
    assert eigenvalues == pytest.approx(np.linalg.eigvalsh(
        np.array(sympy.hessian(f.expr, f.variables).tolist(), dtype=float)).tolist())
