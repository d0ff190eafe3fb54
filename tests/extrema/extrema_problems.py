"""The textbook problem set for issue 15: extrema as the textbooks ask for them.

Each problem is an exercise of the kind OpenStax Calculus (Volumes 1 and 3), Stewart (§4.1,
§14.7, §14.8), MIT 18.02 or the standard optimisation test functions pose, with the answer
worked by hand (the derivation is in ``why``). The tests check nablab against these answers
and, where the set is bounded, against brute force on a fine grid of the set;
``bench/extrema.py`` times the same problems.

``maximum``/``minimum``: ``(value, points)`` when the extreme exists (``points`` lists every
point attaining it, or ``None`` when it is attained on a whole curve or interval);
:data:`NONE` when it provably does not exist (f unbounded on the set).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

#: The extreme provably does not exist.
NONE = "none"

Answer = tuple[float, tuple[tuple[float, ...], ...] | None] | str


@dataclass(frozen=True)
class Problem:
    """One exercise: f, its constraints (none: the whole plane), the published answer."""

    name: str
    kind: str  # the class of issue 15 it belongs to
    f: str
    constraints: tuple[str, ...]
    maximum: Answer
    minimum: Answer
    why: str
    box: tuple[tuple[float, float], ...] | None = None  # brute-force grid for bounded sets


PI = math.pi
R2 = math.sqrt(2)

PROBLEMS: tuple[Problem, ...] = (
    # -- the closed interval method (one variable) ------------------------------------------
    Problem("rational on [1, 4]", "interval", "x^2 + 2/x", ("1 <= x <= 4",),
            (16.5, ((4.0,),)), (3.0, ((1.0,),)),
            "f' = 2x − 2/x² = 0 at x = 1; f(1) = 3, f(4) = 16 + 1/2", ((1, 4),)),
    Problem("sin + cos on [0, 2π]", "interval", "sin x + cos x", ("0 <= x <= 2 pi",),
            (R2, ((PI / 4,),)), (-R2, ((5 * PI / 4,),)),
            "f' = cos x − sin x = 0 at π/4, 5π/4; f = ±√2 there, 1 at both ends",
            ((0, 2 * PI),)),
    Problem("x − 2 sin x on [0, 2π]", "interval", "x - 2 sin x", ("0 <= x <= 2 pi",),
            (5 * PI / 3 + math.sqrt(3), ((5 * PI / 3,),)),
            (PI / 3 - math.sqrt(3), ((PI / 3,),)),
            "f' = 1 − 2cos x = 0 at π/3, 5π/3 (Stewart §4.1)", ((0, 2 * PI),)),
    Problem("cubic with ties on [0, 4]", "interval", "x^3 - 6x^2 + 9x + 2", ("0 <= x <= 4",),
            (6.0, ((1.0,), (4.0,))), (2.0, ((0.0,), (3.0,))),
            "f' = 3(x − 1)(x − 3); f(0) = 2, f(1) = 6, f(3) = 2, f(4) = 6", ((0, 4),)),
    Problem("x e^(−x) on [0, 2]", "interval", "x e^(-x)", ("0 <= x <= 2",),
            (1 / math.e, ((1.0,),)), (0.0, ((0.0,),)),
            "f' = (1 − x)e^(−x) = 0 at 1; f(0) = 0, f(2) = 2/e²", ((0, 2),)),
    Problem("ln x / x on [1, 3]", "interval", "ln(x)/x", ("1 <= x <= 3",),
            (1 / math.e, ((math.e,),)), (0.0, ((1.0,),)),
            "f' = (1 − ln x)/x² = 0 at e; f(1) = 0, f(3) = ln 3/3", ((1, 3),)),
    Problem("roots: endpoints of the domain", "kink",
            "sqrt(4-x^2)/sqrt(4+x^2)", ("-2 <= x <= 2",),
            (1.0, ((0.0,),)), (0.0, ((-2.0,), (2.0,))),
            "f' = 0 only at 0; f' does not exist at ±2, where f = 0", ((-2, 2),)),
    Problem("kinks of |x + 1| + |x − 1|", "kink", "|x+1| + |x-1|", ("-3 <= x <= 2",),
            (6.0, ((-3.0,),)), (2.0, None),
            "f = 2 on all of [−1, 1] (kinks at ±1), f(−3) = 6, f(2) = 4", ((-3, 2),)),
    # -- closed bounded regions ---------------------------------------------------------------
    Problem("rational on the disk", "region", "-2y/(x^2+y^2+1)", ("x^2+y^2 <= 4",),
            (1.0, ((0.0, -1.0),)), (-1.0, ((0.0, 1.0),)),
            "interior critical points (0, ±1); on the circle f = −2y/5 ∈ [−4/5, 4/5]",
            ((-2, 2), (-2, 2))),
    Problem("Stewart 14.7 ex. 7: rectangle", "region", "x^2 - 2xy + 2y",
            ("0 <= x <= 3", "0 <= y <= 2"),
            (9.0, ((3.0, 0.0),)), (0.0, ((0.0, 0.0), (2.0, 2.0))),
            "interior (1, 1) f = 1; edges give 0 at (0, 0), (2, 2) and 9 at (3, 0)",
            ((0, 3), (0, 2))),
    Problem("OpenStax 4.7: rectangle", "region", "x^2 - 2xy + 4y^2 - 4x - 2y + 24",
            ("0 <= x <= 4", "0 <= y <= 2"),
            (36.0, ((0.0, 2.0),)), (17.0, ((3.0, 1.0),)),
            "interior (3, 1) f = 17; corners 24, 24, 36, 20", ((0, 4), (0, 2))),
    Problem("triangle", "region", "x^2 + y^2 - 2x - 2y", ("x >= 0", "y >= 0", "x + y <= 4"),
            (8.0, ((0.0, 4.0), (4.0, 0.0))), (-2.0, ((1.0, 1.0),)),
            "interior (1, 1) f = −2; on x + y = 4 f = 2(x − 2)² ≥ 0; corners 0, 8, 8",
            ((0, 4), (0, 4))),
    Problem("Stewart 14.8: disk", "region", "x^2 + 2y^2 - x", ("x^2 + y^2 <= 1",),
            (9 / 4, ((-0.5, -math.sqrt(3) / 2), (-0.5, math.sqrt(3) / 2))),
            (-0.25, ((0.5, 0.0),)),
            "interior (1/2, 0) f = −1/4; on the circle f = 2 − x² − x, largest at x = −1/2",
            ((-1, 1), (-1, 1))),
    Problem("cylinder can, r, h ≥ 0", "constants", "pi r^2 h",
            ("h + 2 pi r = 120", "r >= 0", "h >= 0"),
            (64000 / PI, ((40.0, 40 / PI),)), (0.0, ((0.0, 60 / PI), (120.0, 0.0))),
            "h = 120 − 2πr: f = 120πr² − 2π²r³, f' = 0 at r = 40/π (h = 40); f = 0 at both "
            "ends r = 0 and h = 0"),
    # -- kinks and roots in two variables ---------------------------------------------------
    Problem("cone + 1", "kink", "sqrt(x^2+y^2) + 1", (),
            NONE, (1.0, ((0.0, 0.0),)),
            "∇f does not exist at (0, 0); f ≥ 1 = f(0, 0); f → ∞"),
    Problem("diamond region", "kink", "x^2 + y^2", ("|x| + |y| <= 1",),
            (1.0, ((-1.0, 0.0), (0.0, -1.0), (0.0, 1.0), (1.0, 0.0))), (0.0, ((0.0, 0.0),)),
            "the corners of the diamond are farthest from 0", ((-1, 1), (-1, 1))),
    # -- unbounded sets and global statements -------------------------------------------------
    Problem("quadrant", "unbounded", "-3x^2 - 4xy - y^2 - 12y + 16x", ("x >= 0", "y >= 0"),
            (64 / 3, ((8 / 3, 0.0),)), NONE,
            "−f's top form is positive on the quadrant, so f → −∞ there (ray (0, t)); "
            "the best KKT point is (8/3, 0)"),
    Problem("paraboloid (x + 2y − z)²", "unbounded", "(x + 2y - z)^2", ("z = x^2 + y^2 + 10",),
            NONE, (1225 / 16, ((0.5, 1.0, 45 / 4),)),
            "w = x + 2y − z = −(x − 1/2)² − (y − 1)² − 35/4 ≤ −35/4 on the set"),
    Problem("x + y on xy = 1", "unbounded", "x + y", ("xy = 1",), NONE, NONE,
            "(t, 1/t) → +∞ and (−t, −1/t) → −∞"),
    Problem("x² + y² on xy = 1", "unbounded", "x^2 + y^2", ("xy = 1",),
            NONE, (2.0, ((-1.0, -1.0), (1.0, 1.0))), "x² + y² ≥ 2|xy| = 2"),
    Problem("x + y on x³ − y³ = 1", "unbounded", "x + y", ("x^3 - y^3 = 1",), NONE, NONE,
            "x − y = 1/(x² + xy + y²) → 0 far out, so x + y → ±∞ along the set"),
    Problem("Rosenbrock", "squares", "(1-x)^2 + 100(y-x^2)^2", (),
            NONE, (0.0, ((1.0, 1.0),)), "a sum of squares, 0 at (1, 1)"),
    Problem("Beale", "squares", "(1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2",
            (), NONE, (0.0, ((3.0, 0.5),)), "a sum of squares, 0 at (3, 1/2)"),
    Problem("x²y²", "squares", "x^2 y^2", (), NONE, (0.0, None),
            "f ≥ 0 = f on both axes (every point of the axes is critical)"),
    Problem("9 − x⁴y⁴", "squares", "9 - x^4 y^4", (), (9.0, None), NONE,
            "f ≤ 9 = f on both axes"),
    Problem("(x − y)²", "squares", "(x - y)^2", (), NONE, (0.0, None),
            "f ≥ 0 = f on the line x = y"),
    Problem("x⁴ + y⁴", "squares", "x^4 + y^4", (), NONE, (0.0, ((0.0, 0.0),)),
            "even powers: f ≥ 0 = f(0, 0), a degenerate critical point"),
)
