"""Where and when a figure is: its own words first, then its sentence, then what the text said before it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from loaders.extract.periods import SAME_PERIOD, Period, PeriodPhrase, default_period, whole_year
from loaders.extract.places import COUNTRY, FEDERAL, PlaceMention
from loaders.reference import Reference

if TYPE_CHECKING:
    from loaders.extract.candidate import Candidate


@dataclass
class Context:
    """What earlier sentences said, for sentences that lean on them ('At least 454 others ...')."""

    paragraph: int = -1
    paragraph_period: Period | None = None  # first period stated in the paragraph's latest sentence stating one
    stated_period: Period | None = None  # the same across paragraphs, for "over the same period"
    text_year: Period | None = None  # the first whole year the text states, for "during the year", "the year before"
    paragraph_place: PlaceMention | None = None
    paragraph_last: Candidate | None = None  # the paragraph's last candidate, for "Among them were 214 ..."
    text_last: Candidate | None = None  # the text's, for a paragraph that opens "Of those held, 20 ..."
    text_mass: Candidate | None = None  # the text's last mass, for a breakdown that runs on into later paragraphs
    lede_place: PlaceMention | None = None  # what the article's opening sentence is about
    headline_place: PlaceMention | None = None  # what its headline is about
    lede_figure_place: PlaceMention | None = None  # the place of the opening sentence's first figure
    authority_place: PlaceMention | None = None  # the area of the authority the article quotes
    published: date | None = None  # the text's publication date
    text_place: PlaceMention | None = None  # the one place the whole text names, if it names only one
    text_zone: PlaceMention | None = None  # the one two-province zone the text names (zone_places)
    court_place: PlaceMention | None = None  # the province of the court whose ruling the article reports
    voice: PlaceMention | None = None  # the national authority the current sentence quotes
    paragraph_voice: PlaceMention | None = None  # the one an earlier sentence of the paragraph quoted
    voice_placeless: bool = False  # that voice was quoted in a sentence naming no place of its own
    seen_values: set[float | None] = field(default_factory=set)
    # Arabic reports often put each sentence on its own line under one stated period: while such a text has
    # stated only one period, later lines without their own take it.
    arabic: bool = False
    periods_stated: set[tuple] = field(default_factory=set)
    # The paragraph's sentence just before, when it held no number: it may name what the next figure counts
    # ("Drug-use offences followed a similar pattern. There were 4,000 of them ...").
    topic: str | None = None
    all_offences: bool = False  # the text says its figures cover all offences, not drug crimes alone
    region_apart: bool = False  # the text says the Kurdistan Region has its own police or courts
    fieldwork_end: date | None = None  # when the survey the text reports ended its fieldwork
    population_year: int | None = None  # the year the text's first population figure was given for
    operation: str = ""  # the first words of the text telling of one operation ("in an operation", "a shipment")
    list_lead: tuple | None = None  # (kind named, figure broken down) by a lead-in line to list items (item_lists)

    @property
    def lead_period_only(self) -> bool:
        return len(self.periods_stated) == 1

    def new_paragraph(self, paragraph: int) -> None:
        self.paragraph, self.paragraph_period, self.paragraph_place, self.paragraph_last = paragraph, None, None, None
        self.topic = None

    def remember(self, phrases: list[PeriodPhrase], places: list[PlaceMention], scope: PlaceMention | None) -> None:
        """Keep the sentence's first stated period and its place (the sentence's own, else the one it names)."""
        kept = [p for p in phrases if p.period.kind != SAME_PERIOD]
        stated = [p.period for p in kept]
        if stated:
            self.paragraph_period = self.stated_period = stated[0]
            self.text_year = self.text_year or next((p for p in stated if whole_year(p)), None)
            # a comparison year ("a rise on the year before") is no second period the report states for its figures
            self.periods_stated |= {
                (p.start, p.end) for p, phrase in zip(stated, kept, strict=True) if not _COMPARISON.search(phrase.text)
            } or {(stated[0].start, stated[0].end)}
        elif self.stated_period and any(p.period.kind == SAME_PERIOD for p in phrases):
            self.paragraph_period = self.stated_period  # "over the same months": the period before holds on
        if places:
            self.paragraph_place = scope or unique_place(places)


_COMPARISON = re.compile(
    r"\byear\s+(?:before|earlier)\b|\b(?:previous|preceding)\s+year\b|(?:العام|السنة)\s+(?:السابق|السابقة|الذي\s+سبقه|التي\s+سبقتها)",
    re.IGNORECASE,
)


def unique_place(places: list[PlaceMention]) -> PlaceMention | None:
    """The place when all the mentions name one; None when they name several or none."""
    return places[0] if places and len({p.code for p in places}) == 1 else None


def sentence_place(
    places: list[PlaceMention], owners: dict[int, int | None], first_figure: int, text: str
) -> PlaceMention | None:
    """The place a whole sentence is about: the one named before its first figure, else one attached to no figure
    ("..., police in Nasiriyah said"). A partner ("joint operations with the Region's forces") scopes nothing, nor
    does a place in a clause about something else ("..., when a wave of raids targeted dealers in Baghdad")."""
    places = [p for p in places if p.role != "partner"]
    leading = [p for p in places if p.end <= first_figure]
    if leading:
        return unique_place(leading)
    return unique_place(
        [p for p in places if owners[id(p)] is None and not _ASIDE.search(text[first_figure : p.start])]
    )


# A subordinate clause after the figures, which tells when or why rather than where they are.
_ASIDE = re.compile(
    r",\s+(?:when|where|as|after|because|since|while|which|who)\b|،\s*(?:عندما|حين|حيث|بعدما|التي|الذي)"
    # "، وهي من أكثر الحبوب انتشاراً في المحافظات": what the drug is, not where the figure is
    r"|،\s*(?:و)?(?:هي|هو)\s"
    # "16 مركزاً ...، بينها ثلاثة مراكز في بغداد", ", including three in Baghdad": the place of a part, not the whole
    r"|،\s*(?:و)?(?:من\s+)?(?:بينها|بينهم|منها|منهم)\s|,\s+(?:including|of\s+which|among\s+them)\b",
    re.I,
)


def choose_period(
    kind: str,
    own: list[PeriodPhrase],
    sentence_phrases: list[PeriodPhrase],
    position: int,
    context: Context,
    published: date | None,
) -> tuple[Period, str]:
    """The period phrase nearest the figure; a stock takes one only from its own words, an event none."""
    default = default_period(kind, published)
    if kind == "event":
        return _event_period(own or sentence_phrases, position, default)
    phrases = own if (own or kind == "stock") else sentence_phrases
    if phrases:
        phrase = min(phrases, key=lambda p: abs(p.start - position))
        return _from_phrase(_same_as_before(phrase, sentence_phrases), kind, default, context)
    if kind != "stock" and context.paragraph_period:
        return context.paragraph_period, "no period in the sentence; the one stated earlier in the paragraph"
    if kind != "stock" and context.stated_period and context.lead_period_only:
        return context.stated_period, "no period in the sentence; the one the report stated for its figures"
    if kind == "stock":
        return default, "no period stated; a count at the publication date"
    return default, "no period stated; a running total to the publication date"


def _event_period(phrases: list[PeriodPhrase], position: int, default: Period) -> tuple[Period, str]:
    """One operation is dated by the publication, unless its sentence dates it: to a day ("في 23 أيلول الجاري",
    "on September 23"), which stands where the publication date would, or to a month only ("In June last year"),
    whose bounds are all that is known. Longer periods ("this year") are not one operation's date."""
    dated = [
        p
        for p in phrases
        if p.period.kind == "explicit"
        and p.period.start
        and p.period.end
        and (p.period.end - p.period.start).days <= 31
    ]
    if not dated:
        return default, "one operation: dated by the publication"
    phrase = min(dated, key=lambda p: abs(p.start - position))
    if phrase.period.start == phrase.period.end:
        return replace(phrase.period, start=None), f"one operation on the day stated: '{phrase.text}'"
    return phrase.period, f"one operation dated only to '{phrase.text}'"


