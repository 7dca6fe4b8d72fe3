"""A figure the text takes from an earlier report of the same body ("وكانت المفوضية قد ذكرت في إحصائية سابقة أن ...",
"In an earlier statement, the ministry had put ..."): the opening sentence describes the report the article is
about (its scope, "excluding the Kurdistan Region"), not the earlier one, so the earlier figure does not take the
opening sentence's place; it falls back to what the authority or the whole text speaks for.
"""

from __future__ import annotations

import re
from datetime import date

_EARLIER = re.compile(
    r"(?<!\w)(?:في|ب)\s*(?:ال)?(?:إحصائي\w*|احصائي\w*|تقرير|بيان|إحصاء)\s+(?:ال)?(?:سابق|سابقة|أسبق|قديم)\w*(?!\w)"
    r"|\b(?:in|by)\s+an?\s+(?:earlier|previous|prior|older)\s+(?:statistic|report|statement|tally|count|survey)s?\b",
    re.IGNORECASE,
)


def not_the_ledes(sentence: str, dated_operation: bool, published: date | None, end: date | None) -> bool:
    """The figure is not of what the opening sentence reports: the sentence quotes an earlier report, or (in a text
    reporting one operation, `dated_operation` when the sentence states a period) it dates the figure to an earlier
    time ("In June last year, ... carrying one million pills"), another event that does not take the operation's
    place."""
    if _EARLIER.search(sentence):
        return True
    return bool(dated_operation and published and end and (published - end).days > 31)
