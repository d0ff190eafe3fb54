"""Tour chapter: the notes' hiking path — the highest point of f = 4 − x² − 2y² along
2(x − 1)² − 10y + 6 = 0, computed by :func:`nablab.lagrange`: the Lagrangian, the system,
its one real solution (a root of a cubic), why it is the highest point, why there is no
lowest, the second-order check, what λ means, and SciPy's agreement."""

from __future__ import annotations

from typing import Any

import sympy

from nablab.cli.tour.chapter import Chapter
from nablab.constrained import LagrangeResult, lagrange
from nablab.core.printing import to_str, to_unicode
from nablab.i18n import translate

#: The notes' mountain and hiking path.
MOUNTAIN = "f(x, y) = 4 - x^2 - 2y^2"
PATH = "2(x-1)^2 - 10y + 6 = 0"
#: Explanation sections shown, by key prefix, in order.
SHOWN = ("lagrange.explain.", "lagrange.global.", "lagrange.second.", "lagrange.lambda.",
         "lagrange.check.")


def chapter(lang: str) -> Chapter:
    def t(key: str, **params: object) -> str:
        return translate(f"tour.lagrange.{key}", lang, **params)

    result = lagrange(MOUNTAIN, PATH)
    ch = Chapter("lagrange", t("title"))
    ch.text(t("story", f=result.unicode, g=result.constraints[0].typed))
    ch.text(t("lagrangian"))
    ch.math(f"{result.lagrangian_head} = {result.lagrangian_unicode}")
    for line in result.system:
        ch.math(line)
    cubic = eliminant(result)
    ch.text(t("solved", method=translate(f"critical.method_short.{result.method}", lang),
              **cubic))
    for c in result.candidates:
        ch.math(t("candidate", point=c.unicode, lam=", ".join(c.multipliers_unicode),
                  value=c.value_unicode))
    for prefix in SHOWN:
        for (key, _), line in zip(result.notes, result.explain(lang), strict=True):
            if key.startswith(prefix):
                ch.text(line)
    ch.text(t("try"))
    ch.data = {"lagrange": result.to_dict(lang), "eliminant": cubic}
    ch.results = {"lagrange": result}
    return ch


def eliminant(result: LagrangeResult) -> dict[str, Any]:
    """The polynomial in the first variable left after eliminating λ and the others from the
    Lagrange system (lex Gröbner basis), its degree, real and complex root counts, and the
    length of its real roots written with radicals (what SymPy's exact answer looks like)."""
    f = result.objective.expr
    first, *others = result.objective.variables
    c = result.constraints[0]
    lam = sympy.Symbol(c.multiplier, real=True)
    equations = [sympy.diff(f - lam * (c.g - c.k), v) for v in (first, *others)]
    basis = sympy.groebner([*equations, c.g - c.k], lam, *others, first, order="lex")
    poly = sympy.Poly(next(e for e in reversed(basis.exprs) if e.free_symbols <= {first}),
                      first)
    poly = poly.primitive()[1] * (1 if poly.LC() > 0 else -1)
    real = int(poly.count_roots())
    radicals = [r for r in sympy.roots(poly, cubics=True) if not r.is_Rational]
    chars = max((len(to_str(r)) for r in radicals), default=0)
    degree = int(poly.degree())
    return {"eliminant": to_unicode(poly.as_expr()), "degree": degree, "real": real,
            "complex": degree - real, "chars": chars}
