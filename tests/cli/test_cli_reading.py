"""The reading policy on the command line: refusals are fast, and --timeout bounds parsing."""

from __future__ import annotations

import io
import json
import time

import pytest

import nablab.jobs.convert
from nablab.cli import main


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("argv", [
    ["diff", "1e1000000000"], ["diff", "x^2", "--at", "x=1e1000000000"],
    ["descend", "x^2", "--start", "1e-4000000", "--lr", "0.1"], ["critical", "1e400 x"],
])
def test_huge_literals_are_refused_within_a_second(argv: list[str]) -> None:
    start = time.perf_counter()
    code, _, err = _run(*argv, "--timeout", "5")
    assert code == 1, err
    assert "number too" in err
    assert time.perf_counter() - start < 5


def test_timeout_bounds_reading_the_formula(monkeypatch: pytest.MonkeyPatch) -> None:
    real = nablab.jobs.convert.parse

    def slow(*args: object, **kwargs: object) -> object:
        time.sleep(30)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(nablab.jobs.convert, "parse", slow)
    start = time.perf_counter()
    code, _, _ = _run("diff", "x^2", "--timeout", "1")
    assert code == 5
    assert time.perf_counter() - start < 10


def test_functions_option() -> None:
    code, out, err = _run("diff", "u(x) x", "--functions", "u", "--json")
    assert code == 0, err
    assert json.loads(out)["expression"] == "x*u(x)"
    code, out, _ = _run("diff", "u(x) x", "--json")
    assert json.loads(out)["variables"] == ["u", "x"]


def test_decimal_comma_hint() -> None:
    code, _, err = _run("diff", "2,5x")
    assert code == 1
    assert "2.5x" in err
