""" "N منهم" (N of them, people): the figure counts people of a group named before, whatever noun follows.

Arabic puts what befell the group's part after the pronoun: "صدرت بحق 200 منهم أحكام بالإدانة" (200 of them were
handed convictions). Read as the figure's unit, "أحكام" (rulings) makes 200 a count of sentences, which only a death
or life keyword could place; with none, the figure was set aside though it is a count of people convicted. So when the
unit after the pronoun finds no indicator, the figure is read again as people, and the keywords around it say what
it counts. A part whose kind differs from the whole's is its own figure; one of the same kind is still set aside as
a sub-count (skip_reasons.same_kind_part).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from loaders.extract.indicators import UnitWord
from loaders.extract.keyword_kinds import keyword_indicator

if TYPE_CHECKING:
    from loaders.extract.candidate import Candidate
    from loaders.extract.figure_window import Figure
    from loaders.extract.rules import Guess
    from loaders.reference import Reference

# Only the pronoun for people: "منها" (of them, things) counts what the figure before counts.
_OF_WHOM = re.compile(r"^\s*(?:منهم|منهن|من\s+بينهم)(?!\w)")


def people_of_them(text: str, figure: Figure, previous: Candidate | None, ref: Reference) -> Guess | None:
    """The indicator of "N منهم <noun>" read as N people, when the noun after the pronoun is no count of people."""
    of_whom = _OF_WHOM.match(text[figure.mention.end :])
    if of_whom is None or figure.unit.unit_class in (None, "persons"):
        return None
    people = UnitWord(of_whom.group().strip(), "persons", of_whom.end())
    return keyword_indicator(text, replace(figure, unit=people), previous, ref)
