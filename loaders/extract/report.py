"""`python -m loaders extract FILE [--published DATE] [--lang en|ar] [--json] [--append SOURCE_ID]`: list or append.

Without --published, relative periods ("last year", "so far") are left open and marked needs_date; such
candidates are listed but not appended (the ledger needs a period end): give the date to append them."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from loaders.errors import InputError
from loaders.extract.candidate import Candidate, Extraction, needs_date
from loaders.extract.engine import extract_claims
from loaders.extract.language import detect_language, language_line
from loaders.extract.to_ledger import append_candidates
from loaders.reference import read_reference

_COLUMNS = ("#", "value", "number", "qualifier", "unit", "indicator", "drug", "place", "period", "start", "end")


def read_text(path: Path) -> str:
    """The text as characters; offsets count these (a UTF-8 byte-order mark dropped, line ends kept as they are)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return handle.read()


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:,.10g}"


def _cells(index: int, c: Candidate) -> tuple[str, ...]:
    number = _number(c.number) if c.number is not None else f"{_number(c.low)}-{_number(c.high)}"
    period = c.period if len(c.period) <= 34 else c.period[:33] + "…"
    return (
        str(index),
        c.value,
        number,
        c.qualifier,
        c.unit,
        c.indicator,
        c.drug,
        f"{c.place} ({c.place_code})",
        period,
        c.period_start.isoformat() if c.period_start else "-",
        c.period_end.isoformat() if c.period_end else "needs_date",
    )


def format_table(extraction: Extraction, language: str = "") -> str:
    rows = [_COLUMNS] + [_cells(i, c) for i, c in enumerate(extraction.candidates, 1)]
    widths = [max(len(row[k]) for row in rows) for k in range(len(_COLUMNS))]
    lines = [language] if language else []
    lines.append(
        f"{len(extraction.candidates)} candidate claim(s), periods read against publication on "
        f"{extraction.published.isoformat() if extraction.published else 'unknown (relative periods need a date)'}:"
    )
    lines.append("  ".join(cell.ljust(w) for cell, w in zip(rows[0], widths, strict=True)).rstrip())
    for row, candidate in zip(rows[1:], extraction.candidates, strict=True):
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
        lines.append(_why(candidate))
        lines.append(
            f"     sentence at chars {candidate.sentence_start}-{candidate.sentence_end}: {candidate.sentence}"
        )
    lines.append(f"{len(extraction.skipped)} number(s) not taken as figures:")
    for skipped in sorted(extraction.skipped, key=lambda s: s.value_start):
        lines.append(f"  {skipped.value!r} at chars {skipped.value_start}-{skipped.value_end}: {skipped.reason}")
    return "\n".join(lines)


def _why(c: Candidate) -> str:
    span = f"{c.value_start}-{c.value_end}"
    return f"     value at chars {span}; why: {c.indicator_why}; place: {c.place_why}; period: {c.period_why}"


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def to_json(extraction: Extraction, language: dict[str, str] | None = None) -> str:
    document = {
        **({"language": language} if language else {}),
        "published": extraction.published.isoformat() if extraction.published else None,
        "candidates": [{k: _plain(v) for k, v in asdict(c).items()} for c in extraction.candidates],
        "skipped": [asdict(s) for s in extraction.skipped],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def run(  # one parameter per command-line option
    file: Path, published: date | None, raw_dir: Path, as_json: bool, append_to: str | None, lang: str | None = None
) -> int:
    try:
        ref = read_reference(raw_dir)
        if ref.problems:
            raise InputError(f"{raw_dir}: the reference files have problems; run `python -m loaders check`")
        text = read_text(file)
        detected = detect_language(text)
        extraction = extract_claims(text, published, ref)
        if as_json:
            print(to_json(extraction, {"used": lang or detected, "detected": detected, "given": lang}))
        else:
            print(format_table(extraction, language_line(lang, detected)))
        if append_to:
            dated = [c for c in extraction.candidates if not needs_date(c)]
            report = append_candidates(dated, append_to, raw_dir, ref, lang or detected)
            left = len(extraction.candidates) - len(dated)
            if left:
                report += f"\n{left} candidate(s) with a relative period not appended: give --published to resolve them"
            print(report, file=sys.stderr if as_json else sys.stdout)
    except (InputError, OSError) as error:
        print(f"extract failed: {error}", file=sys.stderr)
        return 2
    return 0
