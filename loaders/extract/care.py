"""Which care count a figure of patients is, from the words that describe the patients themselves."""

from __future__ import annotations

import re

from loaders.extract.rules import Guess

# "115 patients with a substance use disorder", "300 patients diagnosed with addiction": patients counted by their
# diagnosis are the patients treated for it, whatever verb (admitted, recorded) the study's subject carries.
_DIAGNOSED = re.compile(
    r"^\s*(?:[\w-]+\s+)?(?:patients|cases|people)\s+(?:(?:who\s+were\s+)?diagnosed\s+with|with\s+(?:an?\s+)?"
    r"(?:[\w-]+\s+){0,4}?(?:disorders?|dependence|addiction))\b",
    re.IGNORECASE,
)
_ADMISSIONS = {"rehab_admitted", "rehab_completed"}


def diagnosed_patients(guess: Guess, after: str) -> Guess:
    diagnosed = _DIAGNOSED.match(after)
    if guess.indicator not in _ADMISSIONS or diagnosed is None:
        return guess
    return Guess("patients_treated", f"{guess.why}; '{diagnosed.group().strip()}': patients counted by diagnosis")
