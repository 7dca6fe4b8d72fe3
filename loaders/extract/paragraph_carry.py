"""A new paragraph that names no place may still go on with the place of the text's last figure, in two cases.

- **The same speaker going on:** the paragraph opens with the authority before, named again only by its bare noun
  ("The directorate said ...", "وأوضحت المديرية أن ..."). Without this, a text quoting two authorities (a national
  council's federal figures, then a regional directorate's) gave the directorate's later figures the text's first,
  national authority. A speaker named in full ("أعلنت المديرية العامة لمكافحة المخدرات في ...") is a new voice and
  carries nothing; nor does a place that is only the country (the fallbacks already give that).
- **Pointing back at the figures before:** "Those rulings included ...", "These figures also show ...", "The
  authorities have also ...", "وتضمنت تلك الأحكام ...". Here even the whole country is carried: without it,
  national background inside a local story (a Dhi Qar arrest, then the country's totals over two paragraphs) gave
  the national figures the opening sentence's province.
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
_POINTS_BACK = re.compile(
    r"^\s*(?:Those|These)\s+(?:\w+\s+){0,2}?(?:included|include|comprised|covered|show|showed|also)\b"
    r"|^\s*The\s+(?:authorities|agencies|officials)\s+(?:have\s+|had\s+)?also\b"
    r"|^\s*(?:و)?(?:تضمنت|شملت|تشمل|تتضمن)\s+(?:تلك|هذه)\s",
    re.IGNORECASE,
)


def carried_place(sentence: str, last: Candidate | None) -> PlaceMention | None:
    """The place of the text's last figure, when the paragraph opening with `sentence` goes on with it."""
    if last is None:
        return None
    if last.place_code != COUNTRY and _SAME_SPEAKER.search(sentence):
        return _carried(last, ", the place of", "the place of the speaker the paragraph goes on quoting")
    if _POINTS_BACK.search(sentence):
        return _carried(
            last, ", the place of| in the sentence", "the scope of the figures the paragraph points back to"
        )
    return None


def _carried(last: Candidate, cut: str, reason: str) -> PlaceMention:
    why = re.split(rf" next to|{cut}", last.place_why)[0]
    return PlaceMention(0, 0, last.place, last.place_code, f"{why}, {reason}")
