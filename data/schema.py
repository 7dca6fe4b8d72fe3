"""The schema of every processed table, declared once and enforced on write and on read."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc


@dataclass(frozen=True)
class Column:
    name: str
    type: pa.DataType
    description: str
    nullable: bool = False


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]

    def arrow_schema(self) -> pa.Schema:
        return pa.schema([pa.field(c.name, c.type, nullable=c.nullable) for c in self.columns])


def _col(name: str, type_: pa.DataType, description: str, nullable: bool = False) -> Column:
    return Column(name, type_, description, nullable)


# The preference rule in plain words, in the order it is applied (loaders/reconcile.py implements it).
PREFERENCE_RULE = (
    "A claim about part of a place (one district, court, centre or crossing) is never compared with the whole "
    "place's figure: it forms its own group.",
    "A second transcription of a fact already in the ledger (same_as) is kept for the record and never counted.",
    "Reviewed claims rank above machine-extracted candidates awaiting review.",
    "Source type: a statistical release, then an international dataset, an official statement, media relaying an "
    "official, an NGO compilation, and a media report.",
    "Exactness: an exact figure, then an approximate one, then a range, then a bound (more than, at least).",
    "The finer figure: 14,438 ranks above 14,500.",
    "The later publication: a later statement may correct an earlier one; unknown dates rank last.",
    "The claim id, so the choice never changes between builds.",
)

# Source types in the order the preference rule ranks them (loaders/reconcile.py), most authoritative first.
SOURCE_TYPES = (
    "statistical_release",
    "international_dataset",
    "official_statement",
    "media_relaying_official",
    "ngo_compilation",
    "media_report",
)

STR, F64, I64, BOOL, DATE = pa.string(), pa.float64(), pa.int64(), pa.bool_(), pa.date32()

# Columns shared by claims and observations: the normalised figure and its period.
_FIGURE = (
    _col("indicator_id", STR, "Indicator id (see the indicators table)."),
    _col("drug_id", STR, "Drug id; 'all' for every drug or not drug-specific."),
    _col("geo_code", STR, "Geography code: ISO 3166-2 where one exists, X- for project-local codes."),
    _col(
        "scope",
        STR,
        "whole: the figure covers the whole place; part: one district, city, crossing, court, centre or agency's "
        "zone of it (never the place's figure).",
    ),
    _col("value", F64, "Normalised value in the indicator's unit; empty for a range.", True),
    _col("qualifier", STR, "exact, about, more_than, at_least, less_than, at_most or range."),
    _col("value_low", F64, "Low end of a range, or the bound of more_than/at_least.", True),
    _col("value_high", F64, "High end of a range, or the bound of less_than/at_most.", True),
    _col("unit", STR, "Canonical unit of the indicator."),
    _col("period_start", DATE, "First day covered; empty for a stock or an open-start total.", True),
    _col("period_end", DATE, "Last day covered, or the as-of date of a stock."),
    _col("granularity", STR, "year, half, quarter, month, day, multi_year, range, cumulative, as_of."),
    _col("period_label", STR, "Short human label of the period (2024, H1 2025, Jan–Aug 2024, as of Oct 2025)."),
    _col("year", I64, "Calendar year when the period lies within one year.", True),
    _col("is_full_year", BOOL, "True only when the period is one whole calendar year."),
    _col("group_id", STR, "Claims with the same indicator, drug, place and period share a group."),
    _col("in_conflict", BOOL, "True when the group's claims cannot all be true at once."),
)

CLAIMS = Table(
    "claims",
    "Every published figure, as written and normalised, with its provenance.",
    (
        _col("claim_id", STR, "Stable claim id."),
        _col("source_id", STR, "Source document id (see the sources table)."),
        *_FIGURE,
        _col("place_as_written", STR, "The place as the source names it."),
        _col("value_as_written", STR, "The figure as the source writes it."),
        _col("unit_as_written", STR, "The unit as the source writes it."),
        _col("unit_factor", F64, "Factor from the written unit to the canonical unit."),
        _col("precision", F64, "Rounding step of the figure as written, in the canonical unit."),
        _col("period_as_written", STR, "The reference period as the source states it."),
        _col("scope_note", STR, "For a part-scope claim: which part of the place it covers, in our words."),
        _col("same_as", STR, "Set on a second transcription of one published fact: the claim kept instead.", True),
        _col(
            "distinct_because",
            STR,
            "Why a claim that repeats another's value from the same statement is a distinct fact.",
        ),
        _col("note", STR, "Curator's note in our own words."),
        _col("review", STR, "Empty when curated; needs_review for machine-extracted candidates."),
        _col("is_preferred", BOOL, "True for the one claim of its group chosen by the preference rule."),
        _col("lost_to", STR, "For a claim that is not preferred: the claim preferred instead.", True),
        _col(
            "preference_reason",
            STR,
            "In plain words: why this claim was preferred, or the criterion of the rule by which it lost.",
        ),
        _col("raw_file", STR, "Raw file the claim was read from."),
        _col("raw_line", I64, "Line of the raw file the claim starts on."),
    ),
    ("claim_id",),
)

OBSERVATIONS = Table(
    "observations",
    "One row per claim group: the preferred claim, ready to chart, with the spread of the others.",
    (
        *_FIGURE,
        _col("scope_note", STR, "For a part-scope group: which part of the place the preferred claim covers."),
        _col("claim_id", STR, "The preferred claim."),
        _col("source_id", STR, "Source of the preferred claim."),
        _col("n_claims", I64, "Claims in the group."),
        _col("n_sources", I64, "Distinct sources in the group."),
        _col("group_min", F64, "Smallest value among the group's claims.", True),
        _col("group_max", F64, "Largest value among the group's claims.", True),
        _col("preference_reason", STR, "Why this claim was preferred over the others."),
        _col("is_composite", BOOL, "True when the place is a composite (e.g. Erbil and Duhok)."),
    ),
    ("group_id",),
)

SOURCES = Table(
    "sources",
    "Every document a claim cites.",
    (
        _col("source_id", STR, "Stable source id."),
        _col("publisher", STR, "Outlet or body that published the document."),
        _col("title", STR, "Headline; in parentheses where it is our description."),
        _col("url", STR, "Address of the document."),
        _col("language", STR, "ISO 639-1 language code."),
        _col("published", STR, "Publication date (YYYY-MM-DD, YYYY-MM or YYYY); empty if unknown.", True),
        _col("published_how", STR, "stated, url, inferred or unknown."),
        _col("accessed", STR, "Date the document was read, if known.", True),
        _col("source_type", STR, "statistical_release, official_statement, media_relaying_official, ..."),
        _col("authority", STR, "Who is quoted or whose data it is."),
        _col("relays", STR, "The source whose statement this one relays (one fact, two outlets); empty if none.", True),
        _col("note", STR, "Curator's note."),
        _col("n_claims", I64, "Claims citing this source."),
    ),
    ("source_id",),
)

GEOGRAPHIES = Table(
    "geographies",
    "Iraq, the Kurdistan Region, the 19 governorates and the composites sources report.",
    (
        _col("code", STR, "ISO 3166-2 code, or a project-local X- code."),
        _col("name_en", STR, "English name."),
        _col("name_ar", STR, "Arabic name."),
        _col("name_ku", STR, "Kurdish (Sorani) name."),
        _col("level", STR, "country, region, governorate or composite."),
        _col("parent", STR, "Code of the enclosing unit.", True),
        _col("members", STR, "For regions and composites: member codes joined by |.", True),
        _col("has_iso_code", BOOL, "False for project-local codes."),
        _col("aliases", STR, "Every other spelling the loader accepts, joined by |."),
        _col("note", STR, "Curator's note."),
    ),
    ("code",),
)

INDICATORS = Table(
    "indicators",
    "The measures claims are about.",
    (
        _col("indicator_id", STR, "Indicator id."),
        _col("label_en", STR, "English label."),
        _col("label_ar", STR, "Arabic label."),
        _col("label_ckb", STR, "Central Kurdish (Sorani) label."),
        _col("unit", STR, "Canonical unit."),
        _col("kind", STR, "flow (over a period), stock (at a date) or event (one operation)."),
        _col("summable", BOOL, "Whether summing over places is meaningful."),
        _col("description", STR, "What is counted."),
        _col("n_claims", I64, "Claims about this indicator."),
    ),
    ("indicator_id",),
)

DRUGS = Table(
    "drugs",
    "Drugs a seizure figure can be about.",
    (
        _col("drug_id", STR, "Drug id."),
        _col("label_en", STR, "English label."),
        _col("label_ar", STR, "Arabic label."),
        _col("label_ckb", STR, "Central Kurdish (Sorani) label."),
        _col("note", STR, "Curator's note."),
    ),
    ("drug_id",),
)

POPULATION = Table(
    "population",
    "Population by place and year: the preferred population claim of each place and year.",
    (
        _col("geo_code", STR, "Geography code."),
        _col("year", I64, "Year the figure refers to."),
        _col("population", F64, "Population (persons); empty for a range.", True),
        _col("qualifier", STR, "Qualifier of the figure as published."),
        _col("claim_id", STR, "The population claim."),
        _col("source_id", STR, "Its source."),
        _col("in_conflict", BOOL, "True when other claims for the same place and year disagree."),
    ),
    ("geo_code", "year"),
)

FLAGS = Table(
    "flags",
    "Contradictions between preferred figures found at build time: flags for readers, not deletions.",
    (
        _col("flag_id", STR, "Stable flag id."),
        _col("kind", STR, "part_exceeds_whole or members_exceed_composite."),
        _col("indicator_id", STR, "Indicator id."),
        _col("drug_id", STR, "Drug id."),
        _col("geo_code", STR, "The place whose whole figure is exceeded."),
        _col("year", I64, "Calendar year of the figures, when they lie within one year.", True),
        _col("whole_claim_id", STR, "The preferred claim for the whole (year, or composite place)."),
        _col("whole_value", F64, "Its value in the indicator's unit.", True),
        _col("part_claim_ids", STR, "The claim(s) for the part(s), joined by |."),
        _col("part_value", F64, "The smallest value the part(s) allow, summed."),
        _col("message", STR, "The contradiction in plain words."),
    ),
    ("flag_id",),
)

TABLES: dict[str, Table] = {
    t.name: t for t in (CLAIMS, OBSERVATIONS, SOURCES, GEOGRAPHIES, INDICATORS, DRUGS, POPULATION, FLAGS)
}


class SchemaError(ValueError):
    """A table does not match its declared schema."""


def to_arrow(frame: pd.DataFrame, table: Table) -> pa.Table:
    """Cast a frame to the declared schema, refusing missing or extra columns, nulls and duplicate keys."""
    missing = set(table.column_names) - set(frame.columns)
    extra = set(frame.columns) - set(table.column_names)
    if missing or extra:
        raise SchemaError(f"{table.name}: missing columns {sorted(missing)}, unexpected {sorted(extra)}")
    arrow = pa.Table.from_pandas(frame[table.column_names], preserve_index=False)
    arrow = arrow.cast(table.arrow_schema(), safe=True)
    check(arrow, table)
    return arrow


def check(arrow: pa.Table, table: Table) -> None:
    """Raise SchemaError unless the arrow table has the declared columns, types, nulls and a unique key."""
    if arrow.schema.remove_metadata() != table.arrow_schema():
        raise SchemaError(f"{table.name}: schema {arrow.schema} is not the declared {table.arrow_schema()}")
    for column in table.columns:
        if not column.nullable and arrow.column(column.name).null_count:
            raise SchemaError(f"{table.name}.{column.name}: null values in a non-nullable column")
    if (duplicate := _repeated_key(arrow, list(table.primary_key))) is not None:
        raise SchemaError(f"{table.name}: duplicate primary key {duplicate}")


def _repeated_key(arrow: pa.Table, key: list[str]) -> dict | None:
    """The first key value found on more than one row, if any; counted by Arrow (a million claim ids would be a
    million Python strings in pandas)."""
    if len(key) == 1 and _strictly_increasing(arrow.column(key[0])):
        return None  # a table sorted by its key (claims by id) shows it in one pass, without a hash of every key
    counts = arrow.select(key).group_by(key, use_threads=False).aggregate([([], "count_all")])
    if counts.num_rows == arrow.num_rows:
        return None
    repeated = counts.filter(pc.greater(counts.column("count_all"), 1)).slice(0, 1).to_pylist()[0]
    return {name: repeated[name] for name in key}


def _strictly_increasing(column: pa.ChunkedArray) -> bool:
    values = column.combine_chunks()
    if values.null_count or len(values) < 2:
        return values.null_count == 0
    return pc.all(pc.less(values.slice(0, len(values) - 1), values.slice(1))).as_py() is True
