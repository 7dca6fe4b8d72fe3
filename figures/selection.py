"""Choose which observations a map or a trend shows: full years before partial periods, never a gap as zero."""

from __future__ import annotations

from dataclasses import dataclass, fields

import pandas as pd

from data.schema import OBSERVATIONS
from figures.i18n import (
    DEFAULT,
    LABEL_COLUMN,
    N_,
    NAME_COLUMN,
    QUALIFIERS,
    gettext_for,
    number,
    period_text,
    unit_text,
    year,
)

LATEST = "latest"
NO_POPULATION = N_("no population figure for this place")
NO_FIGURE_TEXT = N_("no published figure")


@dataclass(frozen=True)
class Tables:
    """The processed tables a figure may read; frames are shared and must not be mutated."""

    observations: pd.DataFrame
    sources: pd.DataFrame
    geographies: pd.DataFrame
    indicators: pd.DataFrame
    population: pd.DataFrame
    drugs: pd.DataFrame
    flags: pd.DataFrame


def load_tables(data) -> Tables:  # noqa: ANN001 - a data.store.Snapshot
    """Every table a figure may read, from one data version."""
    return Tables(*(data.table(f.name) for f in fields(Tables)))


@dataclass(frozen=True)
class MapOptions:
    indicator: str
    drug: str = "all"
    year: int | str = LATEST
    per_capita: bool = False
    lang: str = DEFAULT


def format_value(
    value: float | None,
    qualifier: str,
    low: float | None = None,
    high: float | None = None,
    unit: str = "",
    lang: str = DEFAULT,
) -> str:
    """'about 14,500 persons', 'at least 454 sentences', '950,000–1,000,000 persons' (in `lang`)."""
    suffix = f" {unit_text(unit, lang)}" if unit else ""
    if qualifier == "range":
        return f"{format_number(low, lang)}–{format_number(high, lang)}{suffix}"
    words = gettext_for(lang)(QUALIFIERS.get(qualifier, "{value}"))
    return words.format(value=format_number(value, lang)) + suffix


def format_number(value: float | None, lang: str = DEFAULT) -> str:
    """14,438 · 2.5 · 0.706: whole numbers grouped, others to one decimal (three significant digits below 10)."""
    if value is None or pd.isna(value):
        return gettext_for(lang)(N_("no figure"))
    if float(value).is_integer():
        return number(int(value), lang)
    if abs(value) >= 10:
        return number(round(value, 1), lang, 1)
    return number(float(f"{value:.3g}"), lang)


def reference_year(observations: pd.DataFrame, indicators: pd.DataFrame) -> pd.Series:
    """The year a figure belongs to: its period's year, or the year of its as-of date for stocks and events."""
    kind = observations["indicator_id"].map(indicators.set_index("indicator_id")["kind"])
    end_year = pd.to_datetime(observations["period_end"]).dt.year
    dated = kind.isin(["stock", "event"]) & observations["granularity"].isin(["as_of", "day", "year"])
    return observations["year"].astype("Int64").where(~dated, end_year.astype("Int64"))


def indicator_rows(tables: Tables, indicator: str, drug: str, scope: str = "whole") -> pd.DataFrame:
    """Observations of one indicator and drug. Only whole-place figures by default: a district's, court's or
    centre's figure (scope part) is never a place's value on a map or in its yearly series."""
    obs = tables.observations
    rows = obs[(obs["indicator_id"] == indicator) & (obs["drug_id"] == drug) & (obs["scope"] == scope)].copy()
    rows["ref_year"] = reference_year(rows, tables.indicators)
    publisher = tables.sources.set_index("source_id")["publisher"]
    rows["publisher"] = rows["source_id"].map(publisher)
    return rows


def available_years(tables: Tables, indicator: str, drug: str, codes: list[str] | None = None) -> list[int]:
    rows = indicator_rows(tables, indicator, drug)
    if codes is not None:
        rows = rows[rows["geo_code"].isin(codes)]
    return sorted(int(y) for y in rows["ref_year"].dropna().unique())


def map_places(geographies: pd.DataFrame) -> tuple[list[str], dict[str, list[str]]]:
    """Governorates drawn on the map, and composites below the national level drawn over their members."""
    governorates = sorted(geographies.loc[geographies["level"] == "governorate", "code"])
    sub_national = geographies[(geographies["level"] == "composite") & (geographies["parent"] != "IQ")]
    composites = {row.code: row.members.split("|") for row in sub_national.itertuples()}
    return governorates, composites


