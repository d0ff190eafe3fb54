"""Animation frames, drawn the fast way, and written as GIF, MP4 or an HTML player.

An animation is a figure whose static part is drawn once, plus a few *moving* artists and an
``update(i)`` that changes them. Each frame restores the static background and draws only
the moving artists (matplotlib's blitting), so a frame costs milliseconds, not a full
redraw. Frames go to Pillow (GIF), to an ``ffmpeg`` process (MP4, when installed) or into a
self-contained HTML page with a small player (play, pause, step, slider).
"""

from __future__ import annotations

import base64
import html
import io
import shutil
import subprocess
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from nablab.errors import UnsupportedError


@dataclass
class Frames:
    """A figure, its moving artists, and ``update(i)`` for frames ``0 … count − 1``."""

    figure: Any
    moving: Sequence[Any]
    update: Callable[[int], Any]
    count: int
    fps: int = 8


def render(frames: Frames) -> Iterator[np.ndarray]:
    """Each frame as an RGB array ``(height, width, 3)``."""
    figure = frames.figure
    canvas = figure.canvas
    for artist in frames.moving:
        artist.set_animated(True)
    canvas.draw()
    background = canvas.copy_from_bbox(figure.bbox)
    for i in range(frames.count):
        frames.update(i)
        canvas.restore_region(background)
        for artist in frames.moving:
            figure.draw_artist(artist)
        yield np.asarray(canvas.buffer_rgba())[:, :, :3].copy()


def write_gif(frames: Frames, path: Path) -> None:
    """An endlessly looping GIF, every frame on one palette (from the first and last frames).

    The last frame has every path drawn, the first the background: together they hold the
    colours of all frames, and one shared palette is much faster than one per frame.
    """
    from PIL import Image

    images = [Image.fromarray(rgb) for rgb in render(frames)]
    both = Image.fromarray(np.concatenate([np.asarray(images[0]), np.asarray(images[-1])]))
    palette = both.quantize(colors=255, method=Image.Quantize.MEDIANCUT)
    quantized = [image.quantize(palette=palette, dither=Image.Dither.NONE) for image in images]
    quantized[0].save(path, save_all=True, append_images=quantized[1:],
                      duration=int(1000 / frames.fps), loop=0, optimize=False)


def ffmpeg_path() -> str | None:
    """The ffmpeg executable (matplotlib's setting, else on PATH), or ``None``."""
    from matplotlib import rcParams

    configured = rcParams["animation.ffmpeg_path"]
    return shutil.which(configured) or shutil.which("ffmpeg")


def write_mp4(frames: Frames, path: Path) -> None:
    """An H.264 MP4 through ffmpeg, frames piped as raw RGB.

    Raises:
        UnsupportedError: ``plot_no_mp4_writer`` when ffmpeg is not installed.
    """
    binary = ffmpeg_path()
    if binary is None:
        raise UnsupportedError("plot_no_mp4_writer")
    width, height = (int(v) for v in frames.figure.canvas.get_width_height())
    command = [binary, "-y", "-loglevel", "error", "-f", "rawvideo", "-pix_fmt", "rgb24",
               "-s", f"{width}x{height}", "-r", str(frames.fps), "-i", "-",
               "-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2", "-pix_fmt", "yuv420p", str(path)]
    with subprocess.Popen(command, stdin=subprocess.PIPE) as process:
        assert process.stdin is not None
        for rgb in render(frames):
            process.stdin.write(rgb.tobytes())
        process.stdin.close()
        if process.wait() != 0:
            raise UnsupportedError("plot_no_mp4_writer")


_PLAYER = """<div class="nablab-player">
<img id="frame" alt="" src="{first}">
<div><button id="play">&#9654;</button> <button id="step">&#8677;</button>
<input id="slider" type="range" min="0" max="{last}" value="0"> <span id="count"></span></div>
</div>
<script>
const frames = {sources};
const img = document.getElementById("frame"), slider = document.getElementById("slider");
const count = document.getElementById("count"), play = document.getElementById("play");
let i = 0, timer = null;
function show(k) {{ i = k; img.src = frames[k]; slider.value = k;
  count.textContent = (k + 1) + " / " + frames.length; }}
function stop() {{ clearInterval(timer); timer = null; play.innerHTML = "&#9654;"; }}
function tick() {{ if (i + 1 < frames.length) show(i + 1); else stop(); }}
play.onclick = () => {{ if (timer) {{ stop(); return; }}
  if (i + 1 >= frames.length) show(0);
  timer = setInterval(tick, {interval}); play.innerHTML = "&#10074;&#10074;"; }};
document.getElementById("step").onclick = () => {{ stop(); tick(); }};
slider.oninput = () => {{ stop(); show(Number(slider.value)); }};
show(0); play.onclick();
</script>"""


def _jpeg(rgb: np.ndarray) -> str:
    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, format="JPEG", quality=88)
    return "data:image/jpeg;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def player_page(frames: Frames, title: str) -> str:
    """A complete page that plays the frames (JPEG, embedded) with its own tiny player."""
    sources = [_jpeg(rgb) for rgb in render(frames)]
    body = _PLAYER.format(first=sources[0], last=len(sources) - 1,
                          sources="[" + ",".join(f'"{s}"' for s in sources) + "]",
                          interval=int(1000 / frames.fps))
    return ("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{html.escape(title)}</title>\n</head>\n<body>\n{body}\n</body>\n</html>\n")


__all__ = ["Frames", "ffmpeg_path", "player_page", "render", "write_gif", "write_mp4"]
