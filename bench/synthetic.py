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
    ("arrests", "persons", ["{n:,}", "about {n:,}", "more than {n:,}", "{n}"]),
    ("seizures", "kg", ["{n:,} kg", "{t} t {n} kg", "about {n:,}"]),
    ("death_sentences", "sentences", ["{n}", "at least {n}"]),
    ("rehab_completed", "persons", ["{n:,}", "nearly {n:,}"]),
]
PERIODS = ["CY {y}", "H1 {y}", "Q{q} {y}", "first 10 months of {y}", "Jan - Aug {y}", "{y}"]


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
            writer.writerow(
                [
                    f"s-{i}",
                    f"Outlet {i % 97}",
                    f"Report {i}",
                    f"https://example.org/{i}",
                    "en",
                    f"20{15 + i % 10}-0{1 + i % 9}-1{i % 9}",
                    "stated",
                    "",
                    rng.choice(["media_relaying_official", "official_statement", "ngo_compilation"]),
                    "",
                    "",
                    "",
                ]
            )
    with (out / "claims" / "synthetic.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(CLAIM_COLUMNS)
        for i in range(n_claims):
            writer.writerow(_claim(rng, i, n_sources))
    return out


def _claim(rng: random.Random, i: int, n_sources: int) -> list[str]:
    indicator, unit, formats = rng.choice(FIGURES)
    # Ten claims share a source; the last digit of each figure is its place among them, so one source never
    # gives the same figure twice (the build would rightly refuse that as one fact entered twice).
    number = 10 * rng.randint(1, 2000) + i % 10
    value = rng.choice(formats).format(n=number, t=rng.randint(1, 9))
    period = rng.choice(PERIODS).format(y=rng.randint(2015, 2025), q=rng.randint(1, 4))
    return [
        f"c-{i}",
        f"s-{min(i // 10, n_sources - 1)}",
        indicator,
        "all",
        rng.choice(PLACES),
        value,
        unit,
        period,
        "",
        "",
        "whole",
        "",
        "",
        "",
        "",
        "",
    ]


if __name__ == "__main__":
    print(write_ledger(int(sys.argv[1]), Path(sys.argv[2])))
