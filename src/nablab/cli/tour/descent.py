"""Tour chapter: gradient descent on the notes' x² + y² from (3, 4), and a too-large η."""

from __future__ import annotations

from nablab.cli.tour.chapter import TOUR_FUNCTION, Chapter
from nablab.core.printing import to_unicode
from nablab.i18n import translate
from nablab.i18n.width import pad
from nablab.optimize import descend
from nablab.optimize.present import fmt, vec
from nablab.parse import parse

#: The notes' start point and learning rate, and one past the stable range.
START, LEARNING_RATE, TOO_LARGE = (3, 4), 0.1, 1.1


def chapter(lang: str) -> Chapter:
    def t(key: str, **params: object) -> str:
        return translate(f"tour.descent.{key}", lang, **params)

    f = parse(TOUR_FUNCTION)
    good = descend(f, START, lr=LEARNING_RATE, steps=1000)
    bad = descend(f, START, lr=TOO_LARGE, steps=1000)
    advice = good.advice
    curvature = advice.eigenvalues[-1] if advice is not None else 2.0
    ch = Chapter("descent", t("title"))
    ch.text(t("rule"))
    ch.math("θᵢ ← θᵢ − η ∂f/∂θᵢ")
    ch.text(t("first_step", lr=fmt(LEARNING_RATE), start=vec(START),
              gradient=to_unicode(f.gradient())))
    ch.math(f"θ₁ = {vec(good.path[0])} − {fmt(LEARNING_RATE)}·{vec(good.gradients[0])} "
            f"= {vec(good.path[1])}")
    ch.text(t("table"))
    for k in (*range(5), good.nit):
        ch.math(f"k = {k:>2}   θ = {pad(vec(good.path[k], 4), 24)} f = {fmt(good.values[k], 4)}")
    ch.text(t("converged", steps=good.nit, tol=f"{good.tol:g}",
              factor=fmt(1 - LEARNING_RATE * curvature)))
    if advice is not None and advice.max_lr is not None and advice.best_lr is not None:
        ch.text(t("advice", eigenvalues=", ".join(fmt(e) for e in advice.eigenvalues),
                  max_lr=fmt(advice.max_lr), best_lr=fmt(advice.best_lr)))
    ch.text(t("too_large", lr=fmt(TOO_LARGE), factor=fmt(1 - TOO_LARGE * curvature)))
    for k in range(4):
        ch.math(f"k = {k}   θ = {pad(vec(bad.path[k], 4), 24)} f = {fmt(bad.values[k], 4)}")
    ch.text(t("diverged", steps=bad.nit, value=fmt(bad.fun, 3)))
    ch.text(t("try"))
    ch.data = {"first_step": good.path[1].tolist(), "steps": good.nit, "status": good.status,
               "advice": None if advice is None else advice.to_dict(),
               "too_large": {"lr": TOO_LARGE, "status": bad.status, "steps": bad.nit}}
    ch.results = {"good": good, "too_large": bad}
    return ch
