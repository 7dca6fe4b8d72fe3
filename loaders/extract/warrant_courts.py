"""A court named as the legal basis of an operation is not where its figures are.

"ضبط بمفرده طناً و٥٣٨ كيلوغراماً، بموجب قرارات صادرة عن محكمة تحقيق الرصافة" (seized 1,538 kg under orders issued
by the Rusafa investigation court), "arrested under warrants issued by a Karkh court": the court authorised the
work of a national directorate; the haul is not that court's district's.
"""

from __future__ import annotations

import re

from loaders.extract.places import PlaceMention


def without_warrant_courts(sentence: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """The sentence's places, less those named only as the court whose orders the operation followed."""
    spans = [m.span() for m in _WARRANT.finditer(sentence)]
    return [p for p in places if not any(start <= p.start < end for start, end in spans)]


_WARRANT = re.compile(
    r"(?<!\w)(?:ب|و)?موجب\s+(?:\S+\s+){1,3}?(?:صادرة|الصادرة|صادر)\s+(?:عن|من)\s+محكمة(?:\s+[^\s،,.]+){1,5}"
    r"|\bunder\s+(?:\S+\s+){0,2}?(?:warrants?|orders?|decisions?)\s+(?:issued\s+)?by\s+(?:the\s+|a\s+)?"
    r"(?:\S+\s+){0,3}?court\b",
    re.IGNORECASE,
)
