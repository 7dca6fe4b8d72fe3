"""Read and normalise the raw sources and claims into validated rows, collecting every problem."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from data.progress import progress
from data.schema import SOURCE_TYPES
from loaders.csvio import RawFileError, Record, read_records
from loaders.errors import InputError, Problem
from loaders.normalise.periods import (
    CUMULATIVE_WORDS,
    TO_DATE_WORDS,
    PeriodShape,
    date_precision,
    describe_period,
    parse_partial_date,
    parse_period_text,
)
from loaders.normalise.units import resolve_unit
from loaders.normalise.values import parse_value
from loaders.reference import Reference
from loaders.same_fact import same_fact_problems, statement_roots, unknown_relays

SOURCE_COLUMNS = (
    "source_id",
    "publisher",
    "title",
    "url",
    "language",
    "published",
    "published_how",
    "accessed",
    "source_type",
    "authority",
    "relays",
    "note",
)
CLAIM_COLUMNS = (
    "claim_id",
    "source_id",
    "indicator_id",
    "drug_id",
    "place",
    "value",
    "unit",
    "period",
    "period_start",
    "period_end",
    "scope",
    "scope_note",
    "same_as",
    "distinct_because",
    "note",
    "review",
)
PUBLISHED_HOW = ("stated", "url", "inferred", "unknown")
LANGUAGES = ("en", "ar", "ku", "fa", "tr", "fr", "de")
REVIEW_STATES = ("", "needs_review")
SCOPES = ("whole", "part")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_CUMULATIVE = re.compile(CUMULATIVE_WORDS, re.I)
_TO_DATE = re.compile(TO_DATE_WORDS, re.I)


@dataclass
class Ledger:
    sources: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def read_ledger(raw_dir: Path, ref: Reference) -> Ledger:
    ledger = Ledger()
    source_lines: dict[str, Record] = {}
    urls: dict[str, Record] = {}
    for record in _read_folder(raw_dir, "sources", SOURCE_COLUMNS, ledger.problems):
        row = _checked(record, _source_row, ledger.problems)
        if row and _unique(record, "source_id", source_lines, ledger.problems):
            if _unique(record, "url", urls, ledger.problems):
                ledger.sources.append(row)
    claim_lines: dict[str, Record] = {}
    claim_records = _read_folder(raw_dir, "claims", CLAIM_COLUMNS, ledger.problems)
    for record in progress(claim_records, len(claim_records), "reading claims"):
        row = _checked(record, lambda r: _claim_row(r, ref, source_lines), ledger.problems)
        if row and _unique(record, "claim_id", claim_lines, ledger.problems):
            ledger.claims.append(row)
    lines = {source_id: (r.file, r.line) for source_id, r in source_lines.items()}
    ledger.problems += unknown_relays(ledger.sources, lines)
    if not ledger.problems:
        ledger.problems += same_fact_problems(ledger.claims, statement_roots(ledger.sources))
    return ledger


def _read_folder(raw_dir: Path, folder: str, columns: tuple[str, ...], problems: list[Problem]) -> list[Record]:
    files = sorted((raw_dir / folder).glob("*.csv"))
    if not files:
        problems.append(Problem(f"{folder}/", 0, "", "no CSV files found"))
    records: list[Record] = []
    for path in files:
        try:
            records += read_records(path, f"{folder}/{path.name}", columns)
        except RawFileError as error:
            problems.append(error.problem)
    return records


def _unique(record: Record, name: str, seen: dict[str, Record], problems: list[Problem]) -> bool:
    value = record.fields[name]
    if value in seen:
        first = seen[value]
        problems.append(
            Problem(record.file, record.line, name, f"duplicate {value!r} (first at {first.file}:{first.line})")
        )
        return False
    seen[value] = record
    return True


class FieldError(Exception):
    def __init__(self, name: str, message: str):
        self.name, self.message = name, message


def _checked(record: Record, build: Callable[[Record], dict[str, Any]], problems: list[Problem]) -> dict | None:
    try:
        return build(record)
    except FieldError as error:
        problems.append(Problem(record.file, record.line, error.name, error.message))
        return None


def _field(record: Record, name: str, check: Callable[[str], Any]) -> Any:
    """Apply `check` to one field, turning an InputError into a problem that names the field."""
    try:
        return check(record.fields[name])
    except InputError as error:
        raise FieldError(name, str(error)) from None


def _one_of(options: tuple[str, ...]) -> Callable[[str], str]:
    def check(value: str) -> str:
        if value not in options:
            raise InputError(f"{value!r} is not one of {', '.join(o or repr(o) for o in options)}")
        return value

    return check


def _identifier(value: str) -> str:
    if not _ID.match(value):
        raise InputError(f"{value!r} is not an id (lowercase letters, digits and -)")
    return value


def _required(value: str) -> str:
    if not value:
        raise InputError("required")
    return value


def _source_row(record: Record) -> dict[str, Any]:
    f = record.fields
    _field(record, "source_id", _identifier)
    for name in ("publisher", "title"):
        _field(record, name, _required)
    if not re.match(r"^https?://\S+$", f["url"]):
        raise FieldError("url", f"{f['url']!r} is not an http(s) address")
    _field(record, "language", _one_of(LANGUAGES))
    how = _field(record, "published_how", _one_of(PUBLISHED_HOW))
    if f["published"]:
        _field(record, "published", lambda v: parse_partial_date(v, end=False))
    if (how == "unknown") != (not f["published"]):
        raise FieldError("published", "give a date unless published_how is unknown, and none when it is")
    if f["accessed"]:
        _field(record, "accessed", lambda v: parse_partial_date(v, end=False))
    _field(record, "source_type", _one_of(SOURCE_TYPES))
    if f["relays"]:
        _field(record, "relays", _identifier)
        if f["relays"] == f["source_id"]:
            raise FieldError("relays", "a source cannot relay itself")
    return {**f, "published": f["published"] or None, "accessed": f["accessed"] or None, "relays": f["relays"] or None}


def _claim_row(record: Record, ref: Reference, sources: dict[str, Record]) -> dict[str, Any]:
    f = record.fields
    _field(record, "claim_id", _identifier)
    _field(record, "source_id", lambda v: _known(v, sources, "source"))
    indicator = _field(record, "indicator_id", lambda v: _known(v, ref.indicators, "indicator")).fields
    drug_id = _field(record, "drug_id", lambda v: _known(v or "all", ref.drugs, "drug") and (v or "all"))
    geo_code = _field(record, "place", ref.gazetteer.resolve)
    parsed = _field(record, "value", parse_value)
    factor = _field(record, "unit", lambda v: resolve_unit(v, parsed.unit_hint, indicator["unit"]))
    start, end = _period(record)
    review = _field(record, "review", _one_of(REVIEW_STATES))
    scope = _scope(record)
    if indicator["kind"] == "event" and scope != "part":
        raise FieldError(
            "scope", "one operation's seizure is part of the place: set scope part, say where in scope_note"
        )
    shape = period_shape(f["period"], f["period_end"], start, end, indicator["kind"])
    scale = lambda x: None if x is None else x * factor  # noqa: E731
    return {
        "claim_id": f["claim_id"],
        "source_id": f["source_id"],
        "indicator_id": f["indicator_id"],
        "drug_id": drug_id,
        "geo_code": geo_code,
        "value": scale(parsed.value),
        "qualifier": parsed.qualifier,
        "value_low": scale(parsed.low),
        "value_high": scale(parsed.high),
        "unit": indicator["unit"],
        "period_start": start,
        "period_end": end,
        "granularity": shape.granularity,
        "period_label": shape.label,
        "year": shape.year,
        "is_full_year": shape.is_full_year,
        "place_as_written": f["place"],
        "value_as_written": f["value"],
        "unit_as_written": f["unit"],
        "unit_factor": factor,
        "precision": parsed.precision * factor,
        "period_as_written": f["period"],
        "scope": scope,
        "scope_note": f["scope_note"],
        "same_as": f["same_as"] or None,
        "distinct_because": f["distinct_because"],
        "note": f["note"],
        "review": review,
        "raw_file": record.file,
        "raw_line": record.line,
    }


def _scope(record: Record) -> str:
    """whole or part; a part needs a note saying which part (district, court, centre, crossing ...)."""
    f = record.fields
    scope = _field(record, "scope", _one_of(SCOPES))
    if scope == "part" and not f["scope_note"]:
        raise FieldError("scope_note", "required when scope is part: say which part of the place is covered")
    if f["same_as"]:
        _field(record, "same_as", _identifier)
        if f["same_as"] == f["claim_id"]:
            raise FieldError("same_as", "a claim cannot be the same as itself")
    return scope


def _known(value: str, table: dict[str, Record], what: str) -> Record:
    if value not in table:
        raise InputError(f"unknown {what} {value!r}")
    return table[value]


def _period(record: Record) -> tuple[Any, Any]:
    f = record.fields
    return period_dates(f["period"], f["period_start"], f["period_end"])


def period_dates(period: str, start_text: str, end_text: str) -> tuple[Any, Any]:
    """Dates from period_start/period_end, checked against what the period text says where it parses."""
    if not period:
        raise FieldError("period", "required: the reference period as the source states it")
    try:
        parsed = parse_period_text(period)
    except InputError as error:
        raise FieldError("period", str(error)) from None
    if not end_text:
        if parsed is None:
            raise FieldError("period_end", f"required: cannot read dates from period {period!r}")
        if start_text:
            raise FieldError("period_end", "required when period_start is given")
        return parsed
    start = _checked_date("period_start", start_text, end=False) if start_text else None
    end = _checked_date("period_end", end_text, end=True)
    if start and end < start:
        raise FieldError("period_end", f"{end} is before period_start {start}")
    if parsed and parsed != (start, end):
        raise FieldError("period", f"{period!r} reads as {parsed[0]}..{parsed[1]}, not {start}..{end}")
    return start, end


def _checked_date(name: str, text: str, end: bool) -> Any:
    try:
        return parse_partial_date(text, end=end)
    except InputError as error:
        raise FieldError(name, str(error)) from None


def period_shape(period: str, end_text: str, start: Any, end: Any, kind: str) -> PeriodShape:
    """Granularity, label and year of a claim's period, from its dates and what its text says (so far, since ...)."""
    cumulative = bool(_CUMULATIVE.search(period)) and start is not None
    to_date = bool(_TO_DATE.search(period))
    precision = date_precision(end_text or period)
    return describe_period(start, end, kind, cumulative, precision, to_date)
