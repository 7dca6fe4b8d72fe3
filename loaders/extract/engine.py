"""Candidate claims from an English article: every figure with its unit, indicator, drug, place and period guessed.

The guesses are for a person to check: each candidate keeps the sentence (with character offsets) it came from,
and each number that is not a figure (a year, an article number, an age ...) is listed with the reason.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from loaders.extract.candidate import Candidate, Extraction, Skipped
from loaders.extract.casualty_others import others_of_casualties
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
from loaders.extract.courts import court_place, ruling_voice
from loaders.extract.crime_subject import crime_kind_of_subject
from loaders.extract.directorate_zone import directorate_zone
from loaders.extract.earlier_report import not_the_ledes
from loaders.extract.event_voice import event_voice
from loaders.extract.federal_provinces import excepts_the_region
from loaders.extract.figure_places import facility_place, listed_together, owned_places, speaking_voice
from loaders.extract.figure_window import (
    Figure,
    before_in_clause,
    comma_segment,
    first_stop,
    read_figure,
    relative_span,
)
from loaders.extract.headlines import drop_headline_repeats, title_line
from loaders.extract.indicators import compatible, ledger_unit, nearest_drug
from loaders.extract.item_lists import dated_items, list_lead, listed_item
from loaders.extract.keyword_kinds import inheritable_kinds, keyword_indicator
from loaders.extract.kind_periods import as_of_fieldwork, period_of_its_kind, survey_fieldwork_end
from loaders.extract.longer_period import the_longer
from loaders.extract.mass_list import itemised_mass, listed_mass
from loaders.extract.masses import MASS_SYMBOLS, mass_factor, scaled
from loaders.extract.one_haul import ONE_OPERATION, OTHER_REPORT, carried, one_haul
from loaders.extract.own_forces import federal_forces, region_apart
from loaders.extract.paragraph_carry import carried_place
from loaders.extract.paragraph_voice import paragraph_voice, same_speaker
from loaders.extract.periods import PeriodPhrase, find_period_phrases, of_the_texts_year
from loaders.extract.places import PlaceFinder, PlaceMention, authority_place, owner_of
from loaders.extract.plans import planned
from loaders.extract.rules import ALL_OFFENCES, RULES, Guess, for_all_offences, nearest_rule, specialise
from loaders.extract.ruling_day import ruling_period
from loaders.extract.scope_statement import scoped_after
from loaders.extract.sentence_after import placed_after, told_after
from loaders.extract.single_event import one_day_haul
from loaders.extract.skip_reasons import not_counted_reason, number_key, repeat_reason, same_kind_part, skipped_mention
from loaders.extract.subset_people import people_of_them
from loaders.extract.text import Mention, Sentence, dateline_end, find_mentions, split_sentences, without_diacritics
from loaders.extract.text_region import enclosing_place
from loaders.extract.traps import phone_spans, prevalence_share, trap_reason
from loaders.extract.warrant_courts import without_warrant_courts
from loaders.extract.zone_places import named_zone, zone_place
from loaders.reference import Reference

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
_ITS_WEIGHT = re.compile(r"(?<!\w)(?:و|ب)?وزن(?:ها|ه|هم)(?!\w)|\b(?:their|its)\s+(?:total\s+)?weight\b", re.I)
# "915 of them", and "Hashish accounted for 11 kilograms of the total": a part of the figure said before.
_PART_OF = re.compile(
    rf"{OF_THEM.pattern}|^\s*(?:[^\W\d]+\s+)?of\s+the\s+(?:total|haul|amount|quantity|seizures?)\b", re.IGNORECASE
)


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
    finder.directorate_zone = directorate_zone([s.text for s in sentences], finder, ref)
    finder.federal_provinces = excepts_the_region(text)
    context.authority_place = authority_place(text, ref, finder.directorate_zone)
    named = [
        place for s, skip in zip(sentences, datelines, strict=True) for place in finder.find(s.text, region_named, skip)
    ]
    context.text_place, context.text_zone = unique_place(named) or enclosing_place(named, ref), named_zone(named, ref)
    context.court_place = court_place(text, finder, ref)
    context.all_offences = bool(ALL_OFFENCES.search(text))
    context.region_apart = region_apart(text)
    context.fieldwork_end = survey_fieldwork_end(sentences, published)
    context.arabic = len(re.findall(r"[\u0621-\u064a]", text)) > len(re.findall(r"[A-Za-z]", text))
    previous_found: tuple[int, int] | None = None  # the candidates of the sentence before
    gap = 0  # sentences without candidates since previous_found (at most one)
    for index, (sentence, skip) in enumerate(zip(sentences, datelines, strict=True)):
        if sentence.paragraph != context.paragraph:
            same_speaker(sentence.text, context)  # (before new_paragraph forgets the voice)
            context.new_paragraph(sentence.paragraph)
            context.paragraph_place = carried_place(sentence.text, context.text_last)
        places = without_warrant_courts(sentence.text, finder.find(sentence.text, region_named, skip))
        voice = paragraph_voice(finder.national_voice(sentence.text, skip), places, context)
        context.voice = speaking_voice(voice, places)
        if index == lede:
            context.lede_place = unique_place(places)
        if OTHER_REPORT.search(sentence.text):  # "This comes a day after a ministry statement that ...": not the haul
            context.operation = ""
        found, numbers = len(result.candidates), len(result.candidates) + len(result.skipped)
        _read_sentence(sentence, places, published, ref, context, result)
        context.topic = sentence.text if len(result.candidates) + len(result.skipped) == numbers else None
        lead_kind = {unit: _topic_kind(sentence.text, unit, ref) for unit in ("weight", None)} if context.topic else {}
        context.list_lead = list_lead(sentence.text, bool(context.topic), context, lead_kind)
        dated_items(result.candidates, found, context.list_lead, published)
        # (a headline or opening sentence telling of one haul makes the text that haul's report)
        operation = ONE_OPERATION.search(sentence.text) or (one_haul(sentence.text) if index <= lede else None)
        context.operation = context.operation or (operation.group() if operation else "")
        if previous_found is not None:
            told_after(result.candidates, range(*previous_found), sentence.text, published)
            placed_after(result.candidates, range(*previous_found), sentence.text, finder)
            scoped_after(result.candidates, range(*previous_found), found, sentence.text, places)
        # The description may come after one sentence with no figure ("In the first operation, officers stopped two
        # pickup trucks. The pills were hidden under sacks ..."): the figures before it are still the ones described.
        if len(result.candidates) > found or previous_found is None or gap:
            previous_found, gap = (found, len(result.candidates)), 0
        else:
            gap = 1
        if index == lede and context.lede_place is None:
            context.lede_figure_place = first_figure_place(result.candidates[found:], places)
    titles = headline or title_line(sentences)
    if titles:
        drop_headline_repeats(result, {s.start for s in titles})
    return result


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
    phrases = the_longer(sentence.text, phrases, context.periods_stated)
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
    owned_by = owned_places(places, owners, figures, sentence.text)
    for index, figure in enumerate(figures):
        owned = owned_by[index]
        continues = last if last_clause in (None, figure.clause) else None
        if continues is None and figure.unit.word is None and _RANKED.search(before_in_clause(sentence, figure)):
            continues = context.paragraph_last  # "Basra followed with 1,871": the count ranked just before
        partitive = bool(_PART_OF.match(sentence.text[figure.mention.end :]))
        if partitive and part_of_skipped:
            result.skipped.append(skipped_mention(sentence, figure.mention, "a part of a count no indicator measures"))
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
        context.text_mass = candidate if candidate.unit == "kg" else context.text_mass
    context.remember(phrases, places, scope)


# The next place in a ranking, with a bare figure of the same count: "The capital came first, with 1,933 people
# detained. Basra followed with 1,871, and Babil was third with 1,617", "تلتها البصرة بـ1871".
_RANKED = re.compile(
    r"\b(?:followed|came\s+(?:second|third|fourth|fifth|next|last)|(?:was|were|ranked|placed)\s+(?:second|third"
    r"|fourth|fifth|next|last))\b(?:\s+[\w,-]+){0,3}?\s+with\s+(?:(?:about|nearly|almost|some|more\s+than|over)\s+)?$"
    r"|(?<!\w)(?:و)?(?:تلتها|تليها|تلاها|يليها)\s+(?:\S+\s+){1,2}?(?:ب|بـ)\s*$",
    re.IGNORECASE,
)


# (an aside after the figure: "..., one of the largest hauls this year", "، وهي من أكبر الكميات هذا العام")
_RANKING = re.compile(
    r"(?:,|—)\s*(?:in\s+)?(?:one\s+of\s+)?the\s+(?:largest|biggest|highest|heaviest|greatest)\b[^,;.\d]{0,80}$"
    r"|[،,]\s*(?:(?:و)?(?:هي|هو|تعد|يعد|تعتبر|يعتبر)\s+)?(?:من\s+)?(?:أكبر|أضخم|أعلى)\s+[^،,.\d]{0,80}$",
    re.IGNORECASE,
)


def _figures(sentence: Sentence, phrases: list[PeriodPhrase], context: Context, result: Extraction) -> list[Figure]:
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
        reason = trap_reason(sentence.text, mention, phrases) or repeat_reason(sentence.text, mention, context)
        if mention.parsed is None:
            reason = reason or "cannot be read as one number"
        if reason:
            result.skipped.append(skipped_mention(sentence, mention, reason))
        else:
            kept.append(mention)
            context.seen_values.add(number_key(mention))
    return [read_figure(sentence.text, kept, i) for i in range(len(kept))]


def _candidate(
    sentence: Sentence,
    figure: Figure,
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
        return skipped_mention(sentence, mention, "a plan or target, not a count")
    own_phrases = [p for p in phrases if figure.window[0] <= p.start and p.end <= figure.window[1]]
    segment = comma_segment(text, figure)
    stock_phrases = [p for p in own_phrases if segment[0] <= p.start and p.end <= segment[1]]
    if figure.unit.unit_class == "objects":
        return skipped_mention(sentence, mention, f"counts {figure.unit.word}, which no drug-policy indicator measures")
    guess, own_words = _guess(sentence, figure, previous, context, ref)
    if guess is None:
        return skipped_mention(sentence, mention, "no indicator fits the words around it")
    set_aside = not_counted_reason(guess, own_words, text[: mention.start], mention)
    if set_aside:
        return skipped_mention(sentence, mention, set_aside)
    clause = text[figure.clause[0] : figure.clause[1]]
    # A text that states no period and tells of one operation before its figures reports that operation's haul.
    told = clause if context.periods_stated else f"{clause} {context.operation}"
    # "متهمين من جنسيات عربية وأجنبية بلغ عددهم 121": the people "their number" points back to are the figure's own
    their_number = _THEIR_NUMBER.search(text[figure.clause[0] : mention.start])
    described = (
        f"{text[figure.clause[0] : figure.clause[0] + their_number.start()]} {own_words}" if their_number else own_words
    )
    guess = specialise(guess, described, told, _states_a_period(phrases), text[mention.end : figure.window[1]])
    guess = carried(guess, text[figure.clause[0] : mention.start], text[mention.end : figure.clause[1]])
    guess = crime_kind_of_subject(guess, text[: mention.start])
    guess = one_day_haul(guess, text, _states_a_period(phrases))
    guess = for_all_offences(guess, context.all_offences)
    guess = _compared_kind(guess, sentence, figure, context)
    if not owned and same_kind_part(guess, previous, text[mention.end :]):
        return skipped_mention(sentence, mention, "a part of the figure before it, which already counts it")
    indicator = ref.indicators[guess.indicator].fields
    own = stock_phrases if indicator["kind"] == "stock" else own_phrases
    period, period_why = choose_period(indicator["kind"], own, phrases, mention.start, context, published)
    period, period_why = as_of_fieldwork(guess.indicator, period, period_why, context)
    period, period_why = period_of_its_kind(
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
    earlier = not_the_ledes(text, bool(context.operation and phrases), published, period.end)
    # (a ruling the national judicial council announces is the ruling court's: "the Basra Criminal Court")
    voice = event_voice(guess.indicator, ruling_voice(guess.indicator in _RULINGS, context.court_place, context.voice))
    owned = listed_together(owned, text, ref)
    place, place_why = choose_place(owned, scope, mention.start, context, ref, before, voice, not earlier)
    place, place_why = facility_place(place, place_why, text[figure.clause[0] : mention.start], context)
    place, place_why = zone_place(place, place_why, text, context.text_zone, ref)
    if place in (context.authority_place, context.voice) and place.role == "interior" and guess.indicator in REHAB:
        place, place_why = federal(ref), f"{place_why}; its treatment centres are outside the Kurdistan Region"
    place, place_why = federal_forces(place, place_why, guess.indicator, context, ref)
    unit, unit_from_indicator = ledger_unit(figure.unit, indicator["unit"])
    if indicator["unit"] == "kg" and mention.parsed and mention.parsed.unit_hint in MASS_SYMBOLS:
        unit = mention.parsed.unit_hint  # the mass its own words carry ("ثلاثة أطنان": t), as the build reads it
    factor = mass_factor(mention.parsed, unit, indicator["unit"])
    drug = (
        nearest_drug(window_text, relative_span(figure), figure.unit.end, figure.unit.unit_class in ("weight", "pills"))
        if indicator["unit"] in ("kg", "pills")
        else "all"
    )
    parsed = mention.parsed
    assert parsed is not None  # mentions that parse_value cannot read were skipped
    why = guess.why + (f"; the text counts {figure.unit.word}, written as {unit}" if unit_from_indicator else "")
    return Candidate(
        mention.text,
        scaled(parsed.value, factor),
        scaled(parsed.low, factor),
        scaled(parsed.high, factor),
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


def _states_a_period(phrases: list[PeriodPhrase]) -> bool:
    """A single day ("في الثالث عشر من حزيران") dates one operation; only a longer period makes a figure a total."""
    return any(p.period.start is None or p.period.start != p.period.end for p in phrases)


_THEIR_NUMBER = re.compile(
    r"(?<!\w)(?:(?:و)?(?:بلغ|يبلغ|وصل|يصل)\s+)?(?:عدد(?:هم|هن))\s+(?:إلى\s+)?(?:{q}\s+)?$"
    r"|\b(?:numbering|who\s+number(?:ed)?|whose\s+number\s+(?:reached|stood\s+at|was))\s+(?:{q}\s+)?$".format(
        q=r"(?:about|nearly|some|more\s+than|over|أكثر\s+من|نحو|قرابة)"
    ),
    re.IGNORECASE,
)


def _guess(
    sentence: Sentence, figure: Figure, previous: Candidate | None, context: Context, ref: Reference
) -> tuple[Guess | None, str]:
    """The figure's indicator and the words that describe it: its own, else (when nothing around it names a kind)
    those of the sentence before, if that one held no number ("وبلغ عدد هؤلاء 59 متهماً")."""
    text, mention = sentence.text, figure.mention
    own_words = text[mention.end : first_stop(text, mention.end, figure.window[1])]
    if prevalence_share(text[: mention.start], text[mention.end :]):
        return Guess("prevalence", "a share of a population that uses drugs"), own_words
    guess = keyword_indicator(text, figure, previous, ref) or people_of_them(text, figure, previous, ref)
    guess = guess or others_of_casualties(text, figure, context.paragraph_last)
    guess = guess or _contrasted(sentence, figure, context, ref)
    guess = guess or _similar_ruling(text[figure.clause[0] : mention.start], context)
    if guess is None and context.topic:
        guess = _topic_kind(context.topic, figure.unit.unit_class, ref)
        own_words = f"{own_words} {context.topic}" if guess else own_words
    guess = guess or listed_item(text, figure.unit.unit_class, context.list_lead)
    guess = guess or listed_mass(figure.unit.unit_class, context.paragraph_last) or itemised_mass(figure, text, context)
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


def _compared_kind(guess: Guess, sentence: Sentence, figure: Figure, context: Context) -> Guess:
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


def _contrasted(sentence: Sentence, figure: Figure, context: Context, ref: Reference) -> Guess | None:
    earlier = context.paragraph_last
    if earlier is None or earlier.sentence_start != sentence.start:
        return None
    if not _REACHED.search(sentence.text[figure.clause[0] : figure.mention.start]):
        return None
    if earlier.indicator not in inheritable_kinds(figure.unit.unit_class, ref):
        return None
    return Guess(earlier.indicator, f"the same count as {earlier.value}, for another period")
