"""The names nablab knows: functions (from the catalog), Greek letters, constants.

The parser asks which words stay whole; the printers, which letter sequences must not be
written side by side. Function names come from :data:`nablab.core.catalog.CATALOG`.
"""

from __future__ import annotations

from typing import Any

import sympy

from nablab.core.catalog import CATALOG

#: Greek letter names that stay whole as variable names (``theta``, not t·h·e·t·a).
GREEK_NAMES: frozenset[str] = frozenset(
    "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron rho tau "
    "upsilon phi chi psi omega Gamma Delta Theta Lambda Xi Sigma Upsilon Phi Psi Omega".split()
)

#: LaTeX spellings of Greek letters that mean the same variable as another name.
GREEK_ALIASES: dict[str, str] = {"varepsilon": "epsilon", "vartheta": "theta", "varphi": "phi",
                                 "varrho": "rho"}

#: Greek characters as pasted from documents, to their names (σ is the sigmoid, π the constant).
#: Not omicron: ο cannot be told from the Latin o on screen, so it is refused like the Cyrillic о
#: (two variables printed alike would be a confident misreading).
GREEK_CHARS: dict[str, str] = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ϵ": "epsilon",
    "ζ": "zeta", "η": "eta", "θ": "theta", "ϑ": "theta", "ι": "iota", "κ": "kappa",
    "λ": "lambda", "μ": "mu", "ν": "nu", "ξ": "xi", "ρ": "rho", "ϱ": "rho",
    "σ": "sigma", "τ": "tau", "υ": "upsilon", "φ": "phi", "ϕ": "phi", "χ": "chi", "ψ": "psi",
    "ω": "omega", "Γ": "Gamma", "Δ": "Delta", "Θ": "Theta", "Λ": "Lambda", "Ξ": "Xi",
    "Σ": "Sigma", "Υ": "Upsilon", "Φ": "Phi", "Ψ": "Psi", "Ω": "Omega", "π": "pi",
}

#: Name of each Greek letter to the character printed for it.
GREEK_DISPLAY: dict[str, str] = {name: ch for ch, name in GREEK_CHARS.items()
                                 if ch not in "ϵϑϱϕ"}

#: Named constants.
CONSTANTS: dict[str, Any] = {"pi": sympy.pi, "e": sympy.E}

_WHOLE_WORDS: frozenset[str] = GREEK_NAMES | {"pi"}


def known_words() -> frozenset[str]:
    """Every multi-letter word the name splitter treats as one unit: function names (as the
    catalog has them now), Greek names and ``pi``."""
    return CATALOG.names | _WHOLE_WORDS


def is_safe_juxtaposition(letters: str) -> bool:
    """Whether single-letter names written side by side (``xy``) read back as a product.

    ``c``, ``o``, ``s`` side by side would read as ``cos``; ``m``, ``u`` as ``mu``.
    """
    lowered = letters
    return not any(word in lowered for word in known_words()) and "e" not in letters


__all__ = [
    "CONSTANTS",
    "GREEK_ALIASES",
    "GREEK_CHARS",
    "GREEK_DISPLAY",
    "GREEK_NAMES",
    "is_safe_juxtaposition",
    "known_words",
]
