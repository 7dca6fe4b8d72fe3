"""Find the period phrases of a sentence ("in 2024", "the first half of 2025", "since the start of the year",
"last year") and resolve them against the publication date.

Without a publication date, absolute phrases ("in 2024", "the first half of 2025") still resolve; a relative
one ("last year", "so far this year", "since 2023" up to an unknown day) is kept open and marked NEEDS_DATE, so
a person supplies the date instead of the extractor guessing it."""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from babel import Locale

from loaders.normalise.periods import MONTHS, parse_period_text
from loaders.normalise.values import WORD_NUMBERS

SAME_PERIOD = "same period"  # kind of a phrase that points back at the period stated before
THE_YEAR = "the year"  # "during the year": the year the text is about (else the year of publication to date)
YEAR_AFTER = "year after"  # "the following year": the year after the one the text stated
YEAR_BEFORE = "year before"  # "the year before": the year before the one the text is about (else before publication)
NEEDS_DATE = "needs_date"  # kind of a relative period read from an article whose publication date is unknown


@dataclass(frozen=True)
class Period:
    label: str  # written to the ledger's period column
    start: date | None
    end: date | None  # None only for NEEDS_DATE
    kind: str  # "explicit", "to_date", "since", "as_of", "same period", "default" or NEEDS_DATE


@dataclass(frozen=True)
class PeriodPhrase:
    start: int  # offsets in the sentence
    end: int
    text: str
    period: Period


# English month names as a regex alternation, longest first; short forms ("jan") only where a rule allows them.
MONTH_NAMES = "|".join(sorted((m for m in MONTHS if len(m) > 3 or m == "may"), key=len, reverse=True))
# Arabic-Indic and Persian digits as the Western ones the rules and Python read.
WESTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_MONTH = rf"({MONTH_NAMES})"
# "between Oct. 20 and Nov. 30": in a span, a month may be abbreviated with a full stop.
_SPAN_MONTH = (
    rf"({MONTH_NAMES}"
    r"|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?=\.))\.?"
)
_YEARISH = r"(\d{4}|this year|last year|the current year|the previous year|the year)"  # "the year": this one
_YEAR = r"((?:19|20)\d{2})"
_DAY = r"([1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?!\d)"
_Resolver = Callable[[re.Match, date], Period | None]


def _day(d: date) -> str:
    return f"{d.day} {d:%b %Y}"


def _year_of(words: str, published: date) -> int:
    words = words.lower()
    if words in ("last year", "the previous year"):
        return published.year - 1
    return published.year if not words[:1].isdigit() else int(words)


def _parsed(phrase: str) -> Period | None:
    parsed = parse_period_text(phrase)
    return Period(phrase, parsed[0], parsed[1], "explicit") if parsed else None


def _part_of_year(template: str, word: Callable[[str], str], year: Callable[[str, date], int]) -> _Resolver:
    """A resolver for 'first half of 2025' and its kin: the phrase's word ('first', 'الأول', 'ten') and its year
    words ('2025', 'this year', 'العام الماضي') go into an English phrase the period parser reads."""

    def resolve(m: re.Match, published: date) -> Period | None:
        return _parsed(template.format(word=word(m[1]), year=year(m[2], published)))

    return resolve


_half = _part_of_year("{word} half of {year}", str.lower, _year_of)
_quarter = _part_of_year("{word} quarter of {year}", str.lower, _year_of)
_first_months = _part_of_year("first {word} months of {year}", str.lower, _year_of)


def _short(m: re.Match, published: date) -> Period | None:
    return _parsed(f"{m[1].upper()} {m[2]}")


def _month_span(m: re.Match, published: date) -> Period | None:
    """'between January and August 2024', 'between 24 November 2023 and 12 July 2024', 'between January 23 and
    May 22 this year': a day may stand on either side of each month; without one, the month is whole."""
    day1, month1, day1b, year1, day2, month2, day2b, year2 = m.groups()
    end_year = _year_of(year2, published) if year2 else published.year
    first, last = MONTHS[month1.lower()], MONTHS[month2.lower()]
    start_year = int(year1) if year1 else end_year - (first > last)
    end_day = int(day2 or day2b or monthrange(end_year, last)[1])
    try:
        start, end = date(start_year, first, int(day1 or day1b or 1)), date(end_year, last, end_day)
    except ValueError:
        return None
    return Period(f"{_day(start)} to {_day(end)}", start, end, "explicit") if start <= end else None


def _to_date(m: re.Match, published: date) -> Period:
    return Period(f"{published.year} to date (to {_day(published)})", date(published.year, 1, 1), published, "to_date")


def _first_months_so_far(m: re.Match, published: date) -> Period | None:
    return _to_date(m, published) if int(m[1]) == published.year else None


