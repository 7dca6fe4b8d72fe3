"""Processed tables converted to Arrow and encoded as Parquet in worker threads, each as soon as it is final.

Arrow converts and encodes without holding Python's lock, so the million-claim table's second and a half of
conversion and encoding runs beside the consistency checks, the smaller tables and the version hash.
The conversion (declared types, checked: what the version hash reads) and the encoding are two tasks that run
side by side: the Parquet file is encoded straight from the frame's categories, whose texts the writer then
needs to encode once per distinct value instead of once per row. Nothing is written before the conversion's
checks have passed (loaders/build.py asks for the version first)."""

from __future__ import annotations

import io
from concurrent.futures import Future, ThreadPoolExecutor

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from data import schema


class Encoder:
    def __init__(self) -> None:
        self._workers = ThreadPoolExecutor(max_workers=2, thread_name_prefix="encode")
        self._arrow: dict[str, Future[pa.Table]] = {}
        self._parquet: dict[str, Future[bytes]] = {}

    def add(self, name: str, frame: pd.DataFrame) -> None:
        """Start converting a final table (in its declared columns) and encoding its Parquet file."""
        declared = schema.TABLES[name]
        self._arrow[name] = self._workers.submit(schema.to_arrow, frame, declared)
        self._parquet[name] = self._workers.submit(_encode, frame, declared)

    def has(self, name: str) -> bool:
        return name in self._arrow

    def arrow(self) -> dict[str, pa.Table]:
        """Every table in Arrow (raises what a conversion raised, such as a schema.SchemaError)."""
        return {name: converted.result() for name, converted in self._arrow.items()}

    def parquet(self) -> dict[str, bytes]:
        return {name: encoded.result() for name, encoded in self._parquet.items()}

    def abandon(self) -> None:
        """The files are not needed (the version is on disk already): encode nothing not yet begun."""
        self._workers.shutdown(wait=False, cancel_futures=True)


def _encode(frame: pd.DataFrame, declared: schema.Table) -> bytes:
    """The frame's Parquet file in the declared types, its categorical columns kept dictionary-encoded; written
    without Arrow's schema, so a reader gets the declared (plain) types back."""
    arrow = pa.Table.from_pandas(frame[declared.column_names], preserve_index=False)
    fields = [_as_written(field, arrow.column(field.name).type) for field in declared.arrow_schema()]
    buffer = io.BytesIO()
    pq.write_table(arrow.cast(pa.schema(fields)), buffer, compression="zstd", store_schema=False)
    return buffer.getvalue()


def _as_written(field: pa.Field, converted: pa.DataType) -> pa.Field:
    if pa.types.is_dictionary(converted) and pa.types.is_string(field.type):
        return field.with_type(pa.dictionary(converted.index_type, field.type))
    return field
