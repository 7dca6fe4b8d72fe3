"""Drugs described as seized after the verb that destroyed them ("destroyed a batch of seized drugs weighing 120 kg",
"أتلفت ... كمية من المواد المخدرة المضبوطة بلغ وزنها 120 كيلوغراماً"): the participle names the drugs' history, not a
second act, so the destruction verb before it still decides the figure's kind. A seizure verb ("ضبطت", "seized 50
kg") or a seizure word before the destruction verb still keeps the figure a seizure.
"""

from __future__ import annotations

import re

from loaders.extract.rules import DESTROY_WORDS, SEIZURE_WORDS

# the passive participles (adjectives) a seized batch is described by
_SEIZED_ADJECTIVE = re.compile(
    r"(?<!\w)(?:ال)?مضبوط(?:ة|ات)?(?!\w)|(?<!\w)(?:ال)?مصادرة(?!\w)|\b(?:seized|confiscated)\s+(?=drugs?\b|narcotics\b)",
    re.IGNORECASE,
)


def seizure_named_before(before: str) -> bool:
    """The text before a figure names a seizure as an act, not as the adjective of drugs destroyed."""
    destroyed = DESTROY_WORDS.search(before)
    if destroyed is None:
        return bool(SEIZURE_WORDS.search(before))
    head, tail = before[: destroyed.start()], before[destroyed.end() :]
    return bool(SEIZURE_WORDS.search(head) or SEIZURE_WORDS.search(_SEIZED_ADJECTIVE.sub(" ", tail)))
