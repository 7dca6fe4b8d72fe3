"""Round 11: Arabic teens and "a unit and a half", one haul told by its operation or its site, death sentences for
people named at length, and the day a court ruled."""

from datetime import date

import pytest

from loaders.extract.engine import extract_claims
from loaders.extract.text import find_mentions


def only(text: str, ref, published: date | None = date(2025, 3, 20)):
    candidates = extract_claims(text, published, ref).candidates
    assert len(candidates) == 1, [c.value for c in candidates]
    return candidates[0]


@pytest.mark.parametrize(
    ("sentence", "value", "unit_hint"),
    [
        ("صادرت الشرطة اثني عشر كيلوغراماً من الحشيش", 12, "kg"),
        ("وعثرت على ثلاث عشرة كيلوغراما من الأفيون", 13, "kg"),
        ("ضبطت المفرزة سبعة عشر طناً من المواد الأولية", 17, "t"),
        ("وضبط خمس عشرة حبة مخدرة", 15, None),
        ("واعتقلت القوة ستة عشر متهماً", 16, None),
        ("وصادرت ثمانية عشر ألف قرص", 18_000, None),
    ],
)
def test_arabic_teens_before_a_unit_are_read_whole(sentence, value, unit_hint):
    (mention,) = find_mentions(sentence)
    assert (mention.parsed.value, mention.parsed.unit_hint) == (value, unit_hint)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("ألقت القوة القبض على مروج بحوزته كيلوغرام ونصف من الهيروين", 1.5),
        ("وعثر في المخزن على طن ونصف من الحشيش", 1.5),
        ("وضبطت المفرزة نحو كيلو ونصف من الترياك", 1.5),
        ("وصادرت الشرطة ألف ونصف حبة مخدرة", 1500),
        ("وضبطت مليون ونصف حبة", 1_500_000),
    ],
)
def test_arabic_unit_and_a_half(sentence, value):
    (mention,) = find_mentions(sentence)
    assert mention.parsed.value == value


def test_digits_before_a_unit_still_count_it():
    assert [m.text for m in find_mentions("ضبط 4 كيلوغرامات من الحشيش")] == ["4"]


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        (
            "الناصرية – أعلنت مديرية شرطة ذي قار ضبط ٣ مليون حبة مخدرة خلال عملية نفذتها ضد عصابة للتهريب.",
            "seizure_event_pills",
        ),
        (
            "Police raided a makeshift drug laboratory in Basra and seized 40 kilograms of Captagon at the site.",
            "seizure_event",
        ),
        ("Officers seized 12 kilograms of crystal meth at the scene, the ministry said.", "seizure_event"),
        # several operations over time stay a total
        ("الناصرية – ضبطت شرطة ذي قار ٣ مليون حبة مخدرة خلال عمليات نفذتها منذ بداية العام.", "seizures_pills"),
    ],
)
def test_one_operation_or_one_site_is_one_haul(text, indicator, ref):
    assert only(text, ref).indicator == indicator


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        (
            "The Basra Criminal Court sentenced four traffickers from a cross-border hashish gang to death.",
            "death_sentences",
        ),
        ("A court in Najaf sentenced three men from a local smuggling cell to death on Monday.", "death_sentences"),
    ],
)
def test_death_sentences_for_people_named_at_length(text, indicator, ref):
    assert only(text, ref).indicator == indicator


def test_sentenced_to_life_and_others_to_death_is_not_death_for_all(ref):
    text = "The Basra Criminal Court sentenced five dealers to life in prison and two others to death."
    candidates = extract_claims(text, date(2025, 3, 20), ref).candidates
    assert [(c.value, c.indicator) for c in candidates][0] == ("five", "life_sentences")


@pytest.mark.parametrize(
    ("text", "ruled"),
    [
        (
            "The Karkh Criminal Court sentenced one trafficker to death on March 9, a rights group said.",
            date(2025, 3, 9),
        ),
        ("The Karkh Criminal Court on 2 March sentenced two dealers to life in prison.", date(2025, 3, 2)),
        # a day later in the calendar than the publication is last year's
        ("The Karkh Criminal Court sentenced one trafficker to death on December 30.", date(2024, 12, 30)),
        ("أصدرت محكمة جنايات البصرة في 11 آذار حكماً بالإعدام بحق متهم واحد بتجارة المخدرات.", date(2025, 3, 11)),
        # no day given: the day it was reported
        ("The Karkh Criminal Court sentenced one trafficker to death, the council said.", date(2025, 3, 20)),
    ],
)
def test_a_ruling_takes_the_day_its_sentence_gives(text, ruled, ref):
    candidate = only(text, ref)
    assert (candidate.period_start, candidate.period_end) == (ruled, ruled)
