"""A paragraph that opens by pointing back at the figures before it ("Those rulings included ...", "These figures
also show ...", "The authorities have also ...", "وتضمنت تلك الأحكام ...") goes on with their scope: its figures take
the place of the text's last figure, even when that place is the whole country.

Without this, national background inside a local story (a Dhi Qar arrest, then the country's totals over two
paragraphs) gave the second paragraph's national figures the opening sentence's province, because the new paragraph
names no place of its own.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from loaders.extract.places import PlaceMention

if TYPE_CHECKING:
    from loaders.extract.candidate import Candidate

_BACK = re.compile(
    r"^\s*(?:Those|These)\s+(?:\w+\s+){0,2}?(?:included|include|comprised|covered|show|showed|also)\b"
    r"|^\s*The\s+(?:authorities|agencies|officials)\s+(?:have\s+|had\s+)?also\b"
    r"|^\s*(?:و)?(?:تضمنت|شملت|تشمل|تتضمن)\s+(?:تلك|هذه)\s",
    re.IGNORECASE,
)


def points_back(sentence: str, last: Candidate | None) -> PlaceMention | None:
    """The place of the text's last figure, when the paragraph opens by pointing back at it."""
    if last is None or not _BACK.search(sentence):
        return None
    why = re.split(r" next to|, the place of| in the sentence", last.place_why)[0]
    return PlaceMention(
        0, 0, last.place, last.place_code, f"{why}, the scope of the figures the paragraph points back to"
    )
