"""The one Plotly template and palette every figure uses; no colour is written anywhere else."""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

TEMPLATE_NAME = "iraq_figures"
FONT_FAMILY = "Noto Sans, Noto Naskh Arabic, DejaVu Sans, Arial, sans-serif"
# Arabic and Kurdish figures name an Arabic-script font first (Debian's fonts-noto-core, installed by `make system`),
# so exports shape Arabic with a font made for it rather than whichever fallback Chromium finds.
ARABIC_FONT_FAMILY = "Noto Sans Arabic, Noto Naskh Arabic, Noto Sans, DejaVu Sans, sans-serif"

INK = "#1f2933"
MUTED = "#616e7c"
GRID = "#e4e7eb"
BACKGROUND = "#ffffff"
NO_DATA_FILL = "#eef0f2"
NO_DATA_LINE = "#9aa5b1"
BORDER = "#ffffff"
HIGHLIGHT = "#c2185b"
PARTIAL = "#b26a00"
# Figures that are not on the colour scale: part of a year (dotted), or no population for a rate (crossed).
NOT_COMPARABLE_FILL = "#fbf3e4"
NO_POPULATION_FILL = "#e3e8ef"
# Sequential scale (light to dark teal), readable in greyscale print.
SEQUENTIAL = ["#e0f2f1", "#a7d8d1", "#6bbcb3", "#3a9c95", "#1b7a75", "#0b5552"]
# Qualitative series colours for trend lines (colour-blind safe, Okabe-Ito order).
SERIES = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000", "#f0e442"]


def _template() -> go.layout.Template:
    layout = go.Layout(
        font={"family": FONT_FAMILY, "color": INK, "size": 13},
        paper_bgcolor=BACKGROUND,
        plot_bgcolor=BACKGROUND,
        colorway=SERIES,
        title={"x": 0.01, "xanchor": "left", "font": {"size": 18}},
        margin={"l": 60, "r": 20, "t": 120, "b": 110},
        xaxis={"gridcolor": GRID, "zeroline": False, "linecolor": MUTED},
        yaxis={"gridcolor": GRID, "zeroline": False, "rangemode": "tozero"},
        hoverlabel={"font": {"family": FONT_FAMILY}},
        legend={"orientation": "h", "y": 1.01, "yanchor": "bottom", "x": 0, "font": {"size": 12}},
    )
    return go.layout.Template(layout=layout)


pio.templates[TEMPLATE_NAME] = _template()


def ink_on(fill: str) -> str:
    """Dark or white text, whichever reads on the fill (relative luminance of a #rrggbb colour)."""
    red, green, blue = (int(fill[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return INK if 0.2126 * red + 0.7152 * green + 0.0722 * blue > 0.45 else BACKGROUND


def colour_for(fraction: float) -> str:
    """A colour from the sequential scale for a value scaled to 0..1 (stepped, so maps read as classes)."""
    index = min(int(fraction * len(SEQUENTIAL)), len(SEQUENTIAL) - 1)
    return SEQUENTIAL[max(index, 0)]


def legend_key(name: str, colour: str, symbol: str = "square") -> go.Scatter:
    """A legend entry with no data: explains a fill or class that has no trace of its own."""
    return go.Scatter(
        x=[None],
        y=[None],
        mode="markers",
        name=name,
        hoverinfo="skip",
        marker={"symbol": symbol, "size": 12, "color": colour, "line": {"color": NO_DATA_LINE, "width": 1}},
    )
