"""Round 17: Arabic place attribution: the Kurdistan Region excepted from the country (either spelling), the bare
"provinces" of such a text, a figure from an earlier report, "N others" wounded, a briefing's venue, sentences
handed to detainees, cases of trafficking "and its use", a span to mid-month, "العام السابق"."""

from datetime import date

import pytest

from loaders.extract.engine import extract_claims
from loaders.extract.periods import find_period_phrases


def _claims(ref, text: str, published: date | None = date(2024, 9, 10)):
    return {c.number: c for c in extract_claims(text, published, ref).candidates}


_EXCEPTED = (
    "هيئة رقابية: ارتفاع قضايا المخدرات\n\nالبصرة/\nنشرت هيئة رقابية في العراق إحصائية بدعاوى المخدرات في المحافظات، "
    "باستثناء محافظات إقليم كردستان، تظهر ارتفاعاً في الأعداد.\n\n"
    "وبحسب الإحصائية، نظرت المحاكم في 5120 دعوى خلال عام 2021، وفي 6230 دعوى تتعلق بالاتجار بالمخدرات وتعاطيها "
    "خلال عام 2022.\n\nوكانت الهيئة قد أفادت في إحصائية سابقة بأن عدد الموقوفين بلغ 7340 شخصاً."
)


@pytest.mark.parametrize(
    ("number", "indicator", "place"),
    [(5120, "court_cases", "X-IQ-FED"), (6230, "court_cases", "X-IQ-FED"), (7340, "arrests", "IQ")],
)
def test_a_country_that_excepts_the_region_is_the_federal_provinces(ref, number, indicator, place):
    claim = _claims(ref, _EXCEPTED, None)[number]
    assert (claim.indicator, claim.place_code) == (indicator, place)


_BARE_PROVINCES = (
    "هيئة رقابية: مئات الدعاوى في المحافظات\n\nنشرت هيئة رقابية إحصائية بدعاوى المخدرات في المحافظات العراقية عدا "
    "إقليم كوردستان.\n\nوقالت الهيئة إن المحاكم نظرت في نحو 3410 دعوى خلال عام 2022."
)


def test_the_bare_provinces_of_a_text_that_excepts_the_region_are_the_federal_ones(ref):
    assert _claims(ref, _BARE_PROVINCES, None)[3410].place_code == "X-IQ-FED"


_OTHERS = (
    "بغداد/\nأعلنت وزارة الداخلية حصيلة عام 2023، وقالت إن خمسة منتسبين استشهدوا خلال الاشتباكات مع المهربين، "
    "فيما أصيب 31 آخرون بجروح خلال العام نفسه."
)


@pytest.mark.parametrize(("number", "indicator"), [(5, "security_killed"), (31, "security_wounded")])
def test_others_wounded_after_fallen_officers_are_officers(ref, number, indicator):
    assert _claims(ref, _OTHERS)[number].indicator == indicator


_VENUE = (
    "Police report year\n\nSecurity forces arrested more than 8,400 people on drug charges in 2023, a ministry "
    "spokesman said, reading the results to reporters in Basra."
)


def test_the_city_reporters_were_briefed_in_places_no_figure(ref):
    assert _claims(ref, _VENUE)[8400].place_code == "IQ"


_SENTENCED = (
    "ERBIL — Police in the Kurdistan Region detained 510 people in 2023, the directorate said. The courts handed "
    "down sentences to 300 of those detainees."
)


@pytest.mark.parametrize(("number", "indicator"), [(510, "arrests"), (300, "convictions")])
def test_sentences_handed_to_detainees_count_the_convicted(ref, number, indicator):
    assert _claims(ref, _SENTENCED)[number].indicator == indicator


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        ("بلغ العدد منذ الأول من شباط 2021 ولغاية منتصف تموز الماضي 300 دعوى", date(2021, 2, 1), date(2021, 7, 31)),
        ("بلغ العدد منذ الأول من تشرين الأول 2021 ولغاية آذار الماضي 300 دعوى", date(2021, 10, 1), date(2022, 3, 31)),
    ],
)
def test_an_undated_span_ends_in_the_year_its_start_gives(sentence, start, end):
    (phrase,) = find_period_phrases(sentence, None)
    assert (phrase.period.start, phrase.period.end) == (start, end)


