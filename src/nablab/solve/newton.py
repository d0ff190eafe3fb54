"""Vectorised multi-start Newton: real solutions of a square system F(z) = 0 in a box.

Newton's method for F: ℝⁿ → ℝⁿ with Jacobian J,

    z ← z − J(z)⁻¹ F(z),

converges quadratically from a start close enough to a simple root, so a grid of starts
over the box finds the roots whose basins the grid meets. All starts advance together: one
call of ``fun``/``jac`` per iteration evaluates every start (NumPy broadcasting), and the
n×n steps are one batched LAPACK solve (the pseudo-inverse where J is exactly singular, so a
start on a curve of roots still moves to the nearest one). Steps are capped at half the box's
diagonal; starts that leave the box far behind or stop being finite are dropped. The grid is
refined (twice as many starts per axis) until a round finds no new root or the start budget
is spent; roots are deduplicated, each is accepted only when max|Fᵢ| < 1e-12 (relative to the
size of its terms), and only roots inside the box are kept. Bounded by construction: at most
``max_starts`` starts per round, three rounds, ``max_iter`` iterations. Never complete.

API (``from nablab.solve.newton import …``)::

    newton_multistart(fun, jac, bounds, *, names=None, max_starts=4096, max_iter=100,
                      tol=1e-12, max_roots=400) -> SystemSolution   # "newton", not complete
    newton_from(fun, jac, starts, *, max_iter=100, tol=1e-12) -> tuple[Solution, ...]
    lambdify_system(equations, unknowns) -> (fun, jac)

``fun(Z)`` takes an array of shape ``(n, m)`` (m points, one row per unknown) and returns
F at each point, shape ``(n, m)``; ``jac(Z)`` returns ``(n, n, m)`` with ``[i, j] = ∂Fᵢ/∂zⱼ``.
This is the convention of :class:`nablab.numeric.CompiledFunction` (``grad``, ``hess``), so
∇f = 0 is ``fun = lambda Z: c.grad(*Z)``, ``jac = lambda Z: c.hess(*Z)``.

>>> import numpy as np
>>> fun = lambda Z: np.array([Z[0] ** 2 - 2])
>>> jac = lambda Z: np.array([[2 * Z[0]]])
>>> [round(s.x[0], 12) for s in newton_multistart(fun, jac, [(-3, 3)]).solutions]
[-1.414213562373, 1.414213562373]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import sympy

from nablab.numeric.lambdify import numpy_lambdify
from nablab.solve.result import Solution, SystemSolution

Array = np.ndarray
#: Starts per round at most.
MAX_STARTS = 4096
#: Newton iterations per round.
MAX_ITER = 100
#: Residual target: max|Fᵢ| below this, relative to the size of F's terms.
TOL = 1e-12
#: Distinct roots at most; more means a continuum, and the search stops.
MAX_ROOTS = 400
#: Rounds of grid refinement.
ROUNDS = 3


def newton_multistart(fun: Callable[[Array], Array], jac: Callable[[Array], Array],
                      bounds: Sequence[tuple[float, float]], *,
                      names: Sequence[str] | None = None, max_starts: int = MAX_STARTS,
                      max_iter: int = MAX_ITER, tol: float = TOL,
                      max_roots: int = MAX_ROOTS) -> SystemSolution:
    """Roots of F in a box, from grids of starts refined until no new root appears.

    Args:
        fun: vectorised F, ``(n, m) → (n, m)``.
        jac: vectorised Jacobian, ``(n, m) → (n, n, m)``.
        bounds: ``(low, high)`` per unknown: the box searched, and the box the roots must
            lie in.
        names: the unknowns' names (default ``z1, z2, …``).
        max_starts: starts per round at most.
        max_iter: Newton iterations per round.
        tol: accept a root when max|Fᵢ| < ``tol`` × max(1, size of F's terms there).
        max_roots: stop (``truncated=True``) once more distinct roots than this are found.

    Returns:
        A :class:`SystemSolution` with ``method="newton"``, ``complete=False``,
        ``status=None``, the box and the number of starts used.
    """
    box = np.array([(float(lo), float(hi)) for lo, hi in bounds], dtype=float)
    if box.ndim != 2 or not np.all(np.isfinite(box)) or np.any(box[:, 1] <= box[:, 0]):
        raise ValueError("bounds must be finite (low, high) pairs with low < high")
    n = box.shape[0]
    fun, jac = _empty_safe(fun, (n,)), _empty_safe(jac, (n, n))
    labels = tuple(names) if names is not None else tuple(f"z{i + 1}" for i in range(n))
    found = np.empty((0, n))
    used, truncated = 0, False
    for round_, starts in enumerate(_start_sets(box, max_starts)):
        used += starts.shape[1]
        roots = _newton(fun, jac, starts, box, max_iter, tol)
        merged = _unique(np.concatenate([found, roots]), fun, max_roots + 1)
        if round_ and len(merged) == len(found) and len(found):
            break
        found = merged
        if len(found) > max_roots:
            found, truncated = found[:max_roots], True
            break
    solutions = _accepted(found, fun, jac, box, tol)
    return SystemSolution(labels, solutions, None, False, "newton",
                          bounds=tuple((float(lo), float(hi)) for lo, hi in box), starts=used,
                          truncated=truncated)


def newton_from(fun: Callable[[Array], Array], jac: Callable[[Array], Array],
                starts: Array, *, max_iter: int = MAX_ITER,
                tol: float = TOL) -> tuple[Solution, ...]:
    """Roots Newton reaches from given starts (``(m, n)``, one per row), verified as in
    :func:`newton_multistart`: points another method found nearly (SciPy's SLSQP runs),
    refined to full precision. The box is the starts' own, ten times their size, so a root
    is never dropped for lying outside a search box the starts did not come from."""
    z0 = np.atleast_2d(np.asarray(starts, dtype=float))
    if z0.size == 0:
        return ()
    reach = 10 * np.maximum(1.0, np.abs(z0).max(axis=0))
    box = np.stack([z0.min(axis=0) - reach, z0.max(axis=0) + reach], axis=1)
    fun, jac = _empty_safe(fun, (box.shape[0],)), _empty_safe(jac, (box.shape[0],) * 2)
    roots = _unique(_newton(fun, jac, z0.T.copy(), box, max_iter, tol), fun, len(z0))
    return _accepted(roots, fun, jac, box, tol)


def _empty_safe(fn: Callable[[Array], Array], lead: tuple[int, ...]) -> Callable[[Array], Array]:
    """``fn`` that answers an empty batch itself (compiled callables need ≥ 1 point)."""

    def call(z: Array) -> Array:
        if z.shape[-1] == 0:
            return np.zeros(lead + (0,))
        return fn(z)

    return call


def _start_sets(box: Array, max_starts: int) -> list[Array]:
    """Cell-centred grids, twice as fine each round; quasi-random points when n is large."""
    n = box.shape[0]
    per_axis = max(2, int(round((max_starts / 16) ** (1 / n))))
    sets = []
    for _ in range(ROUNDS):
        if per_axis ** n > max_starts:
            break
        sets.append(_grid(box, per_axis))
        per_axis *= 2
    if not sets:
        rng = np.random.default_rng(0)
        sets.append(box[:, :1] + (box[:, 1:] - box[:, :1]) * rng.random((n, max_starts)))
    elif len(sets) < ROUNDS and sets[-1].shape[1] < max_starts:
        sets.append(_grid(box, int(max_starts ** (1 / n))))
    return sets


def _grid(box: Array, k: int) -> Array:
    axes = [lo + (np.arange(k) + 0.5) * (hi - lo) / k for lo, hi in box]
    return np.stack([a.ravel() for a in np.meshgrid(*axes, indexing="ij")])


def _newton(fun: Callable[[Array], Array], jac: Callable[[Array], Array], starts: Array,
            box: Array, max_iter: int, tol: float) -> Array:
    """Run Newton from every start at once; return the points that converged, ``(m, n)``.

    A start stops once max|Fᵢ| < ``tol`` *and* its step is at rounding level, so slowly
    (linearly) converging starts near a degenerate root keep going until they cluster.
    """
    z = starts.copy()
    centre = box.mean(axis=1, keepdims=True)
    radius = (box[:, 1:] - box[:, :1]) / 2
    max_step = float(np.linalg.norm(radius))
    done = np.empty((z.shape[0], 0))
    with np.errstate(all="ignore"):
        for _ in range(max_iter):
            f, j = np.asarray(fun(z), dtype=float), np.asarray(jac(z), dtype=float)
            step = _step(j, f, max_step)
            residual = np.max(np.abs(f), axis=0)
            small = np.linalg.norm(step, axis=0) <= 1e-13 * np.maximum(1.0, np.abs(z).max(0))
            # F = J = 0 exactly: an underflowed plateau (exp(−x²) at x = 40), not a root.
            flat = (residual == 0) & np.all(j == 0, axis=(0, 1))
            stop = ((residual == 0) | ((residual <= tol) & small)) & ~flat
            done = np.concatenate([done, z[:, stop]], axis=1)
            z = z[:, ~stop & ~flat] - step[:, ~stop & ~flat]
            alive = np.all(np.isfinite(z), axis=0) & np.all(np.abs(z - centre) <= 10 * radius,
                                                           axis=0)
            z = z[:, alive]
            if z.shape[1] == 0:
                break
        f = np.asarray(fun(z), dtype=float)
        # Out of iterations: a root only if small *and* Newton has settled there (a flat tail,
        # like exp(−x²) far out, has a tiny gradient but large Newton steps).
        step = _step(np.asarray(jac(z), dtype=float), f, max_step)
        settled = np.linalg.norm(step, axis=0) <= 1e-8 * np.maximum(1.0, np.abs(z).max(0))
        near = (np.max(np.abs(f), axis=0) <= tol * _term_size(z, jac)) & settled
    roots = np.concatenate([done, z[:, near]], axis=1)
    return roots[:, _inside(roots, box)].T


def _inside(z: Array, box: Array) -> Array:
    slack = 1e-9 * (box[:, 1:] - box[:, :1])
    return np.all((z >= box[:, :1] - slack) & (z <= box[:, 1:] + slack), axis=0)


def _step(j: Array, f: Array, max_step: float) -> Array:
    """J⁻¹F for each column (pseudo-inverse where J is singular), capped in length."""
    jt = np.moveaxis(j, -1, 0)
    ft = f.T[..., None]
    out = np.full(ft.shape, np.nan)
    finite = np.all(np.isfinite(jt), axis=(1, 2)) & np.all(np.isfinite(ft), axis=(1, 2))
    det = np.zeros(len(jt))
    det[finite] = np.linalg.det(jt[finite])
    regular = finite & (np.abs(det) > 0) & np.isfinite(det)
    singular = finite & ~regular
    if np.any(regular):
        out[regular] = np.linalg.solve(jt[regular], ft[regular])
    if np.any(singular):
        out[singular] = np.linalg.pinv(jt[singular], rcond=1e-13) @ ft[singular]
    step = out[..., 0].T
    length = np.linalg.norm(step, axis=0)
    return step * np.minimum(1.0, max_step / np.where(length > 0, length, 1.0))


def _term_size(z: Array, jac: Callable[[Array], Array]) -> Array:
    """max(1, ‖J(z)‖·max(1, ‖z‖)): the size of F's terms, for relative residual tests."""
    if z.shape[1] == 0:
        return np.ones(0)
    with np.errstate(all="ignore"):
        j = np.abs(np.asarray(jac(z), dtype=float)).max(axis=(0, 1))
    size = j * np.maximum(1.0, np.abs(z).max(axis=0))
    return np.where(np.isfinite(size), np.maximum(1.0, size), np.inf)


def _unique(points: Array, fun: Callable[[Array], Array], limit: int) -> Array:
    """One point per cluster (within 1e-6, relative), the one with the smallest residual;
    at most ``limit`` clusters."""
    if len(points) == 0:
        return points
    with np.errstate(all="ignore"):
        residual = np.max(np.abs(np.asarray(fun(points.T), dtype=float)), axis=0)
    points = points[np.argsort(residual, kind="stable")]
    # Most duplicates agree to 1e-9: collapse them in one vectorised pass first.
    _, first = np.unique(np.round(points * 1e9), axis=0, return_index=True)
    points = points[np.sort(first)]
    keep = np.empty((min(limit, len(points)), points.shape[1]))
    count = 0
    for p in points:
        tol = 1e-6 * max(1.0, float(np.max(np.abs(p))))
        if count and np.min(np.max(np.abs(keep[:count] - p), axis=1)) <= tol:
            continue
        keep[count] = p
        count += 1
        if count == len(keep):
            break
    out = keep[:count]
    return out[np.lexsort(out.T[::-1])]


def _accepted(points: Array, fun: Callable[[Array], Array], jac: Callable[[Array], Array],
              box: Array, tol: float) -> tuple[Solution, ...]:
    """Verified roots inside the box, as :class:`Solution` (floats only).

    Coordinates within rounding of 0 (|zᵢ| ≤ 1e-10·max(1, ‖z‖)) become exactly 0 when that
    does not raise the residual: ``sin x cos y`` has a maximum at (−π/2, 0), not at
    (−π/2, 8.8e−20).
    """
    if len(points) == 0:
        return ()
    z = _snapped(points.T, fun)
    with np.errstate(all="ignore"):
        residual = np.max(np.abs(np.asarray(fun(z), dtype=float)), axis=0)
    ok = _inside(z, box) & (residual <= tol * _term_size(z, jac)) & np.all(np.isfinite(z), 0)
    none = (None,) * z.shape[0]
    return tuple(Solution(tuple(float(v) + 0.0 for v in p), none, float(r))
                 for p, r in zip(z.T[ok], residual[ok], strict=True))


def _snapped(z: Array, fun: Callable[[Array], Array]) -> Array:
    tiny = np.abs(z) <= 1e-10 * np.maximum(1.0, np.abs(z).max(axis=0))
    if not np.any(tiny):
        return z
    snapped = np.where(tiny, 0.0, z)
    with np.errstate(all="ignore"):
        before = np.max(np.abs(np.asarray(fun(z), dtype=float)), axis=0)
        after = np.max(np.abs(np.asarray(fun(snapped), dtype=float)), axis=0)
    return np.where(after <= before, snapped, z)


def lambdify_system(equations: Sequence[Any], unknowns: Sequence[sympy.Symbol],
                    ) -> tuple[Callable[[Array], Array], Callable[[Array], Array]]:
    """Vectorised ``fun`` and ``jac`` (the convention above) of code-built SymPy equations.

    Args:
        equations: n SymPy expressions Fᵢ.
        unknowns: the n unknowns.

    Raises:
        ValueError: the system is not square.
    """
    if len(equations) != len(unknowns):
        raise ValueError(f"Newton needs a square system: {len(equations)} equations, "
                         f"{len(unknowns)} unknowns")
    eqs = list(equations)
    jacobian = [[sympy.diff(e, u) for u in unknowns] for e in eqs]
    raw_f = numpy_lambdify(unknowns, eqs)
    raw_j = numpy_lambdify(unknowns, jacobian)

    def fun(z: Array) -> Array:
        return _broadcast(raw_f(*z), z.shape[1:])

    def jac(z: Array) -> Array:
        return _broadcast(raw_j(*z), z.shape[1:])

    return fun, jac


def _broadcast(values: Any, shape: tuple[int, ...]) -> Array:
    """Nested lists of arrays and constants → one float array ``(..., *shape)``."""
    if isinstance(values, (list, tuple)):
        return np.stack([_broadcast(v, shape) for v in values])
    return np.broadcast_to(np.asarray(values, dtype=float), shape).copy()


__all__ = ["MAX_ITER", "MAX_ROOTS", "MAX_STARTS", "TOL", "lambdify_system", "newton_from",
           "newton_multistart"]
