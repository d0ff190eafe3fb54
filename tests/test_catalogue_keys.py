"""The catalogue and the code agree: every key is used, every key used exists, in both languages.

Code refers to a sentence by its key: a literal (``"label.gradient"``), a prefix completed at
run time (``f"optimize.name.{name}"``, ``"cli.sweep.kind." + kind``, a ``t("title")`` inside
a chapter whose ``t`` prepends ``"tour.derivatives."``), or a name its module completes: an
error's kind (``UsageError("bad_every")`` reads ``error.bad_every``), a figure's words
(``labels.text("label.secant")`` reads ``plot.label.secant``). The page's script asks for keys
the same ways. A key that nothing can reach is dead text; a key the code asks for that is missing
would be a ``KeyError`` in front of a learner.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from nablab.i18n import LANGUAGES
from nablab.i18n.messages import CATALOGUE

SRC = Path(__file__).resolve().parents[1] / "src" / "nablab"
SCRIPTS = [SRC / "web" / "static" / name
           for name in ("app.js", "calculus.js", "network.js", "index.html", "docs.js")]
#: The first part of every key: "label" in "label.gradient".
NAMESPACES = {key.split(".", 1)[0] for key in CATALOGUE}
KEYLIKE = re.compile(r"^[a-z][a-z0-9_]*(\.[A-Za-z0-9_]*)+$")
#: What modules put before the names they are given: errors' kinds, figures' words.
IMPLICIT = ("", "error.", "plot.")
JS_STRING = re.compile(r"""(["'`])((?:[a-z][a-z0-9_]*)(?:\.[A-Za-z0-9_]*)+)\1""")


def _python_strings() -> tuple[set[str], set[str]]:
    """Every string literal in the package, and the fixed beginnings of its f-strings."""
    literals: set[str] = set()
    prefixes: set[str] = set()
    for path in SRC.rglob("*.py"):
        if "i18n/messages" in path.as_posix():
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                literals.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values:
                head = node.values[0]
                if isinstance(head, ast.Constant) and isinstance(head.value, str):
                    prefixes.add(head.value)
    return literals, prefixes


def _script_strings() -> set[str]:
    found: set[str] = set()
    for path in SCRIPTS:
        found |= {m.group(2) for m in JS_STRING.finditer(path.read_text(encoding="utf-8"))}
    return found


def _references() -> tuple[set[str], set[str], set[str]]:
    """Keys the code names in full, beginnings it completes at run time, and key-like text
    that is neither."""
    literals, prefixes = _python_strings()
    literals |= _script_strings()
    full: set[str] = set()
    partial = {s for s in prefixes if s.split(".")[0] in NAMESPACES}
    unknown: set[str] = set()
    for text in literals:
        names = [head + text for head in IMPLICIT]
        if any(name in CATALOGUE for name in names):
            full |= {name for name in names if name in CATALOGUE}
        elif "." in text and any(key.startswith(name) for name in names for key in CATALOGUE):
            partial |= {name for name in names if any(k.startswith(name) for k in CATALOGUE)}
        elif KEYLIKE.match(text) and text.split(".")[0] in NAMESPACES:
            unknown.add(text)
    return full, partial, unknown


def test_every_key_has_both_languages() -> None:
    missing = [key for key, entry in CATALOGUE.items()
               if any(not entry.get(lang) for lang in LANGUAGES)]
    assert not missing, missing


def test_every_key_is_used() -> None:
    full, partial, _ = _references()
    unused = sorted(key for key in CATALOGUE
                    if key not in full and not any(key.startswith(p) for p in partial))
    assert not unused, unused


def test_every_key_used_exists() -> None:
    _, partial, unknown = _references()
    assert not unknown, sorted(unknown)
    empty = sorted(p for p in partial if p.endswith(".")
                   and not any(key.startswith(p) for key in CATALOGUE))
    assert not empty, empty
