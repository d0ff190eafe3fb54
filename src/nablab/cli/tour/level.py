"""Tour chapter: a contour of the notes' x² + y² as a level curve, differentiated implicitly.

The contour through (1, 1) is the circle x² + y² = 2; :func:`nablab.implicit` gives
dy/dx = −F_x/F_y = −x/y, the tangent y = 2 − x and the normal y = x there, and ∇F(1, 1) = (2, 2)
is perpendicular to the tangent — the gradient crosses the contours, which is why it points
straight uphill and why the Lagrange chapter's level curves touch where ∇f ∥ ∇g.
"""

from __future__ import annotations

from nablab.calculus.implicit import implicit
from nablab.cli.tour.chapter import Chapter
from nablab.core.printing import to_unicode
from nablab.i18n import translate
from nablab.optimize.present import fmt, vec

#: The contour of x² + y² through (1, 1), and the point.
CONTOUR, POINT = "x^2 + y^2 = 2", {"x": 1, "y": 1}


def chapter(lang: str) -> Chapter:
    def t(key: str, **params: object) -> str:
        return translate(f"tour.level.{key}", lang, **params)

    result = implicit(CONTOUR, POINT)
    fx, fy = (to_unicode(p) for p in result.partials)
    point = vec(tuple(POINT.values()))
    gradient = tuple(float(g) for g in result.gradient or ())
    slope = float(result.slopes[0]) if result.slopes else None
    direction = (1.0, slope) if slope is not None else (0.0, 1.0)
    dot = sum(g * d for g, d in zip(gradient, direction, strict=True))
    ch = Chapter("level", t("title"))
    ch.text(t("story", point=point))
    ch.math(f"F(x, y) = {to_unicode(result.F)} = 0")
    ch.text(t("implicit"))
    ch.math(f"dy/dx = −F_x/F_y = −({fx})/({fy}) = {to_unicode(result.derivatives[0])}")
    ch.text(t("at_point", point=point))
    ch.math(f"dy/dx = {fmt(slope) if slope is not None else '∞'}    "
            f"{t('tangent')}: {_minus(result.tangent)}    {t('normal')}: {_minus(result.normal)}")
    ch.text(t("perpendicular"))
    ch.math(f"∇F{point} = {vec(gradient)}    ∇F·{vec(direction)} = {fmt(dot)}")
    ch.text(t("meaning"))
    ch.text(t("try"))
    ch.data = {"implicit": result.to_dict(), "direction": list(direction), "dot": dot}
    ch.results = {"implicit": result}
    return ch


def _minus(equation: str | None) -> str:
    """The equation with the typographic minus the other lines use."""
    return (equation or "").replace("-", "−")


__all__ = ["CONTOUR", "POINT", "chapter"]
