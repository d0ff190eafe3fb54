"""The result of a limit in two variables: the paths tried, the verdict and its argument."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sympy

from nablab.calculus.notation import latex, unicode
from nablab.core.expression import Expression
from nablab.core.printing import to_str
from nablab.i18n import translate
from nablab.present import Document, Math, Presentable, Writer


@dataclass(frozen=True)
class PathLimit:
    """The limit of f along one path through the point.

    Attributes:
        kind: ``x_axis``, ``y_axis``, ``line``, ``parabola_y``, ``parabola_x``, and when
            those did not decide, ``cubic_y`` or ``cubic_x``.
        path: the path as an equation, e.g. ``y = mx``.
        latex: the same in LaTeX.
        limit: lim_(t→0) f along the path (``nan``: the two sides differ; None: not found).
        plain: the path in plain text for JSON, e.g. ``y = m*x``.
        parameter: the symbol m or k when the path is a family, else None.
        u, v: the path as (x, y) = (a + u(t), b + v(t)), t → 0 (what a picture draws).
    """

    kind: str
    path: str
    latex: str
    limit: Any
    plain: str = ""
    parameter: Any = None
    u: Any = None
    v: Any = None

    def shown(self) -> str:
        """The limit as text (``—`` when it was not found)."""
        if self.limit is None:
            return "—"
        if self.limit is sympy.nan or isinstance(self.limit, sympy.AccumBounds):
            return "∄"
        infinite = {sympy.oo: "∞", -sympy.oo: "−∞", sympy.zoo: "∞"}
        return infinite.get(self.limit, None) or unicode(self.limit)

    def to_dict(self) -> dict[str, Any]:
        """``{"path": "y = m*x", "limit": "m/(m**2 + 1)"}`` (limit null when not found)."""
        return {"path": self.plain, "kind": self.kind,
                "limit": None if self.limit is None else to_str(self.limit)}


@dataclass(frozen=True, repr=False)
class Limit2D(Presentable):
    """lim_((x, y)→(a, b)) f(x, y) with the argument that decides it.

    Attributes:
        expression: f.
        at: the point ``{name: exact value}``.
        exists: True (proven), False (proven not to exist), None (not decided).
        value: the limit when it exists.
        paths: each path tried with its limit.
        reason: ``continuous``, ``paths_differ``, ``path_no_limit``, ``radial``, ``squeeze``
            or ``undecided``.
        witnesses: the two paths that disagree (the same path twice for ``path_no_limit``).
        candidate: the limit every path gave, when they agree.
        polar: f in polar coordinates about the point (r, θ), when it was needed.
        bound: g(r) with |f − L| ≤ g(r) → 0 (``squeeze``), or f − L itself (``radial``).
    """

    expression: Expression
    at: dict[str, Any]
    exists: bool | None
    value: Any
    paths: tuple[PathLimit, ...]
    reason: str
    witnesses: tuple[PathLimit, PathLimit] | None = None
    candidate: Any = None
    polar: Any = None
    bound: Any = None

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """``{"exists", "value", "paths": [{"path", "limit"}], "reason", "at", ...}``."""
        value = None if self.value is None else float(self.value)
        return {
            "exists": self.exists,
            "value": value,
            "exact": None if self.value is None else to_str(self.value),
            "at": {k: float(v) for k, v in self.at.items()},
            "reason": self.reason,
            "paths": [p.to_dict() for p in self.paths],
            "witnesses": None if self.witnesses is None else [p.plain for p in self.witnesses],
            "polar": None if self.polar is None else to_str(self.polar),
            "bound": None if self.bound is None else to_str(self.bound),
            "conclusion": self.conclusion(lang),
        }

    def __str__(self) -> str:
        return self.conclusion("en")

    def _repr_latex_(self) -> str:
        value = r"\text{does not exist}" if self.exists is False else \
            (latex(self.value) if self.exists else "?")
        return f"$\\lim_{{{self._approach(latex)}}} {self.expression.latex} = {value}$"

    def _approach(self, show: Any) -> str:
        names = ", ".join(show(v) for v in self.expression.variables)
        point = ", ".join(show(v) for v in self.at.values())
        arrow = r" \to " if show is latex else " → "
        return f"({names}){arrow}({point})"

    def conclusion(self, lang: str | None = None) -> str:
        """The verdict in one sentence, e.g. "the limit does not exist: along y = mx …"."""
        line = next((p for p in self.paths if p.kind == "line"), None)
        if self.reason == "paths_differ" and self.witnesses is not None:
            p, q = self.witnesses
            family = line if line is not None and line.limit is not None and \
                line.limit is not sympy.nan and line.limit.has(line.parameter) else None
            if family is not None:
                return translate("limit2d.dne_family", lang, path=family.path,
                                 limit=family.shown(), p=p.path, lp=p.shown(), q=q.path,
                                 lq=q.shown())
            return translate("limit2d.dne_paths", lang, p=p.path, lp=p.shown(), q=q.path,
                             lq=q.shown())
        if self.reason == "path_no_limit" and self.witnesses is not None:
            p = self.witnesses[0]
            return translate("limit2d.dne_path", lang, p=p.path, lp=p.shown())
        if self.exists:
            return translate(f"limit2d.exists_{self.reason}", lang, value=unicode(self.value))
        if self.candidate is not None:
            return translate("limit2d.undecided_agree", lang, value=unicode(self.candidate))
        return translate("limit2d.undecided", lang)

    def document(self, lang: str | None = None) -> Document:
        """The question, the paths' table, the polar argument and the verdict."""
        f = self.expression
        out = Writer()
        out.formula(Math(f"lim_{self._approach(unicode)} {f.unicode}",
                         f"\\lim_{{{self._approach(latex)}}} {f.latex}"), 0)
        out.blank()
        if self.reason == "continuous":
            out.text(translate("limit2d.continuous", lang, value=unicode(self.value)), 2)
            out.blank()
        out.heading(translate("limit2d.paths_heading", lang))
        out.table([translate("limit2d.path", lang), translate("limit2d.limit", lang)],
                  [[p.path, p.shown()] for p in self.paths], indent=2)
        out.text(translate("limit2d.paths_note", lang), 2)
        if self.polar is not None:
            self._document_polar(out, lang)
        out.blank()
        out.heading(translate("label.result", lang))
        out.text(self.conclusion(lang), 2)
        return out.document()

    def _document_polar(self, out: Writer, lang: str | None) -> None:
        x, y = self.expression.variables
        a, b = self.at.values()
        out.blank()
        out.heading(translate("limit2d.polar_heading", lang))
        x0, y0 = unicode(x - a), unicode(y - b)
        out.text(f"{x0} = r cos θ,  {y0} = r sin θ,  r → 0⁺", 2)
        out.text(f"f = {unicode(self.polar)}", 2)
        if self.bound is not None and self.reason == "squeeze":
            out.text(translate("limit2d.squeeze", lang, value=unicode(self.value),
                               bound=unicode(self.bound)), 2)
        elif self.bound is not None:
            out.text(translate("limit2d.radial", lang, value=unicode(self.value),
                               rest=unicode(self.bound)), 2)
        else:
            out.text(translate("limit2d.no_bound", lang), 2)


__all__ = ["Limit2D", "PathLimit"]
