"""Round 12: masses written in two parts (whole units and grams, a unit and a half) read as one figure."""

from datetime import date

import pytest

from loaders.extract.engine import extract_claims
from loaders.extract.periods import find_period_phrases
from loaders.extract.text import find_mentions


@pytest.mark.parametrize(
    ("sentence", "text", "value", "qualifier"),
    [
        ("Police burned 12 kilograms and 40 grams of heroin.", "12 kilograms and 40 grams", 12.04, "exact"),
        ("They found 8 kg 5 g of opium.", "8 kg 5 g", 8.005, "exact"),
        ("وضبطت الشرطة كيلوغرامين و310 غرامات من الهيروين", "كيلوغرامين و310 غرامات", 2.31, "exact"),
        ("وضبطت كيلوغرام واحد و40 غراماً من الحشيشة", "كيلوغرام واحد و40 غراماً", 1.04, "exact"),
        ("وضبطت طن واحد و200 كيلوغرام من المخدرات", "طن واحد و200 كيلوغرام", 1200.0, "exact"),
        ("وصادرت القوات ثلاثة كيلوغرامات ونصف من الكريستال", "ثلاثة كيلوغرامات ونصف", 3.5, "exact"),
        ("وصادرت القوات 4 كيلوغرامات ونصف من الكريستال", "4 كيلوغرامات ونصف", 4.5, "exact"),
        ("وأن المضبوطات تجاوزت طناً ونصف الطن هذا العام", "تجاوزت طناً ونصف الطن", 1.5, "more_than"),
        ("Customs seized two and a half tonnes of hashish.", "two and a half tonnes", 2.5, "exact"),
        ("Officers seized more than 3 and a half tons.", "more than 3 and a half tons", 3.5, "more_than"),
        ("Officials burned one and a half million pills.", "one and a half million", 1_500_000, "exact"),
    ],
)
def test_two_part_mass_is_one_figure(sentence: str, text: str, value: float, qualifier: str) -> None:
    mentions = [m for m in find_mentions(sentence) if m.text == text]
    assert len(mentions) == 1, [m.text for m in find_mentions(sentence)]
    assert mentions[0].parsed.value == pytest.approx(value)
    assert mentions[0].parsed.qualifier == qualifier


# A comparison year is not the figures' period; figures listed after the one stated period keep it.
@pytest.mark.parametrize(
    "text",
    [
        "BASRA — Police burned 500 kilograms of drugs over the course of 2023, well up on the year before.\n\n"
        "Hashish made up most of the burned material, at 300 kilograms.",
        "BASRA — Police destroyed 500 kilograms of drugs in 2023, compared with the previous year.\n\n"
        "Heroin accounted for most of the destroyed material, at 300 kilograms.",
    ],
)
def test_comparison_year_is_not_the_period(text: str, ref) -> None:
    candidates = extract_claims(text, date(2024, 2, 1), ref).candidates
    assert [(c.number, c.period_start, c.period_end) for c in candidates] == [
        (500.0, date(2023, 1, 1), date(2023, 12, 31)),
        (300.0, date(2023, 1, 1), date(2023, 12, 31)),
    ]


# A list of masses runs on into a sentence that names no kind.
@pytest.mark.parametrize(
    "text",
    [
        "Police destroyed 80 kilograms of crystal in 2023. The rest was smaller: 12 kg 300 g of hashish.",
        "Police destroyed 80 kilograms of crystal in 2023. Far behind came 12 kilograms and 300 grams of hashish.",
    ],
)
def test_mass_list_keeps_its_kind(text: str, ref) -> None:
    candidates = extract_claims(text, date(2024, 2, 1), ref).candidates
    assert [(c.number, c.indicator) for c in candidates] == [(80.0, "drugs_destroyed"), (12.3, "drugs_destroyed")]


def test_arabic_day_span_with_the_year_after_it() -> None:
    sentence = "أصدرت المحكمة 40 حكماً للمدة من الخامس من شباط حتى العاشر من نيسان من عام 2022"
    periods = [p.period for p in find_period_phrases(sentence, None)]
    assert [(p.start, p.end) for p in periods] == [(date(2022, 2, 5), date(2022, 4, 10))]