def test_the_previous_year_is_the_one_before_the_year_the_text_states(ref):
    text = (
        "العمارة/\nأعلنت محكمة الاستئناف أن المضبوطات خلال عام 2023 بلغت 40 كيلوغراماً، وهي أكثر مما سجل في العام "
        "السابق، حين بلغت المضبوطات 25 كيلوغراماً."
    )
    claim = _claims(ref, text, date(2024, 3, 1))[25]
    assert (claim.period_start, claim.period_end) == (date(2022, 1, 1), date(2022, 12, 31))


def test_the_federal_courts_speak_for_the_provinces_outside_the_region(ref):
    text = "بغداد/\nنظرت المحاكم الاتحادية خلال عام 2023 في 18450 دعوى تتعلق بالمخدرات، وفق مجلس القضاء الأعلى."
    assert _claims(ref, text)[18450].place_code == "X-IQ-FED"


@pytest.mark.parametrize(
    ("text", "number", "place"),
    [
        # a subdistrict of a governorate is that governorate, more specific than the Region beside it
        (
            "السليمانية/\nأعلنت الأسايش في إقليم كردستان اعتقال مهرب قرب ناحية عربت، وضبط تسعة كيلوغرامات من الهيروين بحوزته.",
            9,
            "IQ-SU",
        ),
        # an aside on what the drug is ("وهي من أكثر ... في المحافظات") does not place the figure
        (
            "ضبط حبوب في الكوت\n\nواسط – أعلنت شرطة واسط ضبط 5200 حبة مخدرة، وهي من أكثر الحبوب انتشاراً في المحافظات.",
            5200,
            "IQ-WA",
        ),
        # a national body announcing one haul tells who found it, not where: the headline's province does
        (
            "اعتراض شحنة حبوب في نينوى\n\nنينوى – أعلنت وزارة الدفاع، اليوم الأحد، ضبط 64 ألف حبة كبتاغون على الحدود.",
            64000,
            "IQ-NI",
        ),
    ],
)
def test_a_single_haul_takes_the_place_the_text_gives_it(ref, text, number, place):
    assert _claims(ref, text)[number].place_code == place


def test_places_listed_on_after_a_figures_own_place_are_its_too(ref):
    text = (
        "لجنة الإتلاف تعلن حصيلتها\n\nأعلن رئيس اللجنة أن اللجنة أتلفت خلال العام الحالي نحو 6 أطنان من المواد المخدرة "
        "التي خزنت في مخازن الأدلة في كربلاء وبابل وواسط."
    )
    assert _claims(ref, text)[6000].place_code == "IQ"


def test_the_zone_a_text_calls_the_directorates_area_of_work_is_its_own(ref):
    text = (
        "دهوك – أعلنت مديرية مكافحة المخدرات في إقليم كوردستان إتلاف 85 كيلوغراماً من المواد المخدرة.\n\n"
        "وقال المتحدث إن المديرية تعمل في محافظتي أربيل ودهوك اللتين تقعان ضمن نطاق عملها."
    )
    assert _claims(ref, text)[85].place_code == "X-IQ-AR-DA"


def test_operations_beyond_the_regions_borders_are_the_countrys(ref):
    text = (
        "حصيلة مديرية أربيل ودهوك\n\nأربيل – قال المتحدث إن المديرية المسؤولة عن محافظتي أربيل ودهوك حسمت 940 ملفاً "
        "خلال عام 2024.\n\nوأضاف أن عمليات مشتركة امتدت إلى ما وراء حدود الإقليم أسفرت عن ضبط 610 كيلوغرامات من "
        "الكريستال."
    )
    assert _claims(ref, text)[610].place_code == "IQ"


def test_the_justice_ministrys_prisons_are_outside_the_region(ref):
    text = "بغداد – قال المتحدث باسم وزارة العدل إن سجون الوزارة تضم حالياً أكثر من 7 آلاف نزيل بتهم تتعلق بالمخدرات."
    assert _claims(ref, text)[7000].place_code == "X-IQ-FED"
