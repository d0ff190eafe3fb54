"""Every real solution of a polynomial system, exactly: Gröbner bases + real roots.

The method (Cox, Little, O'Shea, *Ideals, Varieties, and Algorithms*, ch. 3; *Using
Algebraic Geometry*, ch. 2):

1. Write the equations F₁ = … = Fₘ = 0 over ℚ (floats become the rationals they print as)
   and compute a reduced Gröbner basis G in the graded reverse lexicographic order (far
   cheaper than lex: a dense bivariate octic's ∇f takes 0.2 s instead of over 40 s).
   ``G = [1]``: no solution at all. G not zero-dimensional: the complex solutions form
   curves or surfaces, but the real ones need not: the lex basis is computed and the set
   split into components by factoring (:mod:`nablab.solve.components`), the
   zero-dimensional ones solved as below, and a positive-dimensional one proven to have no
   real point dropped. Only when one may have real points is the set reported infinite
   (with the lex basis, which describes it, and the open components), never looped over.
2. Zero-dimensional, *shape position* (the usual case): the eliminant h(xₙ), the generator
   of I ∩ ℚ[xₙ], of degree D = the number of complex solutions, comes from the
   multiplication matrix of xₙ on ℚ[x]/I (:mod:`nablab.solve._quotient`) by modular
   arithmetic, proven exactly (:mod:`nablab.solve._modular`). Every real root r of h is the
   last coordinate of exactly one real solution. A factor of h with exactly written roots
   (degree ≤ 2, binomials: :mod:`nablab.solve._factors`) is solved exactly through the lex
   basis of I + ⟨factor⟩; the other roots' solutions are polished to 50 digits from an
   eigenvector of the matrix (:mod:`nablab.solve._polish`). msolve, when installed, gives h
   and the guesses instead (:mod:`nablab.solve.msolve`); the results are the same.
3. Otherwise (not in shape position, or a polishing step fails) G is converted to the lex
   basis by FGLM, which contains g(xₙ); g is factored over ℚ, and for each factor h the
   basis of G + ⟨h⟩ is usually in shape position (xᵢ − pᵢ(xₙ)); else a rational (or
   quadratic) root is substituted exactly and the smaller system solved the same way;
   failing that, the remaining unknowns are back-substituted in 50-digit arithmetic.
4. Real roots of h: exact when deg h ≤ 2, else isolated exactly and refined to 50 digits
   (:mod:`nablab.solve._roots`). Every solution is verified: ``max|Fᵢ|`` at the 50-digit
   point must vanish to 30 digits, and the residual at the rounded float point is reported.

API (``from nablab.solve.polynomial import …``)::

    polynomial_system(equations, unknowns) -> list[sympy.Poly] | None
    solve_polynomial_system(equations, unknowns) -> SystemSolution   # method "groebner"

``equations`` are SymPy expressions (each ``= 0``), ``unknowns`` SymPy symbols; both are
trusted, code-built objects (parse user text with :func:`nablab.parse` first). The result is
``complete=True`` with status ``"finite"`` (every real solution listed, sorted), ``"none"``
or ``"infinite"`` (``solution_set`` holds G, ``solutions`` is empty). It is unbounded in time:
run it under :func:`nablab.budget.run_bounded`, as :func:`nablab.solve.solve_system` does.

>>> import sympy
>>> x, y = sympy.symbols("x y", real=True)
>>> result = solve_polynomial_system([2*x - y, x**2 + y**2 - 5], [x, y])
>>> [s.exact for s in result.solutions]
[(-1, -2), (1, 2)]
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import mpmath
import sympy

from nablab.solve import msolve
from nablab.solve._backsub import Partial, back_substitute
from nablab.solve._factors import factors
from nablab.solve._grevlex import grevlex_basis
from nablab.solve._modular import eliminant
from nablab.solve._polish import polish, residual
from nablab.solve._quotient import eigen_guesses, quotient
from nablab.solve._roots import DIGITS, RealRoot, real_roots, short_exact
from nablab.solve.components import split_components
from nablab.solve.result import FINITE, INFINITE, NONE, Solution, SystemSolution

#: A solution must satisfy the equations to this relative accuracy at its 50-digit value.
VERIFY = mpmath.mpf(10) ** -30
#: Standard monomials (complex solutions) at most for the dense linear algebra of the shape
#: route; larger systems go through FGLM.
MAX_DIMENSION = 400


def polynomial_system(equations: Sequence[Any], unknowns: Sequence[sympy.Symbol],
                      ) -> list[sympy.Poly] | None:
    """The equations as polynomials over ℚ in ``unknowns``, or ``None`` if they are not.

    Floats become the rationals they print as (``0.1`` → ``1/10``). Anything else that is
    not a rational number (``sqrt(2)``, ``pi``, ``sin x``, ``1/x``) makes it ``None``.
    """
    polys = []
    for equation in equations:
        expr = _as_expr(equation)
        floats = {f: sympy.Rational(str(f)) for f in expr.atoms(sympy.Float)}
        try:
            poly = sympy.Poly(expr.xreplace(floats), *unknowns)
        except sympy.PolynomialError:
            return None
        if not (poly.domain.is_ZZ or poly.domain.is_QQ):
            return None
        polys.append(poly)
    return polys


def _as_expr(value: Any) -> Any:
    if isinstance(value, sympy.Basic):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return sympy.Rational(str(value)) if isinstance(value, float) else sympy.Integer(value)
    raise TypeError(f"equations must be SymPy expressions, got {type(value).__name__}")


def solve_polynomial_system(equations: Sequence[Any], unknowns: Sequence[sympy.Symbol],
                            *, backend: str = "auto") -> SystemSolution:
    """All real solutions of a polynomial system, exact where short, verified.

    Args:
        equations: polynomial SymPy expressions (or ``Poly`` objects) Fᵢ, each meaning
            Fᵢ = 0, rational coefficients; any number of them.
        unknowns: the unknowns, in order (the last one is eliminated first).
        backend: ``"auto"`` (msolve when installed and the system is large enough for it
            to pay, else SymPy), ``"sympy"`` or ``"msolve"`` (:mod:`nablab.solve.msolve`);
            the result is the same.

    Returns:
        A complete :class:`SystemSolution` (method ``"groebner"``).

    Raises:
        ValueError: the equations are not polynomials with rational coefficients, or
            ``backend="msolve"`` and msolve is not installed.
    """
    unknowns = tuple(unknowns)
    names = tuple(str(u) for u in unknowns)
    polys = polynomial_system(equations, unknowns)
    if polys is None:
        raise ValueError("solve_polynomial_system needs polynomials with rational coefficients")
    nonzero = [p for p in polys if not p.is_zero]
    if not nonzero:
        return SystemSolution(names, (), INFINITE, True, "groebner", solution_set=())
    if _use_msolve(backend, nonzero):
        found = _by_msolve(nonzero, unknowns)
        if found is not None:
            status, partials = found
            return SystemSolution(names, _verified(partials, polys, unknowns), status, True,
                                  "groebner")
    # The reversed order: a Lagrange system's basis with λ last takes SymPy minutes, λ
    # first a second; for ∇f = 0 the two orders cost the same.
    gens = tuple(reversed(unknowns))
    grevlex = grevlex_basis(nonzero, gens)
    if list(grevlex.exprs) == [1]:
        return SystemSolution(names, (), NONE, True, "groebner")
    if grevlex.is_zero_dimensional:
        partials = _zero_dimensional(grevlex, gens, nonzero, unknowns)
        return SystemSolution(names, _verified(partials, polys, unknowns), FINITE, True,
                              "groebner")
    basis = sympy.groebner(nonzero, *unknowns, order="lex")
    pieces = split_components(list(basis.exprs), unknowns)
    partials = [p for piece in pieces.finite for p in _solve_triangular(list(piece), unknowns)]
    solutions = _verified(partials, polys, unknowns)
    if not pieces.open:
        # Complex solutions exist, but the real ones are finitely many (maybe none).
        return SystemSolution(names, solutions, FINITE, True, "groebner")
    return SystemSolution(names, solutions, INFINITE, True, "groebner",
                          solution_set=tuple(basis.exprs), components=pieces.open)


#: ``auto`` takes msolve from this Bézout bound (the product of the total degrees) on, or from
#: ``MSOLVE_FROM_BEZOUT_MANY`` with 4 unknowns or more. Below, starting msolve's process costs
#: more than SymPy's whole solve (``python bench/solve.py --crossover``: the hiking path's
#: Lagrange system takes 16 ms by SymPy, 56 ms by msolve).
MSOLVE_FROM_BEZOUT = 27
MSOLVE_FROM_BEZOUT_MANY = 16


def _use_msolve(backend: str, polys: Sequence[sympy.Poly]) -> bool:
    if backend not in ("auto", "sympy", "msolve"):
        raise ValueError(f"backend must be 'auto', 'sympy' or 'msolve', not {backend!r}")
    if backend == "msolve" and not msolve.available():
        raise ValueError("backend='msolve' needs msolve: pip install nablab[msolve]")
    if backend != "auto":
        return backend == "msolve"
    return msolve_pays(polys) and msolve.available()


def msolve_pays(polys: Sequence[sympy.Poly]) -> bool:
    """Whether a system is large enough for msolve to beat the SymPy route (see
    :data:`MSOLVE_FROM_BEZOUT`)."""
    bezout = math.prod(max(1, p.total_degree()) for p in polys)
    return bezout >= MSOLVE_FROM_BEZOUT or (
        len(polys[0].gens) >= 4 and bezout >= MSOLVE_FROM_BEZOUT_MANY)


def _by_msolve(polys: list[sympy.Poly], unknowns: tuple[sympy.Symbol, ...],
               ) -> tuple[str, list[Partial]] | None:
    """The solutions by msolve's eliminant and boxes, or ``None`` (positive-dimensional,
    not in shape position in the last unknown, msolve failed): the SymPy route then."""
    found = msolve.run(polys)
    if found is None or found.dimension > 0:
        return None
    if found.dimension < 0:
        return NONE, []
    if found.eliminant is None:
        return None
    h = sympy.Poly(list(reversed(found.eliminant)), unknowns[-1])
    boxes = found.boxes
    partials = from_eliminant(h, polys, unknowns, lambda roots: _box_guesses(boxes, roots),
                              lambda factor: lex_basis([*polys, factor.as_expr()], unknowns))
    return None if partials is None else (FINITE, partials)


def _box_guesses(boxes: tuple[tuple[tuple[Any, Any], ...], ...], roots: list[float],
                 ) -> list[tuple[Any, ...] | None]:
    """The midpoints of the box whose last interval is nearest each root."""
    if not boxes:
        return [None] * len(roots)
    middles = [tuple((lo + hi) / 2 for lo, hi in box) for box in boxes]
    return [min(middles, key=lambda m: abs(float(m[-1]) - r))[:-1] for r in roots]


def lex_basis(polys: Sequence[Any], unknowns: Sequence[sympy.Symbol]) -> list[Any]:
    """The reduced lex Gröbner basis, through grevlex and FGLM when it is zero-dimensional
    (several times faster than Buchberger's algorithm in lex order)."""
    grevlex = grevlex_basis(list(polys), unknowns)
    if list(grevlex.exprs) == [1]:
        return [sympy.Integer(1)]
    if grevlex.is_zero_dimensional:
        return list(grevlex.fglm("lex").exprs)
    return list(sympy.groebner(list(polys), *unknowns, order="lex").exprs)


def _zero_dimensional(grevlex: Any, gens: tuple[sympy.Symbol, ...], polys: list[sympy.Poly],
                      unknowns: tuple[sympy.Symbol, ...]) -> list[Partial]:
    """Every solution of a zero-dimensional system from its grevlex basis (in the order
    ``gens``): through the eliminant when in shape position (:mod:`nablab.solve._modular`),
    else by FGLM to lex."""
    q = quotient(grevlex.polys, gens, unknowns, MAX_DIMENSION)
    h = eliminant(q) if q is not None else None
    if q is not None and h is not None:
        base = list(grevlex.exprs)
        found = from_eliminant(sympy.Poly(list(reversed(h)), unknowns[-1]), polys, unknowns,
                               lambda roots: eigen_guesses(q, roots),
                               lambda factor: lex_basis([*base, factor.as_expr()], unknowns))
        if found is not None:
            return found
    return _solve_triangular(lex_basis(list(grevlex.exprs), unknowns), unknowns)


def from_eliminant(h: sympy.Poly, polys: list[sympy.Poly], unknowns: tuple[sympy.Symbol, ...],
                   guesses: Callable[[list[float]], list[tuple[Any, ...] | None]],
                   component: Callable[[sympy.Poly], list[Any]]) -> list[Partial] | None:
    """The solutions over the real roots of the eliminant h(xₙ), in shape position.

    A factor of h with exact roots (degree ≤ 2, binomials) is solved exactly through the lex
    basis of I + ⟨factor⟩ (``component``); the others by polishing ``guesses`` to 50 digits
    (:mod:`nablab.solve._polish`). ``None`` when a root is left without its solution (or a
    factor is repeated): the caller takes the general route.
    """
    last = unknowns[-1]
    out: list[Partial] = []
    for factor, multiplicity, roots in factors(h):
        if not roots:
            continue
        if len(unknowns) == 1:
            out += [{last: r} for r in roots]
        elif any(r.exact is not None for r in roots):
            out += _solve_component(component(factor), unknowns, roots)
        elif multiplicity > 1:
            return None
        else:
            for root, guess in zip(roots, guesses([float(r.value) for r in roots]),
                                   strict=True):
                point = None if guess is None else polish(polys, root.value, guess)
                if point is None:
                    return None
                out.append({u: RealRoot(v, None) for u, v in zip(unknowns, point[:-1],
                                                                   strict=False)}
                           | {last: root})
    return out


def _solve_triangular(basis: list[Any], unknowns: tuple[sympy.Symbol, ...]) -> list[Partial]:
    """Solutions of a zero-dimensional lex basis: ``{unknown: RealRoot}`` per solution."""
    last = unknowns[-1]
    g = next(e for e in reversed(basis) if e.free_symbols <= {last})
    # Already in shape position (Himmelblau's ∇f is): no basis per factor is needed.
    shape = _shape(basis, unknowns) if len(unknowns) > 1 else None
    out: list[Partial] = []
    for h, _ in sympy.Poly(g, last).factor_list()[1]:
        roots = real_roots(h)
        if not roots:
            continue
        if len(unknowns) == 1:
            out += [{last: r} for r in roots]
        elif shape is not None:
            reduced = {v: sympy.Poly(p, last).rem(h).as_expr() for v, p in shape.items()}
            out += [{last: r} | {v: _at(p, last, r) for v, p in reduced.items()} for r in roots]
        else:
            component = lex_basis([*basis, h.as_expr()], unknowns)
            out += _solve_component(component, unknowns, roots)
    return out


def _solve_component(component: list[Any], unknowns: tuple[sympy.Symbol, ...],
                     roots: list[RealRoot]) -> list[Partial]:
    """The solutions whose last coordinate is one of ``roots`` (the roots of one factor)."""
    last = unknowns[-1]
    shape = _shape(component, unknowns)
    out: list[Partial] = []
    for root in roots:
        if shape is not None:
            out.append({last: root} | {v: _at(p, last, root) for v, p in shape.items()})
            continue
        rest = _substituted(component, last, root)
        if rest is not None:
            out += [{**s, last: root} for s in _solve_rest(rest, unknowns[:-1])]
        else:
            out += back_substitute(component, unknowns, {last: root})
    return out


def _solve_rest(rest: list[Any], unknowns: tuple[sympy.Symbol, ...]) -> list[Partial]:
    basis = lex_basis(rest, unknowns)
    if basis == [1]:
        return []
    return _solve_triangular(basis, unknowns)


def _shape(component: list[Any], unknowns: tuple[sympy.Symbol, ...],
           ) -> dict[sympy.Symbol, Any] | None:
    """``{xᵢ: pᵢ(xₙ)}`` when the basis is ``{c·xᵢ − qᵢ(xₙ)} ∪ {h(xₙ)}``, else ``None``."""
    last = unknowns[-1]
    shape: dict[sympy.Symbol, Any] = {}
    for v in unknowns[:-1]:
        for e in component:
            if e.free_symbols <= {v, last} and v in e.free_symbols:
                poly = sympy.Poly(e, v)
                lead = poly.LC()
                if poly.degree() == 1 and lead.is_number:
                    shape[v] = -poly.nth(0) / lead
                    break
        else:
            return None
    return shape


def _substituted(component: list[Any], last: sympy.Symbol, root: RealRoot) -> list[Any] | None:
    """The basis with ``last`` replaced by an exact root, if it stays over ℚ; else ``None``."""
    if root.exact is None:
        return None
    rest = []
    for e in component:
        value = sympy.expand(e.subs(last, root.exact))
        if value == 0:
            continue
        others = tuple(sorted(value.free_symbols, key=str))
        if not others:
            return None
        poly = sympy.Poly(value, *others)
        if not (poly.domain.is_ZZ or poly.domain.is_QQ):
            return None
        rest.append(value)
    return rest


def _at(p: Any, last: sympy.Symbol, root: RealRoot) -> RealRoot:
    """pᵢ(r): exact (simplified) when r is exact, and to 50 digits always."""
    coeffs = sympy.Poly(p, last).all_coeffs()
    with mpmath.workdps(DIGITS + 10):
        value = mpmath.polyval([_mp(c) for c in coeffs], root.value)
    exact = None
    if root.exact is not None:
        exact = short_exact(sympy.radsimp(sympy.expand(p.subs(last, root.exact))))
    return RealRoot(value, exact)


def _mp(c: Any) -> Any:
    """A rational as an mpf at the current precision (call inside ``workdps``)."""
    c = sympy.Rational(c)
    return mpmath.mpf(int(c.p)) / int(c.q)


def _verified(partials: list[Partial], polys: list[sympy.Poly],
              unknowns: tuple[sympy.Symbol, ...]) -> tuple[Solution, ...]:
    """Solutions that satisfy every equation at 50 digits, deduplicated, sorted."""
    seen: dict[tuple[float, ...], Solution] = {}
    with mpmath.workdps(DIGITS + 10):
        terms = [[(m, _mp(c)) for m, c in p.terms()] for p in polys]
        for partial in partials:
            values = [partial[u].value for u in unknowns]
            scale = max(1, *(abs(v) for v in values))
            if _residual(terms, values) > VERIFY * _size(terms, scale):
                continue
            floats = tuple(float(v) for v in values)
            exact = tuple(partial[u].exact for u in unknowns)
            rounded = [mpmath.mpf(f) for f in floats]
            seen.setdefault(floats, Solution(floats, exact, float(_residual(terms, rounded))))
    return tuple(seen[k] for k in sorted(seen))


def _residual(terms: list[list[tuple[Any, Any]]], values: list[Any]) -> Any:
    return residual(terms, values)


def _size(terms: list[list[tuple[Any, Any]]], scale: Any) -> Any:
    """Σ|cₖ|·scale^deg: the size of the largest term, for a relative residual test."""
    return max((sum(abs(c) * scale ** sum(m) for m, c in t) for t in terms),
               default=mpmath.mpf(1))


__all__ = ["MSOLVE_FROM_BEZOUT", "MSOLVE_FROM_BEZOUT_MANY", "msolve_pays", "polynomial_system",
           "solve_polynomial_system"]
