"""From solutions of the systems to candidates: feasible, deduplicated, KKT-checked, classified.

A solution (x, λ_S) of active set S is a **KKT point** when it is feasible (every slack
inequality holds at x) — stationarity and complementary slackness hold by construction. The
sign condition then says for which problem it can be an extremum. With L = f − Σλᵢ(gᵢ − kᵢ):

- maximise f: every active ``g ≤ k`` has λᵢ ≥ 0 and every active ``g ≥ k`` has λᵢ ≤ 0
  (μᵢ = ±λᵢ ≥ 0: pushing the constraint outward can only raise the maximum);
- minimise f: the opposite signs.

A candidate satisfying neither is not a local extremum (moving off the binding inequality
improves f both ways). Equalities put no sign on λᵢ. Each point is kept once, with the
constraints that actually hold with equality there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import sympy

from nablab.constrained.functions import ProblemFunctions
from nablab.constrained.problem import Problem
from nablab.constrained.second_order import SecondOrder, Site, check
from nablab.constrained.solving import Found
from nablab.core.printing import to_str
from nablab.critical import display
from nablab.critical.forms import sign
from nablab.solve._roots import short_exact

#: Feasibility and activity tolerance for float points, relative to max(1, ‖x‖)².
TOL = 1e-9


@dataclass(frozen=True)
class Candidate:
    """A solution of the Lagrange (KKT) system that lies in the constraint set.

    Attributes:
        point: ``{variable: float}``; ``exact`` the short exact forms (SymPy syntax) when
            every coordinate has one, else ``None``.
        value: f at the point; ``value_exact`` when short.
        multipliers: λᵢ per constraint, in order (0 for a slack inequality);
            ``multipliers_exact`` per constraint, a short exact form or ``None``.
        active: per constraint, whether it holds with equality (always for equalities).
        kkt_max, kkt_min: whether the multipliers' signs allow a maximum / a minimum.
        kind: the local verdict on the constraint set: ``"maximum"``, ``"minimum"``,
            ``"neither"``, ``"isolated"`` or ``"unknown"`` (see :class:`SecondOrder`).
        second_order: the second-order check.
        gradient: ∇f at the point; ``constraint_gradients``: ∇gᵢ per constraint.
        residual: max |Fᵢ| of the Lagrange system at the float point (verification).
        unicode, value_unicode, multipliers_unicode: as a learner writes them.
        extreme: ``"maximum"``, ``"minimum"``, ``"both"`` when this is a global extreme on
            the set, else ``None`` (set by the global analysis).
    """

    point: dict[str, float]
    exact: dict[str, str] | None
    value: float
    value_exact: str | None
    multipliers: tuple[float, ...]
    multipliers_exact: tuple[str | None, ...]
    active: tuple[bool, ...]
    kkt_max: bool
    kkt_min: bool
    kind: str
    second_order: SecondOrder
    gradient: tuple[float, ...]
    constraint_gradients: tuple[tuple[float, ...], ...]
    residual: float
    unicode: str
    value_unicode: str
    multipliers_unicode: tuple[str, ...]
    extreme: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"point": dict(self.point), "multipliers": list(self.multipliers),
                "value": self.value, "kind": self.kind, "exact": _opt_dict(self.exact),
                "value_exact": self.value_exact,
                "multipliers_exact": list(self.multipliers_exact),
                "active": list(self.active),
                "kkt": {"maximum": self.kkt_max, "minimum": self.kkt_min},
                "extreme": self.extreme, "second_order": self.second_order.to_dict(),
                "gradient": list(self.gradient),
                "constraint_gradients": [list(g) for g in self.constraint_gradients],
                "residual": self.residual}


@dataclass(frozen=True)
class SingularPoint:
    """A feasible point where Lagrange's condition need not hold, so it is compared as a
    candidate too: the binding constraints' gradients are linearly dependent
    (``reason="singular"``), or ∇f or a binding ∇gᵢ does not exist there
    (``"nondifferentiable"``: a kink of |u|, relu, max, min or u = 0 of a root, on the loci
    ``locus``, e.g. ``("x + 1 = 0",)``). ``kind``: for the latter, the local verdict from f
    compared at feasible points nearby (``"maximum"``, ``"minimum"``, ``"neither"``,
    ``"unknown"``; numerical evidence), else ``None``."""

    point: dict[str, float]
    exact: dict[str, str] | None
    value: float
    value_exact: str | None
    active: tuple[bool, ...]
    unicode: str
    value_unicode: str
    extreme: str | None = None
    reason: str = "singular"
    locus: tuple[str, ...] = ()
    kind: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"point": dict(self.point), "exact": _opt_dict(self.exact),
                "value": self.value, "value_exact": self.value_exact,
                "active": list(self.active), "extreme": self.extreme, "reason": self.reason,
                "locus": list(self.locus), "kind": self.kind}


def _opt_dict(value: dict[str, str] | None) -> dict[str, str] | None:
    return None if value is None else dict(value)


@dataclass(frozen=True)
class _Record:
    x: np.ndarray
    exact: tuple[Any, ...] | None
    lam: np.ndarray
    lam_exact: tuple[Any, ...]
    solved_for: tuple[int, ...]
    active: tuple[int, ...]
    residual: float


def build_candidates(problem: Problem, funcs: ProblemFunctions,
                     found: Sequence[Found]) -> tuple[Candidate, ...]:
    """Feasible, deduplicated, classified candidates from the Lagrange systems' solutions."""
    records = [r for f in found for s in f.solutions
               if (r := _record(problem, funcs, f.active, s.x, s.exact, s.residual))]
    chosen = _deduplicated(records)
    return tuple(_candidate(problem, funcs, r) for r in chosen)


