"""A result's figure for a notebook: the picture ``--plot`` draws, shown inline.

The matplotlib Figure is the one the command line saves (built under the same font settings,
so Hangul and math read the same); it belongs to no pyplot figure list, so nothing keeps it
alive after display and nothing draws it twice. A Plotly figure shows offline: plotly.js from
the installed ``plotly`` package goes into the notebook once (in Colab, where each output is
its own frame, into each output), never from a CDN.
"""

from __future__ import annotations

import sys
from typing import Any

from nablab.errors import UnsupportedError
from nablab.i18n import resolve_language
from nablab.jobs.pictures import picture_of
from nablab.plot import fonts
from nablab.plot.output import figure_bytes

#: The renderer registered for Colab: plotly.js inlined in each output (no CDN).
COLAB_RENDERER = "nablab_colab"


def plot(result: Any, interactive: bool = False, lang: str | None = None) -> Any:
    """What ``--plot`` draws of ``result``: a matplotlib Figure, or a Plotly figure.

    Raises:
        UnsupportedError: ``no_picture``: nothing draws this result (in Plotly).
    """
    picture = picture_of(result)
    language = resolve_language(lang)
    if interactive:
        if picture.interactive is None:
            raise UnsupportedError("no_picture", result=type(result).__name__)
        offline_plotly()
        return picture.interactive(language)
    with fonts.style():
        figure = picture.static(language)
    inline_figures()
    return figure


def png(figure: Any) -> bytes:
    """A matplotlib figure as PNG bytes, saved as the command line saves it."""
    return figure_bytes(figure, "png")


def inline_figures() -> None:
    """Show matplotlib Figures as PNG in the running IPython (no pyplot needed)."""
    shell = _shell()
    if shell is None:
        return
    from matplotlib.figure import Figure

    shell.display_formatter.formatters["image/png"].for_type(Figure, png)


def offline_plotly() -> None:
    """Make Plotly figures show without a network: plotly.js from the package, once."""
    if _shell() is None:
        return
    import plotly.io as pio

    if "google.colab" in sys.modules:
        from plotly.io._base_renderers import HtmlRenderer

        if COLAB_RENDERER not in pio.renderers:
            pio.renderers[COLAB_RENDERER] = HtmlRenderer(connected=False, full_html=True,
                                                        global_init=False)
        pio.renderers.default = COLAB_RENDERER
    elif pio.renderers.default != "notebook":
        pio.renderers.default = "notebook"


def _shell() -> Any:
    """The running IPython shell, or ``None`` outside IPython."""
    ipython = sys.modules.get("IPython")
    if ipython is None:
        return None
    return ipython.get_ipython()


__all__ = ["COLAB_RENDERER", "inline_figures", "offline_plotly", "plot", "png"]
