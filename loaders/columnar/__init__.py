"""The ledger read and normalised column by column (see loaders/build.py for when the record reader takes over)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from loaders.columnar.claims import normalise_claims
from loaders.columnar.same_fact import check_same_fact
from loaders.columnar.sources import check_sources
from loaders.csvio import ColumnsRead, read_columns, start_reading
from loaders.errors import NeedsRecords
from loaders.ledger import CLAIM_COLUMNS, SOURCE_COLUMNS
from loaders.reference import Reference


def read_ledger_columns(raw_dir: Path, ref: Reference) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Sources and normalised claims, as the record reader would make them; NeedsRecords if anything is amiss."""
    # Every claim column but the id repeats: encoded, each distinct text is stored and normalised once.
    repeating = tuple(name for name in CLAIM_COLUMNS if name != "claim_id")
    # The claims files are read first, so their strict line walk runs beside everything up to _with_lines.
    readings: list[ColumnsRead] = []
    try:
        for path in _files(raw_dir, "claims"):
            readings.append(start_reading(path, f"claims/{path.name}", CLAIM_COLUMNS, repeating))
        source_files = _files(raw_dir, "sources")
        sources = check_sources(
            pa.concat_tables([read_columns(p, f"sources/{p.name}", SOURCE_COLUMNS) for p in source_files])
        )
        # raw_line holds each row's position in the files read until the walk gives the lines.
        claims = normalise_claims(_concat([r.table for r in readings]), ref, sources["source_id"])
        check_same_fact(claims, sources)
        return sources, _with_lines(claims, readings)
    finally:
        for reading in readings:
            reading.stop()


def _files(raw_dir: Path, folder: str) -> list[Path]:
    files = sorted((raw_dir / folder).glob("*.csv"))
    if not files:
        raise NeedsRecords(f"no CSV files in {folder}/")
    return files


def _concat(tables: list[pa.Table]) -> pa.Table:
    """The files' rows one after another, each row's raw_line position counted from the first file's first row."""
    offset, shifted = 0, []
    for table in tables:
        index = table.schema.get_field_index("raw_line")
        shifted.append(table.set_column(index, "raw_line", pc.add(table.column(index), offset)))
        offset += table.num_rows
    return pa.concat_tables(shifted).unify_dictionaries()  # each text once in each column's dictionary


def _with_lines(claims: pd.DataFrame, readings: list[ColumnsRead]) -> pd.DataFrame:
    lines = np.concatenate([np.frombuffer(r.lines(), dtype=np.int64) for r in readings])
    return claims.assign(raw_line=lines[claims["raw_line"].to_numpy()])
