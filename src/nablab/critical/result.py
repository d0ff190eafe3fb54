"""Result objects of :func:`nablab.critical_points`: plain data, one ``to_dict()`` each.

``CriticalPointsResult.to_dict()`` is the ``--json`` shape::

    {"points": [{"point": {var: float}, "exact": {var: str} | null, "value": float,
                 "kind": "minimum" | "maximum" | "saddle" | "degenerate",
                 "eigenvalues": [float], ...}],
     "complete": bool, "method": "groebner" | "newton", ...}

with more fields documented on each class. Everything is plain Python data (strings,
floats, tuples), so results cross process boundaries and print without SymPy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from nablab.core.expression import Expression
from nablab.critical.display import number
from nablab.i18n import translate
from nablab.present import Document, Presentable, Writer
from nablab.present.document import Row

#: One sentence of the explanation: a catalogue key and its parameters.
Note = tuple[str, dict[str, Any]]
#: Sections of the explanation, by key prefix, in the order they are shown.
SECTIONS = {"set": ("critical.set.",),
            "method": ("critical.method.", "critical.fallback.", "critical.truncated",
                       "critical.outside_domain", "critical.periodic"),
            "global": ("critical.global.",), "why": ("critical.explain.",)}
#: Table rows shown at most (``to_dict`` has every point).
MAX_ROWS = 30


@dataclass(frozen=True)
class ExtremumTest:
    """What a test beyond the Hessian showed at a degenerate critical point.

    Attributes:
        result: ``"minimum"``, ``"maximum"``, ``"not_extremum"`` or ``"inconclusive"``.
        method: ``"even_powers"`` (f(p+h) − f(p) is a sum of even powers of one sign),
            ``"higher_order"`` (the lowest non-zero Taylor term is definite or takes both
            signs), ``"kernel_line"`` (along a null vector of the Hessian f goes the wrong
            way), ``"derivatives"`` (one variable: the first non-zero derivative, numeric) or
            ``"neighbourhood"`` (f sampled on small spheres around the point).
        proof: whether the result is proven (exact arithmetic) or numerical evidence.
        order: the order of the deciding term or derivative, when there is one.
        evidence: for ``"inconclusive"``: ``"no_lower_value"`` / ``"no_higher_value"`` when
            sampling found none (suggestive, not a proof), else ``None``.
    """

    result: str
    method: str
    proof: bool
    order: int | None = None
    evidence: str | None = None

    def sentence(self, lang: str | None = None) -> str:
        """What the test showed, in words: method, result, whether proven, the evidence."""
        method = translate(f"critical.method_name.{self.method}", lang, order=self.order)
        text = translate("critical.test", lang, method=method,
                         result=translate(f"critical.result.{self.result}", lang),
                         proof=translate("critical.proof.yes" if self.proof else
                                         "critical.proof.no", lang))
        if self.evidence:
            text += "; " + translate(f"critical.evidence.{self.evidence}", lang)
        return text

    def to_dict(self) -> dict[str, Any]:
        return {"result": self.result, "method": self.method, "proof": self.proof,
                "order": self.order, "evidence": self.evidence}


@dataclass(frozen=True)
class CriticalPoint:
    """A point where ∇f = 0, classified.

    Attributes:
        point: ``{variable: float}``.
        exact: ``{variable: str}`` (SymPy syntax, e.g. ``"sqrt(2)/2"``) when every coordinate
            has a short exact form, else ``None``.
        value: f at the point.
        value_exact: f's exact value when short, else ``None``.
        kind: ``"minimum"``, ``"maximum"``, ``"saddle"`` or ``"degenerate"`` (a zero Hessian
            eigenvalue and no eigenvalues of opposite signs).
        eigenvalues: the Hessian's eigenvalues, increasing (f'' in one variable).
        gradient_residual: max |∂f/∂xᵢ| at the float point (≈ 0: verified).
        test: for a degenerate point, what the further test showed.
        unicode: the point as a learner writes it, ``(1, 0)``, ``(√2/2, −1.2071)``.
        value_unicode: f's value as a learner writes it (exact when short).
        differentiable: ``False`` for a point where ∇f does not exist (a kink of |u|, relu,
            max, min, or u = 0 of a root u^r): a candidate all the same (a *critical
            number*), its ``kind`` then ``"minimum"``, ``"maximum"``, ``"not_extremum"`` or
            ``"undecided"`` from ``test`` (one-sided derivatives or f sampled nearby), and
            ``eigenvalues`` empty.
        locus: for such a point, the kink loci through it (``("x + 1 = 0",)``).
        one_sided: in one variable, (f′(a−), f′(a+)) as written (``"−1"``, ``"+∞"``; ``""``
            where f is not defined on that side), else ``None``.
    """

    point: dict[str, float]
    exact: dict[str, str] | None
    value: float
    value_exact: str | None
    kind: str
    eigenvalues: tuple[float, ...]
    gradient_residual: float
    test: ExtremumTest | None = None
    unicode: str = ""
    value_unicode: str = ""
    on_set: bool = False
    differentiable: bool = True
    locus: tuple[str, ...] = ()
    one_sided: tuple[str, str] | None = None

    def row(self, lang: str | None = None) -> Row:
        """The point's table row (point, value, eigenvalues, kind), and its test under it."""
        cells = (self.unicode, self.value_unicode,
                 ", ".join(number(v) for v in self.eigenvalues) if self.differentiable
                 else "—", translate(f"critical.kind.{self.kind}", lang))
        below = () if self.test is None else ("      ↳ " + self.test.sentence(lang),)
        if not self.differentiable:
            below = ("      ↳ " + self._kink_note(lang), *below)
        return Row(cells, below=below)

    def _kink_note(self, lang: str | None) -> str:
        text = translate("critical.kink_row", lang, locus=", ".join(self.locus))
        if self.one_sided is not None:
            left, right = (v or translate("critical.undefined_side", lang)
                           for v in self.one_sided)
            text += "; " + translate("critical.one_sided", lang, at=self.unicode, left=left,
                                       right=right)
        return text

    def to_dict(self) -> dict[str, Any]:
        return {"point": dict(self.point), "exact": None if self.exact is None else
                dict(self.exact), "value": self.value, "value_exact": self.value_exact,
                "kind": self.kind, "eigenvalues": list(self.eigenvalues),
                "gradient_residual": self.gradient_residual,
                "test": None if self.test is None else self.test.to_dict(),
                "on_set": self.on_set,
                "differentiable": self.differentiable, "locus": list(self.locus),
                "one_sided": None if self.one_sided is None else list(self.one_sided)}


