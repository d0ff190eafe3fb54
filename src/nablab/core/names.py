"""The names nablab knows: functions, Greek letters, constants.

One table serves the parser (which words are functions, which stay whole) and the printers
(which letter sequences must not be written side by side).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sympy

from nablab.core.functions import relu, sigmoid


@dataclass(frozen=True)
class FunctionSpec:
    """A function the parser accepts: how to build it and how many arguments it takes."""

    build: Callable[..., Any]
    min_args: int = 1
    max_args: int = 1


def _log(x: Any, base: Any = None) -> Any:
    return sympy.log(x) if base is None else sympy.log(x, base)


def _heaviside(x: Any, h0: Any = None) -> Any:
    return sympy.Heaviside(x) if h0 is None else sympy.Heaviside(x, h0)


def _softplus(x: Any) -> Any:
    return sympy.log(1 + sympy.exp(x))


_ONE = {
    "sin": sympy.sin, "cos": sympy.cos, "tan": sympy.tan,
    "cot": sympy.cot, "sec": sympy.sec, "csc": sympy.csc,
    "asin": sympy.asin, "acos": sympy.acos, "atan": sympy.atan,
    "acot": sympy.acot, "asec": sympy.asec, "acsc": sympy.acsc,
    "arcsin": sympy.asin, "arccos": sympy.acos, "arctan": sympy.atan, "arccot": sympy.acot,
    "sinh": sympy.sinh, "cosh": sympy.cosh, "tanh": sympy.tanh,
    "coth": sympy.coth, "sech": sympy.sech, "csch": sympy.csch,
    "asinh": sympy.asinh, "acosh": sympy.acosh, "atanh": sympy.atanh,
    "arsinh": sympy.asinh, "arcosh": sympy.acosh, "artanh": sympy.atanh,
    "arcsinh": sympy.asinh, "arccosh": sympy.acosh, "arctanh": sympy.atanh,
    "exp": sympy.exp, "ln": sympy.log, "sqrt": sympy.sqrt, "cbrt": sympy.cbrt,
    "abs": sympy.Abs, "sign": sympy.sign, "sgn": sympy.sign,
    "sigmoid": sigmoid, "sigma": sigmoid, "relu": relu, "softplus": _softplus,
    "factorial": sympy.factorial,
}

FUNCTIONS: dict[str, FunctionSpec] = {name: FunctionSpec(fn) for name, fn in _ONE.items()}
FUNCTIONS.update(
    log=FunctionSpec(_log, 1, 2),
    heaviside=FunctionSpec(_heaviside, 1, 2),
    max=FunctionSpec(sympy.Max, 2, 8),
    min=FunctionSpec(sympy.Min, 2, 8),
)
# SymPy's own spellings, so its str() output (used in --json) reads back.
FUNCTIONS.update(Abs=FUNCTIONS["abs"], Max=FUNCTIONS["max"], Min=FUNCTIONS["min"],
                 Heaviside=FUNCTIONS["heaviside"])

#: Greek letter names that stay whole as variable names (``theta``, not t·h·e·t·a).
GREEK_NAMES: frozenset[str] = frozenset(
    "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron rho tau "
    "upsilon phi chi psi omega Gamma Delta Theta Lambda Xi Sigma Upsilon Phi Psi Omega".split()
)

#: LaTeX spellings of Greek letters that mean the same variable as another name.
GREEK_ALIASES: dict[str, str] = {"varepsilon": "epsilon", "vartheta": "theta", "varphi": "phi",
                                 "varrho": "rho"}

#: Greek characters as pasted from documents, to their names (σ is the sigmoid, π the constant).
GREEK_CHARS: dict[str, str] = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ϵ": "epsilon",
    "ζ": "zeta", "η": "eta", "θ": "theta", "ϑ": "theta", "ι": "iota", "κ": "kappa",
    "λ": "lambda", "μ": "mu", "ν": "nu", "ξ": "xi", "ο": "omicron", "ρ": "rho", "ϱ": "rho",
    "σ": "sigma", "τ": "tau", "υ": "upsilon", "φ": "phi", "ϕ": "phi", "χ": "chi", "ψ": "psi",
    "ω": "omega", "Γ": "Gamma", "Δ": "Delta", "Θ": "Theta", "Λ": "Lambda", "Ξ": "Xi",
    "Σ": "Sigma", "Υ": "Upsilon", "Φ": "Phi", "Ψ": "Psi", "Ω": "Omega", "π": "pi",
}

#: Name of each Greek letter to the character printed for it.
GREEK_DISPLAY: dict[str, str] = {name: ch for ch, name in GREEK_CHARS.items()
                                 if ch not in "ϵϑϱϕ"}

#: Named constants.
CONSTANTS: dict[str, Any] = {"pi": sympy.pi, "e": sympy.E}

#: Every multi-letter word the name splitter treats as one unit.
KNOWN_WORDS: frozenset[str] = frozenset(FUNCTIONS) | GREEK_NAMES | {"pi"}


def is_safe_juxtaposition(letters: str) -> bool:
    """Whether single-letter names written side by side (``xy``) read back as a product.

    ``c``, ``o``, ``s`` side by side would read as ``cos``; ``m``, ``u`` as ``mu``.
    """
    lowered = letters
    return not any(word in lowered for word in KNOWN_WORDS) and "e" not in letters


__all__ = [
    "CONSTANTS",
    "FUNCTIONS",
    "GREEK_ALIASES",
    "GREEK_CHARS",
    "GREEK_DISPLAY",
    "GREEK_NAMES",
    "KNOWN_WORDS",
    "FunctionSpec",
    "is_safe_juxtaposition",
]
