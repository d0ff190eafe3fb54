"""The explanation: why ∇f = 0 is necessary, why it is not sufficient — shown on f itself.

Every sentence is a catalogue key with parameters (:data:`~nablab.critical.result.Note`);
the parameters are numbers and formulas computed here, never words, so the explanation
reads the same in Korean and English. The counter-example is the function's own: at a saddle
point p, f(p + εv₋) < f(p) < f(p + εv₊) for the eigenvectors v₋, v₊ of the most negative and
most positive Hessian eigenvalues; at a degenerate point that is not an extremum, two sampled
neighbours on either side. ε is the largest of 10⁻¹, 10⁻², 10⁻³ for which the computed
values show it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from nablab.critical import display
from nablab.critical.classify import SADDLE
from nablab.critical.degenerate import neighbourhood_directions
from nablab.critical.result import (
    CriticalPoint,
    CriticalPointsResult,
    GlobalAnalysis,
    Line,
    Note,
)

Array = np.ndarray
#: Global extrema decided by a proven bound that f reaches (:mod:`nablab.critical.bounds`).
BOUND_REASONS = ("sum_of_squares", "nonnegative", "convex")


@dataclass(frozen=True)
class Counterexample:
    """A critical point that is not an extremum, with two neighbours that prove it."""

    kind: str
    point: str
    value: str
    below: str
    below_value: str
    above: str
    above_value: str
    low_eigenvalue: str = ""
    high_eigenvalue: str = ""
    low_direction: str = ""
    high_direction: str = ""


def counterexample(points: Sequence[CriticalPoint], f: Callable[[Array], Array],
                   hess: Callable[[Array], Array]) -> Counterexample | None:
    """The first saddle (else degenerate non-extremum) of ``points``, shown by neighbours.

    Args:
        points: classified critical points.
        f: f vectorised over columns, ``(n, m) → (m,)``.
        hess: the Hessian at one point, ``(n,) → (n, n)``.
    """
    for kind in (SADDLE, "not_extremum"):
        for p in points:
            if (p.kind if kind == SADDLE else p.test and p.test.result) != kind:
                continue
            found = _saddle(p, f, hess) if kind == SADDLE else _not_extremum(p, f)
            if found is not None:
                return found
    return None


def _saddle(p: CriticalPoint, f: Callable[[Array], Array],
            hess: Callable[[Array], Array]) -> Counterexample | None:
    x = np.array(list(p.point.values()))
    values, vectors = np.linalg.eigh(hess(x))
    low, high = _oriented(vectors[:, 0]), _oriented(vectors[:, -1])
    shown = _neighbours(x, p.value, f, low, high)
    if shown is None:
        return None
    return Counterexample(SADDLE, p.unicode, display.number(p.value), *shown,
                          low_eigenvalue=display.number(values[0]),
                          high_eigenvalue=display.number(values[-1]),
                          low_direction=display.vector(low),
                          high_direction=display.vector(high))


def _not_extremum(p: CriticalPoint, f: Callable[[Array], Array]) -> Counterexample | None:
    x = np.array(list(p.point.values()))
    dirs = neighbourhood_directions(len(x))
    for eps in (1e-1, 1e-2, 1e-3):
        with np.errstate(all="ignore"):
            diffs = np.asarray(f(x[:, None] + eps * dirs.T), dtype=float) - p.value
        if not np.all(np.isfinite(diffs)):
            continue
        low, high = dirs[int(np.argmin(diffs))], dirs[int(np.argmax(diffs))]
        shown = _neighbours(x, p.value, f, low, high, (eps,))
        if shown is not None:
            return Counterexample("not_extremum", p.unicode, display.number(p.value), *shown)
    return None


def _neighbours(x: Array, value: float, f: Callable[[Array], Array], low: Array, high: Array,
                steps: Sequence[float] = (1e-1, 1e-2, 1e-3)) -> tuple[str, str, str, str] | None:
    """(below, f(below), above, f(above)) for the largest step that shows the sign change."""
    for eps in steps:
        down, up = x + eps * low, x + eps * high
        with np.errstate(all="ignore"):
            f_down, f_up = (float(v) for v in np.asarray(f(np.stack([down, up], axis=1))))
        margin = 1e-9 * max(1.0, abs(value))
        if f_down < value - margin and f_up > value + margin:
            return (display.point(list(down)), display.number(f_down),
                    display.point(list(up)), display.number(f_up))
    return None


def _oriented(v: Array) -> Array:
    """The eigenvector with its first clearly non-zero entry positive, tiny entries zeroed."""
    v = np.where(np.abs(v) < 1e-12, 0.0, v)
    first = v[np.argmax(np.abs(v) > 1e-9)]
    return v if first >= 0 else -v


def notes(result: CriticalPointsResult, example: Counterexample | None,
          exact_timeout: float | None, set_text: str = "",
          found: int | None = None) -> tuple[Note, ...]:
    """The explanation of a result (its ``notes`` field); ``set_text`` is the Unicode
    description of an infinite set of critical points, ``found`` how many distinct points
    the numerical search found (when the table shows fewer)."""
    one = len(result.variables) == 1
    out: list[Note] = list(_set(result))
    out += _method(result, exact_timeout, set_text, len(result.points) if found is None
                   else found)
    out.append(("critical.explain.necessary_1d" if one else "critical.explain.necessary", {}))
    out.append(_example(result, example, one))
    out.append(("critical.explain.sufficient_1d" if one else "critical.explain.sufficient", {}))
    out += _global(result.global_analysis, result.variables,
                   result.fallback == "not_polynomial")
    out += _off_table(result)
    return tuple(out)


def _off_table(result: CriticalPointsResult) -> list[Note]:
    """A global extreme proven at a point the table does not list (a proven bound reached
    where ∇f's formula is undefined, as at the tip of √(x² + y²) + 1): said, since the
    necessary condition only speaks of points where f is differentiable."""
    listed = [p.point for p in result.points]
    out: list[Note] = []
    analysis = result.global_analysis
    for which, extremum in (("minimum", analysis.minimum), ("maximum", analysis.maximum)):
        if extremum is None or result.critical_set is not None or not extremum.points:
            continue
        off = [u for p, u in zip(extremum.points, extremum.unicode, strict=False)
               if p not in listed]
        if off:
            out.append((f"critical.global.{which}_not_critical", {"points": ", ".join(off)}))
    return out


def _set(result: CriticalPointsResult) -> list[Note]:
    """The infinite set of critical points, first: where it is and what f is on it."""
    found = result.critical_set
    if found is None:
        return []
    parts = found.components
    out: list[Note] = [(f"critical.set.{found.shape}",
                        {"set": ", ".join(parts), "first": ", ".join(parts[:-1]),
                         "last": parts[-1], "builder": found.builder})]
    suffix = f"_{found.extremum}" if found.extremum else ""
    out.append((f"critical.set.value{suffix}", {"value": found.value_unicode,
                                                 "lhs": _shifted_f(found.value_unicode)}))
    off = [p.unicode for p in result.points if not p.on_set]
    if off and result.method == "groebner":
        out.append(("critical.set.isolated", {"points": ", ".join(off)}))
    if result.points and found.real and result.method == "newton":
        out.append(("critical.set.samples", {"count": len(result.points)}))
    return out


def _method(result: CriticalPointsResult, exact_timeout: float | None,
            set_text: str, found: int) -> list[Note]:
    out: list[Note] = []
    if result.method == "groebner" and result.critical_set is not None:
        out.append(("critical.method.set", {"count": sum(p.on_set for p in result.points),
                                            "set": set_text}))
    elif result.method == "groebner":
        out.append(("critical.method.groebner", {"count": len(result.points)}))
    else:
        if result.fallback is not None and result.critical_set is None:
            params: dict[str, Any] = {"seconds": f"{exact_timeout or 0:g}", "set": set_text}
            out.append((f"critical.fallback.{result.fallback}", params))
        box = " × ".join(f"[{display.number(lo)}, {display.number(hi)}]"
                         for lo, hi in result.domain or ())
        out.append(("critical.method.newton", {"starts": result.starts, "box": box,
                                               "count": found}))
    if result.truncated:
        out.append(("critical.truncated", {"count": found}))
    if result.outside_domain:
        out.append(("critical.outside_domain", {"count": result.outside_domain}))
    if result.periods:
        periods = ", ".join(f"{v}: {p}" for v, p in result.periods.items())
        out.append(("critical.periodic", {"periods": periods}))
    return out


def _example(result: CriticalPointsResult, example: Counterexample | None, one: bool) -> Note:
    if example is not None:
        params = {k: getattr(example, k) for k in example.__dataclass_fields__}
        key = "saddle" if example.kind == SADDLE else ("inflection" if one else "not_extremum")
        return (f"critical.explain.{key}", params)
    analysis = result.global_analysis
    if not result.points and (analysis.minimum or analysis.maximum):
        return ("critical.explain.no_points_extreme", {})
    if not result.points:
        return ("critical.explain.no_points_1d" if one else "critical.explain.no_points", {})
    decided = all(p.kind in ("minimum", "maximum") or
                  (p.test is not None and p.test.result in ("minimum", "maximum"))
                  for p in result.points)
    return ("critical.explain.no_counterexample" if decided else "critical.explain.undecided",
            {})


def _global(analysis: GlobalAnalysis, variables: Sequence[str],
            numeric: bool = False) -> list[Note]:
    """The global sentences; ``numeric`` (a non-polynomial f): an extreme left open is said
    to be open when the other one is decided."""
    if analysis.reason == "not_polynomial":
        return [("critical.global.not_polynomial", {})]
    one = len(variables) == 1
    suffix = "_1d" if one else ""
    out: list[Note] = []
    names = ", ".join(variables)
    for which, extremum in (("minimum", analysis.minimum), ("maximum", analysis.maximum)):
        if extremum is None:
            continue
        params = {"value": extremum.value_unicode, "points": ", ".join(extremum.unicode),
                  "top": analysis.top_form or "", "vars": names, "var": variables[0],
                  "certificate": extremum.certificate or ""}
        if extremum.reason == "coercive" and analysis.squares_chain:
            params["chain"] = analysis.squares_chain
            out.append((f"critical.global.{which}_coercive_squares", params))
        elif extremum.reason == "coercive":
            out.append((f"critical.global.{which}_coercive{suffix}", params))
        params["lhs"] = _shifted_f(extremum.value_unicode)
        if extremum.reason in BOUND_REASONS:
            out.append((f"critical.global.{which}_{extremum.reason}", params))
        elif extremum.certificate:
            out.append((f"critical.global.{which}_even_powers", params))
    reasons = {e.reason for e in (analysis.minimum, analysis.maximum) if e is not None}
    if analysis.squares_chain and "coercive" not in reasons:
        side = "coercive" if analysis.coercive else "anticoercive"
        out.append((f"critical.global.{side}_squares", {"vars": names,
                                                        "chain": analysis.squares_chain}))
    for which, line in (("below", analysis.below), ("above", analysis.above)):
        if line is not None:
            out.append((f"critical.global.unbounded_{which}{suffix}", _line(line, variables)))
    if not out:
        out.append(("critical.global.unknown", {}))
    elif numeric:
        for which, extremum, line in (("minimum", analysis.minimum, analysis.below),
                                      ("maximum", analysis.maximum, analysis.above)):
            if extremum is None and line is None:
                out.append((f"critical.global.{which}_open", {}))
    return out


def _shifted_f(value: str) -> str:
    """f − c as a learner writes it: f when c = 0, f + 5 when c = −5."""
    if value == "0":
        return "f"
    return f"f + {value[1:]}" if value.startswith("−") else f"f − {value}"


def _line(line: Line, variables: Sequence[str]) -> dict[str, Any]:
    """Parameters of an unbounded-line sentence; in one variable, where x itself goes."""
    limit = line.t_limit == "+inf"
    if len(variables) == 1 and line.direction[0] < 0:
        limit = not limit
    return {"direction": display.vector([float(d) for d in line.direction]),
            "restriction": line.restriction_unicode, "limit": "+∞" if limit else "−∞",
            "vars": ", ".join(variables), "var": variables[0]}


__all__ = ["Counterexample", "counterexample", "notes"]
