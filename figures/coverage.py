"""Coverage matrix: where published figures exist, by year — the honest picture of what is known."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from figures import theme
from figures.captions import Caption, apply_caption
from figures.i18n import DEFAULT, N_, RIGHT_TO_LEFT, gettext_for, number, year

STATUS_NAMES = {0: N_("no published figure"), 1: N_("partial period only"), 2: N_("full year or dated figure")}


def make_coverage_figure(cells: pd.DataFrame, caption: Caption, footer: bool = False, lang: str = DEFAULT) -> go.Figure:
    """A heatmap with three classes; the cell text is the number of claims behind it (right to left, the years
    run from the right and the row names sit on the right)."""
    _ = gettext_for(lang)
    years = list(range(int(cells["year"].min()), int(cells["year"].max()) + 1)) if len(cells) else []
    rows = sorted(set(cells["row"]), reverse=True)
    grid = cells.pivot_table(index="row", columns="year", values="status", aggfunc="max").reindex(
        index=rows, columns=years
    )
    counts = cells.pivot_table(index="row", columns="year", values="claims", aggfunc="sum").reindex(
        index=rows, columns=years
    )
    z = grid.fillna(0).to_numpy()
    text = [[number(int(c), lang) if pd.notna(c) else "" for c in line] for line in counts.to_numpy()]
    hover = [
        [
            f"{r}, {year(y, lang)}: {_(STATUS_NAMES[int(v)])}"
            + (" " + _("(claims: {count})").format(count=t) if t else "")
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
        figure.add_trace(theme.legend_key(_(name), colours[status]))
    rtl = lang in RIGHT_TO_LEFT
    figure.update_layout(
        xaxis={
            "dtick": 1,
            "showgrid": False,
            "autorange": "reversed" if rtl else True,
            "tickvals": years,
            "ticktext": [year(y, lang) for y in years],
        },
        yaxis={"showgrid": False, "automargin": True, "side": "right" if rtl else "left"},
        height=max(320, 150 + 26 * len(rows)),
        margin={"l": 10},
    )
    return apply_caption(figure, caption, footer)
