"""The line each record of a CSV file starts on, as the strict csv module reads it.

Standard library only, so it can also run as its own small process (`python loaders/record_lines.py FILE COLUMN...`,
writing the lines as native int64 bytes to stdout) beside Arrow reading the same file: a million-claim file
takes a second to walk in Python, and that second need not wait for Arrow, nor Arrow for it."""

from __future__ import annotations

import array
import csv
import sys
from pathlib import Path


class NotStrictCsv(ValueError):
    """Something the strict reader refuses or the fast reader might read differently."""


def record_lines(path: Path, columns: tuple[str, ...]) -> array.array:
    """The line each non-blank record starts on, as loaders.csvio.read_records counts them."""
    lines = array.array("q")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle, strict=True)
        try:
            header = next(reader)
            if sorted(name.strip() for name in header) != sorted(columns):
                raise NotStrictCsv(f"{path}: header is not exactly {columns}")
            previous, width = reader.line_num, len(header)
            for row in reader:
                if "".join(row).strip():
                    if len(row) != width:
                        raise NotStrictCsv(f"{path}: a row of {len(row)} fields")
                    lines.append(previous + 1)
                previous = reader.line_num
        except (csv.Error, UnicodeDecodeError, StopIteration) as error:
            raise NotStrictCsv(f"{path}: {error}") from None
    return lines


def main(argv: list[str]) -> int:
    try:
        lines = record_lines(Path(argv[0]), tuple(argv[1:]))
    except NotStrictCsv as error:
        print(error, file=sys.stderr)
        return 3
    sys.stdout.buffer.write(lines.tobytes())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
