"""Round 15: multi-figure statements: a Kurdistan directorate's zone, national background inside a local story,
Arabic thousands of people, compound masses in abbreviations, rulings as convictions, rates and periods said again."""

from datetime import date

import pytest

from loaders.extract.engine import extract_claims
from loaders.extract.text import find_mentions


def _claims(ref, text: str, published: date | None = date(2024, 9, 10)):
    return {c.number: c for c in extract_claims(text, published, ref).candidates}


_ZONES = (
    "Region agencies give arrest totals\n\nDUHOK — The Sulaimani Asayish detained 140 suspects in the first half "
    "of 2024, a spokesman said.\n\nThe Kurdistan Region's anti-narcotics directorate detained 275 people over the same "
    "months, its officials said."
)
_ZONE_NAMED = (
    "Directorate report\n\nERBIL — The Kurdistan Region's anti-narcotics directorate arrested 733 people in 2023, "
    "covering the provinces of Erbil and Duhok, a spokesman said."
)
_REGION_ONLY = (
    "Directorate report\n\nERBIL — The Kurdistan Region's anti-narcotics directorate arrested 733 people in 2023, "
    "a spokesman said."
)


@pytest.mark.parametrize(
    ("text", "number", "place"),
    [
        (_ZONES, 140, "X-IQ-SU-HAL"),
        (_ZONES, 275, "X-IQ-AR-DA"),  # the other agency's zone is the one left for the directorate
        (_ZONE_NAMED, 733, "X-IQ-AR-DA"),
        (_REGION_ONLY, 733, "IQ-KR"),  # no zone named: the Region
    ],
)
def test_the_directorate_reports_for_its_zone_when_the_text_names_one(ref, text, number, place):
    assert _claims(ref, text)[number].place_code == place


_BACKGROUND = (
    "Basra police hold courier\n\nBASRA — Police in Basra arrested a courier with pills on Monday, a source said.\n\n"
    "National figures show that 9,120 people were arrested on drug charges across the country in 2023.\n\n"
    "Those figures included 77 death sentences for traffickers.\n\n"
    "The authorities have also burned confiscated stocks. In 2023, 3.1 tons of drugs were destroyed."
)
_FEDERAL_LEVEL = (
    "ضبط في أربيل\n\nأربيل/ ضبطت قوات الأمن في أربيل 12 كيلوغراماً من الحشيشة.\n\n"
    "وعلى المستوى الاتحادي، صادرت القوات الأمنية منذ بداية العام أكثر من 3 أطنان من المخدرات."
)


@pytest.mark.parametrize(("text", "number"), [(_BACKGROUND, 77), (_BACKGROUND, 3100), (_FEDERAL_LEVEL, 3000)])
def test_national_background_keeps_its_own_scope(ref, text, number):
    assert _claims(ref, text)[number].place_code == "IQ"


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        ("بلغ عدد المعتقلين في ميسان خلال العام الماضي 9 آلاف متهم.", 9000),
        ("قبضت الشرطة في واسط على أكثر من 12 ألف متهم خلال العام الماضي.", 12000),
        ("تراجعت أعداد المعتقلين في بابل العام الماضي، إذ بلغ عددهم 11 ألفاً.", 11000),
        ("ألقت الشرطة في كربلاء القبض على أكثر من ألف وخمسمئة متهم خلال العام الماضي.", 1500),
    ],
)
def test_arabic_thousands_of_people_are_arrests(ref, sentence, number):
    assert _claims(ref, sentence)[number].indicator == "arrests"


@pytest.mark.parametrize(
    ("written", "value"),
    [("ألف وستمئة", 1600), ("ألفين وثلاثمائة", 2300), ("ألف وأربعمئة وعشرين", 1420), ("415 كغم و27 غم", 415.027)],
)
def test_arabic_thousand_and_hundreds_and_abbreviated_compounds_read_as_one(written, value):
    (mention,) = find_mentions(f"ضبطت المفارز {written} من المتهمين" if "كغم" not in written else f"ضبطت {written}")
    assert mention.parsed.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("sentence", "number", "indicator"),
    [
        ("وأصدرت المحاكم في ديالى خلال العام الماضي 730 حكماً قضائياً بحق المدانين بالاتجار.", 730, "convictions"),
        ("The courts in Najaf issued 612 rulings in drug cases last year.", 612, "convictions"),
        ("وأصدرت محكمة جنايات ديالى 31 حكماً بالإعدام بحق المدانين.", 31, "death_sentences"),
    ],
)
def test_rulings_against_people_are_convictions(ref, sentence, number, indicator):
    assert _claims(ref, sentence)[number].indicator == indicator


def test_an_average_per_day_is_no_figure_and_the_same_months_carry_on(ref):
    text = (
        "Arrests report\n\nKIRKUK — Police in Kirkuk arrested 540 people in the first four months of 2024, an "
        "average of five arrests a day.\n\nIn Hawija, 96 people were arrested over the same months. Of those, 41 "
        "were accused of dealing."
    )
    claims = _claims(ref, text)
    assert 5 not in claims
    assert (claims[41].period_start, claims[41].period_end) == (date(2024, 1, 1), date(2024, 4, 30))
