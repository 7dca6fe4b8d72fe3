"""Sources checked column by column: the rows loaders.ledger._source_row makes, or NeedsRecords."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa

from data.schema import SOURCE_TYPES
from loaders.columnar.claims import ID_PATTERN
from loaders.columnar.distinct import isin, map_distinct
from loaders.errors import InputError, NeedsRecords
from loaders.ledger import LANGUAGES, PUBLISHED_HOW
from loaders.normalise.periods import parse_partial_date

URL_PATTERN = r"^https?://\S+$"  # RE2's \S is ASCII; an address with other spaces goes to the record reader


def check_sources(table: pa.Table) -> pd.DataFrame:
    frame = table.to_pandas()
    checks = {
        "a source_id that is not an id": frame["source_id"].str.fullmatch(ID_PATTERN).all(),
        "a source_id or url given twice": not (
            frame["source_id"].duplicated().any() or frame["url"].duplicated().any()
        ),
        "an empty publisher or title": ((frame["publisher"] != "") & (frame["title"] != "")).all(),
        "a url that is not http(s)": frame["url"].str.fullmatch(URL_PATTERN).all(),
        "an unknown language": isin(frame["language"], LANGUAGES).all(),
        "an unknown published_how": isin(frame["published_how"], PUBLISHED_HOW).all(),
        "a date given or missing against published_how": (
            (frame["published_how"] == "unknown") == (frame["published"] == "")
        ).all(),
        "an unknown source_type": isin(frame["source_type"], SOURCE_TYPES).all(),
        "a relays that is not an id": frame.loc[frame["relays"] != "", "relays"].str.fullmatch(ID_PATTERN).all(),
        "a source relaying itself or an unknown one": _relays_known(frame),
    }
    for what, ok in checks.items():
        if not ok:
            raise NeedsRecords(what)
    dates = pd.concat([frame["published"], frame["accessed"]]).to_frame("date")
    map_distinct(dates[dates["date"] != ""], ["date"], _date)
    blank_is_none = {name: frame[name].where(frame[name] != "", None) for name in ("published", "accessed", "relays")}
    return frame.drop(columns=["raw_file", "raw_line"]).assign(**blank_is_none)


def _relays_known(frame: pd.DataFrame) -> bool:
    relays = frame["relays"]
    named = relays != ""
    return bool(isin(relays[named], frame["source_id"]).all() and not (relays == frame["source_id"]).any())


def _date(text: str) -> tuple[None]:
    try:
        parse_partial_date(text, end=False)
    except InputError as error:
        raise NeedsRecords(f"date {text!r}: {error}") from None
    return (None,)
