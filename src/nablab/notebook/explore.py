"""Explorers: a job's fields as widgets, its picture and presentation redrawn as they change.

Each explorer makes the same request the command line would (``DescendRequest``,
``LagrangeRequest``) from its controls, runs it under a time budget, and shows the picture
``--plot`` draws and the result's document. ``explorer.set(lr=0.01)`` drives the controls
from code (tests do); ``explorer.result`` is the last result.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from nablab.budget import Budget, run_bounded, within
from nablab.errors import NablabError
from nablab.i18n import resolve_language, translate
from nablab.jobs import DescendRequest, LagrangeRequest, LimitRequest, run
from nablab.notebook.figures import png
from nablab.plot import fonts

#: Seconds one redraw may compute (a slider should answer in well under a second).
TIMEOUT = 10.0

#: ``compute(values) -> (result, png bytes)``.
Compute = Callable[[Mapping[str, Any]], tuple[Any, bytes]]


class Explorer:
    """Controls above a picture and the result's presentation, redrawn on every change."""

    def __init__(self, controls: Mapping[str, Any], compute: Compute,
                 lang: str | None = None) -> None:
        import ipywidgets as widgets

        self.lang = resolve_language(lang)
        self.controls = dict(controls)
        self.compute = compute
        self.image = widgets.Image(format="png")
        self.text = widgets.HTMLMath()
        self.result: Any = None
        self.error: str | None = None
        #: How often it computed and drew (once per change, once per :meth:`set`).
        self.redraws = 0
        self._holding = False
        for control in self.controls.values():
            control.observe(self._changed, names="value")
        self.widget = widgets.VBox([widgets.HBox(list(self.controls.values())[:3]),
                                    widgets.HBox(list(self.controls.values())[3:]),
                                    self.image, self.text])
        self.redraw()

    def values(self) -> dict[str, Any]:
        """Each control's value, by name."""
        return {name: control.value for name, control in self.controls.items()}

    def set(self, **values: Any) -> None:
        """Move controls from code, as a user would, and redraw once."""
        self._holding = True
        try:
            for name, value in values.items():
                self.controls[name].value = value
        finally:
            self._holding = False
        self.redraw()

    def redraw(self) -> None:
        """Compute again from the controls and show the picture and the result."""
        self.redraws += 1
        try:
            with within(Budget(None, None)):
                self.result, image = self.compute(self.values())
        except NablabError as exc:
            self.error = str(exc)
            self.text.value = f"<pre>{_escape(self.error)}</pre>"
            return
        self.error = None
        self.image.value = image
        self.text.value = self.result.document(self.lang).html()

    def _changed(self, change: Mapping[str, Any]) -> None:
        if not self._holding:
            self.redraw()

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)


def _escape(text: str) -> str:
    import html

    return html.escape(text)


def _drawn(request: Any, lang: str) -> tuple[Any, bytes]:
    """Run ``request`` under the time budget; the result and its ``--plot`` picture as PNG."""
    result = run_bounded(run, request, timeout=TIMEOUT)
    with fonts.style():
        figure = request.picture(result).static(lang)
    return result, png(figure)


def explore(f: str, start: str | tuple[float, ...] = "", *, optimizer: str = "gd",
            lr: float = 0.1, steps: int = 100, lang: str | None = None) -> Explorer:
    """Gradient descent on ``f`` with the optimizer, η, the start point and the number of
    steps as widgets; the path over the contours redrawn as they change.

    >>> e = explore("x^2 + 3y^2", "2,1", lang="en")  # doctest: +SKIP
    >>> e.set(lr=0.3); e.result.status                 # doctest: +SKIP
    """
    import ipywidgets as widgets

    from nablab.optimize import DESCENT_OPTIMIZERS
    from nablab.parse import parse

    language = resolve_language(lang)
    names = parse(f).variable_names
    point = _start(start, len(names))
    controls: dict[str, Any] = {
        "optimizer": widgets.Dropdown(options=list(DESCENT_OPTIMIZERS), value=optimizer,
                                      description=translate("notebook.optimizer", language)),
        "lr": widgets.FloatLogSlider(value=lr, base=10, min=-4, max=0.5, step=0.05,
                                     description=translate("notebook.lr", language)),
        "steps": widgets.IntSlider(value=steps, min=1, max=2000,
                                   description=translate("notebook.steps", language)),
    }
    for name, value in zip(names, point, strict=True):
        controls[name] = widgets.FloatText(value=value, description=f"{name}₀")

    def compute(values: Mapping[str, Any]) -> tuple[Any, bytes]:
        begin = ",".join(repr(float(values[n])) for n in names)
        request = DescendRequest(expression=f, start=begin, optimizer=values["optimizer"],
                                 lr=float(values["lr"]), steps=int(values["steps"]))
        return _drawn(request, language)

    return Explorer(controls, compute, language)


def _start(start: str | tuple[float, ...], count: int) -> tuple[float, ...]:
    if isinstance(start, str):
        pieces = [p for p in start.replace(" ", "").split(",") if p]
        values = tuple(float(p.partition("=")[2] or p) for p in pieces)
    else:
        values = tuple(float(v) for v in start)
    return values if len(values) == count else (1.0,) * count


def explore_limit(f: str, at: float = 1.0, *, lang: str | None = None) -> Explorer:
    """The limit definition at x₀ = ``at``: a slider shrinks Δx, and the secant through
    (x₀, f(x₀)) and (x₀ + Δx, f(x₀ + Δx)) turns into the tangent."""
    import ipywidgets as widgets

    language = resolve_language(lang)
    request = LimitRequest(expression=f, at=repr(float(at)))
    derivation = run_bounded(run, request, timeout=TIMEOUT)
    animation = request.picture(derivation).animation
    assert animation is not None   # the limit at a point always animates its secants
    with fonts.style():
        frames = animation(language)
    controls = {"h": widgets.IntSlider(value=0, min=0, max=frames.count - 1,
                                       description=translate("notebook.h", language))}

    def compute(values: Mapping[str, Any]) -> tuple[Any, bytes]:
        frames.update(int(values["h"]))
        return derivation, png(frames.figure)

    return Explorer(controls, compute, language)


def explore_lagrange(f: str, g: str, k: float = 0.0, *, lang: str | None = None) -> Explorer:
    """Lagrange's method on f subject to g = k with a slider for k: the constraint moves,
    f* and λ follow (λ = df*/dk)."""
    import ipywidgets as widgets

    language = resolve_language(lang)
    controls = {"k": widgets.FloatSlider(value=k, min=k - 5.0, max=k + 5.0, step=0.25,
                                         description=translate("notebook.k", language))}

    def compute(values: Mapping[str, Any]) -> tuple[Any, bytes]:
        request = LagrangeRequest(expression=f, constraints=f"{g} = {float(values['k'])!r}",
                                  check=False)
        return _drawn(request, language)

    return Explorer(controls, compute, language)


__all__ = ["TIMEOUT", "Explorer", "explore", "explore_lagrange", "explore_limit"]
