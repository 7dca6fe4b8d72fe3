"""The kind of recorded crimes a sentence's subject names, when the figure's own words name none.

"جرائم التعاطي سجلت بدورها تراجعاً ملحوظاً، إذ بلغت أربعة آلاف جريمة" (drug-use crimes fell too, reaching 4,000
crimes), "Drug-use offences also fell, reaching 4,000 crimes": the figure's noun ("crimes") is the general count,
but the subject it restates names the kind, so the figure is use crimes (or trafficking crimes).
"""

from __future__ import annotations

import re

from loaders.extract.rules import Guess

_GENERAL = "crimes_trafficking_recorded"
# (the crime noun with its kind right beside it: "جرائم التعاطي", "جرائم الاتجار", "drug-use crimes")
_SUBJECT = re.compile(
    r"(?<!\w)(?:ال)?(?:جرائم|جريمة)\s+(?:(?P<ar_trafficking>(?:ال)?(?:اتجار|إتجار|متاجرة|ترويج))|(?P<ar_use>(?:ال)?تعاطي?))"
    r"|\b(?:(?P<en_trafficking>trafficking|dealing)|(?P<en_use>(?:drug[- ])?use|possession))\s+(?:crimes|offen[cs]es)\b",
    re.IGNORECASE,
)


def crime_kind_of_subject(guess: Guess, before: str) -> Guess:
    """The general recorded-crimes guess narrowed by the last crime noun with a kind before the figure."""
    if guess.indicator != _GENERAL or guess.why.endswith(" offences"):
        return guess  # (already narrowed by the figure's own words)
    found = list(_SUBJECT.finditer(before))
    if not found:
        return guess
    use = bool(found[-1]["ar_use"] or found[-1]["en_use"])
    kind = "crimes_use_recorded" if use else _GENERAL
    return Guess(kind, f"{guess.why}; '{found[-1].group()}' before it names the kind")
