"""Server time and response bytes per interaction through /_dash-update-component, next to a no-op floor."""

from __future__ import annotations

import http.client
import json
import statistics
import time
from itertools import cycle
from urllib.parse import urlparse

REQUESTS = 200


def _deps(connection: http.client.HTTPConnection) -> dict[str, dict]:
    connection.request("GET", "/_dash-dependencies")
    return {d["output"]: d for d in json.loads(connection.getresponse().read())}


def _payload(dependency: dict, values: dict, changed: str) -> bytes:
    inputs = [{"id": i["id"], "property": i["property"], "value": values.get(i["id"])} for i in dependency["inputs"]]
    state = [
        {"id": s["id"], "property": s["property"], "value": values.get(s["id"])} for s in dependency.get("state", [])
    ]
    parts = dependency["output"].strip(".").split("...")
    outputs = [{"id": p.rsplit(".", 1)[0], "property": p.rsplit(".", 1)[1]} for p in parts]
    body = {
        "output": dependency["output"],
        "outputs": outputs if dependency["output"].startswith("..") else outputs[0],
        "inputs": inputs,
        "state": state,
        "changedPropIds": [changed],
    }
    return json.dumps(body).encode()


def scenarios(deps: dict[str, dict]) -> dict[str, list[bytes]]:
    """Request bodies for each interaction, cycling through realistic values."""
    map_dep = next(d for k, d in deps.items() if "map-state.data" in k)
    click_dep = next(d for k, d in deps.items() if k == "map-selected.children")
    claims_dep = next(d for k, d in deps.items() if "claims-table.rowData" in k)
    noop_dep = deps["noop-out.data"]
    base = {"map-indicator": "arrests", "map-drug": "all", "map-year": 2024, "map-per-capita": False, "map-lang": "en"}
    years = [2019, 2020, 2021, 2022, 2023, 2024, 2025, "latest"]
    indicators = ["arrests", "seizures", "convictions", "rehab_centres", "arrests_traffickers"]
    return {
        "floor (no-op callback)": [_payload(noop_dep, {"noop-in": i}, "noop-in.data") for i in range(8)],
        "year change": [_payload(map_dep, base | {"map-year": y}, "map-year.value") for y in years],
        "indicator change": [
            _payload(map_dep, base | {"map-indicator": i, "map-year": "latest"}, "map-indicator.value")
            for i in indicators
        ],
        "per-capita toggle": [
            _payload(map_dep, base | {"map-per-capita": bool(i % 2)}, "map-per-capita.value") for i in range(2)
        ],
        "governorate click": [
            _payload(
                click_dep,
                {"map-graph": {"points": [{"customdata": c}]}} | base,
                "map-graph.clickData",
            )
            for c in ("IQ-BA", "IQ-BG", "IQ-SU", "IQ-NI")
        ],
        "claims-table filter": [
            _payload(
                claims_dep,
                {"claims-indicator": i, "claims-status": "all", "claims-place": None, "claims-lang": "en"},
                "claims-indicator.value",
            )
            for i in indicators
        ],
    }


def measure(base_url: str) -> dict[str, dict]:
    connection = http.client.HTTPConnection(urlparse(base_url).netloc, timeout=60)
    results = {}
    for name, bodies in scenarios(_deps(connection)).items():
        times, sizes = [], []
        for body in [*bodies] + [
            b for b, _ in zip(cycle(bodies), range(REQUESTS), strict=False)
        ]:  # One warm-up pass first.
            start = time.perf_counter()
            connection.request(
                "POST", "/_dash-update-component", body, {"Content-Type": "application/json", "Accept-Encoding": "gzip"}
            )
            response = connection.getresponse()
            payload = response.read()
            times.append(time.perf_counter() - start)
            sizes.append(len(payload))
            assert response.status in (200, 204), (name, response.status, payload[:200])
        times, sizes = times[len(bodies) :], sizes[len(bodies) :]
        results[name] = {
            "p50_ms": statistics.median(times) * 1000,
            "p95_ms": _p95(times) * 1000,
            "bytes_median": statistics.median(sizes),
            "bytes_max": max(sizes),
            "requests": len(times),
        }
    floor = results["floor (no-op callback)"]
    for row in results.values():
        row["p50_ratio"] = row["p50_ms"] / floor["p50_ms"]
        row["p95_ratio"] = row["p95_ms"] / floor["p95_ms"]
    return results


def _p95(values: list[float]) -> float:
    return sorted(values)[int(0.95 * (len(values) - 1))]
