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
    Columns named in `encode` are dictionary-encoded (categoricals in pandas): each distinct text stored once.

    Python's csv module still walks the file once, in a process of its own while Arrow reads, because it is the
    strict reader: Arrow silently accepts a quote closed in mid-field, which read_records rejects. Raise
    NeedsRecords for anything the two readers might read differently."""
    if path.stat().st_size < _WALK_APART_FROM:
        lines, table = _walk_here(path, columns), _read_arrow(path, label, columns)
    else:
        walking = _start_record_lines(path, columns)
        try:
            table = _read_arrow(path, label, columns)
            lines = _walked_lines(walking, path)
        finally:
            walking.kill()  # a no-op once it has finished; a stray walker must not outlive a failed read
            walking.wait()
    if table.num_rows != len(lines):
        raise NeedsRecords(f"{label}: {table.num_rows} rows read by Arrow, {len(lines)} by the csv module")
    table = pa.table({n: pc.dictionary_encode(table.column(n)) if n in encode else table.column(n) for n in columns})
    files = pa.array([label] * table.num_rows, pa.string()).dictionary_encode()
    return table.append_column("raw_file", files).append_column("raw_line", pa.array(lines, pa.int64()))


def _read_arrow(path: Path, label: str, columns: tuple[str, ...]) -> pa.Table:
    """Every column as trimmed strings, blank rows dropped."""
    try:
        table = pacsv.read_csv(
            path,
            parse_options=pacsv.ParseOptions(newlines_in_values=True),
            convert_options=pacsv.ConvertOptions(
                column_types={name: pa.string() for name in columns},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, OSError) as error:
        raise NeedsRecords(f"{label}: {error}") from None
    if sorted(table.column_names) != sorted(columns):  # also catches a space around a name
        raise NeedsRecords(f"{label}: header is not exactly {columns}")
    table = table.select(list(columns)).combine_chunks()
    table = pa.table({name: pc.utf8_trim(table.column(name), characters=_PY_SPACE) for name in columns})
    blank = functools.reduce(pc.and_, [pc.equal(pc.utf8_length(table.column(n)), 0) for n in columns])
    return table.filter(pc.invert(blank)) if pc.any(blank).as_py() else table  # a filter copies every column


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
