"""Find the places a sentence names (every spelling the gazetteer knows) and decide which figure each belongs to."""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.errors import InputError
from loaders.reference import Reference

COUNTRY, REGION = "IQ", "IQ-KR"


@dataclass(frozen=True)
class PlaceMention:
    start: int  # offsets in the sentence
    end: int
    written: str  # a name the gazetteer resolves, to write in the ledger's place column
    code: str
    why: str
    linked: bool = False  # the phrase carries its own link to a figure before it ("across the country")


# Phrases that name the whole country or "the region" without a gazetteer spelling.
_COUNTRY_WORDS = re.compile(
    r"\b(?:across|throughout|all over)\s+(?:the\s+(?:whole\s+)?country|Iraq)\b|\bnationwide\b|"
    r"\bcountrywide\b|\bin\s+all\s+(?:Iraqi\s+)?(?:governorates|provinces)\b",
    re.IGNORECASE,
)
_REGION_WORDS = re.compile(r"\bthe\s+region(?:'s|’s)?\b", re.IGNORECASE)


class PlaceFinder:
    def __init__(self, ref: Reference):
        self._ref = ref
        spellings = {s for s in _spellings(ref) if re.search(r"[A-Za-z]", s) and len(s) > 2}
        alternatives = sorted(spellings, key=len, reverse=True)
        body = "|".join(re.sub(r"\\[-\s]|\\ ", r"[\\s-]+", re.escape(s)) for s in alternatives)
        self._pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)

    def find(self, sentence: str, region_named: bool, skip_to: int = 0) -> list[PlaceMention]:
        """Places named in the sentence after `skip_to` (a dateline); 'the region' counts when the text names it."""
        found = [m for m in self._aliases(sentence, skip_to)]
        found += [self._named(m, COUNTRY, linked=True) for m in _COUNTRY_WORDS.finditer(sentence, skip_to)]
        if region_named:
            found += [self._named(m, REGION) for m in _REGION_WORDS.finditer(sentence, skip_to)]
        return sorted(_without_overlaps(found), key=lambda p: p.start)

    def names_region(self, text: str) -> bool:
        return any(p.code == REGION for p in self._aliases(text, 0))

    def _aliases(self, text: str, skip_to: int) -> list[PlaceMention]:
        mentions = []
        for match in self._pattern.finditer(text, skip_to):
            if not re.search(r"[A-Z\u0600-\u06ff]", match.group()):
                continue  # place names are capitalised; "kut" or "soran" in running text are other words
            try:
                code = self._ref.gazetteer.resolve(match.group())
            except InputError:
                continue
            mentions.append(PlaceMention(match.start(), match.end(), match.group(), code, f"'{match.group()}'"))
        return mentions

    def _named(self, match: re.Match, code: str, linked: bool = False) -> PlaceMention:
        name = self._ref.geographies[code].fields["name_en"] if code in self._ref.geographies else code
        return PlaceMention(match.start(), match.end(), name, code, f"'{match.group()}'", linked)


def _spellings(ref: Reference) -> set[str]:
    names = {r.fields["name_en"] for r in ref.geographies.values()}
    return names | {alias for aliases in ref.aliases.values() for alias in aliases}


def _without_overlaps(mentions: list[PlaceMention]) -> list[PlaceMention]:
    kept: list[PlaceMention] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if all(mention.start >= k.end or mention.end <= k.start for k in kept):
            kept.append(mention)
    return kept


# A place right after a figure's own words, linked by "in", "at", "across" ... ("three in Baghdad").
_LINK_BACK = re.compile(r"^[\w\s'’-]{0,90}?\b(?:in|at|across|from|inside|throughout)\s+(?:the\s+)?$", re.IGNORECASE)
_NO_BREAK = re.compile(r"^[\w\s'’-]{0,90}$")


def owner_of(place: PlaceMention, sentence: str, figure_spans: list[tuple[int, int]]) -> int | None:
    """Index of the figure a place belongs to: the one before it when linked by 'in', else the next one.

    A place after the last figure and not linked to it (an attribution, "police in Basra said") belongs to
    none and so scopes the whole sentence.
    """
    before = [i for i, (_, end) in enumerate(figure_spans) if end <= place.start]
    after = [i for i, (start, _) in enumerate(figure_spans) if start >= place.end]
    if before:
        gap = sentence[figure_spans[before[-1]][1] : place.start]
        if _LINK_BACK.match(gap) or (place.linked and _NO_BREAK.match(gap)):
            return before[-1]
    return after[0] if after else None