def _since_year(m: re.Match, published: date) -> Period | None:
    start = date(int(m[2]), MONTHS[m[1].lower()] if m[1] else 1, 1)
    since = f"{start:%b} {m[2]}" if m[1] else m[2]
    return Period(f"since {since} (to {_day(published)})", start, published, "since") if start <= published else None


def _since_month(m: re.Match, published: date) -> Period:
    """'since the beginning of June': from the first of the last such month to publication."""
    number = MONTHS[m[1].lower()]
    start = date(published.year - (number > published.month), number, 1)
    return Period(f"since {start:%b %Y} (to {_day(published)})", start, published, "since")


def _last_year(m: re.Match, published: date) -> Period:
    year = published.year - 1
    return Period(f"{year} (last year)", date(year, 1, 1), date(year, 12, 31), "explicit")


def _month_ar(m: re.Match, published: date | None) -> Period | None:
    """'خلال شهر كانون الثاني من عام 2023', 'خلال شباط الماضي': one month; without a year, the last such month."""
    number = _AR_MONTH_NUMBERS[m[1]]
    if m[2]:
        year = int(m[2])
    elif published is None:
        return _needs_date(m[0])
    else:
        year = published.year - (number > published.month)
    return Period(
        f"{date(year, number, 1):%b %Y}",
        date(year, number, 1),
        date(year, number, monthrange(year, number)[1]),
        "explicit",
    )


def _year_before(m: re.Match, published: date | None) -> Period:
    """The year before publication's, until the text's own year is known (see of_the_texts_year)."""
    if published is None:
        return Period(m[0], None, None, YEAR_BEFORE)
    year = published.year - 1
    return Period(f"{year} (the year before)", date(year, 1, 1), date(year, 12, 31), YEAR_BEFORE)


def _year_after(m: re.Match, published: date | None) -> Period:
    """'The number dropped to 41 the following year': read against the year the text states (of_the_texts_year)."""
    return Period(m[0], None, None, YEAR_AFTER)


def of_the_texts_year(
    phrases: list[PeriodPhrase], text_year: Period | None, latest: Period | None = None
) -> list[PeriodPhrase]:
    """The sentence's phrases with 'the year before' and 'during the year' read against the year the sentence names,
    else the first year the text stated."""
    own = [p.period for p in phrases if p.period.kind == "explicit" and whole_year(p.period)]
    # "the following year" follows the year stated last ("91 in 2021. The number dropped to 41 the following year")
    after = latest if latest and whole_year(latest) else text_year
    return [_of_year(p, own[0] if own else (after if p.period.kind == YEAR_AFTER else text_year)) for p in phrases]


def _of_year(phrase: PeriodPhrase, stated: Period | None) -> PeriodPhrase:
    """'Nearly 700 kg in 2025 ... a sharp rise on the year before, when ... 444 kg': the year before the whole year
    the text stated, not before the year it was published in; 'during the year' is that year itself."""
    if phrase.period.kind not in (YEAR_BEFORE, THE_YEAR, YEAR_AFTER):
        return phrase
    if stated is None or not whole_year(stated):
        return phrase if phrase.period.end else replace(phrase, period=_needs_date(phrase.text))
    year = stated.start.year - (phrase.period.kind == YEAR_BEFORE) + (phrase.period.kind == YEAR_AFTER)
    label = f"{year} ('{phrase.text}', of the year the text states)"
    return replace(phrase, period=Period(label, date(year, 1, 1), date(year, 12, 31), "explicit"))


def _the_year(m: re.Match, published: date | None) -> Period:
    """'seized 6 tons during the year': the year of publication to date, until the text's own year is known."""
    if published is None:
        return Period(m[0], None, None, THE_YEAR)
    return Period(f"{published.year} to date (to {_day(published)})", date(published.year, 1, 1), published, THE_YEAR)


def _year_to_month(m: re.Match, published: date | None) -> Period | None:
    """'from 2019 to May 2024', 'عام 2019 وحتى أيار 2024': from the start of a year to the end of a month."""
    first, month, last = int(m[1]), m[2], int(m[3])
    number = MONTHS.get(month.lower()) or _AR_MONTH_NUMBERS.get(month)
    if number is None or first > last:
        return None
    end = date(last, number, monthrange(last, number)[1])
    return Period(f"{first} to {end:%b %Y}", date(first, 1, 1), end, "explicit")


def _month(m: re.Match, published: date) -> Period | None:
    month = MONTHS[m[1].lower()]
    year = int(m[2]) if m[2] else published.year - (month > published.month)
    return _parsed(f"{m[1].capitalize()} {year}")


def _as_of(m: re.Match, published: date) -> Period | None:
    month = m[1].lower() if m[1] else "dec"
    parsed = parse_period_text(f"as of {month} {m[2]}")
    return Period(f"as of {_day(parsed[1])}", None, parsed[1], "as_of") if parsed else None


def _years(m: re.Match, published: date) -> Period | None:
    first, last = [group for group in m.groups() if group]
    return _parsed(f"{first}-{last}")


