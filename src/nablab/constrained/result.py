"""The result of :func:`nablab.lagrange`: plain data with one ``to_dict()`` (``--json``).

``LagrangeResult.to_dict()`` has the issue's shape, plus more fields::

    {"lagrangian": str,                      # L = f − Σ λᵢ(gᵢ − kᵢ), SymPy syntax
     "candidates": [{"point": {var: float}, "multipliers": [float], "value": float,
                     "kind": "maximum" | "minimum" | "neither" | "isolated" | "unknown",
                     ...}],
     "maximum": {"point": {var: float}, "value": float, ...} | null,
     "minimum": ... | null,
     "bounded": {"above": bool | null, "below": bool | null},
     "method": "groebner" | "newton", ...}

A ``null`` extreme means it does not exist on the set (``global.maximum == "unbounded"``,
with the curve that proves it) or could not be decided (``"unknown"``); the explanation says
which. For pictures: ``variables``, ``objective`` (an :class:`~nablab.Expression`),
``constraints[i].g``/``.k``/``.op`` (SymPy) and ``.relation``, each candidate's ``point``,
``value``, ``multipliers``, ``gradient`` (∇f) and ``constraint_gradients`` (∇gᵢ).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from nablab.constrained.bounded import Extreme, GlobalAnalysis
from nablab.constrained.candidates import Candidate, SingularPoint
from nablab.constrained.crosscheck import CrossCheck
from nablab.constrained.sensitivity import Rate
from nablab.core.expression import Expression
from nablab.i18n import translate
from nablab.parse import Relation
from nablab.present import Document, Math, Presentable, Writer
from nablab.present.document import Row

#: One sentence of the explanation: a catalogue key and its parameters.
Note = tuple[str, dict[str, Any]]
#: Sections of the explanation, by key prefix, in the order they are shown.
SECTIONS = {"method": ("lagrange.method.", "lagrange.fallback.", "lagrange.regular.",
                       "lagrange.constant"),
            "global": ("lagrange.global.",), "picture": ("lagrange.explain.",),
            "kkt": ("lagrange.kkt.",), "second": ("lagrange.second.",),
            "lambda": ("lagrange.lambda.",), "check": ("lagrange.check.",)}
#: Candidate rows shown at most (``to_dict`` has all).
MAX_ROWS = 30


@dataclass(frozen=True)
class ConstraintInfo:
    """One constraint gᵢ op kᵢ, read and shown.

    Attributes:
        relation: the relation as typed; ``source`` its text.
        g, k: the constraint function and its level (SymPy); ``k_value`` the level as a float.
        op: ``"="``, ``"<="`` or ``">="``; ``kind``: ``"equality"`` or ``"inequality"``.
        multiplier: the multiplier's name (``"lambda"``, ``"lambda1"``); ``multiplier_unicode``
            as written (λ, λ₁).
        g_text, g_unicode: g alone (SymPy syntax, Unicode).
        unicode, latex, text: ``g op k`` in each notation (``text`` in SymPy syntax).
    """

    relation: Relation
    g: Any
    k: Any
    k_value: float
    op: str
    kind: str
    multiplier: str
    multiplier_unicode: str
    g_text: str
    g_unicode: str
    unicode: str
    latex: str
    text: str

    @property
    def source(self) -> str:
        return self.relation.source

    @property
    def typed(self) -> str:
        """The constraint as typed (``2(x − 1)² − 10y + 6 = 0``), which the output shows."""
        return self.relation.unicode

    @property
    def typed_latex(self) -> str:
        return self.relation.latex

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "typed": self.typed, "g": self.g_text,
                "k": self.k_value, "op": self.op, "kind": self.kind,
                "multiplier": self.multiplier, "text": self.text, "unicode": self.unicode,
                "latex": self.latex}


@dataclass(frozen=True, repr=False)
class LagrangeResult(Presentable):
    """Everything :func:`nablab.lagrange` found, with the reasons.

    Attributes:
        objective: f; ``function``/``unicode``/``latex`` its text forms.
        variables: the variables, in order.
        constraints: the constraints (:class:`ConstraintInfo`).
        lagrangian, lagrangian_unicode, lagrangian_latex: L = f − Σλᵢ(gᵢ − kᵢ);
            ``lagrangian_head`` is ``L(x, y, λ)``.
        system, system_latex: the Lagrange (KKT) system, one equation per entry;
            ``vector_form``/``vector_form_latex``: ∇f = λ∇g.
        candidates: the feasible solutions, classified (:class:`Candidate`).
        singular_points: feasible points where the constraint gradients are dependent.
        global_analysis: existence of the extremes and why (:class:`GlobalAnalysis`).
        method: ``"groebner"`` (exact), ``"solveset"`` (exact: one variable on an
            interval, f'(x) = 0 by SymPy's solveset, cross-checked) or ``"newton"``;
            ``complete``: every candidate and singular point found; ``fallback``: why
            Newton ran; ``regular``: the singular points are all known (``None``: not
            checked).
        infinite: Lagrange systems with infinitely many solutions (Unicode equations).
        starts, bounds: Newton's starts and box (0 and ``None`` on the exact path).
        active_sets: how many active sets were solved.
        check: the SciPy cross-check, or ``None`` when it was not asked for.
        sensitivity: λ measured as ∂f*/∂kᵢ at ``sensitivity_at`` (a candidate index).
        notes: the explanation as catalogue keys (:meth:`explain`).
    """

    objective: Expression
    function: str
    unicode: str
    latex: str
    variables: tuple[str, ...]
    constraints: tuple[ConstraintInfo, ...]
    lagrangian: str
    lagrangian_unicode: str
    lagrangian_latex: str
    lagrangian_head: str
    system: tuple[str, ...]
    system_latex: tuple[str, ...]
    vector_form: str
    vector_form_latex: str
    candidates: tuple[Candidate, ...]
    singular_points: tuple[SingularPoint, ...]
    global_analysis: GlobalAnalysis
    method: str
    complete: bool
    fallback: str | None
    regular: bool | None
    infinite: tuple[str, ...]
    starts: int
    bounds: tuple[tuple[float, float], ...] | None
    active_sets: int
    check: CrossCheck | None
    sensitivity: tuple[Rate, ...]
    sensitivity_at: int | None
    notes: tuple[Note, ...] = field(default=())

    @property
    def constant(self) -> bool:
        """Whether f is constant: then every point of the set is both a maximum and a
        minimum, and the candidates are only a sample of them."""
        return self.objective.is_constant

    @property
    def maximum(self) -> Extreme | None:
        """The highest value on the set and where, when it exists and was found."""
        return self.global_analysis.maximum

    @property
    def minimum(self) -> Extreme | None:
        """The lowest value on the set and where, when it exists and was found."""
        return self.global_analysis.minimum

    def explain(self, lang: str | None = None) -> list[str]:
        """The explanation, one sentence per entry, in ``lang`` (default: the locale's)."""
        return [translate(key, lang, **params) for key, params in self.notes]

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """The ``--json`` shape (the explanation in ``lang``)."""
        analysis = self.global_analysis
        return {
            "lagrangian": self.lagrangian,
            "candidates": [c.to_dict() for c in self.candidates],
            "maximum": None if self.maximum is None else self.maximum.to_dict(),
            "minimum": None if self.minimum is None else self.minimum.to_dict(),
            "bounded": {"above": analysis.above, "below": analysis.below},
            "method": self.method,
            "function": self.function, "variables": list(self.variables),
            "constraints": [c.to_dict() for c in self.constraints],
            "lagrangian_latex": self.lagrangian_latex,
            "lagrangian_unicode": self.lagrangian_unicode,
            "system": list(self.system), "system_latex": list(self.system_latex),
            "complete": self.complete, "fallback": self.fallback, "regular": self.regular,
            "infinite": list(self.infinite), "starts": self.starts,
            "bounds": None if self.bounds is None else [list(b) for b in self.bounds],
            "singular_points": [p.to_dict() for p in self.singular_points],
            "global": analysis.to_dict(),
            "check": None if self.check is None else self.check.to_dict(),
            "sensitivity": {"candidate": self.sensitivity_at,
                            "rates": [r.to_dict() for r in self.sensitivity]},
            "explanation": self.explain(lang),
            "constant": self.constant,
        }

    def text_view(self, lang: str | None = None) -> dict[str, Any]:
        """Everything the text shows, as strings: the problem, the system, the candidates'
        rows, and the explanation by section (what the web page reads, too)."""
        sections: dict[str, list[str]] = {name: [] for name in SECTIONS}
        for (key, _), text in zip(self.notes, self.explain(lang), strict=True):
            name = next(n for n, prefixes in SECTIONS.items() if key.startswith(prefixes))
            sections[name].append(text)

        def extreme(value: str | None) -> str:
            return translate(f"lagrange.extreme.{value}", lang) if value else ""

        rows = [{"point": c.unicode, "multipliers": ", ".join(c.multipliers_unicode),
                 "value": c.value_unicode, "kind": translate(f"lagrange.kind.{c.kind}", lang),
                 "extreme": extreme(c.extreme)} for c in self.candidates]
        rows += [{"point": p.unicode, "multipliers": "—", "value": p.value_unicode,
                  "kind": _singular_kind(p, lang), "extreme": extreme(p.extreme)}
                 for p in self.singular_points]
        return {"function": f"{self.objective.name or 'f'}({', '.join(self.variables)}) = "
                            f"{self.unicode}",
                "constraints": [c.typed for c in self.constraints],
                "lagrangian": f"{self.lagrangian_head} = {self.lagrangian_unicode}",
                "vector_form": self.vector_form, "system": list(self.system),
                "complete": self.complete, "rows": rows, **sections}

    def latex_view(self) -> dict[str, Any]:
        """The problem, the Lagrangian and its system, in LaTeX (what the web page shows)."""
        names = ", ".join(Math.symbol(v).latex for v in self.variables)
        return {"function": f"{Math.symbol(self.objective.name or 'f').latex}({names}) = "
                            f"{self.latex}",
                "constraints": [c.typed_latex for c in self.constraints],
                "lagrangian": f"L = {self.lagrangian_latex}",
                "vector_form": self.vector_form_latex, "system": list(self.system_latex)}

    def document(self, lang: str | None = None) -> Document:
        """The problem, the Lagrangian, the system, the candidates, then the explanation."""
        view, latex = self.text_view(lang), self.latex_view()
        out = Writer()
        out.formula(Math(view["function"], latex["function"]), 0)
        for unicode, tex in zip(view["constraints"], latex["constraints"], strict=True):
            out.formula(Math(unicode, tex))
        out.blank()
        out.heading(translate("lagrange.heading.lagrangian", lang))
        names = (*self.variables, *(c.multiplier for c in self.constraints))
        head = f"L({', '.join(Math.symbol(n).latex for n in names)})"
        out.formula(Math(view["lagrangian"], f"{head} = {self.lagrangian_latex}"))
        out.blank()
        if self.constant:   # every feasible point is an answer: say so, no sample table
            out.text(translate("lagrange.constant", lang, value=self.unicode))
            return out.document()
        out.heading(translate("lagrange.heading.system", lang))
        for unicode, tex in zip([view["vector_form"], *view["system"]],
                                [latex["vector_form"], *latex["system"]], strict=True):
            out.formula(Math(unicode, tex))
        out.blank()
        status = translate("lagrange.complete" if self.complete else "lagrange.incomplete",
                           lang)
        out.heading(f"{translate('lagrange.heading.candidates', lang)} — {status}")
        rows = view["rows"]
        if rows:
            header = [translate(f"lagrange.column.{c}", lang)
                      for c in ("point", "multipliers", "value", "kind")]
            out.table(header, [Row((r["point"], r["multipliers"], r["value"], r["kind"]),
                                   suffix=f"   ← {r['extreme']}" if r["extreme"] else "")
                               for r in rows[:MAX_ROWS]], indent=2, gap=3)
            if len(rows) > MAX_ROWS:
                out.text(translate("lagrange.more", lang, count=len(rows) - MAX_ROWS), 2)
        else:
            out.text(translate("lagrange.none", lang), 2)
        out.texts(view["method"])
        for section in ("global", "picture", "kkt", "second", "lambda", "check"):
            out.section(translate(f"lagrange.heading.{section}", lang), view[section])
        return out.document()

    def __str__(self) -> str:
        lines = [f"{self.lagrangian_head} = {self.lagrangian_unicode}  ({self.method}, "
                 f"{'complete' if self.complete else 'not complete'}):"]
        lines += [f"  {c.unicode}  λ = ({', '.join(c.multipliers_unicode)})  "
                  f"f = {c.value_unicode}  {c.kind}" for c in self.candidates]
        return "\n".join(lines)


def _singular_kind(p: SingularPoint, lang: str | None) -> str:
    """``singular point (∇g dependent)``, or ``∇f or ∇g does not exist: local minimum``."""
    if p.reason != "nondifferentiable":
        return translate("lagrange.singular", lang)
    text = translate("lagrange.nondifferentiable", lang)
    if p.kind in ("maximum", "minimum", "neither"):
        text += "; " + translate(f"lagrange.kind.{p.kind}", lang)
    return text


__all__ = ["ConstraintInfo", "LagrangeResult", "Note"]
