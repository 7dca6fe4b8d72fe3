"""Units that name the indicator by themselves: cases (the courts', a health service's or recorded ones), centres,
prisoners held anywhere but a treatment centre, people awaiting execution.

Kept apart from engine.py: the first guess at a figure's kind, made before any keyword is read.
"""

from __future__ import annotations

import re

from loaders.extract.indicators import UnitWord
from loaders.extract.kind_corrections import CARE_KINDS
from loaders.extract.rules import DEATH_ROW, PRISONER_WORDS, UNIT_INDICATORS, Guess, nearest_rule

# Inmates of treatment centres ("النزلاء في مراكز التأهيل") are patients, not prisoners.
_TREATMENT = re.compile(r"\b(?:rehabilitation|treatment|rehab)\b|تأهيل|التأهيل|علاج|العلاج|مصح\w*", re.IGNORECASE)


# Cases are the courts' unless the clause says who else counted them: a hospital's addiction cases are patients
# treated ("has treated 38,000 addiction cases"), cases a directorate or the police recorded are recorded drug cases
# ("المديرية سجلت ألف قضية").
_COURT = re.compile(
    r"\bcourts?\b|\bjudges?\b|\bjudicia\w*|\bruled\b|\btrials?\b|\breferred\b|\bprosecut\w*"
    r"|محكم\w*|المحاكم|قاض\w*|القضاء|قضائي\w*|(?<!\w)(?:و)?(?:أ|ا)حيل\w*|إحالة|حسم\w*",
    re.IGNORECASE,
)


_CARE_CASES = re.compile(
    r"\bhospitals?\b|\btreat\w*|\baddiction\b|\bpatients?\b|\bclinics?\b|مستشف\w*|(?:ال)?علاج|(?:ال)?إدمان|مرضى|مصح\w*",
    re.IGNORECASE,
)


_RECORDED = re.compile(r"\brecorded\b|\bregistered\b|\blogged\b|(?<!\w)(?:و)?(?:سجل|سجلت|تسجيل)(?!\w)", re.I)


def _cases_outside_court(unit: UnitWord, clause: str) -> Guess | None:
    care = _CARE_CASES.search(clause)
    if care:  # what the service did: "received 2,000 addiction cases" took them in; else it treated them
        done = nearest_rule(clause, (0, 0), clause, CARE_KINDS)
        kind = done.indicator if done else "patients_treated"
        return Guess(kind, f"counts {unit.word} '{care.group()}': cases of a health service")
    recorded = _RECORDED.search(clause)
    if recorded:
        return Guess("drug_cases_recorded", f"counts {unit.word} '{recorded.group()}': cases recorded, not in court")
    return None


def kind_by_unit(unit: UnitWord, clause: str) -> Guess | None:
    """A unit that names the indicator by itself ("16 centres"); prisoners held anywhere but a treatment centre."""
    if unit.unit_class == "cases" and not _COURT.search(clause):
        kind = _cases_outside_court(unit, clause)
        if kind:
            return kind
    if unit.unit_class in UNIT_INDICATORS:
        return Guess(UNIT_INDICATORS[unit.unit_class], f"counts {unit.word}")
    death_row = re.search(DEATH_ROW, clause, re.IGNORECASE)
    if unit.unit_class == "persons" and death_row:  # "8,000 prisoners awaiting execution": on death row
        return Guess("death_row_all_offences", f"counts {unit.word} '{death_row.group()}'")
    if unit.word in PRISONER_WORDS and not _TREATMENT.search(clause):
        return Guess("prisoners_drug", f"counts {unit.word}")
    return None
