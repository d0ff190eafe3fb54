"""The formula as typed and how it was read, added to every command's output.

Every command shows the function the way it was typed (``4 − x² − 2y²``, never SymPy's
``−x² − 2y² + 4``) and says which reading rules decided how the text was read ("read as
e^(−2x)"). Both come from the :class:`~nablab.core.expression.Expression` a result was
computed from, so each command's own presentation need not repeat them: the ``--json``
object and the web API's answer gain ``typed`` (beside ``expression`` or ``function``) and
``reading`` (a list, empty when no rule decided anything); the terminal's document gains one
line per reading under its first line, the function's.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from nablab.core.expression import Expression
from nablab.core.reading import Reading
from nablab.present.document import Document, Text

#: The JSON keys beside which ``typed`` goes (the function in SymPy syntax).
_BESIDE = ("expression", "function")


def expression_of(result: Any) -> Expression | None:
    """The function a result was computed from, if it keeps it."""
    for name in ("expression", "objective"):
        value = getattr(result, name, None)
        if isinstance(value, Expression):
            return value
    model = getattr(result, "model", None)
    value = getattr(model, "expression", None)
    return value if isinstance(value, Expression) else None


def readings_of(result: Any, expression: Expression | None) -> tuple[Reading, ...]:
    """The function's readings, then its constraints' (a relation that keeps ``readings``),
    each said once."""
    found = list(() if expression is None else expression.readings)
    for constraint in getattr(result, "constraints", ()) or ():
        relation = getattr(constraint, "relation", constraint)
        found += getattr(relation, "readings", ())
    return tuple(dict.fromkeys(found))


def readings_json(readings: Sequence[Reading], lang: str) -> list[dict[str, Any]]:
    """The ``reading`` list: one object per rule (``rule``, its fields, ``message``)."""
    return [r.to_json(lang) for r in readings]


def with_typed(data: dict[str, Any], expression: Expression | None, lang: str,
               readings: Sequence[Reading] | None = None) -> dict[str, Any]:
    """``data`` with ``typed`` (the function as typed, Unicode) beside its ``expression``
    or ``function`` field (else last), and ``reading`` (``readings``, by default the
    expression's); the other fields unchanged."""
    out: dict[str, Any] = {}
    typed = None if expression is None or "typed" in data else expression.unicode
    for key, value in data.items():
        out[key] = value
        if typed is not None and key in _BESIDE and "typed" not in out:
            out["typed"] = typed
    if typed is not None and "typed" not in out:
        out["typed"] = typed
    if readings is None:
        readings = () if expression is None else expression.readings
    out.setdefault("reading", readings_json(readings, lang))
    return out


def with_readings(document: Document, readings: Sequence[Reading], lang: str) -> Document:
    """``document`` with one line per reading under its first line (the function's)."""
    if not readings:
        return document
    lines = tuple(Text(r.text(lang), 2) for r in readings)
    blocks = document.blocks
    return Document((*blocks[:1], *lines, *blocks[1:]))


__all__ = ["expression_of", "readings_json", "readings_of", "with_readings", "with_typed"]
