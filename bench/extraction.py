"""Extraction quality on the synthetic test texts: precision and recall of (value, indicator, period)."""

from __future__ import annotations

from pathlib import Path

from loaders.extract.score import score_folder
from loaders.reference import read_reference

ROOT = Path(__file__).resolve().parent.parent


def measure() -> dict:
    score = score_folder(ROOT / "tests" / "fixtures" / "extract", read_reference(ROOT / "data" / "raw"))
    return {"precision": score.precision, "recall": score.recall}
