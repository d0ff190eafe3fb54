"""Architecture checks: imports flow one way, heavy libraries stay lazy, nothing evaluates text."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "nablab"

#: Each layer may import only itself and the layers listed before it.
ORDER = ["errors", "i18n", "budget", "core", "parse", "calculus", "numeric", "solve", "critical",
         "optimize", "constrained", "network", "plot", "cli", "web"]
BASE = {"errors", "i18n", "budget"}
HEAVY = {"matplotlib", "plotly", "scipy", "fastapi", "starlette", "uvicorn", "torch", "jax"}


def _layer(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return parts[0] if parts[0] not in ("__init__", "__main__") else "api"


def _top_level_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def test_imports_flow_one_way() -> None:
    problems = []
    for path in SRC.rglob("*.py"):
        layer = _layer(path)
        if layer not in ORDER:
            continue
        allowed = set(ORDER[: ORDER.index(layer) + 1]) | BASE
        for name in _top_level_imports(path):
            parts = name.split(".")
            if parts[0] == "nablab" and len(parts) > 1 and parts[1] in ORDER \
                    and parts[1] not in allowed:
                problems.append(f"{path.relative_to(SRC)} imports {name}")
    assert not problems, problems


def test_heavy_libraries_only_where_used() -> None:
    problems = []
    for path in SRC.rglob("*.py"):
        layer = _layer(path)
        for name in _top_level_imports(path):
            root = name.split(".")[0]
            if root in HEAVY and layer not in ("plot", "web", "constrained", "critical",
                                               "optimize", "network"):
                problems.append(f"{path.relative_to(SRC)} imports {name} at module level")
    assert not problems, problems


def test_import_nablab_stays_light() -> None:
    code = ("import sys, nablab, nablab.cli; "
            f"print(sorted(m for m in {sorted(HEAVY)!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


EVALUATORS = re.compile(r"\b(eval|exec)\(|sympify\(|parse_expr\(|S\(\s*[a-z_]+\s*\)")


def test_no_evaluator_on_text() -> None:
    """eval/exec/sympify/parse_expr appear only with a '# safe:' justification."""
    problems = []
    for path in SRC.rglob("*.py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if EVALUATORS.search(line) and "# safe:" not in line:
                problems.append(f"{path.relative_to(SRC)}:{number}: {line.strip()}")
    assert not problems, problems
