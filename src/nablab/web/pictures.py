"""The numbers behind the page's pictures: surface samples, the constraint path, the hike.

The page draws with plotly.js; this module only samples (with the plot package's NumPy
samplers) and turns every non-finite value into ``None``, which JSON has and plotly.js
draws as a gap.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from nablab.core.expression import Expression
from nablab.errors import UnsupportedError
from nablab.numeric import compile
from nablab.parse import parse_window
from nablab.plot.axes import adaptive_levels, equal_scale
from nablab.plot.ranges import DEFAULT_INTERVAL, Interval
from nablab.plot.sampling import clip_to_view, sample_curve, sample_surface

#: Samples per axis of the page's surface (rotating needs no more), and the most allowed.
SURFACE_POINTS, MAX_POINTS = 80, 150
#: Level curves on the page's contour plots (where the values are, see adaptive_levels).
CONTOUR_LEVELS = 20
#: Level curves of f and of T_n on the Taylor picture (even, so both share them).
TAYLOR_LEVELS = 16
#: Samples per axis of the implicit card's level curve (a smooth curve, a light answer).
IMPLICIT_POINTS = 121
#: Points kept per constraint curve, and curves kept.
PATH_POINTS, MAX_PATHS = 400, 8


def finite(values: Any) -> Any:
    """Nested lists of floats with ``None`` for NaN and ±∞ (JSON has no NaN)."""
    array = np.asarray(values, dtype=float)
    if array.ndim == 0:
        value = float(array)
        return value if math.isfinite(value) else None
    return [finite(row) for row in array] if array.ndim > 1 else \
        [v if math.isfinite(v) else None for v in array.tolist()]


def samples(values: Any) -> Any:
    """:func:`finite` at 7 significant digits: a picture needs no more, the page loads faster."""
    array = np.asarray(values, dtype=float)
    with np.errstate(all="ignore"):
        scale = 10.0 ** (6 - np.floor(np.log10(np.abs(array))))
        rounded = np.where(np.isfinite(scale) & (array != 0), np.round(array * scale) / scale,
                           array)
    return finite(rounded)


def window_of(text: str | None) -> tuple[Interval, Interval]:
    """``--range`` text (``-5:5`` or ``-5:5,-3:3``) as two intervals; the notes' by default."""
    if not text:
        return (DEFAULT_INTERVAL, DEFAULT_INTERVAL)
    window = parse_window(text)
    return (window[0], window[-1])


def surface_data(expression: Expression, window_text: str | None,
                 points: int | None) -> dict[str, Any]:
    """f sampled on a grid: what the rotatable surface and the contour plot need."""
    if len(expression.variables) != 2:
        raise UnsupportedError("picture_needs_two", count=len(expression.variables))
    window = window_of(window_text)
    n = max(5, min(int(points or SURFACE_POINTS), MAX_POINTS))
    surface = sample_surface(compile(expression).f, window[0], window[1], n)
    return {"variables": list(expression.variable_names), "x": finite(surface.x),
            "y": finite(surface.y), "z": samples(clip_to_view(surface.z, surface.zlim)),
            "zlim": finite(surface.zlim), "window": finite(window),
            "levels": finite(adaptive_levels(surface, CONTOUR_LEVELS)),
            "equal_scale": equal_scale(window)}


def _thin(path: np.ndarray, count: int = PATH_POINTS) -> np.ndarray:
    step = max(1, math.ceil(len(path) / count))
    return path if step == 1 else np.vstack([path[::step], path[-1:]])


def _arrows(best: Any, names: tuple[str, ...], size: float) -> dict[str, Any] | None:
    """∇f and ∇g at the optimum, as arrow tips at length ``size`` (directions matter)."""
    if best is None or not best.constraint_gradients:
        return None
    at = np.array([float(best.point[n]) for n in names])
    tips = {}
    for key, vector, length in (("grad_f", best.gradient, size),
                                ("grad_g", best.constraint_gradients[0], 0.6 * size)):
        v = np.asarray(vector, dtype=float)
        norm = float(np.hypot(*v))
        tips[key] = finite(at + v / norm * length) if norm > 0 and math.isfinite(norm) else None
    return {"at": finite(at), **tips}


