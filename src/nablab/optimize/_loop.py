"""The loop of one descent, on Python floats, recording every point and gradient.

Two loops with one protocol. When every block of the optimizer states its rule as code (all
the named first-order optimizers do: :mod:`nablab.optimize._kernel`), a loop specialised to
the function and the optimizer is generated: the gradient's code and the optimizer's rules
inlined, one statement per coordinate, the optimizer's state in local variables, no call per
step. Otherwise (Newton's method, a hand-made transformation) the general loop calls the
optimizer's ``update`` each step.

Both extend a flat list of coordinates in place, ``path`` (θ₀, θ₁, …), and return why they
stopped; the list stays valid even when the gradient code raises (a ``math`` domain error is f
leaving its domain, i.e. divergence). The gradients along the path are evaluated afterwards,
vectorised over all points at once: cheaper than keeping them step by step, and the same
numbers (NumPy's and the ``math`` module's may differ in the last bit of a transcendental).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from nablab.numeric.compiled import CompiledFunction, PythonCode, define
from nablab.optimize._kernel import Kernel, flat_state
from nablab.optimize.newton import CurvatureStop
from nablab.optimize.transform import GradientTransformation, apply_updates

MAX_STEPS, CONVERGED, DIVERGED = 0, 1, 2
#: Newton's method stopped: H singular, or not positive definite (indices into ``STATUSES``).
SINGULAR, NOT_POSITIVE_DEFINITE = 4, 5
#: |θ| beyond this counts as divergence.
BOUND = 1e12
#: Steps between two progress reports.
CHUNK = 20_000
#: Steps of a generated loop between two checks of |θ| (a run out of bound stops within one).
BLOCK = 4096
#: A gradient evaluation that fails this way is f leaving its domain.
FAILURES = (ArithmeticError, ValueError, TypeError)

_TEMPLATE = """\
def descend(path, state, constants, gradient, {args}, steps, tol):
    tol2, ntol = tol * tol, -tol
    ({constants}) = constants
    ({state}) = state
    code = {max_steps}
    for _ in range(steps):
{body}
        if ntol < {first} < tol and not tol2 <= {grad_squares}:
            _norm = hypot({grads})
            if not tol <= _norm < inf:
                code = {converged} if _norm < tol else {diverged}
                break
{update}
{push}
    state[:] = [{state}]
    return code
