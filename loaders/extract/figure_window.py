"""A figure's own stretch of its sentence: its clause, its window between the figures around it, and the unit it counts.

Kept apart from engine.py so that where a figure's own words start and end can be read (and changed) without the
whole extractor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from loaders.extract.context import OF_THEM
from loaders.extract.indicators import UnitWord, read_unit, substance_named_before
from loaders.extract.text import Mention, Sentence


@dataclass(frozen=True)
class Figure:
    mention: Mention
    unit: UnitWord
    window: tuple[int, int]  # the figure's own stretch of the sentence: from the figure before to the one after
    clause: tuple[int, int]


# Arabic "في حين" and "بينما" (whereas, while) open a contrasting clause as English "while" does.
_CLAUSE_BREAK = re.compile(
    r";|,\s+(?:while|whereas|but)\b|\s+\(|[،,]?\s*(?<!\w)(?:في\s+حين|بينما)(?!\w)|،\s*فيما(?!\w)"
)


def before_in_clause(sentence: Sentence, figure: Figure) -> str:
    return sentence.text[figure.clause[0] : figure.mention.start]


def read_figure(text: str, mentions: list[Mention], index: int) -> Figure:
    mention = mentions[index]
    clause_start = max([m.end() for m in _CLAUSE_BREAK.finditer(text, 0, mention.start)], default=0)
    next_break = _CLAUSE_BREAK.search(text, mention.end)
    clause_end = next_break.start() if next_break else len(text)
    # A count of things no indicator measures ("in the Region's three provinces") does not end the stretch of the
    # figure after it: "put the number of drug users in the Region's three provinces at about 10,000".
    start = max([m.end for m in mentions[:index] if not _counts_objects(text, m)] + [clause_start])
    end = min([m.start for m in mentions[index + 1 :]] + [clause_end])
    # (Arabic "one" or "two" follows the noun it counts, so the words after it are about something else)
    counted_before = _noun_before(text[: mention.start]) if _AR_COUNT_AFTER.fullmatch(mention.text) else None
    unit = counted_before or read_unit(text[mention.end :], mention.carries_weight)
    if unit.word is None and OF_THEM.match(text[mention.end :]):
        unit = substance_named_before(text[clause_start : mention.start]) or unit
    of_the = _OF_THE_UNIT.match(text, mention.end)
    if unit.word is None and of_the:  # "10 million of the pills": the pills, counted
        named = read_unit(text[of_the.end() :], False)
        unit = replace(named, end=named.end + of_the.end() - mention.end) if named.unit_class else unit
    return Figure(mention, unit, (start, end), (clause_start, clause_end))


# Arabic writes "one" and "two" after the noun they count ("مصحتين اثنتين": two sanatoria, "متهم واحد").
_AR_COUNT_AFTER = re.compile(r"واحدة|واحد|اثنين|اثنان|اثنتين|اثنتان")


_AR_DUAL_ENDING = re.compile(r"(?:تين|تان)$")


def _noun_before(before: str) -> UnitWord | None:
    """The unit of the noun just before an Arabic "one" or "two", its dual ending read as the singular
    ("مصحتين" is "مصحة", "مركزين" is "مركز")."""
    words = before.split()
    if not words:
        return None
    noun = words[-1]
    for form in (noun, _AR_DUAL_ENDING.sub("ة", noun), re.sub(r"(?:ين|ان)$", "", noun)):
        unit = read_unit(form, False)
        if unit.unit_class and unit.unit_class != "objects":
            return replace(unit, end=0)
    return None


_OF_THE_UNIT = re.compile(r"\s+of\s+(?:the|these|those)\b", re.IGNORECASE)


def _counts_objects(text: str, mention: Mention) -> bool:
    return read_unit(text[mention.end :], mention.carries_weight).unit_class == "objects"


def comma_segment(text: str, figure: Figure) -> tuple[int, int]:
    """The stretch between the commas around a figure: a count at a date takes a period only from there."""
    start = text.rfind(",", figure.window[0], figure.mention.start) + 1 or figure.window[0]
    end = text.find(",", figure.mention.end, figure.window[1])
    return start, end if end >= 0 else figure.window[1]


def relative_span(figure: Figure) -> tuple[int, int]:
    return figure.mention.start - figure.window[0], figure.mention.end - figure.window[0]


def first_stop(text: str, start: int, end: int) -> int:
    stop = re.search(r"[,;.،؛]", text[start:end])  # the Arabic comma ends a figure's own words too
    return start + stop.start() if stop else end
