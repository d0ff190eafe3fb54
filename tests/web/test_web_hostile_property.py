"""Every endpoint driven with generated hostile bodies (issue 21): a documented status, one
strict JSON object (no NaN or infinity), no traceback, within the budget.

The expressions are the command line's hostile ones; the other fields get values at the edges
(huge integers past int64, lone surrogates, negative counts, wrong types). Derandomized.
"""

from __future__ import annotations

import json
import time
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.cli.test_cli_hostile_property import expressions
from tests.web.conftest import Server, strict_json

PATHS = ["/api/parse", "/api/plot", "/api/diff", "/api/limit", "/api/steps", "/api/tangent",
         "/api/implicit", "/api/taylor", "/api/chain", "/api/critical", "/api/descend",
         "/api/race", "/api/lagrange", "/api/view/diff", "/api/view/lagrange", "/api/view/limit",
         "/api/view/taylor"]
EDGES: list[Any] = [0, -1, 1, 2**63, -(2**63) - 1, 1e308, "1e308", "\ud800", "", None, [], {},
                    "x=1,y=2", "1,2", "nan", True, "a" * 5000]
FIELDS = ["at", "start", "vars", "every", "steps", "lr", "order", "constraint", "sub", "wrt",
          "timeout", "lang", "optimizers", "mixed", "range", "points", "given"]
DOCUMENTED = {200, 400, 413, 422, 503}

bodies = st.fixed_dictionaries(
    {"expression": expressions},
    optional={name: st.sampled_from(EDGES) for name in FIELDS})


@settings(max_examples=80, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(PATHS), body=bodies)
def test_every_endpoint_answers_hostile_bodies(web_server: Server, path: str,
                                               body: dict[str, Any]) -> None:
    started = time.monotonic()
    status, _, raw = web_server.request("POST", path, _encode(body),
                                        {"Content-Type": "application/json"})
    took = time.monotonic() - started
    assert status in DOCUMENTED, (path, body, status, raw[:300])
    assert b"Traceback" not in raw and b"Internal Server Error" not in raw
    data = strict_json(raw)
    assert isinstance(data, dict) and (("error" in data) == (status != 200)), (path, data)
    assert took < 35, (path, body, took)


def _encode(body: dict[str, Any]) -> bytes:
    return json.dumps(body).encode()   # lone surrogates travel as \ud800 escapes
