"""Problems found in raw inputs, reported as file:line: field: message."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class InputError(ValueError):
    """Raised by a normaliser for one bad value; the caller adds file, line and field."""


class BuildError(Exception):
    """The build found problems; nothing was written."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class NeedsRecords(Exception):
    """The columnar build will not vouch for an input (odd quoting, a value it cannot check in bulk, any problem
    at all): the build reads it record by record instead, which reads it or names every problem by file and line."""