def _year(m: re.Match, published: date) -> Period | None:
    (year,) = [group for group in m.groups() if group]
    return _parsed(year)


def _past_week(m: re.Match, published: date) -> Period:
    return Period(f"week to {_day(published)}", published - timedelta(days=7), published, "explicit")


def _last_month(m: re.Match, published: date) -> Period | None:
    last = published.replace(day=1) - timedelta(days=1)
    return _parsed(f"{last:%b %Y}")


def _this_month(m: re.Match, published: date) -> Period:
    return Period(f"{published:%b %Y} to date (to {_day(published)})", published.replace(day=1), published, "to_date")


def _same_period(m: re.Match, published: date) -> Period:
    return Period(SAME_PERIOD, None, published, SAME_PERIOD)


# Arabic: ordinals and counts as the phrases use them, and the ways a year is named.
_AR_ORDINAL = {"الأول": "first", "الاول": "first", "الثاني": "second", "الثالث": "third", "الرابع": "fourth"}
_AR_COUNT = {
    "الثلاثة": "three",
    "ثلاثة": "three",
    "الأربعة": "four",
    "أربعة": "four",
    "الخمسة": "five",
    "خمسة": "five",
    "الستة": "six",
    "ستة": "six",
    "السبعة": "seven",
    "سبعة": "seven",
    "الثمانية": "eight",
    "ثمانية": "eight",
    "التسعة": "nine",
    "تسعة": "nine",
    "العشرة": "ten",
    "عشرة": "ten",
    "الأحد عشر": "eleven",
    "الاحد عشر": "eleven",
    "أحد عشر": "eleven",
}
_AR_NUMBER = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11}
_AR_P = r"(?<!\w)(?:و|ف)?"  # a phrase may carry "and" or "so" glued to its first word
_AR_YEARISH = r"(?:من\s+)?(?:(?:عام|سنة)\s+)?((?:19|20)\d{2}|العام\s+(?:الحالي|الجاري)|هذا\s+العام|العام\s+الماضي)"


def _ar_year(words: str, published: date) -> int:
    if words[:1].isdigit():
        return int(words)
    return published.year - 1 if "الماضي" in words else published.year


_half_ar = _part_of_year("{word} half of {year}", _AR_ORDINAL.__getitem__, _ar_year)
_quarter_ar = _part_of_year("{word} quarter of {year}", _AR_ORDINAL.__getitem__, _ar_year)
_first_months_ar = _part_of_year("first {word} months of {year}", _AR_COUNT.__getitem__, _ar_year)


def _since_year_ar(m: re.Match, published: date) -> Period | None:
    """'منذ مطلع عام 2023', 'منذ منتصف عام 2023' (since mid-2023: from 1 June)."""
    start = date(int(m[2]), 6 if m[1] == "منتصف" else 1, 1)
    label = f"since {'mid-' if m[1] == 'منتصف' else ''}{m[2]} (to {_day(published)})"
    return Period(label, start, published, "since") if start <= published else None


