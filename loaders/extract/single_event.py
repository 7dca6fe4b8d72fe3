"""Signs that a seizure figure is one haul (seizure_event) rather than a period's total (seizures).

A sentence that states no period but ties the seizure to one day ("on Thursday seized 8 kg", "a source said on
Saturday", "أمس", "يوم الخميس") or to one operation as the subject of the result ("the raid yielded",
"العملية أسفرت عن ضبط") reports one haul: a running total is given "since", "during" or "so far", or as a total of
several operations, and those words keep the figure a total.
"""

from __future__ import annotations

import re

from loaders.extract.rules import Guess

_EN_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_AR_WEEKDAY = r"(?:الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|الأحد|الاحد)"
ONE_DAY = re.compile(
    rf"\bon\s+{_EN_WEEKDAY}\b|\b(?:yesterday|today|last\s+night|overnight|this\s+morning)\b"
    rf"|(?<!\w)(?:يوم\s+)?(?:أمس|امس|الأمس|اليوم)(?!\w)|(?<!\w)يوم\s+{_AR_WEEKDAY}(?!\w)",
    re.IGNORECASE,
)
# One operation named as what produced the seizure: "the operation resulted in the seizure of", "أسفرت العملية عن".
ONE_OPERATION_RESULT = re.compile(
    r"\bthe\s+(?:operation|raid|bust|search)\s+(?:resulted\s+in|yielded|led\s+to|netted|turned\s+up)\b"
    r"|(?<!\w)(?:ال)?عملية\s+(?:أسفرت|اسفرت|أدت|ادت|نتج\w*)(?!\w)|(?<!\w)(?:أسفرت|اسفرت)\s+العملية(?!\w)",
    re.IGNORECASE,
)
# Words of a total over time or over several operations.
AGGREGATE = re.compile(
    r"\b(?:total|totall?ing|in\s+all|altogether|combined|overall|operations|raids|campaigns?|since|during|so\s+far"
    r"|over\s+the\s+(?:past|last)|this\s+(?:year|month|week)|last\s+(?:year|month|week))\b"
    r"|(?<!\w)(?:ال)?(?:حصيلة|مجموع|إجمالي|اجمالي|عمليات|حملات|حملة)(?!\w)|(?<!\w)(?:منذ|خلال)(?!\w)",
    re.IGNORECASE,
)
EVENT_TWIN = {"seizures": "seizure_event", "seizures_pills": "seizure_event_pills"}


def one_day_haul(guess: Guess, sentence: str, period_stated: bool) -> Guess:
    """A seizure total with no period of its own becomes one haul when its sentence ties it to one day or to one
    operation and counts nothing over time."""
    if guess.indicator not in EVENT_TWIN or period_stated or AGGREGATE.search(sentence):
        return guess
    cue = ONE_OPERATION_RESULT.search(sentence) or ONE_DAY.search(sentence)
    if cue is None:
        return guess
    return Guess(EVENT_TWIN[guess.indicator], f"{guess.why}; one haul ('{cue.group()}', no period stated)")
