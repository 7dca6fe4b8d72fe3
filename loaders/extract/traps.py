"""Numbers that are not figures: years, dates, article and law numbers, ages, durations, phone numbers, ranks ...

Each rule looks only at the words next to the number and returns why it is not a figure.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from loaders.extract.indicators import read_unit
from loaders.extract.periods import WESTERN_DIGITS, PeriodPhrase
from loaders.extract.text import Mention
from loaders.normalise.periods import MONTHS

_AR_MONTHS = (
    "كانون الثاني|كانون الأول|كانون الاول|تشرين الثاني|تشرين الأول|تشرين الاول|شباط|آذار|اذار|نيسان|أيار|ايار|حزيران"
    "|تموز|آب|اب|أيلول|ايلول|يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر"
    "|نوفمبر|ديسمبر"
)
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_UNIT_AHEAD = re.compile(
    r"^\s*(?:[a-z]+\s+){0,2}(?:people|persons|suspects|pills|tablets|kg|kilograms|tons|"
    r"tonnes|centres|centers|beds|cases|sentences)\b"
    r"|^\s*(?:شخص|متهم|حبة|قرص|كغم|كيلوغرام|طن|مركز|سرير|قضية|حكم)"
    # "تعافي 2000 من المتعاطين": 2000 of the users, a count of people
    r"|^\s*من\s+(?:ال)?(?:متعاط|مدمن|متهم|موقوف|محكوم|مرضى|نزلاء|سجناء|أشخاص|مواطن)",
    re.IGNORECASE,
)
_PHONE = re.compile(r"(?:\+|00)?\d[\d \-]{7,}\d")
_Rule = Callable[[str, str, Mention], bool]


def _ends(before: str, pattern: str) -> bool:
    return re.search(rf"(?:{pattern})\s*$", before, re.IGNORECASE) is not None


def _starts(after: str, pattern: str) -> bool:
    return re.match(rf"^\s*(?:{pattern})", after, re.IGNORECASE) is not None


def _is_plain_integer(mention: Mention) -> bool:
    return re.fullmatch(r"[0-9\u0660-\u0669]+", mention.text) is not None


def is_year(before: str, after: str, mention: Mention) -> bool:
    """'2024', '1965 law', '2023-2024': four digits in the years people write, unless a count follows."""
    year = r"(?:19|20)\d{2}"
    text = mention.text.translate(WESTERN_DIGITS)  # "٢٠١٧" is a year too
    years = re.fullmatch(rf"(?:(?:between|from)\s+)?{year}(?:\s*(?:[-–]|and|to)\s*{year})?", text, re.IGNORECASE)
    return years is not None and not _UNIT_AHEAD.match(after)


def is_date(before: str, after: str, mention: Mention) -> bool:
    """'14 February', 'February 14', '14th of May', '14/02/2025', 'around 26 June': a day of a month."""
    day = re.search(r"(?:^|\s)([0-9]{1,2})$", mention.text.translate(WESTERN_DIGITS))  # "الأحد ٢٠ نيسان" too
    if not day or not 1 <= int(day.group(1)) <= 31:
        return False
    return (
        _ends(before, rf"\b{_MONTH}")
        or _starts(after, rf"(?:st|nd|rd|th)?\s*(?:of\s+)?{_MONTH}\b|/\d")
        or _starts(after, rf"(?:من\s+)?(?:شهر\s+)?(?:{_AR_MONTHS})(?!\w)")
    )


def is_one_as_a_word(before: str, after: str, mention: Mention) -> bool:
    """'one of those detained', 'in one of the largest hauls', 'in one case', 'visited one police lockup': 'one' that
    counts nothing an indicator measures (before a noun, it counts only a unit word: 'one trafficker')."""
    if mention.text.lower() != "one":
        return False
    if _starts(after, r"of\b|another\b") or _ends(before, r"\bin"):
        return True
    # "to match or exceed the last one.": a pronoun for a thing named before, ending its clause
    if _ends(before, r"\b(?:the|this|that|last|previous)") and not re.match(r"\s*\w", after):
        return True
    two_words = " ".join(after.split()[:2])
    return read_unit(two_words, False).unit_class is None and _starts(after, r"[a-z]") and not _starts(after, _LINK)


_LINK = r"(?:in|at|on|from|to|for|and|or|with|by|were|was|is|are|had|has|have|who|that|more|other)\b"


def is_law_number(before: str, after: str, mention: Mention) -> bool:
    """'Articles 32 and 39', 'Article 28', 'Law No. 50 of 2017', 'Resolution 12', 'paragraph 3'."""
    listed = r"(?:\d+\s*(?:,|and|or|&|to)\s*)*"
    words = (
        r"\b(?:articles?|art\.|paragraphs?|para\.|clauses?|sections?|items?|chapters?|no\.|nos\.|number|law|"
        r"resolutions?|decisions?|decrees?)"
    )
    arabic = r"(?:المادتين|المادتان|المادة|مادة|المواد|الفقرتين|الفقرة|فقرة|البند|رقم|القانون|قانون|القرار|قرار)"
    arabic_listed = r"(?:[0-9\u0660-\u0669]+\s*(?:،|,|و|أو)\s*)*"  # "المادتين 28 و32": the second number too
    return (
        _ends(before, words + r"\s*" + listed)
        or _ends(before, arabic + r"\s*(?:\(\s*)?" + arabic_listed)
        or _starts(after, r"لسنة")
    )


_AGE_LIMIT = re.compile(r"(?:under|over|below|above)\s+\d{1,2}$", re.IGNORECASE)
_PEOPLE_IN_GENERAL = r"\b(?:those|anyone|people|persons|children|minors|youths?|patients|users|applicants)"


def is_age(before: str, after: str, mention: Mention) -> bool:
    """'aged 25', 'ages 18 to 30', '25-year-old', '25 years old', 'a dealer, 29,'."""
    if _ends(before, r"\b(?:aged|age|ages|age of)") or _starts(after, r"[\s-]*years?[\s-]*old\b|years?\s+of\s+age\b"):
        return True
    # "ranged in age from 19 to 45", "users as young as 15"
    if _ends(before, r"\bin\s+age\s+(?:from|between)?|\bas\s+(?:young|old)\s+as"):
        return True
    # "those under 18 are not admitted", "anyone over 60": an age limit set for a group of people
    if _AGE_LIMIT.match(mention.text) and _ends(before, _PEOPLE_IN_GENERAL):
        return True
    # the second age of a pair: "aged 16 and 17", "ages 18 to 25"
    if _ends(before, r"\b(?:aged|ages?|age\s+of)\s+(?:between\s+)?\d{1,2}\s*(?:and|or|to|-|–)"):
        return True
    if _ends(before, r"(?:من\s+العمر|العمر|بعمر|عمره|عمرها)\s*") or _starts(after, r"(?:عاماً|عاما|سنة)\s+من\s+العمر"):
        return True
    # "يبلغ 41 عاماً" is an age; "وزنها يبلغ طنين" (it weighs two tonnes) or "يبلغ عددهم 500" is not.
    if _ends(before, r"يبلغ\s*") and _starts(after, r"\s*(?:عاماً|عاما|سنة|سنوات|أعوام)(?!\w)"):
        return True
    person = r"\b(?:man|woman|boy|girl|driver|suspect|dealer|trafficker|defendant|student|agent|[A-Z][a-z]+),"
    if _is_plain_integer(mention) and re.search(person + r"\s*$", before) is not None and _starts(after, ","):
        return True
    # "the youngest suspect arrested was 16.", "a courier who was just 17,": a person's age, closing its clause
    small = _is_plain_integer(mention) and int(mention.text.translate(WESTERN_DIGITS)) < 100
    if small and _ends(before, r"\b(?:youngest|oldest)\b[^.;]{0,60}\b(?:was|is)\s+(?:just|only|barely|aged)?"):
        return True  # "the youngest person detained this year was 17 and ...": the clause goes on, yet it is an age
    # "including one who was 16 at the time", "he was 17 when he was caught": an age when something happened
    if (
        small
        and _ends(before, r"\b(?:was|were|is)\s+(?:just|only|barely)?")
        and _starts(after, r"(?:at\s+the\s+time|when)\b")
    ):
        return True
    return small and _ends(before, r"\b(?:was|is)\s+(?:just|only|barely|aged)?") and _starts(after, r"[.,;]|$")


_ENGLISH_SPANS = r"-?(?:years?|months?|weeks?|days?|hours?|minutes?|decades?)\b"
_ARABIC_SPANS = (
    r"(?:عاماً|عاما|أعوام|سنة|سنوات|سنين|شهراً|شهرا|أشهر|اشهر|أسابيع|اسابيع|أسبوعاً|يوماً|يوما|أيام|ساعة|ساعات)(?!\w)"
)


def is_duration(before: str, after: str, mention: Mention) -> bool:
    """'20 years', 'six months', 'a three-year term', '45 days', and the first number of a span of them
    ('between 18 and 30 years', 'بين 3 و8 أسابيع')."""
    then = r"\s*(?:and|to|-|–|و|إلى|الى)\s*[0-9\u0660-\u0669]+\s*"
    return (
        _starts(after, _ENGLISH_SPANS)
        or _starts(after, _ARABIC_SPANS)
        or _starts(after, then + _ENGLISH_SPANS)
        or (_starts(after, then + _ARABIC_SPANS))
    )


def is_time(before: str, after: str, mention: Mention) -> bool:
    return _starts(after, r"(?:a\.?m\.?|p\.?m\.?|o'clock)(?!\w)")


def is_ordinal(before: str, after: str, mention: Mention) -> bool:
    """'3rd', '10th anniversary', 'ranked 5'."""
    return re.match(r"^(?:st|nd|rd|th)\b", after) is not None or _ends(before, r"\b(?:ranked|ranks|rank|number|no\.)")


# "0.2 percent of adult men said they had used ...", "was reported by 1.4 percent of adults": the share of a
# population that uses drugs (prevalence), the one percentage an indicator measures.
PREVALENCE_SHARE = re.compile(
    r"^\s*(?:%|٪|per\s*cent|percent)\s+of\s+(?:the\s+|all\s+)?(?:(?:adult|young|male|female|Iraqi|surveyed|school)\s+)*"
    r"(?:adults|men|women|respondents|population|students|youths?|young\s+people|people|Iraqis|participants"
    r"|interviewees|households|those\s+(?:surveyed|interviewed|asked))\b",
    re.IGNORECASE,
)
# (being "addicted to drugs" is using them: "10 percent of the population is now addicted")
_DRUG_USE = re.compile(
    r"\b(?:used?|using|misus\w*|abus\w*|took|taking|consum\w*|tried|smok\w*|addicted|dependent)\b", re.IGNORECASE
)


# "نسبة الإدمان بين الشباب ... قد تصل إلى 50 في المئة": Arabic names the share (نسبة) of addiction or use before
# the figure, which the percent sign follows.
_AR_USE_SHARE = re.compile(r"(?<!\w)(?:ب)?نسبة\s+(?:ال)?(?:إدمان|ادمان|تعاطي|مدمنين|متعاطين)(?!\w)[^.؟!]{0,80}$")
_PERCENT_AFTER = re.compile(r"^\s*(?:%|٪|بالمئة|بالمائة|في\s+المئة|في\s+المائة)")


def prevalence_share(before: str, after: str) -> bool:
    if _AR_USE_SHARE.search(before) and _PERCENT_AFTER.match(after):
        return True
    return bool(PREVALENCE_SHARE.match(after)) and bool(_DRUG_USE.search(before + after))


def is_percentage(before: str, after: str, mention: Mention) -> bool:
    if prevalence_share(before, after):
        return False
    return _starts(after, r"%|٪|per\s*cent\b|percent\b|بالمئة|بالمائة|في\s+المئة|في\s+المائة")


# "5 addicts per 1,000 people", "لكل ألف نسمة", "for every 100,000 inhabitants": the base of a rate, not a count.
_RATE_BASE = r"\bper|\bfor\s+every|\bout\s+of\s+every|(?<!\w)لكل"


def is_rate_base(before: str, after: str, mention: Mention) -> bool:
    return _ends(before, _RATE_BASE)


# "in two separate cases", "في قضيتين منفصلتين": the text numbering the events it reports, not a statistic.
_SEPARATE = r"(?:[\w-]+\s+)?(?:separate|different|distinct)\b|\S+\s+(?:منفصلة|منفصلتين|منفصلين)(?!\w)"


def is_events_told(before: str, after: str, mention: Mention) -> bool:
    return mention.parsed is not None and (mention.parsed.value or 0) < 10 and _starts(after, _SEPARATE)


def is_money(before: str, after: str, mention: Mention) -> bool:
    return (
        _ends(before, r"[$€£]|\bUS\$|\bIQD|\bUSD")
        or _starts(after, r"(?:us\s+)?(?:dollars|dinars|iqd|usd|euros)\b")
        or _starts(after, r"(?:دولار|دينار|يورو)")
    )


def is_temperature(before: str, after: str, mention: Mention) -> bool:
    """'an incinerator at 1,200 degrees', 'محرقة تصل حرارتها إلى 1200 درجة مئوية'."""
    return _starts(after, r"(?:°|degrees?\b|درجة|درجات)")


def is_distance(before: str, after: str, mention: Mention) -> bool:
    return _starts(after, r"(?:km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?)\b")


def is_name_or_code(before: str, after: str, mention: Mention) -> bool:
    """'COVID-19', 'F-16', 'Route 1': a number glued to a name."""
    return re.search(r"[A-Za-z]-$", before) is not None or _starts(after, r"-[A-Za-z]+\d")


def is_quoted_name(before: str, after: str, mention: Mention) -> bool:
    """'pills of the kind known as "01"', 'الحبوب المعروفة بـ"01"': a number in quotes names something."""
    return re.search(r"[\"“«]$", before) is not None and re.match(r"[\"”»]", after) is not None


def is_other_ward_size(before: str, after: str, mention: Mention) -> bool:
    """'a 25-bed psychiatric ward', 'a 400-bed general hospital': the size of one facility said in passing, which
    counts drug-treatment beds only when the facility treats drug use ('a 60-bed addiction centre')."""
    size = re.match(r"-beds?\s+((?:[\w-]+\s+){0,2}[\w-]+)", after, re.IGNORECASE)
    return (
        size is not None
        and re.search(r"\b(?:an?|one)\s+$", before, re.IGNORECASE) is not None
        and not re.search(r"addict\w*|rehab\w*|drug|detox\w*|treatment|recovery", size.group(1), re.IGNORECASE)
    )


# How much a place can take ("the cells hold about 40 detainees at a time", "room for 60 prisoners", "بسعة تصل إلى
# طنين يومياً"), not how much it holds or handled; a capacity in beds is the beds figure itself.
# (a treatment centre that "can hold" or has "a capacity of" so many patients gives its beds: engine.py reads those)
_CAPACITY = (
    r"\broom\s+for|\b(?:which|that)\s+(?:hold|holds|house|houses|accommodate|accommodates)"
    r"|(?<!\w)بسعة(?:\s+(?:تصل|تبلغ)\s+(?:إلى|الى))?"
)
_BEDS = r"(?:beds?\b|(?:ال)?(?:سرير|أسرة|اسرة)\w*)"


def is_capacity(before: str, after: str, mention: Mention) -> bool:
    return _ends(before, _CAPACITY) and not _starts(after, _BEDS)


# A rate, not a count: "an average of eight arrests a day", "بمعدل 20 متهماً يومياً" (the period's count is said
# elsewhere; the rate per day or week is no figure of its own).
_AVERAGE_BEFORE = r"\b(?:an\s+)?average\s+of\s+(?:about\s+|around\s+|nearly\s+|some\s+)?|(?<!\w)بمعدل\s+"
_PER_TIME_AFTER = (
    r"^\s*(?:[^\W\d]+\s+){0,2}?(?:(?:a|per|each|every)\s+(?:day|week|month)\b|daily\b|weekly\b)"
    r"|^\s*(?:\S+\s+){0,2}?(?:يومياً|يوميا|أسبوعياً|اسبوعيا|شهرياً|شهريا|في\s+اليوم)(?!\w)"
)


def is_average_rate(before: str, after: str, mention: Mention) -> bool:
    return _ends(before, _AVERAGE_BEFORE) and re.search(_PER_TIME_AFTER, after, re.IGNORECASE) is not None


# Order matters only for the reason given; any match means the number is not a figure.
TRAPS: list[tuple[str, _Rule]] = [
    ("a year", is_year),
    ("a day of a date", is_date),
    ("a law or article number", is_law_number),
    ("'one' used as a word, not a count", is_one_as_a_word),
    ("an age", is_age),
    ("a duration or sentence length", is_duration),
    ("a time of day", is_time),
    ("an ordinal or rank", is_ordinal),
    ("a percentage (not extracted)", is_percentage),
    ("a sum of money", is_money),
    ("the count of separate events the text tells of", is_events_told),
    ("the base of a rate ('per 1,000 people')", is_rate_base),
    ("a distance", is_distance),
    ("the size of a facility that does not treat drug use", is_other_ward_size),
    ("a temperature", is_temperature),
    ("a capacity, not a count", is_capacity),
    ("an average rate per day or week, not a count", is_average_rate),
    ("part of a name or code", is_name_or_code),
    ("a name in quotes", is_quoted_name),
]


def phone_spans(sentence: str) -> list[tuple[int, int]]:
    """Runs of digits, spaces and dashes holding nine or more digits, or any run after 'call', 'hotline' ..."""
    spans = [m.span() for m in _PHONE.finditer(sentence) if len(re.sub(r"\D", "", m.group())) >= 9]
    cues = (
        r"(?:\b(?:call|dial|hotline|helpline|phone|telephone|tel\.|whatsapp|(?:tip|help|counsell?ing)\s+line)\b"
        r"|الرقم\s+الساخن|الخط\s+الساخن|هاتف|الاتصال\s+(?:على|ب))"
    )
    # (any digit stops the gap: "الخط الساخن ١١٩" writes the number in Arabic-Indic digits)
    for cue in re.finditer(cues + r"[^\d+]{0,20}", sentence, re.IGNORECASE):
        number = re.match(r"\+?\d[\d \-]*\d|\d", sentence[cue.end() :])
        if number:
            spans.append((cue.end(), cue.end() + number.end()))
    return [
        span for span in sorted(set(spans)) if not any(o != span and o[0] <= span[0] and span[1] <= o[1] for o in spans)
    ]


def trap_reason(sentence: str, mention: Mention, periods: list[PeriodPhrase]) -> str | None:
    """Why this number is not a figure, or None when it may be one (phone numbers are found apart, by phone_spans)."""
    inside = [p for p in periods if p.start <= mention.start and mention.end <= p.end]
    if inside:
        return f"part of the period phrase '{inside[0].text}'"
    before, after = sentence[: mention.start], sentence[mention.end :]
    for reason, rule in TRAPS:
        if rule(before, after, mention):
            return reason
    return None
