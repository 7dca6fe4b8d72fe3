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
    order = members[_rank_order([frame[k].to_numpy()[members] for k in ["group", *_RANKS]])]
    ranked = frame.loc[order, ["group", "source_id", "value", "value_low", "value_high"]]
    starts = _run_starts(ranked["group"].to_numpy())
    position = np.arange(len(order)) - np.repeat(starts, np.diff(np.append(starts, len(order))))
    best = pd.Series(ranked.index[position == 0], index=ranked.loc[position == 0, "group"])
    out = frame.assign(best=pd.Series(best.reindex(frame["group"]).to_numpy(), index=frame.index).where(~copies))
    out = _conflicts(out, copies, order, starts)
    out, observations = _preferred(out, ranked, position, _Lost(out, copies, published))
    helpers = ["best", "group", *(k for k in _RANKS if k != "precision")]
    return out.drop(columns=helpers), observations


def _rank_order(keys: list[np.ndarray]) -> np.ndarray:
    """np.lexsort of the keys, most significant first; as one stable sort of a packed integer when the keys fit
    in 63 bits (a quarter of the time), each key first numbered by rank (precision is a float)."""
    ranks = [_float_ranks(key) if key.dtype.kind == "f" else key.astype(np.int64) for key in keys]
    widths = [int(rank.max(initial=0)) + 1 for rank in ranks]
    if math.prod(widths) >= 2**63 or any(int(rank.min(initial=0)) < 0 for rank in ranks):
        return np.lexsort(list(reversed(keys)))
    packed = np.zeros(len(keys[0]) if keys else 0, dtype=np.int64)
    for rank, width in zip(ranks, widths, strict=True):
        packed = packed * width + rank
    return np.argsort(packed, kind="stable")


def _float_ranks(key: np.ndarray) -> np.ndarray:
    """Each value's rank among the distinct values, NaN last as lexsort puts it (hashed, not sorted: a few
    distinct rounding steps among a million claims)."""
    codes, distinct = pd.factorize(key, use_na_sentinel=False)
    return np.argsort(np.argsort(distinct, kind="stable"), kind="stable")[codes]


def _run_starts(sorted_groups: np.ndarray) -> np.ndarray:
    """Where each run of equal group codes begins in a sorted column."""
    return np.flatnonzero(np.diff(sorted_groups, prepend=np.int64(-1)) != 0) if len(sorted_groups) else sorted_groups


def _with_ranks(frame: pd.DataFrame, sources: pd.DataFrame, published: dict[str, str | None]) -> pd.DataFrame:
    # Each source's type and date rank, spread to its claims through the source codes (found once)
    source, source_ids = pd.factorize(frame["source_id"], use_na_sentinel=False)
    type_of = dict(zip(sources["source_id"].tolist(), sources["source_type"].tolist(), strict=True))
    type_rank = {t: i for i, t in enumerate(SOURCE_TYPES)}
    published_rank = _published_ranks(published)
    codes, keys = codes_of(frame, GROUP_KEY)
    return frame.assign(
        needs_review=(frame["review"] == "needs_review").to_numpy(),
        type_rank=np.array([type_rank[type_of[s]] for s in source_ids.tolist()], dtype=np.int64)[source],
        qualifier_rank=lookup(frame["qualifier"], _QUALIFIER_RANK).astype(int),
        published_rank=np.array([published_rank[published[s]] for s in source_ids.tolist()], dtype=np.int64)[source],
        group=codes,
        group_id=spread(_group_ids(keys), codes),
    )


def _group_ids(keys: pd.DataFrame) -> list[str]:
    """Each group key's stable id; its parts written as str() writes them (None included) once per distinct
    value, and joined by Arrow."""
    parts = []
    for name in GROUP_KEY:
        codes, distinct = pd.factorize(keys[name], use_na_sentinel=False)
        texts = pa.array([str(_none(part)) for part in distinct.tolist()], pa.string())
        parts.append(texts.take(pa.array(codes)))
    return [_group_id(key) for key in pc.binary_join_element_wise(*parts, "|").to_pylist()] if parts else []


def _published_ranks(published: dict[str, str | None]) -> dict[str | None, int]:
    """Each publication date's place in the rule's order: later dates first, unknown dates last."""
    newest_first = {date: _newest_first(date) for date in set(published.values())}
    return {date: rank for rank, date in enumerate(sorted(newest_first, key=newest_first.__getitem__))}


def _none(part: Any) -> Any:
    return None if part is None or (isinstance(part, float) and math.isnan(part)) else part


def _newest_first(published: str | None) -> str:
    """A sort key that puts later dates first and unknown dates last."""
    return "".join(chr(0x10FFFF - ord(ch)) for ch in published) if published else "\U0010ffff"


