"""Strict reading of the raw CSV files, keeping the line each record starts on."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from loaders.errors import Problem


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
