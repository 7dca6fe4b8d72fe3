"""Periods some indicators read apart from the rest: a survey's rate as of its fieldwork, a population for a year,
one operation on the weekday the text names.

Kept apart from engine.py, which applies them after context.choose_period.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from loaders.extract.context import Context
from loaders.extract.periods import Period, PeriodPhrase, find_period_phrases
from loaders.extract.text import Sentence


def period_of_its_kind(
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


# A sentence that dates a survey's fieldwork ("Its fieldwork started in November 2013 and ended in May 2015").
_FIELDWORK = re.compile(
    r"\bfield\s*work\b|\bsurvey\s+(?:was\s+)?(?:carried\s+out|conducted)\b|\binterviews\s+(?:were\s+)?(?:carried\s+out"
    r"|conducted)\b|(?<!\w)(?:ال)?عمل\s+الميداني|(?:أجري|أجرى|نفذ)\w*\s+(?:ال)?مسح",
    re.IGNORECASE,
)


def survey_fieldwork_end(sentences: list[Sentence], published: date | None) -> date | None:
    """When the text's survey fieldwork ended, wherever the text says so (often after the rate itself)."""
    for sentence in sentences:
        if _FIELDWORK.search(sentence.text):
            ends = [p.period.end for p in find_period_phrases(sentence.text, published) if p.period.end]
            if ends:
                return max(ends)
    return None


def as_of_fieldwork(indicator: str, period: Period, why: str, context: Context) -> tuple[Period, str]:
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
