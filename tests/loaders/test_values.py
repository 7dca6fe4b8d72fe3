import pytest

from loaders.errors import InputError
from loaders.normalise.values import parse_value


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "precision"),
    [
        ("3,006", 3006, "exact", 1),
        ("around 14,500", 14500, "about", 100),
        ("about 14,500", 14500, "about", 100),
        ("nearly 5,000", 5000, "about", 1000),
        ("~10,000", 10000, "about", 10000),
        ("more than 1,000", 1000, "more_than", 1000),
        ("over 19,000", 19000, "more_than", 1000),
        ("at least 454", 454, "at_least", 1),
        ("less than 3", 3, "less_than", 1),
        ("up to 500", 500, "at_most", 100),
        ("500+", 500, "more_than", 100),
        ("2,010.9", 2010.9, "exact", 0.1),
        ("1.2 million", 1_200_000, "exact", 100_000),
        ("two million", 2_000_000, "exact", 1_000_000),
        ("three", 3, "exact", 1),
        ("one hundred and forty-four", 144, "exact", 1),
        ("٣٠٠٦", 3006, "exact", 1),
        ("١٤٬٤٣٨", 14438, "exact", 1),
        ("أكثر من 1600", 1600, "more_than", 100),
        ("0", 0, "exact", 1),
    ],
)
def test_parses_figures(text, value, qualifier, precision):
    parsed = parse_value(text)
    assert (parsed.value, parsed.qualifier, parsed.precision) == pytest.approx((value, qualifier, precision))


@pytest.mark.parametrize(
    ("text", "kilograms", "precision"),
    [
        ("3 t 24 kg 600 g", 3024.6, 0.1),
        ("103 kg 936 g 676 mg", 103.936676, 0.000001),
        ("12 t 707 kg 400 g", 12707.4, 0.1),
        ("2 t 166 kg", 2166, 1),
        ("3 tons, 24 kilograms and 600 grams", 3024.6, 0.1),
    ],
)
def test_compound_weights_become_kilograms(text, kilograms, precision):
    parsed = parse_value(text)
    assert (parsed.value, parsed.unit_hint, parsed.precision) == pytest.approx((kilograms, "kg", precision))


@pytest.mark.parametrize(
    ("text", "number", "hint"),
    [
        ("5.9 t", 5.9, "t"),
        ("about half a ton", 0.5, "t"),
        ("two and a half tons", 2.5, "t"),  # not 3.5: the "a" of "a half" is no one of its own
        ("one and a half tonnes", 1.5, "t"),
        ("1,200 kg", 1200, "kg"),
        ("350 grams", 350, "g"),
        ("500 milligrams", 500, "mg"),  # not "g": that read 500 mg as half a kilogram
    ],
)
def test_value_may_carry_its_weight_unit(text, number, hint):
    parsed = parse_value(text)
    assert (parsed.value, parsed.unit_hint) == (pytest.approx(number), hint)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("950,000 to 1 million", 950_000, 1_000_000), ("between 5 and 7", 5, 7), ("1,000-2,000", 1000, 2000)],
)
def test_ranges_keep_both_ends_and_no_midpoint(text, low, high):
    parsed = parse_value(text)
    assert (parsed.qualifier, parsed.value, parsed.low, parsed.high) == ("range", None, low, high)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("-5", "negative"),
        ("many", "cannot read"),
        ("72 million 767", "cannot read"),
        ("5 to 3", "below"),
    ],
)
def test_rejects_what_is_not_one_figure(text, message):
    with pytest.raises(InputError, match=message):
        parse_value(text)
