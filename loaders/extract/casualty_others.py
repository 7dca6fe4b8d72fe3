"""'N others were wounded' after a count of fallen officers ("استشهد ثلاثة منتسبين ... فيما أصيب 23 آخرون"): the
others are more of the same security men, so the figure is a casualty count of the same side.

The casualty rules ask for a word naming the security forces in the figure's own clause, so that gang members killed
in a clash are not counted; "others" names no side of its own, and takes the side of the casualty figure just before
it in the paragraph. Only that figure's being a security casualty lets "others" count, and the keyword next to the
figure (wounded, killed) still says which count it is.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from loaders.extract.rules import CASUALTIES, Guess, nearest_rule

if TYPE_CHECKING:
    from loaders.extract.candidate import Candidate
    from loaders.extract.figure_window import Figure

# "23 آخرون", "23 آخرين", "23 others", "23 more"
_OTHERS = re.compile(r"^\s*(?:(?:من\s+)?(?:ال)?(?:آخرون|آخرين|اخرون|اخرين)(?!\w)|(?:others|more)\b)", re.IGNORECASE)


def others_of_casualties(text: str, figure: Figure, last: Candidate | None) -> Guess | None:
    """The casualty kind of "N others" after a security casualty figure, by the keyword next to it."""
    if last is None or last.indicator not in CASUALTIES or not _OTHERS.match(text[figure.mention.end :]):
        return None
    window = text[figure.window[0] : figure.window[1]]
    start = figure.mention.start - figure.window[0]
    span = (start, start + figure.mention.end - figure.mention.start)
    guess = nearest_rule(window, span, last.sentence, CASUALTIES)
    return guess and Guess(guess.indicator, f"{guess.why}; others of the casualties before ({last.value})")
