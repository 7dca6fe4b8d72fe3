"""Publication-ready PNG and SVG images that cite themselves, rendered by kaleido with the system Chromium.

Library: `render(view, fmt, preset)` -> bytes. One kaleido browser is started on first use and reused;
a render that fails or takes longer than TIMEOUT_SECONDS raises ExportError with a plain message.
Renders are bounded per process: EXPORT_CONCURRENCY at once, EXPORT_QUEUE waiting; beyond that ExportBusy
(served as 503 with Retry-After), so an export storm queues briefly or is turned away instead of starving pages.
Chromium runs at a lower CPU priority (nice EXPORT_NICE) than the threads serving pages.
Command line: python -m figures.export --page map --indicator arrests --year 2024 --format png --out FILE
              python -m figures.export --lang ar --page map --out FILE.svg --format svg
              python -m figures.export --all --lang all --out DIR
"""

from __future__ import annotations

import argparse
import atexit
import concurrent.futures
import copy
import math
import os
import re
import shutil
import sys
import threading
from dataclasses import dataclass, replace
from pathlib import Path

import plotly.graph_objects as go

from figures.bars import with_ranked_bars
from figures.captions import Type, apply_caption
from figures.i18n import LANGUAGES, N_, RIGHT_TO_LEFT, gettext_for, number
from figures.maps import mirror_keys, side_keys
from figures.views import View

TIMEOUT_SECONDS = 20
CONCURRENCY = int(os.environ.get("EXPORT_CONCURRENCY", "1"))  # renders at once in this process
QUEUE = int(os.environ.get("EXPORT_QUEUE", "2"))  # renders allowed to wait for a free renderer
NICE = int(os.environ.get("EXPORT_NICE", "10"))
RETRY_AFTER_SECONDS = 10
FORMATS = ("png", "svg")


@dataclass(frozen=True)
class Preset:
    """An image size and the width it is meant to be seen at, which sets its type sizes.

    `shown_px` is the width in CSS pixels at which readers see the image (an article column, a phone, a
    printed page), so type is sized to read at least MIN_TITLE / MIN_LABEL / MIN_NOTE pixels there.
    """

    width: int
    height: int
    scale: float
    shown_px: float
    max_notes: int = 6  # notes kept in the footer; the rest are on the page the footer links to

    @property
    def factor(self) -> float:
        return self.shown_px / self.width

    @property
    def type(self) -> Type:
        return Type(*(math.ceil(minimum / self.factor) for minimum in (MIN_TITLE, MIN_LABEL, MIN_NOTE)))

    @property
    def footer_width(self) -> int:
        """Characters per footer line: the width over the average glyph (about half the type size)."""
        return int(self.width / (self.type.note * 0.52))


MIN_TITLE, MIN_LABEL, MIN_NOTE = 18, 12, 10  # CSS pixels as seen by the reader
PRINT_WIDTH_PX = 17 / 2.54 * 96  # 17 cm on paper, in CSS pixels
PRESETS = {
    "web": Preset(1200, 675, 1, 700),  # a 700 px article column
    "square": Preset(1080, 1080, 1, 390, max_notes=2),  # a social post seen on a 390 px phone
    "print": Preset(1200, 675, 2, PRINT_WIDTH_PX),  # 2400x1350 pixels, printed 17 cm wide
}


class ExportError(RuntimeError):
    """An image could not be made; the message says why in words a reader can act on."""


class ExportBusy(ExportError):
    """Every renderer and queue place is taken; the client should retry after `retry_after` seconds."""

    retry_after = RETRY_AFTER_SECONDS


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
    sizes = chosen.type
    figure = go.Figure(copy.deepcopy(view.figure.to_dict()))
    lang = view.caption.lang
    if "outline_traces" in (figure.layout.meta or {}):
        if view.values is not None and preset != "square":
            with_ranked_bars(figure, view.values, view.scale_title, lang)
        else:
            side_keys(figure)
            if lang in RIGHT_TO_LEFT:
                mirror_keys(figure)
    caption = replace(view.caption, notes=_notes_that_fit(view.caption.notes, chosen, lang))
    apply_caption(figure, caption, footer=True, width=chosen.footer_width, sizes=sizes)
    figure.update_layout(width=chosen.width, height=chosen.height)
    _scale_type(figure, sizes)
    return figure