def _hike(result: Any, path: np.ndarray) -> dict[str, Any]:
    """Height along the path, and its highest and lowest points: ``None`` where none exists.

    The marks are the solver's extremes that lie on this path (never the window's edge).
    """
    from nablab.plot.lagrange import extremes_on_path, hike

    distance, height = hike(result, path)
    marks: dict[str, Any] = {"top": None, "bottom": None}
    for kind, index, value, _ in extremes_on_path(result, path):
        key = "top" if kind == "maximum" else "bottom"
        if marks[key] is None:
            marks[key] = {"distance": finite(distance[index]), "height": finite(value)}
    return {"distance": finite(distance), "height": finite(height), **marks}


def _level(result: Any, window: tuple[Interval, ...]) -> dict[str, Any] | None:
    """The level curve f = f* through the optimum (it touches the path there)."""
    from nablab.plot.lagrange import optimum, touching_level

    best = optimum(result)
    lines = [_thin(line) for line in touching_level(result, window)[:MAX_PATHS]]
    if best is None or not lines:
        return None
    return {"value": finite(float(best.value)), "paths": [finite(p) for p in lines]}


def _marks(result: Any) -> list[dict[str, Any]]:
    """Every point the solver found, with f there and whether it is a proven extreme."""
    from nablab.plot.feasible import points_of

    return [{"point": finite([float(p.point[n]) for n in result.variables]),
             "value": finite(float(p.value)), "extreme": getattr(p, "extreme", None)}
            for p in points_of(result)]


def _interval_data(result: Any) -> dict[str, Any]:
    """One variable: f over a window around the set, which samples lie in the set, the marks
    (the closed interval method's picture)."""
    from nablab.plot.feasible import feasible_window, inside

    window = feasible_window(result, 1)
    x = np.linspace(window[0][0], window[0][1], PATH_POINTS)
    with np.errstate(all="ignore"):
        y = np.broadcast_to(np.asarray(compile(result.objective).f(x), dtype=float), x.shape)
    return {"kind": "interval", "window": finite(window), "x": finite(x), "y": samples(y),
            "inside": inside(result, x).tolist(), "marks": _marks(result)}


def _region_data(result: Any) -> dict[str, Any]:
    """Two variables, several constraints: level curves of f, the set as a 0/1 grid, each
    constraint's boundary, the marks."""
    from nablab.plot.feasible import feasible_window, inside
    from nablab.plot.lagrange import level_lines

    window = feasible_window(result, 2)
    grid = sample_surface(compile(result.objective).f, window[0], window[1], SURFACE_POINTS)
    xx, yy = np.meshgrid(grid.x, grid.y)
    boundaries = []
    for constraint in result.constraints:
        g = Expression.from_sympy(constraint.g, list(result.objective.variables))
        boundaries += [_thin(p) for p in level_lines(g, float(constraint.k_value), window)]
    return {"kind": "region", "window": finite(window), "equal_scale": equal_scale(window),
            "x": finite(grid.x), "y": finite(grid.y),
            "z": samples(clip_to_view(grid.z, grid.zlim)),
            "inside": inside(result, xx, yy).astype(int).tolist(),
            "paths": [finite(p) for p in boundaries[:MAX_PATHS * 2]], "marks": _marks(result)}


def lagrange_data(result: Any) -> dict[str, Any] | None:
    """The picture's numbers, by the problem's shape: two variables and one equation —
    level curves of f, the constraint path, f = f* touching it, ∇f ∥ ∇g, and the hike; one
    variable — f over the interval (``"kind": "interval"``); two variables and several
    constraints or an inequality — the region (``"kind": "region"``). ``None`` for three or
    more variables.
    """
    from nablab.plot.feasible import is_region

    if len(result.variables) == 1:
        return _interval_data(result)
    if len(result.variables) != 2:
        return None
    if is_region(result):
        return _region_data(result)
    from nablab.plot.lagrange import constraint_paths, lagrange_window, optimum

    window = lagrange_window(result)
    grid = sample_surface(compile(result.objective).f, window[0], window[1], SURFACE_POINTS)
    paths = [_thin(p) for p in constraint_paths(result, window)[:MAX_PATHS]]
    best = optimum(result)
    size = 0.15 * min(w[1] - w[0] for w in window)
    return {"kind": "path", "window": finite(window), "x": finite(grid.x),
            "y": finite(grid.y), "equal_scale": equal_scale(window),
            "z": samples(clip_to_view(grid.z, grid.zlim)),
            "paths": [finite(p) for p in paths],
            "arrows": _arrows(best, result.variables, size),
            "level": _level(result, window),
            "hike": _hike(result, paths[0]) if paths else None}


