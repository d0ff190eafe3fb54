r"""``descend``: run an optimizer on any function, from a start point, recording every step.

The notes' rule, for each parameter: θᵢ ← θᵢ − η ∂L/∂θᵢ (경사하강법, η the 학습률).

>>> import nablab
>>> result = nablab.descend("x^2 + y^2", (3, 4), lr=0.1, steps=1)
>>> result.path.tolist()
[[3.0, 4.0], [2.4, 3.2]]
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from nablab.core.expression import Expression
from nablab.errors import DomainError, HyperparameterError, UnsupportedError
from nablab.numeric import compile
from nablab.numeric.compiled import CompiledFunction
from nablab.optimize import _loop
from nablab.optimize.advice import advise
from nablab.optimize.newton import Hessian, Value
from nablab.optimize.optimizers import build
from nablab.optimize.result import STATUSES, DescentResult
from nablab.optimize.transform import GradientTransformation
from nablab.parse import parse, parse_point
from nablab.parse.point import point_names

#: The most steps one run may take (the path of a run is kept in memory).
STEP_LIMIT = 1_000_000
#: The most coordinates (steps × variables) one run may record.
MAX_RECORDED = 20_000_000

Start = Sequence[float] | Mapping[str, Any] | str


def descend(f: Expression | str, start: Start, *, optimizer: str | GradientTransformation = "gd",
            lr: float | None = None, steps: int = 1000, tol: float = 1e-8,
            callback: Callable[[int], None] | None = None, **hyper: Any) -> DescentResult:
    r"""Minimise f from ``start`` with an optimizer, keeping the whole trajectory.

    Gradient descent, the default: θ_{k+1} = θ_k − η∇f(θ_k). The other optimizers (``momentum``,
    ``nesterov``, ``adagrad``, ``rmsprop``, ``adam``, ``sgd``) follow ``torch.optim`` exactly;
    ``newton`` is Newton's method, θ_{k+1} = θ_k − η H(θ_k)⁻¹∇f(θ_k) (η = 1 by default; η < 1
    damps it), and ``damped_newton`` backtracks along the same direction until f decreases
    enough (Armijo); both stop with status ``singular`` or ``not_positive_definite`` where H
    allows no step to a minimum of the quadratic model.

    Args:
        f: the function, as text or an :class:`Expression`.
        start: θ₀: numbers in variable order, ``{name: value}``, or text like ``"x=3,y=4"``.
        optimizer: a name from :data:`~nablab.optimize.optimizers.DESCENT_OPTIMIZERS`, or any
            :class:`~nablab.optimize.transform.GradientTransformation`.
        lr: the learning rate η (default: the optimizer's own — 0.1 for ``gd``, PyTorch's for
            the others).
        steps: the most updates to take (at most :data:`STEP_LIMIT`).
        tol: converged when |∇f(θ)| < tol.
        callback: called with the number of steps done, now and then (for progress bars).
        **hyper: the optimizer's hyper-parameters (``momentum=0.9``, ``betas=(0.9, 0.99)``).

    Returns:
        The result, with status ``converged``, ``max_steps`` or ``diverged`` (Newton's method
        also ``singular`` or ``not_positive_definite``).

    Raises:
        HyperparameterError: an unknown optimizer or parameter, or a value out of range.
        DomainError: f or ∇f is undefined at the start point.
    """
    expression = parse(f)
    expression.require_numeric("descend")
    if expression.is_constant:
        return _constant(expression, start, optimizer, lr, steps, tol, hyper)
    compiled = compile(expression)
    point = start_point(expression, start)
    name, opt, rate, resolved = _optimizer(optimizer, lr, hyper, _hessian(compiled),
                                           _value(compiled))
    check_budget(steps, tol)
    if steps * len(point) > MAX_RECORDED:
        raise HyperparameterError("run_too_large", steps=steps, variables=len(point),
                                  limit=MAX_RECORDED)
    trajectory = _loop.run(compiled, opt, point, steps, tol, callback)
    values = np.asarray(compiled.f(*trajectory.path.T), dtype=float).reshape(-1)
    for fresh in (trajectory.path, values):   # this run's own: the result keeps them uncopied
        fresh.flags.writeable = False
    bad = ~np.isfinite(values)
    keep = int(np.argmax(bad)) if bad.any() else len(values)
    status = STATUSES[trajectory.code] if keep == len(values) else "diverged"
    advice = advise(expression, point, name, rate, resolved) if rate is not None else None
    return DescentResult.build(
        path=trajectory.path[:keep], values=values[:keep], gradients=trajectory.gradients[:keep],
        status=status, optimizer=name, lr=rate,
        hyper=resolved, variables=expression.variable_names, tol=tol, advice=advice,
        expression=expression)


def _constant(expression: Expression, start: Start, optimizer: str | GradientTransformation,
              lr: float | None, steps: int, tol: float, hyper: dict[str, Any]) -> DescentResult:
    """f is constant: ∇f = 0 everywhere, nothing to descend; the run stays at θ₀, status
    ``constant`` (the optimizer and its parameters are still checked)."""
    expression = with_start_variables(expression, start)
    point = start_point(expression, start)
    n = len(point)
    name, _, rate, resolved = _optimizer(optimizer, lr, hyper, lambda *theta: np.zeros((n, n)),
                                         lambda *theta: expression.constant_value())
    check_budget(steps, tol)
    return DescentResult.build(
        path=np.array([point], dtype=float), values=np.array([expression.constant_value()]),
        gradients=np.zeros((1, n)), status="constant", optimizer=name, lr=rate, hyper=resolved,
        variables=expression.variable_names, tol=tol, advice=None, expression=expression)


def with_start_variables(expression: Expression, start: Start) -> Expression:
    """A constant typed alone (``5``) has no variables: it takes those of the start point
    (``x=1`` → x; ``1, 2`` → x, y), so that the question about it gets an answer."""
    if expression.variables:
        return expression
    if isinstance(start, Mapping):
        return expression.with_variables(str(k) for k in start)
    text = start if isinstance(start, str) else ",".join("0" for _ in start)
    return expression.with_variables(point_names(text))


def start_point(expression: Expression, start: Start) -> tuple[float, ...]:
    """θ₀ as floats, checked: one finite value per variable, f and ∇f defined there.

    Raises:
        ParseError: text that is not a point of this function.
        DomainError: f or ∇f undefined at the point, or the point beyond |θ| ≤ 10¹².
    """
    names = expression.variable_names
    if not names:
        raise UnsupportedError("no_variables")
    if isinstance(start, str):
        start = parse_point(start, names)
    if isinstance(start, Mapping):
        missing = [n for n in names if n not in start]
        if missing or len(start) != len(names):
            raise ValueError(f"start needs exactly the variables {names}, got {sorted(start)}")
        start = [start[n] for n in names]
    if len(start) != len(names):
        raise ValueError(f"start needs {len(names)} coordinates ({', '.join(names)})")
    point = tuple(_real(v) for v in start)
    if not math.hypot(*point) <= _loop.BOUND:
        raise DomainError("start_out_of_range", limit=f"{_loop.BOUND:g}")
    value, grad = evaluate(expression, point)
    if not (np.isfinite(value).all() and np.isfinite(grad).all()):
        raise DomainError("undefined_at_point", what="f, ∇f")
    return point


def evaluate(expression: Expression, point: Sequence[float]) -> tuple[np.ndarray, np.ndarray]:
    """f and ∇f at one point, vectorised code.

    Raises:
        UnsupportedError: ∇f holds something with no numeric form (the Dirac delta that
            differentiating ``sign`` or ``heaviside`` leaves).
    """
    compiled = compile(expression)
    try:
        return np.asarray(compiled.f(*point)), np.asarray(compiled.grad(*point))
    except (NameError, TypeError) as exc:
        raise UnsupportedError("no_numeric_gradient") from exc


def _real(value: Any) -> float:
    try:
        number = float(value)
    except TypeError as exc:
        raise DomainError("undefined_at_point", what="θ₀") from exc
    if not math.isfinite(number):
        raise DomainError("undefined_at_point", what="θ₀")
    return number


def _hessian(compiled: CompiledFunction) -> Hessian:
    """H(θ) at one point as an (n, n) array of floats, for Newton's method."""
    n = compiled.n
    hess = compiled.hess
    return lambda *theta: np.asarray(hess(*theta), dtype=float).reshape(n, n)


