"""Group claims about the same thing, flag conflicts and prefer one claim per group by a written rule.

The preference rule, in order (the first criterion that separates two claims decides):
1. reviewed claims before machine-extracted ones awaiting review;
2. source type: statistical release, international dataset, official statement, media relaying an
   official, NGO compilation, media report;
3. exactness of the figure: exact, then about, then a range, then a bound (more than, at least ...);
4. specificity: the finer rounding step (14,438 before 14,500);
5. the latest publication (a later statement may correct an earlier one; unknown dates last);
6. the claim id, so the choice is deterministic.
Claims about part of a place (one district, court, centre, crossing: scope = part) form groups of their own,
so they are never preferred over, or counted as, the whole place's figure.
A claim marked `same_as` another is a second transcription of one published fact: it is kept and shown with
its reason, but it belongs to no group's ranking and is never preferred or counted.
A group is in conflict when no single number is consistent with all of its claims, once each claim
is widened by its rounding step (so "about 14,500" and "14,438" agree; "19,000" and "14,857" do not).

The rule is applied to whole columns (a sort, then group-wise comparisons), so a million claims cost seconds;
the reasons are written once per distinct pair of rankings, except the rounding reason, which quotes each figure.
"""

from __future__ import annotations

import hashlib
import math
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from data.schema import SOURCE_TYPES
from loaders.columnar.distinct import arrow_texts, codes_of, isin, lookup, spread, str_series

GROUP_KEY = ["indicator_id", "drug_id", "geo_code", "scope", "period_start", "period_end", "granularity"]
_QUALIFIER_RANK = {"exact": 0, "about": 1, "range": 2, "at_least": 3, "more_than": 3, "at_most": 3, "less_than": 3}
_RANKS = ["needs_review", "type_rank", "qualifier_rank", "precision", "published_rank"]  # criteria 1-5; 6 is order
_SOURCE_TYPE_WORDS = {
    "statistical_release": "a statistical release",
    "international_dataset": "an international dataset",
    "official_statement": "an official statement",
    "media_relaying_official": "media relaying an official",
    "ngo_compilation": "an NGO compilation",
    "media_report": "a media report",
}
_QUALIFIER_WORDS = {
    0: "an exact figure",
    1: "an approximate figure",
    2: "a range",
    3: "a bound (more than, at least ...)",
}
_UNREVIEWED_BEST = "not preferred: a machine-extracted candidate awaiting review"
_ONLY_CLAIM = "preferred: the only claim for this place, period and scope"


def consistent_interval(claim: dict[str, Any]) -> tuple[float, float]:
    """The values a claim allows, widened by its rounding step."""
    step, value, qualifier = claim["precision"], claim["value"], claim["qualifier"]
    if qualifier in ("more_than", "at_least"):
        return value, math.inf
    if qualifier in ("less_than", "at_most"):
        return -math.inf, value
    if qualifier == "range":
        return claim["value_low"] - step / 2, claim["value_high"] + step / 2
    slack = step if qualifier == "about" else step / 2
    return value - slack, value + slack


def in_conflict(claims: list[dict[str, Any]]) -> bool:
    intervals = [consistent_interval(c) for c in claims]
    return max(low for low, _ in intervals) > min(high for _, high in intervals)


