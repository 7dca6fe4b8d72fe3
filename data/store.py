"""The one read-only accessor of the processed tables.

A Snapshot is one published data version: every table a request reads comes from the same version,
even if a rebuild swaps data/processed meanwhile. Snapshots are cached per version and their tables
are checked against data/schema.py when read.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from data import schema

DATA_DIR = Path(os.environ.get("IRAQ_DRUGS_DATA_DIR", Path(__file__).resolve().parent))


class DataUnavailable(RuntimeError):
    """The processed tables are missing or unreadable."""


@dataclass(frozen=True)
class Snapshot:
    path: Path
    manifest: dict = field(hash=False, compare=False)

    @property
    def version(self) -> str:
        return self.manifest["data_version"]

    def table(self, name: str) -> pd.DataFrame:
        """The named table; callers must treat it as read-only (it is shared between requests)."""
        return _read_table(self.path, name)


def snapshot(data_dir: Path | None = None) -> Snapshot:
    """The current data version: resolves data/processed once, so one request reads one version."""
    link = (data_dir or DATA_DIR) / "processed"
    if not link.exists():
        raise DataUnavailable(f"{link} does not exist: run `python -m loaders build` (or `make data`) first")
    return _snapshot_at(link.resolve())


@lru_cache(maxsize=8)
def _snapshot_at(path: Path) -> Snapshot:
    try:
        manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise DataUnavailable(f"{path}/manifest.json is unreadable: {error}") from error
    return Snapshot(path, manifest)


@lru_cache(maxsize=64)
def _read_table(path: Path, name: str) -> pd.DataFrame:
    declared = schema.TABLES[name]
    try:
        arrow = pq.read_table(path / f"{name}.parquet")
    except (OSError, ValueError) as error:
        raise DataUnavailable(f"{path / (name + '.parquet')} is unreadable: {error}") from error
    try:
        schema.check(arrow, declared)
    except schema.SchemaError as error:
        raise DataUnavailable(f"{path / (name + '.parquet')}: {error}") from error
    return arrow.to_pandas(types_mapper=_types)


def _types(arrow_type):  # noqa: ANN001, ANN202 - pyarrow's callback signature
    """Nullable pandas dtypes, so a missing count stays missing instead of becoming a float NaN or 0."""
    import pyarrow as pa

    if arrow_type == pa.int64():
        return pd.Int64Dtype()
    if arrow_type == pa.bool_():
        return pd.BooleanDtype()
    return None


def boundaries(data_dir: Path | None = None) -> dict | None:
    """The governorate polygons written by `python -m loaders.boundaries`, or None (the map then uses tiles)."""
    path = (data_dir or DATA_DIR) / "boundaries" / "irq_adm1.json"
    try:
        return _read_boundaries(path, path.stat().st_mtime_ns)
    except (OSError, ValueError):
        return None


@lru_cache(maxsize=2)
def _read_boundaries(path: Path, _mtime_ns: int) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def check_all(data_dir: Path | None = None) -> Snapshot:
    """Check every table file of the current version against its manifest hash and read it, so corruption is
    found at start-up and by /healthz. Cheap to repeat: a file is hashed again only when its size, time or
    inode change, and tables are read once per version."""
    data = snapshot(data_dir)
    for name, info in data.manifest.get("tables", {}).items():
        path = data.path / info.get("file", f"{name}.parquet")
        try:
            stat = path.stat()
        except OSError as error:
            raise DataUnavailable(f"{path} is unreadable: {error.strerror}") from error
        problem = _file_problem(path, stat.st_size, stat.st_mtime_ns, stat.st_ino, info.get("sha256"))
        if problem:
            raise DataUnavailable(problem)
    for name in schema.TABLES:
        data.table(name)
    _check_boundaries(data_dir)
    return data


def version_problems(path: Path) -> list[str]:
    """What is wrong with a version folder: an unreadable manifest, a missing table, or a file whose bytes
    do not match the hash its manifest recorded. Empty when the folder is intact."""
    try:
        manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
        tables = manifest["tables"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        return [f"{path.name}/manifest.json is unreadable ({type(error).__name__})"]
    problems = [f"{path.name}: table {name} is not in its manifest" for name in schema.TABLES if name not in tables]
    for name, info in tables.items():
        file = path / info.get("file", f"{name}.parquet")
        try:
            stat = file.stat()
        except OSError:
            problems.append(f"{path.name}/{file.name} is missing")
            continue
        problem = _file_problem(file, stat.st_size, stat.st_mtime_ns, stat.st_ino, info.get("sha256"))
        if problem:
            problems.append(problem)
    return problems


@lru_cache(maxsize=256)
def _file_problem(path: Path, _size: int, _mtime_ns: int, _inode: int, expected: str | None) -> str | None:
    """Keyed on the file's stat, so an unchanged file is hashed once per process and a changed one again."""
    if expected is None:
        return f"{path.name} has no hash in its manifest (built by an older version); run `make data`"
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError as error:
        return f"{path.name} is unreadable: {error.strerror}"
    if digest.hexdigest() != expected:
        return f"{path.parent.name}/{path.name} does not match its manifest hash: the file is damaged"
    return None


def _check_boundaries(data_dir: Path | None) -> None:
    """The map outlines are optional (the map falls back to its tile grid), but a file that exists and
    cannot be read is a fault worth reporting."""
    path = (data_dir or DATA_DIR) / "boundaries" / "irq_adm1.json"
    if path.exists() and boundaries(data_dir) is None:
        raise DataUnavailable(f"{path} exists but cannot be read as GeoJSON")
