"""Where the court that handed down a text's rulings sits: the province its rulings are filed under."""

from __future__ import annotations

import re
from dataclasses import replace

from loaders.extract.context import unique_place
from loaders.extract.places import COUNTRY, PlaceFinder, PlaceMention
from loaders.reference import Reference

# A court named by its province: "The Basra Criminal Court", "محكمة جنايات النجف".
_PROVINCIAL_COURT = re.compile(
    r"\b(?:[A-Z][\w'-]+\s+){1,2}(?:Criminal|Felony)\s+Court\b|محكمة\s+(?:ال)?جنايات\s+(?:\S+\s+)?\S+", re.IGNORECASE
)
# National courts whose name holds no place but which sit in one city: Iraq's Central Criminal Court sits in
# Baghdad, so its rulings are Baghdad's, whatever country-wide cases it hears.
_SEATED_COURTS = (
    (re.compile(r"\bCentral\s+Criminal\s+Court\b|(?<!\w)(?:ال)?محكمة\s+الجنائية\s+المركزية(?!\w)", re.I), "IQ-BG"),
)


def court_place(text: str, finder: PlaceFinder, ref: Reference) -> PlaceMention | None:
    """The province of the first court the text names by its place, else the seat of a national court it names:
    where the rulings it reports were handed down."""
    for court in _PROVINCIAL_COURT.finditer(text):
        place = unique_place(finder.find(court.group(), False))
        if place and place.code != COUNTRY:
            return replace(place, why=f"'{court.group()}', the court that ruled")
    for pattern, code in _SEATED_COURTS:
        court = pattern.search(text)
        if court and code in ref.geographies:
            seat = ref.geographies[code].fields["name_en"]
            return PlaceMention(court.start(), court.end(), seat, code, f"'{court.group()}', which sits in {seat}")
    return None


def ruling_voice(ruling: bool, court: PlaceMention | None, voice: PlaceMention | None) -> PlaceMention | None:
    """Whose place a figure takes when the article reports one court's ruling: a ruling's is that court's, unless
    the Interior Ministry is the one speaking ("Ministry spokesman ... said the courts have issued 2,318 sentences
    over three years"): the ministry tallies the rulings of all the country's courts, not the one court's."""
    if ruling and court and not (voice and voice.role == "interior"):
        return court
    return voice
