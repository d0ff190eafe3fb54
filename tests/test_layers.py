"""Architecture checks: imports flow one way, no cycles, heavy libraries lazy, no evaluators.

The order of the layers is written once, in the code block of the "Layers" section of
docs/DEVELOPING.md; these tests read it from there. Every ``import`` counts, wherever it is: at
module level, inside a function, under ``if TYPE_CHECKING:``. A function-level import is a
dependency that runs later, and a TYPE_CHECKING import is one the types depend on; both say
the importing module knows the imported one, which is what the order and the cycles are about.
(Only the heavy-library check is about what runs at import time, so only it looks at
module-level imports alone.)
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from dataclasses import dataclass
from importlib.util import resolve_name
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "nablab"
DEVELOPING = ROOT / "docs" / "DEVELOPING.md"
HEAVY = {"matplotlib", "plotly", "scipy", "fastapi", "starlette", "uvicorn", "torch", "jax"}
#: The public API (``nablab/__init__.py``, ``__main__.py``) may import any layer.
API = "api"
#: ``from nablab import __version__`` reads a constant of the package, not the public API.
PACKAGE_CONSTANTS = {"__version__"}


# -- the order, read from docs/DEVELOPING.md ----------------------------------------------------
@dataclass(frozen=True)
class Layers:
    """Each layer's rank (its line in the block) and the lines whose layers are peers (``|``)."""

    rank: dict[str, int]
    peers: set[int]

    def allows(self, importer: str, imported: str) -> bool:
        """Whether a module of layer ``importer`` may import one of layer ``imported``."""
        if importer == API or importer == imported:
            return True
        mine, theirs = self.rank[importer], self.rank[imported]
        return theirs < mine or (theirs == mine and mine not in self.peers)


def read_layers(text: str) -> Layers:
    """Parse the code block under ``## Layers``: one line per rank, lowest first.

    A line starts with its layers (``core/``, ``errors, i18n, budget``, ``cli/ | web/``) and
    then, after two spaces or more, what they hold. A layer may import the lines above it;
    layers joined by ``,`` may import each other, peers joined by ``|`` may not.
    """
    section = text.split("\n## Layers", 1)[1].split("\n## ", 1)[0]
    block = section.split("```", 2)[1].split("\n", 1)[1]
    rank: dict[str, int] = {}
    peers: set[int] = set()
    for number, line in enumerate(filter(str.strip, block.splitlines())):
        head = re.split(r"\s{2,}", line.strip(), maxsplit=1)[0]
        assert re.fullmatch(r"[a-z0-9_]+/?( ?[,|] ?[a-z0-9_]+/?)*", head), line
        assert not ("," in head and "|" in head), f"mixed ',' and '|': {line}"
        if "|" in head:
            peers.add(number)
        for name in re.findall(r"[a-z0-9_]+", head):
            assert name not in rank, f"{name} appears twice in the Layers block"
            rank[name] = number
    return Layers(rank, peers)


LAYERS = read_layers(DEVELOPING.read_text(encoding="utf-8"))


# -- every import of every module -----------------------------------------------------------
@dataclass(frozen=True)
class Import:
    """One imported module (``from pkg import sub`` names the submodule when it is one)."""

    module: str
    names: tuple[str, ...]
    line: int
    where: str  # "module", "function" or "type_checking"


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_module(name: str) -> bool:
    if not name.startswith("nablab."):
        return False
    base = SRC.joinpath(*name.split(".")[1:])
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


class _Collector(ast.NodeVisitor):
    """Every import statement of one module, with where it sits."""

    def __init__(self, package: str) -> None:
        self.package = package
        self.where = "module"
        self.found: list[Import] = []

    def _within(self, where: str, nodes: list[ast.stmt]) -> None:
        outer = self.where
        self.where = outer if outer == "type_checking" else where
        for node in nodes:
            self.visit(node)
        self.where = outer

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self._within("function", node.body)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_If(self, node: ast.If) -> None:
        if not _is_type_checking(node.test):
            self.generic_visit(node)
            return
        self._within("type_checking", node.body)
        self._within(self.where, node.orelse)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self.found.append(Import(alias.name, (), node.lineno, self.where))

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        base = resolve_name("." * node.level + (node.module or ""), self.package)
        names = tuple(a.name for a in node.names if not is_module(f"{base}.{a.name}"))
        if names:
            self.found.append(Import(base, names, node.lineno, self.where))
        for name in sorted(set(a.name for a in node.names) - set(names)):
            self.found.append(Import(f"{base}.{name}", (), node.lineno, self.where))


