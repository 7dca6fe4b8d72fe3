"""The text report a build prints: counts, coverage and every conflict."""

from __future__ import annotations

import pandas as pd


def summarise(tables: dict[str, pd.DataFrame], version: str) -> str:
    claims, observations = tables["claims"], tables["observations"]
    conflicts = observations[observations["in_conflict"]]
    years = claims["year"].dropna().astype(int)
    review = int((claims["review"] == "needs_review").sum())
    lines = [
        f"data version {version}",
        f"claims: {len(claims)}  sources: {len(tables['sources'])}  groups: {len(observations)}  "
        f"conflicts: {len(conflicts)}  needing review: {review}",
        f"places with a claim: {claims['geo_code'].nunique()}  "
        f"years covered: {years.min()}–{years.max()}" if len(years) else "years covered: none",
        "conflicts (indicator, drug, place, period: values [claims] -> preferred):",
    ]
    by_group = claims.groupby("group_id")
    for obs in conflicts.itertuples():
        members = by_group.get_group(obs.group_id).sort_values("claim_id")
        values = ", ".join(f"{v} [{c}]" for v, c in zip(members["value_as_written"], members["claim_id"], strict=True))
        lines.append(f"  {obs.indicator_id}, {obs.drug_id}, {obs.geo_code}, {obs.period_label}: {values} -> {obs.claim_id}")
    return "\n".join(lines)
