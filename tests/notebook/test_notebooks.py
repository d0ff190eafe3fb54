"""The notebooks of docs/notebooks/: built by their script, stored without outputs, and run
top to bottom in a real kernel without an error or a warning."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import nbformat
import pytest

from . import kernel

pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

DOCS = kernel.ROOT / "docs" / "notebooks"
NOTEBOOKS = sorted(DOCS.glob("*/*.ipynb"))
#: plotly.js as the package embeds it (its banner), to count how often it is sent.
PLOTLY_BANNER = "plotly.js v"


def _build() -> Any:
    spec = importlib.util.spec_from_file_location("notebooks_build", DOCS / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_topic_in_both_languages() -> None:
    names = {p.relative_to(DOCS).as_posix() for p in NOTEBOOKS}
    topics = {p.stem for p in NOTEBOOKS}
    assert len(topics) == 6 and names == {f"{lang}/{t}.ipynb" for lang in ("en", "ko")
                                          for t in topics}


def test_notebooks_are_the_scripts_output_without_outputs() -> None:
    """Stored as build.py writes them: in sync, and with no outputs to go stale."""
    built = _build().paths()
    assert set(built) == set(NOTEBOOKS)
    for path, nb in built.items():
        assert nbformat.writes(nb) + "\n" == path.read_text(encoding="utf-8") or \
            nbformat.writes(nb) == path.read_text(encoding="utf-8"), f"run build.py: {path}"
        stored = kernel.read(path)
        assert all(not c.get("outputs") for c in stored.cells if c.cell_type == "code")


def test_first_cell_installs_only_where_nablab_is_missing() -> None:
    for path in NOTEBOOKS:
        first = kernel.read(path).cells[0].source
        assert 'find_spec("nablab") is None' in first and "%pip install" in first
        assert "nablab[notebook]" in first


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_notebook_runs_cleanly(executed: dict[str, Any], path: Path) -> None:
    nb = executed[path.relative_to(DOCS).as_posix()]
    assert kernel.problems(nb) == []
    for cell in nb.cells:
        if cell.cell_type != "code" or not cell.source.strip():
            continue
        shown = kernel.mime_types(cell)
        if cell.source.rstrip().endswith(".plot()"):
            assert "image/png" in shown, cell.source
        elif "explore" in cell.source:
            assert "application/vnd.jupyter.widget-view+json" in shown, cell.source
        elif cell.source.startswith("nablab.") or "\n" in cell.source.strip() and \
                not cell.source.startswith(("#", "import")):
            assert "text/html" in shown or "text/latex" in shown, cell.source


@pytest.mark.slow
def test_plotly_js_is_embedded_once_per_notebook(executed: dict[str, Any]) -> None:
    for path, nb in executed.items():
        sent = [o for c in nb.cells for o in c.get("outputs", [])
                if PLOTLY_BANNER in str(o.get("data", {}).get("text/html", ""))]
        interactive = [c for c in nb.cells if "interactive=True" in c.source]
        assert len(sent) == (1 if interactive else 0), path
        scripts = [o for c in nb.cells for o in c.get("outputs", [])
                   if '<script src="http' in str(o.get("data", {}))]
        assert scripts == [], path   # nothing fetched from a CDN
