"""The national authority a paragraph quotes, kept for its later sentences.

"The ruling came days after the Interior Ministry presented its account of the campaign ... Ministry spokesman
Bahadli said the security services had dismantled 1,201 networks ... According to Bahadli, the courts have issued
...": the ministry speaks for the whole paragraph, so its figures are the country's even when the article opened
on one city's court. A sentence that names a place of its own speaks for that place instead, and ends the carry.

A paragraph that opens on the same speaker ("According to Bahadli, the courts have issued ...", "He added that ...")
goes on quoting the authority of the paragraph before.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from loaders.extract.context import Context
    from loaders.extract.places import PlaceMention


def paragraph_voice(voice: PlaceMention | None, places: list[PlaceMention], context: Context) -> PlaceMention | None:
    """The sentence's own national voice, else the one an earlier sentence of its paragraph quoted (while no
    sentence since named a place); remembers what the next sentence may carry."""
    carried = voice or (None if places else context.paragraph_voice)
    context.voice_placeless = not places if voice else context.voice_placeless and carried is not None
    context.paragraph_voice = carried
    return carried


def same_speaker(opening: str, context: Context) -> None:
    """At a new paragraph: keep the voice of the paragraph before when this one opens on the same speaker; "the
    ministry said" names it again only when it spoke there of no place of its own (a statement's national tally,
    not the ministry announcing an operation in one city)."""
    same = _SAME_SPEAKER.match(opening) or (context.voice_placeless and _MINISTRY_AGAIN.match(opening))
    context.paragraph_voice = context.paragraph_voice if same else None


_SAME_SPEAKER = re.compile(r"\s*(?:According\s+to\s+(?:him|[A-Z][\w-]+)\s*,|(?:He|She)\s+(?:added|said|went\s+on)\b)")
# "وذكرت الوزارة في بيانها", "The ministry said in its statement": the ministry the paragraph before named
_MINISTRY_AGAIN = re.compile(
    r"\s*(?:The\s+ministry\s+(?:said|added|stated)\b|(?:و)?(?:ذكرت|قالت|أضافت|أكدت|أوضحت|بينت|أشارت|تابعت)\s+الوزارة(?!\w))"
)
