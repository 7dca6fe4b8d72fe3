"""Batch export for the command line: build views from the current data version and write image files."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

from data.progress import progress
from data.store import boundaries, snapshot
from figures.captions import site_url
from figures.export import FORMATS, render, safe_filename
from figures.geometry import Geometry, from_boundaries, tile_grid
from figures.i18n import DEFAULT, LANGUAGES
from figures.selection import LATEST, MapOptions, Tables, available_years, indicator_rows, load_tables, map_places
from figures.views import View, map_view, trend_view

MAX_TREND_PLACES = 6


def run(args: argparse.Namespace) -> Iterator[Path]:
    data = snapshot()
    tables = load_tables(data)
    document = boundaries()
    geometry = from_boundaries(document) if document else tile_grid()
    if args.all:
        args.out.mkdir(parents=True, exist_ok=True)
        languages = LANGUAGES if args.lang == "all" else (args.lang,)
        views = [item for lang in languages for item in every_view(tables, geometry, data.version, lang)]
        for name, view in progress(views, len(views), "rendering views", at_least=1):
            for fmt in FORMATS:
                path = args.out / f"{name}.{fmt}"
                path.write_bytes(render(view, fmt, args.preset))
                yield path
        return
    view = one_view(tables, geometry, data.version, args)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(render(view, args.format, args.preset))
    yield args.out


def one_view(tables: Tables, geometry: Geometry, version: str, args: argparse.Namespace) -> View:
    if args.indicator not in set(tables.indicators["indicator_id"]):
        raise ValueError(f"unknown indicator {args.indicator!r}")
    if args.page == "trends":
        places = [p for p in args.places.split(",") if p]
        unknown = set(places) - set(tables.geographies["code"])
        if unknown:
            raise ValueError(f"unknown places {sorted(unknown)}")
        url = _public(f"/trends?indicator={args.indicator}&lang={args.lang}")
        return trend_view(tables, args.indicator, args.drug, places, version, url, lang=args.lang)
    year = LATEST if args.year == LATEST else int(args.year)
    options = MapOptions(args.indicator, args.drug, year, args.per_capita, args.lang)
    url = _public(f"/map?indicator={args.indicator}&year={args.year}&lang={args.lang}")
    return map_view(tables, options, geometry, version, url)


def _public(path: str) -> str:
    """The address printed in an image: SITE_URL plus the view's path, or nothing when SITE_URL is not set."""
    site = site_url()
    return f"{site}{path}" if site else ""


def every_view(tables: Tables, geometry: Geometry, version: str, lang: str = DEFAULT) -> Iterator[tuple[str, View]]:
    """Each indicator's map for its latest year with sub-national figures, and each indicator's trend, in `lang`
    (file names stay ASCII: English files keep their names, others end in the language code)."""
    suffix = None if lang == DEFAULT else lang
    governorates, composites = map_places(tables.geographies)
    for indicator in sorted(set(tables.observations["indicator_id"])):
        years = available_years(tables, indicator, "all", governorates + list(composites))
        if years:
            options = MapOptions(indicator, "all", years[-1], lang=lang)
            url = _public(f"/map?indicator={indicator}&year={years[-1]}&lang={lang}")
            view = map_view(tables, options, geometry, version, url)
            yield safe_filename("map", indicator, years[-1], suffix), view
        places = trend_places(tables, indicator)
        if places:
            url = _public(f"/trends?indicator={indicator}&places={','.join(places)}&lang={lang}")
            view = trend_view(tables, indicator, "all", places, version, url, lang=lang)
            yield safe_filename("trend", indicator, suffix), view


def trend_places(tables: Tables, indicator: str) -> list[str]:
    """Iraq and the Kurdistan Region first, then the places with the most dated figures."""
    rows = indicator_rows(tables, indicator, "all").dropna(subset=["ref_year"])
    counts = rows["geo_code"].value_counts()
    ordered = [c for c in ("IQ", "IQ-KR") if c in counts] + [c for c in counts.index if c not in ("IQ", "IQ-KR")]
    return ordered[:MAX_TREND_PLACES]
