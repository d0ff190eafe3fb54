"""The Hangul font: NanumGothic, shipped by the ``koreanize-matplotlib`` package.

The font file is registered with matplotlib's font manager straight from the installed
package (``koreanize_matplotlib`` itself is never imported: importing it rewrites global
rcParams). Figures are built and saved inside :func:`style`, which lists DejaVu Sans first
(Latin letters, digits, the minus sign and math symbols) and NanumGothic second, so matplotlib's
per-glyph fallback draws Hangul with NanumGothic and nothing as an empty box.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

#: The package that ships the font, and the file inside it.
FONT_PACKAGE = "koreanize_matplotlib"
FONT_FILE = ("fonts", "NanumGothic.ttf")
#: Family name of the shipped font, as matplotlib reads it from the file.
HANGUL_FAMILY = "NanumGothic"


def hangul_font_path() -> Path | None:
    """Path of the shipped NanumGothic file, or ``None`` if the package is not installed."""
    spec = importlib.util.find_spec(FONT_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))).joinpath(*FONT_FILE)
    return path if path.is_file() else None


@lru_cache(maxsize=1)
def register_hangul_font() -> str | None:
    """Add the shipped font to matplotlib's font manager (once); its family name or ``None``.

    Every weight the package ships is added (light to extra bold), so bold Hangul is bold.
    """
    path = hangul_font_path()
    if path is None:
        return None
    from matplotlib import font_manager

    for weight in sorted(path.parent.glob(path.stem + "*" + path.suffix)):
        font_manager.fontManager.addfont(str(weight))
    return str(font_manager.FontProperties(fname=str(path)).get_name())


def families() -> list[str]:
    """The font family list figures use: DejaVu Sans, then the Hangul font if available."""
    hangul = register_hangul_font()
    return ["DejaVu Sans"] + ([hangul] if hangul else [])


def has_hangul() -> bool:
    """Whether Korean text can be drawn (the shipped font is installed)."""
    return register_hangul_font() is not None


@contextmanager
def style() -> Iterator[None]:
    """matplotlib settings for building and saving one figure (fonts, math, file output)."""
    from matplotlib import rc_context

    settings: Any = {
        "font.family": families(),
        "mathtext.fontset": "dejavusans",
        "svg.fonttype": "path",
        "pdf.fonttype": 3,
        "figure.dpi": 100,
        "savefig.dpi": 100,
    }
    with rc_context(settings):
        yield


__all__ = ["HANGUL_FAMILY", "families", "hangul_font_path", "has_hangul",
           "register_hangul_font", "style"]
