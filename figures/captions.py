"""Every chart names itself: title, unit and period, a source line, a coverage note, data version and URL."""

from __future__ import annotations

import os
import textwrap
from collections import Counter
from dataclasses import dataclass, field

import plotly.graph_objects as go

from figures.i18n import DEFAULT, N_, RIGHT_TO_LEFT, gettext_for, number
from figures.theme import ARABIC_FONT_FAMILY, MUTED

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
    lang: str = DEFAULT

    def footer_lines(self, width: int = FOOTER_WIDTH) -> list[str]:
        lines = textwrap.wrap(self.source_line, width) + [w for note in self.notes for w in textwrap.wrap(note, width)]
        _ = gettext_for(self.lang)
        version = _("Data version {version}").format(version=self.version) if self.version else ""
        stamp = " · ".join(part for part in (version, self.url) if part)
        return lines + ([stamp] if stamp else [])


def source_line(publishers: list[str], limit: int = 6, lang: str = DEFAULT) -> str:
    """'Source: Shafaq News (4), Rudaw (2) and 3 other publishers': publishers of the figures shown, most used first."""
    _ = gettext_for(lang)
    counts = Counter(p for p in publishers if p)
    if not counts:
        return _(NO_SOURCE)
    named = [f"{name} ({number(n, lang)})" if n > 1 else name for name, n in counts.most_common(limit)]
    rest = len(counts) - len(named)
    listed = _(", ").join(named)
    if rest > 0:
        return _("Source: {publishers} and {count} other publishers.").format(
            publishers=listed, count=number(rest, lang)
        )
    return _("Source: {publishers}.").format(publishers=listed)


NO_SOURCE = N_("Source: no published figure for this selection.")


@dataclass(frozen=True)
class Type:
    """Font sizes of an image, in its own pixels: title, labels and values, source and notes."""

    title: int = 18
    label: int = 12
    note: int = 11


def title_layout(caption: Caption, sizes: Type) -> dict:
    """Plotly's own title and subtitle, pinned to the top of the image with room above them (right-aligned in
    Arabic and Kurdish, which read from the right)."""
    side = {"x": 0.99, "xanchor": "right"} if caption.lang in RIGHT_TO_LEFT else {"x": 0.01, "xanchor": "left"}
    return {
        **side,
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
    if caption.lang in RIGHT_TO_LEFT:
        figure.update_layout(font={"family": ARABIC_FONT_FAMILY}, hoverlabel={"font": {"family": ARABIC_FONT_FAMILY}})
    if not footer:
        figure.update_layout(margin={"t": 40, "b": 40})
        return figure
    lines = caption.footer_lines(width)
    figure.update_layout(
        title=title_layout(caption, sizes),
        margin={"t": round(sizes.title * 3.6), "b": round(sizes.label * 3 + sizes.note * 1.3 * len(lines))},
    )
    right = caption.lang in RIGHT_TO_LEFT
    figure.add_annotation(
        text="<br>".join(lines),
        xref="paper",
        yref="paper",
        x=1 if right else 0,
        y=0,
        yshift=-round(sizes.label * 2.6),
        xanchor="right" if right else "left",
        yanchor="top",
        align="right" if right else "left",
        showarrow=False,
        font={"size": sizes.note, "color": MUTED},
        name="footer",
    )
    return figure
