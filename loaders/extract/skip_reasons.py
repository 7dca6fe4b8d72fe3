"""Why a number is no figure after all: the reasons engine.py sets a number aside with, once its kind is guessed.

All prisoners before the drug prisoners, a subgroup, a population too small to be one, the other side's casualties,
a part of the figure before that only repeats its kind, a figure restated from earlier in the text.
"""

from __future__ import annotations

import re

from loaders.extract.candidate import Candidate, Skipped
from loaders.extract.context import OF_THEM, Context
from loaders.extract.rules import CASUALTIES, NOT_DRUG_PRISONERS, OTHER_SIDE, TRAFFICKERS, Guess
from loaders.extract.text import Mention, Sentence

# ("sentenced three men to death" counts everyone sentenced: "men" is a subgroup only as "20 were men")
_SUBGROUP = re.compile(
    r"^\s*(?:(?:(?:were|was|are|is)\s+)?(?:women|minors|juveniles|children|teenagers|students|girls|boys)"
    r"|(?:were|are)\s+men)\b",
    re.IGNORECASE,
)


_BACK_REFERENCE = re.compile(r"\b(?:the|these|those)\s+$", re.IGNORECASE)


def repeat_reason(text: str, mention: Mention, context: Context) -> str | None:
    """'the 6,000 people who were admitted' restates a figure already given; it is not a second one."""
    if _BACK_REFERENCE.search(text[: mention.start]) and number_key(mention) in context.seen_values:
        return "repeats a figure given earlier in the text"
    return None


def number_key(mention: Mention) -> float | None:
    parsed = mention.parsed
    return None if parsed is None else (parsed.value if parsed.value is not None else parsed.low)


def skipped_mention(sentence: Sentence, mention: Mention, reason: str) -> Skipped:
    return Skipped(mention.text, reason, sentence.start + mention.start, sentence.start + mention.end)


# "Of the 3,069 convicted prisoners held in Erbil ..., 510 are serving drug sentences", "من أصل 5000 سجين": the
# figure a sentence opens on is the whole its later figure is a part of.
_WHOLE_OF_A_PART = re.compile(r"^\s*(?:Of|Out\s+of)\s+(?:the|all|a\s+total\s+of)?\s*$|(?<!\w)من\s+أصل\s+$", re.I)


def same_kind_part(guess: Guess, previous: Candidate | None, after: str) -> bool:
    """'arrested 10 people ... two of the suspects were wanted': a part of the figure before it that only takes its
    kind is inside that count; a part its own words narrow ('194 of them were foreigners') or place ('three of them
    in Baghdad') is a figure of its own."""
    inherited = guess.why.startswith("same kind as the figure before it")
    return bool(previous and inherited and guess.indicator == previous.indicator and OF_THEM.match(after))


def not_counted_reason(guess: Guess, own_words: str, before: str, mention: Mention) -> str | None:
    """Why a figure of this kind is no figure of it after all: all prisoners, a subgroup, a population too small to
    be one, the other side's casualties; None when it counts."""
    if guess.indicator == "prisoners_drug" and _WHOLE_OF_A_PART.search(before):
        return "all prisoners, of whom the sentence then gives those held on drug charges"
    if guess.indicator == "prisoners_drug" and NOT_DRUG_PRISONERS.search(own_words):
        return "prisoners held for all or other crimes, not on drug charges"
    if _SUBGROUP.match(own_words):
        return "a subgroup (women, minors ...) that no indicator counts"
    if guess.indicator == "population" and not _population_size(mention):
        return "too small to be the population of a place (a hotline, a house number)"
    if guess.indicator in CASUALTIES and _names_other_side(own_words):
        return "casualties among traffickers or gangs, which no indicator counts"
    return None


# A place's population runs to thousands at least; a smaller number near "residents" is something else.
_SMALLEST_POPULATION = 1000


def _population_size(mention: Mention) -> bool:
    parsed = mention.parsed
    value = parsed.value if parsed and parsed.value is not None else (parsed.high if parsed else None)
    return value is not None and value >= _SMALLEST_POPULATION


def _names_other_side(own_words: str) -> bool:
    """'36 gang members', '31 من المتاجرين': the casualties are traffickers (named in the figure's first two words;
    'wounded in clashes with smugglers' names the other side)."""
    first = " ".join(own_words.split()[:2])
    return bool(OTHER_SIDE.search(first) or TRAFFICKERS.search(first))
