""" "The longer period": of the periods a text has stated, the one that lasts longest.

"... seized between 24 November 2023 and 12 July 2024, and arrested 600 people from 1 January to 12 July 2024. The
seizures over the longer period amounted to 952 kilograms": the phrase names no dates, yet the text has stated two
periods and it picks the longer of them.
"""

from __future__ import annotations

import re

from loaders.extract.periods import Period, PeriodPhrase

_LONGER = re.compile(
    r"\b(?:over|during|in|for)\s+the\s+(?:longer|longest)\s+(?:period|span|time\s+frame)\b"
    r"|(?<!\w)(?:خلال|في)\s+(?:المدة|الفترة)\s+الأطول(?!\w)",
    re.IGNORECASE,
)


def the_longer(sentence_text: str, phrases: list[PeriodPhrase], stated: set[tuple]) -> list[PeriodPhrase]:
    """The sentence's period phrases, with "the longer period" read as the longest of the stated periods."""
    match = _LONGER.search(sentence_text)
    spans = [(start, end) for start, end in stated if start and end]
    if match is None or len(spans) < 2:
        return phrases
    start, end = max(spans, key=lambda span: span[1] - span[0])
    period = Period(f"{start.day} {start:%b %Y} to {end.day} {end:%b %Y}", start, end, "explicit")
    return [*phrases, PeriodPhrase(match.start(), match.end(), match.group(), period)]