def _value(compiled: CompiledFunction) -> Value:
    """f(θ) at one point as a float, for a line search."""
    f = compiled.f
    return lambda *theta: float(np.asarray(f(*theta), dtype=float).reshape(-1)[0])


def _optimizer(optimizer: str | GradientTransformation, lr: float | None,
               hyper: dict[str, Any], hessian: Hessian, value: Value) -> tuple[
                   str, GradientTransformation, float | None, dict[str, Any]]:
    if isinstance(optimizer, GradientTransformation):
        if lr is not None or hyper:
            raise ValueError("a GradientTransformation already holds its learning rate and "
                             "hyper-parameters; pass neither lr nor **hyper")
        return "custom", optimizer, None, {}
    made = build(optimizer, lr, hessian=hessian, value=value, **hyper)
    return made.name, made.transformation, made.lr, made.hyper


def check_budget(steps: int, tol: float) -> None:
    """Refuse a step count outside 0…:data:`STEP_LIMIT` or a negative tolerance."""
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) \
            or not 0 <= steps <= STEP_LIMIT:
        raise HyperparameterError("bad_steps", value=steps, limit=STEP_LIMIT)
    if not (isinstance(tol, (int, float)) and 0 <= tol < math.inf):
        raise HyperparameterError(name="tol", value=tol)


__all__ = ["STEP_LIMIT", "check_budget", "descend", "evaluate", "start_point",
           "with_start_variables"]