def comparable_kinds(kind: str) -> tuple[str, ...]:
    """Granularities whose figures share one colour scale: whole calendar years for flows, dated counts for stocks."""
    return ("as_of", "day", "year") if kind == "stock" else ("year",)


def default_map_year(tables: Tables, indicator: str, drug: str) -> int | str:
    """The latest year in which the most governorates have a comparable (full-year, whole-place) figure."""
    kind = tables.indicators.set_index("indicator_id").loc[indicator, "kind"]
    rows = indicator_rows(tables, indicator, drug).dropna(subset=["ref_year"])
    rows = rows[rows["granularity"].isin(comparable_kinds(kind))]
    governorates, composites = map_places(tables.geographies)
    covered: dict[int, set[str]] = {}
    for row in rows.itertuples():
        members = composites.get(row.geo_code, [row.geo_code] if row.geo_code in governorates else [])
        covered.setdefault(int(row.ref_year), set()).update(members)
    if not covered:
        return LATEST
    return max(covered, key=lambda year: (len(covered[year]), year))


def map_values(tables: Tables, options: MapOptions) -> pd.DataFrame:
    """One row per governorate: its own figure, a combined figure over it, or 'no published figure'.

    `comparable` marks the figures that share the colour scale (whole calendar years, or dated counts for
    stocks); the others (part of a year, a one-day count) keep their value but get no colour on the scale.
    """
    kind = tables.indicators.set_index("indicator_id").loc[options.indicator, "kind"]
    rows = indicator_rows(tables, options.indicator, options.drug).dropna(subset=["ref_year"])
    governorates, composites = map_places(tables.geographies)
    chosen = _pick_per_place(rows, options.year)
    names = tables.geographies.set_index("code")[NAME_COLUMN[options.lang]]
    lang = options.lang
    records = []
    for code in governorates:
        own = chosen.get(code)
        combined = next((c for c, members in composites.items() if code in members and c in chosen), None)
        if combined and (own is None or (options.year == LATEST and chosen[combined]["ref_year"] > own["ref_year"])):
            records.append(
                _map_record(
                    code, names[code], chosen[combined], "combined", names[combined], composites[combined], lang
                )
            )
        else:
            status = "figure" if own is not None else "none"
            records.append(_map_record(code, names[code], own, status, None, None, lang))
    frame = pd.DataFrame(records)
    frame["comparable"] = frame["granularity"].isin(comparable_kinds(kind)) & frame["value"].notna()
    # In "latest available" each place may show another year: its label says which.
    frame["label_year"] = frame["ref_year"] if options.year == LATEST else None
    frame = _with_rates(frame, tables.population, lang) if options.per_capita else frame.assign(display=frame["value"])
    return frame.assign(display=frame["display"].where(frame["comparable"]))


def _pick_per_place(rows: pd.DataFrame, year: int | str) -> dict[str, pd.Series]:
    """Per place: full years first, then the latest end, then the longest period."""
    if year != LATEST:
        rows = rows[rows["ref_year"] == year]
    rows = rows.assign(span=pd.to_datetime(rows["period_end"]) - pd.to_datetime(rows["period_start"]))
    ordered = rows.sort_values(["ref_year", "is_full_year", "period_end", "span"], ascending=False, na_position="last")
    return {code: group.iloc[0] for code, group in ordered.groupby("geo_code", sort=False)}


def _map_record(code, name, pick, status, combined_name, members, lang) -> dict:  # noqa: ANN001
    base = {
        "code": code,
        "name": name,
        "status": status,
        "combined_name": combined_name,
        "members": "|".join(members) if members else None,
    }
    if pick is None:
        return base | {
            "value": None,
            "value_text": gettext_for(lang)(NO_FIGURE_TEXT),
            "period_label": "",
            "is_full_year": False,
            "publisher": "",
            "claim_id": "",
            "in_conflict": False,
            "ref_year": None,
            "geo_code": None,
            "granularity": "",
        }
    text = format_value(pick["value"], pick["qualifier"], pick["value_low"], pick["value_high"], pick["unit"], lang)
    value = pick["value"] if pd.notna(pick["value"]) else None
    return base | {
        "value": value,
        "value_text": text,
        "period_label": period_text(pick["period_label"], lang),
        "is_full_year": bool(pick["is_full_year"]),
        "publisher": pick["publisher"],
        "claim_id": pick["claim_id"],
        "in_conflict": bool(pick["in_conflict"]),
        "ref_year": int(pick["ref_year"]),
        "geo_code": pick["geo_code"],
        "granularity": pick["granularity"],
    }


