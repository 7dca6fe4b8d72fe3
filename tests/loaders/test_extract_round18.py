"""Round 18: mechanisms for multi-figure statements, pinned with invented sentences."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from loaders.extract.engine import extract_claims
from loaders.extract.text import find_mentions
from loaders.reference import read_reference

REF = read_reference(Path(__file__).resolve().parents[2] / "data" / "raw")


def _claims(text: str, published: date | None = date(2024, 5, 6)):
    return extract_claims(text, published, REF).candidates


@pytest.mark.parametrize(
    ("sentence", "value"),
    [("- عام 2019: ستة آلاف و300 متهم.", 6300.0), ("بلغ العدد تسعة آلاف و250 شخصاً", 9250.0)],
)
def test_thousands_in_words_with_digit_remainder(sentence, value):
    assert value in [m.parsed.value for m in find_mentions(sentence) if m.parsed]


def test_carried_single_kilogram_is_a_count():
    assert [m.text for m in find_mentions("Police stopped a driver carrying a kilogram of hashish.")] == ["a kilogram"]


@pytest.mark.parametrize(
    ("text", "value", "indicator"),
    [
        # the convicted as the counted noun
        ("الكوت/ جاءت محاكم واسط في المرتبة الثالثة بـ٤١٢ مداناً بقضايا المخدرات.", 412.0, "convictions"),
        # a participle of seizure after the verb of destruction
        (
            "الكوت/ أتلفت الشرطة اليوم كمية من المواد المخدرة المضبوطة بلغ وزنها 75 كيلوغراماً.",
            75.0,
            "drugs_destroyed",
        ),
        # a multi-word operation is one operation
        (
            "KUT — Police seized 9 kilograms of hashish in a two-day joint operation in Wasit, officials said.",
            9.0,
            "seizure_event",
        ),
        # the load's carriers named after it
        (
            "KUT — Officers seized 6 kilograms of crystal and detained the smugglers who were carrying it.",
            6.0,
            "seizure_event",
        ),
        # hauls added up are no single operation's
        (
            "KUT — In a joint operation, police stopped two trucks. The shipments together held 40,000 pills.",
            40000.0,
            "seizures_pills",
        ),
        (
            "KUT — Police detained a dealer in the city with 3 kilograms of hashish in his possession.",
            3.0,
            "seizure_event",
        ),
        ("KUT — Police arrested 900 people accused of dealing or possessing drugs last year.", 900.0, "arrests"),
    ],
)
def test_indicator_families(text, value, indicator):
    found = [c for c in _claims(text) if c.number == value]
    assert found and found[0].indicator == indicator


def test_dated_year_rows_count_the_people_the_lead_names():
    text = (
        "بغداد/ قالت الوزارة إن الأرقام في تصاعد.\n\nوأوضح أن حصيلة المعتقلين جاءت على النحو الآتي:\n"
        "- عام 2019: خمسة آلاف و200 متهم.\n- عام 2020: 8 آلاف و100 متهم."
    )
    assert {(c.number, c.indicator) for c in _claims(text)} >= {(5200.0, "arrests"), (8100.0, "arrests")}


@pytest.mark.parametrize(
    ("text", "value", "place"),
    [
        # a part's place after "بينها" is not the whole's
        (
            "بغداد/ قالت الوزارة إنها تدير 12 مركزاً للتأهيل في المحافظات، عدا إقليم كردستان، بينها مركزان في الكرخ.",
            12.0,
            "X-IQ-FED",
        ),
        # the Region's general directorate, its zone named by its area of work
        (
            "أربيل/ أتلفت المديرية العامة لمكافحة المخدرات في إقليم كوردستان 40 كيلوغراماً من المخدرات، وشملت مواد من"
            " محافظتي أربيل ودهوك اللتين تقعان ضمن نطاق عمل المديرية.",
            40.0,
            "X-IQ-AR-DA",
        ),
        # the ministry named again in the next paragraph speaks for the country
        (
            "الكوت/ ضبطت الشرطة 5 كيلوغرامات من الحشيشة.\n\nويأتي ذلك بعد يومين من بيان لوزارة الداخلية عن حصيلة عملها."
            "\n\nوذكرت الوزارة في بيانها أن المحاكم أدانت أكثر من 9000 متهم خلال تلك المدة.",
            9000.0,
            "IQ",
        ),
    ],
)
def test_place_families(text, value, place):
    found = [c for c in _claims(text) if c.number == value]
    assert found and found[0].place_code == place
