"""Consistency flags: a part of a year above the whole year, members above their composite."""

import pandas as pd
import pytest

from loaders.consistency import consistency_flags

INDICATORS = pd.DataFrame(
    {"indicator_id": ["arrests"], "kind": ["flow"], "summable": [True]},
)
GEOGRAPHIES = pd.DataFrame(
    {
        "code": ["IQ", "IQ-KR", "IQ-AR", "IQ-DA", "IQ-SU", "IQ-BA"],
        "level": ["country", "region", "governorate", "governorate", "governorate", "governorate"],
        "members": [None, "IQ-AR|IQ-DA|IQ-SU", None, None, None, None],
    }
)


def claim(claim_id, geo, value, start="2023-01-01", end="2023-12-31", full=True, qualifier="exact", scope="whole"):
    return {
        "claim_id": claim_id,
        "indicator_id": "arrests",
        "drug_id": "all",
        "geo_code": geo,
        "scope": scope,
        "value": value,
        "qualifier": qualifier,
        "value_low": None,
        "value_high": None,
        "precision": 1.0,
        "period_start": pd.Timestamp(start).date(),
        "period_end": pd.Timestamp(end).date(),
        "granularity": "year" if full else "range",
        "period_label": "2023" if full else "Jan–Oct 2023",
        "year": 2023,
        "is_full_year": full,
        "is_preferred": True,
        "value_as_written": f"{value:,}",
    }


def flags(*claims) -> pd.DataFrame:
    return consistency_flags(pd.DataFrame(claims), INDICATORS, GEOGRAPHIES)


@pytest.mark.parametrize(
    ("part", "flagged"),
    [
        (claim("p", "IQ", 17000, end="2023-10-31", full=False, qualifier="about"), True),
        (claim("p", "IQ", 14200, end="2023-10-31", full=False), True),
        (claim("p", "IQ", 13000, end="2023-10-31", full=False), False),
        (claim("p", "IQ", 17000, end="2023-10-31", full=False, scope="part"), False),  # another scope: not comparable
    ],
)
def test_part_of_a_year_above_the_whole_year(part, flagged):
    found = flags(claim("w", "IQ", 14000), part)
    assert (len(found) == 1) is flagged
    if flagged:
        row = found.iloc[0]
        assert (row["kind"], row["whole_claim_id"], row["part_claim_ids"]) == ("part_exceeds_whole", "w", "p")


def test_members_above_their_composite():
    found = flags(claim("kr", "IQ-KR", 1000), claim("ar", "IQ-AR", 600), claim("da", "IQ-DA", 500))
    assert list(found["kind"]) == ["members_exceed_composite"]
    assert (
        found.iloc[0]["part_claim_ids"] == "ar|da" and found.iloc[0]["part_value"] == 1099
    )  # each figure widened by half its rounding step


def test_members_within_their_composite_and_other_periods_are_not_flagged():
    assert flags(claim("kr", "IQ-KR", 1000), claim("ar", "IQ-AR", 600), claim("da", "IQ-DA", 300)).empty
    assert flags(claim("kr", "IQ-KR", 1000), claim("ar", "IQ-AR", 900, end="2023-06-30", full=False)).empty
