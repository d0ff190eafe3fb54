"""The box a search covers: ``-5:5,-5:5``, ``x=-pi:pi,y=0:1``, or ``[(-5, 5), (-5, 5)]``.

Bounds written as text are formulas read by :func:`nablab.parse` (so ``pi/2`` and ``-2e``
work and nothing is evaluated); each must be a finite real constant, and low < high.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import sympy
from sympy.core.function import AppliedUndef

from nablab.errors import NablabError, ParseError
from nablab.parse import parse

#: What ``domain=`` accepts.
DomainLike = str | Sequence[tuple[float, float]] | tuple[float, float] | Mapping[str, Any]

#: Longest domain text read.
MAX_TEXT = 2000


def resolve_domain(domain: DomainLike | None, names: Sequence[str],
                   ) -> tuple[tuple[float, float], ...] | None:
    """``((low, high), …)`` in variable order, or ``None``.

    One interval applies to every variable; otherwise give one per variable, in order or
    by name.

    Raises:
        ParseError: ``bad_domain`` for text that is not intervals of constants, or a wrong
            number of intervals, or low ≥ high.
    """
    if domain is None:
        return None
    if isinstance(domain, str):
        pairs = _from_text(domain, names)
    elif isinstance(domain, Mapping):
        pairs = _by_name({str(k): v for k, v in domain.items()}, names, str(domain))
    elif len(domain) == 2 and all(isinstance(v, (int, float)) for v in domain):
        pairs = [tuple(domain)] * len(names)
    else:
        pairs = list(domain)
    return _checked(pairs, names, str(domain))


def _from_text(text: str, names: Sequence[str]) -> list[Any]:
    if len(text) > MAX_TEXT:
        raise ParseError("bad_domain", source=text[:80], text=text[:80])
    parts = [p.strip() for p in text.split(",") if p.strip()]
    named = [p for p in parts if "=" in p]
    if named and len(named) != len(parts):
        raise ParseError("bad_domain", source=text, text=text)
    if named:
        return _by_name(dict(p.split("=", 1) for p in parts), names, text)
    pairs = [_interval(p, text) for p in parts]
    return pairs * len(names) if len(pairs) == 1 else pairs


def _by_name(items: Mapping[str, Any], names: Sequence[str], text: str) -> list[Any]:
    cleaned = {k.strip(): v for k, v in items.items()}
    if sorted(cleaned) != sorted(names):
        raise ParseError("bad_domain", source=text, text=text)
    return [_interval(cleaned[n], text) if isinstance(cleaned[n], str) else cleaned[n]
            for n in names]


def _interval(part: str, text: str) -> tuple[float, float]:
    if part.count(":") != 1:
        raise ParseError("bad_domain", source=text, text=text)
    low, high = part.split(":")
    return _constant(low, text), _constant(high, text)


def _constant(piece: str, text: str) -> float:
    try:
        expr = parse(piece).expr
    except NablabError as exc:
        raise ParseError("bad_domain", source=text, text=text) from exc
    if isinstance(expr, tuple) or expr.free_symbols or expr.has(AppliedUndef):
        raise ParseError("bad_domain", source=text, text=text)
    value = sympy.N(expr, 20)
    if not value.is_real or not value.is_finite:
        raise ParseError("bad_domain", source=text, text=text)
    return float(value)


def _checked(pairs: list[Any], names: Sequence[str], text: str,
             ) -> tuple[tuple[float, float], ...]:
    if len(pairs) != len(names):
        raise ParseError("bad_domain", source=text, text=text)
    out = []
    for pair in pairs:
        low, high = (float(v) for v in pair)
        if not (math.isfinite(low) and math.isfinite(high) and low < high):
            raise ParseError("bad_domain", source=text, text=text)
        out.append((low, high))
    return tuple(out)


__all__ = ["DomainLike", "resolve_domain"]
