"""Figures set out as list items under a lead-in line.

"The seizures amounted to 952 kilograms. The figures break down as follows:\n- crystal: 205 kilograms\n- Captagon:
2.2 million tablets"; "أما المضبوطات فشملت:\n- ٤٤٠٢٨ حبة من الكبتاغون": an item names only a drug, so nothing next to
its figure says what is counted. The lead-in says it ("المضبوطات", seizures), or, when it only announces a
breakdown, the figure it breaks down does. A mass in such a list counts the mass kind, pills the pill twin.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from loaders.extract.candidate import Candidate
from loaders.extract.periods import SAME_PERIOD, find_period_phrases
from loaders.extract.rules import Guess

if TYPE_CHECKING:
    from loaders.extract.context import Context

# A line opening with a bullet or a list number ("- ", "• ", "1. ", "٢) "), or a table row of a year and its count
# ("2020 — 1,850").
_ITEM = re.compile(r"^\s*(?:[-•*–]|[0-9\u0660-\u0669]{1,2}[.)])\s+|^\s*((?:19|20)\d{2})\s*[—–:-]\s*(?=\d)")
_YEAR_ROW = re.compile(r"^\s*(?:[-•*–]\s+)?((?:19|20)\d{2})\s*[—–:-]\s*\S")  # "2021 — 2,351", "* 2022: five"
# "- 2024 so far: 772 pills": the row's year up to the day the text was published
_YEAR_SO_FAR_ROW = re.compile(
    r"^\s*(?:[-•*–]\s+)?((?:19|20)\d{2})\s+(?:so\s+far|to\s+date|until\s+now|حتى\s+الآن)\s*[—–:-]\s*\S", re.IGNORECASE
)

# A line that announces the list below it: it ends with a colon.
LEAD_IN = re.compile(r"[:：]\s*$")

_PILLS = {"seizures": "seizures_pills", "drugs_destroyed": "drugs_destroyed_pills"}
_MASS = {pills: mass for mass, pills in _PILLS.items()}


def is_item(sentence_text: str) -> bool:
    return bool(_ITEM.match(sentence_text))


def listed_item(sentence_text: str, unit_class: str | None, lead: tuple | None) -> Guess | None:
    """The kind of a list item's figure: the lead-in's kind, else the kind of the figure the list breaks down, turned
    into its mass or pill twin by the item's own unit; a bare count ("2021 — 2,351") takes the people the lead-in
    counts ("people detained each year:"). None outside a list."""
    if lead is None or not is_item(sentence_text):
        return None
    kinds, broken_down = lead[0], lead[1]
    # (an item's people word, "- عام 2020: سبعة آلاف و500 متهم", counts whom the lead-in names: "حصيلة المعتقلين")
    if unit_class in (None, "persons") and kinds.get(None):
        return Guess(kinds[None].indicator, f"{kinds[None].why} in the line that opens the list")
    if unit_class not in ("weight", "pills"):
        return None
    if kinds.get("weight") is not None:
        base, why = kinds["weight"].indicator, f"{kinds['weight'].why} in the line that opens the list"
    elif broken_down is not None:
        base, why = broken_down.indicator, f"an item of the breakdown of {broken_down.value} ({broken_down.indicator})"
    else:
        return None
    kind = _PILLS.get(base, base) if unit_class == "pills" else _MASS.get(base, base)
    if kind not in _PILLS and kind not in _MASS:
        return None  # only seizures and destroyed drugs are listed by drug
    return Guess(kind, why)


def list_lead(sentence_text: str, numberless: bool, context: Context, kinds: dict) -> tuple | None:
    """What the list items after this sentence count: (the lead-in's kind by unit class, the figure before it, the
    lead-in's own period) after a numberless lead-in line; kept through the items; dropped at the first sentence that is neither."""
    if numberless and LEAD_IN.search(sentence_text):
        stated = context.stated_period
        own = find_period_phrases(sentence_text, context.published) and stated
        return kinds, context.text_last, own and (stated.label, stated.start, stated.end, f"'{sentence_text.strip()}'")
    return context.list_lead if is_item(sentence_text) else None


def dated_items(candidates: list[Candidate], first: int, lead: tuple | None, published: date | None) -> None:
    """An item takes the period its own line states ("- the past five months: 71"), though a phrase on the next line
    may stand nearer its figure; an item whose line states none takes the lead-in's ("أما المضبوطات خلال المدة
    نفسها فشملت:"), else the period of the figure the list breaks down."""
    if lead is None:
        return
    for index in range(first, len(candidates)):
        candidate = candidates[index]
        if not is_item(candidate.sentence):
            continue
        dated = _line_period(candidate, published) or _lead_period(candidate, lead)
        if dated:
            label, start, end, why = dated
            candidates[index] = replace(candidate, period=label, period_start=start, period_end=end, period_why=why)


def _line_period(candidate: Candidate, published: date | None) -> tuple | None:
    offset = candidate.value_start - candidate.sentence_start
    line_start = candidate.sentence.rfind("\n", 0, offset) + 1
    line_end = candidate.sentence.find("\n", offset)
    line = candidate.sentence[line_start : line_end if line_end >= 0 else None]
    row = _YEAR_ROW.match(line)
    if row:  # the row's year, which no phrase names ("2021 — 2,351")
        year = int(row[1])
        return str(year), date(year, 1, 1), date(year, 12, 31), f"the year {year} that labels the row"
    so_far = _YEAR_SO_FAR_ROW.match(line)
    if so_far and published and published.year == int(so_far[1]):
        start = date(published.year, 1, 1)
        return f"{start} to {published}", start, published, f"'{so_far[1]} so far' labels the row: to publication"
    phrases = [p for p in find_period_phrases(line, published) if p.period.start or p.period.end]
    if len(phrases) != 1 or phrases[0].period.kind == SAME_PERIOD:
        return None
    period = phrases[0].period
    return period.label, period.start, period.end, f"'{phrases[0].text}' on the item's own line"


def _lead_period(candidate: Candidate, lead: tuple) -> tuple | None:
    if not candidate.period_why.startswith("no period stated"):
        return None
    total, lead_period = lead[1], lead[2]
    source = lead_period or (total and (total.period, total.period_start, total.period_end, total.period_why))
    if not source or source[2] is None:
        return None
    label, start, end, why = source
    return label, start, end, f"the list's period: {why}"