def build_singular(problem: Problem, funcs: ProblemFunctions, found: Sequence[Found],
                   candidates: Sequence[Candidate]) -> tuple[SingularPoint, ...]:
    """Feasible singular points that are not already candidates."""
    n = len(problem.variables)
    records = [r for f in found for s in f.solutions
               if (r := _record(problem, funcs, f.active, s.x, s.exact,
                                0.0, lagrange=False))]
    taken = [np.array(list(c.point.values())) for c in candidates]
    out = []
    for r in _deduplicated(records):
        if any(_same(r.x, t) for t in taken):
            continue
        value, value_exact = _value(problem, funcs, r)
        exact = _exact_dict(problem, r.exact)
        out.append(SingularPoint(dict(zip(problem.names, map(float, r.x), strict=True)), exact,
                                 value, _opt_str(value_exact), _flags(r.active, len(
                                     problem.constraints)), display.point(list(r.x), r.exact),
                                 display.coordinate(value, value_exact)))
        taken.append(r.x[:n])
    return tuple(out)


def _record(problem: Problem, funcs: ProblemFunctions, solved_for: tuple[int, ...],
            values: tuple[float, ...], exact: tuple[Any, ...], residual: float,
            lagrange: bool = True) -> _Record | None:
    n, m = len(problem.variables), len(problem.constraints)
    x = np.array(values[:n], dtype=float)
    point_exact = tuple(exact[:n]) if all(e is not None for e in exact[:n]) else None
    g = funcs.g(x)
    if not np.all(np.isfinite(g)) or not np.isfinite(funcs.f(x)):
        return None
    active = list(solved_for)
    for i in problem.inequalities:
        if i in solved_for:
            continue
        state = _side_state(problem, i, g[i], x, point_exact)
        if state > 0:
            return None
        if state == 0:
            active.append(i)
    lam, lam_exact = np.zeros(m), [sympy.Integer(0)] * m
    if lagrange:
        for j, i in enumerate(solved_for):
            lam[i], lam_exact[i] = values[n + j], exact[n + j]
    return _Record(x, point_exact, lam, tuple(lam_exact), solved_for, tuple(sorted(active)),
                   residual)


def _side_state(problem: Problem, i: int, g: float, x: np.ndarray,
                exact: tuple[Any, ...] | None) -> int:
    """+1 violated, 0 on the boundary, −1 strictly feasible (for inequality i)."""
    c = problem.constraints[i]
    if exact is not None:
        value = sympy.expand(c.residual.xreplace(dict(zip(problem.variables, exact,
                                                              strict=True))))
        if value.is_Rational or len(to_str(value)) < 200:
            return c.side * sign(value)
    scale = TOL * max(1.0, float(np.abs(x).max())) ** 2
    if abs(g) <= scale:
        return 0
    return 1 if c.side * g > 0 else -1


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    return bool(np.max(np.abs(a - b)) <= 1e-8 * max(1.0, float(np.abs(a).max())))


