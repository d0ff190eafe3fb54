"""The rest of the calculus (issue 16): nablab against the naive SymPy call and the tool a
user would pick instead, on the same problems, in one run.

- Taylor: ``nablab.taylor`` (the polynomial, its named terms, the error table) vs
  ``sympy.series`` (one variable) or a hand loop of ``sympy.diff`` over every multi-index;
- implicit: ``nablab.implicit`` (dy/dx, tangent, normal) vs ``sympy.idiff``;
- chain rule: ``nablab.chain_rule`` (tree, paths, sum, checked) vs ``sympy.diff`` of the
  substituted function (no paths);
- mixed partials: ``nablab.mixed_partial`` (every order, Clairaut, textbook form) vs
  ``sympy.diff``;
- two-variable limit: ``nablab.limit_2d`` (paths, polar squeeze, verdict) vs SymPy's
  iterated limits (which answer 0 for x y/(x² + y²): wrong, the limit does not exist);
- Newton: ``nablab.descend(optimizer="damped_newton")`` on Rosenbrock vs
  ``scipy.optimize.minimize(method="Newton-CG")`` with the exact Hessian.

nablab does more than each peer (steps, checks, the verdict), so the ratio is the price of
that; each row also says whether the answers agree. Run: python bench/calculus.py [--repeat N]
"""

from __future__ import annotations

from typing import Any

import numpy as np
import scipy.optimize
import sympy

import nablab
from _timing import fmt, median_time, option  # bench/_timing.py: shared helpers
from nablab.budget import Budget, within

REPEAT = int(option("repeat", 3))
x, y, z, s, t = sympy.symbols("x y z s t", real=True)


def taylor_naive() -> Any:
    f = sympy.exp(x) * sympy.sin(y)
    total = 0
    for i in range(3):
        for j in range(3 - i):
            total += sympy.diff(f, x, i, y, j).subs({x: 0, y: 0}) * x**i * y**j / (
                sympy.factorial(i) * sympy.factorial(j))
    return sympy.expand(total)


def rosenbrock_scipy() -> Any:
    f = sympy.Matrix([(1 - x) ** 2 + 100 * (y - x**2) ** 2])
    fun = sympy.lambdify([(x, y)], f[0])
    jac = sympy.lambdify([(x, y)], f.jacobian([x, y]))
    hess = sympy.lambdify([(x, y)], sympy.hessian(f[0], (x, y)))
    return scipy.optimize.minimize(fun, np.array([-1.2, 1.0]), jac=lambda v: np.ravel(jac(v)),
                                   hess=hess, method="Newton-CG")


CASES: list[tuple[str, Any, Any, Any]] = [
    ("taylor e^x sin y, order 2",
     lambda: nablab.taylor("e^x sin y", {"x": 0, "y": 0}, 2).polynomial, taylor_naive,
     lambda ours, theirs: sympy.expand(ours - theirs) == 0),
    ("taylor sqrt x at 4, order 3",
     lambda: nablab.taylor("sqrt x", {"x": 4}, 3).polynomial,
     lambda: sympy.series(sympy.sqrt(x), x, 4, 4).removeO(),
     lambda ours, theirs: sympy.expand(ours - theirs) == 0),
    ("implicit x² + xy + y² = 3",
     lambda: nablab.implicit("x^2 + xy + y^2 = 3", {"x": -1, "y": -1}).derivatives[0],
     lambda: sympy.idiff(x**2 + x * y + y**2 - 3, y, x),
     lambda ours, theirs: sympy.simplify(ours - theirs) == 0),
    ("chain z = x²y + y³, x = st, y = eᵗ",
     lambda: nablab.chain_rule("z = x^2 y + y^3", "x = s t, y = e^t", "t").derivatives[0].result,
     lambda: sympy.diff((s * t) ** 2 * sympy.exp(t) + sympy.exp(3 * t), t),
     lambda ours, theirs: sympy.simplify(ours - theirs) == 0),
    ("mixed f_xyz of x²y³z + sin(xy)",
     lambda: nablab.mixed_partial("x^2 y^3 z + sin(x y)", ["x", "y", "z"]).derivative,
     lambda: sympy.diff(x**2 * y**3 * z + sympy.sin(x * y), x, y, z),
     lambda ours, theirs: sympy.simplify(ours - theirs) == 0),
    ("limit x y/(x² + y²) at 0",
     lambda: nablab.limit_2d("x y/(x^2 + y^2)", {"x": 0, "y": 0}).exists,
     lambda: sympy.limit(sympy.limit(x * y / (x**2 + y**2), x, 0), y, 0),
     lambda ours, theirs: (ours is False, "SymPy's iterated limit says " + str(theirs))),
    ("Newton on Rosenbrock from (−1.2, 1)",
     lambda: nablab.descend("(1-x)^2 + 100(y-x^2)^2", (-1.2, 1), optimizer="damped_newton"),
     rosenbrock_scipy,
     lambda ours, theirs: (bool(np.allclose(ours.x, [1, 1], atol=1e-8)),
                           f"{ours.nit} steps, |θ − (1, 1)| = "
                           f"{np.hypot(*(ours.x - 1)):.1e}; SciPy {theirs.nit} iterations, "
                           f"{np.hypot(*(theirs.x - 1)):.1e}")),
]


def main() -> None:
    print(f"{'problem':38} {'nablab':>10} {'peer':>10} {'nablab/peer':>12}  agree")
    with within(Budget(600, None)):
        for name, ours, peer, agree in CASES:
            mine, theirs = ours(), peer()      # warm, and the answers compared
            verdict = agree(mine, theirs)
            ok, note = verdict if isinstance(verdict, tuple) else (bool(verdict), "")
            a, b = median_time(ours, REPEAT), median_time(peer, REPEAT)
            print(f"{name:38} {fmt(a):>10} {fmt(b):>10} {a / b:11.2f}×  "
                  f"{'yes' if ok else 'NO'} {note}")


if __name__ == "__main__":
    main()
