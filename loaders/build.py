"""Build data/processed from data/raw: validate everything, then publish all tables at once or nothing.

data/processed is a symlink to data/builds/<version>/. A build writes a complete new version folder,
then swaps the link with one atomic rename, so readers see all old tables or all new ones, and a
failed build leaves the last good version in place.

Each version's manifest holds the SHA-256 of every table file; a build whose version folder already
exists checks it against them and rewrites it when any file differs (bit rot, a bad copy, a hand edit).
Builds clean up after themselves: a killed build's staging folder is removed by the next build, and
pruning keeps the versions most recently served (data/builds/.served), never the current or previous one.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa

from data.progress import stages
from data.store import version_problems
from loaders.allocation import frugal_allocation
from loaders.columnar import read_ledger_columns
from loaders.encoder import Encoder
from loaders.errors import BuildError, NeedsRecords, Problem
from loaders.ledger import read_ledger
from loaders.reference import Reference, read_reference
from loaders.tables import make_tables

KEEP_BUILDS = 3
SERVED_LOG = ".served"  # one version per line, in the order data/processed pointed at them


@dataclass(frozen=True)
class BuildResult:
    version: str
    path: Path
    tables: dict[str, pd.DataFrame]
    repaired: tuple[str, ...] = ()  # what was wrong with an existing version folder that this build rewrote


STEPS = ("reading and normalising", "reconciling and checking", "hashing and writing")


def validate(
    raw_dir: Path, steps: Iterator[str] | None = None, ready: Callable[[str, pd.DataFrame], None] | None = None
) -> dict[str, pd.DataFrame]:
    """Read and normalise every raw file; raise BuildError listing every problem found. `steps` is advanced as
    each of the build's STEPS starts, to show progress on long builds; `ready` is given each table that is final
    before the others are (see make_tables)."""
    with frugal_allocation():
        return _validate(raw_dir, steps or iter(STEPS), ready)


def _validate(
    raw_dir: Path, steps: Iterator[str], ready: Callable[[str, pd.DataFrame], None] | None
) -> dict[str, pd.DataFrame]:
    ref = read_reference(raw_dir)
    if ref.problems:
        raise BuildError(ref.problems)
    next(steps, None)
    try:
        sources, claims = read_ledger_columns(raw_dir, ref)
    except NeedsRecords:  # Something to name, or to read more carefully: the record reader does both.
        sources, claims = _read_by_records(raw_dir, ref)
    next(steps, None)
    return make_tables(ref, sources, claims, ready)


def _claim_lines(raw_dir: Path) -> int:
    """Lines in the claims files: about the number of claims, known before reading them."""
    return sum(sum(block.count(b"\n") for block in _blocks(path)) - 1 for path in (raw_dir / "claims").glob("*.csv"))


def _blocks(path: Path, size: int = 1 << 20) -> Iterator[bytes]:
    """A file a megabyte at a time: a ledger file need not be held whole to be counted or hashed."""
    with path.open("rb") as handle:
        yield from iter(lambda: handle.read(size), b"")


def _read_by_records(raw_dir: Path, ref: Reference) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The record reader: slower, and the one that names every problem by file, line and field."""
    ledger = read_ledger(raw_dir, ref)
    if ledger.problems:
        raise BuildError(ledger.problems)
    return pd.DataFrame(ledger.sources), pd.DataFrame(ledger.claims)


def build(raw_dir: Path, data_dir: Path) -> BuildResult:
    with frugal_allocation():
        return _build(raw_dir, data_dir)


def _build(raw_dir: Path, data_dir: Path) -> BuildResult:
    lines = _claim_lines(raw_dir)
    steps = stages(STEPS, f"building {lines:,} claims", lines)
    encoder = Encoder()
    tables = validate(raw_dir, steps, ready=encoder.add)
    next(steps, None)
    for name in (name for name in tables if not encoder.has(name)):
        encoder.add(name, tables[name])
    version = data_version(encoder.arrow())
    builds = data_dir / "builds"
    _remove_abandoned(builds)
    target = builds / version
    repaired: tuple[str, ...] = ()
    if not target.exists():
        _write_version(encoder.parquet(), _manifest(raw_dir, tables, version), target)
    elif problems := version_problems(target):
        _write_version(encoder.parquet(), _manifest(raw_dir, tables, version), target, replace_broken=True)
        repaired = tuple(problems)
    else:  # this version is on disk already, intact
        encoder.abandon()
    previous = _point_link(data_dir / "processed", target)
    _record_served(builds, version)
    _prune(builds, keep={target.name, previous})
    return BuildResult(version, target, tables, repaired)


