from datetime import date

import pytest

from loaders.errors import InputError
from loaders.normalise.periods import describe_period, parse_partial_date, parse_period_text


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2024", date(2024, 1, 1), date(2024, 12, 31)),
        ("CY 2024", date(2024, 1, 1), date(2024, 12, 31)),
        ("H1 2025", date(2025, 1, 1), date(2025, 6, 30)),
        ("first half of 2025", date(2025, 1, 1), date(2025, 6, 30)),
        ("H2 2024", date(2024, 7, 1), date(2024, 12, 31)),
        ("Q1 2025", date(2025, 1, 1), date(2025, 3, 31)),
        ("third quarter of 2024", date(2024, 7, 1), date(2024, 9, 30)),
        ("first 10 months of 2023", date(2023, 1, 1), date(2023, 10, 31)),
        ("first ten months of 2023", date(2023, 1, 1), date(2023, 10, 31)),
        ("January 2023", date(2023, 1, 1), date(2023, 1, 31)),
        ("Jan - Aug 2024", date(2024, 1, 1), date(2024, 8, 31)),
        ("Jan–Aug 2024", date(2024, 1, 1), date(2024, 8, 31)),
        ("1 Jan - 14 Feb 2026", date(2026, 1, 1), date(2026, 2, 14)),
        ("1 Jan 2020 - 1 Jul 2021", date(2020, 1, 1), date(2021, 7, 1)),
        ("2018-2022", date(2018, 1, 1), date(2022, 12, 31)),
        ("2023-01-01/2023-08-20", date(2023, 1, 1), date(2023, 8, 20)),
        ("as of Oct 2025", None, date(2025, 10, 31)),
        ("as of 20 Nov 2025", None, date(2025, 11, 20)),
    ],
)
def test_parses_period_phrases(text, start, end):
    assert parse_period_text(text) == (start, end)


@pytest.mark.parametrize("text", ["CY 2022 (page labels it '2020')", "since mid-2023", "this year", ""])
def test_leaves_other_phrases_to_explicit_dates(text):
    assert parse_period_text(text) is None


@pytest.mark.parametrize(
    ("start", "end", "kind", "granularity", "label", "full_year"),
    [
        (date(2024, 1, 1), date(2024, 12, 31), "flow", "year", "2024", True),
        (date(2025, 1, 1), date(2025, 6, 30), "flow", "half", "H1 2025", False),
        (date(2025, 1, 1), date(2025, 3, 31), "flow", "quarter", "Q1 2025", False),
        (date(2023, 1, 1), date(2023, 1, 31), "flow", "month", "Jan 2023", False),
        (date(2024, 1, 1), date(2024, 8, 31), "flow", "range", "Jan–Aug 2024", False),
        (date(2024, 1, 1), date(2024, 8, 27), "flow", "range", "1 Jan–27 Aug 2024", False),
        (date(2018, 1, 1), date(2022, 12, 31), "flow", "multi_year", "2018–2022", False),
        (None, date(2025, 10, 31), "stock", "as_of", "as of 31 Oct 2025", False),
        (None, date(2025, 11, 30), "flow", "cumulative", "to 30 Nov 2025 (start not stated)", False),
    ],
)
def test_partial_periods_are_never_full_years(start, end, kind, granularity, label, full_year):
    shape = describe_period(start, end, kind)
    assert (shape.granularity, shape.label, shape.is_full_year) == (granularity, label, full_year)


def test_as_of_label_keeps_the_precision_written():
    assert describe_period(None, date(2010, 12, 31), "stock", end_precision="year").label == "as of 2010"


@pytest.mark.parametrize(
    ("text", "end", "expected"), [("2024", False, date(2024, 1, 1)), ("2024-02", True, date(2024, 2, 29))]
)
def test_partial_dates(text, end, expected):
    assert parse_partial_date(text, end=end) == expected


@pytest.mark.parametrize("text", ["2024-13", "2024-02-30", "24/08/2024", "mid-2025"])
def test_rejects_bad_dates(text):
    with pytest.raises(InputError):
        parse_partial_date(text, end=True)
