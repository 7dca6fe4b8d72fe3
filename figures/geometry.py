"""Map geometry as plain outlines: geoBoundaries polygons when downloaded, otherwise a tile grid designed here.

Both are drawn as filled scatter shapes, so maps need no tiles, no topojson and no WebGL, and export
to PNG and SVG as they look on screen.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from functools import cached_property

from figures.i18n import DEFAULT, N_, gettext_for

# Halabja town (geoBoundaries has no Halabja polygon; its territory lies inside IQ-SU).
HALABJA = "X-IQ-HAL"
HALABJA_POINT = (45.986, 35.178)
_LAT0 = math.cos(math.radians(33.3))  # Equirectangular projection centred on Iraq keeps shapes true.

# Tile grid: (column, row) with row 0 in the north; each governorate one equal tile, placed roughly.
TILES: dict[str, tuple[int, int]] = {
    "IQ-DA": (2, 0),
    "IQ-NI": (1, 1),
    "IQ-AR": (2, 1),
    "IQ-SU": (3, 1),
    HALABJA: (4, 1),
    "IQ-SD": (1, 2),
    "IQ-KI": (2, 2),
    "IQ-DI": (3, 2),
    "IQ-AN": (0, 3),
    "IQ-BG": (2, 3),
    "IQ-WA": (3, 3),
    "IQ-KA": (1, 4),
    "IQ-BB": (2, 4),
    "IQ-MA": (4, 4),
    "IQ-NA": (1, 5),
    "IQ-QA": (2, 5),
    "IQ-DQ": (3, 5),
    "IQ-BA": (4, 5),
    "IQ-MU": (2, 6),
}


@dataclass(frozen=True)
class Geometry:
    kind: str  # "geoboundaries" or "tiles"
    outlines: dict[str, list[tuple[list[float], list[float]]]]  # code -> rings as (xs, ys)
    anchors: dict[str, tuple[float, float]]  # code -> label / click point
    credit: str
    note: str

    @property
    def codes(self) -> list[str]:
        return sorted(set(self.outlines) | set(self.anchors))

    @cached_property
    def fingerprint(self) -> str:
        """Names this geometry in URLs: a browser may cache the outlines for as long as the fingerprint holds."""
        text = json.dumps([self.kind, sorted(self.outlines.items())], separators=(",", ":"))
        return hashlib.sha256(text.encode()).hexdigest()[:16]


def from_boundaries(document: dict) -> Geometry:
    """Polygons from the document written by loaders.importers.boundaries; Halabja becomes a marked point."""
    outlines, anchors = {}, {}
    for code, feature in document["features"].items():
        rings = [_project(ring) for polygon in feature["polygons"] for ring in polygon[:1]]
        outlines[code] = rings
        anchors[code] = _centroid(max(rings, key=lambda r: len(r[0])))
    anchors[HALABJA] = _project([list(HALABJA_POINT)])[0][0], _project([list(HALABJA_POINT)])[1][0]
    note = N_("Halabja has no polygon in geoBoundaries: it is drawn as a circle inside Sulaymaniyah's outline.")
    return Geometry("geoboundaries", outlines, anchors, document["credit"], note)


def tile_grid() -> Geometry:
    """One equal square per governorate (Halabja included), roughly where it lies; no download needed."""
    outlines, anchors = {}, {}
    for code, (col, row) in TILES.items():
        x0, y0 = col * 1.0, -row * 1.0
        outlines[code] = [([x0, x0 + 0.94, x0 + 0.94, x0, x0], [y0, y0, y0 - 0.94, y0 - 0.94, y0])]
        anchors[code] = (x0 + 0.47, y0 - 0.47)
    note = N_("Tile map: one equal square per governorate, placed roughly where it lies (boundaries not downloaded).")
    return Geometry("tiles", outlines, anchors, "", note)


def _project(ring: list[list[float]]) -> tuple[list[float], list[float]]:
    return [round(lon * _LAT0, 4) for lon, _ in ring], [lat for _, lat in ring]


def _centroid(ring: tuple[list[float], list[float]]) -> tuple[float, float]:
    """Area centroid of a closed ring (shoelace formula), a better label point than the vertex mean."""
    xs, ys = ring
    area = cx = cy = 0.0
    for i in range(len(xs) - 1):
        cross = xs[i] * ys[i + 1] - xs[i + 1] * ys[i]
        area += cross
        cx += (xs[i] + xs[i + 1]) * cross
        cy += (ys[i] + ys[i + 1]) * cross
    if abs(area) < 1e-12:
        return sum(xs) / len(xs), sum(ys) / len(ys)
    return round(cx / (3 * area), 4), round(cy / (3 * area), 4)


def credit_text(geometry: Geometry, lang: str = DEFAULT) -> str:
    """The outlines' credit line in the page's language; the dataset's own name and licence stay as published."""
    if not geometry.credit or lang == DEFAULT:
        return geometry.credit
    return gettext_for(lang)(N_("Boundaries: {source}")).format(source=geometry.credit.removeprefix("Boundaries: "))
