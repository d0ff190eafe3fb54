"""Pictures benchmark: the notes' figure end to end, against the notes' own matplotlib code.

The notes close with a 3D surface and a filled contour of x² + y² side by side
(``plt.figure(figsize=(12, 6))``, 400 × 400 grid, viridis, colour bar). Timed in one run:

- the notes' code as written (pyplot, meshgrid, ``Z = X**2 + Y**2``), saved as PNG — the
  reference;
- nablab's figure from the typed formula: parse, compile, sample on broadcast axes, draw
  (object API), PNG — target < 0.5 s at the default size;
- the same as SVG and PDF, and as an interactive Plotly page (data size reported);
- ``nablab plot "x^2 + y^2" --out FILE`` as a fresh process (imports included).

Run: python bench/plot.py [--quick]
"""

from __future__ import annotations

import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("MPLBACKEND", "Agg")

import numpy as np  # noqa: E402

import nablab  # noqa: E402
from nablab.plot import fonts, interactive, output, surface  # noqa: E402
from nablab.plot.ranges import DEFAULT_INTERVAL  # noqa: E402

QUICK = "--quick" in sys.argv
REPEAT = 3 if QUICK else 7
TARGET = 0.5
WINDOW = (DEFAULT_INTERVAL, DEFAULT_INTERVAL)


def median_time(fn: Callable[[], Any], repeat: int = REPEAT) -> tuple[float, Any]:
    times, out = [], None
    for _ in range(repeat):
        began = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - began)
    return statistics.median(times), out


def notes_code() -> int:
    """The notes' figure, as the notes write it (pyplot), saved as PNG."""
    import matplotlib.pyplot as plt

    x_vals = np.linspace(-5, 5, 400)
    y_vals = np.linspace(-5, 5, 400)
    X, Y = np.meshgrid(x_vals, y_vals)  # noqa: N806 - the notes' names
    Z = X**2 + Y**2  # noqa: N806
    fig = plt.figure(figsize=(12, 6))
    ax = fig.add_subplot(121, projection="3d")
    ax.plot_surface(X, Y, Z, cmap="viridis")
    ax.set_title("3D Plot of  $f(x, y) = x^2 + y^2$ ")
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.set_zlabel("f(x, y)")
    ax2 = fig.add_subplot(122)
    contour = ax2.contourf(X, Y, Z, cmap="viridis")
    fig.colorbar(contour)
    ax2.set_title("2D Contour Plot of  $f(x, y) = x^2 + y^2$ ")
    ax2.set_xlabel("x")
    ax2.set_ylabel("y")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return buffer.tell()


def nablab_figure(fmt: str, lang: str = "en") -> int:
    """From the typed text to the file's bytes: parse, compile, sample, draw, save."""
    f = nablab.parse("f(x, y) = x^2 + y^2")
    with fonts.style():
        figure = surface.surface_contour(f, WINDOW, lang)
    return len(output.figure_bytes(figure, fmt))


def nablab_page() -> int:
    f = nablab.parse("f(x, y) = x^2 + y^2")
    return len(output.plotly_page(interactive.surface_page(f, WINDOW, "en")))


def cli_seconds() -> float | None:
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "notes.png"
        began = time.perf_counter()
        subprocess.run([sys.executable, "-m", "nablab", "plot", "x^2 + y^2", "--out",
                        str(target)], check=True,
                       capture_output=True)
        return time.perf_counter() - began


def main() -> None:
    import matplotlib
    import plotly

    print(f"matplotlib {matplotlib.__version__}, plotly {plotly.__version__}, "
          f"numpy {np.__version__}; loadavg {os.getloadavg()[0]:.2f}; median of {REPEAT}")
    notes_code()  # warm imports and font caches for both sides
    nablab_figure("png")
    reference, _ = median_time(notes_code)
    rows: list[tuple[str, float, str]] = [("notes' code, pyplot → PNG [reference]", reference, "")]
    for fmt in ("png", "svg", "pdf"):
        seconds, size = median_time(lambda fmt=fmt: nablab_figure(fmt))
        rows.append((f"nablab surface+contour → {fmt.upper()}", seconds, f"{size / 1024:.0f} KB"))
    seconds, size = median_time(lambda: nablab_figure("png", "ko"))
    rows.append(("nablab surface+contour → PNG, Korean titles", seconds, f"{size / 1024:.0f} KB"))
    seconds, size = median_time(nablab_page)
    js = (Path(plotly.__file__).parent / "package_data" / "plotly.min.js").stat().st_size
    rows.append(("nablab interactive page (HTML)", seconds,
                 f"{size / 1e6:.2f} MB; data {(size - js) / 1e6:.2f} MB"))
    cli = cli_seconds()
    print(f"{'':46}{'time':>10}{'ratio':>8}  notes")
    for name, seconds, note in rows:
        print(f"{name:46}{seconds * 1000:8.0f} ms{seconds / reference:8.2f}  {note}")
    if cli is not None:
        print(f"{'nablab plot (fresh process, imports included)':46}{cli * 1000:8.0f} ms"
              f"{cli / reference:8.2f}")
    png = rows[1][1]
    print(f"\ntarget: the notes' figure as PNG < {TARGET} s: {png:.3f} s — "
          f"{'met' if png < TARGET else 'NOT met'}")


if __name__ == "__main__":
    main()