def _deduplicated(records: Sequence[_Record]) -> list[_Record]:
    """One record per point: the one solved for the point's own active set, else the
    largest active set."""
    groups: list[list[_Record]] = []
    for r in records:
        for group in groups:
            if _same(group[0].x, r.x):
                group.append(r)
                break
        else:
            groups.append([r])
    out = [max(g, key=lambda r: (r.solved_for == r.active, len(r.solved_for))) for g in groups]
    return sorted(out, key=lambda r: tuple(r.x))


def _candidate(problem: Problem, funcs: ProblemFunctions, r: _Record) -> Candidate:
    m = len(problem.constraints)
    kkt_max, kkt_min, binding = _signs(problem, funcs, r)
    site = Site(r.x, r.lam, r.active, binding, kkt_max, kkt_min, r.exact)
    h_exact, j_exact = _exact_matrices(problem, r)
    second = check(funcs, site, h_exact, j_exact)
    value, value_exact = _value(problem, funcs, r)
    lam_short = tuple(short_exact(e) if e is not None else None for e in r.lam_exact)
    jac = funcs.jac(r.x)
    return Candidate(
        dict(zip(problem.names, map(float, r.x), strict=True)), _exact_dict(problem, r.exact),
        value, _opt_str(value_exact), tuple(float(v) + 0.0 for v in r.lam),
        tuple(_opt_str(e) for e in lam_short), _flags(r.active, m), kkt_max, kkt_min,
        second.result, second, tuple(float(v) for v in funcs.grad(r.x)),
        tuple(tuple(float(v) for v in row) for row in jac), r.residual,
        display.point(list(r.x), r.exact), display.coordinate(value, value_exact),
        tuple(display.coordinate(float(v), e) for v, e in zip(r.lam, lam_short, strict=True)))


def _signs(problem: Problem, funcs: ProblemFunctions,
           r: _Record) -> tuple[bool, bool, tuple[int, ...]]:
    """(sign condition for a maximum, for a minimum, the binding constraints)."""
    scale = 1e-9 * max(1.0, float(np.abs(funcs.grad(r.x)).max()))
    kkt_max = kkt_min = True
    binding = list(problem.equalities)
    for i in problem.inequalities:
        if i not in r.active:
            continue
        exact = r.lam_exact[i]
        s = sign(exact) if exact is not None else \
            (0 if abs(r.lam[i]) <= scale else int(np.sign(r.lam[i])))
        signed = problem.constraints[i].side * s
        kkt_max &= signed >= 0
        kkt_min &= signed <= 0
        if s != 0:
            binding.append(i)
    return kkt_max, kkt_min, tuple(sorted(binding))


def _exact_matrices(problem: Problem, r: _Record) -> tuple[Any, Any]:
    """∇²ₓL and [∇gᵢ] at a rational point with rational multipliers, else (None, None)."""
    if r.exact is None or not all(e.is_Rational for e in (*r.exact, *r.lam_exact)):
        return None, None
    at = dict(zip(problem.variables, r.exact, strict=True))
    at |= dict(zip(problem.multipliers, r.lam_exact, strict=True))
    hessian = sympy.hessian(problem.lagrangian(), problem.variables).xreplace(at)
    jacobian = sympy.Matrix([problem.gradient(c.g) for c in problem.constraints]).xreplace(at)
    if not all(e.is_Rational for e in (*hessian, *jacobian)):
        return None, None
    return hessian, jacobian


def _value(problem: Problem, funcs: ProblemFunctions, r: _Record) -> tuple[float, Any | None]:
    if r.exact is not None:
        exact = sympy.radsimp(sympy.expand(problem.objective.expr.xreplace(
            dict(zip(problem.variables, r.exact, strict=True)))))
        if exact.is_number and len(to_str(exact)) < 400:
            return float(exact.evalf(30)) + 0.0, short_exact(exact)
    return float(funcs.f(r.x)) + 0.0, None


def _exact_dict(problem: Problem, exact: tuple[Any, ...] | None) -> dict[str, str] | None:
    if exact is None:
        return None
    return {n: to_str(e) for n, e in zip(problem.names, exact, strict=True)}


def _opt_str(value: Any | None) -> str | None:
    return None if value is None else to_str(value)


def _flags(active: Sequence[int], m: int) -> tuple[bool, ...]:
    return tuple(i in active for i in range(m))


__all__ = ["Candidate", "SingularPoint", "build_candidates", "build_singular"]
