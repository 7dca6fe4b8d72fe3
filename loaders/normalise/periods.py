"""Reference periods: partial ISO dates, period phrases ("H1 2025", "first ten months of 2023") and granularity."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from loaders.errors import InputError
from loaders.normalise.values import WORD_NUMBERS

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
_MONTH = r"(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4}
# "first ten months of 2023": the number words loaders.normalise.values reads, two to eleven.
_COUNT_WORDS = {word: n for word, n in WORD_NUMBERS.items() if 2 <= n <= 11}
_SHORT_MONTH = [""] + [calendar.month_abbr[i] for i in range(1, 13)]


@lru_cache(maxsize=65536)
def parse_partial_date(text: str, *, end: bool) -> date:
    """'2024' / '2024-08' / '2024-08-27' -> a date; a year or month means its first day, or its last if end."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text.strip())
    if not match:
        raise InputError(f"date {text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = int(match[1]), match[2], match[3]
    try:
        if day:
            return date(year, int(month), int(day))
        if month:
            return _month_end(year, int(month)) if end else date(year, int(month), 1)
        return date(year, 12, 31) if end else date(year, 1, 1)
    except ValueError:
        raise InputError(f"date {text!r} does not exist") from None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


@lru_cache(maxsize=65536)
def parse_period_text(text: str) -> tuple[date | None, date] | None:
    """Parse the common ways sources state a period; None when the phrase is not one of them."""
    phrase = " ".join(text.lower().replace("–", "-").replace("—", "-").split())
    phrase = re.sub(r"^(cy|calendar year|in|during|the year|year)\s+", "", phrase)
    for parser in (_iso_range, _year, _half, _quarter, _first_months, _month_span, _day_span, _as_of, _years):
        parsed = parser(phrase)
        if parsed:
            return parsed
    return None


def _iso_range(p: str) -> tuple[date, date] | None:
    m = re.fullmatch(r"(\d{4}(?:-\d{2}){0,2})\s*/\s*(\d{4}(?:-\d{2}){0,2})", p)
    return (parse_partial_date(m[1], end=False), parse_partial_date(m[2], end=True)) if m else None


def _year(p: str) -> tuple[date, date] | None:
    m = re.fullmatch(r"(\d{4})", p)
    return (date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)) if m else None


def _years(p: str) -> tuple[date, date] | None:
    m = re.fullmatch(r"(\d{4})\s*-\s*(\d{4})", p)
    return (date(int(m[1]), 1, 1), date(int(m[2]), 12, 31)) if m and m[2] > m[1] else None


def _half(p: str) -> tuple[date, date] | None:
    m = re.fullmatch(r"(?:h([12])|([12])h|(first|second) half(?: of)?) (\d{4})", p)
    if not m:
        return None
    half = int(m[1] or m[2] or (1 if m[3] == "first" else 2))
    year = int(m[4])
    return (date(year, 1, 1), date(year, 6, 30)) if half == 1 else (date(year, 7, 1), date(year, 12, 31))


def _quarter(p: str) -> tuple[date, date] | None:
    m = re.fullmatch(r"(?:q([1-4])|(first|second|third|fourth|last) quarter(?: of)?) (\d{4})", p)
    if not m:
        return None
    quarter, year = int(m[1] or _ORDINAL[m[2]]), int(m[3])
    return date(year, 3 * quarter - 2, 1), _month_end(year, 3 * quarter)


def _first_months(p: str) -> tuple[date, date] | None:
    m = re.fullmatch(r"(?:the )?first (\d{1,2}|\w+) months(?: of)? (\d{4})", p)
    if not m:
        return None
    count = int(m[1]) if m[1].isdigit() else _COUNT_WORDS.get(m[1])
    if not count or not 1 <= count <= 12:
        return None
    return date(int(m[2]), 1, 1), _month_end(int(m[2]), count)


def _month_span(p: str) -> tuple[date, date] | None:
    m = re.fullmatch(rf"{_MONTH}(?: (\d{{4}}))?(?:\s*(?:-|to)\s*{_MONTH})? (\d{{4}})", p)
    if not m:
        return None
    first, first_year, last, year = MONTHS[m[1]], m[2], m[3], int(m[4])
    start_year = int(first_year) if first_year else year
    last_month = MONTHS[last] if last else first
    return date(start_year, first, 1), _month_end(year, last_month)


def _day_span(p: str) -> tuple[date, date] | None:
    m = re.fullmatch(rf"(\d{{1,2}}) {_MONTH}(?: (\d{{4}}))?\s*(?:-|to)\s*(\d{{1,2}}) {_MONTH} (\d{{4}})", p)
    if not m:
        return None
    end = _safe_date(int(m[6]), MONTHS[m[5]], int(m[4]))
    start = _safe_date(int(m[3]) if m[3] else end.year, MONTHS[m[2]], int(m[1]))
    return start, end


