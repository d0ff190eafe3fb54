"""What descents, races, sweeps and training runs share when they are shown: the optimizer
and its rule, η and the other hyper-parameters, the learning-rate advice, number formats."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from nablab.core.expression import Expression
from nablab.i18n import translate
from nablab.optimize.advice import LearningRateAdvice
from nablab.present import Writer, number, numbers


def fmt(value: float, digits: int = 6) -> str:
    """A number in ``digits`` significant digits, with a real minus sign."""
    return number(value, digits, whole_below=1e9)


def vec(values: Iterable[Any], digits: int = 6) -> str:
    """``(a, b)``; a single coordinate without brackets."""
    return numbers([float(v) for v in values], digits)


def function_line(expression: Expression) -> str:
    """``f(x, y) = x² + y²``."""
    return f"{expression.name or 'f'}({', '.join(expression.variable_names)}) = " \
           f"{expression.unicode}"


def optimizer_line(name: str, lang: str | None) -> str:
    """``Optimizer: Adam    m ← β₁m + (1 − β₁)∇f …``."""
    label = translate("optimize.label.optimizer", lang)
    return f"{label}: {translate(f'optimize.name.{name}', lang)}    " \
           f"{translate(f'optimize.rule.{name}', lang)}"


def plain(value: Any) -> str:
    """A hyper-parameter's value as written: ``0.9``, ``(0.9, 0.999)``, ``True``."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (tuple, list)):
        return "(" + ", ".join(plain(v) for v in value) + ")"
    return fmt(float(value)) if isinstance(value, (int, float)) else str(value)


def write_setup(out: Writer, optimizer: str, lr: float | None,
                hyper: dict[str, Any], start: Iterable[float],
                advice: LearningRateAdvice | None, lang: str | None) -> None:
    """Optimizer and its rule, η and the hyper-parameters, the start, the advice."""
    out.text(optimizer_line(optimizer, lang))
    extra = "".join(f", {k} = {plain(v)}" for k, v in hyper.items())
    rate = "None" if lr is None else fmt(lr)
    out.text(f"{translate('optimize.label.learning_rate', lang)} η = {rate}{extra}; "
             f"{translate('optimize.label.start', lang)} θ₀ = {vec(start)}")
    if advice is not None:
        write_advice(out, advice, lang)


def write_advice(out: Writer, advice: LearningRateAdvice, lang: str | None) -> None:
    """The learning-rate advice in words; the warning as a heading (bold)."""
    eigen = ", ".join(fmt(e, 4) for e in advice.eigenvalues)
    out.text(translate(f"optimize.advice.{advice.kind}", lang, eigenvalues=eigen), 2)
    if advice.rule == "newton":
        out.text(translate("optimize.advice.newton", lang), 2)
        if advice.max_lr is None:
            out.text(translate("optimize.advice.newton_not_pd", lang), 2)
    elif advice.rule is None:
        out.text(translate("optimize.advice.adaptive", lang), 2)
    elif advice.max_lr is None:
        out.text(translate("optimize.advice.no_bound", lang), 2)
    else:
        out.text(translate("optimize.advice.range", lang, max_lr=fmt(advice.max_lr, 4)), 2)
    if advice.best_lr is not None and advice.rule != "newton":
        out.text(translate("optimize.advice.best", lang, best_lr=fmt(advice.best_lr, 4)), 2)
    if advice.warning:
        out.heading(translate("optimize.advice.warning", lang,
                              lr=fmt(advice.lr),
                              max_lr=fmt(advice.max_lr or 0.0, 4)))


def shown_rows(count: int, head: int, tail: int) -> list[int]:
    """Row indices to show of ``count``: all, or the first ``head``, −1 (a gap), the last
    ``tail``."""
    if count <= head + tail + 1:
        return list(range(count))
    return [*range(head), -1, *range(count - tail, count)]


__all__ = ["fmt", "function_line", "optimizer_line", "plain", "shown_rows", "vec",
           "write_advice", "write_setup"]