def taylor_data(result: Any) -> dict[str, Any] | None:
    """The Taylor picture's numbers, as ``taylor --plot`` draws them: one variable — f and
    T₁ … T_n on a ± 2 (``"kind": "curves"``); two variables — f and T_n on the same grid, for
    contour lines over each other (``"kind": "contours"``); ``None`` for more variables.
    """
    from nablab.plot.taylor import drawn_orders
    from nablab.plot.taylor import window_of as taylor_window

    expression = result.expression
    if len(expression.variables) > 2:
        return None
    window = taylor_window(result)
    a = [float(v) for v in result.point.values()]

    def model(k: int) -> Any:
        return compile(Expression.from_sympy(result.partial_sum(k), expression.variables)).f

    if len(expression.variables) == 1:
        f = sample_curve(compile(expression).f, window[0])
        # T_k is a polynomial: no breaks, evaluated on f's points (NaN where f has a break)
        with np.errstate(all="ignore"):
            curves = [{"order": k, "y": samples(np.broadcast_to(model(k)(f.x), f.x.shape))}
                      for k in drawn_orders(result.order)]
        return {"kind": "curves", "window": finite(window), "at": a,
                "value": finite(float(result.terms[0].term)), "x": samples(f.x),
                "f": samples(f.y), "ylim": finite(f.ylim), "curves": curves}
    grid = sample_surface(compile(expression).f, window[0], window[1], SURFACE_POINTS)
    poly = sample_surface(model(result.order), window[0], window[1], SURFACE_POINTS)
    # even levels, the same for both: where T_n's lines leave f's, the model parts from f
    levels = np.linspace(grid.zlim[0], grid.zlim[1], TAYLOR_LEVELS)
    return {"kind": "contours", "window": finite(window), "at": a, "x": finite(grid.x),
            "y": finite(grid.y), "f": samples(clip_to_view(grid.z, grid.zlim)),
            "taylor": samples(clip_to_view(poly.z, grid.zlim)), "levels": finite(levels),
            "order": result.order}


def implicit_data(result: Any) -> dict[str, Any] | None:
    """The level curve's numbers, as ``implicit --plot`` draws it: F (= F(x, y) − c) on a
    square window around the origin, for its contour at 0; in three variables the level
    surface (:func:`level_surface_data`)."""
    from nablab.plot.implicit import evaluate, half_width

    if len(result.variables) == 3:
        return level_surface_data(result)
    if len(result.variables) != 2:
        return None
    h = half_width(result)
    axis = np.linspace(-h, h, IMPLICIT_POINTS)
    x, y = np.meshgrid(axis, axis)
    return {"window": [[-h, h], [-h, h]], "x": finite(axis), "y": finite(axis),
            "z": samples(evaluate(result, x, y))}


#: Samples per axis of the implicit card's level surface (an n³ grid for the isosurface).
SURFACE_GRID = 24


def level_surface_data(result: Any) -> dict[str, Any]:
    """The level surface's numbers, as ``implicit --plot`` draws it in three variables: F on
    an n³ grid of the cube around the origin (``"values"`` in x-fastest order, for plotly's
    isosurface at 0), and at the point the tangent plane's corners (spanned by two unit
    vectors ⟂ ∇F) and the tip of ∇F drawn at length h/3 (``"kind": "surface"``)."""
    from nablab.plot.implicit import evaluate, half_width

    h = half_width(result)
    axis = np.linspace(-h, h, SURFACE_GRID)
    z, y, x = np.meshgrid(axis, axis, axis, indexing="ij")   # x varies fastest when flattened
    out: dict[str, Any] = {"kind": "surface", "window": [[-h, h]] * 3, "axis": finite(axis),
                           "values": samples(evaluate(result, x, y, z).reshape(-1)),
                           "plane": None, "arrow": None}
    if result.point is None or result.gradient is None:
        return out
    a = np.array([float(v) for v in result.point.values()])
    grad = np.array([float(g) for g in result.gradient])
    norm = float(np.linalg.norm(grad))
    if not math.isfinite(norm) or norm == 0:
        return out
    normal = grad / norm
    helper = np.eye(3)[int(np.argmin(np.abs(normal)))]
    u = np.cross(normal, helper)
    u /= np.linalg.norm(u)
    v = np.cross(normal, u)
    s, t = np.meshgrid([-h / 2, h / 2], [-h / 2, h / 2])
    out["plane"] = [finite(a[i] + s * u[i] + t * v[i]) for i in range(3)]
    out["arrow"] = {"at": finite(a), "vector": finite(normal * h / 3)}
    return out


