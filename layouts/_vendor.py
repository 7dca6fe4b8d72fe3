"""A lighter plotly.js for the browser: the 'basic' partial bundle (scatter, bar and pie traces: all the pages
draw), installed at set-up from the npm registry (`make npm`) at the version plotly.py itself bundles, compressed
once with brotli and gzip. Never committed, never from a CDN.

It is served at the address Dash's graphs already load plotly.js from (lazily, only on a page that has a graph),
so pages without charts never load it and chart pages get it through Dash's own loader; chart pages also ask for
it early with a preload link (app.py). The full plotly.min.js is 4.8 MB (1.44 MB compressed); the basic bundle is
1.2 MB (330 KB with brotli). Image exports keep kaleido's full bundle. Without the installed bundle the app falls
back to Dash's own full copy.

    python -m layouts._vendor compress   # writes .br and .gz beside the bundle (run by `make npm`)
"""

from __future__ import annotations

import gzip
import os
import re
import sys
from pathlib import Path

from flask import Flask, Response, request, send_file

ROOT = Path(__file__).resolve().parent.parent
BUNDLE_NAME = "plotly-basic.min.js"
BUNDLE = Path(
    os.environ.get("PLOTLY_BUNDLE", ROOT / ".venv" / "npm" / "node_modules" / "plotly.js-basic-dist-min" / BUNDLE_NAME)
)
PLOTLY_URL = "/_dash-component-suites/plotly/package_data/plotly.min.js"  # Dash's own (unversioned) address
# Bootstrap's right-to-left stylesheet (Arabic and Kurdish pages), from the npm package at the version
# Bootstrap-Flask ships for left to right, so both directions are the same Bootstrap.
BOOTSTRAP_RTL = ROOT / ".venv" / "npm" / "node_modules" / "bootstrap" / "dist" / "css" / "bootstrap.rtl.min.css"
# What Dash's old-browser polyfill (@babel/polyfill: core-js 2 and regenerator, 29 KB compressed, about 60 ms
# of script time on a phone before anything draws) is still needed for: Dash's renderer and dcc call the global
# regeneratorRuntime when they load a component lazily; every browser the pages support has the rest built in.
REGENERATOR_VERSION = "0.14.1"
REGENERATOR = ROOT / ".venv" / "npm" / "node_modules" / "regenerator-runtime" / "runtime.js"
REGENERATOR_URL = f"/vendor/regenerator-runtime/{REGENERATOR_VERSION}/runtime.js"  # versioned: cached for a year
POLYFILL_SCRIPT = re.compile(r'<script src="[^"]*/deps/polyfill@[^"]*\.js"></script>')
DAY = 86_400  # the address carries no version, so browsers revalidate daily (ETag) instead of keeping it a year


def installed() -> bool:
    return BUNDLE.exists()


def serve_light_plotly(server: Flask) -> bool:
    """Answer Dash's plotly.js address with the basic bundle; False (Dash's full copy kept) if not installed."""
    if not installed():
        print(f"note: {BUNDLE} is not installed (`make npm`); serving the full plotly.js", file=sys.stderr)
        return False

    def send() -> Response | None:
        if request.path != PLOTLY_URL:
            return None
        accepted = request.headers.get("Accept-Encoding", "")
        for encoding, suffix in (("br", ".br"), ("gzip", ".gz")):
            packed = BUNDLE.with_name(BUNDLE.name + suffix)
            if encoding in accepted and packed.exists():
                response = send_file(packed, mimetype="text/javascript", max_age=DAY, etag=True)
                response.headers["Content-Encoding"] = encoding
                break
        else:
            response = send_file(BUNDLE, mimetype="text/javascript", max_age=DAY, etag=True)
        response.headers["Vary"] = "Accept-Encoding"
        return response

    server.before_request(send)
    return True


def without_polyfill(scripts: str) -> str:
    """The index's script tags with Dash's polyfill swapped for the regenerator runtime alone, when installed."""
    if not REGENERATOR.exists():
        return scripts
    return POLYFILL_SCRIPT.sub(f'<script src="{REGENERATOR_URL}"></script>', scripts, count=1)


def regenerator_runtime() -> Response:
    if not REGENERATOR.exists():
        return Response("regenerator-runtime not installed (make npm).", status=404, mimetype="text/plain")
    return send_file(REGENERATOR, mimetype="text/javascript", max_age=31_536_000)


def compress(path: Path = BUNDLE) -> list[Path]:
    """Brotli (quality 11) and gzip (level 9) copies, made once at set-up rather than on every request."""
    import brotli

    data = path.read_bytes()
    written = []
    for suffix, packed in ((".br", brotli.compress(data, quality=11)), (".gz", gzip.compress(data, 9, mtime=0))):
        target = path.with_name(path.name + suffix)
        target.write_bytes(packed)
        written.append(target)
    return written


if __name__ == "__main__":
    if sys.argv[1:] != ["compress"]:
        sys.exit("usage: python -m layouts._vendor compress")
    for written in compress():
        print(f"wrote {written} ({written.stat().st_size:,} bytes)")
