"""``--plot`` draws the result that was computed: the figure costs the drawing, not a rerun.

For the notes' hiking path (``nablab lagrange``, an exact Gröbner solve, SciPy's cross-check)
and logistic regression (``nablab train --data example:logistic``, 1000 epochs), in one run:

- ``plain``: ``nablab CMD`` as a fresh process (computes once, prints);
- ``--plot``: ``nablab CMD --plot FILE.png`` as a fresh process (computes once, prints, draws);
- ``compute`` / ``draw``: the job and the drawing of its result, in this process;
- ``target``: ``plain + draw`` — what ``--plot`` should cost; ``--plot / target`` ≈ 1 means
  the figure was drawn from the result, not computed again;
- ``rerun``: ``plain + compute + draw``, what the figure cost when its worker ran the job again
  (nablab 0.1.0 before the job layer); ``rerun / --plot`` is what drawing from the result saves.

With ``--before SRC`` (the ``src`` folder of an older checkout) the older ``--plot`` run is
timed as well, as a process.

Run: python bench/figures.py [--repeat N] [--before SRC]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from _timing import fmt, median_time, option  # bench/_timing.py: shared helpers
from nablab.jobs import LagrangeRequest, TrainRequest, run
from nablab.plot.output import write_picture

REPEAT = int(option("repeat", 3))
BEFORE = sys.argv[sys.argv.index("--before") + 1] if "--before" in sys.argv else None
CASES = {
    "lagrange (notes' hike)": (["lagrange", "4 - x^2 - 2y^2", "--constraint",
                                "2(x-1)^2 - 10y + 6 = 0"],
                               LagrangeRequest(expression="4 - x^2 - 2y^2",
                                               constraints=("2(x-1)^2 - 10y + 6 = 0",))),
    "train example:logistic": (["train", "--data", "example:logistic"],
                               TrainRequest(data="example:logistic")),
}


def process(argv: list[str], src: str | None = None) -> float:
    import subprocess

    env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL")}
    if src is not None:
        env["PYTHONPATH"] = src
    command = [sys.executable, "-m", "nablab", *argv]
    subprocess.run(command, capture_output=True, env=env, check=True)
    return median_time(lambda: subprocess.run(command, capture_output=True, env=env,
                                              check=True), REPEAT)


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="nablab-bench-"))
    print(f"{'case':24} {'plain':>10} {'--plot':>10} {'compute':>10} {'draw':>10} "
          f"{'--plot/target':>14} {'rerun/--plot':>13}" + ("  before --plot" if BEFORE else ""))
    for name, (argv, request) in CASES.items():
        target_file = str(folder / "figure.png")
        plain = process(argv)
        plotted = process([*argv, "--plot", target_file])
        result = run(request)
        compute = median_time(lambda r=request: run(r), REPEAT)
        draw = median_time(lambda r=request, res=result, f=target_file:
                           write_picture(r.picture(res), f, "en"), REPEAT)
        row = (f"{name:24} {fmt(plain):>10} {fmt(plotted):>10} {fmt(compute):>10} "
               f"{fmt(draw):>10} {plotted / (plain + draw):13.2f}× "
               f"{(plain + compute + draw) / plotted:12.2f}×")
        if BEFORE:
            row += f"  {fmt(process([*argv, '--plot', target_file], BEFORE)):>14}"
        print(row)


if __name__ == "__main__":
    main()