def _with_rates(frame: pd.DataFrame, population: pd.DataFrame, lang: str = DEFAULT) -> pd.DataFrame:
    """Per 100,000 people, using each place's population of the nearest year with a figure (members summed)."""
    _ = gettext_for(lang)
    rates, notes, years = [], [], []
    for row in frame.itertuples():
        members = row.members.split("|") if isinstance(row.members, str) else [row.code]
        pop, pop_year = _population(population, members, row.ref_year)
        years.append(pop_year if pop is not None else None)
        if pd.isna(row.value) or pop is None:
            rates.append(None)
            notes.append("" if pd.isna(row.value) else _(NO_POPULATION))
        else:
            rates.append(row.value / pop * 100_000)
            notes.append(
                _("per 100,000 people (population {year}: {population})").format(
                    year=year(pop_year, lang), population=number(round(pop), lang)
                )
            )
    return frame.assign(display=rates, population_note=notes, population_year=years)


def _population(population: pd.DataFrame, codes: list[str], year: int | None) -> tuple[float | None, int | None]:
    """The population of every code in one common year: the year nearest `year` (the earlier one on a tie)."""
    if year is None:
        return None, None
    rows = population[population["geo_code"].isin(codes) & population["population"].notna()]
    common = [y for y, g in rows.groupby("year") if set(g["geo_code"]) == set(codes)]
    if not common:
        return None, None
    chosen = min(common, key=lambda y: (abs(y - year), y > year))  # the nearest year; the earlier on a tie
    return float(rows.loc[rows["year"] == chosen, "population"].sum()), int(chosen)


def flags_for(tables: Tables, indicator: str, drug: str, codes: list[str] | None = None) -> pd.DataFrame:
    """Consistency flags (part of a year above the year, members above their composite) for a selection."""
    flags = tables.flags
    rows = flags[(flags["indicator_id"] == indicator) & (flags["drug_id"] == drug)]
    return rows if codes is None else rows[rows["geo_code"].isin(codes)]


def trend_rows(tables: Tables, indicator: str, drug: str, codes: list[str], scope: str = "whole") -> pd.DataFrame:
    """Observations for a trend chart with an x date; cumulative and multi-year figures are left out."""
    rows = indicator_rows(tables, indicator, drug, scope)
    rows = rows[rows["geo_code"].isin(codes) & rows["ref_year"].notna()].copy()
    start = pd.to_datetime(rows["period_start"]).fillna(pd.to_datetime(rows["period_end"]))
    rows["x"] = start + (pd.to_datetime(rows["period_end"]) - start) / 2
    return rows.sort_values(["geo_code", "x"], ignore_index=True)


assert {"period_end", "is_full_year", "group_min"} <= set(OBSERVATIONS.column_names), "selection expects these columns"


def coverage(tables: Tables, by: str, indicator: str | None = None, lang: str = DEFAULT) -> pd.DataFrame:
    """Per row (indicator or place) and year: 2 = a full-year or dated figure, 1 = partial periods only, and claims."""
    obs = (
        tables.observations
        if indicator is None
        else tables.observations[tables.observations["indicator_id"] == indicator]
    )
    obs = obs.assign(ref_year=reference_year(obs, tables.indicators)).dropna(subset=["ref_year"])
    complete = obs["is_full_year"] | obs["granularity"].isin(["as_of", "day"])
    key = "indicator_id" if by == "indicator" else "geo_code"
    grouped = obs.assign(complete=complete).groupby([key, "ref_year"])
    cells = grouped.agg(status=("complete", "max"), claims=("n_claims", "sum")).reset_index()
    cells["status"] = cells["status"].astype(int) + 1
    labels = (
        tables.indicators.set_index("indicator_id")[LABEL_COLUMN[lang]]
        if by == "indicator"
        else tables.geographies.set_index("code")[NAME_COLUMN[lang]]
    )
    return cells.assign(row=cells[key].map(labels), year=cells["ref_year"].astype(int))[
        ["row", "year", "status", "claims"]
    ]
