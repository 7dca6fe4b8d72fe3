"""Languages, numbers and periods per locale (figures/i18n.py)."""

from __future__ import annotations

import pytest

from figures.i18n import dates_in, direction, known, negotiate, number, period_text, year
from figures.selection import format_value


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ([("ar-IQ", 1.0), ("en", 0.5)], "ar"),
        ([("en-GB", 1.0), ("ar", 0.8)], "en"),
        ([("ckb", 1.0)], "ckb"),
        ([("ku", 1.0)], "ckb"),
        ([("fr", 1.0), ("ckb-IQ", 0.4)], "ckb"),
        ([("fr", 1.0)], "en"),
        ([], "en"),
        ([("ar", 0.0), ("en", 0.1)], "en"),
    ],
)
def test_accept_language_picks_one_of_ours(header, expected):
    assert negotiate(header) == expected


@pytest.mark.parametrize(("value", "expected"), [("ar", "ar"), ("xx", "en"), (None, "en"), (["ar"], "en")])
def test_unknown_languages_fall_back_to_english(value, expected):
    assert known(value) == expected


def test_direction():
    assert (direction("ar"), direction("ckb"), direction("en")) == ("rtl", "rtl", "ltr")


@pytest.mark.parametrize(("lang", "expected"), [("en", "14,438"), ("ar", "١٤٬٤٣٨"), ("ckb", "١٤٬٤٣٨")])
def test_numbers_follow_cldr(lang, expected):
    assert number(14438, lang) == expected


def test_years_are_not_grouped():
    assert (year(2024, "en"), year(2024, "ar")) == ("2024", "٢٠٢٤")


def test_values_keep_their_qualifier_and_unit_in_english():
    assert format_value(14500, "about", unit="persons") == "about 14,500 persons"
    assert format_value(None, "range", 950000, 1000000, "persons") == "950,000–1,000,000 persons"


def test_arabic_values_use_arabic_digits():
    text = format_value(14438, "exact", unit="kg", lang="ar")
    assert "١٤٬٤٣٨" in text and not any(c.isascii() and c.isdigit() for c in text)


@pytest.mark.parametrize(
    "label",
    [
        "2024",
        "H1 2024",
        "Q3 2019",
        "Jan–Oct 2024",
        "1 Jan–22 Jul 2024",
        "as of 25 Nov 2025",
        "to Nov 2025 (start not stated)",
        "2017 to date (end not stated)",
        "reported 5 Jun 2023",
        "2023–2025",
        "Oct 2015–Dec 2017",
    ],
)
@pytest.mark.parametrize("lang", ["ar", "ckb"])
def test_period_labels_leave_no_english_month_or_digit(label, lang):
    text = period_text(label, lang)
    assert not any(c.isascii() and c.isalnum() for c in text), text


def test_english_period_labels_are_unchanged():
    assert period_text("1 Jan–22 Jul 2024", "en") == "1 Jan–22 Jul 2024"


def test_month_names_are_iraqs():
    assert "تشرين" in dates_in("Oct 2024", "ar")