@dataclass(frozen=True)
class Line:
    """A line t ↦ base + t·direction along which f tends to ±∞ (a proof of unboundedness).

    Attributes:
        direction: the direction, small integers.
        restriction: f along the line, a polynomial in t (SymPy syntax and Unicode).
        t_limit: ``"+inf"`` or ``"-inf"``: where t goes for the stated limit.
        kind: ``"line"`` (f(t·u) is a polynomial in t) or ``"ray"`` (t > 0 only, a
            symbolic limit of a non-polynomial f).
    """

    direction: tuple[int, ...]
    restriction: str
    restriction_unicode: str
    t_limit: str
    kind: str = "line"

    def to_dict(self) -> dict[str, Any]:
        return {"direction": list(self.direction), "restriction": self.restriction,
                "t_limit": self.t_limit, "reason": self.kind}


@dataclass(frozen=True)
class GlobalExtremum:
    """The global minimum (or maximum) value of f and every point attaining it.

    Attributes:
        value: the value; ``value_exact`` when short.
        points: the points attaining it (``{variable: float}``), ``unicode`` their display.
        reason: ``"coercive"`` (f → ±∞ and every critical point is known, so the lowest
            one is the global minimum), ``"even_powers"`` (f(x) − f(p) is a sum of even
            powers with coefficients of one sign), or a proven bound f reaches
            (:mod:`nablab.critical.bounds`): ``"sum_of_squares"``, ``"nonnegative"`` (term
            by term), ``"convex"`` (a quadratic with H ⪰ 0); ``"constant"`` for f = c.
        certificate: f(x) − f(p) written as that sum of even powers (Unicode), or f − c
            written so that its sign shows, for a bound — the notes' "x² + y² ≥ 0" — else
            ``None``.
        value_unicode: the value as a learner writes it.
        attained_on: when it is attained on a whole set of critical points, that set
            (``"{(x, y) : x = y}"``); ``points`` then holds a few of its points.
    """

    value: float
    value_exact: str | None
    points: tuple[dict[str, float], ...]
    unicode: tuple[str, ...]
    reason: str
    certificate: str | None = None
    value_unicode: str = ""
    attained_on: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "value_exact": self.value_exact,
                "points": [dict(p) for p in self.points], "reason": self.reason,
                "certificate": self.certificate, "set": self.attained_on}


