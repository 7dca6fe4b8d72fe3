"""Places a figure's sentence sets by what it says of the area, not by the name nearest the figure.

- "press conference in Erbil, ... the courts settled 1,297 files in the two provinces": a sentence that speaks of
  "the two provinces" (المحافظتين) counts for the two-province zone the text names (Erbil and Duhok), not for the
  one province named in it.
- "joint operations that reached beyond the Region's borders seized 1,575 kg": a figure of operations outside the
  Kurdistan Region is not the Region's (nor one of its provinces' or zones') but the country's.
"""

from __future__ import annotations

import re

from loaders.extract.places import COUNTRY, REGION, PlaceMention
from loaders.reference import Reference


def named_zone(named: list[PlaceMention], ref: Reference) -> PlaceMention | None:
    """The one two-province zone (a composite) the text names, if it names exactly one."""
    zones = {p.code: p for p in named if ref.geographies[p.code].fields.get("level") == "composite"}
    return next(iter(zones.values())) if len(zones) == 1 else None


def zone_place(
    place: PlaceMention, why: str, sentence: str, zone: PlaceMention | None, ref: Reference
) -> tuple[PlaceMention, str]:
    """The zone for a member province's figure said of "the two provinces"; the country for one beyond the Region."""
    members = ref.geographies[zone.code].fields.get("members", "").split("|") if zone else []
    if zone and place.code in members and _BOTH.search(sentence):
        return zone, f"{why}; the sentence speaks of both provinces of {zone.written}, which the text names"
    if _in_region(place.code, ref) and _BEYOND.search(sentence):
        country = ref.geographies[COUNTRY].fields["name_en"]
        return PlaceMention(0, 0, country, COUNTRY, "beyond the Region"), f"{why}; the operations reached beyond it"
    return place, why


def _in_region(code: str, ref: Reference) -> bool:
    """The Region itself, or a province or zone within it."""
    row = ref.geographies.get(code)
    return code == REGION or bool(row and row.fields.get("parent") == REGION)


_BOTH = re.compile(r"(?<!\w)(?:في\s+|ب)?(?:ال)?محافظتين(?!\w)|\b(?:both|the\s+two)\s+(?:provinces|governorates)\b")
# (work that reached out of the Region; not people "from outside the Kurdistan Region", who were held inside it)
_BEYOND = re.compile(
    # "امتدت إلى خارج حدود الإقليم", "امتدت إلى ما وراء حدود الإقليم" (beyond the Region's borders)
    r"(?<!\w)(?:و)?(?:امتد\w*|تمتد|يمتد|وصل\w*|تجاوز\w*)\s+(?:إلى\s+)?(?:خارج|ما\s+وراء|ما\s+بعد)\s+(?:حدود\s+)?(?:ال)?إقليم"
    r"|\b(?:extend\w*|reach\w*|stretch\w*|spread\w*)\s+(?:\S+\s+){0,2}?(?:outside|beyond)\s+(?:the\s+)?"
    r"(?:Kurdistan\s+)?Region\b",
    re.IGNORECASE,
)
