"""A chart together with its caption and the data it displays: what a page shows and an export writes."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from figures.captions import Caption
from figures.geometry import Geometry, credit_text
from figures.i18n import DEFAULT, LABEL_COLUMN, N_, NAME_COLUMN, gettext_for, unit_text, year
from figures.maps import make_map_figure, map_caption
from figures.selection import LATEST, MapOptions, Tables, flags_for, indicator_rows, map_values, trend_rows
from figures.trends import make_trend_figure, trend_caption
from figures.ytd import make_ytd_figure, ytd_caption, ytd_rows

LATEST_TEXT = N_("latest available")
MAP_COLUMNS = [
    "code",
    "name",
    "status",
    "value_text",
    "value",
    "display",
    "period_label",
    "is_full_year",
    "combined_name",
    "publisher",
    "claim_id",
    "in_conflict",
]
TREND_COLUMNS = [
    "geo_code",
    "period_label",
    "period_start",
    "period_end",
    "granularity",
    "is_full_year",
    "value",
    "qualifier",
    "value_low",
    "value_high",
    "unit",
    "in_conflict",
    "group_min",
    "group_max",
    "publisher",
    "claim_id",
    "scope",
    "scope_note",
    "group_id",
    "preference_reason",
]


@dataclass(frozen=True)
class View:
    figure: go.Figure
    caption: Caption
    data: pd.DataFrame
    values: pd.DataFrame = field(compare=False, default=None)
    scale_title: str = ""
    left_out: pd.DataFrame = field(compare=False, default=None)
    flags: pd.DataFrame = field(compare=False, default=None)


def indicator_label(tables: Tables, indicator: str, drug: str, lang: str = DEFAULT) -> str:
    label = tables.indicators.set_index("indicator_id").loc[indicator, LABEL_COLUMN[lang]]
    return label if drug == "all" else f"{label} — {tables.drugs.set_index('drug_id').loc[drug, LABEL_COLUMN[lang]]}"


def place_name(tables: Tables, code: str, lang: str = DEFAULT) -> str:
    return tables.geographies.set_index("code").loc[code, NAME_COLUMN[lang]]


def map_content(
    tables: Tables, options: MapOptions, credit: str, version: str, url: str
) -> tuple[pd.DataFrame, Caption, str]:
    """What a map shows, without the figure: enough for an interaction, which sends only what changes."""
    unit = tables.indicators.set_index("indicator_id").loc[options.indicator, "unit"]
    values = map_values(tables, options)
    _ = gettext_for(options.lang)
    period = _(LATEST_TEXT) if options.year == LATEST else year(options.year, options.lang)
    label = indicator_label(tables, options.indicator, options.drug, options.lang)
    caption = map_caption(values, label, unit, period, options.per_capita, credit, version, url, options.lang)
    return values, caption, unit_text("per 100,000" if options.per_capita else unit, options.lang)


def map_view(tables: Tables, options: MapOptions, geometry: Geometry, version: str, url: str) -> View:
    values, caption, scale_title = map_content(tables, options, credit_text(geometry, options.lang), version, url)
    data = values.assign(display=values.get("display"))
    data = data.reindex(columns=MAP_COLUMNS + (["population_note"] if "population_note" in data else []))
    figure = make_map_figure(values, geometry, caption, scale_title, lang=options.lang)
    return View(figure, caption, data, values, scale_title)


def trend_view(
    tables: Tables,
    indicator: str,
    drug: str,
    places: list[str],
    version: str,
    url: str,
    scale: str = "auto",
    lang: str = DEFAULT,
) -> View:
    unit = tables.indicators.set_index("indicator_id").loc[indicator, "unit"]
    names = dict(zip(tables.geographies["code"], tables.geographies[NAME_COLUMN[lang]], strict=True))
    names = {code: names[code] for code in places}
    rows = trend_rows(tables, indicator, drug, places)
    parts = trend_rows(tables, indicator, drug, places, scope="part")
    every = indicator_rows(tables, indicator, drug)
    left_out = every[every["geo_code"].isin(places) & every["ref_year"].isna()]
    flags = flags_for(tables, indicator, drug, places)
    label = indicator_label(tables, indicator, drug, lang)
    caption = trend_caption(rows, label, unit, names, len(left_out), version, url, len(parts), len(flags), lang=lang)
    figure = make_trend_figure(rows, names, unit, caption, parts=parts, scale=scale, lang=lang)
    data = pd.concat([rows, parts, left_out], ignore_index=True).reindex(columns=TREND_COLUMNS)
    return View(figure, caption, data, left_out=left_out, flags=flags)


def ytd_view(tables: Tables, indicator: str, drug: str, code: str, version: str, url: str, lang: str = DEFAULT) -> View:
    """The year-to-date panel of one place: how each year's count builds from 1 January."""
    unit = tables.indicators.set_index("indicator_id").loc[indicator, "unit"]
    place = place_name(tables, code, lang)
    rows = ytd_rows(tables, indicator, drug, code)
    caption = ytd_caption(rows, indicator_label(tables, indicator, drug, lang), place, unit, version, url, lang=lang)
    return View(make_ytd_figure(rows, place, unit, caption, lang=lang), caption, rows.reindex(columns=TREND_COLUMNS))
