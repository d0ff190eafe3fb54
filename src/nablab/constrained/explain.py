"""The explanation of a :class:`LagrangeResult`: catalogue keys with computed parameters.

The parameters are numbers, points and formulas (never words), so the explanation reads the
same in Korean and English. Sections, by key prefix: ``lagrange.method.``/``fallback.``/
``regular.`` (how the candidates were found), ``explain.`` (the tangency picture), ``kkt.``,
``global.`` (existence and step (b), the comparison), ``second.``, ``lambda.``, ``check.``.
"""

from __future__ import annotations

from typing import Any

from nablab.constrained.bounded import ATTAINED, EMPTY, UNBOUNDED, UNKNOWN, GlobalAnalysis
from nablab.constrained.candidates import Candidate
from nablab.constrained.crosscheck import CrossCheck, SenseCheck
from nablab.constrained.result import LagrangeResult, Note
from nablab.critical import display

_OPS = {"=": "=", "<=": "≤", ">=": "≥"}
#: Candidates described one by one at most.
MAX_DESCRIBED = 12


def notes(result: LagrangeResult, exact_timeout: float | None) -> tuple[Note, ...]:
    """Every sentence of the explanation, in order."""
    out = _method(result, exact_timeout) + _regularity(result) + _picture(result)
    out += _kkt(result) + _global(result.global_analysis)
    for c in result.candidates[:MAX_DESCRIBED]:
        out += _second(c)
    return tuple(out + _multipliers(result) + _check(result))


def reference(result: LagrangeResult) -> Candidate | None:
    """The candidate the story is told at: the highest point, else the lowest, else the
    first local extremum, else the first candidate."""
    for c in result.candidates:
        if c.extreme in ("maximum", "both"):
            return c
    for c in result.candidates:
        if c.extreme == "minimum":
            return c
    local = [c for c in result.candidates if c.kind in ("maximum", "minimum")]
    pool = local or list(result.candidates)
    return pool[0] if pool else None


def _vector(values: Any) -> str:
    return display.point([float(v) for v in values])


def _method(result: LagrangeResult, exact_timeout: float | None) -> list[Note]:
    count = len(result.candidates) - (result.check.adopted if result.check else 0)
    out: list[Note] = []
    if result.fallback is not None:
        out.append((f"lagrange.fallback.{result.fallback}",
                    {"seconds": f"{exact_timeout or 0:g}", "set": "; ".join(result.infinite)}))
    if result.method in ("groebner", "solveset"):
        out.append((f"lagrange.method.{result.method}", {"count": count}))
    else:
        box = " × ".join(f"[{display.number(lo)}, {display.number(hi)}]"
                         for lo, hi in result.bounds or ())
        found = {"count": count} if count else {}
        out.append(("lagrange.method.newton" if count else "lagrange.method.newton_none",
                    {**found, "starts": result.starts, "box": box}))
    if any(c.kind != "equality" for c in result.constraints):
        out.append(("lagrange.method.active_sets", {"sets": result.active_sets}))
    return out


def _regularity(result: LagrangeResult) -> list[Note]:
    if result.regular is None:
        return [("lagrange.regular.unknown", {})]
    singular = [p for p in result.singular_points if p.reason == "singular"]
    if singular:
        points = ", ".join(p.unicode for p in singular)
        return [("lagrange.regular.singular", {"points": points})]
    if not result.regular:
        return [("lagrange.regular.continuum", {})]
    return [("lagrange.regular.yes", {})]


def _picture(result: LagrangeResult) -> list[Note]:
    c = reference(result)
    if c is None:
        return [("lagrange.explain.no_candidates", {})]
    binding = [i for i, a in enumerate(c.active) if a]
    if not binding:
        return [("lagrange.explain.interior", {"point": c.unicode})]
    params = {"point": c.unicode, "value": c.value_unicode, "grad_f": _vector(c.gradient)}
    if len(result.variables) == 2 and len(binding) == 1:
        i = binding[0]
        return [("lagrange.explain.tangent", {
            **params, "constraint": result.constraints[i].typed,
            "grad_g": _vector(c.constraint_gradients[i]),
            "lam": result.constraints[i].multiplier_unicode,
            "lam_value": c.multipliers_unicode[i]})]
    terms = " + ".join(f"({c.multipliers_unicode[i]})·{_vector(c.constraint_gradients[i])}"
                       for i in binding)
    return [("lagrange.explain.combination", {**params, "combination": terms})]


