"""The one read-only accessor of the processed tables.

A Snapshot is one published data version: every table a request reads comes from the same version,
even if a rebuild swaps data/processed meanwhile. Snapshots are cached per version and their tables
are checked against data/schema.py when read.
"""

from __future__ import annotations

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
    """Read every declared table of the current version once, so corruption is found at start-up."""
    data = snapshot(data_dir)
    for name in schema.TABLES:
        data.table(name)
    return data
