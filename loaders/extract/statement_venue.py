"""Where a statement was made is not where its figures are: "arrested more than 19,000 people this year, the
spokesman said, presenting the results to journalists in Baghdad" counts the whole country, and Baghdad is only the
room the figures were read out in. A place named as where reporters were told ("told reporters in Erbil",
"للصحفيين في بغداد") names the venue of the briefing, so it places no figure of the sentence.
"""

from __future__ import annotations

import re

_VENUE = re.compile(
    r"\b(?:reporters|journalists|newsmen|the\s+press|the\s+media)\s+(?:(?:gathered|assembled)\s+)?(?:in|at)\s+$"
    r"|(?<!\w)(?:لل|ل)(?:صحفيين|صحافيين|صحفيون|إعلاميين|اعلاميين)\s+(?:في|ب)\s*$",
    re.IGNORECASE,
)


def briefing_venue(before: str) -> bool:
    """The place that follows `before` is where reporters were briefed."""
    return bool(_VENUE.search(before))
