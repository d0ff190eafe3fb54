"""``--plot`` draws the result that was computed: the figure costs the drawing, not a rerun.

For the notes' hiking path (``nablab lagrange``, an exact Gröbner solve, SciPy's cross-check)
and logistic regression (``nablab train --data example:logistic``, 1000 epochs), in one run:

- ``plain``: ``nablab CMD`` as a fresh process (computes once, prints);
- ``--plot``: ``nablab CMD --plot FILE.png`` as a fresh process (computes once, prints, draws);
- ``adds``: ``--plot − plain``, what the figure adds to the command;
- ``draw``: drawing the computed result in a fresh process (matplotlib's import included, as
  in the command's figure worker): a process that unpickles the result and draws it, minus one
  that only unpickles it;
- ``compute``: the job alone, warm, in this process (what a rerun costs at least);
- ``adds/draw`` ≈ 1 means the figure costs the drawing and nothing else: the result was
  drawn, not computed again.

With ``--before SRC`` (the ``src`` folder of an older checkout, e.g. nablab 0.1.0 before the
job layer, whose figure worker ran the job again) the same two commands are timed with it,
and ``before/now`` compares what the figure adds then and now.

Run: python bench/figures.py [--repeat N] [--before SRC]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from _timing import fmt, median_time, option  # bench/_timing.py: shared helpers
from nablab.jobs import LagrangeRequest, TrainRequest, run

REPEAT = int(option("repeat", 5))
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


def _script(state: Path, target: str, draw: bool) -> list[str]:
    lines = ["import pickle", f"request, result = pickle.loads(open({str(state)!r}, 'rb').read())"]
    if draw:
        lines += ["from nablab.plot.output import write_picture",
                  f"write_picture(request.picture(result), {target!r}, 'en')"]
    return [sys.executable, "-c", "; ".join(lines)]


def drawing(request: object, result: object, target: str, folder: Path) -> float:
    """Drawing the result in a fresh process, less starting it and unpickling the result."""
    import pickle
    import subprocess

    state = folder / "state.pickle"
    state.write_bytes(pickle.dumps((request, result)))
    times = []
    for draw in (True, False):
        command = _script(state, target, draw)
        subprocess.run(command, capture_output=True, check=True)
        times.append(median_time(lambda c=command: subprocess.run(c, capture_output=True,
                                                                 check=True), REPEAT))
    return times[0] - times[1]


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="nablab-bench-"))
    print(f"{'case':24} {'plain':>10} {'--plot':>10} {'adds':>10} {'draw':>10} "
          f"{'compute':>10} {'adds/draw':>10}"
          + (f" {'before: plain':>14} {'--plot':>10} {'adds':>10} {'before/now':>11}"
             if BEFORE else ""))
    for name, (argv, request) in CASES.items():
        target = str(folder / "figure.png")
        plain = process(argv)
        plotted = process([*argv, "--plot", target])
        result = run(request)
        compute = median_time(lambda r=request: run(r), REPEAT)
        draw = drawing(request, result, target, folder)
        adds = plotted - plain
        row = (f"{name:24} {fmt(plain):>10} {fmt(plotted):>10} {fmt(adds):>10} "
               f"{fmt(draw):>10} {fmt(compute):>10} {adds / draw:9.2f}×")
        if BEFORE:
            old_plain = process(argv, BEFORE)
            old_plotted = process([*argv, "--plot", target], BEFORE)
            old_adds = old_plotted - old_plain
            row += (f" {fmt(old_plain):>14} {fmt(old_plotted):>10} {fmt(old_adds):>10} "
                    f"{old_adds / adds:10.2f}×")
        print(row)


if __name__ == "__main__":
    main()
