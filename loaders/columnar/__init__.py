"""The ledger read and normalised column by column (see loaders/build.py for when the record reader takes over)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa

from loaders.columnar.claims import normalise_claims
from loaders.columnar.same_fact import check_same_fact
from loaders.columnar.sources import check_sources
from loaders.csvio import read_columns
from loaders.errors import NeedsRecords
from loaders.ledger import CLAIM_COLUMNS, SOURCE_COLUMNS
from loaders.reference import Reference


def read_ledger_columns(raw_dir: Path, ref: Reference) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Sources and normalised claims, as the record reader would make them; NeedsRecords if anything is amiss."""
    sources = check_sources(_folder(raw_dir, "sources", SOURCE_COLUMNS))
    # Every claim column but the id repeats: encoded, each distinct text is stored and normalised once.
    repeating = tuple(name for name in CLAIM_COLUMNS if name != "claim_id")
    claims = normalise_claims(_folder(raw_dir, "claims", CLAIM_COLUMNS, repeating), ref, sources["source_id"])
    check_same_fact(claims, sources)
    return sources, claims


def _folder(raw_dir: Path, folder: str, columns: tuple[str, ...], encode: tuple[str, ...] = ()) -> pa.Table:
    files = sorted((raw_dir / folder).glob("*.csv"))
    if not files:
        raise NeedsRecords(f"no CSV files in {folder}/")
    return pa.concat_tables([read_columns(path, f"{folder}/{path.name}", columns, encode) for path in files])
