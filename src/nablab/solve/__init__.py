"""Real solutions of systems of equations F(z) = 0, exact where possible, always verified.

Shared by critical points (∇f = 0) and Lagrange multipliers / KKT (∇f − λ∇g = 0, g = 0).

Front door::

    from nablab.solve import solve_system
    result = solve_system(equations, unknowns, bounds=None, exact_timeout=5.0)

- ``equations``: SymPy expressions Fᵢ (each = 0), built by code — parse user text with
  :func:`nablab.parse` first; any number of equations for the exact path, n = len(unknowns)
  for the numeric one. ``unknowns``: SymPy symbols, in order (λ is just another unknown).
- Polynomial with rational coefficients → :func:`solve_polynomial_system` (grevlex Gröbner
  basis, the eliminant in shape position or FGLM to lex, real-root isolation; msolve when
  installed: ``pip install nablab[msolve]``) under ``exact_timeout`` seconds:
  ``method="groebner"``, ``complete=True``, every real solution, short exact forms.
  Polynomial once rewritten — constants (π, e, ln 2, √2) as coefficients, denominators
  cleared — → :func:`solve_exact` (over ℚ(π) or ℚ(√2); a denominator's zeros removed):
  the same, exact in the constants (r = 40/π).
- Otherwise, or on timeout / memory / an infinite solution set → :func:`newton_multistart`
  over ``bounds`` (default [−10, 10]ⁿ): ``method="newton"``, ``complete=False``, and
  ``fallback`` says why (``"not_polynomial"``, ``"timeout"``, ``"memory"``, ``"infinite"``).

The result is a :class:`SystemSolution`: ``solutions`` (each a :class:`Solution` with
``x`` floats, ``exact`` short SymPy numbers or ``None`` per coordinate, ``residual``),
``status`` (``"finite"``, ``"infinite"``, ``"none"``, or ``None`` when only Newton ran),
``complete``, ``method``, ``fallback``, ``solution_set`` (the Gröbner basis describing an
infinite set), ``bounds``, ``starts``, ``truncated``.

Building blocks, for callers that orchestrate themselves (several systems, one budget):
``solve_polynomial_system(equations, unknowns, *, backend="auto")`` (exact, unbounded: wrap
it; ``backend`` ``"sympy"`` or ``"msolve"`` to choose, :mod:`nablab.solve.msolve`),
``newton_multistart(fun, jac, bounds, *, names=None, max_starts=4096, max_iter=100,
tol=1e-12, max_roots=400)``, ``lambdify_system(equations, unknowns) -> (fun, jac)``,
``polynomial_system(equations, unknowns) -> list[Poly] | None``,
``short_exact(value)`` (a SymPy number if short and explicit, else ``None``),
``solve_exact(equations, unknowns) -> SystemSolution | None`` (exact, unbounded: wrap it),
``exact_kind(equations, unknowns)`` (``"polynomial"``, ``"rewritten"`` or ``None``),
``roots_on_interval(equation, x, a, b)`` (one unknown on [a, b] by ``solveset``,
cross-checked by sign changes; :mod:`nablab.solve.interval`). Budgets for
sub-steps: :func:`nablab.budget.run_bounded`.

>>> import sympy
>>> x, y, lam = sympy.symbols("x y lambda", real=True)
>>> f, g = x * y, x**2 + y**2 - 1
>>> eqs = [sympy.diff(f - lam * g, v) for v in (x, y)] + [g]
>>> result = solve_system(eqs, [x, y, lam])
>>> result.method, result.complete, len(result.solutions)
('groebner', True, 4)
>>> result.solutions[0].exact
(-sqrt(2)/2, -sqrt(2)/2, 1/2)
"""

from nablab.solve._roots import short_exact
from nablab.solve.exact import exact_kind, solve_exact
from nablab.solve.interval import roots_on_interval
from nablab.solve.newton import lambdify_system, newton_from, newton_multistart
from nablab.solve.polynomial import polynomial_system, solve_polynomial_system
from nablab.solve.result import FINITE, INFINITE, NONE, Solution, SystemSolution
from nablab.solve.system import DEFAULT_BOUND, EXACT_TIMEOUT, solve_system

__all__ = [
    "DEFAULT_BOUND",
    "EXACT_TIMEOUT",
    "FINITE",
    "INFINITE",
    "NONE",
    "Solution",
    "SystemSolution",
    "exact_kind",
    "lambdify_system",
    "newton_from",
    "newton_multistart",
    "polynomial_system",
    "roots_on_interval",
    "short_exact",
    "solve_exact",
    "solve_polynomial_system",
    "solve_system",
]
