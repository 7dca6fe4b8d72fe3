"""Round 16: multi-figure statements: a breakdown of masses running over paragraphs, a ministry's voice kept
through its paragraph, judicial sentences, the two-province zone, operations beyond the Region, warrant courts."""

from datetime import date

import pytest

from loaders.extract.engine import extract_claims


def _claims(ref, text: str, published: date | None = date(2024, 9, 10)):
    return {c.number: c for c in extract_claims(text, published, ref).candidates}


_BREAKDOWN = (
    "Council lists haul\n\nPolice in the Kurdistan Region seized 640 kg of narcotics in 2023, the council said.\n\n"
    "Cannabis led the list. The tally gives 310 kg of hashish and 44 kg of opium.\n\n"
    "Dealers sold the drug in doses of less than 2 grams, officers said."
)


@pytest.mark.parametrize(("number", "indicator"), [(640, "seizures"), (310, "seizures"), (44, "seizures")])
def test_a_breakdown_of_masses_runs_on_into_later_paragraphs(ref, number, indicator):
    assert _claims(ref, _BREAKDOWN)[number].indicator == indicator


def test_a_mass_that_measures_something_else_is_no_line_of_the_breakdown(ref):
    assert 2 not in _claims(ref, _BREAKDOWN) and 0.002 not in _claims(ref, _BREAKDOWN)


_MINISTRY_AFTER_COURT = (
    "Court jails dealers\n\nBASRA — The Basra Criminal Court on Monday sentenced four traffickers to death, the "
    "judicial council said.\n\n"
    "The ruling followed a statement by the Interior Ministry on its campaign over the past two years. Its "
    "spokesman said the police had dismantled 840 drug networks in that time.\n\n"
    "According to Hamdani, the courts have issued 1,950 judicial sentences in drug cases over the two years."
)


@pytest.mark.parametrize(
    ("number", "indicator", "place"),
    [(4, "death_sentences", "IQ-BA"), (840, "networks_dismantled", "IQ"), (1950, "convictions", "IQ")],
)
def test_the_ministry_speaks_for_the_country_through_its_paragraph(ref, number, indicator, place):
    claim = _claims(ref, _MINISTRY_AFTER_COURT)[number]
    assert (claim.indicator, claim.place_code) == (indicator, place)


_ZONE_TEXT = (
    "حصيلة مديرية أربيل ودهوك\n\nأربيل/ أعلنت مديرية مكافحة المخدرات المسؤولة عن محافظتي أربيل ودهوك حصيلة عام "
    "2024.\n\nوقال المتحدث في مؤتمر صحفي في أربيل إن المحاكم حسمت خلال العام 860 ملفاً في المحافظتين، وجرى إحراق "
    "ما يزيد على 2.4 طن من المواد المخدرة المضبوطة.\n\nوأضاف أن عمليات مشتركة امتدت إلى خارج حدود الإقليم أسفرت "
    "عن ضبط 420 كيلوغراماً من الكريستال."
)


@pytest.mark.parametrize(
    ("number", "indicator", "place"),
    [(860, "court_cases", "X-IQ-AR-DA"), (2400, "drugs_destroyed", "X-IQ-AR-DA"), (420, "seizures", "IQ")],
)
def test_the_two_provinces_and_beyond_the_region(ref, number, indicator, place):
    claim = _claims(ref, _ZONE_TEXT)[number]
    assert (claim.indicator, claim.place_code) == (indicator, place)


_WARRANT = (
    "حصيلة المديرية\n\nبغداد/ ضبطت المديرية العامة لشؤون المخدرات في عموم البلاد 3 أطنان من المخدرات خلال عام "
    "2024.\n\nوضبط قسم التحقيقات وحده 900 كيلوغرام، بموجب مذكرات صادرة عن محكمة تحقيق الكرخ."
)


def test_a_court_whose_orders_were_followed_is_not_the_place(ref):
    assert _claims(ref, _WARRANT)[900].place_code == "IQ"


_DESTRUCTION_LIST = (
    "Group reports\n\nBAGHDAD — Police seized 9 tons of drugs in 2023, a rights group said on Monday.\n\n"
    "Its figures on destruction were these:\n- 2023: 31 million pills destroyed;\n- 2024 so far: 640 pills burned."
)


@pytest.mark.parametrize(
    ("number", "indicator", "start", "end"),
    [
        (31_000_000, "drugs_destroyed_pills", date(2023, 1, 1), date(2023, 12, 31)),
        (640, "drugs_destroyed_pills", date(2024, 1, 1), date(2024, 9, 10)),
    ],
)
def test_a_list_led_by_destruction_and_a_year_so_far_row(ref, number, indicator, start, end):
    claim = _claims(ref, _DESTRUCTION_LIST)[number]
    assert (claim.indicator, claim.period_start, claim.period_end) == (indicator, start, end)


_YEAR_CLAUSES = (
    "Arrests rise\n\nBAGHDAD — Police arrested 7,400 people since the start of this year, an official said.\n\n"
    "The pace has doubled compared with 2023, when 3,900 suspects were detained. The record remains 2021, with "
    "8,800 dealers taken into custody. In the first months of 2024 alone, police also seized 6 tons of drugs."
)


@pytest.mark.parametrize(
    ("number", "start", "end"),
    [
        (3900, date(2023, 1, 1), date(2023, 12, 31)),
        (8800, date(2021, 1, 1), date(2021, 12, 31)),
        (6000, date(2024, 1, 1), date(2024, 9, 10)),
    ],
)
def test_a_year_a_clause_gives_the_figure_of(ref, number, start, end):
    claim = _claims(ref, _YEAR_CLAUSES)[number]
    assert (claim.period_start, claim.period_end) == (start, end)


_CRIMES = (
    "إحصائية الجرائم\n\nبغداد/ أفاد مركز حقوقي بأن جرائم الاتجار المسجلة بلغت ألف وثمانمئة جريمة خلال عام 2023.\n\n"
    "وأضاف أن جرائم التعاطي ارتفعت بدورها، إذ بلغت 5200 جريمة في عام 2023، مقابل 4100 جريمة في عام 2022."
)


@pytest.mark.parametrize(
    ("number", "indicator"),
    [(1800, "crimes_trafficking_recorded"), (5200, "crimes_use_recorded"), (4100, "crimes_use_recorded")],
)
def test_the_subject_names_the_kind_of_crimes_and_a_thousand_goes_on_with_hundreds(ref, number, indicator):
    assert _claims(ref, _CRIMES)[number].indicator == indicator
