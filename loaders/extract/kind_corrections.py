"""Second thoughts on an indicator guess: the words around a figure that turn one kind into a near one.

A seizure the verb before it says was destroyed, detainees a treatment service cared for, death and life sentences
named as one, convicts or patients counted as they are now. Kept apart from engine.py so that each correction reads
on its own.
"""

from __future__ import annotations

import re

from loaders.extract.indicators import UnitWord
from loaders.extract.rules import DESTROY_WORDS, Guess, nearest_rule
from loaders.extract.seized_adjective import seizure_named_before

_DESTROYED_TWIN = {"seizures": "drugs_destroyed", "seizures_pills": "drugs_destroyed_pills"}


def destroyed_before(guess: Guess, before: str, allowed: set[str]) -> Guess:
    """'set fire to 130 kg of drugs confiscated in earlier operations', 'أحرقت ... 150 كيلوغراماً ... التي ضبطتها':
    the verb before the figure says what was done to it; a seizure named after it is the drugs' history."""
    if guess.indicator not in _DESTROYED_TWIN or seizure_named_before(before):
        return guess
    destroyed = DESTROY_WORDS.search(before)
    twin = _DESTROYED_TWIN[guess.indicator]
    if destroyed is None or twin not in allowed:
        return guess
    return Guess(twin, f"'{destroyed.group()}' before the figure; the seizure named after it came earlier")


# "death and life sentences", "بالإعدام والسجن المؤبد", "الإعدام والمؤبد": both kinds named as one.
_DEATH_AND_LIFE = re.compile(
    r"\bdeath\s+(?:and|or)\s+life\b|(?:الإعدام|الاعدام)\s+(?:و|أو\s+)(?:السجن\s+|الحبس\s+)?(?:ال)?مؤبد", re.IGNORECASE
)


# What a treatment service did for people its figure names only by who they are ("helped nearly 80 detainees overcome
# their addiction", "عالجت 50 موقوفاً"): the treatment is the count, not the detention.
CARE_KINDS = {"rehab_completed", "rehab_admitted", "patients_treated"}


_HELD = {"arrests", "prisoners_drug"}


def done_to_them(guess: Guess, unit: UnitWord, clause: str, allowed: set[str]) -> Guess:
    if guess.indicator not in _HELD or not unit.word or f"'{unit.word}'" not in guess.why:
        return guess
    care = nearest_rule(clause, (0, 0), clause, allowed & CARE_KINDS)
    return (
        Guess(care.indicator, f"{care.why.split(' next to')[0]} in its clause, done to the {unit.word}")
        if care
        else guess
    )


# "عدد الموقوفين والمحكومين بلغ 7998", "detainees and convicts": everyone arrested, whatever came of it since.
_HELD_AND_SENTENCED = re.compile(
    # (any case ending: "ألفين و334 موقوفاً ومحكوماً")
    r"(?:ال)?(?:موقوف|معتقل)\w*\s+و(?:ال)?(?:محكوم|مدان)\w*|\bdetainees\s+and\s+(?:convicts|the\s+convicted)\b"
    r"|\b(?:detained|arrested)\s+(?:and|or)\s+(?:convicted|sentenced)\b",
    re.IGNORECASE,
)


_AT_PRESENT = re.compile(r"\b(?:currently|at\s+present|now)\b|(?<!\w)(?:حالياً|حاليا|حالياًّ|الآن)(?!\w)", re.I)


def several_kinds(guess: Guess, before: str, after: str) -> Guess:
    """'أحكاماً بالإعدام والسجن المؤبد بحق قرابة 100 مدان', 'death or life sentences for 100': a figure whose words
    name both kinds of sentence as one counts everyone sentenced, not one kind ("sentenced 12 to death and handed
    life sentences to 31" gives each kind its own figure)."""
    if guess.indicator == "convictions" and any(_HELD_AND_SENTENCED.search(side) for side in (before, after)):
        if any(_AT_PRESENT.search(side) for side in (before, after)):  # "يبلغ حالياً": those in custody now
            return Guess("prisoners_drug", guess.why + "; people held and sentenced, in custody now")
        return Guess("arrests", guess.why + "; people held and sentenced together: all arrested")
    if guess.indicator not in ("death_sentences", "life_sentences"):
        return guess
    if any(_DEATH_AND_LIFE.search(side) for side in (before, after)):
        return Guess("convictions", guess.why + "; death and life sentences together")
    return guess


# The convicted as people ("المحكومين", "convicts"), not the verb of a ruling ("sentenced").
_CONVICTS = re.compile(
    r"(?<!\w)(?:ال)?محكوم(?:ين|ون)(?!\w)|\bconvicts\b|\bconvicted\s+(?:people|persons|prisoners)\b", re.I
)


def convicts_held_now(guess: Guess, before: str, after: str) -> Guess:
    """'عدد المحكومين ... يبلغ حالياً قرابة ألفي شخص', 'there are currently 900 drug convicts': how many convicts
    there are now is a stock of people serving sentences (prisoners), not the rulings of a period."""
    if guess.indicator != "convictions" or not any(_CONVICTS.search(side) for side in (before, after)):
        return guess
    if not any(_AT_PRESENT.search(side) for side in (before, after)):
        return guess
    return Guess("prisoners_drug", guess.why + "; convicts counted as they are now: serving sentences")


# "المستشفى يضم حالياً سبعين مريضاً يتلقون العلاج", "the centre currently houses 40 patients": the patients in
# treatment there now (inpatients), not a count of everyone it treated.
_HOLDS_NOW = re.compile(
    r"(?<!\w)(?:ي|ت)ضم\s+(?:حالياً|حاليا|الآن)\s*$|\b(?:currently|now)\s+(?:houses|holds|has)\s+(?:about\s+|some\s+)?$",
    re.IGNORECASE,
)


def patients_held_now(guess: Guess, before: str) -> Guess:
    held = _HOLDS_NOW.search(before)
    if guess.indicator != "patients_treated" or held is None:
        return guess
    return Guess("rehab_inpatients", f"{guess.why}; '{held.group().strip()}': the patients in treatment now")
