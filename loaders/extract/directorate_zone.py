"""The zone the Kurdistan Region's anti-narcotics directorate reports for, when a text makes it plain.

The Region's anti-drug work is split between two agencies, each with its own zone in the ledger (composites whose
parent is the Region: Erbil and Duhok, Sulaymaniyah and Halabja). A text that quotes the directorate alone gives its
figures for the Region; a text that also names a zone ("in Erbil and Duhok", or quotes the Sulaimani Asayish as the
other agency) tells which zone the directorate's figures cover: the Region's zone no other authority claims.
"""

from __future__ import annotations

import re

from loaders.extract.places import DIRECTORATE, REGION, PlaceFinder
from loaders.reference import Reference


def directorate_zone(sentences: list[str], finder: PlaceFinder, ref: Reference) -> str | None:
    """The one zone of the Region left for the directorate, when the text names a zone; else None (the Region)."""
    zones = {code for code, row in ref.geographies.items() if row.fields.get("parent") == REGION and _composite(row)}
    named = {p.code for s in sentences for p in finder.find(s, True)}
    if not (named & zones) or not any(_quotes_directorate(finder, s) for s in sentences):
        return None
    # a zone named beside the directorate ("the directorate ... for the provinces of Erbil and Duhok") is its own
    beside = {p.code for s in sentences if _quotes_directorate(finder, s) for p in finder.find(s, True)} & zones
    # (or one a sentence calls its area of work: "في محافظتي أربيل ودهوك اللتين تقعان ضمن نطاق عملها")
    # (the zone nearest those words: "whose zone covers Erbil and Duhok ... Sulaymaniyah and Halabja are covered by a
    # separate directorate")
    beside = beside or {code for s in sentences if (code := _nearest_zone(s, finder, zones))}
    if len(beside) == 1:
        return next(iter(beside))
    claimed = {p.code for s in sentences for p in _authorities(finder, s) if not p.why.endswith(DIRECTORATE)}
    left = zones - claimed
    return next(iter(left)) if len(left) == 1 else None


_JURISDICTION = re.compile(
    r"نطاق\s+(?:عمل|عملها|عمله|مسؤولية|مسؤوليتها|اختصاص|اختصاصها)|(?<!\w)(?:ب|في\s+)?منطقة\s+(?:عملها|مسؤوليتها)(?!\w)"
    r"|\b(?:its|their)\s+(?:area\s+of\s+(?:work|responsibility|operations)|jurisdiction|remit)\b"
    r"|\b(?:whose|its|their)\s+(?:zone|area|territory)\s+(?:covers|includes|spans)\b",  # "whose zone covers Erbil"
    re.IGNORECASE,
)


def _nearest_zone(sentence: str, finder: PlaceFinder, zones: set[str]) -> str | None:
    """The zone named nearest the words calling it the directorate's area of work, if the sentence has them."""
    said = _JURISDICTION.search(sentence)
    named = [p for p in finder.find(sentence, True) if p.code in zones] if said else []
    if not named:
        return None
    return min(named, key=lambda p: min(abs(p.start - said.end()), abs(said.start() - p.end))).code


def _quotes_directorate(finder: PlaceFinder, sentence: str) -> bool:
    return any(p.why.endswith(DIRECTORATE) for p in _authorities(finder, sentence))


def _composite(row) -> bool:
    return row.fields.get("level") == "composite"


def _authorities(finder: PlaceFinder, sentence: str):
    return [p for p in finder.find(sentence, True) if p.role == "authority"]
