"""The problem as the solvers see it: f, the constraints gᵢ op kᵢ, the multipliers λᵢ.

A constraint is typed as a relation (``2(x-1)^2 - 10y + 6 = 0``, ``x^2 + y^2 <= 1``) and read
by :func:`nablab.parse_relation`. It is split into the constraint function gᵢ and its level
kᵢ: when one side is a constant it is kᵢ and the other side gᵢ (``x^2 + y^2 = 1``: g = x² + y²,
k = 1); otherwise gᵢ = lhs − rhs and kᵢ = 0. The level matters for the meaning of λᵢ:
λᵢ = ∂f*/∂kᵢ, the rate at which the optimal value changes when the level moves.

The Lagrangian is L = f − Σ λᵢ (gᵢ − kᵢ); its stationary points solve

    ∇f = Σ λᵢ ∇gᵢ,   gᵢ = kᵢ   (for the equalities and the active inequalities).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import sympy

from nablab.core.catalog import kinks
from nablab.core.expression import Expression, exact_value, ordered_symbols
from nablab.errors import ParseError, UnsupportedError
from nablab.parse import Relation, parse, parse_relations, parse_values

#: Constraints accepted at most, and inequalities among them (2^p active sets are tried).
MAX_CONSTRAINTS = 8
MAX_INEQUALITIES = 6
#: Variables accepted at most.
MAX_VARIABLES = 8

EQUALITY, INEQUALITY = "equality", "inequality"
_FLIP = {"<=": ">=", ">=": "<=", "=": "="}
_MULTIPLIER_NAMES = ("lambda", "mu", "nu", "kappa")
#: Kinks that keep a function continuous (their points are candidates, not refused).
_CONTINUOUS_KINKS = frozenset({"|·|", "relu", "max", "min"})


@dataclass(frozen=True)
class Constraint:
    """One constraint gᵢ(x) op kᵢ.

    Attributes:
        relation: the relation as typed (its ``source``, ``lhs``, ``op``, ``rhs``).
        g: the constraint function gᵢ (SymPy).
        k: the level kᵢ (a SymPy number).
        op: ``"="``, ``"<="`` or ``">="`` (read as ``g op k``).
        multiplier: the symbol of λᵢ.
    """

    relation: Relation
    g: Any
    k: Any
    op: str
    multiplier: sympy.Symbol

    @property
    def kind(self) -> str:
        """``"equality"`` or ``"inequality"``."""
        return EQUALITY if self.op == "=" else INEQUALITY

    @property
    def residual(self) -> Any:
        """gᵢ − kᵢ (zero on the constraint's boundary)."""
        return self.g - self.k

    @property
    def side(self) -> int:
        """s with s·(g − k) ≤ 0 on the feasible side: +1 for ``<=``, −1 for ``>=``, 0 for ``=``."""
        return {"=": 0, "<=": 1, ">=": -1}[self.op]


@dataclass(frozen=True)
class Problem:
    """Optimise f on {x : gᵢ(x) op kᵢ}.

    Attributes:
        objective: f.
        variables: the variables, f's first (in its order), then the constraints' others.
        constraints: the constraints, in the order given.
    """

    objective: Expression
    variables: tuple[sympy.Symbol, ...]
    constraints: tuple[Constraint, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(v.name for v in self.variables)

    @property
    def multipliers(self) -> tuple[sympy.Symbol, ...]:
        return tuple(c.multiplier for c in self.constraints)

    @property
    def equalities(self) -> tuple[int, ...]:
        return tuple(i for i, c in enumerate(self.constraints) if c.kind == EQUALITY)

    @property
    def inequalities(self) -> tuple[int, ...]:
        return tuple(i for i, c in enumerate(self.constraints) if c.kind == INEQUALITY)

    def gradient(self, expr: Any) -> list[Any]:
        """∇expr in the problem's variables."""
        return [sympy.diff(expr, v) for v in self.variables]

    def lagrangian(self, active: Sequence[int] | None = None) -> Any:
        """L = f − Σ λᵢ (gᵢ − kᵢ) over ``active`` constraints (default: all)."""
        chosen = range(len(self.constraints)) if active is None else active
        return self.objective.expr - sum(
            (self.constraints[i].multiplier * self.constraints[i].residual for i in chosen),
            sympy.Integer(0))


ConstraintLike = str | Relation


def build_problem(f: Expression | str, constraints: ConstraintLike | Sequence[ConstraintLike],
                  variables: Sequence[str] | None = None,
                  given: str | Mapping[str, Any] | None = None) -> Problem:
    """Read f and the constraints (each parsed once, never evaluated) into a :class:`Problem`;
    ``given`` (``"a=2,k=pi"`` or ``{"a": 2}``) puts exact values in for named constants.

    Raises:
        ParseError: f or a constraint cannot be read.
        UnsupportedError: a strict inequality, a constraint without variables, too many
            constraints, a vector f, a jump (sign, H, floor, ceiling), or names left as
            parameters. Kinks (|x|, max, relu …) are accepted: :mod:`nablab.constrained.kinks`
            splits the problem into pieces.
    """
    objective = parse(f, variables)
    objective.require_numeric("lagrange")
    if objective.is_vector:
        raise UnsupportedError("vector_function", operation="lagrange")
    _continuous(objective.expr, "f")
    relations = [r for c in _as_list(constraints) for r in _read(c, variables)]
    if given is not None:
        objective, relations = _given(objective, relations, given)
    relations = [_relation(r) for r in relations]
    if not relations:
        raise UnsupportedError("no_constraints")
    if len(relations) > MAX_CONSTRAINTS or sum(r.op != "=" for r in relations) > MAX_INEQUALITIES:
        raise UnsupportedError("too_many_constraints", limit=MAX_CONSTRAINTS,
                               inequalities=MAX_INEQUALITIES)
    symbols = _variables(objective, relations, variables)
    names = _multiplier_names(len(relations), {s.name for s in symbols})
    built = tuple(_constraint(r, symbols, sympy.Symbol(n, real=True))
                  for r, n in zip(relations, names, strict=True))
    return Problem(objective, symbols, built)


def _given(objective: Expression, relations: list[Relation],
           given: str | Mapping[str, Any]) -> tuple[Expression, list[Relation]]:
    """f and the constraints with the named constants replaced by their exact values.

    Raises:
        ParseError: ``bad_given``, or ``unknown_variable`` for a name in neither f nor a
            constraint.
    """
    symbols = {s.name: s for e in (objective.expr, *(r.lhs - r.rhs for r in relations))
               for s in e.free_symbols}
    if isinstance(given, str):
        values = parse_values(given, tuple(symbols)) if given.strip() else {}
    else:
        values = {n: exact_value(v) for n, v in given.items()}
    unknown = [n for n in values if n not in symbols]
    if unknown:
        raise ParseError("unknown_variable", source=unknown[0], name=unknown[0],
                         variables=", ".join(sorted(symbols)) or "-")
    table = {symbols[n]: v for n, v in values.items()}
    objective = objective.given({n: v for n, v in values.items()
                                 if symbols[n] in objective.expr.free_symbols})
    return objective, [replace(r, lhs=r.lhs.xreplace(table), rhs=r.rhs.xreplace(table),
                               variables=tuple(v for v in r.variables if v.name not in values),
                               typed=None) for r in relations]


def _as_list(constraints: ConstraintLike | Sequence[ConstraintLike]) -> list[ConstraintLike]:
    if isinstance(constraints, (str, Relation)):
        return [constraints]
    return list(constraints)


def _read(item: ConstraintLike, variables: Sequence[str] | None) -> tuple[Relation, ...]:
    """One constraint as typed; a chain ``1 <= x <= 4`` is two."""
    if isinstance(item, Relation):
        return (item,)
    if not isinstance(item, str):
        raise TypeError("constraints are text like 'x^2 + y^2 = 1' or Relation objects")
    return parse_relations(item, variables)


def _relation(relation: Relation) -> Relation:
    if relation.op in ("<", ">"):
        raise UnsupportedError("strict_inequality", source=relation.source,
                               op=relation.op, closed="<=" if relation.op == "<" else ">=")
    if not relation.variables:
        raise UnsupportedError("constant_constraint", source=relation.source)
    Expression.from_sympy(relation.lhs - relation.rhs).require_concrete("lagrange")
    _continuous(relation.lhs - relation.rhs, relation.source)
    return relation


def _continuous(expr: Any, where: str) -> None:
    """Refuse jumps (sign, H, floor, ceiling): f or gᵢ is not continuous there, and neither
    Lagrange's condition nor comparing candidates finds an extremum. Kinks are continuous:
    the points where ∇f or ∇gᵢ does not exist are candidates (:mod:`nablab.constrained.kinks`)."""
    found = [k for k in kinks(expr) if k not in _CONTINUOUS_KINKS]
    if found:
        raise UnsupportedError("not_continuous", where=where, functions=", ".join(found))


def _variables(objective: Expression, relations: Sequence[Relation],
               declared: Sequence[str] | None) -> tuple[sympy.Symbol, ...]:
    free: set[sympy.Symbol] = set(objective.expr.free_symbols)
    for r in relations:
        free |= r.lhs.free_symbols | r.rhs.free_symbols
    first = list(objective.variables)
    if declared is not None:
        known = {v.name for v in first} | {v.name for r in relations for v in r.variables}
        loose = sorted(s.name for s in free if s.name not in known)
        if loose:
            raise UnsupportedError("unbound_parameters", names=", ".join(loose))
    rest = ordered_symbols(s for s in free if s.name not in {v.name for v in first})
    symbols = tuple(first) + rest
    if not symbols:
        raise UnsupportedError("constant_function")
    if len(symbols) > MAX_VARIABLES:
        raise UnsupportedError("too_many_variables", limit=MAX_VARIABLES)
    return symbols


def _multiplier_names(count: int, taken: set[str]) -> list[str]:
    for base in _MULTIPLIER_NAMES:
        names = [base] if count == 1 else [f"{base}{i + 1}" for i in range(count)]
        if not taken & set(names):
            return names
    return [f"lambda_{i + 1}x" for i in range(count)]  # every Greek name taken: unreachable


def _constraint(relation: Relation, symbols: tuple[sympy.Symbol, ...],
                multiplier: sympy.Symbol) -> Constraint:
    """Split ``lhs op rhs`` into g op k, the constant side being k."""
    by_name = {s.name: s for s in symbols}
    rename = {s: by_name[s.name] for s in relation.lhs.free_symbols | relation.rhs.free_symbols}
    lhs, rhs = relation.lhs.xreplace(rename), relation.rhs.xreplace(rename)
    if not rhs.free_symbols:
        return Constraint(relation, lhs, rhs, relation.op, multiplier)
    if not lhs.free_symbols:
        return Constraint(relation, rhs, lhs, _FLIP[relation.op], multiplier)
    return Constraint(relation, lhs - rhs, sympy.Integer(0), relation.op, multiplier)


__all__ = ["EQUALITY", "INEQUALITY", "MAX_CONSTRAINTS", "MAX_INEQUALITIES", "MAX_VARIABLES",
           "Constraint", "ConstraintLike", "Problem", "build_problem"]
