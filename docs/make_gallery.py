"""Regenerate docs/gallery/*.png, the pictures the README shows.

Run: python docs/make_gallery.py [--lang en|ko]     (about half a minute)

Each picture is computed with the library, exactly as the commands named in its comment
would draw it; nothing is typed in by hand.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

import nablab
from nablab.plot.output import write_picture
from nablab.plot.picture import Picture

GALLERY = Path(__file__).resolve().parent / "gallery"


def notes() -> Picture:
    # nablab plot "x^2 + y^2" --out notes.png
    from nablab.plot.function import function_picture

    return function_picture(nablab.parse("f(x, y) = x^2 + y^2"))


def slices() -> Picture:
    # nablab diff "x^2 + 3xy + y^2" --at x=1,y=2 --plot slices.png
    from nablab.plot.function import derivative_picture

    return derivative_picture(nablab.parse("x^2 + 3xy + y^2"), point=(1.0, 2.0))


def tangent_plane() -> Picture:
    # nablab tangent "x^2 + y^2" --at 1,2 --plot tangent-plane.png
    from nablab.plot.calculus import tangent_picture

    return tangent_picture(nablab.parse("x^2 + y^2"), [1.0, 2.0])


def secants() -> Picture:
    # nablab plot "tan x" --at x=1 --out secants.png   (poles cut, never joined)
    from nablab.plot.function import function_picture

    return function_picture(nablab.parse("tan x"), "curve", point=(1.0,))


def critical() -> Picture:
    # nablab critical "x^3 - 3x + y^3 - 3y" --plot critical.png
    from nablab.critical import critical_points
    from nablab.plot.critical import critical_picture

    f = nablab.parse("x^3 - 3x + y^3 - 3y")
    return critical_picture(f, critical_points(f).to_dict("en"))


def race() -> Picture:
    # nablab race "(1-x)^2 + 100(y-x^2)^2" --start -1.5,2 --lr 0.001,0.001,0.05 --steps 2000
    from nablab.optimize import race as run_race
    from nablab.plot.descent import descent_picture

    f = nablab.parse("(1-x)^2 + 100(y-x^2)^2")
    result = run_race(f, {"x": -1.5, "y": 2}, ["gd", "momentum", "adam"],
                      lr=[0.001, 0.001, 0.05], steps=2000)
    return descent_picture(f, result, race=True)


def sweep() -> Picture:
    # nablab sweep "x^4 - 2x^2 + y^2 + 0.3x" --starts -2:2:41,-1.5:1.5:31 --lr 0.01:1:12
    from nablab.optimize import sweep as run_sweep
    from nablab.plot.sweep import sweep_picture

    f = nablab.parse("x^4 - 2x^2 + y^2 + 0.3x")
    axes = {"x": np.linspace(-2, 2, 41), "y": np.linspace(-1.5, 1.5, 31)}
    return sweep_picture(f, run_sweep(f, lr=np.geomspace(0.01, 1, 12), starts=axes, steps=300))


def limit() -> Picture:
    # nablab limit "x^2 + 3xy + y^2" --wrt x --at x=1,y=2 --plot limit.png
    from nablab.calculus.limit import derivative_by_limit
    from nablab.plot.calculus import limit_picture

    f = nablab.parse("x^2 + 3xy + y^2")
    d = derivative_by_limit(f, "x", {"x": 1, "y": 2})
    return limit_picture(f, "x", {"x": 1.0, "y": 2.0}, d.to_dict("en"))


def hike() -> Picture:
    # the notes' hike: f = 4 − x² − 2y² on the path 2(x − 1)² − 10y + 6 = 0
    from nablab.constrained import lagrange
    from nablab.plot.lagrange import lagrange_picture

    return lagrange_picture(lagrange("4 - x^2 - 2y^2", "2(x-1)^2 - 10y + 6 = 0"))


PICTURES: dict[str, Callable[[], Picture]] = {
    "notes-surface-contour": notes, "partials-slices": slices, "tangent-plane": tangent_plane,
    "secants-tan": secants, "critical-points": critical, "race-rosenbrock": race,
    "sweep-basins": sweep, "limit-definition": limit, "lagrange-hike": hike,
}


def main() -> None:
    lang = sys.argv[sys.argv.index("--lang") + 1] if "--lang" in sys.argv else "en"
    GALLERY.mkdir(exist_ok=True)
    for name, make in PICTURES.items():
        began = time.perf_counter()
        info = write_picture(make(), GALLERY / f"{name}.png", lang)
        print(f"{info['file']}  {info['bytes'] / 1024:.0f} KB  "
              f"{time.perf_counter() - began:.2f} s")
    korean = write_picture(notes(), GALLERY / "notes-surface-contour-ko.png", "ko")
    print(f"{korean['file']}  {korean['bytes'] / 1024:.0f} KB")


if __name__ == "__main__":
    main()
