"""Coverage matrix: where published figures exist, by year — the honest picture of what is known."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from figures import theme
from figures.captions import Caption, apply_caption

STATUS_NAMES = {0: "no published figure", 1: "partial period only", 2: "full year or dated figure"}


def make_coverage_figure(cells: pd.DataFrame, caption: Caption, footer: bool = False) -> go.Figure:
    """A heatmap with three classes; the cell text is the number of claims behind it."""
    years = list(range(int(cells["year"].min()), int(cells["year"].max()) + 1)) if len(cells) else []
    rows = sorted(set(cells["row"]), reverse=True)
    grid = cells.pivot_table(index="row", columns="year", values="status", aggfunc="max").reindex(
        index=rows, columns=years
    )
    counts = cells.pivot_table(index="row", columns="year", values="claims", aggfunc="sum").reindex(
        index=rows, columns=years
    )
    z = grid.fillna(0).to_numpy()
    text = [[f"{int(c)}" if pd.notna(c) else "" for c in line] for line in counts.to_numpy()]
    hover = [
        [
            f"{r}, {y}: {STATUS_NAMES[int(v)]}" + (f" ({t} claims)" if t else "")
            for y, v, t in zip(years, zl, tl, strict=True)
        ]
        for r, zl, tl in zip(rows, z, text, strict=True)
    ]
    colours = [theme.NO_DATA_FILL, theme.PARTIAL, theme.SEQUENTIAL[4]]
    scale = [
        [0, colours[0]],
        [0.33, colours[0]],
        [0.34, colours[1]],
        [0.66, colours[1]],
        [0.67, colours[2]],
        [1, colours[2]],
    ]
    figure = go.Figure(
        go.Heatmap(
            z=z,
            x=years,
            y=rows,
            text=text,
            texttemplate="%{text}",
            hovertext=hover,
            hoverinfo="text",
            colorscale=scale,
            zmin=0,
            zmax=2,
            showscale=False,
            xgap=2,
            ygap=2,
        ),
        layout={"template": theme.TEMPLATE_NAME},
    )
    for status, name in STATUS_NAMES.items():
        figure.add_trace(theme.legend_key(name, colours[status]))
    figure.update_layout(
        xaxis={"dtick": 1, "showgrid": False},
        yaxis={"showgrid": False, "automargin": True},
        height=max(320, 150 + 26 * len(rows)),
        margin={"l": 10},
    )
    return apply_caption(figure, caption, footer)
