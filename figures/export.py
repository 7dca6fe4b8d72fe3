"""Publication-ready PNG and SVG images that cite themselves, rendered by kaleido with the system Chromium.

Library: `render(view, fmt, preset)` -> bytes. One kaleido browser is started on first use and reused;
a render that fails or takes longer than TIMEOUT_SECONDS raises ExportError with a plain message.
Command line: python -m figures.export --page map --indicator arrests --year 2024 --format png --out FILE
              python -m figures.export --all --out DIR
"""

from __future__ import annotations

import argparse
import concurrent.futures
import copy
import re
import shutil
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import plotly.graph_objects as go

from figures.captions import apply_caption
from figures.views import View

TIMEOUT_SECONDS = 20
FORMATS = ("png", "svg")


@dataclass(frozen=True)
class Preset:
    width: int
    height: int
    scale: float
    footer_width: int  # characters per footer line that fit at this width


PRESETS = {
    "web": Preset(1200, 675, 1, 150),
    "square": Preset(1080, 1080, 1, 135),
    "print": Preset(1200, 675, 2, 150),  # 2400x1350 pixels: the web layout at twice the resolution
}


class ExportError(RuntimeError):
    """An image could not be made; the message says why in words a reader can act on."""


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def available() -> tuple[bool, str]:
    if chromium_path() is None:
        return (
            False,
            "Image export needs Chromium (Debian package 'chromium'; `make system` installs it). CSV downloads still work.",
        )
    return True, ""


def export_figure(view: View, preset: str) -> go.Figure:
    """The on-screen figure with its title and a self-citing footer inside the image; no modebar exists in images."""
    chosen = PRESETS[preset]
    figure = go.Figure(copy.deepcopy(view.figure.to_dict()))
    apply_caption(figure, view.caption, footer=True, width=chosen.footer_width)
    figure.update_layout(width=chosen.width, height=chosen.height)
    return figure


class _Renderer:
    """One kaleido server per process, started lazily; renders run one at a time on a worker thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._started = False
        self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="kaleido")

    def _start(self) -> None:
        import kaleido

        with self._lock:
            if not self._started:
                # mathjax=False: kaleido would otherwise load MathJax from a CDN; plotly.js comes from the plotly package.
                kaleido.start_sync_server(n=1, timeout=TIMEOUT_SECONDS, mathjax=False, silence_warnings=True)
                self._started = True

    def render(self, figure: go.Figure, fmt: str, scale: float) -> bytes:
        ok, why = available()
        if not ok:
            raise ExportError(why)
        future = self._pool.submit(self._render_now, figure, fmt, scale)
        try:
            return future.result(timeout=TIMEOUT_SECONDS)
        except concurrent.futures.TimeoutError:
            raise ExportError(
                f"Image export took longer than {TIMEOUT_SECONDS} s and was abandoned; try again, or download the CSV."
            ) from None
        except Exception as error:  # noqa: BLE001 - any renderer failure becomes one clear message
            raise ExportError(
                f"Image export failed ({type(error).__name__}: {error}); the CSV download still works."
            ) from error

    def _render_now(self, figure: go.Figure, fmt: str, scale: float) -> bytes:
        import kaleido

        self._start()
        opts = {"format": fmt, "width": figure.layout.width, "height": figure.layout.height, "scale": scale}
        return kaleido.calc_fig_sync(figure.to_dict(), opts=opts)


RENDERER = _Renderer()


def render(view: View, fmt: str, preset: str = "web") -> bytes:
    if fmt not in FORMATS or preset not in PRESETS:
        raise ExportError(f"unknown format {fmt!r} or preset {preset!r}; formats {FORMATS}, presets {tuple(PRESETS)}")
    return RENDERER.render(export_figure(view, preset), fmt, PRESETS[preset].scale)


def safe_filename(*parts: object) -> str:
    """A download name from parts, reduced to lowercase letters, digits, '-' and '.'."""
    name = "-".join(str(p) for p in parts if p not in (None, ""))
    cleaned = re.sub(r"-{2,}", "-", re.sub(r"[^a-z0-9.-]+", "-", name.lower())).replace("..", ".")
    return cleaned.strip("-.")[:120] or "figure"


def main(argv: list[str] | None = None) -> int:
    from figures.batch import run  # The command line reads the data store; the library above does not.

    parser = argparse.ArgumentParser(
        prog="python -m figures.export", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--page", choices=("map", "trends"), default="map")
    parser.add_argument("--indicator", default="arrests")
    parser.add_argument("--drug", default="all")
    parser.add_argument("--year", default="latest", help="a year, or 'latest' (map only)")
    parser.add_argument("--places", default="IQ,IQ-KR", help="comma-separated codes (trends only)")
    parser.add_argument("--per-capita", action="store_true", help="per 100,000 people (map only)")
    parser.add_argument("--format", choices=FORMATS, default="png")
    parser.add_argument("--preset", choices=tuple(PRESETS), default="web")
    parser.add_argument("--out", type=Path, required=True, help="output file, or a folder with --all")
    parser.add_argument(
        "--all", action="store_true", help="every indicator's map for its latest year and every trend, PNG and SVG"
    )
    args = parser.parse_args(argv)
    try:
        for path in run(args):
            print(path)
    except (ExportError, ValueError) as error:
        print(f"export failed: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
