"""A figure's indicator from the words around it: by its unit, else the nearest keyword of its own verb, its stretch
or its clause, else as the figure before it; then kind_corrections' second thoughts.

Kept apart from engine.py, whose _guess falls back from this to what the sentences before say.
"""

from __future__ import annotations

import re

from loaders.extract.candidate import Candidate
from loaders.extract.care import diagnosed_patients
from loaders.extract.convict_words import convicted_people
from loaders.extract.figure_window import Figure, relative_span
from loaders.extract.indicators import compatible
from loaders.extract.kind_corrections import (
    convicts_held_now,
    destroyed_before,
    done_to_them,
    patients_held_now,
    several_kinds,
)
from loaders.extract.rules import RULES, Guess, nearest_rule
from loaders.extract.text import AR_COUNTED_NOUN
from loaders.extract.unit_kinds import kind_by_unit
from loaders.reference import Reference

_OWN_VERB = re.compile(r"\b(?:were|was|have\s+been|has\s+been|had\s+been)\b", re.IGNORECASE)


def _ruling_of_people(window: str, figure: Figure, clause: str) -> Guess | None:
    """'900 حكم بحق المدانين', 'the courts issued 900 rulings': rulings of no named kind (no death or life term
    near them) against people convict those people."""
    if figure.unit.unit_class != "sentences":
        return None
    return nearest_rule(window, relative_span(figure), clause, {"convictions"})


def keyword_indicator(text: str, figure: Figure, previous: Candidate | None, ref: Reference) -> Guess | None:
    """By the unit alone, else the nearest keyword in the figure's own stretch, else as the figure before it,
    else (for a figure that names what it counts) the nearest keyword in its clause."""
    unit_class = figure.unit.unit_class
    clause = text[figure.clause[0] : figure.clause[1]]
    by_unit = kind_by_unit(figure.unit, clause)
    if by_unit:
        return by_unit
    if previous and unit_class is None and _OF_THINGS.match(text[figure.mention.end :]):
        return Guess(previous.indicator, f"part of the figure before it ({previous.value})")
    capacity = _CAPACITY.search(text[figure.window[0] : figure.mention.start])
    if capacity and unit_class in ("persons", None):  # "can now hold 4,746 patients": beds, whoever fills them
        return Guess("rehab_beds", f"'{capacity.group().strip()}': a capacity")
    allowed = {r.indicator for r in RULES if compatible(unit_class, ref.indicators[r.indicator].fields["unit"])}
    window = text[figure.window[0] : figure.window[1]]
    guess = None
    # "1,300 kg of narcotics, which had been seized earlier, were destroyed": the aside between commas is the drugs'
    # history; the figure's own verb comes after it
    after = _ASIDE_RELATIVE.sub(" ", text[figure.mention.start : figure.window[1]], count=1)
    after = _CLAUSE_COMMA.split(after, maxsplit=1)[0]
    # "أتلفت نحو ٤ أطنان من المواد المخدرة التي ضُبطت": a relative clause says what befell the drugs before
    after = _AR_RELATIVE.split(after, maxsplit=1)[0]
    # Arabic describes a figure after it ("20 حكماً بالإعدام و50 حكماً بالمؤبد"); so does English when the figure is
    # the subject of its own verb ("four were killed and 24 were wounded", "915 of them have been sentenced").
    verb = _own_verb(after, figure.mention.end - figure.mention.start)
    if verb and not _ARABIC.search(window):  # the verb names what was done to them: "were burned", "were wounded"
        guess = nearest_rule(after[verb.start() :], (0, 0), clause, allowed)
    if guess is None and _ARABIC.search(window):  # "استشهاد سبعة", "وإصابة 61": the verbal noun just before it
        guess = nearest_rule(_last_word(text[figure.window[0] : figure.mention.start]), (0, 0), clause, allowed)
    if guess is None and (_ARABIC.search(window) or verb):
        guess = nearest_rule(after, (0, figure.mention.end - figure.mention.start), clause, allowed)
    guess = guess or nearest_rule(window, relative_span(figure), clause, allowed)
    guess = guess or _ruling_of_people(window, figure, clause)
    if guess:
        guess = done_to_them(guess, figure.unit, clause, allowed)
        guess = destroyed_before(guess, text[figure.clause[0] : figure.mention.start], allowed)
        before = text[figure.window[0] : figure.mention.start]
        guess = patients_held_now(convicts_held_now(several_kinds(guess, before, after), before, after), before)
        return diagnosed_patients(guess, text[figure.mention.end : figure.window[1]])
    twins = {"pills": _PILLS_TWIN, "weight": _MASS_TWIN}.get(unit_class or "", {})
    inherited = twins.get(previous.indicator, previous.indicator) if previous and twins else None
    if previous and (inherited or previous.indicator) in inheritable_kinds(unit_class, ref):
        return Guess(inherited or previous.indicator, f"same kind as the figure before it ({previous.value})")
    if unit_class is not None:  # "Sixteen traffickers, including three ..., were arrested": the verb is further on
        start = figure.clause[0]
        span = (figure.mention.start - start, figure.mention.end - start)
        return nearest_rule(clause, span, clause, allowed) or convicted_people(figure.unit, clause)
    return None


