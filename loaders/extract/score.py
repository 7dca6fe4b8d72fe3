"""Precision and recall of the extractor over annotated texts: each TEXT.txt with its expected claims in TEXT.json.

Strict: a candidate counts as found when its (number, indicator, period start, period end) equals an expected
claim's; place and drug are scored apart, over the claims found. Per field: candidates are paired with expected
claims by value alone, then each pair is checked for unit, indicator, place and period, so a report can say which
part of the reading fails (value precision and recall; unit, indicator, place and period right as a share of the
expected figures). Values compare in the indicator's unit: a mass in kilograms ("3 tons" is 3,000), whatever the
text wrote. An annotation's `published` may be null (an undated text). Benchmarks call score_folder().
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from loaders.extract.candidate import Candidate
from loaders.extract.engine import extract_claims
from loaders.normalise.values import WEIGHT_UNITS, parse_value
from loaders.reference import Reference

Key = tuple[object, str, str | None, str]


def _share(part: int, whole: int) -> float:
    """A ratio that counts as perfect when there was nothing to get right."""
    return part / whole if whole else 1.0


@dataclass
class Score:
    expected: int = 0
    extracted: int = 0
    found: int = 0
    right_place: int = 0
    right_drug: int = 0
    wrong: list[str] = field(default_factory=list)  # "file: candidate" not expected
    missed: list[str] = field(default_factory=list)  # "file: expected claim" not extracted
    value_found: int = 0  # expected figures whose value some candidate has (paired one to one)
    right: Counter = field(default_factory=Counter)  # field -> pairs right on it ("indicator", "place", "period")

    def field_scores(self) -> dict[str, float]:
        return {
            "value precision": _share(self.value_found, self.extracted),
            "value recall": _share(self.value_found, self.expected),
            "unit right": _share(self.right["unit"], self.expected),
            "indicator right": _share(self.right["indicator"], self.expected),
            "place right": _share(self.right["place"], self.expected),
            "period right": _share(self.right["period"], self.expected),
        }

    @property
    def precision(self) -> float:
        return _share(self.found, self.extracted)

    @property
    def recall(self) -> float:
        return _share(self.found, self.expected)

    @property
    def place_accuracy(self) -> float:
        return _share(self.right_place, self.found)

    @property
    def drug_accuracy(self) -> float:
        return _share(self.right_drug, self.found)

    def summary(self) -> str:
        return (
            f"precision {self.precision:.3f} ({self.found}/{self.extracted}), "
            f"recall {self.recall:.3f} ({self.found}/{self.expected}), "
            f"place {self.place_accuracy:.3f}, drug {self.drug_accuracy:.3f}"
        )


def _number(value: str) -> object:
    """The value as written, in the indicator's unit (a mass in kg, as the candidates give it)."""
    parsed = parse_value(value)
    factor = WEIGHT_UNITS.get(parsed.unit_hint, 1.0) if parsed.unit_hint else 1.0
    if parsed.qualifier == "range":
        return (round(parsed.low * factor, 6), round(parsed.high * factor, 6))
    return round(parsed.value * factor, 6)


def expected_unit(claim: dict, ref: Reference) -> str:
    """The unit the figure is in: the annotation's, else its indicator's (a mass is always kg)."""
    return claim.get("unit") or ref.indicators[claim["indicator"]].fields["unit"]


def expected_key(claim: dict) -> Key:
    number = claim.get("number") if claim.get("number") is not None else _number(claim["value"])
    return (number, claim["indicator"], claim["period_start"], claim["period_end"])


def candidate_key(candidate: Candidate) -> Key:
    number = candidate.number if candidate.qualifier != "range" else (candidate.low, candidate.high)
    start = candidate.period_start.isoformat() if candidate.period_start else None
    end = candidate.period_end.isoformat() if candidate.period_end else None
    return (number, candidate.indicator, start, end)


def score_text(name: str, text: str, annotation: dict, ref: Reference, score: Score) -> None:
    published = date.fromisoformat(annotation["published"]) if annotation.get("published") else None
    candidates = extract_claims(text, published, ref).candidates
    _score_fields(annotation["claims"], candidates, score, ref)
    expected = {expected_key(c): c for c in annotation["claims"]}
    matched = Counter(expected_key(c) for c in annotation["claims"]) & Counter(candidate_key(c) for c in candidates)
    score.expected += len(annotation["claims"])
    score.extracted += len(candidates)
    score.found += sum(matched.values())
    for candidate in candidates:
        key = candidate_key(candidate)
        if key not in matched:
            score.wrong.append(f"{name}: {candidate.value} {key[1:]}")
            continue
        score.right_place += candidate.place_code == expected[key]["place"]
        score.right_drug += candidate.drug == expected[key]["drug"]
    found_keys = {candidate_key(c) for c in candidates}
    score.missed += [
        f"{name}: {c['value']} {expected_key(c)[1:]}" for c in annotation["claims"] if expected_key(c) not in found_keys
    ]


def _score_fields(claims: list[dict], candidates: list[Candidate], score: Score, ref: Reference) -> None:
    """Pair expected claims and candidates by value (preferring the same indicator), then check each field."""
    unused = list(candidates)
    for claim in claims:
        number = expected_key(claim)[0]
        same = [c for c in unused if candidate_key(c)[0] == number]
        if not same:
            continue
        match = next((c for c in same if c.indicator == claim["indicator"]), same[0])
        unused.remove(match)
        key = candidate_key(match)
        score.value_found += 1
        score.right["unit"] += match.unit == expected_unit(claim, ref)
        score.right["indicator"] += match.indicator == claim["indicator"]
        score.right["place"] += match.place_code == claim["place"]
        score.right["period"] += (key[2], key[3]) == (claim["period_start"], claim["period_end"])


def score_folder(folder: Path, ref: Reference) -> Score:
    """Score every annotated text in `folder`."""
    score = Score()
    for text_path in sorted(folder.glob("*.txt")):
        annotation = json.loads(text_path.with_suffix(".json").read_text(encoding="utf-8"))
        score_text(text_path.name, text_path.read_text(encoding="utf-8"), annotation, ref, score)
    return score
