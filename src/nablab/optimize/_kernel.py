r"""A building block's rule written once, as code templates, and the update made from them.

Each block of :mod:`nablab.optimize.transform` states its rule as a :class:`Kernel`: a few
lines of arithmetic on one coordinate. From that one definition come both the block's
``update`` (leaves that are floats, or arrays for a sweep) and the statements the descent loop
inlines (:mod:`nablab.optimize._loop`), so a chain of blocks runs as one generated loop with no
call per step. The templates are nablab's own text, never a user's; hyper-parameters reach the
generated code as values, never as text.

Names in braces: ``{u}`` the update flowing through the chain for this coordinate (the block
reassigns it), ``{p}`` the coordinate's parameter, each name of ``leaves`` the coordinate's
state, each name of ``scalars`` a number shared by all coordinates and kept between steps
(a step count), each name of ``constants`` a hyper-parameter; any other braced name is a
temporary of one step (a bias correction).

>>> k = Kernel(lines=("{u} = {c} * {u}",), constants=(("c", 2.0),))
>>> k.rename({"u": "_g0", "c": "_k"})
('_g0 = _k * _g0',)
"""

from __future__ import annotations

import math
import string
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import Any, NamedTuple

import numpy as np

from nablab.numeric.compiled import define


def _fields(text: str) -> set[str]:
    """The braced names in one template statement."""
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


class Kernel(NamedTuple):
    """One block's rule as code (see the module docstring for the names in braces).

    Attributes:
        lines: statements run for each coordinate, in order.
        step: statements run once per step, before the coordinates.
        leaves: per-coordinate state: (name, initial value).
        scalars: state shared by the coordinates: (name, initial value).
        constants: hyper-parameters: (name, value); a value may be an array (one per run).
    """

    lines: tuple[str, ...]
    step: tuple[str, ...] = ()
    leaves: tuple[tuple[str, float], ...] = ()
    scalars: tuple[tuple[str, Any], ...] = ()
    constants: tuple[tuple[str, Any], ...] = ()

    @property
    def template(self) -> tuple[Any, ...]:
        """Everything that shapes the generated code (not the values): a cache key."""
        return (self.lines, self.step, tuple(n for n, _ in self.leaves),
                tuple(n for n, _ in self.scalars), tuple(n for n, _ in self.constants))

    def names(self) -> set[str]:
        """Every braced name the templates use."""
        return {field for text in (*self.step, *self.lines) for field in _fields(text)}

    def read_step(self) -> tuple[str, ...]:
        """The per-step statements whose result the rule reads: a count no other statement
        uses (the momentum buffer's, kept for its state) would cost a loop one addition per
        step for nothing.

        >>> Kernel(("{u} = {u} / {t}",), step=("{t} = {t} + 1", "{n} = {n} + 1")).read_step()
        ('{t} = {t} + 1',)
        """
        def read(statement: str) -> bool:
            target = statement.split(" = ", 1)[0][1:-1]
            return any(target in _fields(text) for text in self.lines) or any(
                target in _fields(other.split(" = ", 1)[1])
                for other in self.step if other is not statement)

        return tuple(statement for statement in self.step if read(statement))

    def rename(self, mapping: Mapping[str, str], step: bool = False) -> tuple[str, ...]:
        """The per-coordinate lines (or, with ``step``, the per-step ones) with names filled."""
        return tuple(text.format_map(mapping) for text in (self.step if step else self.lines))

    def initial(self) -> list[Any]:
        """The scalars' initial values, in order."""
        return [value for _, value in self.scalars]


def _sqrt(value: Any) -> Any:
    # math.sqrt on floats keeps the single-run loop free of NumPy scalars; both round exactly.
    return math.sqrt(value) if isinstance(value, (int, float)) else np.sqrt(value)


def _maximum(a: Any, b: Any) -> Any:
    return max(a, b) if isinstance(a, (int, float)) else np.maximum(a, b)


def _targets(names: Iterable[str]) -> str:
    """``(a, b, )``: an assignment target for any number of names, none included."""
    return "(" + "".join(f"{n}, " for n in names) + ")"


@lru_cache(maxsize=128)
def _update_maker(template: tuple[Any, ...]) -> Callable[..., Any]:
    """The function that builds a block's ``update`` from its constants (once per rule)."""
    lines, step, leaves, scalars, constants = template
    kernel = Kernel(lines, step)
    mapping = {"u": "u", "p": "p", **{n: f"_l_{n}" for n in leaves},
               **{n: f"_c_{n}" for n in constants}}
    mapping.update({n: f"_s_{n}" for n in (*scalars, *(kernel.names() - set(mapping)))})
    held = [f"_s_{n}" for n in scalars]
    ins, news = [f"_in_{n}" for n in leaves], [f"_new_{n}" for n in leaves]
    body = [
        "def make(constants, State):",
        f"    {_targets(f'_c_{n}' for n in constants)} = constants",
        "    def update(updates, state, params):",
        f"        {_targets(held)} = state[:{len(scalars)}]",
        f"        {_targets(ins)} = state[{len(scalars)}:]",
        *(f"        {line}" for line in kernel.rename(mapping, step=True)),
        f"        {_targets(['_out', *news])} = {_targets('[]' for _ in range(len(news) + 1))}",
        f"        for u, p, {''.join(f'{mapping[n]}, ' for n in leaves)}_ in "
        f"zip(updates, params, {''.join(f'{i}, ' for i in ins)}updates):",
        *(f"            {line}" for line in kernel.rename(mapping)),
        "            _out.append(u)",
        *(f"            {new}.append({mapping[n]})" for new, n in zip(news, leaves, strict=True)),
        f"        return tuple(_out), State({''.join(f'{h}, ' for h in held)}"
        f"{''.join(f'tuple({new}), ' for new in news)})",
        "    return update",
    ]
    return define("\n".join(body) + "\n", "make", zip=zip, tuple=tuple, sqrt=_sqrt,
                  max=_maximum)


def update_function(kernel: Kernel, state: type) -> Callable[..., Any]:
    """``update(updates, state, params)`` of the block whose rule is ``kernel``.

    Args:
        kernel: the rule.
        state: the block's state type, built as ``state(*scalars, *leaves)``.
    """
    return _update_maker(kernel.template)([v for _, v in kernel.constants], state)


def init_function(kernel: Kernel, state: type,
                  zeros_like: Callable[[Any, float], Any]) -> Callable[[Any], Any]:
    """``init(params)``: the scalars' initial values, then one leaf per parameter for each state."""
    def init(params: Any) -> Any:
        return state(*kernel.initial(), *(zeros_like(params, value) for _, value in kernel.leaves))

    return init


def flat_state(kernels: Iterable[Kernel], n: int) -> list[Any]:
    """The initial state of a chain as the generated loop keeps it: each block's scalars, then
    its leaves coordinate by coordinate."""
    out: list[Any] = []
    for kernel in kernels:
        out.extend(kernel.initial())
        for _, value in kernel.leaves:
            out.extend([float(value)] * n)
    return out


__all__ = ["Kernel", "flat_state", "init_function", "update_function"]