def _group_id(key: str) -> str:
    """A stable id for a group key (its parts joined by |)."""
    return "g-" + hashlib.sha1(key.encode()).hexdigest()[:12]


def _increasing(texts: pa.Array) -> bool:
    return len(texts) < 2 or pc.all(pc.less(texts.slice(0, len(texts) - 1), texts.slice(1))).as_py() is not False


def _conflicts(frame: pd.DataFrame, copies: np.ndarray, order: np.ndarray, starts: np.ndarray) -> pd.DataFrame:
    """A group conflicts when its highest lower bound exceeds its lowest upper bound (see consistent_interval);
    order holds the group members sorted by group, starts where each group begins in it."""
    step, value = frame["precision"].to_numpy(), frame["value"].to_numpy(float)
    lower_bound, upper_bound = (
        isin(frame["qualifier"], ["more_than", "at_least"]),
        isin(frame["qualifier"], ["less_than", "at_most"]),
    )
    ranged, about = isin(frame["qualifier"], ["range"]), isin(frame["qualifier"], ["about"])
    slack = np.where(about, step, step / 2)
    low = np.select([lower_bound, upper_bound, ranged], [value, -np.inf, frame["value_low"] - step / 2], value - slack)
    high = np.select([lower_bound, upper_bound, ranged], [np.inf, value, frame["value_high"] + step / 2], value + slack)
    in_conflict = np.zeros(len(frame), dtype=bool)
    if len(order):  # fmax and fmin pass over NaN, as a group's max and min do
        conflict = np.fmax.reduceat(low[order], starts) > np.fmin.reduceat(high[order], starts)
        by_group = np.zeros(int(frame["group"].max()) + 1, dtype=bool)
        by_group[frame["group"].to_numpy()[order[starts]]] = conflict
        in_conflict = by_group[frame["group"].to_numpy()] & ~copies
    return frame.assign(in_conflict=in_conflict)


class _Lost:
    """Every losing claim's reason, what it lost to, and why (the winners' reasons are written by _preferred),
    kept as pieces that are joined once, with the winners' own reasons, into the reason column."""

    def __init__(self, frame: pd.DataFrame, copies: np.ndarray, published: dict[str, str | None]) -> None:
        best = frame["best"].fillna(0).astype(int).to_numpy()
        self.losing = ~copies & (best != frame.index.to_numpy())
        criterion = np.full(len(frame), 5)
        for index in reversed(range(len(_RANKS))):
            column = frame[_RANKS[index]].to_numpy()
            criterion = np.where(column[best] != column, index, criterion)
        self.criterion, self.best, self.copies = np.where(self.losing, criterion, -1), best, copies
        self.words, self.word_of = _pair_word_codes(frame, best, self.criterion, published)
        self.written = arrow_texts(frame["value_as_written"])
        self.claim_ids = arrow_texts(frame["claim_id"])
        self.same_as = arrow_texts(frame["same_as"])
        self.winner_id = self.claim_ids.take(pa.array(best, mask=~self.losing))  # null unless losing
        self.lost_to = pc.coalesce(self.winner_id, self.same_as)  # a copy names its original

    def why(self, positions: np.ndarray) -> list[str]:
        """The reasons of the claims at these positions for losing to their winners."""
        rounding, word = self.criterion[positions] == 3, self.word_of[positions]
        words = self.words.take(pa.array(np.where(rounding, 0, word))).to_pylist()
        finer = self.written.take(pa.array(self.best[positions])).to_pylist()
        own = self.written.take(pa.array(positions)).to_pylist()
        return [
            _ROUNDING.format(f, o) if r else w for r, w, f, o in zip(rounding.tolist(), words, finer, own, strict=True)
        ]

    def reasons(self, own: pa.Array) -> pa.Array:
        """Each claim's reason: lost (to whom, why), a copy (of what), or its own (own, null elsewhere)."""
        rounding = self.criterion == 3
        return pc.binary_join_element_wise(
            *_template_pieces("lost to {}: ", self.losing, self.winner_id),
            self.words.take(pa.array(self.word_of, mask=~self.losing | rounding)),
            *_template_pieces(
                _ROUNDING,
                rounding,
                self.written.take(pa.array(self.best, mask=~rounding)),
                self.written.take(pa.array(np.arange(len(rounding)), mask=~rounding)),
            ),
            *_template_pieces(_COPY, self.copies, self.same_as),
            own,
            "",
            null_handling="skip",
        )


_COPY = "not counted: the same published fact as {}, transcribed a second time (kept for the record)"
_ROUNDING = "the finer figure ({}) ranks above the rounder ({})"


