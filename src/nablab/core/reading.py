"""What the reading policy decided about typed text, kept beside the formula it produced.

The parser reads every input one way a math teacher would accept. When one of its rules
decided between readings (``e^-2x`` read as e^(−2x), ``log(x)`` as ln x, ``1e-3x`` as x/1000),
it records a :class:`Reading`, so every face can say so. A typed derivative request
(``d/dx (x^2 sin x)``, ``∂/∂x (x^2 y)``, ``dy/dx`` after ``y = …``) is an
:class:`AskedDerivative`: the formula is what is differentiated, the request says how.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from nablab.i18n import translate


@dataclass(frozen=True)
class Reading:
    """One rule of the reading policy that decided how a piece of text was read.

    Attributes:
        rule: the rule's name; its sentence is the catalogue key ``reading.<rule>``.
        params: the sentence's fields (the typed piece, the reading), as text.
    """

    rule: str
    params: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, rule: str, **params: Any) -> Reading:
        return cls(rule, tuple((k, str(v)) for k, v in params.items()))

    @property
    def fields(self) -> Mapping[str, str]:
        return dict(self.params)

    def text(self, lang: str | None = None) -> str:
        """The sentence that says what was read, e.g. "read as e^(−2x)"."""
        return translate(f"reading.{self.rule}", lang, **self.fields)

    def to_json(self, lang: str | None = None) -> dict[str, Any]:
        return {"rule": self.rule, **self.fields, "message": self.text(lang)}


@dataclass(frozen=True)
class AskedDerivative:
    """A derivative the typed text asked for, in the order of differentiation.

    Attributes:
        wrt: ``((name, count), …)``: ``d²/dx²`` is ``(("x", 2),)``, ``∂²/∂x∂y`` is
            ``(("x", 1), ("y", 1))`` (differentiate by y first, as written right to left).
        partial: written with ∂ (or ``\\partial``) rather than d.
        of: the name the derivative is of (``y`` in ``dy/dx`` after ``y = …``), if named.
    """

    wrt: tuple[tuple[str, int], ...]
    partial: bool = False
    of: str | None = None

    @property
    def order(self) -> int:
        return sum(count for _, count in self.wrt)


__all__ = ["AskedDerivative", "Reading"]
