"""A list of masses that runs on past the sentence naming their kind.

"Crystal made up the bulk of the destroyed material, at more than 410 kilograms. The remainder of the list was far
smaller: 35 kilograms of opium, 29 kg of hashish ...": the later masses, whose own sentence names no kind, are of the
kind of the mass the paragraph counted just before them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from loaders.extract.candidate import Candidate
from loaders.extract.rules import Guess

if TYPE_CHECKING:
    from loaders.extract.context import Context
    from loaders.extract.figure_window import Figure


def listed_mass(unit_class: str | None, earlier: Candidate | None) -> Guess | None:
    """The kind of the paragraph's last figure, when both it and this figure are masses; None otherwise."""
    if unit_class != "weight" or earlier is None or earlier.unit != "kg":
        return None
    return Guess(
        earlier.indicator, f"a mass in the list the paragraph began with {earlier.value} ({earlier.indicator})"
    )


def itemised_mass(figure: Figure, text: str, context: Context) -> Guess | None:
    """A bare mass in a later paragraph of an itemised statement ("Methamphetamine came next. The breakdown lists
    205 kg of crystal meth"): the kind of the text's last mass. Only a line "N kg of <what>" counts as one: a mass
    that measures something else ("sold in doses of less than 1 gram") is no line of the breakdown."""
    earlier = context.text_mass
    after = text[figure.mention.end + figure.unit.end :]
    if figure.unit.unit_class != "weight" or earlier is None or not _LINE_OF.match(after):
        return None
    return Guess(
        earlier.indicator, f"a line of the breakdown the text began with {earlier.value} ({earlier.indicator})"
    )


_LINE_OF = re.compile(r"\s*(?:of|من)\s", re.IGNORECASE)