def _template_pieces(template: str, where: np.ndarray, *values: pa.Array) -> list[pa.Array]:
    """The template's fixed texts where `where` holds (null elsewhere) around the values, which must be null
    where it does not: joined with nulls skipped, each row reads the filled template or nothing."""
    mask, null = pa.array(where), pa.scalar(None, pa.string())
    texts = template.split("{}")
    assert len(texts) == len(values) + 1, f"{template!r} has {len(texts) - 1} slots for {len(values)} values"
    pieces: list[pa.Array] = []
    for text, value in zip(texts, [*values, None], strict=True):
        if text:
            pieces.append(pc.if_else(mask, text, null))
        if value is not None:
            pieces.append(value)
    return pieces


def _pair_word_codes(
    frame: pd.DataFrame, best: np.ndarray, criterion: np.ndarray, published: dict[str, str | None]
) -> tuple[pa.Array, np.ndarray]:
    """The first criterion of the rule that separates each losing claim from its group's winner, in plain words:
    written once per distinct pair of rankings (the distinct texts, and each claim's number among them); the
    rounding reason, which quotes both figures, is written by _Lost."""
    rank_of = {1: "type_rank", 2: "qualifier_rank", 4: "published_rank"}
    winner_rank, loser_rank = np.zeros(len(frame), dtype=np.int64), np.zeros(len(frame), dtype=np.int64)
    for index, name in rank_of.items():
        column = frame[name].to_numpy().astype(np.int64)
        winner_rank = np.where(criterion == index, column[best], winner_rank)
        loser_rank = np.where(criterion == index, column, loser_rank)
    key = (criterion + 1) * _KEY_BASE**2 + winner_rank * _KEY_BASE + loser_rank
    codes, keys = pd.factorize(key)
    dates = {rank: date for date, rank in _published_ranks(published).items()}
    return pa.array([_pair_words(int(k), dates) for k in keys], pa.string()), codes


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
    frame: pd.DataFrame, ranked: pd.DataFrame, position: np.ndarray, lost: _Lost
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
    whys = lost.why(next_ones)
    next_ids = lost.claim_ids.take(pa.array(next_ones)).to_pylist()  # not a string per claim
    own_reasons = {
        **dict.fromkeys(hidden.tolist(), _UNREVIEWED_BEST),
        **dict.fromkeys(alone.tolist(), _ONLY_CLAIM),
        **{
            at: f"preferred over {n - 1} other claim(s); against the next, {next_id}: {why}"
            for at, n, next_id, why in zip(contested.tolist(), size[size > 1].tolist(), next_ids, whys, strict=True)
        },
    }
    is_preferred = np.zeros(len(frame), dtype=bool)
    is_preferred[shown] = True
    frame = frame.assign(
        is_preferred=is_preferred,
        lost_to=str_series(lost.lost_to),
        preference_reason=str_series(lost.reasons(_placed(len(frame), own_reasons))),
    )
    return frame, _observations(frame, ranked, shown)


def _placed(length: int, at: dict[int, str]) -> pa.Array:
    """Texts at the given positions of an array of nulls."""
    positions = np.array(sorted(at), dtype=np.int64)
    mask = np.zeros(length, dtype=bool)
    mask[positions] = True
    texts = pa.array([at[p] for p in positions.tolist()], pa.string())
    return pc.replace_with_mask(pa.nulls(length, pa.string()), pa.array(mask), texts)


def _observations(frame: pd.DataFrame, ranked: pd.DataFrame, shown: pd.Index) -> pd.DataFrame:
    values = ranked[["value", "value_low", "value_high"]].to_numpy(float)
    extremes = pd.DataFrame(  # fmin and fmax pass over NaN, as a frame's min and max do
        {"group": ranked["group"], "lowest": np.fmin.reduce(values, axis=1), "highest": np.fmax.reduce(values, axis=1)}
    ).groupby("group")
    best = frame.loc[shown]
    group = best["group"]
    observations = best[list(_OBSERVATION_FIELDS)].assign(
        n_claims=group.map(ranked.groupby("group").size()).to_numpy(),
        n_sources=_source_counts(ranked)[group.to_numpy()],
        group_min=group.map(extremes["lowest"].min()).to_numpy(),
        group_max=group.map(extremes["highest"].max()).to_numpy(),
        preference_reason=best["preference_reason"],
    )
    # Plain values: the tables are sorted by them, and a categorical sorts in the order its values were first read.
    categorical = observations.select_dtypes("category").columns
    plain = {name: observations[name].cat.categories.dtype for name in categorical}
    return observations.astype(plain).reset_index(drop=True)


def _source_counts(ranked: pd.DataFrame) -> np.ndarray:
    """How many distinct sources each group's ranked claims come from, by group code."""
    group = ranked["group"].to_numpy()
    source = pd.factorize(ranked["source_id"], use_na_sentinel=False)[0]
    width = int(source.max(initial=0)) + 1
    pairs = pd.unique(group.astype(np.int64) * width + source)  # one number per (group, source) met
    return np.bincount(pairs // width, minlength=int(group.max(initial=-1)) + 1)


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