def _same_as_before(phrase: PeriodPhrase, sentence_phrases: list[PeriodPhrase]) -> PeriodPhrase:
    """'... خلال العام الماضي، فيما تعافى ... خلال المدة ذاتها': "the same period" is the one its sentence stated before."""
    if phrase.period.kind != SAME_PERIOD:
        return phrase
    earlier = [p for p in sentence_phrases if p.end <= phrase.start and p.period.kind != SAME_PERIOD]
    return earlier[-1] if earlier else phrase


def _from_phrase(phrase: PeriodPhrase, kind: str, default: Period, context: Context) -> tuple[Period, str]:
    if phrase.period.kind == SAME_PERIOD:
        if context.stated_period:
            return context.stated_period, f"'{phrase.text}': the period stated before"
        return default, f"'{phrase.text}' but no period was stated before"
    if kind == "stock" and phrase.period.kind in ("to_date", "since"):
        return default, f"'{phrase.text}' read as the publication date for a count at a date"
    if kind == "stock" and phrase.period.start and phrase.period.end:  # "an estimate dating from 2021": at its end
        end = phrase.period.end
        return replace(phrase.period, label=f"as of {end}", start=None, kind="as_of"), f"'{phrase.text}', at its end"
    return phrase.period, f"'{phrase.text}'"