_ARABIC = re.compile(r"[\u0621-\u064a]")


_AR_RELATIVE = re.compile(r"(?<!\w)(?:التي|الذي|الذين|اللتين|اللذين|اللواتي)(?!\w)")


# "16 مركزاً ... ثلاثة منها في بغداد": "منها" (of them, said of things) counts what the figure before counts; "منهم"
# (of them, people) may say what was done to them ("حكم على 235 منهم"), so keywords still decide.
_OF_THINGS = re.compile(r"^\s*(?:منها|من\s+بينها)(?!\w)")


_CAPACITY = re.compile(
    r"\bcan\s+(?:now\s+)?(?:hold|house|accommodate|take\s+in)\s+(?:up\s+to\s+)?$|\bcapacity\s+(?:of|for)\s+$"
    r"|(?:تستوعب|تتسع\s+(?:ل|إلى))\s*$",
    re.IGNORECASE,
)


# "365 kg of captagon, the latter amounting to 2.2 million tablets": pills after a mass are the pill twin.
_PILLS_TWIN = {
    "seizures": "seizures_pills",
    "seizure_event": "seizure_event_pills",
    "drugs_destroyed": "drugs_destroyed_pills",
}


# "24 million captagon pills ... The tablets weighed about 4,094 kilograms": a mass after pills is the mass twin.
_MASS_TWIN = {pills: mass for mass, pills in _PILLS_TWIN.items()}


_ASIDE_RELATIVE = re.compile(r"(?<=[a-z]),\s+(?:which|who)\s+[^,;]{3,80},\s+(?=(?:were|was|have|has|had)\b)", re.I)


_CLAUSE_COMMA = re.compile(r"[،؛;]|,(?![0-9]{3})")  # not the comma inside "1,356"


# Words that open another clause: "one trafficker ... after he was caught" is not the figure's own verb.
_OTHER_CLAUSE = re.compile(r"\b(?:after|when|who|which|that|because|before|while|since|he|she|they|it)\b", re.I)


def _last_word(before: str) -> str:
    """The word just before a figure; before "منتسب واحد" (one member), the word before the noun it counts."""
    words = before.split()
    if len(words) > 1 and _COUNTED_NOUN.fullmatch(words[-1]):
        words = words[:-1]
    return words[-1] if words and not re.search(r"[،,;؛.]$", before.rstrip()) else ""


_COUNTED_NOUN = re.compile(rf"[وب]?{AR_COUNTED_NOUN}")


def _own_verb(after: str, figure_length: int) -> re.Match | None:
    """The verb whose subject the figure is ("24 were wounded", "500 of those detained were accused"): within five
    words of it and in its own clause."""
    verb = _OWN_VERB.search(after)
    if verb is None:
        return None
    between = after[figure_length : verb.start()]
    return None if len(between.split()) > 5 or _OTHER_CLAUSE.search(between) else verb


def inheritable_kinds(unit_class: str | None, ref: Reference) -> set[str]:
    """A bare number ('including three in Baghdad') continues any figure; one with a unit, only a like one."""
    return {i for i, r in ref.indicators.items() if unit_class is None or compatible(unit_class, r.fields["unit"])}
