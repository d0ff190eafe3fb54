"""Difference quotients of c·F(kx + b) + d for F = exp, aᵘ, ln, sin, cos: standard limits.

Algebra alone cannot remove Δx from (e^(x+Δx) − eˣ)/Δx; one of five standard limits does:

- lim_(t→0) (eᵗ − 1)/t = 1 and lim_(t→0) (aᵗ − 1)/t = ln a,
- lim_(t→0) ln(1 + t)/t = 1,
- lim_(t→0) sin t/t = 1 and lim_(t→0) (cos t − 1)/t = 0.

Each strategy factors the quotient so that one of them appears with t = kΔx (or kΔx/u for
the logarithm), says which, and takes the limit.
"""

from __future__ import annotations

from typing import Any

import sympy
from sympy import Add, cos, exp, log, sin

from nablab.calculus.difference_quotient import (
    Move,
    Setting,
    frac,
    linear_argument,
    shown,
    substitute,
)

#: The standard limits, as printed in the sentences.
LIMITS = {
    "exp": "lim_(t→0) (eᵗ − 1)/t = 1",
    "power": "lim_(t→0) (aᵗ − 1)/t = ln a",
    "log": "lim_(t→0) ln(1 + t)/t = 1",
    "trig": "lim_(t→0) sin(t)/t = 1, lim_(t→0) (cos(t) − 1)/t = 0",
}


def standard(f: Any, s: Setting) -> list[Move] | None:
    """c·F(kx + b) + d with F one of exp, aᵘ, ln, sin, cos; else ``None``."""
    d, rest = f.as_independent(s.var, as_Add=True)
    c, core = rest.as_independent(s.var, as_Add=False)
    if isinstance(core, exp) or (core.is_Pow and not core.base.has(s.var)):
        base = sympy.E if isinstance(core, exp) else core.base
        u = core.args[0] if isinstance(core, exp) else core.exp
        build = _exponential
    elif isinstance(core, (log, sin, cos)):
        base, u, build = None, core.args[0], {log: _log, sin: _sin, cos: _cos}[type(core)]
    else:
        return None
    line = linear_argument(u, s.var)
    if line is None:
        return None
    k = line[0]
    moves = build(c, core, u, k, base, s)
    return [substitute(f, s), *moves]


def _scaled(k: Any, s: Setting) -> Any:
    return k * s.h


def _exponential(c: Any, core: Any, u: Any, k: Any, base: Any, s: Setting) -> list[Move]:
    """E(u + kΔx) = E(u)·E(kΔx), then lim (E(t) − 1)/t with t = kΔx."""
    kh = _scaled(k, s)
    small = sympy.exp(kh) if base is sympy.E else sympy.Pow(base, kh)
    q = s.quotient(c * core)
    factored = c * core * (small - 1) / s.h
    body = frac(shown(Add(small, -1, evaluate=False), True), shown(s.h))
    line = (f"{shown(c * core)[0]} \\cdot {body[0]}", f"{shown(c * core)[1]}·{body[1]}")
    value = 1 if base is sympy.E else log(base)
    result = c * k * core * value
    which = "exp" if base is sympy.E else "power"
    return [
        Move("factor_exponential", q, factored, *s.lim(line),
             {"whole": shown(core.xreplace({s.var: s.var + s.h}))[1], "part": shown(small)[1]}),
        Move("standard_limit", factored, result, *shown(result),
             {"limit": LIMITS[which], "t": shown(kh)[1]}, takes_limit=True),
    ]


def _log(c: Any, core: Any, u: Any, k: Any, base: Any, s: Setting) -> list[Move]:
    """ln(u + kΔx) − ln u = ln(1 + kΔx/u), then lim ln(1 + t)/t with t = kΔx/u."""
    t = _scaled(k, s) / u
    q = s.quotient(c * core)
    merged = c * log(1 + t) / s.h
    body = frac(shown(c * log(1 + t)), shown(s.h))
    result = c * k / u
    return [
        Move("log_quotient", q, merged, *s.lim(body)),
        Move("standard_limit", merged, result, *shown(result),
             {"limit": LIMITS["log"], "t": shown(t)[1]}, takes_limit=True),
    ]


def _sin(c: Any, core: Any, u: Any, k: Any, base: Any, s: Setting) -> list[Move]:
    """sin(u + kΔx) = sin u·cos kΔx + cos u·sin kΔx."""
    return _trig(c, core, u, k, s, sin(u), cos(u), c * k * cos(u))


def _cos(c: Any, core: Any, u: Any, k: Any, base: Any, s: Setting) -> list[Move]:
    """cos(u + kΔx) = cos u·cos kΔx − sin u·sin kΔx."""
    return _trig(c, core, u, k, s, cos(u), -sin(u), -c * k * sin(u))


def _trig(c: Any, core: Any, u: Any, k: Any, s: Setting, same: Any, other: Any,
          result: Any) -> list[Move]:
    kh = _scaled(k, s)
    q = s.quotient(c * core)
    split = c * (same * (cos(kh) - 1) / s.h + other * sin(kh) / s.h)
    first = frac(shown(cos(kh) - 1), shown(s.h))
    second = frac(shown(sin(kh)), shown(s.h))
    sign = ("-", "−") if other.could_extract_minus_sign() else ("+", "+")
    other = -other if other.could_extract_minus_sign() else other
    inner_l = rf"{shown(same)[0]} \cdot {first[0]} {sign[0]} {shown(other)[0]} \cdot {second[0]}"
    inner_u = f"{shown(same)[1]}·{first[1]} {sign[1]} {shown(other)[1]}·{second[1]}"
    lead = shown(c) if c != 1 else ("", "")
    line = (rf"{lead[0]}\left({inner_l}\right)", f"{lead[1]}({inner_u})")
    return [
        Move("addition_formula", q, split, *s.lim(line)),
        Move("standard_limit", split, result, *shown(result),
             {"limit": LIMITS["trig"], "t": shown(kh)[1]}, takes_limit=True),
    ]


__all__ = ["LIMITS", "standard"]
