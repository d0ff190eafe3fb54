"""What a command hands over to be drawn, and which files it can become (no matplotlib here).

A :class:`Picture` holds builders, not figures: ``static(lang)`` returns a matplotlib
Figure, ``interactive(lang)`` a Plotly figure, ``animation(lang)`` a matplotlib animation.
The file name's suffix decides which one is built (:mod:`nablab.plot.output`), inside the
bounded worker that writes the file. Builders are usually ``functools.partial`` of a plot
function and a result object.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nablab.errors import UsageError
from nablab.i18n import translate
from nablab.present import Document, Presentable, Text, file_size

#: Suffixes of still figures: raster, vector, print, and a self-contained web page.
STATIC_FORMATS = ("png", "svg", "pdf", "html")
#: Suffixes of animations.
ANIMATION_FORMATS = ("gif", "mp4", "html")


@dataclass(frozen=True)
class Picture:
    """Builders of one picture in its possible forms (each takes the language)."""

    static: Callable[[str], Any]
    interactive: Callable[[str], Any] | None = None
    animation: Callable[[str], Any] | None = None


@dataclass(frozen=True, repr=False)
class WrittenFigure(Presentable):
    """A figure written to a file: where, in which format, how large, and of what kind."""

    file: str
    format: str
    bytes: int
    kind: str | None = None

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        data: dict[str, Any] = {"file": self.file, "format": self.format, "bytes": self.bytes}
        if self.kind is not None:
            data["kind"] = self.kind
        return data

    def sentence(self, lang: str | None = None, *, animation: bool = False) -> str:
        """``Figure written to FILE (SIZE)``."""
        return translate("plot.wrote_animation" if animation else "plot.wrote", lang,
                         file=self.file, size=file_size(self.bytes))

    def document(self, lang: str | None = None) -> Document:
        return Document((Text(self.sentence(lang)),))


def file_format(path: str | Path, *, animation: bool = False) -> str:
    """The format a file name asks for (``"png"``, ``"gif"``, …), checked.

    Raises:
        UsageError: ``plot_format`` if the suffix is not one nablab writes.

    >>> file_format("surface.PNG")
    'png'
    """
    suffix = Path(path).suffix.lower().lstrip(".")
    allowed = ANIMATION_FORMATS if animation else STATIC_FORMATS
    if suffix not in allowed:
        raise UsageError("plot_format", file=str(path),
                         formats=", ".join("." + f for f in allowed))
    return suffix


__all__ = ["ANIMATION_FORMATS", "STATIC_FORMATS", "Picture", "WrittenFigure", "file_format"]
