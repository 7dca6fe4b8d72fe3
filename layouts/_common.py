"""Helpers shared by the pages: the current tables, URL-state parsing with visible fallbacks, small widgets."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlencode

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dash_table, dcc, html

from data.store import Snapshot, snapshot
from figures.captions import Caption
from figures.export import available as export_available
from figures.selection import Tables, load_tables

DEFAULT_INDICATOR = "arrests"


def current() -> tuple[Snapshot, Tables]:
    data = snapshot()
    return data, tables_of(data)


@lru_cache(maxsize=4)
def tables_of(data: Snapshot) -> Tables:
    return load_tables(data)


MAX_REPEATS = 50  # values read from one parameter: more is never a real view, only a costly request
MAX_PLACES = 12  # lines on one chart: more are unreadable, and each costs the server work


def distinct_texts(values: object, limit: int = MAX_REPEATS) -> list[str]:
    """Distinct strings from a callback's list input, the first `limit` looked at: a client sending
    40,000 copies of one place costs no more than one sending the place once."""
    if not isinstance(values, list):
        return []
    return list(dict.fromkeys(v for v in values[:limit] if isinstance(v, str)))


@dataclass
class Query:
    """Values read from a URL query; every rejected value leaves a notice for the page to show."""

    raw: dict[str, str]
    notices: list[str] = field(default_factory=list)
    repeated: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # A parameter given twice (?places=IQ&places=IQ-BA) arrives as a list: the last one counts for a single
        # choice, all of them (capped) for a list of places; the page renders either way, never a 400.
        self.repeated = {k: [str(x) for x in v[:MAX_REPEATS]] for k, v in self.raw.items() if isinstance(v, list)}
        self.raw = {k: (str(v[-1]) if isinstance(v, list) and v else v) for k, v in self.raw.items()}

    def choice(self, name: str, allowed: list, default, cast=str):  # noqa: ANN001, ANN201
        text = self.raw.get(name)
        if text is None or text == "":
            return default
        try:
            value = cast(text)
        except (TypeError, ValueError):
            value = None
        if value in allowed:
            return value
        self.notices.append(f"Unknown {name} '{_shortened(text)}' in the address; showing {default} instead.")
        return default

    def flag(self, name: str) -> bool:
        return self.choice(name, ["1", "0", "true", "false"], "0") in ("1", "true")

    def many(self, name: str, allowed: list[str], default: list[str], limit: int = MAX_REPEATS) -> list[str]:
        """Distinct allowed values in the order given, at most `limit` of them."""
        text = ",".join(self.repeated[name]) if name in self.repeated else self.raw.get(name)
        if not text:
            return default
        wanted = list(dict.fromkeys(part for part in text.split(",")[:MAX_REPEATS] if part))
        unknown = [part for part in wanted if part not in allowed]
        if unknown:
            self.notices.append(f"Unknown {name} {_shortened(', '.join(unknown))} in the address; ignored.")
        known = [part for part in wanted if part in allowed]
        if len(known) > limit:
            self.notices.append(f"At most {limit} {name} at once; showing the first {limit}.")
        return known[:limit] or default


def _shortened(text: str, limit: int = 60) -> str:
    """A value echoed in a notice, cut so a hostile address cannot make the page huge."""
    return text if len(text) <= limit else text[:limit] + "…"


def query_string(**values: object) -> str:
    """A stable query string, leaving out empty values and defaults the caller passes as None."""
    return urlencode({k: v for k, v in values.items() if v not in (None, "", [], False)}, safe=",")


def caption_header(caption: Caption) -> list:
    """The chart's title and subtitle (unit, period) above it."""
    return [html.H2(caption.title, className="h5 mb-0"), html.Div(caption.subtitle, className="small text-muted")]


def caption_block(caption: Caption) -> str:
    """The chart's source line, notes, data version and link: one line each (shown in a .caption-lines block)."""
    return "\n".join(caption.footer_lines(width=10_000))


