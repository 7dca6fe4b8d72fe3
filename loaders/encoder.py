"""Processed tables converted to Arrow and encoded as Parquet in worker threads, each as soon as it is final.

Arrow converts and encodes without holding Python's lock, so the million-claim table's second and a half of
conversion and encoding runs beside the consistency checks, the smaller tables and the version hash."""

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
        converted: Future[pa.Table] = Future()
        self._arrow[name] = converted
        self._parquet[name] = self._workers.submit(_convert_and_encode, name, frame, converted)

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


def _convert_and_encode(name: str, frame: pd.DataFrame, converted: Future[pa.Table]) -> bytes:
    try:
        table = schema.to_arrow(frame, schema.TABLES[name])
    except BaseException as error:
        converted.set_exception(error)
        raise
    converted.set_result(table)
    buffer = io.BytesIO()
    pq.write_table(table, buffer, compression="zstd")
    return buffer.getvalue()
