"""Strict reading of the raw CSV files, keeping the line each record starts on."""

from __future__ import annotations

import array
import csv
import functools
import io
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from loaders.errors import NeedsRecords, Problem
from loaders.record_lines import NotStrictCsv, record_lines


class Record(NamedTuple):
    """One CSV record: the file label, the line it starts on, and its fields by column name."""

    file: str
    line: int
    fields: dict[str, str]


class RawFileError(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


def decode(path: Path, label: str) -> str:
    """Return the file's text, or raise naming the line of the first byte that is not UTF-8."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        bad = data[error.start : error.start + 1].hex()
        raise RawFileError(Problem(label, line, "", f"not UTF-8 (byte 0x{bad}); save the file as UTF-8")) from None


def read_records(path: Path, label: str, columns: tuple[str, ...], optional: tuple[str, ...] = ()) -> list[Record]:
    """Read a CSV with a header naming exactly `columns` (plus any of `optional`)."""
    text = decode(path, label)
    if not text.strip():
        raise RawFileError(Problem(label, 1, "", "empty file: expected a header line " + ",".join(columns)))
    return list(_records(text, label, columns, optional))


def _records(text: str, label: str, columns: tuple[str, ...], optional: tuple[str, ...]) -> Iterator[Record]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header = _header(reader, label, columns, optional)
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise RawFileError(Problem(label, start, "", f"malformed CSV ({error}); check the quoting")) from None
        line, start = start, reader.line_num + 1
        if not row or all(not cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            message = f"{len(row)} fields where the header has {len(header)}; quote values that contain commas"
            raise RawFileError(Problem(label, line, "", message))
        yield Record(label, line, dict(zip(header, map(str.strip, row), strict=True)))


def _header(reader: Iterator[list[str]], label: str, columns: tuple[str, ...], optional: tuple[str, ...]) -> list[str]:
    try:
        header = [name.strip() for name in next(reader)]
    except csv.Error as error:
        raise RawFileError(Problem(label, 1, "", f"malformed CSV header ({error})")) from None
    missing = [name for name in columns if name not in header]
    unknown = [name for name in header if name not in columns and name not in optional]
    if missing or unknown:
        message = f"header lacks {missing} and has unknown {unknown}; expected " + ",".join(columns)
        raise RawFileError(Problem(label, 1, "", message))
    return header


# Every character str.strip() removes: the fast reader strips exactly what the record reader strips.
_PY_SPACE = "".join(chr(c) for c in range(0x110000) if chr(c).isspace())


def read_columns(path: Path, label: str, columns: tuple[str, ...], encode: tuple[str, ...] = ()) -> pa.Table:
    """The same records as read_records (stripped strings, blank rows skipped, the line each starts on in
    `raw_line`), read by Arrow into columns: a million claims would be twenty million Python strings.
    Columns named in `encode` are dictionary-encoded (categoricals in pandas): each distinct text stored once."""
    reading = start_reading(path, label, columns, encode)
    lines = reading.lines()
    return reading.table.set_column(reading.table.num_columns - 1, "raw_line", pa.array(lines, pa.int64()))


class ColumnsRead:
    """A file read by Arrow, whose record lines are still being counted.

    Python's csv module walks the file once more, in a process of its own for a large file, because it is the
    strict reader: Arrow silently accepts a quote closed in mid-field, which read_records rejects. Until `lines()`
    is asked for, `table`'s raw_line column holds each row's position, and the walk goes on beside whatever the
    caller does next (a million-claim file takes a second to walk). `lines()` raises NeedsRecords for anything the
    two readers read differently, so nothing read may be published before it is called."""

    def __init__(self, path: Path, label: str, table: pa.Table, walked: array.array | subprocess.Popen):
        self.path, self.label, self.table, self._walked = path, label, table, walked

    def lines(self) -> array.array:
        """The line each row starts on, in row order."""
        if isinstance(self._walked, subprocess.Popen):
            self._walked = _walked_lines(self._walked, self.path)
        if self.table.num_rows != len(self._walked):
            raise NeedsRecords(
                f"{self.label}: {self.table.num_rows} rows read by Arrow, {len(self._walked)} by the csv module"
            )
        return self._walked

    def stop(self) -> None:
        """End a walk whose result is no longer wanted (a no-op once it has finished)."""
        _stop(self._walked)


def start_reading(path: Path, label: str, columns: tuple[str, ...], encode: tuple[str, ...] = ()) -> ColumnsRead:
    """Read the file with Arrow and start walking it with the csv module (see ColumnsRead)."""
    if path.stat().st_size < _WALK_APART_FROM:
        walked: array.array | subprocess.Popen = _walk_here(path, columns)
        table = _read_arrow(path, label, columns, encode)
    else:
        walked = _start_record_lines(path, columns)
        try:
            table = _read_arrow(path, label, columns, encode)
        except BaseException:
            _stop(walked)  # a stray walker must not outlive a failed read
            raise
    files = pa.DictionaryArray.from_arrays(pa.array(np.zeros(table.num_rows, np.int32)), pa.array([label]))
    rows = pa.array(np.arange(table.num_rows, dtype=np.int64))
    return ColumnsRead(path, label, table.append_column("raw_file", files).append_column("raw_line", rows), walked)


def _stop(walked: array.array | subprocess.Popen) -> None:
    if isinstance(walked, subprocess.Popen):
        walked.kill()
        walked.wait()


def _read_arrow(path: Path, label: str, columns: tuple[str, ...], encode: tuple[str, ...]) -> pa.Table:
    """Every column as trimmed strings (dictionary-encoded if in `encode`), blank rows dropped. An encoded column
    is read encoded and trimmed through its dictionary: each distinct text is trimmed once."""
    text = {name: pa.dictionary(pa.int32(), pa.string()) if name in encode else pa.string() for name in columns}
    try:
        table = pacsv.read_csv(
            path,
            parse_options=pacsv.ParseOptions(newlines_in_values=True),
            convert_options=pacsv.ConvertOptions(
                column_types=text, strings_can_be_null=False, quoted_strings_can_be_null=False
            ),
        )
    except (pa.ArrowInvalid, OSError) as error:
        raise NeedsRecords(f"{label}: {error}") from None
    if sorted(table.column_names) != sorted(columns):  # also catches a space around a name
        raise NeedsRecords(f"{label}: header is not exactly {columns}")
    table = table.select(list(columns)).unify_dictionaries()
    trimmed = {name: _trimmed(table.column(name), name in encode) for name in columns}
    blank = functools.reduce(pc.and_, [_empty(column) for column in trimmed.values()])
    if not pc.any(blank).as_py():
        return pa.table(trimmed)
    # A filter copies every column; and an encoded column is encoded again, so that no text is left in its
    # dictionary that only a blank row had (the build parses every text a dictionary holds).
    kept = pa.table(trimmed).filter(pc.invert(blank))
    return pa.table({n: _encoded_again(kept.column(n)) if n in encode else kept.column(n) for n in columns})


def _encoded_again(column: pa.ChunkedArray) -> pa.Array:
    return pc.dictionary_encode(column.combine_chunks().dictionary_decode())


def _trimmed(column: pa.ChunkedArray, encoded: bool) -> pa.Array | pa.ChunkedArray:
    if not encoded:
        return pc.utf8_trim(column, characters=_PY_SPACE)
    column = column.combine_chunks()  # one dictionary, since the table's were unified
    # Encoded anew: " a" and "a" are one text once trimmed, and a categorical's texts must be distinct.
    again = pc.dictionary_encode(pc.utf8_trim(column.dictionary, characters=_PY_SPACE))
    return pa.DictionaryArray.from_arrays(again.indices.take(column.indices), again.dictionary)


def _empty(column: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    if pa.types.is_dictionary(column.type):
        return pc.equal(pc.utf8_length(column.dictionary), 0).take(column.indices)
    return pc.equal(pc.utf8_length(column), 0)


# Below this size, starting a second Python costs more than walking the file here.
_WALK_APART_FROM = 4_000_000


def _walk_here(path: Path, columns: tuple[str, ...]) -> array.array:
    try:
        return record_lines(path, columns)
    except NotStrictCsv as error:
        raise NeedsRecords(str(error)) from None


def _start_record_lines(path: Path, columns: tuple[str, ...]) -> subprocess.Popen:
    script = Path(__file__).with_name("record_lines.py")
    command = [sys.executable, "-I", "-S", str(script), str(path), *columns]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _walked_lines(walking: subprocess.Popen, path: Path) -> array.array:
    out, err = walking.communicate()
    if walking.returncode:
        raise NeedsRecords(err.decode("utf-8", "replace").strip() or f"{path}: line walker failed")
    lines = array.array("q")
    lines.frombytes(out)
    return lines