"""
# What each step pays for besides the rule, cheapest first:
# - Convergence. |∂f/∂θ₁| < tol is necessary for |∇f| < tol, and for g·g < tol² as rounded
#   (fl(g₁²) ≤ fl(g·g)): one chained comparison filters, then the squared norm and hypot()
#   decide exactly as before. hypot() has the last word since g·g overflows for |g| > 1e154
#   while g is still finite.
# - Divergence is left to the caller, afterwards, on the recorded path (same verdicts): a
#   gradient not finite makes the next θ infinite or NaN, which fails |θ| ≤ bound (checked
#   on the last point every block, on every point at the end), and the vectorised ∇f along
#   the path ends it at the point itself. A power of a negative number turns floats complex:
#   comparing them raises, and a complex coordinate ends the path (:func:`_points`).
# - Recording. Coordinates are appended one by one: a tuple per step would wake the garbage
#   collector, which costs more than the step; and by ``path.append(…)`` itself, which
#   CPython 3.11 specialises into no call at all (a bound ``push`` is called each time).
# The optimizer's state lives in local variables during a block and is written back at its end.


@lru_cache(maxsize=64)
def _fast_loop(code: PythonCode | None, n: int,
               templates: tuple[tuple[Any, ...], ...]) -> Callable[..., int]:
    """The loop θ ← θ + u(∇f(θ)), its optimizer's rules inlined (built once per pair).

    ``code`` is the gradient's code to inline as well, or ``None`` to call ``gradient``.
    """
    args = code.args if code is not None else tuple(f"_v{i}" for i in range(n))
    grads = tuple(f"_g{i}" for i in range(n))
    if code is not None:
        body = [*code.lines, *(f"{g} = {r}" for g, r in zip(grads, code.results, strict=True))]
    else:
        body = [f"({', '.join(grads)},) = gradient({', '.join(args)})"]
    steps, lines, held, constants = _inlined(args, grads, templates)
    source = _TEMPLATE.format(
        args=", ".join(args), grads=", ".join(grads),
        body="\n".join(" " * 8 + line for line in body),
        update="\n".join(" " * 8 + line for line in [
            *steps, *lines]),
        push="\n".join(f"        path.append({a})" for a in args),
        grad_squares=" + ".join(f"{g}*{g}" for g in grads), first=grads[0],
        constants="".join(f"{c}, " for c in constants), state="".join(f"{h}, " for h in held),
        converged=CONVERGED, diverged=DIVERGED, max_steps=MAX_STEPS)
    return define(source, "descend", hypot=math.hypot, inf=math.inf, sqrt=math.sqrt)


def _inlined(args: tuple[str, ...], grads: tuple[str, ...],
             templates: tuple[tuple[Any, ...], ...]) -> tuple[list[str], ...]:
    """The optimizer's statements with names filled in: (per step, per coordinate and the
    move θᵢ ← θᵢ + uᵢ, the state variables in :func:`~nablab.optimize._kernel.flat_state`'s
    order, the constants)."""
    steps: list[str] = []
    coordinates: list[list[str]] = [[] for _ in args]
    current = list(grads)   # what u is now, per coordinate: _gᵢ, or a state it was set to
    held: list[str] = []
    constants: list[str] = []
    for k, template in enumerate(templates):
        kernel = Kernel(*template[:2])
        lines, step, leaves, scalars, names = template
        shared = {n: f"_k{k}c_{n}" for n in names}
        shared.update({n: f"_k{k}s_{n}" for n in kernel.names()
                       if n not in shared and n not in leaves and n not in ("u", "p")})
        constants.extend(shared[n] for n in names)
        held.extend(shared[n] for n in scalars)
        held.extend(f"_k{k}l_{n}_{i}" for n in leaves for i in range(len(args)))
        # a count no statement reads stays at its initial value in the loop's state
        steps.extend(line.format_map(shared) for line in kernel.read_step())
        for i, (arg, grad) in enumerate(zip(args, grads, strict=True)):
            mapping = {**shared, "p": arg, **{n: f"_k{k}l_{n}_{i}" for n in leaves}}
            for line in lines:
                mapping["u"] = current[i]
                if not line.startswith("{u} = "):
                    coordinates[i].append(line.format_map(mapping))
                    continue
                value = line[len("{u} = "):]
                if value[0] == "{" and value[-1] == "}" and value[1:-1] in mapping:
                    current[i] = mapping[value[1:-1]]   # u = b: read b from now on
                    continue
                coordinates[i].append(f"{grad} = {value.format_map(mapping)}")
                current[i] = grad
    moves = []
    for arg, grad, lines, now in zip(args, grads, coordinates, current, strict=True):
        if now == grad and lines and lines[-1].startswith(f"{grad} = "):
            moves.extend([*lines[:-1], f"{arg} = {arg} + ({lines[-1][len(grad) + 3:]})"])
        else:
            moves.extend([*lines, f"{arg} = {arg} + {now}"])
    return steps, moves, held, constants


def _general_loop(path: list[Any], theta: tuple[float, ...], state: Any,
                  opt: GradientTransformation, gradient: Callable[..., list[float]], steps: int,
                  tol: float) -> tuple[int, tuple[float, ...], Any]:
    push, update, hypot, inf = path.extend, opt.update, math.hypot, math.inf
    for _ in range(steps):
        g = gradient(*theta)
        norm = hypot(*g)
        if not tol <= norm < inf:
            return (CONVERGED if norm < tol else DIVERGED), theta, state
        updates, state = update(tuple(g), state, theta)
        theta = apply_updates(theta, updates)
        if not hypot(*theta) <= BOUND:
            return DIVERGED, theta, state
        push(theta)
    return MAX_STEPS, theta, state


@dataclass(frozen=True)
class Trajectory:
    """What one run produced: finite points and gradients, and why it stopped."""

    path: np.ndarray
    gradients: np.ndarray
    code: int


def scalar_gradient(compiled: CompiledFunction, start: Sequence[float]) -> tuple[
        Callable[..., list[float]], bool]:
    """The float gradient to step with, and whether its printed code can be inlined.

    ``math`` code that fails or disagrees where NumPy's does not (``factorial`` of a float)
    is not used: the NumPy gradient, evaluated on one point, takes its place.
    """
    gradient = compiled.grad_scalar
    if compiled.gradient_code is None:
        return gradient, False
    reference = np.asarray(compiled.grad(*start), dtype=float).reshape(-1)
    try:
        agrees = _close(gradient(*start), reference.tolist())
    except FAILURES:
        agrees = False
    if agrees:
        return gradient, True
    grad = compiled.grad
    return (lambda *xs: [float(v) for v in grad(*xs)]), False


def _close(values: Sequence[Any], reference: Sequence[float]) -> bool:
    """``np.allclose(values, reference, rtol=1e-9, atol=1e-12, equal_nan=True)`` on a few
    numbers, without NumPy's overhead."""
    if len(values) != len(reference):
        return False
    for a, b in zip(values, reference, strict=True):
        a = float(a)
        if a != a or b != b:
            if not (a != a and b != b):
                return False
        elif a != b and (math.isinf(a) or math.isinf(b)
                         or not abs(a - b) <= 1e-12 + 1e-9 * abs(b)):
            return False
    return True


