import pytest

from loaders.errors import InputError
from loaders.normalise.units import resolve_unit


@pytest.mark.parametrize(
    ("written", "hint", "canonical", "factor"),
    [
        ("kg", None, "kg", 1),
        ("t", None, "kg", 1000),
        ("tonnes", None, "kg", 1000),
        ("g", None, "kg", 0.001),
        ("kg", "t", "kg", 1000),
        ("persons", None, "persons", 1),
        ("suspects", None, "persons", 1),
        ("tablets", None, "pills", 1),
        ("centers", None, "centres", 1),
        ("%", None, "percent", 1),
    ],
)
def test_converts_to_the_canonical_unit(written, hint, canonical, factor):
    assert resolve_unit(written, hint, canonical) == factor


@pytest.mark.parametrize(
    ("written", "canonical", "message"),
    [("furlongs", "kg", "unknown unit 'furlongs'"), ("pills", "kg", "indicator is measured in kg")],
)
def test_rejects_unknown_or_mismatched_units(written, canonical, message):
    with pytest.raises(InputError, match=message):
        resolve_unit(written, None, canonical)
