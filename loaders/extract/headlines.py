"""A text's headline and the figures it repeats from the body.

A headline states the figure the text then gives (often rounded: "passes six million" above 6,103,274); kept apart
from engine.py so that telling one fact from two is read in one place.
"""

from __future__ import annotations

import re

from loaders.extract.candidate import Candidate, Extraction, Skipped
from loaders.extract.text import Sentence


def title_line(sentences: list[Sentence]) -> list[Sentence]:
    """A first paragraph of one sentence with no full stop, above the body ("Kurdistan Region's registered
    population passes six million"), is a headline even with no dateline after it."""
    if len(sentences) < 2 or sentences[1].paragraph == sentences[0].paragraph:
        return []
    return [] if re.search(r"[.!?؟]\W*$", sentences[0].text) else [sentences[0]]


# How far a headline's round figure may stand from the body's exact one it rounds ("almost two tonnes" for 1,822 kg).
_ROUNDING = 0.1


def _rounded_from(headline: Candidate, body: Candidate) -> bool:
    """'passes six million' above '6,103,274 residents': a round or qualified headline figure of the same kind
    within a tenth of a body figure is that figure rounded, not another fact."""
    if headline.indicator != body.indicator or headline.unit != body.unit or not headline.number or not body.number:
        return False
    magnitude = 10 ** (len(str(int(headline.number))) - 1)
    rounded = headline.number % magnitude == 0 or headline.qualifier not in (None, "exact")
    return rounded and abs(headline.number - body.number) <= _ROUNDING * body.number


def drop_headline_repeats(result: Extraction, headline: set[int]) -> None:
    """A headline that states a figure the text then gives is one fact, not two: the body's copy is kept (it
    has the context), the headline's is set aside with the reason."""
    in_headline = [c for c in result.candidates if c.sentence_start in headline]
    body_candidates = [c for c in result.candidates if c.sentence_start not in headline]
    body = {(c.number, c.low, c.high, c.unit) for c in body_candidates}
    for candidate in in_headline:
        exact = (candidate.number, candidate.low, candidate.high, candidate.unit) in body
        if exact or any(_rounded_from(candidate, c) for c in body_candidates):
            result.candidates.remove(candidate)
            result.skipped.append(
                Skipped(
                    candidate.value,
                    "the headline repeats a figure the text gives",
                    candidate.value_start,
                    candidate.value_end,
                )
            )
