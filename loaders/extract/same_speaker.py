"""A paragraph that opens with the authority of the paragraph before, named again only by its bare noun ("The
directorate said ...", "وأوضحت المديرية أن ..."), is the same speaker going on: its figures take that speaker's place.

Without this, a text quoting two authorities (a national council's federal figures, then a regional directorate's)
gave the regional directorate's later figures the text's first, national authority, because the new paragraph names no
place. A speaker named in full ("أعلنت المديرية العامة لمكافحة المخدرات في ...") is a new voice and carries nothing;
nor does a place that is only the country (the fallbacks already give that).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from loaders.extract.places import COUNTRY, PlaceMention

if TYPE_CHECKING:
    from loaders.extract.candidate import Candidate

_BODY_AR = r"(?:ال)?(?:مديرية|وزارة|قيادة|هيئة|دائرة|محكمة|شرطة|لجنة|مجلس)"
_BODY_EN = r"(?:directorate|ministry|command|agency|council|department|office|court|police|committee)"
# The verb of saying, then the bare noun, then "that" or a comma: "وأوضحت المديرية أن", "The directorate said".
_SAME_SPEAKER = re.compile(
    rf"^\s*(?:و|ف)?(?:أوضحت|أوضح|أضافت|أضاف|ذكرت|ذكر|أشارت|أشار|بينت|بين|قالت|قال|أكدت|أكد)\s+{_BODY_AR}"
    r"(?=\s+(?:أن|إن|ان)(?!\w)|\s*[،,])"
    rf"|^\s*(?:The|That)\s+{_BODY_EN}\s+(?:also\s+)?(?:said|added|noted|reported|stated|explained|told)\b",
    re.IGNORECASE,
)


def speaker_continues(sentence: str, last: Candidate | None) -> PlaceMention | None:
    """The place of the text's last figure, when the paragraph opens with its speaker named again by a bare noun."""
    if last is None or last.place_code == COUNTRY or not _SAME_SPEAKER.search(sentence):
        return None
    why = f"{re.split(r' next to|, the place of', last.place_why)[0]}, the place of the speaker the paragraph goes on quoting"
    return PlaceMention(0, 0, last.place, last.place_code, why)