@dataclass(frozen=True)
class CriticalSet:
    """Infinitely many critical points, as one set on which f is constant.

    Attributes:
        equations: the set's exact description, a Gröbner basis of ∇f (each ``= 0``).
        components: as a learner writes them (Unicode): ``("x = y",)`` for a line,
            ``("x = 0", "y = 0")`` for the two axes (a union), the equations of a line in
            space (an intersection), or of G for a ``"set"``.
        builder: the set in set-builder notation, ``"{(x, y) : xy = 0}"``.
        shape: ``"line"``, ``"plane"``, ``"lines"`` (several lines in the plane), ``"axes"``
            (the coordinate axes), ``"planes"`` (several planes in space), ``"curve"``,
            ``"surface"`` (a graph such as y = x²), ``"curves"``, ``"surfaces"`` or ``"set"``
            (nothing claimed about its real points).
        value: f at every point of the set; ``value_exact`` in SymPy syntax.
        extremum: ``"minimum"`` / ``"maximum"`` when a proven bound f ≥ value (f ≤ value)
            makes every point of the set a global minimum (maximum), else ``None``.
        real: the set surely has real points (a line or plane; else a verified sample).
    """

    equations: tuple[str, ...]
    components: tuple[str, ...]
    builder: str
    shape: str
    value: float
    value_exact: str
    value_unicode: str
    extremum: str | None = None
    real: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"equations": list(self.equations), "components": list(self.components),
                "set": self.builder, "shape": self.shape, "value": self.value,
                "value_exact": self.value_exact, "extremum": self.extremum}


@dataclass(frozen=True)
class GlobalAnalysis:
    """What is known about f on all of ℝⁿ. ``None`` means "not determined", never a guess.

    Attributes:
        bounded_below, bounded_above: proven facts, or ``None``.
        coercive: f → +∞ as ‖x‖ → ∞ (proven); ``anticoercive``: f → −∞.
        top_form: the terms that decide at infinity (Unicode): the positive (negative)
            terms that make f → +∞ (−∞) when proven, else f's highest-degree part.
        minimum, maximum: the global minimum / maximum when proven.
        below, above: a line along which f → −∞ / +∞ (proof of unboundedness).
        reason: why nothing was attempted: ``"not_polynomial"`` or ``None``.
        squares_chain: when f = c ± a sum of squares shows f → ±∞ (every sublevel set
            bounded), the squares and the variable each bounds, ``"1 − x → x; y − x² → y"``.
    """

    bounded_below: bool | None = None
    bounded_above: bool | None = None
    coercive: bool = False
    anticoercive: bool = False
    top_form: str | None = None
    minimum: GlobalExtremum | None = None
    maximum: GlobalExtremum | None = None
    below: Line | None = None
    above: Line | None = None
    reason: str | None = None
    squares_chain: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"bounded_below": self.bounded_below, "bounded_above": self.bounded_above,
                "coercive": self.coercive, "anticoercive": self.anticoercive,
                "minimum": _opt(self.minimum), "maximum": _opt(self.maximum),
                "unbounded_below_along": _opt(self.below),
                "unbounded_above_along": _opt(self.above), "reason": self.reason,
                "coercive_by": self._coercive_by()}

    def _coercive_by(self) -> str | None:
        """Which argument showed f → ±∞: ``"squares"`` (each square bounds a variable in
        turn) or ``"top_form"`` (the terms that outgrow the others)."""
        if not (self.coercive or self.anticoercive):
            return None
        return "squares" if self.squares_chain else "top_form"


