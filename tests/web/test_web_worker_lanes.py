"""A web worker runs each job on one thread: the server's workers share the cores, and a
training job over 2,048 rows would otherwise take two (nablab.numeric.parallel)."""

from __future__ import annotations

from multiprocessing import Pipe

import pytest

from nablab.numeric import parallel
from nablab.web import worker


def test_a_web_worker_uses_one_lane(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MAX_LANES", 2)
    monkeypatch.setattr(worker.signal, "signal", lambda *args: None)
    ours, theirs = Pipe()
    theirs.close()
    try:
        worker.main(ours, 256)   # the other end is closed: it sets up and returns
    finally:
        ours.close()
    assert parallel.MAX_LANES == 1 and parallel.lanes() == 1
