"""A text or figure told as one haul: one operation, one vehicle, place or person's load, rather than a period's total.

Kept apart from engine.py with single_event.py's day-of-the-haul signs: these read the carrier of the load and the
sentences that turn away from the haul the text reports.
"""

from __future__ import annotations

import re

from loaders.extract.rules import EVENT, SEIZURE_WORDS, Guess
from loaders.extract.single_event import EVENT_TWIN

# The text's report of one operation ("seized ... in a joint operation"), which its later figures may belong to.
ONE_OPERATION = re.compile(r"\bin\s+an?\s+(?:[\w-]+\s+){0,2}?operation\b(?!s)|(?<!\w)في\s+عملية(?!\w)", re.IGNORECASE)


# A seizure told as one haul: drugs hidden in, or carried by, one vehicle, place or person ("found ... hidden in a
# building", "مخبأة داخل بناية"), in a sentence that names the seizure.
def one_haul(text: str) -> re.Match | None:
    event = EVENT.search(text)
    return event if event and SEIZURE_WORDS.search(text) else None


# A sentence that turns to another statement, time or matter than the one the text reports.
OTHER_REPORT = re.compile(
    r"(?<!\w)(?:و)?(?:ي|ت)أتي\s+ذلك|(?<!\w)بعد\s+(?:يوم|يومين|أيام|أسبوع|أسبوعين|أسابيع|شهر|أشهر|أشهر)\s+(?:على|من)(?!\w)"
    r"|(?<!\w)في\s+سياق\s+(?:منفصل|آخر)"
    # (not a duration: "had followed the network for several weeks before moving against it")
    r"|(?<!\bfor\s)(?<!\bfor\sseveral\s)(?<!\bfor\sa\sfew\s)\b(?:days?|weeks?|months?)\s+(?:after|before|earlier)\b|\b(?:comes?|came)\s+(?:after|as)\b"
    r"|\bseparately\b|\bmeanwhile\b|\bin\s+a\s+separate\b",
    re.IGNORECASE,
)


_ONE_PERSON = (
    r"(?:man|woman|dealer|trafficker|smuggler|suspect|driver|courier|person|pusher|passenger|traveller|traveler"
    r"|defendant|youth)\b"
)


# The load of one carrier, named just before the figure ("a man carrying 18 kg", "a microlight aircraft that was
# carrying one million pills", "a truck loaded with 2 tonnes", "شاحنة محملة بـ"): one haul, whatever period the
# sentence states (it dates that haul).
_CARRIER = re.compile(
    r"\b(?:a|an|one|the)\s+(?:[\w-]+\s+){0,3}?(?:(?:who|that|which)\s+(?:was|were|had\s+been)\s+)?"
    r"(?:carrying|transporting|smuggling|loaded\s+with|laden\s+with|packed\s+with)\s+"
    r"(?:(?:about|some|nearly|almost|around|roughly|more\s+than|over|at\s+least)\s+)?$"
    r"|(?<!\w)(?:شاحنة|سيارة|عجلة|مركبة|طائرة|قارب|زورق)\s+(?:\S+\s+){0,2}?(?:محملة|محمّلة|تحمل|كانت\s+تحمل)\s+(?:ب|بـ\s*)?$"
    # one person holding it: "a dealer who was holding about 49,000 pills", "a man caught in Kut with 2 kg"
    rf"|\b(?:a|an|one)\s+(?:[\w-]+\s+)?{_ONE_PERSON}\s+(?:(?:who|that)\s+(?:was|had\s+been)\s+)?"
    r"(?:(?:caught|found|stopped|arrested|detained)\s+(?:[\w-]+\s+){0,3}?with|holding|possessing"
    r"|in\s+possession\s+of)\s+$"
    # the person named after the verb: "police caught a woman with 3 kg"
    rf"|\b(?:caught|stopped|arrested|detained)\s+(?:a|an|one)\s+(?:[\w-]+\s+)?{_ONE_PERSON}\s+(?:[\w-]+\s+){{0,3}}?"
    r"with\s+$",
    re.IGNORECASE,
)


# The same person named after the figure: "2 million pills belonging to a single dealer", "10 kg ... from him",
# "بحوزته" (on him) is already a sign of one haul in EVENT.
_CARRIER_AFTER = re.compile(
    rf"^[^,;.]{{0,60}}?(?:\bbelonging\s+to\s+(?:a|one)\s+(?:single\s+|lone\s+)?(?:[\w-]+\s+)?{_ONE_PERSON}"
    rf"|\b(?:from|on)\s+(?:him|her|them|(?:a|an|one)\s+(?:[\w-]+\s+)?{_ONE_PERSON})|\bin\s+(?:his|her)\s+possession\b"
    # the load's carriers named after it: "seized 20 kg and detained the traffickers who were moving it"
    r"|\b(?:who|that)\s+(?:was|were|had\s+been)\s+(?:moving|carrying|transporting|smuggling)\s+(?:it|them)\b)",
    re.IGNORECASE,
)


def carried(guess: Guess, before: str, after: str) -> Guess:
    if guess.indicator not in EVENT_TWIN or not (_CARRIER.search(before) or _CARRIER_AFTER.search(after)):
        return guess
    return Guess(EVENT_TWIN[guess.indicator], f"{guess.why}; the load of one carrier")
