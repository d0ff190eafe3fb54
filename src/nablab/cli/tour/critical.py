"""Tour chapter: critical points of the notes' f(x, y) = x² + y² — ∇f = 0, classified, and
why (0, 0) is the global minimum — contrasted with x³ − 3x + y², whose saddle shows that
∇f = 0 is not sufficient. Everything is computed by :func:`nablab.critical_points`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from nablab.cli.tour.chapter import TOUR_FUNCTION, Chapter
from nablab.core.printing import to_unicode
from nablab.critical import critical_points, display
from nablab.i18n import translate
from nablab.parse import parse
from nablab.present import Math
from nablab.present.math import matrix

if TYPE_CHECKING:
    from nablab.core.expression import Expression
    from nablab.critical.result import CriticalPoint

#: The contrast: one minimum and one saddle point.
CONTRAST = "x^3 - 3x + y^2"


def chapter(lang: str) -> Chapter:
    def t(key: str, **params: object) -> str:
        return translate(f"tour.critical.{key}", lang, **params)

    f = parse(TOUR_FUNCTION)
    result = critical_points(f)
    ch = Chapter("critical", t("title"))
    ch.text(t("gradient"))
    where = " | ".join(p.unicode for p in result.points)
    ch.math(f"∇f = {to_unicode(f.gradient())} = {display.point([0.0] * len(f.variables))}"
            f"  ⇔  ({', '.join(f.variable_names)}) = {where}")
    ch.text(t("solutions", method=translate(f"critical.method_short.{result.method}", lang)))
    for p in result.points:
        ch.math(f"{p.unicode}:  f = {p.value_unicode}")
        _hessian(ch, f, p, lang, t)
    ch.text(t("why_global"))
    for (key, _), line in zip(result.notes, result.explain(lang), strict=True):
        if key.startswith("critical.global.minimum"):
            ch.text(line)
    contrast = critical_points(CONTRAST)
    ch.text(t("contrast"))
    for p in contrast.points:
        values = ", ".join(display.number(v) for v in p.eigenvalues)
        ch.math(f"{p.unicode}:  λ = {values}  →  {translate(f'critical.kind.{p.kind}', lang)}")
    for (key, _), line in zip(contrast.notes, contrast.explain(lang), strict=True):
        if key == "critical.explain.saddle":
            ch.text(line)
    ch.text(t("try"))
    ch.data = {"function": result.function, "critical_points": result.to_dict(lang),
               "contrast": contrast.to_dict(lang)}
    ch.results = {"critical_points": result, "contrast": contrast}
    return ch


def _hessian(ch: Chapter, f: Expression, p: CriticalPoint, lang: str,
             t: Callable[..., str]) -> None:
    """The Hessian at the point, its eigenvalues, and what they say."""
    hessian = f.hessian().subs({v: p.point[v.name] for v in f.variables})
    rows = matrix([[Math.text(display.number(float(e))) for e in row]
                   for row in hessian.tolist()]).unicode.split("\n")
    values = ", ".join(display.number(v) for v in p.eigenvalues)
    ch.text(t("hessian"))
    for i, line in enumerate(rows):
        ch.math(("H = " if i == 0 else "    ") + line + (f"    λ = {values}" if i == 0 else ""))
    kind = translate(f"critical.kind.{p.kind}", lang)
    ch.text(t("kind", point=p.unicode, kind=kind) if p.kind == "minimum" else kind)