#: Samples per axis of the two-variable limit's contour plot (odd: the point is a sample).
LIMIT_POINTS = 61


def limit2d_data(result: Any, lang: str) -> dict[str, Any]:
    """The paths of a two-variable limit, as ``limit --plot`` draws them
    (:mod:`nablab.plot.limit2d`): f's samples on the square a ± 1 (``None`` where f is
    undefined, the point itself included), each concrete path in the plane, f along it
    against t (0 < |t| ≤ 1: t = 0 is the point, never a sample), and each path's limit."""
    from nablab.i18n import translate
    from nablab.plot.labels import point as point_text
    from nablab.plot.limit2d import HALF_WIDTH, drawn_paths, path_samples

    a, b = (float(v) for v in result.at.values())
    window = ((a - HALF_WIDTH, a + HALF_WIDTH), (b - HALF_WIDTH, b + HALF_WIDTH))
    grid = sample_surface(compile(result.expression).f, window[0], window[1], LIMIT_POINTS)
    paths = []
    for path in drawn_paths(result):
        t, xs, ys, zs = path_samples(result, path)
        paths.append({"name": path.path, "x": samples(xs), "y": samples(ys), "t": samples(t),
                      "f": samples(zs), "limit": _real(path.limit)})
    exists = bool(result.exists) and result.value is not None
    centre = grid.z[LIMIT_POINTS // 2, LIMIT_POINTS // 2]
    return {"at": [a, b], "defined": bool(np.isfinite(centre)), "window": finite(window),
            "x": finite(grid.x), "y": finite(grid.y),
            "z": samples(clip_to_view(grid.z, grid.zlim)),
            "levels": finite(adaptive_levels(grid, CONTOUR_LEVELS)), "paths": paths,
            "value": _real(result.value) if exists else None,
            "plane": translate("plot.limit2d.plane", lang, point=point_text((a, b))),
            "along": translate("plot.limit2d.along", lang),
            "t": translate("plot.limit2d.t", lang),
            "variables": list(result.expression.variable_names)}


def _real(value: Any) -> float | None:
    """A limit as a float; ``None`` when it is infinite, not real, ∄ or not found."""
    try:
        number = complex(value)
    except (TypeError, ValueError):
        return None
    return number.real if number.imag == 0 and math.isfinite(number.real) else None


def newton_models(result: Any) -> list[list[dict[str, Any]]]:
    """The quadratic model of each of a descent's (or a race's) first Newton steps, as
    ``descend --plot`` draws it (:mod:`nablab.plot.newton`): per run, for its first
    :data:`~nablab.plot.newton.MODELS` steps, the level curve of T₂ through θ_k (an ellipse)
    and the model's minimiser θ_k − H⁻¹∇f(θ_k), with ∇f and H f's own at the path's points.
    Empty for other optimizers, other dimensions, and where H is not positive definite."""
    from nablab.plot.newton import MODELS, model_ellipse
    from nablab.plot.runs import as_runs, function_of

    runs = as_runs(result)
    expression = function_of(result)
    if len(expression.variables) != 2:
        return [[] for _ in runs]
    compiled = compile(expression)
    out: list[list[dict[str, Any]]] = []
    for run in runs:
        models: list[dict[str, Any]] = []
        if run.name in ("newton", "damped_newton"):
            for k in range(min(MODELS, len(run.path) - 1)):
                theta = run.path[k]
                gradient = np.asarray(compiled.grad(*theta), dtype=float).reshape(2)
                hessian = np.asarray(compiled.hess(*theta), dtype=float).reshape(2, 2)
                curve = model_ellipse(theta, gradient, hessian) \
                    if np.all(np.isfinite(hessian)) and np.all(np.isfinite(gradient)) else None
                if curve is None:
                    continue
                centre = theta - np.linalg.solve(hessian, gradient)
                models.append({"step": k, "at": finite(theta), "centre": finite(centre),
                               "x": samples(curve[:, 0]), "y": samples(curve[:, 1])})
        out.append(models)
    return out


__all__ = ["finite", "implicit_data", "lagrange_data", "level_surface_data", "limit2d_data",
           "newton_models", "samples", "surface_data", "taylor_data", "window_of"]
