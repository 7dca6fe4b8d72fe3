"""Candidate claims from an English article: every figure with its unit, indicator, drug, place and period guessed.

The guesses are for a person to check: each candidate keeps the sentence (with character offsets) it came from,
and each number that is not a figure (a year, an article number, an age ...) is listed with the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from loaders.extract.candidate import Candidate, Extraction, Skipped
from loaders.extract.care import diagnosed_patients
from loaders.extract.context import (
    OF_THEM,
    REHAB,
    Context,
    choose_period,
    choose_place,
    continued_place,
    federal,
    first_figure_place,
    sentence_place,
    unique_place,
)
from loaders.extract.courts import court_place
from loaders.extract.indicators import (
    UnitWord,
    compatible,
    ledger_unit,
    nearest_drug,
    read_unit,
    substance_named_before,
)
from loaders.extract.periods import Period, PeriodPhrase, find_period_phrases, of_the_texts_year
from loaders.extract.places import COUNTRY, PlaceFinder, PlaceMention, authority_place, owner_of
from loaders.extract.plans import planned
from loaders.extract.rules import (
    ALL_OFFENCES,
    CASUALTIES,
    DEATH_ROW,
    DESTROY_WORDS,
    EVENT,
    NOT_DRUG_PRISONERS,
    OTHER_SIDE,
    PRISONER_WORDS,
    RULES,
    SEIZURE_WORDS,
    TRAFFICKERS,
    UNIT_INDICATORS,
    Guess,
    for_all_offences,
    nearest_rule,
    specialise,
)
from loaders.extract.ruling_day import ruling_period
from loaders.extract.sentence_after import placed_after, told_after
from loaders.extract.single_event import EVENT_TWIN, one_day_haul
from loaders.extract.text import (
    AR_COUNTED_NOUN,
    Mention,
    Sentence,
    dateline_end,
    find_mentions,
    split_sentences,
    without_diacritics,
)
from loaders.extract.traps import phone_spans, prevalence_share, trap_reason
from loaders.normalise.values import WEIGHT_UNITS, ParsedValue
from loaders.reference import Reference

MASS_SYMBOLS = ("t", "kg", "g", "mg")  # the ledger's mass units, which the build converts to kg


@dataclass(frozen=True)
class _Figure:
    mention: Mention
    unit: UnitWord
    window: tuple[int, int]  # the figure's own stretch of the sentence: from the figure before to the one after
    clause: tuple[int, int]


# Arabic "في حين" and "بينما" (whereas, while) open a contrasting clause as English "while" does.
_CLAUSE_BREAK = re.compile(
    r";|,\s+(?:while|whereas|but)\b|\s+\(|[،,]?\s*(?<!\w)(?:في\s+حين|بينما)(?!\w)|،\s*فيما(?!\w)"
)
# Sentences that continue the figure before them: "Of those held, 20 were ...", "That total included 205 kg ...".
_ANAPHORA = re.compile(
    r"^(?:among|of)\s+(?:them|these|those|whom)\b|^including\b"
    r"|^(?:that|this|the)\s+(?:total|figure|amount|haul|quantity|list|stock|seizures?|consignment)\s+(?:also\s+)?"
    r"(?:included|includes|comprised|consisted)\b"
    # "The number rose to 2,351 in 2021", "The tablets weighed about 4,094 kilograms": a subject pointing back at
    # the figure before, with a verb that restates or updates it.
    r"|^(?:the|this|that|these|those)\s+(?:\w+\s+){1,2}?(?:rose|fell|climbed|dropped|increased|decreased|declined"
    r"|grew|jumped|reached|stood|weighed|amounted|totall?ed|came\s+to)\b",
    re.IGNORECASE,
)
# ("sentenced three men to death" counts everyone sentenced: "men" is a subgroup only as "20 were men")
_SUBGROUP = re.compile(
    r"^\s*(?:(?:(?:were|was|are|is)\s+)?(?:women|minors|juveniles|children|teenagers|students|girls|boys)"
    r"|(?:were|are)\s+men)\b",
    re.IGNORECASE,
)
# The text's report of one operation ("seized ... in a joint operation"), which its later figures may belong to.
_ONE_OPERATION = re.compile(r"\bin\s+an?\s+(?:\w+\s+)?operation\b(?!s)|(?<!\w)في\s+عملية(?!\w)", re.IGNORECASE)
_ITS_WEIGHT = re.compile(r"(?<!\w)(?:و|ب)?وزن(?:ها|ه|هم)(?!\w)|\b(?:their|its)\s+(?:total\s+)?weight\b", re.I)
# "915 of them", and "Hashish accounted for 11 kilograms of the total": a part of the figure said before.
_PART_OF = re.compile(
    rf"{OF_THEM.pattern}|^\s*(?:[^\W\d]+\s+)?of\s+the\s+(?:total|haul|amount|quantity|seizures?)\b", re.IGNORECASE
)
_BACK_REFERENCE = re.compile(r"\b(?:the|these|those)\s+$", re.IGNORECASE)


def extract_claims(text: str, published: date | None, ref: Reference) -> Extraction:
    """Every figure of the text as a candidate claim; every other number in `skipped`, with the reason.

    Arabic short vowels and tatweel are set aside first (they split the words the rules look for, "ضُبط"), and the
    offsets reported are mapped back to the text as given."""
    plain, origin = without_diacritics(text)
    result = _extract(plain, published, ref)
    if len(plain) == len(text):
        return result
    result.candidates = [_moved(c, origin) for c in result.candidates]
    result.skipped = [
        replace(s, value_start=origin[s.value_start], value_end=origin[s.value_end]) for s in result.skipped
    ]
    return result


def _moved(candidate: Candidate, origin: list[int]) -> Candidate:
    return replace(
        candidate,
        sentence_start=origin[candidate.sentence_start],
        sentence_end=origin[candidate.sentence_end],
        value_start=origin[candidate.value_start],
        value_end=origin[candidate.value_end],
    )


def _extract(text: str, published: date | None, ref: Reference) -> Extraction:
    finder = PlaceFinder(ref)
    sentences = split_sentences(text)
    first_of_paragraph = {id(s) for s in {s.paragraph: s for s in reversed(sentences)}.values()}
    datelines = [dateline_end(s) if id(s) in first_of_paragraph else 0 for s in sentences]
    region_named = any(finder.names_region(s.text[skip:]) for s, skip in zip(sentences, datelines, strict=True))
    # The opening sentence follows the dateline; its place stands for figures that name none.
    lede = next((i for i, skip in enumerate(datelines) if skip), 0)
    result, context = Extraction(published), Context()
    context.published = published
    # A headline (the paragraphs before the datelined one; "البصرة.. ضبط ..." splits into two sentences) names the
    # place when the opening sentence does not.
    headline = [s for s in sentences[:lede] if s.paragraph < sentences[lede].paragraph]
    if headline:
        context.headline_place = unique_place([p for s in headline for p in finder.find(s.text, region_named)])
    context.authority_place = authority_place(text, ref)
    context.text_place = unique_place(
        [
            place
            for s, skip in zip(sentences, datelines, strict=True)
            for place in finder.find(s.text, region_named, skip)
        ]
    )
    context.court_place = court_place(text, finder, ref)
    context.all_offences = bool(ALL_OFFENCES.search(text))
    context.fieldwork_end = _fieldwork_end(sentences, published)
    context.arabic = len(re.findall(r"[\u0621-\u064a]", text)) > len(re.findall(r"[A-Za-z]", text))
    previous_found: tuple[int, int] | None = None  # the candidates of the sentence before
    gap = 0  # sentences without candidates since previous_found (at most one)
    for index, (sentence, skip) in enumerate(zip(sentences, datelines, strict=True)):
        if sentence.paragraph != context.paragraph:
            context.new_paragraph(sentence.paragraph)
        places = finder.find(sentence.text, region_named, skip)
        context.voice = _voice(finder.national_voice(sentence.text, skip), places)
        if index == lede:
            context.lede_place = unique_place(places)
        if _OTHER_REPORT.search(sentence.text):  # "This comes a day after a ministry statement that ...": not the haul
            context.operation = ""
        found, numbers = len(result.candidates), len(result.candidates) + len(result.skipped)
        _read_sentence(sentence, places, published, ref, context, result)
        context.topic = sentence.text if len(result.candidates) + len(result.skipped) == numbers else None
        # (a headline or opening sentence telling of one haul makes the text that haul's report)
        operation = _ONE_OPERATION.search(sentence.text) or (_one_haul(sentence.text) if index <= lede else None)
        context.operation = context.operation or (operation.group() if operation else "")
        if previous_found is not None:
            told_after(result.candidates, range(*previous_found), sentence.text, published)
            placed_after(result.candidates, range(*previous_found), sentence.text, finder)
        # The description may come after one sentence with no figure ("In the first operation, officers stopped two
        # pickup trucks. The pills were hidden under sacks ..."): the figures before it are still the ones described.
        if len(result.candidates) > found or previous_found is None or gap:
            previous_found, gap = (found, len(result.candidates)), 0
        else:
            gap = 1
        if index == lede and context.lede_place is None:
            context.lede_figure_place = first_figure_place(result.candidates[found:], places)
    titles = headline or _title_line(sentences)
    if titles:
        _drop_headline_repeats(result, {s.start for s in titles})
    return result


def _title_line(sentences: list[Sentence]) -> list[Sentence]:
    """A first paragraph of one sentence with no full stop, above the body ("Kurdistan Region's registered
    population passes six million"), is a headline even with no dateline after it."""
    if len(sentences) < 2 or sentences[1].paragraph == sentences[0].paragraph:
        return []
    return [] if re.search(r"[.!?؟]\W*$", sentences[0].text) else [sentences[0]]


# A seizure told as one haul: drugs hidden in, or carried by, one vehicle, place or person ("found ... hidden in a
# building", "مخبأة داخل بناية"), in a sentence that names the seizure.
def _one_haul(text: str) -> re.Match | None:
    event = EVENT.search(text)
    return event if event and SEIZURE_WORDS.search(text) else None


# A sentence that turns to another statement, time or matter than the one the text reports.
_OTHER_REPORT = re.compile(
    r"(?<!\w)(?:و)?(?:ي|ت)أتي\s+ذلك|(?<!\w)بعد\s+(?:يوم|يومين|أيام|أسبوع|أسبوعين|أسابيع|شهر|أشهر|أشهر)\s+(?:على|من)(?!\w)"
    r"|(?<!\w)في\s+سياق\s+(?:منفصل|آخر)|\b(?:days?|weeks?|months?)\s+(?:after|before|earlier)\b|\b(?:comes?|came)\s+(?:after|as)\b"
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
    rf"|\b(?:from|on)\s+(?:him|her|(?:a|an|one)\s+(?:[\w-]+\s+)?{_ONE_PERSON})|\bin\s+(?:his|her)\s+possession\b)",
    re.IGNORECASE,
)


def _carried(guess: Guess, before: str, after: str) -> Guess:
    if guess.indicator not in EVENT_TWIN or not (_CARRIER.search(before) or _CARRIER_AFTER.search(after)):
        return guess
    return Guess(EVENT_TWIN[guess.indicator], f"{guess.why}; the load of one carrier")


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


# Only a comma or "and" between two places of one list: "across Nineveh and Kirkuk", "in Erbil, Sulaimani and Duhok".
_LIST_GAP = re.compile(r"^\s*(?:[,،]\s*)?(?:(?:and|or)\s+|و\s*)?$", re.IGNORECASE)


def _listed_together(owned: list[PlaceMention], text: str, ref: Reference) -> list[PlaceMention]:
    """Governorates a figure names as one list are one place: the area made of exactly them ("Erbil, Sulaimani and
    Duhok": the Kurdistan Region), else the country (a network "across Nineveh and Kirkuk")."""
    places = sorted(owned, key=lambda p: p.start)
    run = places[:1]
    for place in places[1:]:
        if _LIST_GAP.match(text[run[-1].end : place.start]):
            run.append(place)
            continue
        if len(run) > 1:
            break
        run = [place]
    codes = {p.code for p in run}
    if len(codes) < 2 or any(ref.geographies.get(code) is None for code in codes):
        return owned
    if any(ref.geographies[code].fields["level"] != "governorate" for code in codes):
        return owned
    code = _area_of(codes, ref)
    joint = PlaceMention(
        run[0].start,
        run[-1].end,
        ref.geographies[code].fields["name_en"],
        code,
        f"'{text[run[0].start : run[-1].end]}'",
    )
    return [p for p in owned if p not in run] + [joint]


def _area_of(codes: set[str], ref: Reference) -> str:
    """The area whose members are these governorates (Halabja may go unnamed beside Sulaymaniyah), else the one
    they all lie in (a list may run on from another figure's places: "Of the 3,069 held in Erbil, Sulaimani and
    Duhok, 510 ..."), else Iraq."""
    for code, geography in ref.geographies.items():
        members = set(filter(None, (geography.fields.get("members") or "").split("|")))
        if members and codes in (members, members - {"X-IQ-HAL"}):
            return code
    parents = {ref.geographies[code].fields["parent"] for code in codes}
    parent = parents.pop() if len(parents) == 1 else COUNTRY
    return parent if parent in ref.geographies else COUNTRY


def _voice(voice: PlaceMention | None, places: list[PlaceMention]) -> PlaceMention | None:
    """The national authority a sentence quotes; in a sentence that names the whole country ("16 centres across the
    country"), it speaks for all of Iraq even about the Interior Ministry's treatment centres."""
    if voice and any(p.code == COUNTRY for p in places):
        return replace(voice, role="national")
    return voice


def _drop_headline_repeats(result: Extraction, headline: set[int]) -> None:
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


def _read_sentence(
    sentence: Sentence,
    places: list[PlaceMention],
    published: date | None,
    ref: Reference,
    context: Context,
    result: Extraction,
) -> None:
    # A period that starts after publication is a plan ("the 2026-2030 strategy"), not what a figure covers.
    phrases = [
        p
        for p in find_period_phrases(sentence.text, published)
        if published is None or p.period.end is None or (p.period.start or p.period.end) <= published
    ]
    phrases = of_the_texts_year(phrases, context.text_year, context.stated_period)
    # "one of the largest hauls taken from a single person this year": a period that ranks the figure is not its own
    phrases = [p for p in phrases if not _RANKING.search(sentence.text[: p.start])]
    figures = _figures(sentence, phrases, context, result)
    spans = [(f.mention.start, f.mention.end) for f in figures]
    owners = {id(p): owner_of(p, sentence.text, spans) for p in places}
    scope = sentence_place(places, owners, spans[0][0] if spans else len(sentence.text), sentence.text)
    # "Among them were 214 alleged traffickers": the sentence continues the last figure of the one before.
    # A new paragraph opening "Of those held, ..." continues the text's last figure.
    # "وزنها الإجمالي يبلغ طنين" (their total weight is two tonnes): the weight of what the figure before counted.
    back = _ANAPHORA.match(sentence.text) or _ITS_WEIGHT.search(sentence.text)
    last = (context.paragraph_last or context.text_last) if back else None
    last_clause = None  # None: any clause of this sentence may continue it
    part_of_skipped = False  # the figure before was set aside: "40 pharmacies ... closed 7 of them" is no figure
    owned_by = _owned_places(places, owners, figures, sentence.text)
    for index, figure in enumerate(figures):
        owned = owned_by[index]
        continues = last if last_clause in (None, figure.clause) else None
        if continues is None and figure.unit.word is None and _RANKED.search(_before_in_clause(sentence, figure)):
            continues = context.paragraph_last  # "Basra followed with 1,871": the count ranked just before
        partitive = bool(_PART_OF.match(sentence.text[figure.mention.end :]))
        if partitive and part_of_skipped:
            result.skipped.append(_skipped(sentence, figure.mention, "a part of a count no indicator measures"))
            continue
        # "told reporters that 194 of the suspects were foreign nationals": a part of the figure said before; but
        # after a sentence with no number, "them" are what that sentence named ("Drug-use offences rose. There
        # were 4,000 of them"), so the figure is not a part of an earlier one.
        topic = _topic_kind(context.topic, figure.unit.unit_class, ref) if context.topic and last is None else None
        backward = partitive and topic is None
        continues = continues or (last or context.paragraph_last or context.text_last if backward else None)
        candidate = _candidate(sentence, figure, continues, owned, scope, phrases, published, ref, context)
        part_of_skipped = isinstance(candidate, Skipped)
        if isinstance(candidate, Skipped):
            result.skipped.append(candidate)
            continue
        result.candidates.append(candidate)
        last, last_clause = candidate, figure.clause
        context.paragraph_last = context.text_last = candidate
    context.remember(phrases, places, scope)


# The next place in a ranking, with a bare figure of the same count: "The capital came first, with 1,933 people
# detained. Basra followed with 1,871, and Babil was third with 1,617", "تلتها البصرة بـ1871".
_RANKED = re.compile(
    r"\b(?:followed|came\s+(?:second|third|fourth|fifth|next|last)|(?:was|were|ranked|placed)\s+(?:second|third"
    r"|fourth|fifth|next|last))\b(?:\s+[\w,-]+){0,3}?\s+with\s+(?:(?:about|nearly|almost|some|more\s+than|over)\s+)?$"
    r"|(?<!\w)(?:و)?(?:تلتها|تليها|تلاها|يليها)\s+(?:\S+\s+){1,2}?(?:ب|بـ)\s*$",
    re.IGNORECASE,
)


def _before_in_clause(sentence: Sentence, figure: _Figure) -> str:
    return sentence.text[figure.clause[0] : figure.mention.start]


# (an aside after the figure: "..., one of the largest hauls this year", "، وهي من أكبر الكميات هذا العام")
_RANKING = re.compile(
    r"(?:,|—)\s*(?:in\s+)?(?:one\s+of\s+)?the\s+(?:largest|biggest|highest|heaviest|greatest)\b[^,;.\d]{0,80}$"
    r"|[،,]\s*(?:(?:و)?(?:هي|هو|تعد|يعد|تعتبر|يعتبر)\s+)?(?:من\s+)?(?:أكبر|أضخم|أعلى)\s+[^،,.\d]{0,80}$",
    re.IGNORECASE,
)


# "arrested 49 people and seized 241 kilograms of drugs in Erbil and Duhok": "and" joins two figures under one place.
_JOINED = re.compile(r"^[^,;،؛()]*?(?:\band\b|(?<!\S)و)[^,;،؛()]*$", re.IGNORECASE)


def _owned_places(
    places: list[PlaceMention], owners: dict[int, int | None], figures: list[_Figure], text: str
) -> list[list[PlaceMention]]:
    """Each figure's places; a figure joined by "and" to the next one in its clause shares the place linked after
    that one, when it has none after itself."""
    owned = [[p for p in places if owners[id(p)] == index] for index in range(len(figures))]
    for index in range(len(figures) - 2, -1, -1):
        figure, following = figures[index], figures[index + 1]
        trailing = [p for p in owned[index + 1] if p.start > following.mention.end]
        own_after = any(p.start > figure.mention.end for p in owned[index])
        between = text[figure.mention.end : following.mention.start]
        if trailing and not own_after and figure.clause == following.clause and _JOINED.match(between):
            owned[index] = owned[index] + trailing
    return owned


def _figures(sentence: Sentence, phrases: list[PeriodPhrase], context: Context, result: Extraction) -> list[_Figure]:
    """The sentence's numbers that may be figures; the others go to result.skipped with the reason."""
    phones = phone_spans(sentence.text)
    for start, end in phones:
        result.skipped.append(
            Skipped(sentence.text[start:end], "a phone number", sentence.start + start, sentence.start + end)
        )
    kept: list[Mention] = []
    for mention in find_mentions(sentence.text):
        if any(start <= mention.start < end for start, end in phones):
            continue  # reported once above, as the whole phone number
        reason = trap_reason(sentence.text, mention, phrases) or _repeat(sentence.text, mention, context)
        if mention.parsed is None:
            reason = reason or "cannot be read as one number"
        if reason:
            result.skipped.append(_skipped(sentence, mention, reason))
        else:
            kept.append(mention)
            context.seen_values.add(_number_key(mention))
    return [_figure(sentence.text, kept, i) for i in range(len(kept))]


def _repeat(text: str, mention: Mention, context: Context) -> str | None:
    """'the 6,000 people who were admitted' restates a figure already given; it is not a second one."""
    if _BACK_REFERENCE.search(text[: mention.start]) and _number_key(mention) in context.seen_values:
        return "repeats a figure given earlier in the text"
    return None


def _number_key(mention: Mention) -> float | None:
    parsed = mention.parsed
    return None if parsed is None else (parsed.value if parsed.value is not None else parsed.low)


def _figure(text: str, mentions: list[Mention], index: int) -> _Figure:
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
    return _Figure(mention, unit, (start, end), (clause_start, clause_end))


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


def _skipped(sentence: Sentence, mention: Mention, reason: str) -> Skipped:
    return Skipped(mention.text, reason, sentence.start + mention.start, sentence.start + mention.end)


def _candidate(
    sentence: Sentence,
    figure: _Figure,
    previous: Candidate | None,
    owned: list[PlaceMention],
    scope: PlaceMention | None,
    phrases: list[PeriodPhrase],
    published: date | None,
    ref: Reference,
    context: Context,
) -> Candidate | Skipped:
    text, mention = sentence.text, figure.mention
    window_text = text[figure.window[0] : figure.window[1]]
    if planned(text, figure.window, (mention.start, mention.end)):
        return _skipped(sentence, mention, "a plan or target, not a count")
    own_phrases = [p for p in phrases if figure.window[0] <= p.start and p.end <= figure.window[1]]
    segment = _comma_segment(text, figure)
    stock_phrases = [p for p in own_phrases if segment[0] <= p.start and p.end <= segment[1]]
    if figure.unit.unit_class == "objects":
        return _skipped(sentence, mention, f"counts {figure.unit.word}, which no drug-policy indicator measures")
    guess, own_words = _guess(sentence, figure, previous, context, ref)
    if guess is None:
        return _skipped(sentence, mention, "no indicator fits the words around it")
    set_aside = _not_counted(guess, own_words, text[: mention.start], mention)
    if set_aside:
        return _skipped(sentence, mention, set_aside)
    clause = text[figure.clause[0] : figure.clause[1]]
    # A text that states no period and tells of one operation before its figures reports that operation's haul.
    told = clause if context.periods_stated else f"{clause} {context.operation}"
    # "متهمين من جنسيات عربية وأجنبية بلغ عددهم 121": the people "their number" points back to are the figure's own
    their_number = _THEIR_NUMBER.search(text[figure.clause[0] : mention.start])
    described = (
        f"{text[figure.clause[0] : figure.clause[0] + their_number.start()]} {own_words}" if their_number else own_words
    )
    guess = specialise(guess, described, told, _states_a_period(phrases), text[mention.end : figure.window[1]])
    guess = _carried(guess, text[figure.clause[0] : mention.start], text[mention.end : figure.clause[1]])
    guess = one_day_haul(guess, text, _states_a_period(phrases))
    guess = for_all_offences(guess, context.all_offences)
    guess = _compared_kind(guess, sentence, figure, context)
    if not owned and _same_kind_part(guess, previous, text[mention.end :]):
        return _skipped(sentence, mention, "a part of the figure before it, which already counts it")
    indicator = ref.indicators[guess.indicator].fields
    own = stock_phrases if indicator["kind"] == "stock" else own_phrases
    period, period_why = choose_period(indicator["kind"], own, phrases, mention.start, context, published)
    period, period_why = _fieldwork(guess.indicator, period, period_why, context)
    period, period_why = _of_its_kind(
        (guess.indicator, indicator["kind"]),
        (period, period_why),
        own_phrases + phrases,
        text[: mention.start],
        context,
    )
    # (a ruling reported in a sentence with no period of its own is that day's, whatever the text stated before)
    if not phrases and published and guess.indicator in _RULINGS and _ONE_COURT.search(text):
        period, period_why = ruling_period(text, published, _RULING_DAY)
    before = continued_place(previous, own_words, bool(_ANAPHORA.match(text)))
    # In a text reporting one operation, a figure its sentence dates to an earlier time ("In June last year, ...
    # carrying one million pills") is another event, which does not take the operation's place.
    earlier = bool(context.operation and phrases and published and period.end and (published - period.end).days > 31)
    # (a ruling the national judicial council announces is the ruling court's: "the Basra Criminal Court")
    voice = context.court_place if guess.indicator in _RULINGS and context.court_place else context.voice
    owned = _listed_together(owned, text, ref)
    place, place_why = choose_place(owned, scope, mention.start, context, ref, before, voice, not earlier)
    place, place_why = _facility_place(place, place_why, text[figure.clause[0] : mention.start], context)
    if place in (context.authority_place, context.voice) and place.role == "interior" and guess.indicator in REHAB:
        place, place_why = federal(ref), f"{place_why}; its treatment centres are outside the Kurdistan Region"
    unit, unit_from_indicator = ledger_unit(figure.unit, indicator["unit"])
    if indicator["unit"] == "kg" and mention.parsed and mention.parsed.unit_hint in MASS_SYMBOLS:
        unit = (
            mention.parsed.unit_hint
        )  # the mass the figure's own words carry ("ثلاثة أطنان": t), as the build reads it
    factor = mass_factor(mention.parsed, unit, indicator["unit"])
    drug = (
        nearest_drug(window_text, _relative(figure), figure.unit.end, figure.unit.unit_class in ("weight", "pills"))
        if indicator["unit"] in ("kg", "pills")
        else "all"
    )
    parsed = mention.parsed
    assert parsed is not None  # mentions that parse_value cannot read were skipped
    why = guess.why + (f"; the text counts {figure.unit.word}, written as {unit}" if unit_from_indicator else "")
    return Candidate(
        mention.text,
        _scaled(parsed.value, factor),
        _scaled(parsed.low, factor),
        _scaled(parsed.high, factor),
        parsed.qualifier,
        indicator["unit"],
        unit,
        guess.indicator,
        why,
        drug,
        place.written,
        place.code,
        place_why,
        period.label,
        period.start,
        period.end,
        period_why,
        text,
        sentence.start,
        sentence.end,
        sentence.start + mention.start,
        sentence.start + mention.end,
    )


# "Of the 3,069 convicted prisoners held in Erbil ..., 510 are serving drug sentences", "من أصل 5000 سجين": the
# figure a sentence opens on is the whole its later figure is a part of.
_WHOLE_OF_A_PART = re.compile(r"^\s*(?:Of|Out\s+of)\s+(?:the|all|a\s+total\s+of)?\s*$|(?<!\w)من\s+أصل\s+$", re.I)


# One facility's own count ("the hospital currently holds 70 patients", "المستشفى يضم"): the facility is where the
# text is set, not the whole country of the national ministry the text quotes.
_ONE_FACILITY = re.compile(
    r"\bthe\s+(?:hospital|centre|center|clinic|sanatorium|prison|facility)\b|(?<!\w)(?:ال)?(?:مستشفى|مركز|مصحة|سجن)(?!\w)",
    re.IGNORECASE,
)


def _facility_place(place: PlaceMention, why: str, before: str, context: Context) -> tuple[PlaceMention, str]:
    national = place in (context.authority_place, context.voice) and place.code == COUNTRY
    if not (national and context.text_place and _ONE_FACILITY.search(before)):
        return place, why
    return context.text_place, f"{context.text_place.why}, the only place the text names: where the facility is"


def _states_a_period(phrases: list[PeriodPhrase]) -> bool:
    """A single day ("في الثالث عشر من حزيران") dates one operation; only a longer period makes a figure a total."""
    return any(p.period.start is None or p.period.start != p.period.end for p in phrases)


def _same_kind_part(guess: Guess, previous: Candidate | None, after: str) -> bool:
    """'arrested 10 people ... two of the suspects were wanted': a part of the figure before it that only takes its
    kind is inside that count; a part its own words narrow ('194 of them were foreigners') or place ('three of them
    in Baghdad') is a figure of its own."""
    inherited = guess.why.startswith("same kind as the figure before it")
    return bool(previous and inherited and guess.indicator == previous.indicator and OF_THEM.match(after))


def _not_counted(guess: Guess, own_words: str, before: str, mention: Mention) -> str | None:
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


def _of_its_kind(
    kind: tuple[str, str], chosen: tuple[Period, str], phrases: list[PeriodPhrase], before: str, context: Context
) -> tuple[Period, str]:
    """Periods some kinds read apart: a population's year, one operation's weekday ("On Tuesday ...")."""
    (indicator, indicator_kind), (period, why) = kind, chosen
    if indicator == "population":
        return _population_year(period, why, phrases, before, context)
    published = context.published
    if indicator_kind == "event" and period.kind == "default" and published:
        return _on_weekday(period, why, before, published)
    return period, why


_THEIR_NUMBER = re.compile(
    r"(?<!\w)(?:(?:و)?(?:بلغ|يبلغ|وصل|يصل)\s+)?(?:عدد(?:هم|هن))\s+(?:إلى\s+)?(?:{q}\s+)?$"
    r"|\b(?:numbering|who\s+number(?:ed)?|whose\s+number\s+(?:reached|stood\s+at|was))\s+(?:{q}\s+)?$".format(
        q=r"(?:about|nearly|some|more\s+than|over|أكثر\s+من|نحو|قرابة)"
    ),
    re.IGNORECASE,
)


# A sentence that dates a survey's fieldwork ("Its fieldwork started in November 2013 and ended in May 2015").
_FIELDWORK = re.compile(
    r"\bfield\s*work\b|\bsurvey\s+(?:was\s+)?(?:carried\s+out|conducted)\b|\binterviews\s+(?:were\s+)?(?:carried\s+out"
    r"|conducted)\b|(?<!\w)(?:ال)?عمل\s+الميداني|(?:أجري|أجرى|نفذ)\w*\s+(?:ال)?مسح",
    re.IGNORECASE,
)


def _fieldwork_end(sentences: list[Sentence], published: date | None) -> date | None:
    """When the text's survey fieldwork ended, wherever the text says so (often after the rate itself)."""
    for sentence in sentences:
        if _FIELDWORK.search(sentence.text):
            ends = [p.period.end for p in find_period_phrases(sentence.text, published) if p.period.end]
            if ends:
                return max(ends)
    return None


def _fieldwork(indicator: str, period: Period, why: str, context: Context) -> tuple[Period, str]:
    """A survey's rate is as of its fieldwork, which the text states apart ("between April and December 2014"), not
    as of the day the results came out."""
    end = context.fieldwork_end or (context.stated_period.end if context.stated_period else None)
    if indicator != "prevalence" or period.kind != "default" or end is None:
        return period, why
    return Period(f"as of {end}", None, end, "as_of"), "a survey's rate: at the end of its fieldwork"


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_AR_WEEKDAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
_ON_WEEKDAY = re.compile(
    rf"\b[Oo]n\s+({'|'.join(_WEEKDAYS)})\b|(?<!\w)يوم\s+({'|'.join(_AR_WEEKDAYS)})(?!\w)", re.IGNORECASE
)


def _on_weekday(period: Period, why: str, before: str, published: date) -> tuple[Period, str]:
    """'On Tuesday the ministry announced ... confiscated 200 kg': one operation told on a weekday happened on the
    last such day up to the publication (a Sunday report's "on Sunday" is its own day)."""
    days = [m for m in _ON_WEEKDAY.finditer(before)]
    if not days:
        return period, why
    day = days[-1]
    weekday = _WEEKDAYS.index(day[1].lower()) if day[1] else _AR_WEEKDAYS.index(day[2])
    when = published - timedelta(days=(published.weekday() - weekday) % 7)
    return Period(f"on {when}", None, when, "explicit"), f"one operation on '{day.group()}', the last such day"


# A place's population runs to thousands at least; a smaller number near "residents" is something else.
_SMALLEST_POPULATION = 1000


def _population_size(mention: Mention) -> bool:
    parsed = mention.parsed
    value = parsed.value if parsed and parsed.value is not None else (parsed.high if parsed else None)
    return value is not None and value >= _SMALLEST_POPULATION


def _calendar_year(period: Period | None) -> int | None:
    """The one calendar year a period covers or ends ("in 2022", "this year", "at the end of 2022"), else None."""
    if period is None:
        return None
    start, end = period.start, period.end
    if start and (start.month, start.day) == (1, 1) and (end is None or end.year == start.year):
        return start.year
    if start is None and end and (end.month, end.day) == (12, 31):
        return end.year
    return None


# "إسقاطاته السكانية لعام 2018": a year the period reader leaves alone ("لعام" also dates laws: "رقم 50 لعام 2017"),
# read here only for a population, whose figures are given for a year.
_FOR_YEAR = re.compile(r"(?<!\w)(?:ل|في\s+)(?:عام|العام|سنة)\s+((?:19|20)\d{2})(?!\d)|\bfor\s+((?:19|20)\d{2})\b")


def _population_year(
    period: Period, why: str, phrases: list[PeriodPhrase], text: str, context: Context
) -> tuple[Period, str]:
    """A population is published for a year ("in 2022", "في العام الحالي", "إسقاطات لعام 2018"): as of that year's
    end, the year its own words or sentence name, else the one an earlier population figure took, else the one the
    text stated before."""
    written = _FOR_YEAR.search(text)
    stated = [_calendar_year(p.period) for p in phrases]
    stated += [int(written[1] or written[2]) if written else None, context.population_year]
    stated += [_calendar_year(context.stated_period), _calendar_year(context.text_year)]
    year = next((y for y in stated if y), None)
    if year is None:
        return period, why
    context.population_year = year
    end = date(year, 12, 31)
    return Period(f"as of {end}", None, end, "as_of"), f"a population given for {year}: as of the year's end"


def _guess(
    sentence: Sentence, figure: _Figure, previous: Candidate | None, context: Context, ref: Reference
) -> tuple[Guess | None, str]:
    """The figure's indicator and the words that describe it: its own, else (when nothing around it names a kind)
    those of the sentence before, if that one held no number ("وبلغ عدد هؤلاء 59 متهماً")."""
    text, mention = sentence.text, figure.mention
    own_words = text[mention.end : _first_stop(text, mention.end, figure.window[1])]
    if prevalence_share(text[: mention.start], text[mention.end :]):
        return Guess("prevalence", "a share of a population that uses drugs"), own_words
    guess = _indicator(text, figure, previous, ref) or _contrasted(sentence, figure, context, ref)
    guess = guess or _similar_ruling(text[figure.clause[0] : mention.start], context)
    if guess is None and context.topic:
        guess = _topic_kind(context.topic, figure.unit.unit_class, ref)
        own_words = f"{own_words} {context.topic}" if guess else own_words
    return guess, own_words


# "أصدرت محكمة الجنايات حكماً مماثلاً بحق مدان واحد", "handed a similar sentence to one man": the kind of the ruling
# the text reported before.
_SIMILAR_RULING = re.compile(
    r"(?:حكم|حكما|أحكام|أحكاما)\s+مماثل\w*|\b(?:a\s+)?similar\s+(?:sentence|ruling|verdict|term|punishment)s?\b"
    r"|\bthe\s+same\s+(?:sentence|punishment)\b",
    re.IGNORECASE,
)


def _similar_ruling(before: str, context: Context) -> Guess | None:
    last = context.text_last
    similar = _SIMILAR_RULING.search(before)
    if similar is None or last is None or last.indicator not in _RULINGS:
        return None
    return Guess(last.indicator, f"'{similar.group()}': the same kind as the ruling before ({last.value})")


def _topic_kind(topic: str, unit_class: str | None, ref: Reference) -> Guess | None:
    """What the sentence before (with no number of its own) names last: "the operations brought down a number of
    international traffickers. Their number reached 59": arrests. A bare figure may take any kind it names."""
    allowed = {r.indicator for r in RULES if unit_class is None or compatible(unit_class, _unit(r.indicator, ref))}
    guess = nearest_rule(topic, (len(topic), len(topic)), topic, allowed)
    return Guess(guess.indicator, guess.why.replace("next to the figure", "in the sentence before")) if guess else None


def _unit(indicator: str, ref: Reference) -> str:
    return ref.indicators[indicator].fields["unit"]


# One court's ruling reported with no period ("The Anbar Criminal Court sentenced one trafficker to life",
# "أصدرت محكمة جنايات النجف حكماً بالإعدام") is that day's ruling, not a running total.
_RULINGS = {"death_sentences", "life_sentences", "convictions"}
_ONE_COURT = re.compile(
    r"\b(?:Criminal|Felony)\s+Court\b|\bthe\s+court\s+(?:sentenced|convicted|handed)"
    # "a court there had sentenced one man": one court, named without its title
    r"|\ba\s+court\s+(?:there\s+|in\s+\w+\s+)?(?:had\s+|has\s+)?(?:sentenced|convicted|handed)"
    r"|محكمة\s+(?:ال)?جنايات|(?:أصدرت|وأصدرت)\s+المحكمة|المحكمة\s+(?:أصدرت|حكمت)",
    re.IGNORECASE,
)
_RULING_DAY = "one court's ruling with no period stated: the day it was reported"
# "82 trafficking cases last year, against 42 the year before", "82 دعوى اتجار ... مقابل 42 دعوى": the figure
# compared with one before it in its sentence is of the same kind.
_COMPARED = re.compile(
    r"(?<!\w)(?:مقابل|بالمقارنة\s+مع|قياساً\s+(?:ب|إلى)|بعد\s+أن\s+(?:كان|كانت))(?!\w)"
    r"|\b(?:against|versus|compared\s+(?:with|to)|up\s+from|down\s+from|from)\s*$",
    re.IGNORECASE,
)
_KIND_FAMILY = {
    "court_cases": {"court_cases_trafficking", "court_cases_use"},
    "crimes_trafficking_recorded": {"crimes_use_recorded"},
    "arrests": {"arrests_traffickers", "arrests_foreign"},
}


def _compared_kind(guess: Guess, sentence: Sentence, figure: _Figure, context: Context) -> Guess:
    earlier = context.paragraph_last
    if earlier is None or earlier.sentence_start != sentence.start or guess.indicator not in _KIND_FAMILY:
        return guess
    if earlier.indicator not in _KIND_FAMILY[guess.indicator]:
        return guess
    between = sentence.text[earlier.value_end - sentence.start : figure.mention.start]
    if not _COMPARED.search(between):
        return guess
    return Guess(earlier.indicator, f"{guess.why}; compared with {earlier.value}, of the same kind")


# "بلغ عدد المقبوض عليهم سبعة آلاف، في حين وصل في عام 2022 إلى 17 ألفاً": the contrasting clause's verb ("reached")
# has the same subject, so its figure counts what the sentence's figure before it counts, for another period.
_REACHED = re.compile(r"(?<!\w)(?:و|ف)?(?:وصل|بلغ|ارتفع|انخفض|تراجع)\w*|\b(?:reached|stood\s+at|totall?ed)\b", re.I)


def _contrasted(sentence: Sentence, figure: _Figure, context: Context, ref: Reference) -> Guess | None:
    earlier = context.paragraph_last
    if earlier is None or earlier.sentence_start != sentence.start:
        return None
    if not _REACHED.search(sentence.text[figure.clause[0] : figure.mention.start]):
        return None
    if earlier.indicator not in _inheritable(figure.unit.unit_class, ref):
        return None
    return Guess(earlier.indicator, f"the same count as {earlier.value}, for another period")


def mass_factor(parsed: ParsedValue | None, written: str, canonical: str) -> float:
    """What one written unit is in kilograms, for an indicator measured in kg ("3 tons": 1000); 1 otherwise.

    A compound mass ("2 tons and 156 kg") is already read in kg, which its unit hint says."""
    if canonical != "kg" or parsed is None:
        return 1.0
    return WEIGHT_UNITS.get(parsed.unit_hint or written, 1.0)


def _scaled(number: float | None, factor: float) -> float | None:
    return None if number is None else round(number * factor, 6)


def _comma_segment(text: str, figure: _Figure) -> tuple[int, int]:
    """The stretch between the commas around a figure: a count at a date takes a period only from there."""
    start = text.rfind(",", figure.window[0], figure.mention.start) + 1 or figure.window[0]
    end = text.find(",", figure.mention.end, figure.window[1])
    return start, end if end >= 0 else figure.window[1]


def _relative(figure: _Figure) -> tuple[int, int]:
    return figure.mention.start - figure.window[0], figure.mention.end - figure.window[0]


def _names_other_side(own_words: str) -> bool:
    """'36 gang members', '31 من المتاجرين': the casualties are traffickers (named in the figure's first two words;
    'wounded in clashes with smugglers' names the other side)."""
    first = " ".join(own_words.split()[:2])
    return bool(OTHER_SIDE.search(first) or TRAFFICKERS.search(first))


def _first_stop(text: str, start: int, end: int) -> int:
    stop = re.search(r"[,;.،؛]", text[start:end])  # the Arabic comma ends a figure's own words too
    return start + stop.start() if stop else end


_OWN_VERB = re.compile(r"\b(?:were|was|have\s+been|has\s+been|had\s+been)\b", re.IGNORECASE)


def _indicator(text: str, figure: _Figure, previous: Candidate | None, ref: Reference) -> Guess | None:
    """By the unit alone, else the nearest keyword in the figure's own stretch, else as the figure before it,
    else (for a figure that names what it counts) the nearest keyword in its clause."""
    unit_class = figure.unit.unit_class
    clause = text[figure.clause[0] : figure.clause[1]]
    by_unit = _by_unit(figure.unit, clause)
    if by_unit:
        return by_unit
    if previous and unit_class is None and _OF_THINGS.match(text[figure.mention.end :]):
        return Guess(previous.indicator, f"part of the figure before it ({previous.value})")
    capacity = _CAPACITY.search(text[figure.window[0] : figure.mention.start])
    if capacity and unit_class in ("persons", None):  # "can now hold 4,746 patients": beds, whoever fills them
        return Guess("rehab_beds", f"'{capacity.group().strip()}': a capacity")
    allowed = {r.indicator for r in RULES if compatible(unit_class, ref.indicators[r.indicator].fields["unit"])}
    window = text[figure.window[0] : figure.window[1]]
    guess = None
    # "1,300 kg of narcotics, which had been seized earlier, were destroyed": the aside between commas is the drugs'
    # history; the figure's own verb comes after it
    after = _ASIDE_RELATIVE.sub(" ", text[figure.mention.start : figure.window[1]], count=1)
    after = _CLAUSE_COMMA.split(after, maxsplit=1)[0]
    # "أتلفت نحو ٤ أطنان من المواد المخدرة التي ضُبطت": a relative clause says what befell the drugs before
    after = _AR_RELATIVE.split(after, maxsplit=1)[0]
    # Arabic describes a figure after it ("20 حكماً بالإعدام و50 حكماً بالمؤبد"); so does English when the figure is
    # the subject of its own verb ("four were killed and 24 were wounded", "915 of them have been sentenced").
    verb = _own_verb(after, figure.mention.end - figure.mention.start)
    if verb and not _ARABIC.search(window):  # the verb names what was done to them: "were burned", "were wounded"
        guess = nearest_rule(after[verb.start() :], (0, 0), clause, allowed)
    if guess is None and _ARABIC.search(window):  # "استشهاد سبعة", "وإصابة 61": the verbal noun just before it
        guess = nearest_rule(_last_word(text[figure.window[0] : figure.mention.start]), (0, 0), clause, allowed)
    if guess is None and (_ARABIC.search(window) or verb):
        guess = nearest_rule(after, (0, figure.mention.end - figure.mention.start), clause, allowed)
    guess = guess or nearest_rule(window, _relative(figure), clause, allowed)
    if guess:
        guess = _done_to_them(guess, figure.unit, clause, allowed)
        guess = _destroyed_before(guess, text[figure.clause[0] : figure.mention.start], allowed)
        before = text[figure.window[0] : figure.mention.start]
        guess = _patients_held_now(_convicts_held_now(_several_kinds(guess, before, after), before, after), before)
        return diagnosed_patients(guess, text[figure.mention.end : figure.window[1]])
    twins = {"pills": _PILLS_TWIN, "weight": _MASS_TWIN}.get(unit_class or "", {})
    inherited = twins.get(previous.indicator, previous.indicator) if previous and twins else None
    if previous and (inherited or previous.indicator) in _inheritable(unit_class, ref):
        return Guess(inherited or previous.indicator, f"same kind as the figure before it ({previous.value})")
    if unit_class is not None:  # "Sixteen traffickers, including three ..., were arrested": the verb is further on
        start = figure.clause[0]
        return nearest_rule(clause, (figure.mention.start - start, figure.mention.end - start), clause, allowed)
    return None


_DESTROYED_TWIN = {"seizures": "drugs_destroyed", "seizures_pills": "drugs_destroyed_pills"}


def _destroyed_before(guess: Guess, before: str, allowed: set[str]) -> Guess:
    """'set fire to 130 kg of drugs confiscated in earlier operations', 'أحرقت ... 150 كيلوغراماً ... التي ضبطتها':
    the verb before the figure says what was done to it; a seizure named after it is the drugs' history."""
    if guess.indicator not in _DESTROYED_TWIN or SEIZURE_WORDS.search(before):
        return guess
    destroyed = DESTROY_WORDS.search(before)
    twin = _DESTROYED_TWIN[guess.indicator]
    if destroyed is None or twin not in allowed:
        return guess
    return Guess(twin, f"'{destroyed.group()}' before the figure; the seizure named after it came earlier")


_ARABIC = re.compile(r"[\u0621-\u064a]")
_AR_RELATIVE = re.compile(r"(?<!\w)(?:التي|الذي|الذين|اللتين|اللذين|اللواتي)(?!\w)")
# Inmates of treatment centres ("النزلاء في مراكز التأهيل") are patients, not prisoners.
_TREATMENT = re.compile(r"\b(?:rehabilitation|treatment|rehab)\b|تأهيل|التأهيل|علاج|العلاج|مصح\w*", re.IGNORECASE)
# "16 مركزاً ... ثلاثة منها في بغداد": "منها" (of them, said of things) counts what the figure before counts; "منهم"
# (of them, people) may say what was done to them ("حكم على 235 منهم"), so keywords still decide.
_OF_THINGS = re.compile(r"^\s*(?:منها|من\s+بينها)(?!\w)")
# "death and life sentences", "بالإعدام والسجن المؤبد", "الإعدام والمؤبد": both kinds named as one.
_DEATH_AND_LIFE = re.compile(
    r"\bdeath\s+(?:and|or)\s+life\b|(?:الإعدام|الاعدام)\s+(?:و|أو\s+)(?:السجن\s+|الحبس\s+)?(?:ال)?مؤبد", re.IGNORECASE
)


# Cases are the courts' unless the clause says who else counted them: a hospital's addiction cases are patients
# treated ("has treated 38,000 addiction cases"), cases a directorate or the police recorded are recorded drug cases
# ("المديرية سجلت ألف قضية").
_COURT = re.compile(
    r"\bcourts?\b|\bjudges?\b|\bjudicia\w*|\bruled\b|\btrials?\b|\breferred\b|\bprosecut\w*"
    r"|محكم\w*|المحاكم|قاض\w*|القضاء|قضائي\w*|(?<!\w)(?:و)?(?:أ|ا)حيل\w*|إحالة|حسم\w*",
    re.IGNORECASE,
)
_CARE_CASES = re.compile(
    r"\bhospitals?\b|\btreat\w*|\baddiction\b|\bpatients?\b|\bclinics?\b|مستشف\w*|(?:ال)?علاج|(?:ال)?إدمان|مرضى|مصح\w*",
    re.IGNORECASE,
)
_RECORDED = re.compile(r"\brecorded\b|\bregistered\b|\blogged\b|(?<!\w)(?:و)?(?:سجل|سجلت|تسجيل)(?!\w)", re.I)


def _cases_outside_court(unit: UnitWord, clause: str) -> Guess | None:
    care = _CARE_CASES.search(clause)
    if care:  # what the service did: "received 2,000 addiction cases" took them in; else it treated them
        done = nearest_rule(clause, (0, 0), clause, _CARE)
        kind = done.indicator if done else "patients_treated"
        return Guess(kind, f"counts {unit.word} '{care.group()}': cases of a health service")
    recorded = _RECORDED.search(clause)
    if recorded:
        return Guess("drug_cases_recorded", f"counts {unit.word} '{recorded.group()}': cases recorded, not in court")
    return None


def _by_unit(unit: UnitWord, clause: str) -> Guess | None:
    """A unit that names the indicator by itself ("16 centres"); prisoners held anywhere but a treatment centre."""
    if unit.unit_class == "cases" and not _COURT.search(clause):
        kind = _cases_outside_court(unit, clause)
        if kind:
            return kind
    if unit.unit_class in UNIT_INDICATORS:
        return Guess(UNIT_INDICATORS[unit.unit_class], f"counts {unit.word}")
    death_row = re.search(DEATH_ROW, clause, re.IGNORECASE)
    if unit.unit_class == "persons" and death_row:  # "8,000 prisoners awaiting execution": on death row
        return Guess("death_row_all_offences", f"counts {unit.word} '{death_row.group()}'")
    if unit.word in PRISONER_WORDS and not _TREATMENT.search(clause):
        return Guess("prisoners_drug", f"counts {unit.word}")
    return None


# What a treatment service did for people its figure names only by who they are ("helped nearly 80 detainees overcome
# their addiction", "عالجت 50 موقوفاً"): the treatment is the count, not the detention.
_CARE = {"rehab_completed", "rehab_admitted", "patients_treated"}
_HELD = {"arrests", "prisoners_drug"}


def _done_to_them(guess: Guess, unit: UnitWord, clause: str, allowed: set[str]) -> Guess:
    if guess.indicator not in _HELD or not unit.word or f"'{unit.word}'" not in guess.why:
        return guess
    care = nearest_rule(clause, (0, 0), clause, allowed & _CARE)
    return (
        Guess(care.indicator, f"{care.why.split(' next to')[0]} in its clause, done to the {unit.word}")
        if care
        else guess
    )


# "عدد الموقوفين والمحكومين بلغ 7998", "detainees and convicts": everyone arrested, whatever came of it since.
_HELD_AND_SENTENCED = re.compile(
    # (any case ending: "ألفين و334 موقوفاً ومحكوماً")
    r"(?:ال)?(?:موقوف|معتقل)\w*\s+و(?:ال)?(?:محكوم|مدان)\w*|\bdetainees\s+and\s+(?:convicts|the\s+convicted)\b"
    r"|\b(?:detained|arrested)\s+(?:and|or)\s+(?:convicted|sentenced)\b",
    re.IGNORECASE,
)


_AT_PRESENT = re.compile(r"\b(?:currently|at\s+present|now)\b|(?<!\w)(?:حالياً|حاليا|حالياًّ|الآن)(?!\w)", re.I)


def _several_kinds(guess: Guess, before: str, after: str) -> Guess:
    """'أحكاماً بالإعدام والسجن المؤبد بحق قرابة 100 مدان', 'death or life sentences for 100': a figure whose words
    name both kinds of sentence as one counts everyone sentenced, not one kind ("sentenced 12 to death and handed
    life sentences to 31" gives each kind its own figure)."""
    if guess.indicator == "convictions" and any(_HELD_AND_SENTENCED.search(side) for side in (before, after)):
        if any(_AT_PRESENT.search(side) for side in (before, after)):  # "يبلغ حالياً": those in custody now
            return Guess("prisoners_drug", guess.why + "; people held and sentenced, in custody now")
        return Guess("arrests", guess.why + "; people held and sentenced together: all arrested")
    if guess.indicator not in ("death_sentences", "life_sentences"):
        return guess
    if any(_DEATH_AND_LIFE.search(side) for side in (before, after)):
        return Guess("convictions", guess.why + "; death and life sentences together")
    return guess


# The convicted as people ("المحكومين", "convicts"), not the verb of a ruling ("sentenced").
_CONVICTS = re.compile(
    r"(?<!\w)(?:ال)?محكوم(?:ين|ون)(?!\w)|\bconvicts\b|\bconvicted\s+(?:people|persons|prisoners)\b", re.I
)


def _convicts_held_now(guess: Guess, before: str, after: str) -> Guess:
    """'عدد المحكومين ... يبلغ حالياً قرابة ألفي شخص', 'there are currently 900 drug convicts': how many convicts
    there are now is a stock of people serving sentences (prisoners), not the rulings of a period."""
    if guess.indicator != "convictions" or not any(_CONVICTS.search(side) for side in (before, after)):
        return guess
    if not any(_AT_PRESENT.search(side) for side in (before, after)):
        return guess
    return Guess("prisoners_drug", guess.why + "; convicts counted as they are now: serving sentences")


# "المستشفى يضم حالياً سبعين مريضاً يتلقون العلاج", "the centre currently houses 40 patients": the patients in
# treatment there now (inpatients), not a count of everyone it treated.
_HOLDS_NOW = re.compile(
    r"(?<!\w)(?:ي|ت)ضم\s+(?:حالياً|حاليا|الآن)\s*$|\b(?:currently|now)\s+(?:houses|holds|has)\s+(?:about\s+|some\s+)?$",
    re.IGNORECASE,
)


def _patients_held_now(guess: Guess, before: str) -> Guess:
    held = _HOLDS_NOW.search(before)
    if guess.indicator != "patients_treated" or held is None:
        return guess
    return Guess("rehab_inpatients", f"{guess.why}; '{held.group().strip()}': the patients in treatment now")


_CAPACITY = re.compile(
    r"\bcan\s+(?:now\s+)?(?:hold|house|accommodate|take\s+in)\s+(?:up\s+to\s+)?$|\bcapacity\s+(?:of|for)\s+$"
    r"|(?:تستوعب|تتسع\s+(?:ل|إلى))\s*$",
    re.IGNORECASE,
)
# "365 kg of captagon, the latter amounting to 2.2 million tablets": pills after a mass are the pill twin.
_PILLS_TWIN = {
    "seizures": "seizures_pills",
    "seizure_event": "seizure_event_pills",
    "drugs_destroyed": "drugs_destroyed_pills",
}
# "24 million captagon pills ... The tablets weighed about 4,094 kilograms": a mass after pills is the mass twin.
_MASS_TWIN = {pills: mass for mass, pills in _PILLS_TWIN.items()}
_ASIDE_RELATIVE = re.compile(r"(?<=[a-z]),\s+(?:which|who)\s+[^,;]{3,80},\s+(?=(?:were|was|have|has|had)\b)", re.I)
_CLAUSE_COMMA = re.compile(r"[،؛;]|,(?![0-9]{3})")  # not the comma inside "1,356"
# Words that open another clause: "one trafficker ... after he was caught" is not the figure's own verb.
_OTHER_CLAUSE = re.compile(r"\b(?:after|when|who|which|that|because|before|while|since|he|she|they|it)\b", re.I)


def _last_word(before: str) -> str:
    """The word just before a figure; before "منتسب واحد" (one member), the word before the noun it counts."""
    words = before.split()
    if len(words) > 1 and _COUNTED_NOUN.fullmatch(words[-1]):
        words = words[:-1]
    return words[-1] if words and not re.search(r"[،,;؛.]$", before.rstrip()) else ""


_COUNTED_NOUN = re.compile(rf"[وب]?{AR_COUNTED_NOUN}")


def _own_verb(after: str, figure_length: int) -> re.Match | None:
    """The verb whose subject the figure is ("24 were wounded", "500 of those detained were accused"): within five
    words of it and in its own clause."""
    verb = _OWN_VERB.search(after)
    if verb is None:
        return None
    between = after[figure_length : verb.start()]
    return None if len(between.split()) > 5 or _OTHER_CLAUSE.search(between) else verb


def _inheritable(unit_class: str | None, ref: Reference) -> set[str]:
    """A bare number ('including three in Baghdad') continues any figure; one with a unit, only a like one."""
    return {i for i, r in ref.indicators.items() if unit_class is None or compatible(unit_class, r.fields["unit"])}