def _kkt(result: LagrangeResult) -> list[Note]:
    if all(c.kind == "equality" for c in result.constraints):
        return []
    out: list[Note] = [("lagrange.kkt.conditions", {})]
    for c in result.candidates[:MAX_DESCRIBED]:
        active = ", ".join(result.constraints[i].typed for i, a in enumerate(c.active) if a)
        lams = ", ".join(f"{result.constraints[i].multiplier_unicode} = {m}"
                         for i, m in enumerate(c.multipliers_unicode))
        allows = {(True, True): "both", (True, False): "max", (False, True): "min",
                  (False, False): "none"}[(c.kkt_max, c.kkt_min)]
        key = f"lagrange.kkt.{allows}" if active else f"lagrange.kkt.interior_{allows}"
        out.append((key, {"point": c.unicode, "active": active, "multipliers": lams}))
    return out


#: Reasons an extreme exists that are said even when no candidate was found to compare.
UNFOUND = ("compact", "coercive", "coercive_cone", "linear")


def _global(analysis: GlobalAnalysis) -> list[Note]:
    if analysis.reason == "not_polynomial":
        return [("lagrange.global.not_polynomial", {})]
    if EMPTY in (analysis.maximum_status, analysis.minimum_status) and \
            analysis.maximum is None and analysis.minimum is None:
        return [("lagrange.global.empty", {})]
    continuity = _continuity(analysis)
    poles = any(c is not None and c.kind == "pole" for c in (analysis.up, analysis.down))
    if continuity and continuity[0][0] != "lagrange.global.continuous_on_set":
        if not poles:
            return continuity
        continuity = [("lagrange.global.discontinuous_pole", continuity[0][1])]
    out: list[Note] = continuity
    for sense, status, reason, extreme, curve in (
            ("max", analysis.maximum_status, analysis.maximum_reason, analysis.maximum,
             analysis.up),
            ("min", analysis.minimum_status, analysis.minimum_reason, analysis.minimum,
             analysis.down)):
        if status == UNBOUNDED and curve is not None:
            suffix = {"ray": "_ray", "branch": "_branch", "pole": "_pole"}.get(curve.kind, "")
            out.append((f"lagrange.global.no_{sense}{suffix}", {
                "curve": curve.unicode, "restriction": curve.restriction,
                "leading": curve.leading, "strip": curve.strip or "",
                "equation": curve.equation or ""}))
        elif status == ATTAINED and extreme is not None:
            key = f"lagrange.global.{sense}_{reason}"
            if reason == "coercive" and analysis.reduced:
                key += "_reduced"
            out.append((key, {"value": extreme.value_unicode, "points": ", ".join(
                extreme.unicode), "top": analysis.top or "", "reduced": analysis.reduced or "",
                "eliminated": ", ".join(analysis.eliminated),
                "rays": ", ".join(analysis.cone_rays)}))
            if not extreme.proven:
                out.append(("lagrange.global.not_proven", {}))
        elif status == UNKNOWN and reason in UNFOUND:
            out.append((f"lagrange.global.{sense}_unfound_{reason}", {"top": analysis.top or ""}))
        else:
            out.append((f"lagrange.global.{sense}_unknown" + ("_discontinuous" if poles else ""),
                        {}))
    return out


