"""The Lagrange picture from a real result, and the tour's named figures."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest

from nablab.cli import main
from nablab.plot import lagrange as lagrange_plot

from .conftest import png_spread


@pytest.fixture(scope="module")
def hike():
    from nablab.constrained import lagrange

    return lagrange("4 - x^2 - 2y^2", "2(x-1)^2 - 10y + 6 = 0")


def test_constraint_curve_lies_on_g_equals_k(hike) -> None:
    window = lagrange_plot.lagrange_window(hike)
    path = lagrange_plot.constraint_paths(hike, window)[0]
    g = 2 * (path[:, 0] - 1) ** 2 - 10 * path[:, 1] + 6
    assert np.max(np.abs(g)) < 0.05 and len(path) > 50


def test_plane_panel_marks_the_candidates_and_parallel_gradients(hike) -> None:
    fig = lagrange_plot.lagrange_figure(hike, "en")
    plane, walk = fig.axes[:2]
    best = lagrange_plot.optimum(hike)
    marks = [line for line in plane.get_lines() if line.get_marker() == "^"]
    assert (marks[0].get_xdata()[0], marks[0].get_ydata()[0]) == (best.point["x"],
                                                                  best.point["y"])
    arrows = [a for a in plane.texts if getattr(a, "arrow_patch", None) is not None
              and a.arrow_patch is not None]
    (fx, fy), (gx, gy) = [np.subtract(a.xy, a.xyann) for a in arrows]
    assert fx * gy - fy * gx == pytest.approx(0, abs=1e-9)  # ∇f ∥ ∇g at the optimum
    legend = [t.get_text() for t in plane.get_legend().get_texts()]
    assert "constraint g = k" in legend and "∇f at the optimum" in legend


def test_hike_tops_out_at_the_maximum(hike) -> None:
    fig = lagrange_plot.lagrange_figure(hike, "en")
    walk = fig.axes[1]
    (top,) = [line for line in walk.get_lines() if line.get_marker() == "^"]
    assert top.get_ydata()[0] == pytest.approx(hike.maximum.value)
    (height,) = [line for line in walk.get_lines() if len(line.get_xdata()) > 2]
    assert np.nanmax(height.get_ydata()) == pytest.approx(hike.maximum.value, abs=1e-3)
    assert "highest point" in walk.get_legend().get_texts()[0].get_text()


def test_lagrange_picture_in_korean_is_not_blank(hike, tmp_path: Path) -> None:
    from nablab.plot.output import write_picture

    write_picture(lagrange_plot.lagrange_picture(hike), tmp_path / "hike.png", "ko")
    assert png_spread((tmp_path / "hike.png").read_bytes()) > 10


def test_tour_writes_named_figures(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    folder = tmp_path / "figs"
    assert main(["tour", "--figures", str(folder)], stdout=out, stderr=err) == 0
    names = sorted(p.name for p in folder.iterdir())
    listed = [line.split()[0] for line in out.getvalue().splitlines()
              if line.strip().endswith("KB)")]
    assert listed[0] == "01-foundation-surface-contour.png" and sorted(listed) == names
    assert all(png_spread(p.read_bytes()) > 10 for p in folder.iterdir())
    # numbered in chapter order; the numbers shift as chapters are added
    assert {"critical-gradient-field.png", "descent-gradient-descent.png"} <= {
        name.split("-", 1)[1] for name in names}


def test_tour_without_figures_writes_nothing(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    assert main(["tour", "--no-figures"], stdout=out) == 0
    assert list(tmp_path.iterdir()) == []
