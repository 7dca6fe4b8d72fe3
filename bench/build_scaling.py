"""Build time and peak memory for the real ledger and synthetic ones of 10k, 100k and 1M claims.

Each build runs in its own process, which reports its own peak RSS; the floor is the time that process
needs to start, import and read the same CSV rows without normalising them. Builds and floors alternate, three
of each, and the medians are compared.
"""

from __future__ import annotations

import hashlib
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.synthetic import write_ledger

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / ".cache"
SIZES = (10_000, 100_000, 1_000_000)
REPEATS = 3  # builds and floors per ledger; the medians are reported

_CHILD = """
import csv, json, resource, sys, time
from pathlib import Path
start = time.perf_counter()
raw, data, mode = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
if mode == "build":
    from loaders.build import build
    claims = len(build(raw, data).tables["claims"])
else:
    import loaders.build  # Same imports as a build, then only read the rows.
    claims = sum(sum(1 for _ in csv.reader(p.open(encoding="utf-8"))) - 1 for p in (raw / "claims").glob("*.csv"))
print(json.dumps({"seconds": time.perf_counter() - start, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "claims": claims}))
"""


def _run(raw: Path, mode: str) -> dict:
    with tempfile.TemporaryDirectory() as data:
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, str(raw), data, mode], cwd=ROOT, capture_output=True, text=True
        )
    if done.returncode:
        raise RuntimeError(f"{mode} of {raw} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def fingerprint() -> str:
    """What a synthetic ledger is made from (the reference tables it copies and the generator): a change to either
    writes the ledgers anew, so a cached one never lags behind the schema."""
    parts = sorted((ROOT / "data" / "raw").glob("*.csv")) + [ROOT / "bench" / "synthetic.py"]
    return hashlib.sha256(b"".join(p.read_bytes() for p in parts)).hexdigest()[:12]


def measure(sizes: tuple[int, ...] = SIZES) -> dict[str, dict]:
    results = {"real": _row(ROOT / "data" / "raw")}
    for size in sizes:
        raw = CACHE / f"synthetic-{size}-{fingerprint()}"
        if not (raw / "claims" / "synthetic.csv").exists():
            write_ledger(size, raw)
        results[f"{size:,}"] = _row(raw)
    previous = None
    for name, row in results.items():
        if name != "real" and previous:
            row["growth_per_tenfold"] = row["seconds"] / previous["seconds"]
        previous = row if name != "real" else None
    return results


def _row(raw: Path) -> dict:
    """Medians of REPEATS builds and floors, taken in turn: one pair of runs moved 4.7x to 5.6x with no change to
    the code, so a single pair says more about the machine's neighbours than about the build."""
    builds, floors = [], []
    for _ in range(REPEATS):
        builds.append(_run(raw, "build"))
        floors.append(_run(raw, "read"))
    seconds = statistics.median(run["seconds"] for run in builds)
    floor = statistics.median(run["seconds"] for run in floors)
    peak = max(run["peak_mb"] for run in builds)
    return {
        "seconds": seconds,
        "peak_mb": peak,
        "claims": builds[0]["claims"],
        "runs": REPEATS,
        "floor_seconds": floor,
        "ratio_to_floor": seconds / floor,
    }
