"""Checks across claim groups: figures that cannot all be true together. They are flags, not deletions.

- part exceeds whole: a figure for part of a year (Jan-Oct 2023) is larger than the preferred figure for
  that whole year, for the same place, indicator, drug and scope;
- members exceed composite: whole-place figures of a composite's members (Erbil, Duhok ...) for one
  period add up to more than the composite's own figure (Kurdistan Region, Iraq) for that period.
Each figure is read as the interval it allows (its rounding step, "more than", ranges), so a flag means
the two statements contradict each other whatever the rounding.
"""

from __future__ import annotations

import hashlib

import pandas as pd

from loaders.reconcile import consistent_interval

FLAG_KINDS = ("part_exceeds_whole", "members_exceed_composite")
_KEY = ["indicator_id", "drug_id", "scope"]


def consistency_flags(claims: pd.DataFrame, indicators: pd.DataFrame, geographies: pd.DataFrame) -> pd.DataFrame:
    """One row per contradiction between preferred figures (see the module's docstring)."""
    preferred = _preferred_intervals(claims, indicators)
    flags = _part_exceeds_whole(preferred) + _members_exceed_composite(preferred, geographies)
    frame = pd.DataFrame(flags, columns=_COLUMNS)
    return frame.sort_values(["kind", "indicator_id", "geo_code", "flag_id"], ignore_index=True)


_COLUMNS = [
    "flag_id",
    "kind",
    "indicator_id",
    "drug_id",
    "geo_code",
    "year",
    "whole_claim_id",
    "whole_value",
    "part_claim_ids",
    "part_value",
    "message",
]


def _preferred_intervals(claims: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    kind = indicators.set_index("indicator_id")["kind"]
    summable = indicators.set_index("indicator_id")["summable"]
    rows = claims[claims["is_preferred"] & claims["indicator_id"].map(kind).isin(["flow", "stock"])].copy()
    rows["summable"] = rows["indicator_id"].map(summable).astype(bool)
    bounds = [consistent_interval(r) for r in rows.to_dict("records")]
    rows["low"] = [low for low, _ in bounds]
    rows["high"] = [high for _, high in bounds]
    return rows


def _part_exceeds_whole(rows: pd.DataFrame) -> list[dict]:
    flows = rows[rows["year"].notna() & rows["period_start"].notna()]
    full = flows[flows["is_full_year"]].set_index([*_KEY, "geo_code", "year"])
    partial = flows[~flows["is_full_year"]]
    flags = []
    for part in partial.itertuples():
        key = (part.indicator_id, part.drug_id, part.scope, part.geo_code, part.year)
        if key not in full.index:
            continue
        whole = full.loc[key]
        whole = whole.iloc[0] if isinstance(whole, pd.DataFrame) else whole
        if part.low > whole["high"]:
            message = (
                f"{part.claim_id} ({part.value_as_written}, {part.period_label}) is larger than the preferred "
                f"figure for all of {int(part.year)}, {whole['claim_id']} ({whole['value_as_written']})"
            )
            flags.append(_flag("part_exceeds_whole", part, whole, [part.claim_id], part.low, message))
    return flags


def _members_exceed_composite(rows: pd.DataFrame, geographies: pd.DataFrame) -> list[dict]:
    units = _member_sets(geographies)
    whole = rows[(rows["scope"] == "whole") & rows["summable"]]
    flags = []
    for _key, group in whole.groupby(
        ["indicator_id", "drug_id", "period_start", "period_end", "granularity"], dropna=False
    ):
        by_place = group.set_index("geo_code")
        for parent, members in units.items():
            if parent not in by_place.index:
                continue
            children = _disjoint_children(parent, members, units, set(by_place.index))
            if len(children) < 2:
                continue
            total = float(by_place.loc[children, "low"].sum())
            top = by_place.loc[parent]
            if total > top["high"]:
                ids = [str(by_place.loc[c, "claim_id"]) for c in children]
                message = (
                    f"{len(children)} member figures ({', '.join(ids)}) add up to at least {total:,.0f}, more than "
                    f"the figure for the whole, {top['claim_id']} ({top['value_as_written']}), {top['period_label']}"
                )
                flags.append(_flag("members_exceed_composite", top, top, ids, total, message, parent))
    return flags


def _member_sets(geographies: pd.DataFrame) -> dict[str, frozenset[str]]:
    """Every place with parts, as the set of governorates it covers; Iraq covers all governorates."""
    governorates = frozenset(geographies.loc[geographies["level"] == "governorate", "code"])
    sets = {"IQ": governorates}
    for row in geographies.itertuples():
        if isinstance(row.members, str) and row.members:
            sets[row.code] = frozenset(row.members.split("|"))
    sets |= {code: frozenset([code]) for code in governorates}
    return sets


def _disjoint_children(parent: str, members: frozenset, units: dict, present: set[str]) -> list[str]:
    """Places with a figure inside `parent`, largest first, that do not overlap one another."""
    inside = [c for c in present if c != parent and c in units and units[c] < members]
    chosen, covered = [], set()
    for code in sorted(inside, key=lambda c: (-len(units[c]), c)):
        if not units[code] & covered:
            chosen.append(code)
            covered |= units[code]
    return chosen


def _flag(kind, part, whole, part_ids, part_value, message, geo=None) -> dict:
    get = (lambda row, k: getattr(row, k)) if not isinstance(part, pd.Series) else (lambda row, k: row[k])
    flag = {
        "kind": kind,
        "indicator_id": get(part, "indicator_id"),
        "drug_id": get(part, "drug_id"),
        "geo_code": geo or get(part, "geo_code"),
        "year": None if pd.isna(get(part, "year")) else int(get(part, "year")),
        "whole_claim_id": whole["claim_id"],
        "whole_value": None if pd.isna(whole["value"]) else float(whole["value"]),
        "part_claim_ids": "|".join(part_ids),
        "part_value": float(part_value),
        "message": message,
    }
    digest = hashlib.sha1(f"{kind}|{flag['whole_claim_id']}|{flag['part_claim_ids']}".encode()).hexdigest()[:10]
    return {"flag_id": f"f-{digest}", **flag}
