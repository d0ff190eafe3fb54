"""Every command against awkward functions: a result or a clear error, never a crash.

For each pair the command must exit with a documented code (not 70, "internal error"),
print exactly one valid JSON object with no NaN or Infinity in it, and no traceback. The
functions are the ones that broke things before: vectors, factorials, kinks, poles,
overflowing values, constants.
"""

from __future__ import annotations

import io
import itertools
import json

import pytest

from nablab.cli import main

FUNCTIONS = ["(x, y)", "x!", "|x| + relu(y)", "max(x, y)", "1/x", "e^(1000 x)", "(x + y)^50",
             "ln(x)", "0", "x^x"]
COMMANDS = [
    ["diff", "--at", "0,0"], ["diff", "--at", "1e10,1e10"], ["limit", "--at", "0"], ["steps"],
    ["tangent", "--at", "1,1"], ["critical"], ["descend", "--start", "1,1", "--lr", "0.1"],
    ["race", "--start", "1,1", "--steps", "200"],
    ["sweep", "--starts", "-1:1,-1:1:3", "--lr", "0.01:0.1:2", "--steps", "50"],
    ["lagrange", "-c", "x^2 + y^2 <= 1", "--no-check"], ["graph", "--at", "x=1,y=1"],
    ["taylor", "--at", "1,1", "--order", "3"], ["diff", "--mixed", "x,y", "--at", "0,0"],
]
CASES = list(itertools.product(COMMANDS, FUNCTIONS))


@pytest.mark.parametrize(("command", "function"), CASES,
                         ids=[f"{c[0]}-{f}" for c, f in CASES])
def test_result_or_clear_error(command: list[str], function: str) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = main([command[0], function, *command[1:], "--json", "--timeout", "8"],
                stdout=out, stderr=err)
    assert code in (0, 1, 2, 3, 4, 5), err.getvalue()
    assert "Traceback" not in err.getvalue()
    text = out.getvalue()
    assert "NaN" not in text and "Infinity" not in text
    data = json.loads(text)
    assert ("error" in data) == (code != 0)
