"""Execute notebooks in real kernels (nbclient + ipykernel), several at a time.

The kernels run with this checkout's sources first on the path, as the tests do. What a
notebook shows that a learner should never see — an error, anything on stderr (warnings) —
is collected by :func:`problems`.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import nbformat

ROOT = Path(__file__).resolve().parents[2]
#: Kernels at once: the notebooks compute, and CI has two cores.
PARALLEL = 3
#: Seconds one cell may take.
CELL_TIMEOUT = 120


def kernel_env() -> dict[str, str]:
    """The environment of the kernels: this checkout's sources first, English, no GUI."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    env["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    env.pop("NABLAB_LANG", None)
    return env


async def _execute(nb: Any, gate: asyncio.Semaphore, cwd: Path, allow_errors: bool) -> Any:
    from nbclient import NotebookClient

    async with gate:
        client = NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name="python3",
                                resources={"metadata": {"path": str(cwd)}},
                                allow_errors=allow_errors)
        await client.async_execute(env=kernel_env())
    return nb


def execute(notebooks: Sequence[Any], cwd: Path, *, allow_errors: bool = False,
            others: Sequence[Any] = ()) -> None:
    """Run every notebook top to bottom (in place), :data:`PARALLEL` at a time, first
    ``notebooks`` (whose errors are kept as outputs with ``allow_errors``), then ``others``
    (whose first error ends their run, as in a browser's "Run all")."""
    async def all_of() -> None:
        gate = asyncio.Semaphore(PARALLEL)
        await asyncio.gather(*(_execute(nb, gate, cwd, allow_errors) for nb in notebooks),
                             *(_execute(nb, gate, cwd, False) for nb in others))

    asyncio.run(all_of())


def problems(nb: Any) -> list[str]:
    """Each error and each stderr output (warnings included) of a notebook."""
    return [found for cell in nb.cells for found in cell_problems(cell)]


def cell_problems(cell: Any) -> list[str]:
    """Each error and each stderr output of a cell, after its first line."""
    found = []
    head = cell.source.splitlines()[0] if cell.source else ""
    for output in cell.get("outputs", []):
        if output.output_type == "error":
            found.append(f"{head}: {output.ename}: {output.evalue}")
        elif output.output_type == "stream" and output.name == "stderr":
            found.append(f"{head}: stderr: {output.text[:300]}")
    return found


def mime_types(cell: Any) -> set[str]:
    """The MIME types a code cell displayed."""
    return {kind for output in cell.get("outputs", []) for kind in output.get("data", {})}


def read(path: Path) -> Any:
    return nbformat.read(path, as_version=4)


__all__ = ["cell_problems", "execute", "kernel_env", "mime_types", "problems", "read"]