def data_version(arrow: dict[str, pa.Table]) -> str:
    """A hash of the table contents in Arrow's stream format (not of Parquet bytes), so equal data gives an equal version."""
    digest = hashlib.sha256()
    for name in sorted(arrow):
        digest.update(name.encode())
        table = arrow[name].combine_chunks()
        # Streamed into the hash: a copy of the million-claim table's stream would cost hundreds of megabytes.
        with pa.ipc.new_stream(pa.PythonFile(_Hashing(digest), mode="w"), table.schema) as writer:
            writer.write_table(table)
    return digest.hexdigest()[:16]


class _Hashing(io.RawIOBase):
    """A write-only file that feeds what is written to a hash."""

    def __init__(self, digest: hashlib._Hash):
        self.digest = digest

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:
        self.digest.update(data)
        return len(data)


def _manifest(raw_dir: Path, tables: dict[str, pd.DataFrame], version: str) -> dict:
    inputs = {str(path.relative_to(raw_dir)): _sha256(path) for path in sorted(raw_dir.rglob("*.csv"))}
    return {
        "data_version": version,
        "tables": {name: {"rows": len(frame), "file": f"{name}.parquet"} for name, frame in sorted(tables.items())},
        "inputs": inputs,
    }


def _sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _write_version(parquet: dict[str, bytes], manifest: dict, target: Path, replace_broken: bool = False) -> None:
    """Write every table's Parquet file to a staging folder, record their hashes, then move it into place in one
    rename (a broken folder of the same version is first moved aside, so the swap is still one rename)."""
    staging = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    for name, payload in sorted(parquet.items()):
        (staging / f"{name}.parquet").write_bytes(payload)
        manifest["tables"][name]["sha256"] = hashlib.sha256(payload).hexdigest()
    (staging / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if replace_broken:
        broken = target.with_name(f".{target.name}.{os.getpid()}.broken.tmp")
        target.rename(broken)
        staging.rename(target)
        shutil.rmtree(broken, ignore_errors=True)
    else:
        staging.rename(target)


def _point_link(link: Path, target: Path) -> str | None:
    """Point data/processed at target; return the version it pointed at before (None if none)."""
    if link.exists() and not link.is_symlink():
        problem = Problem(str(link), 0, "", "is a folder, not the link this build manages; move it away")
        raise BuildError([problem])
    previous = Path(os.readlink(link)).name if link.is_symlink() else None
    temporary = link.with_name(f".{link.name}.{os.getpid()}.link")
    temporary.unlink(missing_ok=True)
    temporary.symlink_to(os.path.relpath(target, link.parent))
    os.replace(temporary, link)
    return previous


def _record_served(builds: Path, version: str) -> None:
    log = builds / SERVED_LOG
    served = log.read_text(encoding="utf-8").split() if log.exists() else []
    if not served or served[-1] != version:
        served.append(version)
    log.write_text("\n".join(served[-100:]) + "\n", encoding="utf-8")


def _prune(builds: Path, keep: set[str | None]) -> None:
    """Keep the versions served most recently (and always the current and the previous one), so a reader
    that resolved an older link can finish its reads and a revert finds its version still there.
    Folder times are not used: re-pointing the link at an old version does not touch its folder."""
    log = builds / SERVED_LOG
    served = log.read_text(encoding="utf-8").split() if log.exists() else []
    recency = {version: rank for rank, version in enumerate(served)}
    versions = [p for p in builds.iterdir() if p.is_dir() and not p.name.startswith(".")]
    newest_first = sorted(versions, key=lambda p: recency.get(p.name, -1), reverse=True)
    kept = {p.name for p in newest_first[:KEEP_BUILDS]} | {k for k in keep if k}
    for old in versions:
        if old.name not in kept:
            shutil.rmtree(old, ignore_errors=True)


def _remove_abandoned(builds: Path) -> None:
    """Staging folders (.<version>.<pid>.tmp) and link files whose build process is gone: a killed build's
    leftovers. A folder of a build still running (its pid alive) is left alone."""
    if not builds.exists():
        return
    leftovers = [*builds.glob(".*.tmp"), *builds.parent.glob(".processed.*.link")]
    for path in leftovers:
        pid = _pid_in_name(path.name)
        if pid is not None and pid != os.getpid() and _alive(pid):
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def _pid_in_name(name: str) -> int | None:
    parts = name.split(".")
    return int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
