"""Synthetic ledgers of any size, for build benchmarks: valid claims with the variety of the real ones.

python -m bench.synthetic N OUT_DIR  — copies the reference files of data/raw and writes N claims.
"""

from __future__ import annotations

import csv
import random
import shutil
import sys
from pathlib import Path

from loaders.ledger import CLAIM_COLUMNS, SOURCE_COLUMNS

RAW = Path(__file__).resolve().parent.parent / "data" / "raw"
PLACES = [
    "Iraq",
    "Kurdistan Region",
    "Basra",
    "Baghdad",
    "Erbil and Duhok",
    "Sulaymaniyah",
    "Nineveh",
    "Diyala",
    "Kirkuk",
    "Anbar",
    "Dhi Qar",
    "Halabja",
    "Najaf",
    "Iraq excl. KRI",
    "Nasiriyah",
    "البصرة",
]
FIGURES = [
    ("arrests", "persons", ["{n:,}", "about {n:,}", "more than {n:,}", "{n}", "between {n} and {m}", "{n}+"]),
    ("seizures", "kg", ["{n:,} kg", "{t} t {n} kg", "about {n:,}", "{t} tonnes, {n} kg and 5 g", "~{n}"]),
    ("seizures_pills", "pills", ["{n} thousand", "1.{n} million", "up to {n:,}", "{n:,}"]),
    ("death_sentences", "sentences", ["{n}", "at least {n}", "fewer than {n}", "no more than {n}"]),
    ("rehab_completed", "persons", ["{n:,}", "nearly {n:,}", "٣{n}"]),
]
PERIODS = ["CY {y}", "H1 {y}", "Q{q} {y}", "first 10 months of {y}", "Jan - Aug {y}", "{y}", "so far this year"]
# Every so many claims: a second transcription of the claim before (same_as), the claim before's figure for
# another place (distinct_because), one district of the place (scope part), a candidate awaiting review.
COPY_EVERY, DISTINCT_EVERY, PART_EVERY, REVIEW_EVERY = 97, 89, 53, 61
# Every so many sources: no known publication date; relaying the source before (one statement, two outlets).
UNDATED_EVERY, RELAY_EVERY = 7, 13


def write_ledger(n_claims: int, out: Path, seed: int = 1) -> Path:
    rng = random.Random(seed)
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(RAW, out, ignore=shutil.ignore_patterns("claims", "sources"))
    (out / "claims").mkdir()
    (out / "sources").mkdir()
    n_sources = max(1, -(-n_claims // 10))
    with (out / "sources" / "synthetic.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(SOURCE_COLUMNS)
        for i in range(n_sources):
            writer.writerow(_source(rng, i))
    with (out / "claims" / "synthetic.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(CLAIM_COLUMNS)
        previous: list[str] = []
        for i in range(n_claims):
            row = _claim(rng, i, n_sources)
            if previous and i % COPY_EVERY == 0:
                row = _copy_of(previous, i)
            elif previous and i % DISTINCT_EVERY == 0 and previous[15] == "":
                row = _same_figure_elsewhere(previous, i)
            writer.writerow(row)
            previous = row if row[12] == "" else previous
    return out


def _source(rng: random.Random, i: int) -> list[str]:
    undated = i % UNDATED_EVERY == 0
    return [
        f"s-{i}",
        f"Outlet {i % 97}",
        f"Report {i}",
        f"https://example.org/{i}",
        "en",
        "" if undated else f"20{15 + i % 10}-0{1 + i % 9}-1{i % 9}",
        "unknown" if undated else "stated",
        "",
        rng.choice(["media_relaying_official", "official_statement", "ngo_compilation", "statistical_release"]),
        "",
        f"s-{i - 1}" if i and i % RELAY_EVERY == 0 else "",
        "",
    ]


def _copy_of(original: list[str], i: int) -> list[str]:
    """The same published figure entered again under another place: kept, marked, never counted."""
    other_place = PLACES[(PLACES.index(original[4]) + 1) % len(PLACES)]
    return [f"c-{i}", *original[1:4], other_place, *original[5:12], original[0], "", "", ""]


def _same_figure_elsewhere(original: list[str], i: int) -> list[str]:
    """Two places that happen to share a figure in one statement: two facts, which the claim says."""
    other_place = PLACES[(PLACES.index(original[4]) + 2) % len(PLACES)]
    return [f"c-{i}", *original[1:4], other_place, *original[5:13], "two places with the same figure", "", ""]


def _claim(rng: random.Random, i: int, n_sources: int) -> list[str]:
    indicator, unit, formats = rng.choice(FIGURES)
    # Ten claims share a source; the last digit of each figure is its place among them, so one source never
    # gives the same figure twice (the build would rightly refuse that as one fact entered twice).
    number = 10 * rng.randint(1, 2000) + i % 10
    value = rng.choice(formats).format(n=number, m=number + 10 * rng.randint(1, 50), t=rng.randint(1, 9))
    year = rng.randint(2015, 2025)
    period = rng.choice(PERIODS).format(y=year, q=rng.randint(1, 4))
    # A year-to-date figure whose statement date is unknown: the dates are given, the text says "so far".
    start, end = (str(year), str(year)) if period == "so far this year" else ("", "")
    part = i % PART_EVERY == 0
    source = min(i // 10, n_sources - 1)
    # A relaying source's figures are for one drug, so they never repeat a figure of the source it relays.
    drug = "cannabis" if source and source % RELAY_EVERY == 0 else "all"
    return [
        f"c-{i}",
        f"s-{source}",
        indicator,
        drug,
        rng.choice(PLACES),
        value,
        unit,
        period,
        start,
        end,
        "part" if part else "whole",
        "one district of the place" if part else "",
        "",
        "",
        "",
        "needs_review" if i % REVIEW_EVERY == 0 else "",
    ]


if __name__ == "__main__":
    print(write_ledger(int(sys.argv[1]), Path(sys.argv[2])))
