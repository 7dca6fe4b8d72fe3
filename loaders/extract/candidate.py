"""What extraction produces: candidate claims for a person to check, and the numbers it set aside with why."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Candidate:
    value: str  # as written, qualifier included
    number: float | None  # in `unit` (a mass in kg); None for a range (see low, high)
    low: float | None
    high: float | None
    qualifier: str
    unit: str  # the indicator's unit, which number, low and high are in: a mass is always kg
    unit_as_written: str  # as the ledger's unit column takes it beside `value` (t, kg, g; people, traffickers)
    indicator: str
    indicator_why: str
    drug: str
    place: str  # as the ledger's place column takes it
    place_code: str
    place_why: str
    period: str
    period_start: date | None
    period_end: date | None  # None when the period is relative and the publication date unknown (needs_date)
    period_why: str
    sentence: str
    sentence_start: int  # character offsets in the text (Unicode code points)
    sentence_end: int
    value_start: int
    value_end: int


@dataclass(frozen=True)
class Skipped:
    value: str
    reason: str
    value_start: int
    value_end: int


@dataclass
class Extraction:
    published: date | None  # None: an undated article; relative periods are then marked needs_date
    candidates: list[Candidate] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def needs_date(candidate: Candidate) -> bool:
    return candidate.period_end is None
