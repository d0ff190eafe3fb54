"""The notebooks run once, all together, in real kernels (a few at a time)."""

from __future__ import annotations

from typing import Any

import pytest

from . import kernel
from .results import display_notebook

DOCS = kernel.ROOT / "docs" / "notebooks"


@pytest.fixture(scope="session")
def executed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """docs/notebooks/*/*.ipynb by their path under docs/notebooks, and ``"display"``: every
    result type shown (its errors kept as outputs, for the results that draw nothing)."""
    pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    docs = {p.relative_to(DOCS).as_posix(): kernel.read(p) for p in sorted(DOCS.glob("*/*.ipynb"))}
    cwd = tmp_path_factory.mktemp("notebooks")
    display = display_notebook()
    kernel.execute([display], cwd, allow_errors=True, others=list(docs.values()))
    return {**docs, "display": display}
