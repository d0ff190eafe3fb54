"""The loop of one descent, on Python floats, recording every point and gradient.

Two loops with one protocol. The general one calls the optimizer's ``update`` each step. When
the optimizer is a constant multiple of the gradient (plain gradient descent, momentum 0), a
loop specialised to the function is generated instead: the gradient's code inlined, one
statement per coordinate, no call per step — within ~2× of a hand-written loop.

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
from nablab.optimize.newton import CurvatureStop
from nablab.optimize.transform import GradientTransformation, apply_updates

MAX_STEPS, CONVERGED, DIVERGED = 0, 1, 2
#: Newton's method stopped: H singular, or not positive definite (indices into ``STATUSES``).
SINGULAR, NOT_POSITIVE_DEFINITE = 4, 5
#: |θ| beyond this counts as divergence.
BOUND = 1e12
#: Steps between two progress reports.
CHUNK = 20_000
#: A gradient evaluation that fails this way is f leaving its domain.
FAILURES = (ArithmeticError, ValueError, TypeError)

_TEMPLATE = """\
def descend(path, {args}, scale, steps, tol, bound):
    push = path.append
    tol2 = tol * tol
    bound2 = bound * bound
    for _ in range(steps):
{body}
        _norm = {grad_squares}
        if not tol2 <= _norm < inf:
            _norm = hypot({grads})
            if not tol <= _norm < inf:
                return {converged} if _norm < tol else {diverged}
{update}
        if not {arg_squares} <= bound2:
            return {diverged}
{push}
    return {max_steps}
"""
# Squared norms are cheaper than hypot(); hypot() decides only when they say "stop", since
# g·g overflows for |g| > 1e154 while g is still finite. Coordinates are appended one by one:
# a tuple per step would wake the garbage collector, which costs more than the step.


@lru_cache(maxsize=64)
def _fast_loop(code: PythonCode) -> Callable[..., int]:
    """The loop θ ← θ + c·∇f(θ) with ``code``'s gradient inlined (built once per function)."""
    grads = tuple(f"_g{i}" for i in range(len(code.args)))
    body = [*code.lines, *(f"{g} = {r}" for g, r in zip(grads, code.results, strict=True))]
    source = _TEMPLATE.format(
        args=", ".join(code.args), grads=", ".join(grads),
        body="\n".join(" " * 8 + line for line in body),
        update="\n".join(f"        {a} = {a} + scale * {g}"
                         for a, g in zip(code.args, grads, strict=True)),
        push="\n".join(f"        push({a})" for a in code.args),
        grad_squares=" + ".join(f"{g}*{g}" for g in grads),
        arg_squares=" + ".join(f"{a}*{a}" for a in code.args),
        converged=CONVERGED, diverged=DIVERGED, max_steps=MAX_STEPS)
    return define(source, "descend", hypot=math.hypot, inf=math.inf)


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
    reference = compiled.grad(*start)
    try:
        value = np.asarray(gradient(*start))
        agrees = bool(np.allclose(value, reference, rtol=1e-9, atol=1e-12, equal_nan=True))
    except FAILURES:
        agrees = False
    if agrees:
        return gradient, True
    grad = compiled.grad
    return (lambda *xs: [float(v) for v in grad(*xs)]), False


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
    fast = _fast_loop(compiled.gradient_code) if inline and opt.linear is not None else None
    path: list[Any] = list(start)
    theta, state, code, done = tuple(start), opt.init(tuple(start)), MAX_STEPS, 0
    try:
        while done < steps and code == MAX_STEPS:
            chunk = min(steps - done, CHUNK if callback else steps)
            if fast is not None:
                code = fast(path, *theta, opt.linear, chunk, tol, BOUND)
                theta = tuple(path[-n:])
            else:
                code, theta, state = _general_loop(path, theta, state, opt, gradient, chunk, tol)
            done += chunk
            if callback is not None:
                callback(min(done, steps))
        if code == MAX_STEPS:
            norm = math.hypot(*gradient(*theta))
            code = CONVERGED if norm < tol else (MAX_STEPS if norm < math.inf else DIVERGED)
    except FAILURES:
        code = DIVERGED
    except CurvatureStop as stop:   # the path ends at the point where H allows no step
        code = SINGULAR if stop.status == "singular" else NOT_POSITIVE_DEFINITE
    return _finite(compiled, np.fromiter(path, float, len(path)).reshape(-1, n), code)


def _finite(compiled: CompiledFunction, points: np.ndarray, code: int) -> Trajectory:
    """The points and their gradients, cut before the first point where ∇f is not finite."""
    gradients = np.asarray(compiled.grad(*points.T), dtype=float).reshape(points.shape[1], -1).T
    bad = ~np.isfinite(gradients).all(axis=1)
    if bad.any():
        keep = int(np.argmax(bad))
        return Trajectory(points[:keep], gradients[:keep], DIVERGED)
    return Trajectory(points, gradients, code)


__all__ = ["BOUND", "CONVERGED", "DIVERGED", "MAX_STEPS", "NOT_POSITIVE_DEFINITE", "SINGULAR",
           "Trajectory", "run", "scalar_gradient"]
