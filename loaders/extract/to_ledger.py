"""Write extracted candidates into data/raw/claims/extracted.csv as claims that need review."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from itertools import count
from pathlib import Path

from loaders.csvio import RawFileError, read_records
from loaders.errors import InputError
from loaders.extract.candidate import Candidate
from loaders.extract.language import LANGUAGES
from loaders.ledger import CLAIM_COLUMNS, SOURCE_COLUMNS
from loaders.normalise.periods import parse_period_text
from loaders.normalise.units import resolve_unit
from loaders.normalise.values import parse_value
from loaders.reference import Reference

EXTRACTED = Path("claims") / "extracted.csv"
NEEDS_REVIEW = "needs_review"


def source_languages(raw_dir: Path) -> dict[str, str]:
    """Every known source id with the language its record gives ('' when none is given)."""
    languages: dict[str, str] = {}
    for path in sorted((raw_dir / "sources").glob("*.csv")):
        try:
            records = read_records(path, f"sources/{path.name}", SOURCE_COLUMNS)
        except RawFileError as error:
            raise InputError(f"cannot read the sources: {error}") from None
        languages |= {r.fields["source_id"]: r.fields.get("language", "") for r in records}
    return languages


def _language_warning(source_id: str, recorded: str, language: str | None) -> str:
    """A text in one of the extractor's languages appended to a source recorded in the other: likely a wrong id."""
    if language is None or recorded not in LANGUAGES or recorded == language:
        return ""
    return (
        f"\nwarning: source {source_id!r} is recorded as {LANGUAGES[recorded]} but the text is "
        f"{LANGUAGES[language]}: check that this is the right source"
    )


def claim_row(candidate: Candidate, claim_id: str, source_id: str) -> dict[str, str]:
    chars = f"{candidate.sentence_start}-{candidate.sentence_end}"
    note = (
        f"machine-extracted candidate: {candidate.indicator_why}; place: {candidate.place_why}; "
        f"period: {candidate.period_why}; check against the source sentence at chars {chars}"
    )
    return {
        "claim_id": claim_id,
        "source_id": source_id,
        "indicator_id": candidate.indicator,
        "drug_id": candidate.drug,
        "place": candidate.place,
        "value": candidate.value,
        "unit": candidate.unit_as_written,  # beside the value as written; the build converts it (t -> kg)
        "period": candidate.period,
        "period_start": candidate.period_start.isoformat() if candidate.period_start else "",
        "period_end": candidate.period_end.isoformat(),
        # The extractor cannot tell a district's figure from the governorate's: the reviewer must confirm.
        "scope": "whole",
        "scope_note": "",
        "same_as": "",
        "distinct_because": "",
        "note": note,
        "review": NEEDS_REVIEW,
    }


def check_row(row: dict[str, str], ref: Reference) -> None:
    """The checks the build applies to the place, value, unit and period, so a bad guess fails here, not there."""
    ref.gazetteer.resolve(row["place"])
    parsed = parse_value(row["value"])
    resolve_unit(row["unit"], parsed.unit_hint, ref.indicators[row["indicator_id"]].fields["unit"])
    stated = parse_period_text(row["period"])
    written = (row["period_start"] or None, row["period_end"])
    if stated and (stated[0] and stated[0].isoformat(), stated[1].isoformat()) != written:
        raise InputError(f"period {row['period']!r} reads as {stated}, not {written}")


def _existing_claims(raw_dir: Path) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for path in sorted((raw_dir / "claims").glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows += list(csv.DictReader(handle))
    return rows


def _same_claim(row: dict[str, str]) -> tuple[str, ...]:
    return tuple(
        row.get(k, "") for k in ("source_id", "indicator_id", "drug_id", "place", "value", "period_start", "period_end")
    )


def append_candidates(
    candidates: list[Candidate], source_id: str, raw_dir: Path, ref: Reference, language: str | None = None
) -> str:
    """Append the candidates not already there; return a report (one line, plus a warning if the languages differ)."""
    languages = source_languages(raw_dir)
    if source_id not in languages:
        raise InputError(f"unknown source {source_id!r}: add it to {raw_dir / 'sources'}/*.csv before appending claims")
    existing = _existing_claims(raw_dir)
    taken = {row.get("claim_id", "") for row in existing}
    already = {_same_claim(row) for row in existing}
    ids, rows = _fresh_ids(f"ext-{source_id}-", taken), []
    for candidate in candidates:
        row = claim_row(candidate, "", source_id)
        if _same_claim(row) in already:
            continue
        row["claim_id"] = next(ids)
        check_row(row, ref)
        rows.append(row)
    path = raw_dir / EXTRACTED
    _append_rows(path, rows)
    skipped = len(candidates) - len(rows)
    again = f" ({skipped} already in the ledger)" if skipped else ""
    warning = _language_warning(source_id, languages[source_id], language)
    return f"appended {len(rows)} claim(s) needing review to {path}{again}{warning}"


def _fresh_ids(prefix: str, taken: set[str]) -> Iterator[str]:
    """ext-<source>-0001, -0002 ...: numbers no claim file uses yet."""
    for number in count(1):
        if f"{prefix}{number:04d}" not in taken:
            yield f"{prefix}{number:04d}"


def _append_rows(path: Path, rows: list[dict[str, str]]) -> None:
    """Create the file with the claims header, or append under the header it has (same columns, any order)."""
    current = path.read_text(encoding="utf-8-sig") if path.exists() else ""
    header = next(csv.reader(io.StringIO(current)), None) if current.strip() else None
    if header and sorted(header) != sorted(CLAIM_COLUMNS):
        raise InputError(f"{path} has columns {header}, not the claims columns {list(CLAIM_COLUMNS)}")
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header or CLAIM_COLUMNS, lineterminator="\n")
    if not header:
        writer.writeheader()
    writer.writerows(rows)
    separator = "\n" if current and not current.endswith("\n") else ""
    with path.open("a", encoding="utf-8", newline="") as handle:
        handle.write(separator + buffer.getvalue())