def download_bar(prefix: str) -> html.Div:
    """Image presets, PNG/SVG/CSV links for the current view, and the evidence pack; images need Chromium."""
    ok, why = export_available()
    presets = [
        {"label": "Web 1200×675", "value": "web"},
        {"label": "Square 1080×1080", "value": "square"},
        {"label": "Print 2400×1350", "value": "print"},
    ]
    link = "btn btn-outline-secondary btn-sm me-1"
    images = [
        html.A(
            fmt.upper(),
            id=f"{prefix}-download-{fmt}",
            href="#",
            download="",
            className=link + ("" if ok else " disabled"),
            **({} if ok else {"title": why}),
        )
        for fmt in ("png", "svg")
    ]
    return html.Div(
        [
            html.Span("Download: ", className="small me-1"),
            html.Div(
                dcc.Dropdown(id=f"{prefix}-preset", options=presets, value="web", clearable=False),
                style={"width": "190px"},
                className="d-inline-block align-middle me-2",
            ),
            *images,
            html.A("CSV (displayed data)", id=f"{prefix}-download-csv", href="#", download="", className=link),
            html.A("Evidence pack (zip)", href="/download/evidence-pack.zip", download="", className=link),
            html.Div(why, className="small text-warning") if not ok else None,
        ],
        className="my-2",
    )


def labelled_dropdown(label: str, component_id: str, width: int, xs: int = 12, **dropdown) -> dbc.Col:
    """A control column: a label tied to its dropdown, `width` twelfths wide on medium screens and up, `xs` on phones."""
    return dbc.Col(
        [dbc.Label(label, html_for=component_id, class_name="mb-0"), dcc.Dropdown(id=component_id, **dropdown)],
        md=width,
        xs=xs,
    )


# No cloud sharing (nothing leaves this host) and no plain camera (an image without title, source and notes):
# the page's own PNG/SVG buttons give the sourced export.
CHART_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "showSendToCloud": False,
    "showEditInChartStudio": False,
    "modeBarButtonsToRemove": ["toImage", "sendChartToCloud", "editInChartStudio"],
}


def chart(component_id: str, figure, class_name: str, height: str, min_height: str) -> dcc.Graph:  # noqa: ANN001
    """A responsive chart without the Plotly logo, sized by the viewport so phones get a usable height."""
    return dcc.Graph(
        id=component_id,
        figure=figure,
        config=CHART_CONFIG,
        className=class_name,
        style={"height": height, "minHeight": min_height},
    )


def data_table(table_id: str, columns: list[dict], data: list[dict], max_width: int, **options) -> html.Div:
    """A sortable table with links opening in a new tab, wrapped so it scrolls sideways on a phone."""
    table = dash_table.DataTable(
        id=table_id,
        columns=columns,
        data=data,
        sort_action=options.pop("sort_action", "native"),
        markdown_options={"link_target": "_blank"},
        style_cell={
            "textAlign": "left",
            "whiteSpace": "normal",
            "height": "auto",
            "fontSize": 13,
            "maxWidth": max_width,
        },
        style_header={"fontWeight": "bold"},
        **options,
    )
    return html.Div(table, className="claims-table-wrap")


def notices(messages: list[str]) -> html.Div:
    return html.Div([dbc.Alert(m, color="warning", dismissable=True, class_name="py-2 mb-2") for m in messages])


def indicator_options(tables: Tables, codes: list[str] | None = None) -> list[dict]:
    obs = tables.observations
    if codes is not None:
        obs = obs[obs["geo_code"].isin(codes)]
    present = set(obs["indicator_id"])
    rows = tables.indicators[tables.indicators["indicator_id"].isin(present)]
    return [{"label": r.label_en, "value": r.indicator_id} for r in rows.itertuples()]


def drug_options(tables: Tables, indicator: str) -> list[dict]:
    drugs = sorted(set(tables.observations.loc[tables.observations["indicator_id"] == indicator, "drug_id"]))
    labels = dict(zip(tables.drugs["drug_id"], tables.drugs["label_en"], strict=True))
    return [
        {"label": labels[d], "value": d} for d in (["all"] if "all" in drugs else []) + [d for d in drugs if d != "all"]
    ]


def indicator_row(tables: Tables, indicator: str) -> pd.Series:
    return tables.indicators.set_index("indicator_id").loc[indicator]


def place_names(tables: Tables) -> dict[str, str]:
    return dict(zip(tables.geographies["code"], tables.geographies["name_en"], strict=True))