def run(compiled: CompiledFunction, opt: GradientTransformation, start: Sequence[float],
        steps: int, tol: float, callback: Callable[[int], None] | None = None) -> Trajectory:
    """Descend from ``start`` for at most ``steps`` updates, keeping everything finite.

    Args:
        compiled: the function.
        opt: the optimizer.
        start: θ₀ (finite, within :data:`BOUND`).
        steps: the most updates to take.
        tol: stop when |∇f(θ)| < tol.
        callback: called with the number of steps done, every :data:`CHUNK` steps.
    """
    n = len(start)
    gradient, inline = scalar_gradient(compiled, start)
    kernels = opt.kernels
    path: list[Any] = list(start)
    theta, state, code, done = tuple(start), opt.init(tuple(start)), MAX_STEPS, 0
    if kernels is not None:
        fast = _fast_loop(compiled.gradient_code if inline else None, n,
                          tuple(k.template for k in kernels))
        state = flat_state(kernels, n)
        constants = [value for k in kernels for _, value in k.constants]
    try:
        while done < steps and code == MAX_STEPS:
            chunk = min(steps - done, CHUNK if callback else steps)
            if kernels is not None:
                code = _blocks(fast, path, state, constants, gradient, chunk, tol, n)
                theta = tuple(path[-n:])
            else:
                code, theta, state = _general_loop(path, theta, state, opt, gradient, chunk, tol)
            done += chunk
            if callback is not None:
                callback(min(done, steps))
        if code == MAX_STEPS and _inside(theta):
            norm = math.hypot(*gradient(*theta))
            code = CONVERGED if norm < tol else (MAX_STEPS if norm < math.inf else DIVERGED)
    except FAILURES:
        code = DIVERGED
    except CurvatureStop as stop:   # the path ends at the point where H allows no step
        code = SINGULAR if stop.status == "singular" else NOT_POSITIVE_DEFINITE
    return _finite(compiled, *_bounded(*_points(path, n, code)))


def _points(path: list[Any], n: int, code: int) -> tuple[np.ndarray, int]:
    """The recorded coordinates as an ``(m, n)`` array, cut before the first point that is
    not real (``DIVERGED`` then): a power of a negative number makes a float complex."""
    try:
        return np.fromiter(path, float, len(path)).reshape(-1, n), code
    except TypeError:
        first = next(i for i, v in enumerate(path) if not isinstance(v, float))
        return np.array(path[:first - first % n], dtype=float).reshape(-1, n), DIVERGED


def _inside(theta: Sequence[float]) -> bool:
    """|θ|² ≤ :data:`BOUND`², summed left to right as the generated loop would."""
    total = 0.0
    for t in theta:
        total = total + t * t
    return total <= BOUND * BOUND


def _blocks(fast: Callable[..., int], path: list[Any], state: list[Any], constants: list[Any],
            gradient: Callable[..., list[float]], steps: int, tol: float, n: int) -> int:
    """``steps`` steps of the generated loop, :data:`BLOCK` at a time, stopping after the first
    block that ends out of bound (:func:`_bounded` then finds where it left)."""
    code, done = MAX_STEPS, 0
    while done < steps and code == MAX_STEPS:
        block = min(steps - done, BLOCK)
        theta = path[-n:]
        code = fast(path, state, constants, gradient, *theta, block, tol)
        done += block
        if code == MAX_STEPS and not _inside(path[-n:]):
            code = DIVERGED
    return code


def _bounded(points: np.ndarray, code: int) -> tuple[np.ndarray, int]:
    """The points up to the first beyond :data:`BOUND` (not finite included), and the code:
    ``DIVERGED`` when some point was cut."""
    # Coordinates all within ±BOUND/(2√n) bound |θ|² by BOUND²/4, rounding and all: the usual
    # case, told by two reductions (NaN fails them) instead of |θ|² of every point.
    limit = BOUND / (2 * math.sqrt(points.shape[1]))
    if -limit <= points.min(initial=0.0) and points.max(initial=0.0) <= limit:
        return points, code
    with np.errstate(over="ignore", invalid="ignore"):
        total = points[:, 0] * points[:, 0]
        for column in points.T[1:]:
            total = total + column * column
        out = ~(total <= BOUND * BOUND)
    if not out.any():
        return points, code
    return points[:int(np.argmax(out))], DIVERGED


def _finite(compiled: CompiledFunction, points: np.ndarray, code: int) -> Trajectory:
    """The points and their gradients, cut before the first point where ∇f is not finite."""
    # one contiguous row per coordinate: NumPy runs faster on it than on the path's columns
    columns = np.ascontiguousarray(points.T)
    gradients = np.asarray(compiled.grad(*columns), dtype=float).reshape(points.shape[1], -1).T
    finite = np.isfinite(gradients)
    if finite.all():
        return Trajectory(points, gradients, code)
    bad = ~finite.all(axis=1)
    if bad.any():
        keep = int(np.argmax(bad))
        return Trajectory(points[:keep], gradients[:keep], DIVERGED)
    return Trajectory(points, gradients, code)


__all__ = ["BOUND", "CONVERGED", "DIVERGED", "MAX_STEPS", "NOT_POSITIVE_DEFINITE", "SINGULAR",
           "Trajectory", "run", "scalar_gradient"]
