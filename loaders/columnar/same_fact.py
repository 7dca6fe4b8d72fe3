"""loaders.same_fact's checks in bulk: whether any claim repeats a published fact (see that module for the rule).
Only whether: when one does, the record reader names both lines."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow.compute as pc

from loaders.columnar.distinct import arrow_texts, combined
from loaders.errors import NeedsRecords
from loaders.same_fact import FACT, WHERE_WHEN, statement_roots


def check_same_fact(claims: pd.DataFrame, sources: pd.DataFrame) -> None:
    copies = claims["same_as"].notna().to_numpy()
    kept = arrow_texts(claims.loc[copies, "same_as"])
    # Each claim id looked up among the few kept ones (not the few among a million): ids are distinct, so every
    # kept id is a claim's when as many claims are found as there are distinct kept ids.
    originals = pc.unique(kept)
    found = pc.sum(pc.is_in(arrow_texts(claims["claim_id"]), value_set=originals)).as_py() or 0
    if found != len(originals):
        raise NeedsRecords("same_as names an unknown claim")
    if pc.any(pc.is_in(kept, value_set=arrow_texts(claims.loc[copies, "claim_id"]))).as_py():
        raise NeedsRecords("same_as names a claim that is itself a copy")
    # Each row's fact (indicator, drug, value ...) and its place, period and scope as one dense number each: the
    # keys below combine two or three columns instead of eleven.
    fact_of = _dense(combined([_codes(claims[name]) for name in FACT]))
    where_of = _dense(combined([_codes(claims[name]) for name in WHERE_WHEN]))
    source, source_ids = pd.factorize(claims["source_id"], use_na_sentinel=False)
    entry = combined([source, fact_of, where_of])[~copies]
    if _distinct(entry) < len(entry):
        raise NeedsRecords("one source's figure entered twice")
    checked = ~copies & (claims["distinct_because"] == "").to_numpy() & (claims["review"] == "").to_numpy()
    fact = combined([_root_codes(source_ids, sources)[source], fact_of])[checked]
    where = combined([fact, where_of[checked]])
    if _distinct(where) != _distinct(fact):  # some statement's figure has two places, periods or scopes
        raise NeedsRecords("one statement's figure under two places, periods or scopes")


def _codes(column: pd.Series) -> np.ndarray:
    """The column as integer codes, a missing value being one code: equal to itself, as None is in the record
    reader's tuples (NaN is not)."""
    return pd.factorize(column, use_na_sentinel=False)[0]


def _distinct(key: np.ndarray) -> int:
    return len(pd.unique(key))


def _dense(key: np.ndarray) -> np.ndarray:
    return pd.factorize(key)[0]


def _root_codes(source_ids: pd.Index | pd.Categorical, sources: pd.DataFrame) -> np.ndarray:
    """A code per source for its statement: the source's own code, or the code of the source it relays (most
    relay none); a relayed source with no claims of its own gets a new code."""
    relaying = sources[sources["relays"].notna()]
    pairs = zip(relaying["source_id"], relaying["relays"], strict=True)
    roots = statement_roots([{"source_id": s, "relays": r} for s, r in pairs])
    ids = source_ids.tolist()
    code_of = {source_id: code for code, source_id in enumerate(ids)}
    root_of = np.arange(len(ids), dtype=np.int64)
    for source_id, root in roots.items():
        if source_id in code_of:
            root_of[code_of[source_id]] = code_of.setdefault(root, len(code_of))
    return root_of
