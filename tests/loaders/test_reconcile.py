import pandas as pd
import pytest

from loaders.reconcile import in_conflict, reconcile


def claim(claim_id, value, qualifier="exact", precision=1.0, source="s1", review="", low=None, high=None):
    return {
        "claim_id": claim_id,
        "source_id": source,
        "indicator_id": "arrests",
        "drug_id": "all",
        "geo_code": "IQ",
        "period_start": "2024-01-01",
        "period_end": "2024-12-31",
        "value": value,
        "qualifier": qualifier,
        "value_low": low,
        "value_high": high,
        "precision": precision,
        "review": review,
        "unit": "persons",
        "granularity": "year",
        "period_label": "2024",
        "year": 2024,
        "is_full_year": True,
    }


@pytest.mark.parametrize(
    ("claims", "conflict"),
    [
        ([claim("a", 14438), claim("b", 14500, "about", 100)], False),  # a rounded restatement agrees
        ([claim("a", 14438), claim("b", 14000, precision=1000)], False),  # a round figure agrees within rounding
        ([claim("a", 14857), claim("b", 19000, "more_than", 1000)], True),
        ([claim("a", 454, "at_least"), claim("b", 434)], True),
        ([claim("a", 454, "at_least"), claim("b", 460)], False),
        ([claim("a", 16399), claim("b", 14857)], True),
        ([claim("a", None, "range", 1000, low=950_000, high=1_000_000), claim("b", 960_000, precision=1000)], False),
    ],
)
def test_conflict_means_no_value_fits_every_claim(claims, conflict):
    assert in_conflict(claims) is conflict


SOURCES = pd.DataFrame(
    {
        "source_id": ["stat", "media", "ngo", "late"],
        "published": ["2024-01-01", "2024-12-28", None, "2025-03-01"],
        "source_type": ["statistical_release", "media_relaying_official", "ngo_compilation", "media_relaying_official"],
    }
)


@pytest.mark.parametrize(
    ("claims", "preferred", "reason"),
    [
        ([claim("a", 14000, source="ngo"), claim("b", 14438, source="media")], "b", "source type"),
        ([claim("a", 14500, "about", 100, source="media"), claim("b", 14438, source="media")], "b", "exactness"),
        ([claim("a", 14000, precision=1000, source="media"), claim("b", 14438, source="media")], "b", "rounding"),
        ([claim("a", 14438, source="media"), claim("b", 14438, source="late")], "b", "publication date"),
        ([claim("a", 5, source="stat", review="needs_review"), claim("b", 6, source="ngo")], "b", "review status"),
    ],
)
def test_preference_rule_and_its_reason(claims, preferred, reason):
    out, observations = reconcile(pd.DataFrame(claims), SOURCES)
    assert out.set_index("claim_id")["is_preferred"].to_dict()[preferred]
    assert observations.loc[0, "claim_id"] == preferred
    assert f"by {reason}" in observations.loc[0, "preference_reason"]
    assert len(out) == len(claims), "nothing is dropped"


def test_unreviewed_candidates_alone_give_no_observation():
    out, observations = reconcile(pd.DataFrame([claim("a", 5, source="media", review="needs_review")]), SOURCES)
    assert observations.empty and not out["is_preferred"].any()