def _continuity(analysis: GlobalAnalysis) -> list[Note]:
    """On a compact set, the continuity argument when it is not the plain "f is continuous
    everywhere": proven on the set, refuted at a point, or not decided."""
    c = analysis.continuity
    if c is None or c.reason == "everywhere" or not analysis.compact:
        return []
    conditions = ", ".join(c.conditions)
    if c.proven:
        return [("lagrange.global.continuous_on_set", {"conditions": conditions})]
    if c.reason == "fails":
        return [("lagrange.global.discontinuous", {"point": c.fails_at_unicode or "",
                                                   "condition": c.failing or ""})]
    return [("lagrange.global.continuity_unknown", {"conditions": conditions or "—"})]


def _second(c: Candidate) -> list[Note]:
    s = c.second_order
    params = {"point": c.unicode, "dim": s.dimension,
              "eigs": ", ".join(display.number(v) for v in s.eigenvalues) or "—"}
    key = {"definite": f"definite_{s.result}", "indefinite": "neither",
           "vertex": f"vertex_{s.result}", "first_order": "first_order",
           "degenerate": "sampled_unknown", "undefined": "undefined"}.get(s.reason, "")
    if s.reason == "sampled":
        key = "sampled_neither" if s.result == "neither" else \
            {"no_lower_value": "sampled_no_lower", "no_higher_value": "sampled_no_higher"}.get(
                s.evidence or "", "sampled_unknown")
    out: list[Note] = [(f"lagrange.second.{key}", params)]
    if s.bordered_result is not None:
        out.append((f"lagrange.second.bordered_{s.bordered_result}", {
            "point": c.unicode,
            "minors": ", ".join(display.number(v) for v in s.bordered_minors)}))
    return out


def _multipliers(result: LagrangeResult) -> list[Note]:
    c = None if result.sensitivity_at is None else result.candidates[result.sensitivity_at]
    out: list[Note] = [("lagrange.lambda.sign", {})]
    if c is None:
        return out
    which = {"maximum": "max", "both": "max", "minimum": "min"}.get(c.extreme or "", "point")
    for r in result.sensitivity:
        info = result.constraints[r.constraint]
        out.append((f"lagrange.lambda.rate_{which}", {
            "name": info.multiplier_unicode, "lam": c.multipliers_unicode[r.constraint],
            "point": c.unicode, "constraint": info.unicode,
            "moved": f"{info.g_unicode} {_OPS[info.op]} " + (
                "Δk" if info.k_value == 0 else f"{display.number(info.k_value)} + Δk"),
            "rate": "—" if r.rate is None else display.number(r.rate, 8),
            "delta": display.number(r.delta)}))
    check = result.check
    sense = None if check is None else (check.maximum if which != "min" else check.minimum)
    if sense is not None and sense.best_value is not None and sense.multipliers:
        out.append((f"lagrange.lambda.scipy_{'min' if which == 'min' else 'max'}", {
            "mu": _vector(sense.multipliers), "lam": _vector(sense.lambdas)}))
    else:
        out.append(("lagrange.lambda.scipy", {}))
    return out


def _check(result: LagrangeResult) -> list[Note]:
    check: CrossCheck | None = result.check
    if check is None:
        return []
    out: list[Note] = [("lagrange.check.summary", {
        "method": check.method, "starts": check.starts,
        "converged": check.maximum.converged + check.minimum.converged,
        "matched": check.maximum.matched + check.minimum.matched})]
    for sense, run, ours in (("max", check.maximum, result.maximum),
                             ("min", check.minimum, result.minimum)):
        out.append(_sense(sense, run, ours))
    if check.adopted:
        out.append(("lagrange.check.adopted", {"count": check.adopted}))
    return out


def _sense(sense: str, run: SenseCheck, ours: Any) -> Note:
    if run.best_value is None or run.best_point is None:
        return (f"lagrange.check.{sense}_none", {})
    params = {"value": display.number(run.best_value),
              "point": display.point(list(run.best_point.values())),
              "ours": "—" if ours is None else ours.value_unicode}
    if ours is None:
        return (f"lagrange.check.{sense}_local", params)
    state = {True: "agrees", False: "contradicts", None: "unreached"}[run.agrees]
    return (f"lagrange.check.{sense}_{state}", params)


__all__ = ["MAX_DESCRIBED", "notes", "reference"]
