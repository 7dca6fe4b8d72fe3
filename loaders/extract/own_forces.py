"""The Interior Ministry's own casualties are federal when the text says the Kurdistan Region has its own forces.

"Four officers were killed ...", quoted from the federal Interior Ministry, counts that ministry's men. Most texts
leave the ministry speaking for the whole country (and annotators place such figures in Iraq); but a text that says
the Region "has its own police" or "its own courts and anti-narcotics agencies" tells the reader that the ministry's
forces serve outside it, so their killed and wounded are the federal provinces'. Seizures and other figures are not
the ministry's own men and keep the national voice.
"""

from __future__ import annotations

import re

from loaders.extract.context import Context, federal
from loaders.extract.places import PlaceMention
from loaders.reference import Reference

_REGION_APART = re.compile(
    r"Kurdistan\s+Region[^.]{0,60}?\b(?:has|have|with|runs?)\s+its\s+own\s+(?:[\w-]+\s+(?:and\s+)?){0,3}?"
    r"(?:police|courts?|forces|agencies|security|judiciary|directorates?)\b"
    r"|(?:الإقليم|إقليم\s+كو?ردستان)[^.]{0,60}?(?:أجهزته|قواته|محاكمه|شرطته)\s+(?:ال)?خاصة",
    re.IGNORECASE,
)
_OWN_MEN = {"security_killed", "security_wounded"}


def region_apart(text: str) -> bool:
    """Whether the text says the Kurdistan Region has forces or courts of its own."""
    return bool(_REGION_APART.search(text))


def federal_forces(
    place: PlaceMention, why: str, indicator: str, context: Context, ref: Reference
) -> tuple[PlaceMention, str]:
    """The federal provinces for the Interior Ministry's own killed and wounded, in a text that sets the Region apart."""
    speaking = place in (context.authority_place, context.voice) and place.role == "interior"
    if not (speaking and indicator in _OWN_MEN and context.region_apart):
        return place, why
    return federal(ref), f"{why}; its forces serve outside the Kurdistan Region, which has its own"