@dataclass(frozen=True, repr=False)
class CriticalPointsResult(Presentable):
    """Every critical point found, classified, with the global picture and the explanation.

    Attributes:
        function: f in SymPy syntax; ``unicode`` as a learner writes it.
        variables: the variables, in order.
        points: the critical points (inside ``domain`` when one is given), sorted.
        complete: ``True`` only when these are provably *all* critical points (in the
            domain): the exact method on a polynomial with finitely many critical points.
        method: ``"groebner"`` (exact) or ``"newton"`` (numeric multi-start).
        fallback: why Newton ran: ``"not_polynomial"``, ``"timeout"``, ``"memory"``,
            ``"infinite"``; ``None`` for the exact method.
        domain: the box searched or filtered by, ``[(low, high)]`` per variable, or ``None``.
        outside_domain: exact critical points left out because they lie outside ``domain``.
        infinite: ``True`` when ∇f = 0 holds on a curve or surface (proven), ``False`` when
            the critical points are finitely many (proven), ``None`` when unknown.
        solution_set: for ``infinite``, equations whose common zeros are exactly the
            critical points (a Gröbner basis of ∇f).
        truncated: the numeric search stopped at its limit of distinct points.
        starts: Newton's starting points (0 for the exact method).
        periods: ``{variable: period}`` (SymPy syntax) where f is periodic.
        global_analysis: see :class:`GlobalAnalysis`.
        notes: the explanation, as catalogue keys and parameters (:meth:`explain`).
        expression: f itself (for its name and for pictures).
        constant: f is constant, so ∇f = 0 everywhere and every point is a critical point
            (``points`` is then empty: there is no list of them to give).
    """

    function: str
    unicode: str
    variables: tuple[str, ...]
    points: tuple[CriticalPoint, ...]
    complete: bool
    method: str
    fallback: str | None
    domain: tuple[tuple[float, float], ...] | None
    outside_domain: int
    infinite: bool | None
    solution_set: tuple[str, ...]
    truncated: bool
    starts: int
    periods: dict[str, str]
    global_analysis: GlobalAnalysis
    notes: tuple[Note, ...] = field(default=())
    expression: Expression | None = field(default=None, repr=False, compare=False)
    constant: bool = False
    critical_set: CriticalSet | None = None

    def explain(self, lang: str | None = None) -> list[str]:
        """The explanation, one sentence per entry, in ``lang`` (default: the locale's)."""
        return [translate(key, lang, **params) for key, params in self.notes]

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """The ``--json`` shape (the explanation in ``lang``)."""
        return {"function": self.function, "variables": list(self.variables),
                "points": [p.to_dict() for p in self.points], "complete": self.complete,
                "method": self.method, "fallback": self.fallback,
                "domain": None if self.domain is None else [list(b) for b in self.domain],
                "outside_domain": self.outside_domain, "infinite": self.infinite,
                "solution_set": list(self.solution_set), "truncated": self.truncated,
                "starts": self.starts, "periods": dict(self.periods),
                "global": self.global_analysis.to_dict(), "explanation": self.explain(lang),
                "constant": self.constant, "critical_set": _opt(self.critical_set)}

    @property
    def name(self) -> str:
        return "f" if self.expression is None else self.expression.name or "f"

    def sections(self, lang: str | None = None) -> dict[str, list[str]]:
        """The explanation's sentences, by section: ``method``, ``global``, ``why``."""
        out: dict[str, list[str]] = {name: [] for name in SECTIONS}
        for (key, _), text in zip(self.notes, self.explain(lang), strict=True):
            out[next(n for n, prefixes in SECTIONS.items() if key.startswith(prefixes))].append(
                text)
        return out

    def document(self, lang: str | None = None) -> Document:
        """The points as a table, then how they were found, the global picture and the why."""
        one = len(self.variables) == 1
        sections = self.sections(lang)
        out = Writer()
        head = f"({', '.join(self.variables)})" if self.variables else ""
        out.text(f"{self.name}{head} = {self.unicode}")
        out.blank()
        if self.constant:   # every point is critical: no table, the reason instead
            out.heading(translate("critical.heading.points_1d" if one
                                  else "critical.heading.points", lang))
            out.texts(sections["method"])
            out.section(translate("critical.heading.global", lang), sections["global"])
            return out.document()
        heading = translate("critical.heading.points_1d" if one else "critical.heading.points",
                            lang)
        status = translate("critical.complete" if self.complete else (
            "critical.complete_set" if self.critical_set else "critical.incomplete"), lang)
        out.heading(f"{heading} — {status}")
        out.texts(sections["set"], 2)
        if self.points:
            header = [translate(f"critical.column.{c}", lang)
                      for c in ("point", "value", "second" if one else "eigenvalues", "kind")]
            out.table(header, [p.row(lang) for p in self.points[:MAX_ROWS]], indent=2, gap=3)
            if len(self.points) > MAX_ROWS:
                out.text(translate("critical.more", lang, count=len(self.points) - MAX_ROWS), 2)
        else:
            out.text(translate("critical.none", lang), 2)
        out.texts(sections["method"])
        out.section(translate("critical.heading.global", lang), sections["global"])
        out.section(translate("critical.heading.why_1d" if one else "critical.heading.why",
                              lang), sections["why"])
        return out.document()

    def __str__(self) -> str:
        if self.constant:
            return f"{self.unicode} is constant: every point is a critical point"
        lines = [f"critical points of {self.unicode} ({self.method}, "
                 f"{'complete' if self.complete else 'not complete'}):"]
        lines += [f"  {p.unicode}  {p.kind}  f = {p.value:.6g}" for p in self.points]
        return "\n".join(lines)


def _opt(value: Any) -> Any:
    return None if value is None else value.to_dict()


__all__ = ["CriticalPoint", "CriticalPointsResult", "CriticalSet", "ExtremumTest",
           "GlobalAnalysis", "GlobalExtremum", "Line", "Note"]
