r"""A compiled kernel in stages: arithmetic in LLVM, elementwise functions in NumPy.

A compiled loop over rows calls ``sin`` or ``exp`` from the C library one sample at a time,
about 5-20 ns each, holding the GIL; NumPy evaluates the same functions on a whole column,
with SIMD instructions where it has them, and releases the GIL, so that a second thread can
work on another chunk meanwhile. So for large blocks the per-sample program is cut at those
functions:

1. every application f(u) of ``tanh``, ``exp``, ``log``, ``sin``, … (the functions with a
   ``ufunc`` in :data:`nablab.core.catalog.CATALOG`) is replaced by a new column tₖ (inner
   ones first, so tₖ's argument may use earlier t's);
2. stage ℓ is an LLVM loop computing the arguments u of the functions at nesting level ℓ,
   then NumPy applies f to each column and stores it as tₖ;
3. the last LLVM loop computes the outputs from the inputs and the t columns.

tanh goes through NumPy's ``exp`` (:data:`THROUGH_EXP`): its column holds e^(−2u) and the
next loop finishes tanh u from it. The result is the same mathematics (NumPy's and the C
library's functions may differ in the last bit; tanh is within 2 ulp).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from nablab.core.catalog import CATALOG
from nablab.numeric.lambdify import llvm_lambdify
from nablab.numeric.tanh import tanh_from_exp


def ufunc_of(kind: str) -> Any:
    """The NumPy function applied to the columns of function ``kind`` (its SymEngine name,
    which is its catalog name; ``exp`` is SymEngine's E**u)."""
    row = CATALOG.named(kind)
    if row is None or row.ufunc is None:
        raise ValueError(f"{kind!r} has no NumPy function in the catalog")
    return getattr(np, row.ufunc)


#: Functions that one compiled loop evaluates faster than a stage on one thread:
#: :func:`nablab.numeric.tanh.tanh_expression` (one ``exp`` and arithmetic, ~9 ns) against
#: NumPy's ``tanh`` (~13 ns) plus a stage's copies, on two threads too (the stages'
#: copies cost more than the second thread's NumPy saves). A model whose only such functions
#: are these is never staged.
INLINE = frozenset({"tanh"})


#: Functions whose stage applies NumPy's ``exp`` to another argument, the next compiled loop
#: finishing them: tanh u from e^(−2u) (:func:`nablab.numeric.tanh.tanh_from_exp`). NumPy's
#: tanh costs ~13 ns, its exp ~5 ns, the rest is a few operations in the loop.
THROUGH_EXP = frozenset({"tanh"})


def _staged(name: str) -> bool:
    row = CATALOG.named(name)
    return row is not None and row.ufunc is not None


def is_quiet(kind: str) -> bool:
    """Whether NumPy's function ``kind`` never warns (no overflow or invalid value, even at
    ±inf), so no ``errstate`` is needed around it."""
    row = CATALOG.named(kind)
    return row is not None and row.quiet


def llvm(args: Sequence[Any], outputs: Sequence[Any]) -> Any:
    """SymEngine's LLVM ``Lambdify`` (arguments renamed so CSE temporaries cannot shadow them).

    Fully optimised (``opt_level=3``): a training kernel is compiled once and called many
    times on blocks of rows. A tanh left in ``outputs`` is the C library's (~20 ns): write it
    out first with :func:`~nablab.numeric.tanh.replace_tanh`.
    """
    return llvm_lambdify(args, outputs, opt_level=3)


def _kind(node: Any) -> str | None:
    import symengine

    if isinstance(node, symengine.Pow):
        return "exp" if node.args[0] == symengine.E else None
    name = type(node).__name__
    return name if _staged(name) else None


@dataclass(frozen=True)
class Hoisted:
    """One function application moved out: t = f(u), at nesting ``level`` (1 = innermost)."""

    symbol: Any
    kind: str
    argument: Any
    level: int


def hoist(outputs: Sequence[Any]) -> tuple[list[Hoisted], list[Any]]:
    """Replace each NumPy-able f(u) in ``outputs`` by a symbol, innermost first.

    Returns:
        The hoisted applications (grouped by level, then kind) and the rewritten outputs.
    """
    import symengine

    found: set[Any] = set()
    for output in outputs:
        found |= {a for a in output.atoms(symengine.Function, symengine.Pow) if _kind(a)}
    mapping: dict[Any, Any] = {}
    levels: dict[Any, int] = {}
    hoisted: list[Hoisted] = []
    for k, node in enumerate(sorted(found, key=lambda a: (len(str(a)), str(a)))):
        argument = node.args[-1].xreplace(mapping) if mapping else node.args[-1]
        level = 1 + max((levels[s] for s in argument.free_symbols if s in levels), default=0)
        symbol = symengine.Symbol(f"_nablab_t{k}")
        mapping[node] = symbol
        levels[symbol] = level
        hoisted.append(Hoisted(symbol, str(_kind(node)), argument, level))
    hoisted.sort(key=lambda h: (h.level, h.kind))
    return hoisted, [o.xreplace(mapping) if mapping else o for o in outputs]


def through_exp(hoisted: Sequence[Hoisted],
                outputs: Sequence[Any]) -> tuple[list[Hoisted], list[Any]]:
    """:func:`hoist`'s result with each :data:`THROUGH_EXP` column t = tanh(u) made a column
    of e^(−2u): its argument becomes −2u, and tanh u is written out from u and the column in
    the expressions that use t (later stages' arguments, the outputs), inner ones first."""
    mapping: dict[Any, Any] = {}
    out: list[Hoisted] = []
    for h in hoisted:   # by level: the t's an argument uses are mapped already
        argument = h.argument.xreplace(mapping) if mapping else h.argument
        if h.kind in THROUGH_EXP:
            mapping[h.symbol] = tanh_from_exp(argument, h.symbol)
            argument = -2 * argument
        out.append(Hoisted(h.symbol, h.kind, argument, h.level))
    return out, [o.xreplace(mapping) if mapping else o for o in outputs]


class Stage:
    """One level: an LLVM loop for the arguments, then NumPy functions into columns.

    Args:
        code: the LLVM loop computing this level's arguments u from a row.
        first: the row's column of the first t of this level.
        kinds: ``(function, start, stop)``: which of the outputs each function is applied to.
    """

    def __init__(self, code: Any, first: int, kinds: Sequence[tuple[str, int, int]]) -> None:
        self.code, self.first = code, first
        self.width = kinds[-1][2]
        applied = [("exp" if kind in THROUGH_EXP else kind, start, stop)
                   for kind, start, stop in kinds]
        self.parts = [(ufunc_of(kind), slice(start, stop)) for kind, start, stop in applied]
        self.quiet = all(is_quiet(kind) for kind, _, _ in applied)
        self._out: dict[tuple[int, int], np.ndarray] = {}

    def run(self, rows: np.ndarray, n: int, lane: int = 0) -> None:
        """Compute this level's t columns of ``rows`` (C-contiguous, shape (n, width)), in the
        scratch array of thread ``lane``."""
        out = self._out.get((n, lane))
        if out is None:
            if len(self._out) > 8:
                self._out.clear()
            out = self._out[(n, lane)] = np.empty((n, self.width))
        self.code.unsafe_eval(rows.ravel(), out.ravel(), n)
        # straight into the block's t columns: no second pass to copy them there
        first = self.first
        if self.quiet:
            for ufunc, part in self.parts:
                ufunc(out[:, part], out=rows[:, first + part.start: first + part.stop])
        else:
            with np.errstate(all="ignore"):
                for ufunc, part in self.parts:
                    ufunc(out[:, part], out=rows[:, first + part.start: first + part.stop])


def stages(args: Sequence[Any], hoisted: Sequence[Hoisted], first: int) -> list[Stage]:
    """The LLVM loops of each level; the t columns start at column ``first`` of a row."""
    out: list[Stage] = []
    column = first
    for level in sorted({h.level for h in hoisted}):
        members = [h for h in hoisted if h.level == level]
        kinds, start = [], 0
        for kind in dict.fromkeys(h.kind for h in members):
            count = sum(1 for h in members if h.kind == kind)
            kinds.append((kind, start, start + count))
            start += count
        code = llvm(args, [h.argument for h in members])
        out.append(Stage(code, column, tuple(kinds)))
        column += len(members)
    return out


__all__ = ["INLINE", "THROUGH_EXP", "Hoisted", "Stage", "hoist", "is_quiet", "llvm", "stages",
           "through_exp", "ufunc_of"]
