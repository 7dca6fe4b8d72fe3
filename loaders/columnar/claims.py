"""Claims normalised column by column: the same rows loaders.ledger._claim_row makes, without a Python object
per claim. Written values, units, periods and places are normalised once per distinct text by the same functions
the record reader uses; anything wrong anywhere raises NeedsRecords, and the record reader names it."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from loaders.columnar.distinct import isin, lookup, map_distinct, spread, str_series
from loaders.columnar.values import parse_distinct
from loaders.errors import InputError, NeedsRecords
from loaders.ledger import REVIEW_STATES, SCOPES, FieldError, period_dates, period_shape
from loaders.normalise.units import resolve_unit
from loaders.reference import Reference

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"  # loaders.ledger._ID in RE2


def normalise_claims(table: pa.Table, ref: Reference, source_ids: pd.Series) -> pd.DataFrame:
    # In claim id order, the order the tables keep and the preference rule's last criterion: sorting the raw
    # strings here spares the build a copy of the normalised frame later.
    order = pc.sort_indices(table, [("claim_id", "ascending")])
    in_order = pc.all(pc.equal(order, pa.array(np.arange(len(order), dtype=np.uint64)))).as_py() is not False
    table = table if in_order else table.take(order)  # a ledger written in id order needs no copy
    _check_ids(table.column("claim_id"))  # sorted
    # The written values stay in Arrow: a pandas categorical of a million claims' 375,000 distinct texts would
    # cost more to build than parsing them.
    written = table.column("value").combine_chunks()
    frame = table.drop_columns(["value"]).to_pandas()
    _check_columns(frame, ref, source_ids)
    kind = pd.Series(lookup(frame["indicator_id"], {k: r.fields["kind"] for k, r in ref.indicators.items()}))
    canonical = pd.Series(lookup(frame["indicator_id"], {k: r.fields["unit"] for k, r in ref.indicators.items()}))
    _check(not ((kind == "event") & (frame["scope"] != "part")).any(), "an event claim whose scope is not part")
    values = _values(written)
    factor = _unit_factors(frame["unit"], values["unit_hint"], canonical)
    start, end, shape = _periods(frame, kind)
    (geo_code,) = map_distinct(frame, ["place"], _place(ref))
    return pd.DataFrame(
        {
            "claim_id": frame["claim_id"],
            "source_id": frame["source_id"],
            "indicator_id": frame["indicator_id"],
            "drug_id": frame["drug_id"].where(frame["drug_id"] != "", "all"),
            "geo_code": geo_code,
            "value": values["value"] * factor,
            "qualifier": values["qualifier"],
            "value_low": values["low"] * factor,
            "value_high": values["high"] * factor,
            "unit": canonical,
            "period_start": start,
            "period_end": end,
            **shape,
            "place_as_written": frame["place"],
            "value_as_written": str_series(written.dictionary_decode()),
            "unit_as_written": frame["unit"],
            "unit_factor": factor,
            "precision": values["precision"] * factor,
            "period_as_written": frame["period"],
            "scope": frame["scope"],
            "scope_note": frame["scope_note"],
            "same_as": frame["same_as"].where(frame["same_as"] != "", None),
            "distinct_because": frame["distinct_because"],
            "note": frame["note"],
            "review": frame["review"],
            "raw_file": frame["raw_file"],
            "raw_line": frame["raw_line"],
        }
    )


def _check(ok: bool, what: str) -> None:
    if not ok:
        raise NeedsRecords(what)


def _check_columns(frame: pd.DataFrame, ref: Reference, source_ids: pd.Series) -> None:
    """The record reader's per-field checks that need no normalising, in bulk."""
    _check(isin(frame["source_id"], source_ids).all(), "an unknown source_id")
    _check(isin(frame["indicator_id"], ref.indicators).all(), "an unknown indicator_id")
    _check(isin(frame["drug_id"].where(frame["drug_id"] != "", "all"), ref.drugs).all(), "an unknown drug_id")
    _check(isin(frame["review"], REVIEW_STATES).all(), "an unknown review state")
    _check(isin(frame["scope"], SCOPES).all(), "an unknown scope")
    _check(not ((frame["scope"] == "part") & (frame["scope_note"] == "")).any(), "a part without its scope_note")
    copies = (frame["same_as"] != "").to_numpy()
    same_as = frame.loc[copies, "same_as"].astype(str)
    _check(same_as.str.fullmatch(ID_PATTERN).all(), "a same_as that is not an id")
    _check(not (same_as.to_numpy() == frame.loc[copies, "claim_id"].to_numpy()).any(), "a claim the same as itself")


def _check_ids(ids: pa.ChunkedArray) -> None:
    _check(pc.all(pc.match_substring_regex(ids, ID_PATTERN)).as_py() is not False, "a claim_id that is not an id")
    # In id order, an id given twice is given in two rows side by side.
    _check(
        len(ids) < 2 or pc.any(pc.equal(ids.slice(1), ids.slice(0, len(ids) - 1))).as_py() is False,
        "a claim_id given twice",
    )


def _values(written: pa.DictionaryArray) -> dict[str, np.ndarray]:
    codes = written.indices.to_numpy()
    parsed = parse_distinct(written.dictionary)
    return {
        name: spread(column.tolist(), codes) if column.dtype == object else column[codes]
        for name, column in parsed.items()
    }


def _unit_factors(written: pd.Series, hints: np.ndarray, canonical: pd.Series) -> np.ndarray:
    frame = pd.DataFrame({"unit": written, "hint": hints, "canonical": canonical})
    (factor,) = map_distinct(frame, ["unit", "hint", "canonical"], _unit_factor)
    return factor.astype(float)


def _unit_factor(unit: str, hint: str | None, canonical: str) -> tuple[float]:
    try:
        return (resolve_unit(unit, None if pd.isna(hint) else hint, canonical),)
    except InputError as error:
        raise NeedsRecords(f"unit {unit!r}: {error}") from None


def _periods(frame: pd.DataFrame, kind: pd.Series) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]]:
    columns = frame[["period", "period_start", "period_end"]].assign(kind=kind)
    start, end, granularity, label, year, full = map_distinct(columns, list(columns.columns), _period)
    # year as float64 with NaN for none, as a frame of the record reader's rows has it: the same bytes reach
    # the data version hash (Arrow keeps what lies under a null).
    year = pd.Series(year, dtype=object).astype(float).to_numpy()
    shape = {"granularity": granularity, "period_label": label, "year": year, "is_full_year": full.astype(bool)}
    return start, end, shape


def _period(period: str, start_text: str, end_text: str, kind: str) -> tuple:
    try:
        start, end = period_dates(period, start_text, end_text)
    except FieldError as error:
        raise NeedsRecords(f"period {period!r}: {error.message}") from None
    shape = period_shape(period, end_text, start, end, kind)
    return start, end, shape.granularity, shape.label, shape.year, shape.is_full_year


def _place(ref: Reference):  # noqa: ANN202 - a closure over the gazetteer
    def resolve(written: str) -> tuple[str]:
        try:
            return (ref.gazetteer.resolve(written),)
        except InputError as error:
            raise NeedsRecords(f"place {written!r}: {error}") from None

    return resolve
