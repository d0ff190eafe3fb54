"""Results as JSON text, for both faces: never an infinity or a NaN.

``allow_nan=False`` makes ``json.dumps`` refuse a non-finite float with a ``ValueError``
that names no input; here it becomes the catalogue's ``not_finite`` error, which says what
happened (a value overflowed the range of floating-point numbers) in the user's language.
"""

from __future__ import annotations

import json
from typing import Any

from nablab.errors import BudgetExceeded, DomainError

#: The largest JSON a command prints, bytes (``descend --steps 1000000`` in six variables
#: would print over a gigabyte; ``--every K`` keeps every K-th step).
MAX_OUTPUT = 64 * 2**20


def json_text(data: Any, *, indent: int | None = None,
              separators: tuple[str, str] | None = None, limit: int | None = None) -> str:
    """``data`` as UTF-8-ready JSON text (Korean unescaped).

    Args:
        limit: the most characters the text may have; the encoding stops as soon as it
            passes them, so an oversized result never exists as text.

    Raises:
        DomainError: ``not_finite``, a value in the result is ±inf or NaN.
        BudgetExceeded: ``output_too_large``, the text would pass ``limit``.
    """
    encoder = json.JSONEncoder(ensure_ascii=False, indent=indent, separators=separators,
                               allow_nan=False)
    pieces, size = [], 0
    try:
        for piece in encoder.iterencode(data):
            size += len(piece)
            if limit is not None and size > limit:
                raise BudgetExceeded("output_too_large", limit=round(limit / 2**20))
            pieces.append(piece)
    except ValueError as exc:
        if "JSON compliant" not in str(exc):
            raise
        raise DomainError("not_finite") from None
    return "".join(pieces)


def json_bytes(data: Any, *, separators: tuple[str, str] | None = None) -> bytes:
    """:func:`json_text` as UTF-8; a lone surrogate echoed from a request (``"\\ud800"``)
    is written as its JSON escape, so an answer can always be encoded."""
    return json_text(data, separators=separators).encode("utf-8", "backslashreplace")


__all__ = ["MAX_OUTPUT", "json_bytes", "json_text"]
