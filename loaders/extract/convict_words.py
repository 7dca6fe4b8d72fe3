"""A count of people named as the convicted ("بـ676 مداناً", "11 convicted people") counts convictions, when no
keyword in its clause names another kind: the noun itself says a court found them guilty. A ranking of courts or
provinces ("جاءت محاكم بغداد في المرتبة الثانية بـ676 مداناً") often carries no verb of its own.
"""

from __future__ import annotations

import re

from loaders.extract.indicators import UnitWord
from loaders.extract.rules import Guess

_CONVICTED = re.compile(r"^(?:ال)?مدان(?:اً|ا|ين|ون)?$|^convicts$", re.IGNORECASE)


# a ruling in the clause decides its own kind ("حكماً مماثلاً بحق مدان واحد": the sentence reported before)
_RULING = re.compile(
    r"(?<!\w)(?:ب)?(?:حكم\w*|أحكام\w*|احكام\w*)(?!\w)|\b(?:sentence|ruling|verdict)s?\b", re.IGNORECASE
)


def convicted_people(unit: UnitWord, clause: str) -> Guess | None:
    """Convictions for a figure whose own noun is the convicted; None for any other noun, or beside a ruling."""
    if unit.word and _CONVICTED.match(unit.word) and not _RULING.search(clause):
        return Guess("convictions", f"counts {unit.word}")
    return None
