r"""ℓ and ∂ℓ/∂θ of every sample, compiled once and evaluated on a whole block of rows at once.

The per-sample expressions [ℓ, ∂ℓ/∂θ₁, …, ∂ℓ/∂θ_P] are functions of the parameters, the
inputs and the target. They are compiled by SymEngine's LLVM ``Lambdify`` (common
subexpressions shared, so the factor ∂ℓ/∂ŷ is computed once per sample), which loops over the
rows of a block in machine code; the loss and the gradient of the block are the column means:

    L = (1/n) Σₙ ℓₙ,    ∂L/∂θᵢ = (1/n) Σₙ ∂ℓₙ/∂θᵢ.

A block is a float array with one row per sample, laid out ``[θ₁ … θ_P | x₁ … x_k | y | t…]``:
the data columns are written once, the parameters are copied into every row before each
evaluation, and the t columns are scratch space for large blocks, whose ``exp``/``sin``/…
NumPy evaluates a column at a time (:mod:`nablab.network.staged`). tanh is compiled into the
loop (:mod:`nablab.numeric.tanh`), which is faster than any stage. Blocks of more than
:data:`CHUNK` rows are cut into chunks; staged chunks are shared by two threads (NumPy's
functions release the GIL, SymEngine's loops do not), and a training loop shares a large
block with a second process (:mod:`nablab.network.halves`). Where SymEngine cannot compile a
derivative (the step function of ``relu``), the same expressions go through
``sympy.lambdify`` as NumPy code on the columns instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from nablab.core.catalog import expand_named
from nablab.core.functions import sigmoid
from nablab.network.data import Dataset
from nablab.network.model import Model
from nablab.network.staged import INLINE, Stage, hoist, llvm, stages, through_exp
from nablab.numeric.lambdify import numpy_lambdify
from nablab.numeric.parallel import each, split
from nablab.numeric.tanh import replace_tanh

#: A block takes the staged path when rows × (functions per row) reaches this (measured with
#: bench/network.py's 2-8-1 tanh network, 8 per row, when its tanh was the C library's: staged
#: was faster from about 80 rows; below, its extra LLVM call and copies cost more than NumPy's
#: faster functions save). Models whose only such functions are tanh (compiled inline,
#: :data:`~nablab.network.staged.INLINE`) have no stages: at 10,000 and 100,000 rows one
#: thread's one-piece loop is 10–20% faster than two threads' stages.
STAGED_CALLS = 640

#: Larger blocks are evaluated at most this many rows at a time, so that a chunk's inputs,
#: scratch columns and per-sample partials stay in the cache (bench/network.py: at 100,000
#: rows the whole-block evaluation is memory-bound and twice as slow).
CHUNK = 2048

#: What a training loop evaluates: ``(θ, rows) -> (L, ∇L)`` over a block of rows (a
#: :class:`Kernel`, or a layered network's backprop).
Evaluate = Callable[[np.ndarray, np.ndarray], tuple[float, np.ndarray]]


def chunks(n: int) -> list[tuple[int, int]]:
    """The (start, stop) rows of the chunks of an n-row block (:func:`~nablab.numeric.parallel.
    split` at :data:`CHUNK`): an even number, of equal size ±1, fixed by n alone."""
    return split(n, CHUNK)


def combine(bounds: list[tuple[int, int]], parts: np.ndarray, n: int) -> np.ndarray:
    """The means over n rows from the means ``parts`` of its chunks ``bounds``: weighted and
    added in chunk order (so the same, to the bit, whoever evaluated which chunk)."""
    means = np.zeros(parts.shape[1])
    for (start, stop), part in zip(bounds, parts, strict=True):
        means += ((stop - start) / n) * part
    return means


def block(model: Model, data: Dataset, extra: int = 0) -> np.ndarray:
    """The rows ``[θ (zeros) | inputs | target | extra zeros]`` of ``data`` for ``model``."""
    p = len(model.parameters)
    rows = np.zeros((data.rows, p + len(model.inputs) + 1 + extra))
    for index, (_, column) in enumerate(model.inputs):
        rows[:, p + index] = data.column(column)
    rows[:, p + len(model.inputs)] = data.column(model.target[1])
    return rows


class Kernel:
    """The compiled per-sample loss and gradient of one model.

    Args:
        model: the bound model.

    Attributes:
        backend: ``"llvm"`` (SymEngine) or ``"numpy"`` (SymPy's lambdify).
        width: the columns of a block (:meth:`block` makes one).
    """

    def __init__(self, model: Model) -> None:
        self.model = model
        self.p = len(model.parameters)
        self._buffers: dict[tuple[int, int], tuple[np.ndarray, np.ndarray]] = {}
        compiled = _llvm(model)
        self.backend = "numpy" if compiled is None else "llvm"
        self._numpy = _numpy(model) if compiled is None else None
        self._single: Any = None
        self._final: Any = None
        self._stages: list[Stage] = []
        self._staging: Callable[[], tuple[list[Stage], Any]] | None = None
        self.width = self.p + len(model.inputs) + 1
        self._grouping: Callable[[int], Any] | None = None
        self._groups: dict[int, Any] = {}
        if compiled is not None:
            self._single, self._staging, self.width, self._grouping = compiled
        self._functions = self.width - self.p - len(model.inputs) - 1

    def block(self, data: Dataset) -> np.ndarray:
        """The block of ``data`` this kernel evaluates (with its scratch columns)."""
        return block(self.model, data, self.width - self.p - len(self.model.inputs) - 1)

    def __call__(self, theta: np.ndarray, rows: np.ndarray) -> tuple[float, np.ndarray]:
        """L and ∇L over ``rows`` at θ (``rows`` is a block; its θ columns are overwritten).

        Returns:
            The mean loss and the mean gradient, shape (P,); ``inf``/``nan`` where they overflow.
        """
        n = rows.shape[0]
        if rows.dtype != np.float64 or rows.ndim != 2 or rows.shape[1] != self.width \
                or not rows.flags.c_contiguous:
            raise ValueError(f"rows must be a C-contiguous float block of shape (n, {self.width})")
        if self._single is not None:
            staged = self.staged_for(n)
            means = self._means(theta, rows, n, 0, staged) if n <= CHUNK else \
                self._chunked(theta, rows, staged)
            return float(means[0]), means[1:]
        rows[:, : self.p] = theta
        assert self._numpy is not None
        with np.errstate(all="ignore"):
            values = self._numpy(*theta, *rows[:, self.p: self.width].T)
            means = np.array([np.mean(v) for v in values], dtype=float)
        return float(means[0]), means[1:]

    def staged(self, n: int) -> bool:
        """Whether a block of ``n`` rows goes the staged way (else the one-piece loop)."""
        return self._staging is not None and n * self._functions >= STAGED_CALLS

    def _compile_stages(self) -> bool:
        """Compile the staged loops on first use (most blocks never need them: compiling
        them too would double the build time); ``False`` if SymEngine cannot."""
        if self._final is None and self._staging is not None:
            try:
                self._stages, self._final = self._staging()
            except (RuntimeError, TypeError, ValueError, NotImplementedError):
                self._staging = None
        return self._final is not None

    def _chunked(self, theta: np.ndarray, rows: np.ndarray, staged: bool) -> np.ndarray:
        """[L, ∂L/∂θ…] of a large block: the means of its :func:`chunks` (cache-sized: 2× faster
        at 100,000 rows), weighted and added in chunk order. Staged chunks are evaluated on two
        threads (:func:`~nablab.numeric.parallel.each`); the one-piece loop holds the GIL, so a
        second thread would only wait for it."""
        n = rows.shape[0]
        bounds = chunks(n)
        parts = np.empty((len(bounds), self.p + 1))

        def chunk(index: int, lane: int) -> None:
            parts[index] = self.chunk_means(theta, rows, bounds[index], staged, lane)

        if staged:
            each(chunk, len(bounds))
        else:
            for index in range(len(bounds)):
                chunk(index, 0)
        return combine(bounds, parts, n)

    def grouped(self, k: int) -> Any | None:
        """SymEngine's loop over groups of ``k`` rows, compiled on first use: each group is
        one input row ``[θ | row 1's data | … | row k's data]`` and one output row, the sums
        of the k rows' [ℓ, ∂ℓ/∂θ…], so θ is written once per group and the outputs are k
        times fewer (bench/training_rows.py: 15–20% faster per row at k = 2–4). ``None``
        for staged models and where SymEngine cannot compile it."""
        if self._grouping is None:
            return None
        if k not in self._groups:
            try:
                self._groups[k] = self._grouping(k)
            except (RuntimeError, TypeError, ValueError, NotImplementedError):
                self._grouping = None
                return None
        return self._groups[k]

    def staged_for(self, n: int) -> bool:
        """Whether the chunks of an ``n``-row block go the staged way (compiling the stages
        on first use)."""
        return self.staged(n) and self._compile_stages()

    def chunk_means(self, theta: np.ndarray, rows: np.ndarray, bounds: tuple[int, int],
                    staged: bool, lane: int = 0) -> np.ndarray:
        """[L, ∂L/∂θ…] over the rows ``start:stop`` of a block (``bounds``: one of its
        :func:`chunks`), with the scratch arrays of thread ``lane``."""
        start, stop = bounds
        return self._means(theta, rows[start: stop], stop - start, lane, staged)

    def _means(self, theta: np.ndarray, rows: np.ndarray, n: int, lane: int,
               staged: bool) -> np.ndarray:
        """[L, ∂L/∂θ…] over the ``n`` rows of a block, by the compiled loops (in one piece or
        in stages), with the scratch arrays of thread ``lane``."""
        rows[:, : self.p] = theta
        out, weights = self._buffer(n, lane)
        # The loops over rows run in machine code; unsafe_eval skips __call__'s
        # broadcasting (3 µs of a 10-row step): the shapes were checked by the caller.
        code = self._single
        if staged:
            for stage in self._stages:
                stage.run(rows, n, lane)
            code = self._final
        code.unsafe_eval(rows.ravel(), out.ravel(), n)
        means: np.ndarray = np.dot(weights, out)
        return means

    def _buffer(self, n: int, lane: int) -> tuple[np.ndarray, np.ndarray]:
        """Thread ``lane``'s output block for ``n`` rows and the weights 1/n that average it."""
        key = (n, lane)
        found = self._buffers.get(key)
        if found is None:
            if len(self._buffers) > 8:
                self._buffers.clear()
            found = self._buffers[key] = (np.empty((n, self.p + 1)), np.full(n, 1.0 / n))
        return found


def _arguments(model: Model) -> list[Any]:
    return [*model.parameters, *(s for s, _ in model.inputs), model.target[0]]


def _symengine(expr: Any) -> Any:
    """``expr`` in SymEngine, σ(a) written as (1 + tanh(a/2))/2.

    That form and its derivative (1 − tanh²(a/2))/4 never overflow; SymPy's exp form
    e^(−a)/(1 + e^(−a))² is ∞/∞ for a < −709.
    """
    import symengine
    import sympy

    written = expr.replace(sigmoid, lambda a: (1 + sympy.tanh(a / 2)) / 2)
    return symengine.sympify(expand_named(written))  # safe: a SymPy object, not text


def _llvm(model: Model) -> tuple[Any, Callable[[], tuple[list[Stage], Any]] | None, int,
                                 Callable[[int], Any] | None] | None:
    """SymEngine's LLVM loop of [ℓ, ∂ℓ/∂θ…] in one piece; a function compiling the loops in
    stages (when there are functions to move to NumPy, other than the
    :data:`~nablab.network.staged.INLINE` ones alone); the block width; else (no stages) a
    function compiling the loop over groups of k rows (:meth:`Kernel.grouped`). ``None`` if
    SymEngine cannot compile it."""
    import symengine

    inner = _symengine(model.inner)
    gradient = [inner.diff(symengine.Symbol(s.name)) for s in model.parameters]
    if any(g.atoms(symengine.Derivative) or g.atoms(symengine.Subs) for g in gradient):
        return None
    loss, outer = _symengine(model.stable_loss()), _symengine(model.outer)
    outputs = [loss, *(outer * g for g in gradient)]
    args = [symengine.Symbol(s.name) for s in _arguments(model)]
    hoisted, rewritten = through_exp(*hoist(outputs))
    if all(h.kind in INLINE for h in hoisted):
        hoisted = []
    every = [*args, *(h.symbol for h in hoisted)]
    written = replace_tanh(outputs)
    try:
        single = llvm(every, written)
    except (RuntimeError, TypeError, ValueError, NotImplementedError):
        return None
    if not hoisted:
        p = len(model.parameters)

        def grouping(k: int) -> Any:
            data = args[p:]
            copies = [[symengine.Symbol(f"_nablab_g{j}_{i}") for i in range(len(data))]
                      for j in range(k)]
            sums = [sum((o.xreplace(dict(zip(data, c, strict=True))) for c in copies),
                        symengine.Integer(0)) for o in written]
            return llvm([*args[:p], *(s for c in copies for s in c)], sums)

        return single, None, len(every), grouping

    def staging() -> tuple[list[Stage], Any]:
        return stages(every, hoisted, len(args)), llvm(every, rewritten)

    return single, staging, len(every), None


def _numpy(model: Model) -> Callable[..., Any]:
    """NumPy code of [ℓ, ∂ℓ/∂θ…] on the columns (SymPy's lambdify, subexpressions shared)."""
    return numpy_lambdify(_arguments(model), [model.stable_loss(), *model.gradients()])


def predictor(model: Model) -> Callable[[np.ndarray, np.ndarray], np.ndarray]:
    """``f(θ, rows) -> inner`` per row: ŷ (MSE) or the logit z (BCE), vectorised."""
    code = numpy_lambdify([*model.parameters, *(s for s, _ in model.inputs)], model.inner)
    p, k = len(model.parameters), len(model.inputs)

    def predict(theta: np.ndarray, rows: np.ndarray) -> np.ndarray:
        with np.errstate(all="ignore"):
            values = code(*theta, *rows[:, p: p + k].T)
        return np.broadcast_to(np.asarray(values, dtype=float), (rows.shape[0],))

    return predict


__all__ = ["CHUNK", "STAGED_CALLS", "Evaluate", "Kernel", "block", "chunks", "combine", "predictor"]
