"""Build data/processed from data/raw: validate everything, then publish all tables at once or nothing.

data/processed is a symlink to data/builds/<version>/. A build writes a complete new version folder,
then swaps the link with one atomic rename, so readers see all old tables or all new ones, and a
failed build leaves the last good version in place.
"""

from __future__ import annotations

import gc
import hashlib
import io
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from data import schema
from loaders.errors import BuildError, Problem
from loaders.ledger import read_ledger
from loaders.reference import read_reference
from loaders.tables import make_tables

KEEP_BUILDS = 3


@dataclass(frozen=True)
class BuildResult:
    version: str
    path: Path
    tables: dict[str, pd.DataFrame]


def validate(raw_dir: Path) -> dict[str, pd.DataFrame]:
    """Read and normalise every raw file; raise BuildError listing every problem found."""
    # A build allocates millions of small objects and frees none until the end: the cyclic garbage
    # collector would rescan them all again and again (the 1M-claim build spent half its time there).
    gc.disable()
    try:
        return _validate(raw_dir)
    finally:
        gc.enable()


def _validate(raw_dir: Path) -> dict[str, pd.DataFrame]:
    ref = read_reference(raw_dir)
    if ref.problems:
        raise BuildError(ref.problems)
    ledger = read_ledger(raw_dir, ref)
    if ledger.problems:
        raise BuildError(ledger.problems)
    return make_tables(ref, ledger)


def build(raw_dir: Path, data_dir: Path) -> BuildResult:
    tables = validate(raw_dir)
    arrow = {name: schema.to_arrow(frame, schema.TABLES[name]) for name, frame in tables.items()}
    version = data_version(arrow)
    target = data_dir / "builds" / version
    if not target.exists():
        _write_version(arrow, _manifest(raw_dir, tables, version), target)
    _point_link(data_dir / "processed", target)
    _prune(data_dir / "builds", keep=target)
    return BuildResult(version, target, tables)


def data_version(arrow: dict[str, pa.Table]) -> str:
    """A hash of the table contents in Arrow's stream format (not of Parquet bytes), so equal data gives an equal version."""
    digest = hashlib.sha256()
    for name in sorted(arrow):
        digest.update(name.encode())
        sink = pa.BufferOutputStream()
        table = arrow[name].combine_chunks()
        with pa.ipc.new_stream(sink, table.schema) as writer:
            writer.write_table(table)
        digest.update(sink.getvalue().to_pybytes())
    return digest.hexdigest()[:16]


def _manifest(raw_dir: Path, tables: dict[str, pd.DataFrame], version: str) -> dict:
    inputs = {
        str(path.relative_to(raw_dir)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(raw_dir.rglob("*.csv"))
    }
    return {
        "data_version": version,
        "tables": {name: {"rows": len(frame), "file": f"{name}.parquet"} for name, frame in sorted(tables.items())},
        "inputs": inputs,
    }


def _write_version(arrow: dict, manifest: dict, target: Path) -> None:
    staging = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    for name, table in arrow.items():
        buffer = io.BytesIO()
        pq.write_table(table, buffer, compression="zstd")
        (staging / f"{name}.parquet").write_bytes(buffer.getvalue())
    (staging / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    staging.rename(target)


def _point_link(link: Path, target: Path) -> None:
    if link.exists() and not link.is_symlink():
        problem = Problem(str(link), 0, "", "is a folder, not the link this build manages; move it away")
        raise BuildError([problem])
    temporary = link.with_name(f".{link.name}.{os.getpid()}.link")
    temporary.unlink(missing_ok=True)
    temporary.symlink_to(os.path.relpath(target, link.parent))
    os.replace(temporary, link)


def _prune(builds: Path, keep: Path) -> None:
    """Keep the newest few versions, so a reader that resolved an older link can finish its reads."""
    versions = sorted(
        (p for p in builds.iterdir() if p.is_dir() and not p.name.startswith(".")),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for old in [v for v in versions if v != keep][KEEP_BUILDS - 1 :]:
        shutil.rmtree(old, ignore_errors=True)
