"""The real ledger keeps the audit's findings fixed: scope, destroyed vs seized, one fact once, reasons shown."""

import io
import zipfile

import pandas as pd
import pytest

from data.package import evidence_pack
from data.store import snapshot
from figures.selection import MapOptions, load_tables, map_values

PARTS = ["gov-0115", "gov-0046", "gov-0047", "gov-0038", "gov-0045", "gov-0024", "gov-0013", "gov-0052"]
DESTROYED = [f"nat-b-{n:04d}" for n in range(52, 62)]


@pytest.fixture(scope="module")
def data(built):
    return snapshot(built.path.parent.parent)


@pytest.fixture(scope="module")
def claims(data) -> pd.DataFrame:
    return data.table("claims").set_index("claim_id")


def test_size_and_reach_of_the_ledger(data, claims):
    sources = data.table("sources")
    assert len(claims) >= 1000 and len(sources) >= 350
    assert (pd.to_datetime(claims["period_end"]).dt.year >= 2025).sum() >= 150
    assert sources["published"].notna().mean() >= 0.85


@pytest.mark.parametrize("claim_id", PARTS)
def test_district_court_and_centre_figures_are_parts(claims, claim_id):
    assert claims.loc[claim_id, "scope"] == "part" and claims.loc[claim_id, "scope_note"]


@pytest.mark.parametrize("claim_id", DESTROYED)
def test_the_700_kg_article_is_drugs_destroyed(claims, claim_id):
    assert claims.loc[claim_id, "indicator_id"].startswith("drugs_destroyed")


def test_parts_never_colour_the_map(data, claims):
    tables = load_tables(data)
    for claim_id in PARTS:
        claim = claims.loc[claim_id]
        year = pd.Timestamp(claim["period_end"]).year
        shown = map_values(tables, MapOptions(claim["indicator_id"], claim["drug_id"], year))
        assert claim_id not in set(shown["claim_id"]), claim_id


def test_second_copies_are_never_preferred_and_say_why(claims):
    copies = claims[claims["same_as"].notna()]
    assert len(copies) >= 10
    assert not copies["is_preferred"].any()
    assert copies["preference_reason"].str.startswith("not counted: the same published fact as").all()


def test_every_claim_that_loses_names_the_winner_and_the_criterion(claims):
    losers = claims[~claims["is_preferred"] & (claims["review"] == "")]
    assert losers["lost_to"].notna().all()
    assert (losers["lost_to"].isin(claims.index)).all()
    assert losers["preference_reason"].str.len().gt(20).all()


def test_the_evidence_pack_claims_csv_has_the_reason_columns(data):
    with zipfile.ZipFile(io.BytesIO(evidence_pack(data))) as archive:
        header = archive.read("data/claims.csv").decode("utf-8-sig").splitlines()[0].split(",")
    assert {"scope", "scope_note", "same_as", "lost_to", "preference_reason"} <= set(header)


def test_the_audit_examples_of_part_exceeding_whole_are_flagged(data):
    flags = data.table("flags")
    messages = " ".join(flags["message"])
    assert "nat-a-0017 (16,000, 1 Jan–22 Jul 2024) is larger than the preferred figure for all of 2024" in messages
    assert set(flags["kind"]) <= {"part_exceeds_whole", "members_exceed_composite"}
