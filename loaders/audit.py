"""An audit sample: N random curated claims with everything needed to re-check each against its source.

Deterministic for a given ledger and seed, so two people auditing "seed 7" check the same claims. The
output is a Markdown checklist to copy into data/raw/AUDITS.md and fill in (see the README).
"""

from __future__ import annotations

import random
from pathlib import Path

import pandas as pd

from loaders.build import validate

CHECKS = ("value", "period", "place", "scope", "indicator", "source date")


def sample_claims(tables: dict[str, pd.DataFrame], size: int, seed: int) -> pd.DataFrame:
    """`size` curated claims drawn at random (by `seed`) from the claim ids in sorted order.

    Second transcriptions (same_as) are left out: they are kept as a record of a copy, and never counted.
    """
    claims = tables["claims"]
    curated = sorted(claims.loc[(claims["review"] == "") & claims["same_as"].isna(), "claim_id"])
    assert size > 0, "the sample size must be positive"
    chosen = random.Random(seed).sample(curated, min(size, len(curated)))
    return claims.set_index("claim_id").loc[chosen].reset_index()


def checklist(tables: dict[str, pd.DataFrame], size: int, seed: int) -> str:
    rows = sample_claims(tables, size, seed)
    sources = tables["sources"].set_index("source_id")
    labels = tables["indicators"].set_index("indicator_id")["label_en"]
    names = tables["geographies"].set_index("code")["name_en"]
    lines = [
        f"## Audit sample: {len(rows)} claims, seed {seed}",
        "",
        "For each claim open the URL, find the figure and mark each check; write a verdict "
        "(right / wrong: what the page says / not verifiable: why).",
        "",
    ]
    for number, claim in enumerate(rows.itertuples(), start=1):
        source = sources.loc[claim.source_id]
        place = names[claim.geo_code] + (" (whole place)" if claim.scope == "whole" else f" (part: {claim.scope_note})")
        published = source["published"] if isinstance(source["published"], str) else "unknown"
        lines += [
            f"{number}. **{claim.claim_id}** ({claim.raw_file}:{claim.raw_line}): {labels[claim.indicator_id]}"
            + ("" if claim.drug_id == "all" else f", {claim.drug_id}"),
            f"   - value as written: {claim.value_as_written} {claim.unit_as_written}",
            f"   - period as written: {claim.period_as_written} (read as {claim.period_label})",
            f"   - place as written: {claim.place_as_written} -> {place}",
            f"   - source: {source['publisher']}, {source['title']}, published {published} "
            f"({source['published_how']}); {source['source_type'].replace('_', ' ')}",
            f"   - URL: {source['url']}",
            f"   - note: {claim.note}",
            "   - checks: " + " ".join(f"[ ] {name}" for name in CHECKS),
            "   - verdict: ",
        ]
    return "\n".join(lines) + "\n"


def run(raw_dir: Path, size: int, seed: int) -> str:
    return checklist(validate(raw_dir), size, seed)