def _as_of(p: str) -> tuple[None, date] | None:
    m = re.fullmatch(rf"as of (?:(\d{{1,2}}) )?{_MONTH} (\d{{4}})", p)
    if m:
        month, year = MONTHS[m[2]], int(m[3])
        return None, _safe_date(year, month, int(m[1])) if m[1] else _month_end(year, month)
    m = re.fullmatch(r"as of (\d{4}(?:-\d{2}){0,2})", p)
    return (None, parse_partial_date(m[1], end=True)) if m else None


def _safe_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise InputError(f"date {day} {_SHORT_MONTH[month]} {year} does not exist") from None


@dataclass(frozen=True)
class PeriodShape:
    granularity: str
    label: str
    year: int | None
    is_full_year: bool


@lru_cache(maxsize=65536)
def date_precision(text: str) -> str:
    """How precisely a date or period phrase names its end: 'year', 'month' or 'day'."""
    lowered = text.lower()
    if re.search(r"\d{4}-\d{2}-\d{2}|\b\d{1,2} " + _MONTH, lowered):
        return "day"
    if re.search(r"\d{4}-\d{2}|" + _MONTH, lowered):
        return "month"
    return "year"


TO_DATE_WORDS = r"current year|this year|from start|to date|so far|thus far|late in the year|up to|at time of statement"
CUMULATIVE_WORDS = r"cumulative|since"


@lru_cache(maxsize=65536)
def describe_period(
    start: date | None,
    end: date,
    kind: str,
    cumulative_hint: bool = False,
    end_precision: str = "day",
    to_date_hint: bool = False,
) -> PeriodShape:
    """Classify a period so charts never show a partial period as a full year.

    A year-to-date figure from a statement whose date is unknown is entered up to the end of the year,
    and the period text says so ("this year", "so far"); it is then 'to_date', never a full year.
    """
    if start is not None and to_date_hint and start.year == end.year:
        label = (
            f"{start.year} to date (end not stated)"
            if (end.month, end.day) == (12, 31)
            else _span_label(start, end, False)
        )
        return PeriodShape("to_date", label, start.year, False)
    if start is None:
        end_label = {"year": str(end.year), "month": _month_label(end)}.get(end_precision) or _day_label(end)
        if kind == "event":  # A single operation reported on a date.
            return PeriodShape("as_of", f"reported {end_label}", None, False)
        label = f"as of {end_label}" if kind == "stock" else f"to {end_label} (start not stated)"
        return PeriodShape("as_of" if kind == "stock" else "cumulative", label, None, False)
    same_year = start.year == end.year
    year = start.year if same_year else None
    whole_months = start.day == 1 and end == _month_end(end.year, end.month)
    if kind == "stock" and start == end:
        return PeriodShape("as_of", f"as of {_day_label(end)}", None, False)
    if same_year and whole_months and not cumulative_hint:
        return _calendar_shape(start, end)
    if whole_months and start.month == 1 and end.month == 12 and not cumulative_hint:
        return PeriodShape("multi_year", f"{start.year}–{end.year}", None, False)
    granularity = "cumulative" if cumulative_hint else ("day" if start == end else "range")
    return PeriodShape(granularity, _span_label(start, end, whole_months), year, False)


def _calendar_shape(start: date, end: date) -> PeriodShape:
    months = end.month - start.month + 1
    year = start.year
    if months == 12:
        return PeriodShape("year", str(year), year, True)
    if months == 6 and start.month in (1, 7):
        return PeriodShape("half", f"H{1 if start.month == 1 else 2} {year}", year, False)
    if months == 3 and start.month in (1, 4, 7, 10):
        return PeriodShape("quarter", f"Q{(start.month + 2) // 3} {year}", year, False)
    if months == 1:
        return PeriodShape("month", f"{_SHORT_MONTH[start.month]} {year}", year, False)
    return PeriodShape("range", f"{_SHORT_MONTH[start.month]}–{_SHORT_MONTH[end.month]} {year}", year, False)


def _span_label(start: date, end: date, whole_months: bool) -> str:
    if start == end:
        return _day_label(end)
    if whole_months:
        return f"{_month_label(start)}–{_month_label(end)}"
    if start.year == end.year:
        return f"{start.day} {_SHORT_MONTH[start.month]}–{_day_label(end)}"
    return f"{_day_label(start)}–{_day_label(end)}"


def _month_label(day: date) -> str:
    return f"{_SHORT_MONTH[day.month]} {day.year}"


def _day_label(day: date) -> str:
    return f"{day.day} {_SHORT_MONTH[day.month]} {day.year}"
