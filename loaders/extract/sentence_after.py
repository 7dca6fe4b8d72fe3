"""What the sentence after some figures says of them: that they were one haul ("The drugs were hidden in a
truck"), the day they were announced or ruled on ("The court issued the verdict on Sunday, April 14"), or where their
operation took place ("The operation was carried out in Kirkuk", "وأوضح المصدر أن العملية نفذت في محافظة كركوك":
that place, not the seat of the force that made it, is the haul's).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from loaders.extract.candidate import Candidate
from loaders.extract.periods import MONTH_NAMES
from loaders.extract.places import COUNTRY, PlaceFinder
from loaders.extract.rules import EVENT
from loaders.extract.single_event import EVENT_TWIN
from loaders.normalise.periods import MONTHS

# The sentence after a seizure that tells where those drugs were ("The drugs were found in the possession of a
# suspect", "وكانت المواد مخبأة في ..."): the seizure before was one haul.
_DESCRIBES_HAUL = re.compile(
    r"^(?:The|These|This|Those|That)\s+(?:seized\s+)?(?:drugs|narcotics|pills|tablets|haul|consignment|shipment"
    r"|substances|seizure|contraband)\b|^(?:و)?(?:كانت\s+)?(?:المواد|المضبوطات|الحبوب|الشحنة|الكمية)(?!\w)",
    re.IGNORECASE,
)


def told_after(candidates: list[Candidate], indices: range, sentence: str, published: date | None) -> None:
    """What the sentence after some figures says of them: that they were one haul, or the day they are of."""
    if _DESCRIBES_HAUL.match(sentence):
        _as_one_haul(candidates, indices, sentence)
    if published:
        _dated_after(candidates, indices, sentence, published)


def _as_one_haul(candidates: list[Candidate], indices: range, description: str) -> None:
    """Seizures of the sentence before, with no period of their own, become one haul when the next sentence places
    those drugs in one vehicle, hiding place or person's possession."""
    event = EVENT.search(description)
    if event is None:
        return
    for index in indices:
        candidate = candidates[index]
        if candidate.indicator in EVENT_TWIN and candidate.period_start is None:
            why = f"{candidate.indicator_why}; one haul ('{event.group()}' in the sentence after)"
            candidates[index] = replace(candidate, indicator=EVENT_TWIN[candidate.indicator], indicator_why=why)


# The sentence after a figure giving the day it was announced or ruled on ("The governor announced the figure on
# August 26", "The court issued the verdict on Sunday, April 14").
_DATED_LATER = re.compile(
    r"\b(?:announced|gave|released|disclosed|reported|issued|handed\s+down|delivered|passed)\s+(?:the|this|that)\s+"
    r"(?:figure|number|count|tally|total|toll|statistics|verdict|ruling|sentences?|seizure|haul|bust|find)\s+on\s+"
    r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
    rf"(?:(?P<month>{MONTH_NAMES})\s+(?P<day>\d{{1,2}})|(?P<day_first>\d{{1,2}})\s+(?P<month_after>{MONTH_NAMES}))\b",
    re.IGNORECASE,
)


def _day_said(description: str, published: date) -> date | None:
    said = _DATED_LATER.search(description)
    if said is None:
        return None
    month = MONTHS[(said["month"] or said["month_after"]).lower()]
    year = published.year - (month > published.month)
    try:
        day = date(year, month, int(said["day"] or said["day_first"]))
    except ValueError:
        return None
    return day if day <= published else None


def _dated_after(candidates: list[Candidate], indices: range, description: str, published: date) -> None:
    """Figures of the sentence before that only the publication dated take the day the next sentence gives: a
    running total ends there, a ruling was that day."""
    day = _day_said(description, published)
    if day is None:
        return
    for index in indices:
        candidate = candidates[index]
        if candidate.period_end != published or candidate.period_start not in (None, published):
            continue
        start = day if candidate.period_start else None
        why = f"{candidate.period_why}; the day the next sentence gives"
        candidates[index] = replace(candidate, period=str(day), period_start=start, period_end=day, period_why=why)


_OPERATION_HELD_IN = re.compile(
    r"\b(?:the\s+)?(?:operation|raid|seizure|bust)\s+(?:was|had\s+been)\s+(?:carried\s+out|conducted|made|staged)\s+in\b"
    r"|\b(?:the\s+)?(?:operation|raid|seizure|bust)\s+took\s+place\s+in\b"
    r"|(?<!\w)(?:ال)?(?:عملية|مداهمة)\s+(?:ن\u064f?ف\u0651?ذت|جرت|تمت|وقعت)\s+(?:في|ب)",
    re.IGNORECASE,
)
_ONE_HAUL = {"seizure_event", "seizure_event_pills"}


def placed_after(candidates: list[Candidate], indices: range, sentence: str, finder: PlaceFinder) -> None:
    """Single hauls of the sentence before take the one governorate the next sentence says their operation was
    carried out in."""
    held = _OPERATION_HELD_IN.search(sentence)
    places = finder.find(sentence[held.end() :], False) if held else []
    if not places or places[0].code == COUNTRY:
        return
    place = places[0]
    for index in indices:
        candidate = candidates[index]
        if candidate.indicator in _ONE_HAUL and candidate.place_code != place.code:
            why = f"'{held.group()} {place.written}' in the sentence after"
            candidates[index] = replace(candidate, place=place.written, place_code=place.code, place_why=why)
