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

_KEY = ("indicator_id", "drug_id", "scope", "geo_code", "year")
_PERIOD = ("indicator_id", "drug_id", "period_start", "period_end", "granularity")
_FIGURE = ("claim_id", "value", "qualifier", "precision", "value_low", "value_high", "value_as_written")
_READ = dict.fromkeys((*_KEY, *_PERIOD, *_FIGURE, "is_full_year", "period_label"))


def consistency_flags(claims: pd.DataFrame, indicators: pd.DataFrame, geographies: pd.DataFrame) -> pd.DataFrame:
    """One row per contradiction between preferred figures (see the module's docstring).

    Works on plain dicts: a build has tens of thousands of preferred figures, and row-wise pandas access
    cost seconds where a dict lookup costs microseconds.
    """
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


def _preferred_intervals(claims: pd.DataFrame, indicators: pd.DataFrame) -> list[dict]:
    kinds = dict(zip(indicators["indicator_id"], indicators["kind"], strict=True))
    summable = dict(zip(indicators["indicator_id"], indicators["summable"].astype(bool), strict=True))
    counted = [name for name, kind in kinds.items() if kind in ("flow", "stock")]
    wanted = (claims["is_preferred"] & claims["indicator_id"].isin(counted)).to_numpy()
    # Only what the checks read, of only the rows they read: a copy of every column costs more than the checks.
    chosen = claims.loc[wanted, list(_READ)]
    records = [dict(zip(_READ, row, strict=True)) for row in zip(*(chosen[n].tolist() for n in _READ), strict=True)]
    for record in records:
        record["low"], record["high"] = consistent_interval(record)
        record["summable"] = summable[record["indicator_id"]]
        record["year"] = None if pd.isna(record["year"]) else int(record["year"])
        record["period_start"] = None if pd.isna(record["period_start"]) else record["period_start"]
    return records


def _part_exceeds_whole(rows: list[dict]) -> list[dict]:
    dated = [r for r in rows if r["year"] is not None and r["period_start"] is not None]
    full: dict[tuple, dict] = {}
    for row in dated:
        if row["is_full_year"]:
            full.setdefault(tuple(row[k] for k in _KEY), row)
    flags = []
    for part in dated:
        whole = None if part["is_full_year"] else full.get(tuple(part[k] for k in _KEY))
        if whole is not None and part["low"] > whole["high"]:
            message = (
                f"{part['claim_id']} ({part['value_as_written']}, {part['period_label']}) is larger than the preferred "
                f"figure for all of {part['year']}, {whole['claim_id']} ({whole['value_as_written']})"
            )
            flags.append(_flag("part_exceeds_whole", part, whole, [part["claim_id"]], part["low"], message))
    return flags


def _members_exceed_composite(rows: list[dict], geographies: pd.DataFrame) -> list[dict]:
    units = _member_sets(geographies)
    parents = {code for code, members in units.items() if len(members) > 1}
    periods: dict[tuple, dict[str, dict]] = {}
    for row in rows:
        if row["scope"] == "whole" and row["summable"]:
            periods.setdefault(tuple(row[k] for k in _PERIOD), {})[row["geo_code"]] = row
    flags = []
    for by_place in periods.values():
        for parent in parents & by_place.keys():
            children = _disjoint_children(units[parent], units, by_place.keys() - {parent})
            if len(children) < 2:
                continue
            total = float(sum(by_place[c]["low"] for c in children))
            top = by_place[parent]
            if total > top["high"]:
                ids = [by_place[c]["claim_id"] for c in children]
                message = (
                    f"{len(children)} member figures ({', '.join(ids)}) add up to at least {total:,.0f}, more than "
                    f"the figure for the whole, {top['claim_id']} ({top['value_as_written']}), {top['period_label']}"
                )
                flags.append(_flag("members_exceed_composite", top, top, ids, total, message))
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


def _disjoint_children(members: frozenset, units: dict, present) -> list[str]:  # noqa: ANN001 - a set-like view
    """Places with a figure inside the parent, largest first, that do not overlap one another."""
    inside = [c for c in present if c in units and units[c] < members]
    chosen, covered = [], set()
    for code in sorted(inside, key=lambda c: (-len(units[c]), c)):
        if not units[code] & covered:
            chosen.append(code)
            covered |= units[code]
    return chosen


def _flag(kind: str, part: dict, whole: dict, part_ids: list[str], part_value: float, message: str) -> dict:
    flag = {
        "kind": kind,
        "indicator_id": part["indicator_id"],
        "drug_id": part["drug_id"],
        "geo_code": whole["geo_code"],
        "year": part["year"],
        "whole_claim_id": whole["claim_id"],
        "whole_value": None if pd.isna(whole["value"]) else float(whole["value"]),
        "part_claim_ids": "|".join(part_ids),
        "part_value": float(part_value),
        "message": message,
    }
    digest = hashlib.sha1(f"{kind}|{flag['whole_claim_id']}|{flag['part_claim_ids']}".encode()).hexdigest()[:10]
    return {"flag_id": f"f-{digest}", **flag}
