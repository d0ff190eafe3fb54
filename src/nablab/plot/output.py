"""Figures to files: PNG, SVG and PDF through Agg, HTML pages that open offline, animations.

Every HTML page is self-contained: a Plotly page embeds plotly.js from the installed
``plotly`` package (no CDN), a still matplotlib figure is inlined as SVG, an animation as
embedded frames with a small player of its own. Nothing is fetched when the page opens.
"""

from __future__ import annotations

import html
import io
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from nablab.errors import NablabError, UnsupportedError
from nablab.plot import fonts, labels
from nablab.plot.picture import Picture, WrittenFigure, file_format

#: Frame rate of animations, frames per second.
FPS = 8


def new_figure(width: float, height: float) -> Any:
    """A matplotlib Figure with an Agg canvas: no pyplot, no global figure list."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height))
    FigureCanvasAgg(figure)
    return figure


def figure_bytes(figure: Any, fmt: str = "png") -> bytes:
    """A matplotlib figure saved as ``png``, ``svg`` or ``pdf``."""
    buffer = io.BytesIO()
    with fonts.style():
        figure.savefig(buffer, format=fmt, metadata=_metadata(fmt))
    return buffer.getvalue()


def _metadata(fmt: str) -> dict[str, Any] | None:
    # Fixed metadata keeps files reproducible (no creation date in SVG/PDF).
    if fmt == "svg":
        return {"Date": None}
    if fmt == "pdf":
        return {"CreationDate": None}
    return None


def _page(title: str, body: str, head: str = "") -> str:
    return ("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{html.escape(title)}</title>\n{head}</head>\n<body>\n{body}\n</body>\n"
            "</html>\n")


def plotly_page(figure: Any) -> str:
    """A Plotly figure as a complete page with plotly.js embedded (works offline)."""
    return str(figure.to_html(include_plotlyjs=True, full_html=True, include_mathjax=False,
                              config={"displaylogo": False, "responsive": True}))


def svg_page(figure: Any, title: str) -> str:
    """A matplotlib figure as a page with the figure inlined as SVG."""
    svg = figure_bytes(figure, "svg").decode("utf-8")
    svg = svg[svg.index("<svg"):]
    return _page(title, svg)


def save_animation(frames: Any, path: Path, fmt: str, title: str) -> None:
    """Write :class:`~nablab.plot.frames.Frames` as GIF, MP4 (ffmpeg) or an HTML player."""
    from nablab.plot import frames as writers

    with fonts.style():
        if fmt == "html":
            path.write_text(writers.player_page(frames, title), encoding="utf-8")
        elif fmt == "gif":
            writers.write_gif(frames, path)
        else:
            writers.write_mp4(frames, path)


def _write_still(picture: Picture, path: Path, fmt: str, lang: str) -> None:
    title = labels.text("page_title", lang)
    if fmt == "html" and picture.interactive is not None:
        path.write_text(plotly_page(picture.interactive(lang)), encoding="utf-8")
        return
    with fonts.style():
        figure = picture.static(lang)
    if fmt == "html":
        path.write_text(svg_page(figure, title), encoding="utf-8")
    else:
        path.write_bytes(figure_bytes(figure, fmt))


def _write_animation(picture: Picture, path: Path, fmt: str, lang: str) -> None:
    if picture.animation is None:
        raise UnsupportedError("plot_no_animation")
    if fmt == "mp4":
        from nablab.plot.frames import ffmpeg_path

        if ffmpeg_path() is None:
            raise UnsupportedError("plot_no_mp4_writer")
    with fonts.style():
        animation = picture.animation(lang)
    save_animation(animation, path, fmt, labels.text("page_title", lang))


def partial_path(target: str | Path, owner: int) -> Path:
    """Where a figure for ``target`` is written before it is renamed over it: beside it, named
    after the process that asked (so that process can remove it if the writer is killed)."""
    target = Path(target)
    return target.with_name(f".{target.stem}.{owner}.partial{target.suffix}")


def write_picture(picture: Picture, path: str | Path, lang: str, *,
                  animate: bool = False, owner: int | None = None) -> WrittenFigure:
    """Build the form of ``picture`` that ``path`` asks for and write it there.

    Args:
        owner: the process id the temporary file is named after (default: this one's); a
            command that draws in a worker gives its own, and removes the file if the worker
            is killed (Ctrl+C).

    Returns:
        Where it went, its format and size, for the command's report.

    Raises:
        UsageError: the suffix is not a format nablab writes.
        UnsupportedError: an MP4 without ffmpeg, or an animation of a still picture.
        NablabError: ``plot_write_failed`` if the file cannot be written.
    """
    target = Path(path)
    fmt = file_format(target, animation=animate)
    try:
        with _replacing(target, partial_path(target, owner or os.getpid())) as partial:
            if animate:
                _write_animation(picture, partial, fmt, lang)
            else:
                _write_still(picture, partial, fmt, lang)
        size = target.stat().st_size
    except OSError as exc:
        raise NablabError("plot_write_failed", file=str(target),
                          reason=exc.strerror or str(exc)) from None
    return WrittenFigure(str(target), fmt, size)


@contextmanager
def _replacing(target: Path, partial: Path) -> Iterator[Path]:
    """A temporary file beside ``target`` that becomes it only once it is complete.

    The rename is atomic: Ctrl-C or a failure mid-write leaves the old file (or none), never
    a truncated one; and a symlink at ``target`` is replaced, never followed, so writing a
    figure cannot overwrite the file a link points to.
    """
    if target.is_dir():
        raise IsADirectoryError(21, "is a directory", str(target))
    partial.unlink(missing_ok=True)    # a leftover of a run that was killed
    try:
        yield partial
        os.chmod(partial, 0o666 & ~_umask())   # as a plain open() would have made it
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


__all__ = ["FPS", "figure_bytes", "new_figure", "partial_path", "plotly_page", "save_animation",
           "svg_page",
           "write_picture"]
