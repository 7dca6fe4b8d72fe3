"""A sentence that states the scope of figures already given ("Its sentencing figures cover only the federal
provinces and do not include the Kurdistan Region"): those figures are of that scope, not of the country the quoted
national authority would otherwise speak for.

A statement naming a kind of figure ("sentencing", "arrest") re-places the text's earlier figures of that kind; one
naming none ("these figures cover only ...") re-places the figures of the sentence before. Only figures placed in the
whole country change: a figure that named its own province keeps it. The scope is the federal provinces when the
sentence names them (or says "excluding the Kurdistan Region"), else the one place it names, when it negates nothing.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from loaders.extract.places import COUNTRY, FEDERAL, PlaceMention

if TYPE_CHECKING:
    from loaders.extract.candidate import Candidate

_FIGURES = r"(?:figures|statistics|numbers|data|totals|tallies|counts)"
_COVER = r"(?:only\s+)?(?:cover|covers|covered|include|includes|included|apply|applies|relate|relates|refer|refers)"
_STATEMENT = re.compile(
    rf"\b(?:its|their|the|these|those)\s+(?:(?P<kind>[a-z-]+)\s+)?{_FIGURES}\s+(?:\w+\s+){{0,2}}?{_COVER}\b"
    r"|(?P<ar>(?:ال)?(?:أرقام|إحصائي\w*|احصائي\w*|بيانات)\s+(?:\S+\s+){0,2}?(?:تشمل|تغطي|تقتصر|لا\s+تشمل|لا\s+تتضمن))",
    re.IGNORECASE,
)
_KINDS = [
    (
        re.compile(r"sentenc|court|convict|judicial|verdict|ruling", re.I),
        {"death_sentences", "life_sentences", "convictions"},
    ),
    (re.compile(r"arrest|detention", re.I), {"arrests", "arrests_traffickers", "arrests_foreign"}),
    (re.compile(r"seizure", re.I), {"seizures", "seizures_pills", "seizure_event", "seizure_event_pills"}),
]
# "It did not say whether the figures include the Kurdistan Region" leaves the scope open: it states none.
_OPEN_QUESTION = re.compile(
    r"\bwhether\b|\bunclear\b|\bnot\s+clear\b|\b(?:did|does|do)\s+not\s+(?:say|specify|state|clarify|make\s+clear)\b"
    r"|(?<!\w)(?:ما\s+إذا|ما\s+اذا|إن\s+كانت|لم\s+(?:توضح|يوضح|تحدد|يحدد|تذكر|يذكر|تبين|يبين)|غير\s+واضح)",
    re.IGNORECASE,
)
_NEGATED = re.compile(r"\bnot\b|\bexclud|\bexcept|(?<!\w)(?:عدا|باستثناء|لا)(?!\w)", re.IGNORECASE)


def scoped_after(
    candidates: list[Candidate], before: range, found: int, sentence: str, places: list[PlaceMention]
) -> None:
    """Re-place the figures a scope statement speaks of: a sentence with no figure of its own (none from `found` on)."""
    statement = _STATEMENT.search(sentence) if len(candidates) == found else None
    if statement and _OPEN_QUESTION.search(sentence):
        return
    scope = _scope(places, sentence) if statement else None
    if statement is None or scope is None:
        return
    kind = statement.group("kind") or ""
    kinds = next((named for pattern, named in _KINDS if pattern.search(kind)), None)
    indices = range(len(candidates)) if kinds else before
    for index in indices:
        candidate = candidates[index]
        if candidate.place_code != COUNTRY or (kinds and candidate.indicator not in kinds):
            continue
        why = f"{scope.why}: the scope the text states for its {kind or 'these'} figures"
        candidates[index] = replace(candidate, place=scope.written, place_code=scope.code, place_why=why)


def _scope(places: list[PlaceMention], sentence: str) -> PlaceMention | None:
    local = [p for p in places if p.code != COUNTRY]
    federal = next((p for p in local if p.code == FEDERAL), None)
    if federal or _NEGATED.search(sentence):
        return federal
    return local[0] if local and len({p.code for p in local}) == 1 else None
