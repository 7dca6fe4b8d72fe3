"""The day one court ruled, when the ruling's own sentence gives it ("sentenced one man to death on July 25",
"أصدرت المحكمة حكمها في 25 تموز"): reports of rulings often come days later (a weekly digest, a council's round-up),
so the publication date is only the day to fall back on. A day with no year is the last such day up to publication.
"""

from __future__ import annotations

import re
from datetime import date

from loaders.extract.periods import AR_MONTH_NUMBERS, MONTH_NAMES, WESTERN_DIGITS, Period
from loaders.normalise.periods import MONTHS

_AR_MONTH = "|".join(sorted(AR_MONTH_NUMBERS, key=len, reverse=True))
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
# "on July 25", "on Tuesday, 25 July 2023"; "في 25 تموز", "يوم 25 من شهر تموز"
_DAY_OF_MONTH = re.compile(
    r"\bon\s+(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
    rf"(?:(?P<month>{MONTH_NAMES})\s+(?P<day>\d{{1,2}})(?!\d)|(?P<day_first>\d{{1,2}})\s+(?P<month_after>{MONTH_NAMES})\b)"
    rf"{_YEAR}"
    rf"|(?<!\w)(?:في|يوم)\s+(?P<ar_day>\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?(?P<ar_month>{_AR_MONTH})(?!\w)"
    rf"(?:\s+(?:عام\s+|سنة\s+)?(?P<ar_year>(?:19|20)\d\d))?",
    re.IGNORECASE,
)


def _day(found: re.Match, published: date) -> date | None:
    month_word = found["month"] or found["month_after"]
    month = MONTHS[month_word.lower()] if month_word else AR_MONTH_NUMBERS[found["ar_month"]]
    day = int(found["day"] or found["day_first"] or found["ar_day"])
    written_year = found["year"] or found["ar_year"]
    # (without a year, a day later in the calendar than the publication is last year's)
    year = int(written_year) if written_year else published.year - ((month, day) > (published.month, published.day))
    try:
        ruled = date(year, month, day)
    except ValueError:
        return None
    return ruled if ruled <= published else None


def ruling_period(sentence: str, published: date, reported_why: str) -> tuple[Period, str]:
    """The day the sentence says the court ruled, else the publication day (`reported_why` says so)."""
    for found in _DAY_OF_MONTH.finditer(sentence.translate(WESTERN_DIGITS)):
        ruled = _day(found, published)
        if ruled:
            return Period(f"ruling of {ruled}", ruled, ruled, "explicit"), f"the ruling's day, '{found.group()}'"
    return Period(f"ruling of {published}", published, published, "explicit"), reported_why
