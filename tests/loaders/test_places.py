import pytest

from loaders.errors import InputError
from loaders.reference import read_reference
from tests.conftest import RAW


@pytest.fixture(scope="module")
def gazetteer():
    ref = read_reference(RAW)
    assert not ref.problems, ref.problems
    return ref.gazetteer


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Basra", "IQ-BA"),
        ("Basrah", "IQ-BA"),
        ("Al Başrah", "IQ-BA"),
        ("البصرة", "IQ-BA"),
        ("محافظة البصرة", "IQ-BA"),
        ("Thi Qar", "IQ-DQ"),
        ("Nasiriyah", "IQ-DQ"),
        ("Diwaniyah", "IQ-QA"),
        ("Ninawa", "IQ-NI"),
        ("Mosul", "IQ-NI"),
        ("Slemani", "IQ-SU"),
        ("Dohuk", "IQ-DA"),
        ("Duhok governorate", "IQ-DA"),
        ("At-Ta'mim", "IQ-KI"),
        ("التأميم", "IQ-KI"),
        ("Kut", "IQ-WA"),
        ("Amarah", "IQ-MA"),
        ("Karbalā'", "IQ-KA"),
        ("kerbala", "IQ-KA"),
        ("Hewlêr", "IQ-AR"),
        ("هەولێر", "IQ-AR"),
        ("Halabja", "X-IQ-HAL"),
        ("IQ-KR", "IQ-KR"),
        ("KRI", "IQ-KR"),
        ("Erbil and Duhok", "X-IQ-AR-DA"),
        ("Sulaymaniyah and Halabja", "X-IQ-SU-HAL"),
        ("Iraq excl. KRI", "X-IQ-FED"),
        ("Iraq", "IQ"),
    ],
)
def test_resolves_every_spelling(gazetteer, written, code):
    assert gazetteer.resolve(written) == code


def test_unknown_place_lists_closest_names(gazetteer):
    with pytest.raises(InputError, match=r"unknown place 'Basara'; closest known names: 'Basra' \(IQ-BA\)"):
        gazetteer.resolve("Basara")


def test_every_dossier_name_variant_is_known(gazetteer):
    """The aliases the governorate dossier lists under 'Name variants' all resolve."""
    variants = [
        "Basrah",
        "Thi Qar",
        "Diwaniyah",
        "Ninawa",
        "Slemani",
        "Dohuk",
        "At-Ta'mim",
        "Nasiriyah",
        "Mosul",
        "Kut",
        "Amarah",
        "Baquba",
        "Ramadi",
        "Tikrit",
        "Hilla",
        "Samawah",
        "Babylon",
        "Kerbala",
        "Saladin",
    ]
    assert {v: gazetteer.resolve(v) for v in variants}
