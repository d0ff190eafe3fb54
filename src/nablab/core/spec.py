"""What nablab knows about one mathematical function, as one frozen row, and the table of rows.

A function's facts used to live in seven tables (the parser's names, the float twins, the
LaTeX commands, the step engine's derivatives, the kinks, continuity, the staged network
kernel). Now each function is one :class:`FunctionSpec` and every consumer reads its row from
:data:`nablab.core.catalog.CATALOG`, so adding a function is adding a row. Facts that need a
heavy library stay data here (the NumPy function's *name*), so ``import nablab`` stays light.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class DerivativeRule:
    """(F(u))′ as the step engine narrates it: the rule's name and the formula.

    Attributes:
        rule: the step rule (``"trig"``, ``"sigmoid"``, …): one of the step engine's
            ``RULE_NAMES``, each with the catalogue entries ``steps.rule.<rule>`` and
            ``steps.say.<rule>``.
        formula: u ↦ F′(u), written out here rather than taken from SymPy, so that the
            steps are an independent derivation that tests compare with ``sympy.diff``.
        shown: the formula as the notes write it, when that is not ``(F(x))′ = F′(x)``:
            (Unicode, LaTeX) ``str.format`` templates in ``{x}``.
    """

    rule: str
    formula: Callable[[Any], Any]
    shown: tuple[str, str] | None = None


@dataclass(frozen=True)
class FunctionSpec:
    """One function: how it is typed, built, printed, evaluated, differentiated, compiled.

    Attributes:
        name: the canonical name, as typed and as SymPy's ``str`` reads back.
        build: the arguments' SymPy expressions → F(…) (a SymPy function class or a
            function that builds F from SymPy's own, like softplus = ln(1 + eˣ)).
        head: the SymPy class of what ``build`` makes, by which the other layers recognise
            F in an expression tree; defaults to ``build`` when that is a class, ``None``
            when F dissolves into other functions (√x is a power).
        aliases: other names that read as F (``arcsin``, SymPy's ``Abs``).
        typed: whether users may type F; ``False`` for functions only SymPy produces
            (``floor``), whose other facts nablab still needs.
        min_args, max_args: how many arguments F takes.
        one_argument: names that take only the first argument (``ln``: the base is e).
        float_twin: F on Python floats, for checking constants before SymPy builds them;
            raises ``ValueError`` outside the domain, ``ZeroDivisionError`` at a pole.
        unicode: how terminals write F's name (``σ``, ``ln``); default: ``name``.
        latex: how LaTeX writes F's name (``\\sigma``), or ``None`` for SymPy's way.
        latex_commands: LaTeX commands that read as F (``\\arcsin``, ``\\sigma``).
        derivative: the rule the step engine narrates, or ``None`` (an honest ``unknown``).
        kink: how a refusal names F when F has points where it is not differentiable
            (``"|·|"``), else ``None``.
        continuous: F is defined and continuous on all of ℝ (extremes on closed bounded
            sets exist).
        restricted: F takes complex values at some real arguments (ln, asin): the step
            checker samples only points where it is real.
        expanded: F written in SymPy's own functions, for SymEngine (which lacks F) and for
            the numeric value of a function nablab defines itself.
        ufunc: the NumPy function (by name) the staged network kernel applies to whole
            columns, or ``None`` to leave F in the compiled loop.
        quiet: that NumPy function never warns (no overflow, no invalid value, even at ±∞).
    """

    name: str
    build: Callable[..., Any]
    head: type | None = None
    aliases: tuple[str, ...] = ()
    typed: bool = True
    min_args: int = 1
    max_args: int = 1
    one_argument: tuple[str, ...] = ()
    float_twin: Callable[..., float] | None = None
    unicode: str | None = None
    latex: str | None = None
    latex_commands: tuple[str, ...] = ()
    derivative: DerivativeRule | None = None
    kink: str | None = None
    continuous: bool = False
    restricted: bool = False
    expanded: Callable[..., Any] | None = None
    ufunc: str | None = None
    quiet: bool = False

    def __post_init__(self) -> None:
        if self.head is None and isinstance(self.build, type):
            object.__setattr__(self, "head", self.build)
        if self.typed and self.float_twin is None:
            raise ValueError(f"{self.name}: a function users type needs a float_twin (the "
                             "parser checks constants in floats before SymPy builds them)")

    @property
    def names(self) -> tuple[str, ...]:
        """Every name a user may type for F (none if F is not typed)."""
        return (self.name, *self.aliases) if self.typed else ()

    @property
    def shown_name(self) -> str:
        """F's name in Unicode output."""
        return self.unicode or self.name

    def arity(self, name: str) -> tuple[int, int]:
        """(fewest, most) arguments F takes when spelled ``name``."""
        return (self.min_args, 1) if name in self.one_argument else \
            (self.min_args, self.max_args)


class FunctionTable:
    """The rows, looked up by typed name, by SymPy class and by LaTeX command.

    Rows can be added and removed (a test adds a made-up function and removes it); the
    lookups are rebuilt each time, so every consumer sees the change at once.
    """

    def __init__(self, rows: Iterable[FunctionSpec] = ()) -> None:
        self._rows: dict[str, FunctionSpec] = {}
        self._by_name: dict[str, FunctionSpec] = {}
        self._by_head: dict[type, FunctionSpec] = {}
        self._by_command: dict[str, FunctionSpec] = {}
        self.names: frozenset[str] = frozenset()
        for row in rows:
            self.add(row)

    def add(self, row: FunctionSpec) -> None:
        """Add a row.

        Raises:
            ValueError: its name, an alias, its SymPy class or a LaTeX command is taken.
        """
        taken = [n for n in (row.name, *row.names) if n in self._rows or n in self._by_name]
        taken += [c for c in row.latex_commands if c in self._by_command]
        if row.head is not None and row.head in self._by_head:
            taken.append(row.head.__name__)
        if taken:
            raise ValueError(f"{row.name}: {', '.join(sorted(set(taken)))} already in the table")
        self._rows[row.name] = row
        self._index()

    def remove(self, name: str) -> FunctionSpec:
        """Remove and return the row called ``name``."""
        row = self._rows.pop(name)
        self._index()
        return row

    @contextmanager
    def extended(self, row: FunctionSpec) -> Iterator[FunctionSpec]:
        """The table with ``row`` added for the duration of a ``with`` block."""
        self.add(row)
        try:
            yield row
        finally:
            self.remove(row.name)

    def _index(self) -> None:
        rows = self._rows.values()
        self._by_name = {n: row for row in rows for n in row.names}
        self._by_head = {row.head: row for row in rows if row.head is not None}
        self._by_command = {c: row for row in rows for c in row.latex_commands}
        self.names = frozenset(self._by_name)

    def __iter__(self) -> Iterator[FunctionSpec]:
        return iter(tuple(self._rows.values()))

    def __len__(self) -> int:
        return len(self._rows)

    def named(self, name: str) -> FunctionSpec | None:
        """The row a user means by ``name`` (``arcsin`` → asin), if any."""
        return self._by_name.get(name)

    def of(self, node: Any) -> FunctionSpec | None:
        """The row of an expression tree node's head (``sin(x)`` → sin), if any."""
        return self._by_head.get(type(node))

    def command(self, command: str) -> FunctionSpec | None:
        """The row a LaTeX command (without the backslash) reads as, if any."""
        return self._by_command.get(command)


__all__ = ["DerivativeRule", "FunctionSpec", "FunctionTable"]
