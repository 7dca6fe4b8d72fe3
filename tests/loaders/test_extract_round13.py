"""Round 13: multi-figure statements: the place of each authority or scope, a headline's own figure, "منهم"."""

from datetime import date

import pytest

from loaders.extract.engine import extract_claims


def _found(ref, text: str, published: date | None = date(2022, 5, 10)) -> dict[float, tuple[str, str]]:
    return {c.number: (c.indicator, c.place_code) for c in extract_claims(text, published, ref).candidates}


@pytest.mark.parametrize(
    ("text", "number", "indicator", "place"),
    [
        # a scope statement after the figures re-places those of its kind; others keep the national voice
        (
            "Ministry releases court totals\n\nCourts handed 61 life sentences last year, the Interior Ministry said. "
            "It added that its sentencing figures cover only the federal provinces.\n\n"
            "Police also seized 3 tonnes of hashish last year, the ministry said.",
            61,
            "life_sentences",
            "X-IQ-FED",
        ),
        (
            "Ministry releases court totals\n\nCourts handed 61 life sentences last year, the Interior Ministry said. "
            "It added that its sentencing figures cover only the federal provinces.\n\n"
            "Police also seized 3 tonnes of hashish last year, the ministry said.",
            3000,
            "seizures",
            "IQ",
        ),
        # a sentence asking whether the figures include the Region states no scope: the national place stays
        (
            "Ministry releases court totals\n\nCourts handed 61 life sentences last year, the Interior Ministry said. "
            "The ministry did not say whether its sentencing figures include the Kurdistan Region.",
            61,
            "life_sentences",
            "IQ",
        ),
        (
            "إحصائية جديدة\n\nأعلنت وزارة الداخلية أن المحاكم أصدرت 61 حكماً بالسجن المؤبد خلال العام الماضي. "
            "ولم توضح الوزارة ما إذا كانت الأرقام تشمل إقليم كوردستان.",
            61,
            "life_sentences",
            "IQ",
        ),
        # a paragraph opening with the bare noun of the speaker before goes on with that speaker's place
        (
            "أرقام جديدة عن المخدرات\n\nوأعلن مجلس القضاء الأعلى أن المحاكم أدانت 900 متهم في المحافظات الاتحادية "
            "خلال العام الماضي.\n\nوفي الإقليم، قالت مديرية الأمن إن مفارزها اعتقلت 77 شخصاً في محافظتي أربيل ودهوك "
            "خلال العام الماضي.\n\nوأضافت المديرية أن ما ضبطته خلال العام الماضي بلغ 45 كيلوغراماً من الحشيشة.",
            45,
            "seizures",
            "X-IQ-AR-DA",
        ),
        # the partner of a joint operation is not where its haul is
        (
            "أعلنت شرطة البصرة أن عملية مشتركة نفذتها شرطة البصرة مع شرطة محافظة ميسان أسفرت عن ضبط 12 كيلوغراماً من "
            "الكريستال.",
            12,
            "seizure_event",
            "IQ-BA",
        ),
        # the Interior Ministry's own killed are federal when the text says the Region has its own police
        (
            "Ministry counts its losses\n\nThree policemen were killed in raids last year, the Interior Ministry said. "
            "The Kurdistan Region, which has its own police, is not covered.",
            3,
            "security_killed",
            "X-IQ-FED",
        ),
        (
            "Ministry counts its losses\n\nThree policemen were killed in raids last year, the Interior Ministry said.",
            3,
            "security_killed",
            "IQ",
        ),
    ],
)
def test_place_of_each_authority_or_scope(ref, text: str, number: float, indicator: str, place: str) -> None:
    assert _found(ref, text)[number] == (indicator, place)


@pytest.mark.parametrize(
    ("text", "number", "indicator"),
    [
        # a headline's figure the body does not repeat is a candidate
        (
            "Basra police: 240 held on drug charges since March\n\nBASRA — Officers seized 5 kg of crystal.",
            240,
            "arrests",
        ),
        ("Nineveh: 35 held over drug charges this year\n\nMOSUL — The police seized 2 kg of hashish.", 35, "arrests"),
    ],
)
def test_headline_only_figure(ref, text: str, number: float, indicator: str) -> None:
    assert _found(ref, text)[number][0] == indicator


@pytest.mark.parametrize(
    ("text", "number", "indicator"),
    [
        # "of whom" then a figure of another kind: its own figure, read from the words after the pronoun
        ("اعتقلت شرطة النجف 300 متهم العام الماضي، صدرت بحق 120 منهم أحكام بالإدانة.", 120, "convictions"),
        ("اعتقلت شرطة النجف 300 متهم العام الماضي، صدرت بحق 9 منهم أحكام بالإعدام.", 9, "death_sentences"),
        # a part of the same kind is still a kind of arrests, not a second count of all arrests
        ("اعتقلت شرطة النجف 300 متهم العام الماضي، 25 منهم أجانب.", 25, "arrests_foreign"),
    ],
)
def test_of_whom_part_of_another_kind(ref, text: str, number: float, indicator: str) -> None:
    assert _found(ref, text)[number][0] == indicator


def test_killed_as_lost_lives(ref) -> None:
    found = _found(ref, "The police said four officers had lost their lives in clashes with smugglers last year.")
    assert found[4][0] == "security_killed"
