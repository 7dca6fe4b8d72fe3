"""Image export time: cold (a new process starts kaleido's browser) and warm (the same kaleido reused)."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CHILD = """
import json, time
start = time.perf_counter()
from data.store import snapshot
from figures.export import render
from figures.geometry import tile_grid
from figures.selection import MapOptions, load_tables
from figures.views import map_view
data = snapshot()
view = map_view(load_tables(data), MapOptions("arrests", year=2024), tile_grid(), data.version, "")
ready = time.perf_counter()
render(view, "png", "web")
cold = time.perf_counter() - ready
warm = []
for fmt in ("png", "svg", "png", "svg", "png"):
    t = time.perf_counter(); render(view, fmt, "web"); warm.append(time.perf_counter() - t)
print(json.dumps({"cold": cold, "warm": warm, "process_start": ready - start}))
"""


def measure() -> dict[str, dict]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _CHILD], cwd=ROOT, capture_output=True, text=True, check=True)
    row = json.loads(done.stdout.strip().splitlines()[-1])
    warm = statistics.median(row["warm"])
    return {
        "cold (first image, starts kaleido)": {"seconds": row["cold"], "ratio_to_warm": row["cold"] / warm},
        "warm (kaleido reused, median of 5)": {"seconds": warm, "ratio_to_warm": 1.0},
        "_wall": {"seconds": time.perf_counter() - start},
    }