def imports(path: Path) -> list[Import]:
    """Every import in the file, relative ones resolved."""
    name = module_name(path)
    collector = _Collector(name if path.name == "__init__.py" else name.rpartition(".")[0])
    collector.visit(ast.parse(path.read_text(encoding="utf-8")))
    return collector.found


MODULES = {module_name(path): path for path in sorted(SRC.rglob("*.py"))}
IMPORTS = {name: imports(path) for name, path in MODULES.items()}


def layer_of(module: str) -> str:
    parts = module.split(".")
    return API if len(parts) == 1 or parts[1] in ("__init__", "__main__") else parts[1]


# -- the checks ---------------------------------------------------------------------------------
def test_layers_block_is_read() -> None:
    assert LAYERS.rank["errors"] == LAYERS.rank["budget"] == 0
    assert LAYERS.rank["core"] < LAYERS.rank["numeric"] < LAYERS.rank["plot"]
    assert LAYERS.rank["cli"] == LAYERS.rank["web"] and LAYERS.rank["web"] in LAYERS.peers
    assert not LAYERS.allows("web", "cli") and not LAYERS.allows("cli", "web")
    assert LAYERS.allows("i18n", "errors") and LAYERS.allows("errors", "i18n")
    assert not LAYERS.allows("core", "numeric") and LAYERS.allows("numeric", "core")


def test_every_kind_of_import_is_seen() -> None:
    source = """
import nablab.errors
from . import printing
from ..numeric import compiled, Grid
if TYPE_CHECKING:
    from nablab.plot.runs import Run
else:
    import numpy
class Shape:
    import sympy
def compute():
    from nablab.cli import app
"""
    collector = _Collector("nablab.core")
    collector.visit(ast.parse(source))
    assert [(i.module, i.names, i.where) for i in collector.found] == [
        ("nablab.errors", (), "module"),
        ("nablab.core.printing", (), "module"),
        ("nablab.numeric", ("Grid",), "module"),
        ("nablab.numeric.compiled", (), "module"),
        ("nablab.plot.runs", ("Run",), "type_checking"),
        ("numpy", (), "module"),
        ("sympy", (), "module"),
        ("nablab.cli.app", (), "function"),
    ]


def test_every_package_has_a_layer() -> None:
    layers = {layer_of(name) for name in MODULES} - {API}
    assert layers <= set(LAYERS.rank), sorted(layers - set(LAYERS.rank))


def test_imports_flow_one_way() -> None:
    """No import goes up or sideways between peers (see docs/DEVELOPING.md, "Layers")."""
    problems = []
    for name, found in IMPORTS.items():
        layer = layer_of(name)
        if layer == API or layer not in LAYERS.rank:  # the second: test_every_package_has_a_layer
            continue
        for imp in found:
            if not (imp.module == "nablab" or imp.module.startswith("nablab.")):
                continue
            target = layer_of(imp.module)
            if target == API and set(imp.names) <= PACKAGE_CONSTANTS:
                continue
            if target == API or target not in LAYERS.rank or not LAYERS.allows(layer, target):
                problems.append(f"{MODULES[name].relative_to(SRC)}:{imp.line} ({imp.where}) "
                                f"imports {imp.module}")
    assert not problems, "\n".join(problems)


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle through each back edge a depth-first walk meets (none when there are none)."""
    state: dict[str, str] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                cycles.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return cycles


def test_import_cycles_are_found() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set()}
    assert import_cycles(graph) == [["a", "b", "c", "a"]]
    assert import_cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles() -> None:
    graph = {name: {imp.module for imp in found if imp.module in MODULES and imp.module != name}
             for name, found in IMPORTS.items()}
    cycles = import_cycles(graph)
    assert not cycles, "\n".join(" → ".join(cycle) for cycle in cycles)


def test_heavy_libraries_only_where_used() -> None:
    problems = []
    for name, found in IMPORTS.items():
        layer = layer_of(name)
        for imp in found:
            if imp.where == "module" and imp.module.split(".")[0] in HEAVY \
                    and layer not in ("plot", "web", "constrained", "critical", "optimize",
                                      "network"):
                problems.append(f"{MODULES[name].relative_to(SRC)} imports {imp.module} "
                                "at module level")
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
