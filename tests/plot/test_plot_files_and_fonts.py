"""Files: PNG/SVG/PDF not blank, HTML self-contained and small; Hangul from the shipped font."""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path

import pytest

import nablab
from nablab.errors import UnsupportedError, UsageError
from nablab.plot import fonts, interactive, output, surface
from nablab.plot.picture import Picture, file_format

from .conftest import png_spread

F = nablab.parse("f(x, y) = x^2 + y^2")
WINDOW = ((-5.0, 5.0), (-5.0, 5.0))
SCRIPT_SRC = re.compile(r"<script[^>]*\bsrc\s*=\s*[\"']?(https?:)?//", re.IGNORECASE)


def _plotly_js() -> Path:
    import plotly

    return Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def _plotly_js_size() -> int:
    return _plotly_js().stat().st_size


def _plotly_js_head() -> str:
    return _plotly_js().read_text(encoding="utf-8")[:300]


def _small_picture() -> Picture:
    return Picture(partial(surface.surface_contour, F, WINDOW, n=40, figsize=(5, 2.5)),
                   partial(interactive.surface_page, F, WINDOW))


def test_shipped_font_is_found_and_registered() -> None:
    path = fonts.hangul_font_path()
    assert path is not None and path.name == "NanumGothic.ttf"
    assert fonts.register_hangul_font() == fonts.HANGUL_FAMILY
    assert fonts.families() == ["DejaVu Sans", "NanumGothic"]


def test_korean_titles_resolve_to_the_shipped_font() -> None:
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    with fonts.style():
        fig = surface.surface_contour(F, WINDOW, "ko", n=40, figsize=(5, 2.5))
        title = fig.axes[0].get_title()
        assert title.startswith("3D 곡면")
        found = font_manager.fontManager._find_fonts_by_props(
            fig.axes[0].title.get_fontproperties())
    paths = [Path(str(p)) for p in found]
    assert fonts.hangul_font_path() in paths
    charmap = FT2Font(str(fonts.hangul_font_path())).get_charmap()
    hangul = {ch for ch in title if "\uac00" <= ch <= "\ud7a3"}
    assert hangul and all(ord(ch) in charmap for ch in hangul)
    assert png_spread(output.figure_bytes(fig)) > 10  # rendered; a missing glyph would fail


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_still_files_are_not_blank(tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"notes.{fmt}"
    info = output.write_picture(_small_picture(), target, "ko")
    assert info.to_dict() == {"file": str(target), "format": fmt,
                              "bytes": target.stat().st_size}
    data = target.read_bytes()
    if fmt == "png":
        assert png_spread(data) > 10
    elif fmt == "svg":
        assert data.lstrip().startswith(b"<?xml") and b"<path" in data
    else:
        assert data.startswith(b"%PDF") and b"NanumGothic" in data


def test_interactive_page_is_self_contained_and_small(tmp_path: Path) -> None:
    target = tmp_path / "surface.html"
    output.write_picture(_small_picture(), target, "en")
    page = target.read_text(encoding="utf-8")
    assert not SCRIPT_SRC.search(page)
    assert "Plotly.newPlot" in page and _plotly_js_head() in page  # plotly.js itself, inlined
    assert target.stat().st_size < 2_000_000 + _plotly_js_size()


def test_default_surface_data_is_under_two_megabytes() -> None:
    page = interactive.surface_page(F, WINDOW, "en")
    assert len(page.to_json()) < 2_000_000
    (trace,) = page.data
    assert trace.type == "surface" and trace.contours.z.project.z is True


def test_still_picture_as_html_inlines_svg(tmp_path: Path) -> None:
    picture = Picture(partial(surface.surface_contour, F, WINDOW, n=30, figsize=(4, 2)))
    target = tmp_path / "still.html"
    output.write_picture(picture, target, "en")
    page = target.read_text(encoding="utf-8")
    assert "<svg" in page and not SCRIPT_SRC.search(page)


def test_formats_are_checked() -> None:
    assert file_format("a.PDF") == "pdf"
    assert file_format("a.gif", animation=True) == "gif"
    with pytest.raises(UsageError) as info:
        file_format("a.jpg")
    assert ".png" in info.value.message("en")
    with pytest.raises(UsageError):
        file_format("a.png", animation=True)


def test_still_picture_has_no_animation(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedError) as info:
        output.write_picture(_small_picture(), tmp_path / "a.gif", "en", animate=True)
    assert info.value.kind == "plot_no_animation"


def test_unwritable_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(nablab.NablabError) as info:
        output.write_picture(_small_picture(), tmp_path / "missing" / "a.png", "en")
    assert info.value.kind == "plot_write_failed"
