"""Extraction quality per language: on the synthetic English fixtures (tests/fixtures/extract) and on the English
and Arabic development sets (bench/extraction_dev/: texts written from the ledger's real statements), the strict precision
and recall of (value, indicator, period), and per field: value precision and recall, and the share of expected
figures whose unit, indicator, place and period are right (values in the indicator's unit: a mass in kg)."""

from __future__ import annotations

from pathlib import Path

from loaders.extract.score import score_folder
from loaders.reference import read_reference

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "English (synthetic fixtures)": ROOT / "tests" / "fixtures" / "extract",
    "English (development set)": ROOT / "bench" / "extraction_dev" / "en",
    "Arabic (development set)": ROOT / "bench" / "extraction_dev" / "ar",
}


def measure() -> dict:
    ref = read_reference(ROOT / "data" / "raw")
    results = {}
    for name, folder in SETS.items():
        score = score_folder(folder, ref)
        results[name] = {"precision": score.precision, "recall": score.recall} | score.field_scores()
    return results
