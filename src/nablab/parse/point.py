"""Points as typed on the command line: ``x=1,y=2``, ``1, 2`` or ``x=pi/2``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sympy.core.function import AppliedUndef

from nablab.errors import ParseError
from nablab.parse.limits import DEFAULT_LIMITS, ParseLimits
from nablab.parse.parser import canonical_name, parse


def _split_top_level(text: str) -> list[tuple[int, str]]:
    """Split at commas outside brackets, keeping each piece's offset."""
    pieces: list[tuple[int, str]] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            pieces.append((start, text[start:i]))
            start = i + 1
    pieces.append((start, text[start:]))
    return pieces


def _shifted(err: ParseError, offset: int, source: str) -> ParseError:
    start = None if err.start is None else err.start + offset
    end = None if err.end is None else err.end + offset
    return ParseError(err.kind, source=source, start=start, end=end, hint=err.hint, **err.params)


def parse_point(text: str, variables: Sequence[str], *, partial: bool = False,
                limits: ParseLimits = DEFAULT_LIMITS) -> dict[str, Any]:
    """Read a point for the given variables, as exact SymPy numbers.

    ``x=1,y=2`` names each coordinate; ``1, 2`` gives them in variable order. Values may be
    constant expressions (``pi/4``, ``1/3``, ``sqrt(2)``). With ``partial``, each value is
    named and some names may be left without one (values for a few constants: ``a=2``).

    Raises:
        ParseError: ``bad_point`` for a malformed point, ``unknown_variable``,
            ``missing_values``, or ``point_not_constant`` for a value with variables in it.
    """
    if not text.strip():
        raise ParseError("bad_point", source=text, text=text)
    pieces = _split_top_level(text)
    point: dict[str, Any] = {}
    for index, (offset, piece) in enumerate(pieces):
        name_part, eq, value_part = piece.partition("=")
        if not eq:
            if partial or index >= len(variables) or any("=" in p for _, p in pieces):
                raise ParseError("bad_point", source=text, start=offset, text=text)
            name, value_part, value_offset = variables[index], name_part, offset
        else:
            try:
                name = canonical_name(name_part)
            except ParseError:
                raise ParseError("bad_point", source=text, start=offset, text=text) from None
            value_offset = offset + len(name_part) + 1
        if name in point:
            raise ParseError("duplicate_variable", source=text, names=name)
        try:
            read = parse(value_part, limits=limits)
        except ParseError as err:
            raise _shifted(err, value_offset, text) from None
        value = read.expr
        if isinstance(value, tuple) or value.free_symbols or value.has(AppliedUndef) \
                or read.asked is not None:
            raise ParseError("point_not_constant", source=text, start=value_offset,
                             end=value_offset + len(value_part), name=name,
                             text=value_part.strip())
        point[name] = value
    unknown = [n for n in point if n not in variables]
    if unknown:
        raise ParseError("unknown_variable", source=text, name=unknown[0],
                         variables=", ".join(variables) or "-")
    missing = [v for v in variables if v not in point]
    if missing and not partial:
        raise ParseError("missing_values", source=text, names=", ".join(missing))
    return {v: point[v] for v in variables if v in point}



def parse_values(text: str, names: Sequence[str]) -> dict[str, Any]:
    """Exact values for some of ``names``, each written ``name=value``: ``a=2,k=pi``.

    Raises:
        ParseError: ``bad_given`` (a value without its name), ``unknown_variable``,
            ``point_not_constant``.
    """
    try:
        return parse_point(text, names, partial=True)
    except ParseError as err:
        if err.kind != "bad_point":
            raise
        raise ParseError("bad_given", source=text, text=text) from None


def point_names(text: str) -> tuple[str, ...]:
    """The coordinates' names of a point typed for a function with no variables (a constant,
    ``5``): those written (``y=1``), else x, y, z (then x1, x2, …) by count.

    >>> point_names("1"), point_names("y=1, z=2"), point_names("1,2,3,4")
    (('x',), ('y', 'z'), ('x1', 'x2', 'x3', 'x4'))
    """
    pieces = [p for _, p in _split_top_level(text) if p.strip()]
    if pieces and all("=" in p for p in pieces):
        try:
            return tuple(canonical_name(p.partition("=")[0]) for p in pieces)
        except ParseError:
            return ()   # parse_point says what is wrong with the point
    if len(pieces) <= 3:
        return ("x", "y", "z")[:max(1, len(pieces))]
    return tuple(f"x{i + 1}" for i in range(len(pieces)))