def _notes_that_fit(notes: tuple[str, ...], preset: Preset, lang: str = "en") -> tuple[str, ...]:
    """The first notes, and a pointer to the rest, so a small image keeps legible type instead of every note."""
    if len(notes) <= preset.max_notes:
        return notes
    left = len(notes) - preset.max_notes
    more = gettext_for(lang)(N_("More notes with the figure online: {count}.")).format(count=number(left, lang))
    return (*notes[: preset.max_notes], more)


def _scale_type(figure: go.Figure, sizes: Type) -> None:
    """Every label, value, tick and legend entry at least the preset's label size."""
    figure.update_layout(
        font={"size": sizes.label}, legend={"font": {"size": sizes.label}}, uniformtext={"minsize": sizes.label}
    )
    for note in figure.layout.annotations:
        if note.name != "footer":
            note.font.size = max(note.font.size or 0, sizes.label)
    figure.update_xaxes(tickfont={"size": sizes.label}, title_font={"size": sizes.label})
    figure.update_yaxes(tickfont={"size": sizes.label}, title_font={"size": sizes.label})
    for trace in figure.data:
        if getattr(trace, "textfont", None) is not None and trace.text is not None:
            trace.textfont.size = sizes.label
            if trace.type == "bar":
                trace.outsidetextfont = {"size": sizes.label}
        if trace.name == "scale":  # the map's colour bar (figures/maps.py)
            trace.marker.colorbar.tickfont = {"size": sizes.label}
            trace.marker.colorbar.title.font = {"size": sizes.label}
            trace.marker.colorbar.thickness = sizes.label


class _Renderer:
    """One kaleido server per process, started lazily; at most CONCURRENCY renders run on worker threads
    and at most QUEUE more wait, so the number of Chromium pages and of waiting requests stays bounded."""

    def __init__(self, concurrency: int = CONCURRENCY, queue: int = QUEUE) -> None:
        assert concurrency >= 1 and queue >= 0, "EXPORT_CONCURRENCY must be at least 1 and EXPORT_QUEUE at least 0"
        self._concurrency = concurrency
        self._lock = threading.Lock()
        self._started = False
        self._admitted = threading.BoundedSemaphore(concurrency + queue)
        self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="kaleido")

    def _start(self) -> None:
        import kaleido

        with self._lock:
            if not self._started:
                _lower_this_threads_priority()  # kaleido's thread and its Chromium inherit it
                # mathjax=False: kaleido would otherwise load MathJax from a CDN; plotly.js comes from the plotly package.
                kaleido.start_sync_server(
                    n=self._concurrency, timeout=TIMEOUT_SECONDS, mathjax=False, silence_warnings=True
                )
                atexit.register(_stop_kaleido)  # no Chromium outlives the process
                self._started = True

    def render(self, figure: go.Figure, fmt: str, scale: float) -> bytes:
        ok, why = available()
        if not ok:
            raise ExportError(why)
        if not self._admitted.acquire(blocking=False):
            raise ExportBusy(
                f"Every image renderer is busy; try again in {RETRY_AFTER_SECONDS} s (CSV downloads work now)."
            )
        try:
            return self._wait_for(self._pool.submit(self._render_now, figure, fmt, scale))
        finally:
            self._admitted.release()

    @staticmethod
    def _wait_for(future: concurrent.futures.Future) -> bytes:
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


def _lower_this_threads_priority() -> None:
    """On Linux a nice value belongs to a thread, and threads and processes started from it inherit it."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), NICE)
    except (OSError, AttributeError):  # not Linux, or not permitted: renders simply keep normal priority
        pass


def _stop_kaleido() -> None:
    import kaleido

    try:
        kaleido.stop_sync_server(silence_warnings=True)
    except Exception:  # noqa: BLE001, S110 - shutting down: nothing useful to do with an error here
        pass


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
    parser.add_argument(
        "--lang", choices=(*LANGUAGES, "all"), default="en", help="the image's language ('all' with --all: each)"
    )
    parser.add_argument("--preset", choices=tuple(PRESETS), default="web")
    parser.add_argument("--out", type=Path, required=True, help="output file, or a folder with --all")
    parser.add_argument(
        "--all", action="store_true", help="every indicator's map for its latest year and every trend, PNG and SVG"
    )
    args = parser.parse_args(argv)
    if args.lang == "all" and not args.all:
        parser.error("--lang all needs --all (one file per language)")
    try:
        for path in run(args):
            print(path)
    except (ExportError, ValueError) as error:
        print(f"export failed: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
