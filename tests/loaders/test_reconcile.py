import pandas as pd
import pytest

from loaders.reconcile import in_conflict, reconcile


def claim(claim_id, value, qualifier="exact", precision=1.0, source="s1", review="", low=None, high=None, **extra):
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
        "scope": "whole",
        "scope_note": "",
        "same_as": None,
        "value_as_written": f"{value}",
        "raw_file": "claims/test.csv",
        "raw_line": 2,
    } | extra


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
        (
            [claim("a", 14000, source="ngo"), claim("b", 14438, source="media")],
            "b",
            "media relaying an official ranks above an NGO compilation",
        ),
        (
            [claim("a", 14500, "about", 100, source="media"), claim("b", 14438, source="media")],
            "b",
            "an exact figure ranks above an approximate figure",
        ),
        (
            [claim("a", 14000, precision=1000, source="media"), claim("b", 14438, source="media")],
            "b",
            "the finer figure (14438) ranks above the rounder (14000)",
        ),
        (
            [claim("a", 14438, source="media"), claim("b", 14438, source="late")],
            "b",
            "same source type and exactness; the later publication wins (published 2025-03-01, later than 2024-12-28)",
        ),
        (
            [claim("a", 5, source="stat", review="needs_review"), claim("b", 6, source="ngo")],
            "b",
            "a reviewed claim ranks above a machine-extracted candidate",
        ),
    ],
)
def test_preference_rule_and_its_reason_in_plain_words(claims, preferred, reason):
    out, observations = reconcile(pd.DataFrame(claims), SOURCES)
    by_id = out.set_index("claim_id")
    assert by_id.loc[preferred, "is_preferred"]
    assert observations.loc[0, "claim_id"] == preferred
    assert observations.loc[0, "preference_reason"].endswith(reason)
    loser = by_id.loc["a"]
    assert loser["lost_to"] == preferred
    assert loser["preference_reason"] == f"lost to {preferred}: {reason}"
    assert len(out) == len(claims), "nothing is dropped"


def test_a_part_of_the_place_is_never_preferred_over_the_whole():
    claims = [claim("a", 14438, source="media"), claim("b", 200, source="stat", scope="part")]
    out, observations = reconcile(pd.DataFrame(claims), SOURCES)
    assert out["is_preferred"].all(), "the part forms its own group"
    assert sorted(observations["scope"]) == ["part", "whole"]


def test_a_second_transcription_is_kept_but_never_counted():
    claims = [claim("a", 14438, source="media"), claim("b", 14438, source="stat", geo_code="IQ-BA", same_as="a")]
    out, observations = reconcile(pd.DataFrame(claims), SOURCES)
    copy = out.set_index("claim_id").loc["b"]
    assert not copy["is_preferred"] and copy["lost_to"] == "a"
    assert "same published fact as a" in copy["preference_reason"]
    assert list(observations["claim_id"]) == ["a"]


def test_unreviewed_candidates_alone_give_no_observation():
    out, observations = reconcile(pd.DataFrame([claim("a", 5, source="media", review="needs_review")]), SOURCES)
    assert observations.empty and not out["is_preferred"].any()
