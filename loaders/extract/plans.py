"""Figures a sentence gives as a plan or target ("will open 5 centres", "aims to treat 1,000 addicts"), not counts.

The plan word must govern the figure: it stands before it in the figure's stretch of the sentence, or after it in
the same clause ("5 centres will be opened"). A plan told in a later clause ("it now runs one centre, ... and that
patients would be seen free of charge") is about something else.
"""

from __future__ import annotations

import re

PLAN = re.compile(r"\b(?:will|plans?\s+to|aims?\s+to|intends?\s+to|targets?|expected\s+to|would)\b", re.IGNORECASE)
# A call or demand before the figure is a target too ("calls on the government to open at least four centres").
_CALL = re.compile(r"\bcall(?:s|ed|ing)?\s+(?:on|for)\b|\burg(?:e|es|ed|ing)\b|\bdemand\w*|\bshould\b|\bmust\b", re.I)
# Where a figure's own clause ends after it: a comma or semicolon, or a new reported clause ("and that ...").
_CLAUSE_END = re.compile(r"[,;،؛]|\b(?:and|but)\s+that\b", re.IGNORECASE)


def planned(text: str, window: tuple[int, int], figure_span: tuple[int, int]) -> bool:
    before = text[window[0] : figure_span[0]]
    after = text[figure_span[1] : window[1]]
    end = _CLAUSE_END.search(after)
    return bool(PLAN.search(before) or _CALL.search(before) or PLAN.search(after[: end.start()] if end else after))
