"""Figures render headless: matplotlib's Agg backend, no display, no pyplot."""

from __future__ import annotations

import io
import logging
import os

import numpy as np
import pytest

os.environ.setdefault("MPLBACKEND", "Agg")


def png_spread(data: bytes) -> float:
    """Standard deviation of a PNG's pixel values (a blank image has 0)."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        return float(np.asarray(image.convert("L"), dtype=float).std())


@pytest.fixture(autouse=True)
def _no_missing_glyphs(caplog: pytest.LogCaptureFixture):
    """Fail if mathtext logs a missing glyph (plain text missing a glyph warns, = error)."""
    with caplog.at_level(logging.WARNING, logger="matplotlib"):
        yield
    missing = [r.getMessage() for r in caplog.records if "glyph" in r.getMessage().lower()]
    assert not missing, missing
