"""Regenerate docs/gallery/*.png, the pictures the README shows.

Run: python docs/make_gallery.py [--lang en|ko]     (about half a minute)

Each picture is the one the command named in its comment draws: the command's job runs and
its picture is drawn from the result; nothing is typed in by hand.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import nablab
from nablab.jobs import (
    CriticalRequest,
    DiffRequest,
    LagrangeRequest,
    LimitRequest,
    RaceRequest,
    Request,
    SweepRequest,
    TangentRequest,
    run,
)
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


def secants() -> Picture:
    # nablab plot "tan x" --at x=1 --out secants.png   (poles cut, never joined)
    from nablab.plot.function import function_picture

    return function_picture(nablab.parse("tan x"), "curve", point=(1.0,))


def drawn(request: Request) -> Callable[[], Picture]:
    """The picture the command of ``request`` draws with ``--plot``: from its own result."""
    return lambda: request.picture(run(request))


PICTURES: dict[str, Callable[[], Picture]] = {
    "notes-surface-contour": notes,
    # nablab diff "x^2 + 3xy + y^2" --at x=1,y=2 --plot slices.png
    "partials-slices": drawn(DiffRequest(expression="x^2 + 3xy + y^2", at="1,2")),
    # nablab tangent "x^2 + y^2" --at 1,2 --plot tangent-plane.png
    "tangent-plane": drawn(TangentRequest(expression="x^2 + y^2", at="1,2")),
    "secants-tan": secants,
    # nablab critical "x^3 - 3x + y^3 - 3y" --plot critical.png
    "critical-points": drawn(CriticalRequest(expression="x^3 - 3x + y^3 - 3y")),
    # nablab race "(1-x)^2 + 100(y-x^2)^2" --start -1.5,2 --lr 0.001,0.001,0.05 --steps 2000
    "race-rosenbrock": drawn(RaceRequest(expression="(1-x)^2 + 100(y-x^2)^2", start="-1.5,2",
                                         lr="0.001,0.001,0.05", steps=2000)),
    # nablab sweep "x^4 - 2x^2 + y^2 + 0.3x" --starts -2:2:41,-1.5:1.5:31 --lr 0.01:1:12
    #   --steps 300
    "sweep-basins": drawn(SweepRequest(expression="x^4 - 2x^2 + y^2 + 0.3x",
                                       starts="-2:2:41,-1.5:1.5:31", lr="0.01:1:12",
                                       steps=300)),
    # nablab limit "x^2 + 3xy + y^2" --wrt x --at x=1,y=2 --plot limit.png
    "limit-definition": drawn(LimitRequest(expression="x^2 + 3xy + y^2", wrt="x",
                                           at="x=1,y=2")),
    # nablab lagrange "4 - x^2 - 2y^2" -c "2(x-1)^2 - 10y + 6 = 0" --plot hike.png
    "lagrange-hike": drawn(LagrangeRequest(expression="4 - x^2 - 2y^2",
                                           constraints="2(x-1)^2 - 10y + 6 = 0")),
}
def main() -> None:
    lang = sys.argv[sys.argv.index("--lang") + 1] if "--lang" in sys.argv else "en"
    GALLERY.mkdir(exist_ok=True)
    for name, make in PICTURES.items():
        began = time.perf_counter()
        written = write_picture(make(), GALLERY / f"{name}.png", lang)
        print(f"{written.file}  {written.bytes / 1024:.0f} KB  "
              f"{time.perf_counter() - began:.2f} s")
    korean = write_picture(notes(), GALLERY / "notes-surface-contour-ko.png", "ko")
    print(f"{korean.file}  {korean.bytes / 1024:.0f} KB")


if __name__ == "__main__":
    main()
