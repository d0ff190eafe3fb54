"""The notebook face: results drawn inline, Plotly offline, and explorers with sliders.

A peer of the command line and the web app: it turns widgets into requests and results into
figures, and computes nothing of its own. ``result.plot()`` reaches :func:`plot` through the
hook the public API installs (:func:`nablab.core.hooks.set_plotter`).
"""

from __future__ import annotations

from nablab.notebook.explore import Explorer, explore, explore_lagrange, explore_limit
from nablab.notebook.figures import plot

__all__ = ["Explorer", "explore", "explore_lagrange", "explore_limit", "plot"]
