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

#: The Plotly renderers nablab registers: plotly.js sent once per notebook (Jupyter, VS Code),
#: or inlined in each output (Colab, where each output is a page of its own).
RENDERER = "nablab"
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
    """Make Plotly figures show without a network: plotly.js from the package, once per
    notebook (in Colab, once per output), and no MathJax from a CDN (nablab's labels are
    Unicode)."""
    if _shell() is None:
        return
    import plotly.io as pio

    name = COLAB_RENDERER if "google.colab" in sys.modules else RENDERER
    if name not in pio.renderers:
        pio.renderers[name] = _renderer(colab=name == COLAB_RENDERER)
    if pio.renderers.default != name:
        pio.renderers.default = name


def _renderer(colab: bool) -> Any:
    """Plotly's notebook renderer (a page per output in Colab) without MathJax's CDN."""
    from plotly.io import to_html
    from plotly.io._base_renderers import HtmlRenderer

    class OfflineRenderer(HtmlRenderer):
        def to_mimebundle(self, fig_dict: Any) -> dict[str, str]:
            html = to_html(fig_dict, config=self.config, auto_play=self.auto_play,
                           include_plotlyjs=self.include_plotlyjs, include_mathjax=False,
                           full_html=self.full_html, animation_opts=self.animation_opts,
                           default_width="100%", default_height=525, validate=False)
            return {"text/html": html}

    return OfflineRenderer(connected=False, full_html=colab, global_init=not colab,
                           config={"displaylogo": False}, include_plotlyjs=colab)


def _shell() -> Any:
    """The running IPython shell, or ``None`` outside IPython."""
    ipython = sys.modules.get("IPython")
    if ipython is None:
        return None
    return ipython.get_ipython()


__all__ = ["COLAB_RENDERER", "RENDERER", "inline_figures", "offline_plotly", "plot", "png"]
