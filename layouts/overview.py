"""Overview page: what the ledger holds."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import html

from data.store import DataUnavailable, snapshot

dash.register_page(__name__, path="/", name="Overview", order=0)


def layout(**_query: str) -> html.Div:
    try:
        data = snapshot()
    except DataUnavailable as error:
        return dbc.Alert(str(error), color="warning")
    claims = data.table("claims")
    counts = [
        ("claims", len(claims)),
        ("sources", len(data.table("sources"))),
        ("places", claims["geo_code"].nunique()),
        ("conflicting groups", int(data.table("observations")["in_conflict"].sum())),
    ]
    cards = [dbc.Col(dbc.Card(dbc.CardBody([html.H3(f"{n:,}"), html.Div(label)]))) for label, n in counts]
    return html.Div([html.H1("Iraq's published drug-policy figures"), dbc.Row(cards), html.P(f"Data version {data.version}")])
