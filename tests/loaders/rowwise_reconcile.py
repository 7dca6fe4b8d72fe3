"""The row-by-row reconciliation the build used before the columnar one: kept as the oracle test_columnar compares
the columnar build with (same rule, vocabulary shared with loaders/reconcile.py, one claim at a time)."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from typing import Any

import pandas as pd

from data.schema import SOURCE_TYPES
from loaders.reconcile import (  # the rule's vocabulary; the algorithm below is the old one
    _OBSERVATION_FIELDS,
    _QUALIFIER_RANK,
    _QUALIFIER_WORDS,
    _SOURCE_TYPE_WORDS,
    GROUP_KEY,
    in_conflict,
)

_CRITERIA = ("review status", "source type", "exactness", "rounding", "publication date", "claim id")


@lru_cache(maxsize=65536)
def _newest_first(published: str | None) -> str:
    """A sort key that puts later dates first and unknown dates last."""
    return "".join(chr(0x10FFFF - ord(ch)) for ch in published) if published else "\U0010ffff"


def preference_key(claim: dict[str, Any], published: str | None) -> tuple:
    newest_first = _newest_first(published)
    return (
        claim["review"] == "needs_review",
        SOURCE_TYPES.index(claim["source_type"]),
        _QUALIFIER_RANK[claim["qualifier"]],
        claim["precision"],
        newest_first,
        claim["claim_id"],
    )


def group_id(claim: dict[str, Any]) -> str:
    return _group_id(tuple(claim[k] for k in GROUP_KEY))


@lru_cache(maxsize=262144)
def _group_id(key: tuple) -> str:
    return "g-" + hashlib.sha1("|".join(str(part) for part in key).encode()).hexdigest()[:12]


def reconcile(claims: list[dict[str, Any]] | pd.DataFrame, sources: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return claims with group, conflict and preference columns, and one observation per group."""
    # Unknown publication dates arrive as missing values; the rule ranks them last.
    published = {
        k: (v if isinstance(v, str) else None) for k, v in zip(sources["source_id"], sources["published"], strict=True)
    }
    source_type = dict(zip(sources["source_id"], sources["source_type"], strict=True))
    records = claims.to_dict("records") if isinstance(claims, pd.DataFrame) else claims
    groups: dict[str, list[dict[str, Any]]] = {}
    by_id = {record["claim_id"]: record for record in records}
    for record in records:
        record["source_type"] = source_type[record["source_id"]]  # Used for ranking only; dropped below.
        record["group_id"] = group_id(record)
        if isinstance(record["same_as"], str) and record["same_as"]:
            _mark_second_copy(record, by_id)
        else:
            groups.setdefault(record["group_id"], []).append(record)
    observations = [_resolve_group(members, published) for members in groups.values()]
    # Column by column: much faster than letting pandas infer a frame from a million dicts.
    columns = [name for name in records[0] if name != "source_type"] if records else []
    out = pd.DataFrame({name: [record[name] for record in records] for name in columns})
    return out, pd.DataFrame([o for o in observations if o is not None])


def _mark_second_copy(record: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> None:
    original = record["same_as"]
    assert original in by_id, f"{record['raw_file']}:{record['raw_line']}: same_as: unknown claim {original!r}"
    assert not isinstance(by_id[original]["same_as"], str), (
        f"{record['raw_file']}:{record['raw_line']}: same_as must name the kept copy"
    )
    record |= {"in_conflict": False, "is_preferred": False, "lost_to": original}
    record["preference_reason"] = (
        f"not counted: the same published fact as {original}, transcribed a second time (kept for the record)"
    )


def _resolve_group(members: list[dict[str, Any]], published: dict[str, str | None]) -> dict[str, Any] | None:
    conflict = in_conflict(members)
    ranked = sorted(members, key=lambda c: preference_key(c, published[c["source_id"]]))
    best = ranked[0]
    for member in members:
        member["in_conflict"] = conflict
        member["is_preferred"] = False
        member["lost_to"] = best["claim_id"] if member is not best else None
        member["preference_reason"] = _lost_reason(member, best, published)
    if best["review"] == "needs_review":
        best["lost_to"] = None
        best["preference_reason"] = "not preferred: a machine-extracted candidate awaiting review"
        return None  # Unreviewed candidates are never shown as the preferred figure.
    best["is_preferred"] = True
    values = [v for c in members for v in (c["value"], c["value_low"], c["value_high"]) if v is not None]
    reason = _reason(ranked, published)
    best["preference_reason"] = reason
    observation = {k: best[k] for k in _OBSERVATION_FIELDS}
    observation |= {
        "n_claims": len(members),
        "n_sources": len({c["source_id"] for c in members}),
        "group_min": min(values, default=None),
        "group_max": max(values, default=None),
        "preference_reason": reason,
    }
    return observation


def _reason(ranked: list[dict[str, Any]], published: dict[str, str | None]) -> str:
    """The preferred claim's reason: what it beat and on which criterion it beat the runner-up."""
    if len(ranked) == 1:
        return "preferred: the only claim for this place, period and scope"
    best, runner_up = ranked[0], ranked[1]
    why = _why(best, runner_up, published)
    return f"preferred over {len(ranked) - 1} other claim(s); against the next, {runner_up['claim_id']}: {why}"


def _lost_reason(claim: dict[str, Any], best: dict[str, Any], published: dict[str, str | None]) -> str:
    if claim is best:
        return ""
    return f"lost to {best['claim_id']}: {_why(best, claim, published)}"


def _why(winner: dict[str, Any], loser: dict[str, Any], published: dict[str, str | None]) -> str:
    """The first criterion of the rule that separates two claims, in plain words."""
    w_key = preference_key(winner, published[winner["source_id"]])
    l_key = preference_key(loser, published[loser["source_id"]])
    index = next(i for i, (a, b) in enumerate(zip(w_key, l_key, strict=True)) if a != b)
    criterion = _CRITERIA[index]
    if criterion == "review status":
        return "a reviewed claim ranks above a machine-extracted candidate"
    if criterion == "source type":
        w, lo = _SOURCE_TYPE_WORDS[winner["source_type"]], _SOURCE_TYPE_WORDS[loser["source_type"]]
        return f"{w} ranks above {lo}"
    if criterion == "exactness":
        return f"{_QUALIFIER_WORDS[w_key[2]]} ranks above {_QUALIFIER_WORDS[l_key[2]]}"
    if criterion == "rounding":
        return f"the finer figure ({winner['value_as_written']}) ranks above the rounder ({loser['value_as_written']})"
    if criterion == "publication date":
        w_date, l_date = published[winner["source_id"]], published[loser["source_id"]]
        later = f"published {w_date}, later than {l_date}" if l_date else f"dated {w_date}; the other's date is unknown"
        return f"same source type and exactness; the later publication wins ({later})"
    return "nothing else separates them; the lower claim id is taken so the choice is stable"
