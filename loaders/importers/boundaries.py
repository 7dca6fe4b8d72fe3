"""geoBoundaries gbOpen IRQ ADM1 (CC0) -> data/boundaries/irq_adm1.json, the only network call of the project.

Usage: python -m loaders.boundaries [--source URL|PATH|file://URL] [--out DIR]
The file is checked against the pinned sha256 before anything is written; offline, the app draws its
tile-grid map instead.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

from data.store import DATA_DIR

# Where the app reads the outlines (data.store.boundaries): the data folder, IRQ_DRUGS_DATA_DIR when set.
OUT_DIR = DATA_DIR / "boundaries"

PINNED_URL = (
    "https://github.com/wmgeolab/geoBoundaries/raw/9469f09/releaseData/gbOpen/IRQ/ADM1/geoBoundaries-IRQ-ADM1.geojson"
)
PINNED_SHA256 = "2c2adabbc814727b8bdd669feed6efab3b9a27bdc76cea35e036532084eb41d8"
CREDIT = "Boundaries: geoBoundaries (www.geoboundaries.org), gbOpen IRQ ADM1, CC0 1.0"
OUT_NAME = "irq_adm1.json"
DECIMALS = 3  # about 110 m: ample for a governorate map, and it keeps the page light.
TIMEOUT_SECONDS = 60


class BoundaryError(RuntimeError):
    pass


def fetch(source: str) -> bytes:
    """Bytes from a local path, a file:// URL or an http(s) URL (redirects followed, as the pinned URL needs)."""
    parsed = urlparse(source)
    if parsed.scheme in ("http", "https"):
        request = urllib.request.Request(source, headers={"User-Agent": "iraq-drug-figures/1"})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
                return response.read()
        except OSError as error:
            raise BoundaryError(f"download of {source} failed: {error}") from error
    path = Path(parsed.path if parsed.scheme == "file" else source)
    try:
        return path.read_bytes()
    except OSError as error:
        raise BoundaryError(f"cannot read {path}: {error}") from error


def normalise(raw: bytes, expected_sha256: str = PINNED_SHA256) -> dict:
    """Check the bytes are the pinned release, then keep code, name and rounded rings of each governorate."""
    digest = hashlib.sha256(raw).hexdigest()
    if digest != expected_sha256:
        raise BoundaryError(f"sha256 {digest} is not the pinned {expected_sha256}; refusing unknown boundaries")
    collection = json.loads(raw)
    features = {}
    for feature in collection["features"]:
        props = feature["properties"]
        error = f"feature {props.get('shapeName')!r} lacks an ISO code"
        assert props.get("shapeISO"), error
        features[props["shapeISO"]] = {"name": props["shapeName"], "polygons": _polygons(feature["geometry"])}
    assert len(features) == 18, f"expected 18 governorates in geoBoundaries IRQ ADM1, found {len(features)}"
    return {
        "source": PINNED_URL,
        "sha256": digest,
        "boundary_id": "IRQ-ADM1-90741666",
        "licence": "CC0 1.0",
        "credit": CREDIT,
        "note": "Halabja (a governorate since 2014) has no polygon in this release; its territory lies inside IQ-SU.",
        "features": dict(sorted(features.items())),
    }


def _polygons(geometry: dict) -> list[list[list[list[float]]]]:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return [[[[round(x, DECIMALS), round(y, DECIMALS)] for x, y in ring] for ring in polygon] for polygon in polygons]


def write(document: dict, out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / OUT_NAME
    staging = target.with_suffix(f".{os.getpid()}.tmp")
    staging.write_text(json.dumps(document, separators=(",", ":")), encoding="utf-8")
    os.replace(staging, target)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m loaders.boundaries", description=__doc__)
    parser.add_argument("--source", default=PINNED_URL, help="URL, file:// URL or path of the geoBoundaries file")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="where the app reads them (data/boundaries)")
    args = parser.parse_args(argv)
    try:
        target = write(normalise(fetch(args.source)), args.out)
    except BoundaryError as error:
        print(f"boundaries not updated: {error}; the map falls back to its tile grid", file=sys.stderr)
        return 1
    print(f"wrote {target} ({CREDIT})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
