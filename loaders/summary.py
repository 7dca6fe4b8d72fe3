"""The text report a build prints: counts, coverage and every conflict."""

from __future__ import annotations

import pandas as pd


def summarise(tables: dict[str, pd.DataFrame], version: str, limit: int = 200) -> str:
    claims, observations = tables["claims"], tables["observations"]
    conflicts = observations[observations["in_conflict"]]
    years = claims["year"].dropna().astype(int)
    review = int((claims["review"] == "needs_review").sum())
    lines = [
        f"data version {version}",
        f"claims: {len(claims)}  sources: {len(tables['sources'])}  groups: {len(observations)}  "
        f"conflicts: {len(conflicts)}  needing review: {review}",
        f"places with a claim: {claims['geo_code'].nunique()}  years covered: {years.min()}–{years.max()}"
        if len(years)
        else "years covered: none",
        "conflicts (indicator, drug, place, period: values [claims] -> preferred):",
    ]
    members: dict[str, list[str]] = {}
    in_conflict = claims[claims["in_conflict"]].sort_values("claim_id")
    for group, value, claim in zip(
        in_conflict["group_id"], in_conflict["value_as_written"], in_conflict["claim_id"], strict=True
    ):
        members.setdefault(group, []).append(f"{value} [{claim}]")
    for obs in conflicts.head(limit).itertuples():
        lines.append(
            f"  {obs.indicator_id}, {obs.drug_id}, {obs.geo_code}, {obs.period_label}: "
            f"{', '.join(members[obs.group_id])} -> {obs.claim_id}"
        )
    if len(conflicts) > limit:
        lines.append(f"  ... and {len(conflicts) - limit} more (see the observations table, in_conflict)")
    lines += _flag_lines(tables["flags"])
    return "\n".join(lines)


def _flag_lines(flags: pd.DataFrame) -> list[str]:
    """Consistency flags by kind: each says which figures contradict which."""
    lines = []
    for kind, title in (
        ("part_exceeds_whole", "part of a year exceeds the whole year"),
        ("members_exceed_composite", "members exceed their composite"),
    ):
        rows = flags[flags["kind"] == kind]
        lines.append(f"flags, {title}: {len(rows)}")
        lines += [f"  {r.indicator_id}, {r.drug_id}, {r.geo_code}: {r.message}" for r in rows.itertuples()]
    return lines
