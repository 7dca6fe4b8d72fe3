"""Round 14: multi-figure statements: list items by drug, per-item and per-row periods, Arabic number and period
forms, traffickers against all arrests, the place that takes in every other."""

from datetime import date

import pytest

from loaders.extract.engine import extract_claims
from loaders.extract.text import find_mentions


def _claims(ref, text: str, published: date | None = date(2023, 8, 20)):
    return {c.number: c for c in extract_claims(text, published, ref).candidates}


_BREAKDOWN = (
    "Border police report\n\nBASRA — Border police seized 410 kilograms of drugs from 3 March to 30 June 2023, "
    "the force said.\n\nIts figures by drug are these:\n- hashish: 300 kilograms\n- Captagon: 110 kg, or 700,000 "
    "tablets\n\nThe force gave no other details."
)


@pytest.mark.parametrize(
    ("number", "indicator", "start", "end"),
    [
        (300, "seizures", date(2023, 3, 3), date(2023, 6, 30)),
        (110, "seizures", date(2023, 3, 3), date(2023, 6, 30)),
        (700_000, "seizures_pills", date(2023, 3, 3), date(2023, 6, 30)),
    ],
)
def test_list_items_count_what_the_list_breaks_down(ref, number, indicator, start, end):
    claim = _claims(ref, _BREAKDOWN)[number]
    assert (claim.indicator, claim.period_start, claim.period_end) == (indicator, start, end)


_AR_LIST = (
    "شرطة ميسان: حصيلة\n\nالعمارة/ أعلنت شرطة ميسان القبض على 90 متهماً من الأول من شباط ولغاية 31 تموز 2023.\n\n"
    "أما المضبوطات خلال المدة نفسها فشملت:\n- ٣٢٠٠ حبة مخدرة؛\n- 4 كيلوغرامات و250 غراماً من الكريستال."
)


@pytest.mark.parametrize(
    ("number", "indicator"),
    [(3200, "seizures_pills"), (4.25, "seizures")],
)
def test_arabic_list_items_take_the_lead_ins_kind_and_period(ref, number, indicator):
    claim = _claims(ref, _AR_LIST)[number]
    assert (claim.indicator, claim.period_start, claim.period_end) == (
        indicator,
        date(2023, 2, 1),
        date(2023, 7, 31),
    )


_ROWS = (
    "Province's drug arrests rise\n\nA report on Anbar province counted the people detained each year:\n\n"
    "2019 — 1,204\n2020 — 1,377\n\nThe report gave no figure for this year."
)


@pytest.mark.parametrize(("number", "year"), [(1204, 2019), (1377, 2020)])
def test_year_rows_take_their_own_year_even_undated(ref, number, year):
    claim = _claims(ref, _ROWS, None)[number]
    assert (claim.indicator, claim.period_start, claim.period_end) == (
        "arrests",
        date(year, 1, 1),
        date(year, 12, 31),
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ضبطت المفارز مليون و240 ألف حبة مخدرة", 1_240_000),
        ("ضبطت المفارز مليونين و75 ألف حبة مخدرة", 2_075_000),
    ],
)
def test_a_bare_million_goes_on_with_its_thousands(text, value):
    assert [m.parsed.value for m in find_mentions(text)] == [value]


@pytest.mark.parametrize(
    ("text", "published", "start", "end"),
    [
        # a two-month span to the end of its second month
        (
            "كشفت الوزارة عن حصيلتها منذ مطلع آذار وحتى نهاية نيسان من عام 2023، إذ ألقت القبض على 310 متهمين.",
            None,
            date(2023, 3, 1),
            date(2023, 4, 30),
        ),
        # the past months "of the current year": the months that have ended
        (
            "ألقت المفارز القبض على 310 متهمين خلال الأشهر الستة الماضية من العام الحالي.",
            date(2023, 7, 9),
            date(2023, 1, 1),
            date(2023, 6, 30),
        ),
        # the past two years: to publication, start not stated
        ("ألقت المفارز القبض على 310 متهمين خلال العامين الماضيين.", date(2023, 7, 9), None, date(2023, 7, 9)),
        # two years named together
        (
            "ألقت المفارز القبض على 310 متهمين في عامي 2019 و2020.",
            date(2023, 7, 9),
            date(2019, 1, 1),
            date(2020, 12, 31),
        ),
    ],
)
def test_arabic_period_forms(ref, text, published, start, end):
    claim = _claims(ref, text, published)[310]
    assert (claim.period_start, claim.period_end) == (start, end)


@pytest.mark.parametrize(
    ("text", "number", "indicator"),
    [
        # users named after "rather than" are not in the count
        ("Of the 900 arrested, 410 were charged as dealers rather than users.", 410, "arrests_traffickers"),
        ("Police said 120 of the trafficking arrests were made in Basra.", 120, "arrests_traffickers"),
        # a charge of use and trafficking together makes all arrests
        ("ألقت الشرطة القبض على 215 متهماً بقضايا تعاطٍ واتجار.", 215, "arrests"),
        ("A year earlier, 2,400 suspects were taken into custody.", 2400, "arrests"),
    ],
)
def test_traffickers_against_all_arrests(ref, text, number, indicator):
    assert _claims(ref, text)[number].indicator == indicator


def test_the_longer_period_and_the_twelve_months(ref):
    text = (
        "Agency report\n\nERBIL — The agency seized drugs between 1 March 2022 and 30 June 2023 and arrested "
        "120 people from 1 January to 30 June 2023. The seizures over the longer period came to 640 kilograms."
    )
    claim = _claims(ref, text)[640]
    assert (claim.period_start, claim.period_end) == (date(2022, 3, 1), date(2023, 6, 30))
    annual = "Police seized 3 tonnes of hashish in 2022. Over the twelve months they arrested 800 people."
    claim = _claims(ref, annual, date(2023, 1, 5))[800]
    assert (claim.period_start, claim.period_end) == (date(2022, 1, 1), date(2022, 12, 31))


def test_a_pronoun_one_is_no_figure(ref):
    text = "Police arrested 700 people this year, which puts the year on course to exceed the last one."
    assert set(_claims(ref, text)) == {700}


def test_the_place_that_takes_in_the_others(ref):
    text = (
        "Arrests keep climbing, study says\n\nA study says drug use in the Kurdistan Region is growing. "
        "It counted 5,100 arrests last year. Most treatment beds are in Erbil and Duhok."
    )
    assert _claims(ref, text)[5100].place_code == "IQ-KR"
