"""Figures are written whole or not at all (issue 21): a temporary file beside the target,
renamed over it once complete; a symlink at the target is replaced, never followed."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from nablab.calculus.tangent import tangent_line
from nablab.plot import calculus, output


def _picture() -> object:
    return calculus.tangent_picture(tangent_line("x^3 - x", 0.5))


def test_a_symlink_at_the_target_is_replaced_not_followed(tmp_path: Path) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me")
    (tmp_path / "link.png").symlink_to(precious)
    output.write_picture(_picture(), tmp_path / "link.png", "en")
    assert precious.read_text() == "keep me"
    assert not (tmp_path / "link.png").is_symlink()
    assert (tmp_path / "link.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_an_interrupted_write_leaves_the_old_file(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "fig.png"
    target.write_bytes(b"old figure")

    def interrupted(*args: object, **kwargs: object) -> bytes:
        raise KeyboardInterrupt

    monkeypatch.setattr(output, "figure_bytes", interrupted)
    with pytest.raises(KeyboardInterrupt):
        output.write_picture(_picture(), target, "en")
    assert target.read_bytes() == b"old figure"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fig.png"]   # no leftovers


def test_a_new_figure_has_the_usual_permissions(tmp_path: Path) -> None:
    output.write_picture(_picture(), tmp_path / "f.png", "en")
    mask = os.umask(0)
    os.umask(mask)
    assert (tmp_path / "f.png").stat().st_mode & 0o777 == 0o666 & ~mask


@pytest.mark.skipif(shutil.which("nablab") is None, reason="needs the installed executable")
def test_ctrl_c_during_an_animation_leaves_old_or_new_never_half(tmp_path: Path) -> None:
    """Ctrl-C at several moments of writing an 8-frame GIF: the target is the old bytes or a
    whole GIF with every frame, each time."""
    from PIL import Image

    target = tmp_path / "run.gif"
    target.write_bytes(b"old")
    command = [shutil.which("nablab") or "nablab", "descend", "x^2 + 3y^2", "--start", "3,2",
               "--steps", "7", "--animate", str(target)]
    for delay in (0.5, 1.0, 1.5, 2.0, 3.0):
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(delay)
        os.killpg(process.pid, signal.SIGINT)
        process.wait(timeout=60)
        data = target.read_bytes()
        if data != b"old":
            with Image.open(target) as image:
                assert image.n_frames == 8
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".run.")]  # no leftovers




def test_a_plot_worker_killed_mid_write_leaves_no_partial_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``plot`` writes its file in its worker; a worker killed mid-write (Ctrl+C, the memory
    cap) left ``.page.<worker pid>.partial.png`` behind. The file is named after the command's
    process now, which removes it."""
    import io

    from nablab.cli import main

    def killed(picture: object, partial: Path, *args: object) -> None:
        partial.write_bytes(b"half a figure")
        os.kill(os.getpid(), signal.SIGKILL)

    monkeypatch.setattr(output, "_write_still", killed)   # in the forked worker too
    target = tmp_path / "page.png"
    target.write_bytes(b"old")
    err = io.StringIO()
    code = main(["plot", "x^2", "--out", str(target)], stdout=io.StringIO(), stderr=err)
    assert code != 0 and "Traceback" not in err.getvalue()
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["page.png"]   # no leftovers