def reconcile(claims: list[dict[str, Any]] | pd.DataFrame, sources: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return claims (sorted by claim id) with group, conflict and preference columns, and one observation per
    group whose preferred claim is reviewed."""
    frame = pd.DataFrame(claims) if isinstance(claims, list) else claims
    if not _increasing(arrow_texts(frame["claim_id"])):  # the columnar reader sorts them already
        frame = frame.sort_values("claim_id", ignore_index=True, kind="stable")  # order = criterion 6
    # .tolist() first: iterating an Arrow-backed column yields one element at a time, slowly
    dates = zip(sources["source_id"].tolist(), sources["published"].tolist(), strict=True)
    published = {s: (p if isinstance(p, str) else None) for s, p in dates}
    frame = _with_ranks(frame, sources, published)
    copies = frame["same_as"].notna().to_numpy()
    members = np.flatnonzero(~copies)  # positions, not a filtered copy of every column
    order = members[np.lexsort([frame[k].to_numpy()[members] for k in reversed(["group", *_RANKS])])]
    ranked = frame.loc[order, ["group", "source_id", "value", "value_low", "value_high"]]
    position = ranked.groupby("group", sort=False).cumcount().to_numpy()
    best = pd.Series(ranked.index[position == 0], index=ranked.loc[position == 0, "group"])
    out = frame.assign(best=pd.Series(best.reindex(frame["group"]).to_numpy(), index=frame.index).where(~copies))
    out = _conflicts(out, copies)
    out, observations = _preferred(out, ranked, position, _lost_reasons(out, copies, published))
    helpers = ["best", "group", "source_type", *(k for k in _RANKS if k != "precision")]
    return out.drop(columns=helpers), observations


def _with_ranks(frame: pd.DataFrame, sources: pd.DataFrame, published: dict[str, str | None]) -> pd.DataFrame:
    source_type = pd.Series(
        lookup(
            frame["source_id"], dict(zip(sources["source_id"].tolist(), sources["source_type"].tolist(), strict=True))
        )
    )
    published_rank = _published_ranks(published)
    codes, keys = codes_of(frame, GROUP_KEY)
    parts = zip(*([str(_none(part)) for part in keys[name].tolist()] for name in GROUP_KEY), strict=True)
    group_ids = [_group_id(key) for key in parts]
    return frame.assign(
        source_type=source_type,
        needs_review=(frame["review"] == "needs_review").to_numpy(),
        type_rank=lookup(source_type, {t: i for i, t in enumerate(SOURCE_TYPES)}).astype(int),
        qualifier_rank=lookup(frame["qualifier"], _QUALIFIER_RANK).astype(int),
        published_rank=lookup(frame["source_id"], {s: published_rank[p] for s, p in published.items()}).astype(int),
        group=codes,
        group_id=spread(group_ids, codes),
    )


def _published_ranks(published: dict[str, str | None]) -> dict[str | None, int]:
    """Each publication date's place in the rule's order: later dates first, unknown dates last."""
    newest_first = {date: _newest_first(date) for date in set(published.values())}
    return {date: rank for rank, date in enumerate(sorted(newest_first, key=newest_first.__getitem__))}


def _none(part: Any) -> Any:
    return None if part is None or (isinstance(part, float) and math.isnan(part)) else part


def _newest_first(published: str | None) -> str:
    """A sort key that puts later dates first and unknown dates last."""
    return "".join(chr(0x10FFFF - ord(ch)) for ch in published) if published else "\U0010ffff"


def _group_id(parts: tuple[str, ...]) -> str:
    """A stable id for a group key (each part as str() writes it, None included)."""
    return "g-" + hashlib.sha1("|".join(parts).encode()).hexdigest()[:12]


def _increasing(texts: pa.Array) -> bool:
    return len(texts) < 2 or pc.all(pc.less(texts.slice(0, len(texts) - 1), texts.slice(1))).as_py() is not False


def _conflicts(frame: pd.DataFrame, copies: np.ndarray) -> pd.DataFrame:
    """A group conflicts when its highest lower bound exceeds its lowest upper bound (see consistent_interval)."""
    q, step, value = frame["qualifier"].to_numpy(), frame["precision"].to_numpy(), frame["value"].to_numpy(float)
    lower_bound, upper_bound = (
        isin(frame["qualifier"], ["more_than", "at_least"]),
        isin(frame["qualifier"], ["less_than", "at_most"]),
    )
    ranged, about = q == "range", q == "about"
    slack = np.where(about, step, step / 2)
    low = np.select([lower_bound, upper_bound, ranged], [value, -np.inf, frame["value_low"] - step / 2], value - slack)
    high = np.select([lower_bound, upper_bound, ranged], [np.inf, value, frame["value_high"] + step / 2], value + slack)
    bounds = pd.DataFrame({"group": frame["group"], "low": low, "high": high})[~copies]
    by_group = bounds.groupby("group")
    conflict = by_group["low"].max() > by_group["high"].min()
    return frame.assign(in_conflict=frame["group"].map(conflict).where(~copies, False).astype(bool))


def _lost_reasons(frame: pd.DataFrame, copies: np.ndarray, published: dict[str, str | None]) -> dict[str, pa.Array]:
    """Every claim's reason, what it lost to, and why (the winners' reasons are written by _preferred)."""
    best = frame["best"].fillna(0).astype(int).to_numpy()
    losing = ~copies & (best != frame.index.to_numpy())
    criterion = np.full(len(frame), 5)
    for index in reversed(range(len(_RANKS))):
        column = frame[_RANKS[index]].to_numpy()
        criterion = np.where(column[best] != column, index, criterion)
    criterion = np.where(losing, criterion, -1)
    why = _why(frame, best, criterion, published)
    winner_id = arrow_texts(frame["claim_id"]).take(pa.array(best))
    reason = pc.if_else(pa.array(losing), pc.binary_join_element_wise("lost to ", winner_id, ": ", why, ""), "")
    if copies.any():
        copy_reasons = [_COPY.format(original) for original in frame.loc[copies, "same_as"].tolist()]
        reason = pc.replace_with_mask(reason, pa.array(copies), pa.array(copy_reasons, pa.string()))
    lost_to = pc.if_else(pa.array(losing), winner_id, pc.if_else(pa.array(copies), arrow_texts(frame["same_as"]), None))
    return {"reason": reason, "lost_to": lost_to, "why": why}


_COPY = "not counted: the same published fact as {}, transcribed a second time (kept for the record)"


def _why(frame: pd.DataFrame, best: np.ndarray, criterion: np.ndarray, published: dict[str, str | None]) -> pa.Array:
    """The first criterion of the rule that separates each losing claim from its group's winner, in plain words:
    written once per distinct pair of rankings, except the rounding reason, which quotes both figures."""
    rank_of = {1: "type_rank", 2: "qualifier_rank", 4: "published_rank"}
    winner_rank, loser_rank = np.zeros(len(frame), dtype=np.int64), np.zeros(len(frame), dtype=np.int64)
    for index, name in rank_of.items():
        column = frame[name].to_numpy().astype(np.int64)
        winner_rank = np.where(criterion == index, column[best], winner_rank)
        loser_rank = np.where(criterion == index, column, loser_rank)
    key = (criterion + 1) * _KEY_BASE**2 + winner_rank * _KEY_BASE + loser_rank
    keys, inverse = np.unique(key, return_inverse=True)
    dates = {rank: date for date, rank in _published_ranks(published).items()}
    words = pa.array([_pair_words(int(k), dates) for k in keys], pa.string()).take(pa.array(inverse))
    written, rounder = arrow_texts(frame["value_as_written"]), np.flatnonzero(criterion == 3)
    finer = written.take(pa.array(best[rounder]))
    rounding = pc.binary_join_element_wise(
        "the finer figure (", finer, ") ranks above the rounder (", written.take(pa.array(rounder)), ")", ""
    )
    return pc.replace_with_mask(words, pa.array(criterion == 3), rounding)


_KEY_BASE = 1 << 20  # more than any rank: six source types, four exactness ranks, the distinct publication dates


def _pair_words(key: int, dates: dict[int, str | None]) -> str:
    criterion, winner, loser = key // _KEY_BASE**2 - 1, key // _KEY_BASE % _KEY_BASE, key % _KEY_BASE
    if criterion == 0:
        return "a reviewed claim ranks above a machine-extracted candidate"
    if criterion == 1:
        return f"{_SOURCE_TYPE_WORDS[SOURCE_TYPES[winner]]} ranks above {_SOURCE_TYPE_WORDS[SOURCE_TYPES[loser]]}"
    if criterion == 2:
        return f"{_QUALIFIER_WORDS[winner]} ranks above {_QUALIFIER_WORDS[loser]}"
    if criterion == 4:
        w_date, l_date = dates[winner], dates[loser]
        later = f"published {w_date}, later than {l_date}" if l_date else f"dated {w_date}; the other's date is unknown"
        return f"same source type and exactness; the later publication wins ({later})"
    if criterion == 5:
        return "nothing else separates them; the lower claim id is taken so the choice is stable"
    return ""  # a winner or a copy; a rounding reason is written per claim


def _preferred(
    frame: pd.DataFrame, ranked: pd.DataFrame, position: np.ndarray, lost: dict[str, pa.Array]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Mark each group's winner; a reviewed winner becomes the group's observation, with what it beat."""
    sizes = ranked.groupby("group").size()
    winners = ranked.index[position == 0]
    runner_up = pd.Series(ranked.index[position == 1], index=ranked.loc[position == 1, "group"])
    reviewed = ~frame.loc[winners, "needs_review"].to_numpy()
    shown, hidden = winners[reviewed], winners[~reviewed]
    groups = frame["group"].to_numpy()[shown]
    size = sizes.reindex(groups).to_numpy()
    alone, contested = shown[size == 1], shown[size > 1]
    next_ones = runner_up.reindex(groups[size > 1]).to_numpy().astype(np.int64)
    whys = lost["why"].take(pa.array(next_ones)).to_pylist()  # lists: per-element access to Arrow is slow
    next_ids = arrow_texts(frame["claim_id"]).take(pa.array(next_ones)).to_pylist()  # not a string per claim
    own_reasons = {
        **dict.fromkeys(hidden.tolist(), _UNREVIEWED_BEST),
        **dict.fromkeys(alone.tolist(), _ONLY_CLAIM),
        **{
            at: f"preferred over {n - 1} other claim(s); against the next, {next_id}: {why}"
            for at, n, next_id, why in zip(contested.tolist(), size[size > 1].tolist(), next_ids, whys, strict=True)
        },
    }
    is_winner = np.zeros(len(frame), dtype=bool)
    is_winner[winners] = True
    is_preferred = np.zeros(len(frame), dtype=bool)
    is_preferred[shown] = True
    frame = frame.assign(
        is_preferred=is_preferred,
        lost_to=str_series(pc.if_else(pa.array(is_winner), pa.scalar(None, pa.string()), lost["lost_to"])),
        preference_reason=str_series(_placed(lost["reason"], own_reasons)),
    )
    return frame, _observations(frame, ranked, shown)