def _past_months(months: int, published: date) -> Period:
    """'The past three months' to 4 May: from 1 Feb, the month start nearest the day three months back (as the
    annotated texts read it: six months to 26 June start on 1 January).

    Said late in a month, as many months as have ended this year ("the past 11 months" on 25 December) are those
    whole months: January to the end of the month before."""
    if months == published.month - 1 and published.day > 15:
        end = published.replace(day=1) - timedelta(days=1)
        return Period(f"{months} months to {_day(end)}", date(published.year, 1, 1), end, "explicit")
    total = published.year * 12 + published.month - 1 - months + (published.day > 15)
    start = date(total // 12, total % 12 + 1, 1)
    return Period(f"{months} months to {_day(published)}", start, published, "explicit")


def _past_days(days: int, published: date) -> Period:
    """'The past three days' to 22 Feb: 20 to 22 Feb, the day of publication being the last of them."""
    return Period(f"{days} days to {_day(published)}", published - timedelta(days=days - 1), published, "explicit")


def _past_months_ar(m: re.Match, published: date) -> Period:
    months = _AR_NUMBER[_AR_COUNT[" ".join(m[1].split())]]
    # "الأشهر الخمسة الماضية من العام الحالي" in June: this year's months that have ended, January to May
    if m[2] and months == published.month - 1:
        end = published.replace(day=1) - timedelta(days=1)
        return Period(f"{months} months to {_day(end)}", date(published.year, 1, 1), end, "explicit")
    return _past_months(months, published)


def _past_two_years_ar(m: re.Match, published: date) -> Period:
    return Period(f"2 years to {_day(published)}, start not stated", None, published, "explicit")


def _past_days_ar(m: re.Match, published: date) -> Period:
    return _past_days(_AR_NUMBER[_AR_COUNT[m[1]]], published)


def _past_span(m: re.Match, published: date) -> Period | None:
    """'over the past three months', 'in the last 10 days'."""
    count = int(m[1]) if m[1].isdigit() else WORD_NUMBERS.get(m[1].lower())
    if not count:
        return None
    if m[2].lower() == "years":  # "over the past two years": a running total to publication, its start vague
        return Period(f"{count} years to {_day(published)}, start not stated", None, published, "explicit")
    return _past_months(count, published) if m[2].lower().startswith("month") else _past_days(count, published)


def _arabic_month_numbers() -> dict[str, int]:
    """Month names as Arabic news write them, from CLDR (Babel): Iraq's Syriac names (كانون الثاني … كانون الأول,
    locale ar_IQ) and the Egyptian and Gulf ones (يناير … ديسمبر, ar_EG), each also without the hamza outlets often
    drop (ايلول، تشرين الاول). dateparser was tried first: its Arabic data (1.5.0) knows only يناير … ديسمبر."""
    names: dict[str, int] = {}
    for locale in ("ar_IQ", "ar_EG"):
        for number, name in Locale.parse(locale).months["format"]["wide"].items():
            names[name] = names[_without_hamza(name)] = number
    return names


def _without_hamza(text: str) -> str:
    return text.translate(str.maketrans("أإآ", "ااا"))


_AR_MONTH_NUMBERS = _arabic_month_numbers()
AR_MONTH_NUMBERS = _AR_MONTH_NUMBERS  # Arabic month names (both calendars' spellings) by number, for other modules
_AR_MONTH = "(" + "|".join(sorted(_AR_MONTH_NUMBERS, key=len, reverse=True)) + ")"
_AR_THIS = r"(?:\s+(?:الماضي|الجاري|الحالي|المنصرم|من\s+العام\s+(?:الماضي|الجاري|الحالي)))?"
_AR_PART_OF_YEAR = {  # the day a part of a year ends on, and its name in the ledger's period column
    "مطلع": (1, 31, "start of"),
    "بداية": (1, 31, "start of"),
    "منتصف": (6, 30, "mid"),
    "نهاية": (12, 31, "end of"),
    "أواخر": (12, 31, "end of"),
}


def _arabic_day_ordinals() -> dict[str, int]:
    """Days of a month as ordinal words ("الثاني من كانون الثاني", "الثلاثين من أيار"): 1 to 31."""
    units = ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"]
    days = {word: n for n, word in enumerate(units, 1)} | {"الاول": 1, "العاشر": 10, "الحادي عشر": 11}
    days |= {f"{word} عشر": n + 10 for n, word in enumerate(units, 1) if n > 1}
    for tens, word in ((20, "العشرين"), (30, "الثلاثين")):
        days[word] = tens
        days |= {f"{unit} و{word}": tens + n for n, unit in enumerate(["الحادي", *units[1:]], 1) if tens + n <= 31}
    return days


_AR_DAYS = _arabic_day_ordinals()
_AR_DAY = r"(\d{1,2}|" + "|".join(sorted(_AR_DAYS, key=len, reverse=True)) + ")"


def _ar_day(word: str | None) -> int | None:
    return None if word is None else (int(word) if word.isdigit() else _AR_DAYS[word])


def _month_span_ar(m: re.Match, published: date) -> Period | None:
    """'من الثاني من كانون الثاني ولغاية الثلاثين من أيار 2023': from a day (or the first) of one month to a day (or
    the end) of another."""
    first_day, first, first_year, day, last, last_year = m.groups()
    last_month = _AR_MONTH_NUMBERS[last]
    # "منذ الأول من كانون الثاني 2020 ولغاية منتصف أيلول الماضي": the end month follows the start the text dates
    rolled = _AR_MONTH_NUMBERS[first] > last_month
    end_year = int(last_year) if last_year else int(first_year) + rolled if first_year else published.year
    start_year = int(first_year) if first_year else end_year - rolled
    # (a span "to mid-September" is recorded to the end of that month, as the ledger records it)
    end = date(end_year, last_month, _ar_day(day) or monthrange(end_year, last_month)[1])
    start = date(start_year, _AR_MONTH_NUMBERS[first], _ar_day(first_day) or 1)
    return Period(f"{_day(start)} to {_day(end)}", start, end, "explicit") if start <= end else None


def _year_part_span_ar(m: re.Match, published: date) -> Period | None:
    """'منذ مطلع عام 2023 وحتى منتصف عام 2025': from a part of one year to a part of another."""
    start_year, part, end_year = int(m[1]), m[2], int(m[3])
    month, day, name = _AR_PART_OF_YEAR[part]
    start, end = date(start_year, 1, 1), date(end_year, month, day)
    return Period(f"{start_year} to {name} {end_year} ({_day(end)})", start, end, "explicit") if start <= end else None


def _year_start_to_month_ar(m: re.Match, published: date) -> Period | None:
    """'منذ مطلع العام الحالي وحتى نهاية شهر تموز الماضي': from 1 January of the year of publication to the end
    (or the middle, منتصف) of the month named."""
    number = _AR_MONTH_NUMBERS[m[2]]
    year = published.year
    day = 15 if m[1] == "منتصف" else monthrange(year, number)[1]
    start, end = date(year, 1, 1), min(date(year, number, day), published)
    return Period(f"{year} to {_day(end)}", start, end, "explicit")


def _since_month_ar(m: re.Match, published: date) -> Period | None:
    """'منذ شهر نيسان الماضي': from the first of the last such month (or of the year given) to publication."""
    number = _AR_MONTH_NUMBERS[m[1]]
    year = int(m[2]) if m[2] else published.year - (number > published.month)
    start = date(year, number, 1)
    return (
        Period(f"since {start:%b %Y} (to {_day(published)})", start, published, "since") if start <= published else None
    )


def _as_of_month_ar(m: re.Match, published: date) -> Period | None:
    """'حتى شهر شباط 2020', 'حتى نهاية شهر أيار الماضي': a count at the end of that month."""
    number = _AR_MONTH_NUMBERS[m[1]]
    year = int(m[2]) if m[2] else published.year - (number > published.month)
    end = date(year, number, monthrange(year, number)[1])
    return Period(f"as of {_day(end)}", None, end, "as_of")


def _day_ar(m: re.Match, published: date | None) -> Period | None:
    """'في الثالث عشر من حزيران الجاري', 'في الحادي والثلاثين من آب 2015': one day; without a year, the last such
    month's."""
    number = _AR_MONTH_NUMBERS[m[2]]
    if m[3]:
        year = int(m[3])
    elif published is None:
        return _needs_date(m[0])
    else:
        year = published.year - (number > published.month)
    day = _ar_day(m[1])
    if day is None or day > monthrange(year, number)[1]:
        return None
    when = date(year, number, day)
    return Period(_day(when), when, when, "explicit") if published is None or when <= published else None


_AR_YEAR_LIST = r"((?:19|20)\d{2})(?:\s*[،,]?\s*و?\s*(?:19|20)\d{2})*\s*[،,]?\s*و\s*((?:19|20)\d{2})"

_AR_PHRASES: list[tuple[str, _Resolver]] = [
    (
        rf"{_AR_P}(?:منذ|من)\s+(?:مطلع|بداية)\s+(?:العام|السنة|هذا\s+العام)(?:\s+(?:الحالي|الجاري|الحالية))?\s+"
        rf"(?:وحتى|ولغاية|حتى|إلى|الى|لغاية)\s+(?:(نهاية|منتصف)\s+)?(?:شهر\s+)?{_AR_MONTH}"
        r"(?:\s+(?:الماضي|الجاري|الحالي|المنصرم))?",
        _year_start_to_month_ar,
    ),
    # "خلال الأعوام ٢٠٢٣ و٢٠٢٤ و٢٠٢٥": the years listed, as one span.
    (rf"{_AR_P}(?:(?:خلال|في)\s+)?(?:الأعوام|الاعوام|السنوات|أعوام|سنوات)\s+{_AR_YEAR_LIST}", _years),
    (
        rf"{_AR_P}(?:(?:للمدة|خلال\s+المدة|في\s+المدة|للفترة|خلال\s+الفترة)\s+)?(?:من|منذ)\s+"
        rf"(?:{_AR_DAY}\s+من\s+|مطلع\s+|بداية\s+)?(?:شهر\s+)?{_AR_MONTH}(?:\s+((?:19|20)\d{{2}}))?{_AR_THIS}"
        rf"\s+(?:وحتى|ولغاية|حتى|إلى|الى|لغاية)\s+(?:{_AR_DAY}\s+(?:من\s+)?|نهاية\s+|آخر\s+|منتصف\s+)?(?:شهر\s+)?{_AR_MONTH}"
        # "... حتى الثلاثين من أيار من عام 2023": the year may follow as "of the year"
        rf"(?:\s+(?:من\s+)?(?:عام\s+|سنة\s+)?((?:19|20)\d{{2}}))?{_AR_THIS}",
        _month_span_ar,
    ),
    (
        rf"{_AR_P}(?:منذ|من)\s+(?:مطلع|بداية)\s+(?:عام\s+)?((?:19|20)\d{{2}})\s+(?:وحتى|ولغاية|حتى|إلى|الى)\s+"
        rf"(مطلع|بداية|منتصف|نهاية|أواخر)\s+(?:عام\s+)?((?:19|20)\d{{2}})",
        _year_part_span_ar,
    ),
    (rf"{_AR_P}(?:خلال\s+|في\s+)?النصف\s+(الأول|الاول|الثاني)\s+{_AR_YEARISH}", _half_ar),
    (rf"{_AR_P}(?:خلال\s+|في\s+)?الربع\s+(الأول|الاول|الثاني|الثالث|الرابع)\s+{_AR_YEARISH}", _quarter_ar),
    (rf"{_AR_P}(?:خلال\s+)?الأشهر\s+(\S+)\s+الأولى\s+{_AR_YEARISH}", _first_months_ar),
    (
        rf"{_AR_P}(?:خلال\s+)?(?:ال)?أشهر\s+(الثلاثة|الأربعة|الخمسة|الستة|السبعة|الثمانية|التسعة|العشرة|ال[أا]حد\s+عشر)"
        r"\s+(?:الماضية|الأخيرة)(\s+من\s+(?:العام|السنة|هذا\s+العام)(?:\s+(?:الحالي|الجاري|الحالية))?)?",
        _past_months_ar,
    ),
    # "خلال العامين الماضيين": a running total to publication whose start is not stated (as "the past two years")
    (rf"{_AR_P}(?:خلال\s+|في\s+)?(?:ال)?(?:عامين|سنتين)\s+(?:الماضيين|الأخيرين|المنصرمين)", _past_two_years_ar),
    # "في عامي 2021 و2022": both years, as one span
    (rf"{_AR_P}(?:خلال\s+|في\s+)?(?:عامي|سنتي)\s+((?:19|20)\d{{2}})\s+و\s*((?:19|20)\d{{2}})", _years),
    (
        rf"{_AR_P}(?:خلال\s+)?(?:ال)?أيام\s+(الثلاثة|الأربعة|الخمسة|الستة|السبعة|العشرة)\s+(?:الماضية|الأخيرة)",
        _past_days_ar,
    ),
    (
        rf"{_AR_P}(?:منذ\s+(?:بداية|مطلع)\s+(?:العام|هذا\s+العام|السنة)(?:\s+(?:الحالي|الجاري|الحالية))?"
        rf"|(?:خلال|في)\s+(?:العام|السنة)\s+(?:الحالي|الجاري|الحالية)|(?:خلال\s+)?هذا\s+العام)",
        _to_date,
    ),
    (
        rf"{_AR_P}(?:(?:منذ|من)\s+)?(?:في\s+)?(?:عام\s+)?((?:19|20)\d{{2}})\s+(?:وحتى|ولغاية|حتى|إلى|الى|لغاية)\s+"
        rf"(?:نهاية\s+)?(?:شهر\s+)?{_AR_MONTH}\s+(?:من\s+)?(?:عام\s+)?((?:19|20)\d{{2}})",
        _year_to_month,
    ),
    (rf"{_AR_P}منذ\s+(?:(بداية|مطلع|منتصف)\s+)?(?:عام\s+|العام\s+)?((?:19|20)\d{{2}})", _since_year_ar),
    (
        rf"{_AR_P}منذ\s+(?:(?:مطلع|بداية)\s+)?(?:شهر\s+)?{_AR_MONTH}(?:\s+(?:من\s+)?(?:عام\s+)?((?:19|20)\d{{2}}))?"
        r"(?:\s+(?:الماضي|المنصرم))?",
        _since_month_ar,
    ),
    (
        rf"{_AR_P}(?:حتى|لغاية)\s+(?:نهاية\s+)?(?:شهر\s+)?{_AR_MONTH}(?:\s+(?:من\s+)?(?:عام\s+)?((?:19|20)\d{{2}}))?"
        r"(?:\s+(?:الماضي|المنصرم))?",
        _as_of_month_ar,
    ),
    # a day written as an ordinal of its month ("في الثالث عشر من حزيران"): the date an event or statement is of
    (
        rf"{_AR_P}في\s+{_AR_DAY}\s+من\s+(?:شهر\s+)?{_AR_MONTH}(?:\s+(?:من\s+)?(?:عام\s+)?((?:19|20)\d{{2}}))?{_AR_THIS}",
        _day_ar,
    ),
    (rf"{_AR_P}(?:(?:خلال|في|منذ\s+بداية)\s+)?(?:الشهر\s+(?:الجاري|الحالي)|هذا\s+الشهر)", _this_month),
    # "خلال العام الماضي 2018": the year written after "last year" says which one, whatever the publication date
    (
        rf"{_AR_P}(?:خلال\s+|في\s+)?(?:العام|السنة)\s+(?:الماضي|الماضية|المنصرم|المنصرمة|السابق)\s+((?:19|20)\d{{2}})",
        _year,
    ),
    # "العام السابق" (the previous year) is the year before the one the text states, as "the year before" is;
    # "العام الماضي" (last year) is the year before publication's
    (
        rf"{_AR_P}(?:خلال\s+|في\s+)?(?:العام\s+السابق|السنة\s+السابقة|العام\s+الذي\s+سبقه|السنة\s+التي\s+سبقتها)",
        _year_before,
    ),
    (rf"{_AR_P}(?:خلال\s+|في\s+)?(?:العام|السنة)\s+(?:الماضي|الماضية|المنصرم|المنصرمة)", _last_year),
    (
        rf"{_AR_P}(?:خلال|في|طيلة|طوال)\s+(?:شهر\s+)?{_AR_MONTH}(?:\s+(?:من\s+)?(?:عام\s+|العام\s+)?((?:19|20)\d{{2}}))?"
        r"(?:\s+(?:الماضي|الجاري|الحالي|المنصرم))?(?!\s*\d)",
        _month_ar,
    ),
    (
        rf"{_AR_P}(?:من|بين)\s+(?:عام\s+|عامي\s+)?((?:19|20)\d{{2}})\s+(?:إلى|الى|و|ولغاية|وحتى|حتى)\s*(?:عام\s+)?((?:19|20)\d{{2}})",
        _years,
    ),
    (rf"{_AR_P}(?:(?:خلال|في|طيلة|طوال)\s+)?(?:عام|العام|سنة)\s+((?:19|20)\d{{2}})", _year),
    (
        rf"{_AR_P}(?:(?:خلال|في|للمدة|ضمن)\s+)?(?:(?:المدة|الفترة|(?:ال)?أشهر\s+\S+|العام|السنة)\s+(?:نفسها|ذاتها|نفسه|ذاته)"
        rf"|(?:تلك|هذه)\s+(?:المدة|الفترة)|الشهر\s+(?:المذكور|نفسه|ذاته))",
        _same_period,
    ),
]

# Longer, more specific phrases first: where two overlap, the one listed first wins.
_PHRASES: list[tuple[str, _Resolver]] = [
    *_AR_PHRASES,
    (rf"(?:the\s+)?(first|second)\s+half\s+of\s+{_YEARISH}", _half),
    (rf"\b(H[12]|Q[1-4])\s+{_YEAR}\b", _short),
    (rf"(?:the\s+)?(first|second|third|fourth|last)\s+quarter\s+of\s+{_YEARISH}", _quarter),
    (rf"(?:the\s+)?first\s+(\w+)\s+months\s+of\s+{_YEARISH}", _first_months),
    (
        rf"(?:between|from)\s+(?:{_DAY}\s+)?{_SPAN_MONTH}(?:\s+{_DAY})?(?:,?\s+{_YEAR})?,?\s+(?:and|to|until|through)\s+"
        rf"(?:the\s+end\s+of\s+)?(?:{_DAY}\s+)?{_SPAN_MONTH}(?:\s+{_DAY})?(?:,?\s+{_YEARISH})?",
        _month_span,
    ),
    (
        r"since\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+year|(?:so\s+far|to\s+date)\s+this\s+year"
        r"|this\s+year(?:\s+so\s+far|\s+to\s+date)?|since\s+january(?!\s+\d)|(?:in\s+)?the\s+current\s+year",
        _to_date,
    ),
    (rf"since\s+(?:the\s+(?:start|beginning)\s+of\s+)?(?:{_MONTH}\s+)?{_YEAR}", _since_year),
    (rf"since\s+(?:the\s+(?:start|beginning)\s+of\s+)?{_MONTH}\b(?!\s*,?\s*\d)", _since_month),
    (r"last\s+year", _last_year),
    (
        r"the\s+(?:following|next|subsequent)\s+year|a\s+year\s+later"
        r"|(?:العام|السنة|عام)\s+(?:التالي|التالية|الذي\s+تلاه|التي\s+تلتها)",
        _year_after,
    ),
    (r"the\s+(?:previous|preceding)\s+year|the\s+year\s+before(?!\s+(?:last|\d))|a\s+year\s+earlier", _year_before),
    # "over the twelve months" (no "past"): the year the text is about, as "during the year"
    (
        r"\b(?:during|over|throughout)\s+the\s+(?:whole\s+|entire\s+)?(?:year|twelve\s+months|12\s+months)\b"
        r"(?!\s+(?:before|earlier|\d))",
        _the_year,
    ),
    (
        rf"(?:between|from|since)\s+{_YEAR}\s+(?:and|to|until|through)\s+(?:the\s+end\s+of\s+)?{_MONTH}\s+{_YEAR}",
        _year_to_month,
    ),
    (r"(?:the\s+)?(?:past|last|previous)\s+(?:week|seven\s+days)|\bthe\s+week(?:'s|’s)|\bthis\s+week", _past_week),
    (r"(?:the\s+)?(?:past|last|previous)\s+(\d{1,2}|[a-z]+)\s+(months|days|years)\b", _past_span),
    (r"last\s+month|the\s+previous\s+month", _last_month),
    (r"this\s+month", _this_month),
    (rf"(?:as\s+of|by\s+the\s+end\s+of|at\s+the\s+end\s+of|until\s+the\s+end\s+of)\s+(?:{_MONTH}\s+)?{_YEAR}", _as_of),
    (rf"\b(?:in|during|for|throughout)\s+{_MONTH}(?:\s+{_YEAR})?\b(?!\s+\d{{1,2}}\b)", _month),
    (rf"(?:between|from)\s+{_YEAR}\s+(?:and|to)\s+{_YEAR}|\b{_YEAR}\s*[-–]\s*{_YEAR}\b", _years),
    (
        # "over the course of 2025"
        rf"(?:in|during|for|throughout|over)\s+(?:the\s+course\s+of\s+|the\s+(?:whole\s+|entire\s+|calendar\s+)?(?:year\s+|of\s+)?)?{_YEAR}\b"
        rf"|\b{_YEAR}(?=\s+(?:figures|statistics|data|totals?)\b)"
        # "compared with 2023, when 9,000 suspects were detained", "remains 2022, with 17,000 ...": the year a
        # clause after it gives the figure of
        rf"|\b{_YEAR}(?=,\s+(?:when|with)\s)",
        _year,
    ),
    # "in the first months of 2024 alone": the text's own year, from January to the day it was published
    (rf"(?:in\s+)?the\s+(?:first|opening|early)\s+months\s+of\s+{_YEAR}", _first_months_so_far),
    # "By 2021 the number of treated patients had reached 6,101": that year's count in a series of years
    (rf"\b[Bb]y\s+{_YEAR}\b(?=,?\s+(?:the|its|their)\s+(?:\w+\s+){{0,3}}?(?:number|count|total|figure)\b)", _year),
    (r"(?:during|over|in|for)\s+the\s+same\s+(?:period|time|months?|year|six\s+months)", _same_period),
]
_COMPILED = [(re.compile(pattern, re.IGNORECASE), resolve) for pattern, resolve in _PHRASES]


def _needs_date(phrase: str) -> Period:
    return Period(f"{phrase} (publication date unknown)", None, None, NEEDS_DATE)


def _resolve(resolve: _Resolver, match: re.Match, published: date | None) -> Period | None:
    """A resolver that reads the publication date fails on None: the phrase is relative, so it needs the date."""
    if published is not None:
        return resolve(match, published)
    try:
        return resolve(match, published)  # type: ignore[arg-type] - absolute phrases never read the date
    except (AttributeError, TypeError):
        return _needs_date(match[0])


def find_period_phrases(sentence: str, published: date | None) -> list[PeriodPhrase]:
    """Every period phrase of the sentence, without overlaps, in reading order."""
    found: list[tuple[int, int, PeriodPhrase]] = []
    # "عام ٢٠١٨" is "عام 2018": Arabic-Indic digits are folded one for one, so offsets stay the sentence's.
    western = sentence.translate(WESTERN_DIGITS)
    for rank, (pattern, resolve) in enumerate(_COMPILED):
        for match in pattern.finditer(western):
            period = _resolve(resolve, match, published)
            if period is not None:
                phrase = PeriodPhrase(match.start(), match.end(), sentence[match.start() : match.end()], period)
                found.append((rank, match.start(), phrase))
    kept: list[PeriodPhrase] = []
    for _, _, phrase in sorted(found, key=lambda item: (item[0], item[1])):
        if all(phrase.end <= other.start or phrase.start >= other.end for other in kept):
            kept.append(phrase)
    return _anchored(sorted(kept, key=lambda p: p.start))


_RELATIVE_YEAR = re.compile(
    r"\b(?:last|this|the\s+current|the\s+previous)\s+year\b|(?:العام|السنة)\s+(?:الماضي|الماضية|المنصرم|الحالي|الجاري)",
    re.IGNORECASE,
)


def _anchored(phrases: list[PeriodPhrase]) -> list[PeriodPhrase]:
    """An undated text's "last year" in a sentence about one named year ("حصيلة عام 2018 ... خلال العام الماضي") is
    that year: the sentence names the year its figures are for, so the phrase need not wait for a date."""
    years = {(p.period.start, p.period.end) for p in phrases if p.period.kind == "explicit" and whole_year(p.period)}
    if len(years) != 1:
        return phrases
    ((start, end),) = years
    return [
        replace(p, period=Period(f"{start.year} ('{p.text}', the year the sentence names)", start, end, "explicit"))
        if p.period.kind == NEEDS_DATE and _RELATIVE_YEAR.search(p.text)
        else p
        for p in phrases
    ]


def whole_year(period: Period) -> bool:
    start, end = period.start, period.end
    return bool(start and end and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31))


def default_period(kind: str, published: date | None) -> Period:
    """No period stated: a stock is as of the publication date, a flow runs to it from an unstated start."""
    if published is None:
        return _needs_date("not stated")
    day = _day(published)
    if kind == "stock":
        return Period(f"as of publication ({day})", None, published, "default")
    if kind == "event":
        return Period(f"announced {day} (publication date)", None, published, "default")
    return Period(f"cumulative to publication ({day}), start not stated", None, published, "default")