def _own_place(owned: list[PlaceMention], position: int) -> PlaceMention | None:
    """The nearest of the figure's places; a partner's only if it has no other. Before the figure, a local authority
    ("In Sulaimani, the Asayish, whose area takes in Halabja and Garmiyan, detained 388") wins over the places its
    description names; a place after it, linked by "in", is the figure's own and wins over the country or authority
    before it ("Iraq's Interior Ministry runs 16 centres in the federal provinces")."""
    places = [p for p in owned if p.role != "partner"] or owned
    after = [p for p in places if p.start > position]
    authority = [p for p in places if p.role == "authority" and p.start < position]
    fronted = [p for p in places if p.role == "fronted" and p.start < position]
    if after:
        places = after
    elif authority:
        places = authority
    elif fronted:
        places = fronted
    return min(places, key=lambda p: abs(p.start - position)) if places else None


def choose_place(
    owned: list[PlaceMention],
    scope: PlaceMention | None,
    position: int,
    context: Context,
    ref: Reference,
    previous: PlaceMention | None = None,
    voice: PlaceMention | None = None,
    lede: bool = True,
) -> tuple[PlaceMention, str]:
    """The figure's own place, else the sentence's, that of the figure it continues ("Of those, 329 ..."), the
    paragraph's, the country when the sentence quotes a national authority, the opening sentence's, else Iraq (said
    so). `lede` False: the figure is of another time than the one operation the opening sentence reports, so that
    operation's place is not its own."""
    own = _own_place(owned, position)
    if own:
        return own, f"{own.why} next to the figure"
    if scope:
        return scope, f"{scope.why} in the sentence"
    if previous:
        return previous, f"{previous.why}, the place of the figure it continues"
    if context.paragraph_place:
        return context.paragraph_place, f"{context.paragraph_place.why} earlier in the paragraph"
    if voice:
        return voice, f"{voice.why} in the sentence speaks for it"
    if context.lede_place and lede:
        return context.lede_place, f"{context.lede_place.why} in the article's opening sentence"
    if context.headline_place:
        return context.headline_place, f"{context.headline_place.why} in the headline"
    if context.lede_figure_place and lede:
        return context.lede_figure_place, f"{context.lede_figure_place.why}, the opening figure's place"
    if context.authority_place:
        return context.authority_place, f"{context.authority_place.why} speaks for it"
    return _last_resort(context, ref, lede)


def _last_resort(context: Context, ref: Reference, lede: bool = True) -> tuple[PlaceMention, str]:
    """The one place the whole text names ("SULAYMANIYAH — Border guards found 3,450 pills ... in the Sulaymaniyah
    border strip"), else Iraq (said so). A figure of another report or time than the opening's (`lede` False) does
    not take the place the text names for that one."""
    if context.text_place and lede:
        return context.text_place, f"{context.text_place.why}, the only place the text names"
    name = ref.geographies[COUNTRY].fields["name_en"]
    return PlaceMention(0, 0, name, COUNTRY, "default"), f"the text names no place for this figure; {name} assumed"


# "915 of them", "194 of the suspects", "67 من الموقوفين", "ثلاثة منها": a part of the figure said before.
OF_THEM = re.compile(
    r"^\s*(?:(?:of|among)\s+(?:them|whom|those|these|the\s+(?:suspects|detainees|arrested|accused|defendants|convicts"
    r"|people|persons|patients|addicts|users|traffickers|dealers|centres|centers))\b"
    r"|(?:منهم|منهن|منها|من\s+بينهم|من\s+بينها)(?!\w)|من\s+(?:ال)?(?:موقوفين|متهمين|مقبوض\s+عليهم|محكومين|مدانين)(?!\w))",
    re.IGNORECASE,
)


def first_figure_place(candidates: list[Candidate], places: list[PlaceMention]) -> PlaceMention | None:
    """An opening sentence naming several places ("the Region's directorate ... arrested 1,577 in Erbil and Duhok")
    is about the place of its first figure, which later figures naming none share."""
    first = next((c for c in candidates if c.place_code in {p.code for p in places}), None)
    return next((p for p in places if first and p.code == first.place_code), None)


# The Interior Ministry's sanatoria are the federal network; the Kurdistan Region and the Health Ministry run others.
REHAB = {"rehab_admitted", "rehab_completed", "rehab_centres", "rehab_beds", "rehab_inpatients", "patients_treated"}


def federal(ref: Reference) -> PlaceMention:
    return PlaceMention(0, 0, ref.geographies[FEDERAL].fields["name_en"], FEDERAL, "outside the Kurdistan Region")


def continued_place(previous: Candidate | None, own_words: str, anaphora: bool) -> PlaceMention | None:
    """The place of the figure this one is a part of ("Of those, 329 were ...", "حكم على 235 منهم")."""
    if previous is None or not (anaphora or OF_THEM.match(own_words)):
        return None
    return PlaceMention(0, 0, previous.place, previous.place_code, previous.place_why.split(" next to")[0])