def _placed(texts: pa.Array, at: dict[int, str]) -> pa.Array:
    """texts with the ones at the given positions replaced."""
    positions = np.array(sorted(at), dtype=np.int64)
    mask = np.zeros(len(texts), dtype=bool)
    mask[positions] = True
    return pc.replace_with_mask(texts, pa.array(mask), pa.array([at[p] for p in positions.tolist()], pa.string()))


def _observations(frame: pd.DataFrame, ranked: pd.DataFrame, shown: pd.Index) -> pd.DataFrame:
    values = ranked[["value", "value_low", "value_high"]].to_numpy(float)
    extremes = pd.DataFrame(  # fmin and fmax pass over NaN, as a frame's min and max do
        {"group": ranked["group"], "lowest": np.fmin.reduce(values, axis=1), "highest": np.fmax.reduce(values, axis=1)}
    ).groupby("group")
    best = frame.loc[shown]
    group = best["group"]
    observations = best[list(_OBSERVATION_FIELDS)].assign(
        n_claims=group.map(ranked.groupby("group").size()).to_numpy(),
        n_sources=group.map(ranked.groupby("group")["source_id"].nunique()).to_numpy(),
        group_min=group.map(extremes["lowest"].min()).to_numpy(),
        group_max=group.map(extremes["highest"].max()).to_numpy(),
        preference_reason=best["preference_reason"],
    )
    # Plain values: the tables are sorted by them, and a categorical sorts in the order its values were first read.
    categorical = observations.select_dtypes("category").columns
    plain = {name: observations[name].cat.categories.dtype for name in categorical}
    return observations.astype(plain).reset_index(drop=True)


_OBSERVATION_FIELDS = (
    "indicator_id",
    "drug_id",
    "geo_code",
    "scope",
    "scope_note",
    "value",
    "qualifier",
    "value_low",
    "value_high",
    "unit",
    "period_start",
    "period_end",
    "granularity",
    "period_label",
    "year",
    "is_full_year",
    "group_id",
    "in_conflict",
    "claim_id",
    "source_id",
)
