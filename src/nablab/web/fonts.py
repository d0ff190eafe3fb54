"""The Hangul font the page falls back on: NanumGothic as koreanize-matplotlib ships it.

Browsers sanitise web fonts, and Chromium's sanitiser rejects this file for its empty VTT
source tables (``TSI*``, hinting sources no renderer reads); they are dropped once, here,
with fontTools (a dependency of matplotlib), and the result is kept in memory.
"""

from __future__ import annotations

import io
from functools import cache


@cache
def hangul_font() -> bytes | None:
    """The font file without its ``TSI*`` tables, or ``None`` when the package is absent."""
    from fontTools.ttLib import TTFont

    from nablab.plot.fonts import hangul_font_path

    path = hangul_font_path()
    if path is None:
        return None
    font = TTFont(str(path), lazy=True)
    for tag in [t for t in font.keys() if t.startswith("TSI")]:
        del font[tag]
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


__all__ = ["hangul_font"]
