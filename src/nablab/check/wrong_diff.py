"""A differentiator that can make one common slip: each rule with its wrong twin.

The catalogue of slips (:mod:`nablab.check.slips`) asks this differentiator for the derivative
of a function twice over: once to list the *sites*, every node of the expression tree where a
rule has a wrong twin that gives something else, and then once per site with that one rule
swapped for its twin at that one node (or at every node, for a slip made throughout), the rest
of the derivative done right. So a slip inside one term of a sum, one factor of a product or
one level of a nesting is found as the learner would make it.

The rules and their twins (u′, f′, g′ the derivatives of the parts):

- ``chain_inner``: (f(u))′ = f′(u)·u′ → f′(u) (also ``log_inner``: (ln u)′ = u′/u → 1/u);
- ``product_as_product``: (fg)′ = f′g + fg′ → f′g′; ``product_one_term``: → f′g or fg′;
- ``constant_product``: (c·f)′ = c·f′ → c·f′ + c·f (as if (c)′ = c, by the product rule);
- ``quotient_sign``, ``quotient_order``, ``quotient_square``, ``quotient_as_quotient``:
  (f/g)′ = (f′g − fg′)/g² → (f′g + fg′)/g², (fg′ − f′g)/g², (f′g − fg′)/g, f′/g′;
- ``reciprocal_sign``: (1/g)′ = −g′/g² → g′/g²;
- ``power_exponent_kept``: (uⁿ)′ = n·uⁿ⁻¹·u′ → n·uⁿ·u′;
- ``exp_power_rule``: (aᵘ)′ = aᵘ·ln a·u′ → u·aᵘ⁻¹·u′ (and eᵘ likewise);
- ``exp_log_missing``: (aᵘ)′ → aᵘ·u′ (ln a forgotten);
- ``trig_sign``: (sin u)′ = cos u·u′ → −cos u·u′, (cos u)′ = −sin u·u′ → sin u·u′;
- ``sigmoid_sign``, ``sigmoid_negated``: σ′ = σ(1 − σ) → σ(1 + σ), −σ(1 − σ)
  (for σ(u) and for 1/(1 + e⁻ᵘ) alike);
- ``constant_kept``: (f + c)′ = f′ → f′ + c;
- in a partial derivative by x, with y another variable: ``partial_not_constant``
  (∂y/∂x = 0 → 1), ``partial_term_kept`` (a term in y alone kept, not dropped) and
  ``partial_term_differentiated`` (a term in y alone differentiated by y).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from typing import Any

import sympy

from nablab.core.functions import sigmoid

#: Rules whose twin may be made at every site at once (a slip made throughout), and the
#: name of that slip: every inner derivative forgotten (in each term of a sum: nested, the
#: outermost slip already hides the inner ones); every other variable varied (the total
#: derivative).
EVERYWHERE = {"chain_inner": "chain_inner_all", "partial_not_constant": "partial_total"}


#: Rules tried after the others: where their slip gives the same answer as another's (1/g
#: inside a quotient: the quotient rule's sign), the other names it better.
LAST = ("reciprocal_sign", "constant_kept")


@dataclass(frozen=True)
class Site:
    """Where a rule's wrong twin differs: the rule and the node's number (pre-order)."""

    rule: str
    node: int
    variant: int = 0


@dataclass
class WrongDerivative:
    """d/dx of an expression with (optionally) one rule swapped for its twin.

    Attributes:
        x: the variable differentiated by.
        others: the other variables (held constant in a partial derivative).
        slip: the rule swapped; ``None`` for the right derivative (listing the sites).
        node: the node where it is swapped; ``None`` for every node.
        sites: the sites found (filled as :meth:`d` runs).
        params: what the first swapped node was (its part, the factor that differs, …).
    """

    x: sympy.Symbol
    others: tuple[sympy.Symbol, ...] = ()
    slip: str | None = None
    node: int | None = None
    variant: int = 0
    sites: list[Site] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)
    _count: int = 0
    _variants: dict[tuple[str, int], int] = field(default_factory=dict)

    def __call__(self, expr: Any) -> Any:
        self._count = 0
        self._variants.clear()
        return self.d(expr)

    # ------------------------------------------------------------------ the one switch
    def twin(self, rule: str, node: int, right: Any, wrong: Any, **params: Any) -> Any:
        """``right``, or ``wrong`` where this rule is swapped at this node (the rule's
        ``variant``-th twin there: a product's two one-term slips)."""
        variant = self._variants.get((rule, node), 0)
        self._variants[(rule, node)] = variant + 1
        if wrong is None or plainly_same(wrong, right):
            return right
        if self.slip is None:
            self.sites.append(Site(rule, node, variant))
            return right
        if rule != self.slip or (self.node is not None
                                 and (node, variant) != (self.node, self.variant)):
            return right
        if not self.params:
            self.params = {"part": params.pop("part"), "right_part": right,
                           "wrong_part": wrong, **params}
        return wrong

    # ------------------------------------------------------------------ the rules
    def d(self, e: Any) -> Any:
        node = self._count
        self._count += 1
        if e.is_Symbol:
            return self._symbol(e, node)
        if e.is_Atom:
            return sympy.S.Zero
        if e.is_Add:
            return self._add(e, node)
        if e.is_Mul:
            return self._mul(e, node)
        if e.is_Pow:
            return self._pow(e, node)
        if isinstance(e, sympy.Function) and len(e.args) == 1:
            return self._function(e, node)
        for a in e.args:  # keeps the numbering the same whatever is swapped
            self.d(a)
        return sympy.diff(e, self.x)

    def _symbol(self, e: Any, node: int) -> Any:
        if e == self.x:
            return sympy.S.One
        if e in self.others:
            return self.twin("partial_not_constant", node, sympy.S.Zero, sympy.S.One,
                             part=e, var=e)
        return sympy.S.Zero

    def _add(self, e: Any, node: int) -> Any:
        right = sympy.Add(*[self.d(a) for a in e.args])
        free = [a for a in e.args if not a.has(self.x)]
        numbers = [a for a in free if not a.free_symbols]
        if numbers:
            c = sympy.Add(*numbers)
            right = self.twin("constant_kept", node, right, right + c, part=c, term=c)
        for term in free:
            own = [v for v in term.free_symbols if v in self.others]
            if not own:
                continue
            right = self.twin("partial_term_kept", node, right, right + term, part=term,
                              term=term, var=own[0])
            if len(own) == 1:
                right = self.twin("partial_term_differentiated", node, right,
                                  right + sympy.diff(term, own[0]), part=term, term=term,
                                  var=own[0])
        return right

    def _mul(self, e: Any, node: int) -> Any:
        args = e.args
        ds = [self.d(a) for a in args]
        right = sympy.Add(*[ds[i] * sympy.Mul(*args[:i], *args[i + 1:])
                            for i in range(len(args))])
        depends = [i for i, a in enumerate(args) if a.has(self.x)]
        c = sympy.Mul(*[a for i, a in enumerate(args) if i not in depends])
        if len(depends) == 1 and c.is_number and c not in (1, -1):
            part = e / c
            return self.twin("constant_product", node, right, right + c * part, part=e,
                             term=c, f=part)
        if len(depends) < 2:
            return right
        below = [args[i] for i in depends if _negative_power(args[i])]
        if below:
            return self._quotient(e, node, right, c, depends, below)
        wrong = c * sympy.Mul(*[ds[i] for i in depends])
        parts = [args[i] for i in depends]
        f, g = parts[0], sympy.Mul(*parts[1:])
        right = self.twin("product_as_product", node, right, wrong, part=e / c, f=f, g=g)
        if len(parts) == 2:
            fp, gp = ds[depends[0]], ds[depends[1]]
            right = self.twin("product_one_term", node, right, c * fp * g, part=e / c, f=f,
                              g=g, term=f * gp)
            right = self.twin("product_one_term", node, right, c * f * gp, part=e / c, f=f,
                              g=g, term=fp * g)
        return right

    def _quotient(self, e: Any, node: int, right: Any, c: Any, depends: list[int],
                  below: list[Any]) -> Any:
        f = sympy.Mul(*[e.args[i] for i in depends if e.args[i] not in below])
        g = sympy.Mul(*[sympy.Pow(b.base, -b.exp) for b in below])
        fp, gp = sympy.diff(f, self.x), sympy.diff(g, self.x)
        twins = {
            "quotient_sign": (fp * g + f * gp) / g**2,
            "quotient_order": (f * gp - fp * g) / g**2,
            "quotient_square": (fp * g - f * gp) / g,
            "quotient_as_quotient": fp / gp if gp != 0 else None,
        }
        for rule, wrong in twins.items():
            right = self.twin(rule, node, right, None if wrong is None else c * wrong,
                              part=f / g, f=f, g=g)
        return right

    def _pow(self, e: Any, node: int) -> Any:
        b, n = e.args
        db, dn = self.d(b), self.d(n)
        if not n.has(self.x):
            right = n * b ** (n - 1) * db
            if n == -1 and b.has(self.x):
                right = self._reciprocal(e, node, right, b, db)
            if b.has(self.x) and n != 1:
                right = self.twin("power_exponent_kept", node, right, n * b**n * db,
                                  part=e, exponent=n)
            if db not in (0, 1):
                right = self.twin("chain_inner", node, right, n * b ** (n - 1), part=e,
                                  inner=b, factor=db)
            return right
        if not b.has(self.x):
            right = e * sympy.log(b) * dn
            right = self.twin("exp_power_rule", node, right, n * b ** (n - 1) * dn, part=e)
            if b != sympy.E:
                right = self.twin("exp_log_missing", node, right, e * dn, part=e,
                                  factor=sympy.log(b))
            if dn not in (0, 1):
                right = self.twin("chain_inner", node, right, e * sympy.log(b), part=e,
                                  inner=n, factor=dn)
            return right
        return e * (dn * sympy.log(b) + n * db / b)

    def _reciprocal(self, e: Any, node: int, right: Any, b: Any, db: Any) -> Any:
        right = self.twin("reciprocal_sign", node, right, db / b**2, part=e, g=b)
        u = _sigmoid_argument(b)
        if u is not None:
            right = self._sigmoid(e, node, right, sigmoid(u), u)
        return right

    def _sigmoid(self, e: Any, node: int, right: Any, s: Any, u: Any) -> Any:
        du = sympy.diff(u, self.x)
        right = self.twin("sigmoid_sign", node, right, s * (1 + s) * du, part=e)
        return self.twin("sigmoid_negated", node, right, -s * (1 - s) * du, part=e)

    def _function(self, e: Any, node: int) -> Any:
        u = e.args[0]
        du = self.d(u)
        t = sympy.Dummy("t")
        outer = sympy.diff(e.func(t), t).subs(t, u)
        right = outer * du
        if e.func in (sympy.sin, sympy.cos):
            right = self.twin("trig_sign", node, right, -outer * du, part=e)
        elif e.func == sympy.exp:
            right = self.twin("exp_power_rule", node, right, u * sympy.exp(u - 1) * du, part=e)
        elif e.func == sigmoid:
            right = self._sigmoid(e, node, right, e, u)
        if du not in (0, 1):
            rule = "log_inner" if e.func == sympy.log else "chain_inner"
            right = self.twin(rule, node, right, outer, part=e, inner=u, factor=du)
        return right


def _negative_power(a: Any) -> bool:
    return bool(a.is_Pow and a.exp.is_number and a.exp.is_negative)


def _sigmoid_argument(b: Any) -> Any:
    """u when ``b`` is 1 + e⁻ᵘ (so 1/b is σ(u)), else None."""
    if not b.is_Add or len(b.args) != 2 or sympy.S.One not in b.args:
        return None
    (rest,) = [a for a in b.args if a != 1]
    if rest.func == sympy.exp:
        return -rest.args[0]
    return None


def sample(name: str, k: int) -> float:
    """The value variable ``name`` takes at the ``k``-th sample point: fixed by the name
    alone, so two expressions with different variables still agree on the shared ones."""
    value = zlib.crc32(f"{name}:{k}".encode()) % 10007 / 10007 * 3 - 1.5  # in [−1.5, 1.5)
    return round(value + 0.3 if abs(value) < 0.1 else value, 6)


def at_samples(expr: Any, k: int) -> complex:
    """``expr`` evaluated at the ``k``-th sample point (:func:`sample`)."""
    subs = {v: sample(v.name, k) for v in expr.free_symbols}
    return complex(expr.evalf(15, subs=subs))


def plainly_same(a: Any, b: Any) -> bool:
    """Whether two derivatives are plainly the same: equal as written, or equal in value at
    two points (a cheap screen for duplicates, never a proof: the checker decides)."""
    if a == b:
        return True
    try:
        difference = a - b
        if difference == 0:
            return True
        return all(abs(at_samples(difference, k)) < 1e-9 for k in (0, 1))
    except (TypeError, ValueError, AttributeError, ArithmeticError, RecursionError):
        return False


def derivative_slips(expr: Any, x: sympy.Symbol, others: tuple[sympy.Symbol, ...] = (),
                     limit: int = 40) -> list[tuple[str, Any, dict[str, Any]]]:
    """Each slip's wrong derivative of ``expr`` by ``x``: ``(rule, wrong, params)``.

    One per site (a rule swapped at one node), then one per rule of :data:`EVERYWHERE` made at
    all its sites at once (named as :data:`EVERYWHERE` says); at most ``limit``.
    """
    lister = WrongDerivative(x, others)
    right = lister(expr)
    slips: list[tuple[str, Any, dict[str, Any]]] = []
    for site in sorted(lister.sites, key=lambda s: s.rule in LAST)[:limit]:
        swapped = WrongDerivative(x, others, site.rule, site.node, site.variant)
        slips.append((site.rule, swapped(expr), swapped.params))
    for rule, name in EVERYWHERE.items():
        if sum(s.rule == rule for s in lister.sites) < 2 or len(slips) >= limit:
            continue
        swapped = WrongDerivative(x, others, rule, None)
        wrong = swapped(expr)
        if not plainly_same(wrong, right):
            slips.append((name, wrong, {"part": expr, "right_part": right,
                                        "wrong_part": wrong}))
    return slips


__all__ = ["EVERYWHERE", "LAST", "Site", "WrongDerivative", "at_samples", "derivative_slips",
           "plainly_same", "sample"]
