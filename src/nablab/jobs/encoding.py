"""Results as JSON text, for both faces: never an infinity or a NaN.

``allow_nan=False`` makes ``json.dumps`` refuse a non-finite float with a ``ValueError``
that names no input; here it becomes the catalogue's ``not_finite`` error, which says what
happened (a value overflowed the range of floating-point numbers) in the user's language.
"""

from __future__ import annotations

import json
from typing import Any

from nablab.errors import DomainError


def json_text(data: Any, *, indent: int | None = None,
              separators: tuple[str, str] | None = None) -> str:
    """``data`` as UTF-8-ready JSON text (Korean unescaped).

    Raises:
        DomainError: ``not_finite``, a value in the result is ±inf or NaN.
    """
    try:
        return json.dumps(data, ensure_ascii=False, indent=indent, separators=separators,
                          allow_nan=False)
    except ValueError as exc:
        if "JSON compliant" not in str(exc):
            raise
        raise DomainError("not_finite") from None


def json_bytes(data: Any, *, separators: tuple[str, str] | None = None) -> bytes:
    """:func:`json_text` as UTF-8; a lone surrogate echoed from a request (``"\\ud800"``)
    is written as its JSON escape, so an answer can always be encoded."""
    return json_text(data, separators=separators).encode("utf-8", "backslashreplace")


__all__ = ["json_bytes", "json_text"]
