"""Every chart names itself: title, unit and period, a source line, a coverage note, data version and URL."""

from __future__ import annotations

import os
import textwrap
from collections import Counter
from dataclasses import dataclass, field

import plotly.graph_objects as go

from figures.theme import MUTED

FOOTER_WIDTH = 150  # characters per footer line at the web preset


def site_url() -> str:
    """The public address of the site (SITE_URL), for links printed in captions and exports.

    Never taken from a request's Host header, which any client can set; with no SITE_URL no address is printed.
    """
    url = os.environ.get("SITE_URL", "").strip().rstrip("/")
    return url if url.startswith(("https://", "http://")) else ""


@dataclass(frozen=True)
class Caption:
    title: str
    subtitle: str
    source_line: str
    notes: tuple[str, ...] = ()
    version: str = ""
    url: str = ""
    extra: dict = field(default_factory=dict, compare=False)

    def footer_lines(self, width: int = FOOTER_WIDTH) -> list[str]:
        lines = textwrap.wrap(self.source_line, width) + [w for note in self.notes for w in textwrap.wrap(note, width)]
        stamp = " · ".join(part for part in (f"Data version {self.version}" if self.version else "", self.url) if part)
        return lines + ([stamp] if stamp else [])


def source_line(publishers: list[str], limit: int = 6) -> str:
    """'Source: Shafaq News (4), Rudaw (2) and 3 others' — publishers of the figures shown, most used first."""
    counts = Counter(p for p in publishers if p)
    if not counts:
        return "Source: no published figure for this selection."
    named = [f"{name} ({n})" if n > 1 else name for name, n in counts.most_common(limit)]
    rest = len(counts) - len(named)
    return "Source: " + ", ".join(named) + (f" and {rest} other publishers" if rest > 0 else "") + "."


@dataclass(frozen=True)
class Type:
    """Font sizes of an image, in its own pixels: title, labels and values, source and notes."""

    title: int = 18
    label: int = 12
    note: int = 11


def title_layout(caption: Caption, sizes: Type) -> dict:
    """Plotly's own title and subtitle, pinned to the top of the image with room above them."""
    return {
        "text": f"<b>{caption.title}</b>",
        "subtitle": {
            "text": caption.subtitle,
            "font": {"size": max(sizes.label, round(sizes.title * 0.72)), "color": MUTED},
        },
        "y": 1,
        "yref": "container",
        "yanchor": "top",
        "pad": {"t": round(sizes.title * 0.6)},
        "font": {"size": sizes.title},
    }


def apply_caption(
    figure: go.Figure, caption: Caption, footer: bool = False, width: int = FOOTER_WIDTH, sizes: Type = Type()
) -> go.Figure:
    """Title and subtitle on top; with `footer`, the source line and notes inside the image (for exports).

    On screen the title and footer are HTML around the chart instead, so they wrap on a phone.
    """
    figure.update_layout(meta={**(figure.layout.meta or {}), "caption": caption.title})
    if not footer:
        figure.update_layout(margin={"t": 40, "b": 40})
        return figure
    lines = caption.footer_lines(width)
    figure.update_layout(
        title=title_layout(caption, sizes),
        margin={"t": round(sizes.title * 3.6), "b": round(sizes.label * 3 + sizes.note * 1.3 * len(lines))},
    )
    figure.add_annotation(
        text="<br>".join(lines),
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yshift=-round(sizes.label * 2.6),
        xanchor="left",
        yanchor="top",
        align="left",
        showarrow=False,
        font={"size": sizes.note, "color": MUTED},
        name="footer",
    )
    return figure
