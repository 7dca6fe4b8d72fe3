"""1,200 random and malformed requests against the running app: never a 500, and it stays up."""

from __future__ import annotations

import http.client
import json
import random
from urllib.parse import quote, urlparse

import pytest

SEED = 20261128
ROUTES = [
    "/",
    "/map",
    "/trends",
    "/claims",
    "/sources",
    "/healthz",
    "/download/map.csv",
    "/download/trends.csv",
    "/download/tables/claims.csv",
    "/download/tables/{junk}.csv",
    "/download/map.{junk}",
    "/{junk}",
    "/vendor/bootstrap/{junk}",
    "/_dash-layout",
    "/_dash-dependencies",
]
KEYS = ["indicator", "year", "drug", "per_capita", "places", "place", "status", "q", "source", "group", "preset", "x"]


def junk(rng: random.Random) -> object:
    return rng.choice(
        [
            None,
            "",
            "arrests",
            "latest",
            "2024",
            "-1",
            "99999999999999999999",
            "1e308",
            "NaN",
            "IQ,IQ-BA,,",
            "../../etc/passwd",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "البصرة",
            "\u0000",
            "%",
            "x" * rng.randint(1, 3000),
            rng.random(),
            rng.randint(-(10**9), 10**9),
            [],
            ["IQ", 5, None],
            {"a": [1, {"b": 2}]},
            True,
            [[[]]],
        ]
    )


def callback_payload(rng: random.Random, dependency: dict) -> dict:
    inputs = [{"id": i["id"], "property": i["property"], "value": junk(rng)} for i in dependency["inputs"]]
    state = [{"id": s["id"], "property": s["property"], "value": junk(rng)} for s in dependency.get("state", [])]
    payload = {
        "output": dependency["output"],
        "outputs": _outputs(dependency["output"]),
        "inputs": inputs,
        "state": state,
        "changedPropIds": [f"{i['id']}.{i['property']}" for i in inputs[:1]],
    }
    mutation = rng.randrange(6)
    if mutation == 1:
        payload.pop(rng.choice(list(payload)))
    elif mutation == 2:
        payload["output"] = str(junk(rng))
    elif mutation == 3:
        payload["inputs"] = junk(rng)
    return payload


def _outputs(output: str) -> object:
    parts = output.strip(".").split("...")
    described = [{"id": p.rsplit(".", 1)[0], "property": p.rsplit(".", 1)[1]} for p in parts]
    return described if output.startswith("..") else described[0]


def raw_body(rng: random.Random) -> bytes:
    return rng.choice(
        [
            b"",
            b"{",
            b"null",
            b"[]",
            b'{"output": 5}',
            b"\xff\xfe\x00",
            json.dumps(junk(rng), default=str).encode(),
            b'{"output":"map-state.data","inputs":[{"id":"map-indicator"}]}',
        ]
    )


@pytest.fixture(scope="module")
def dependencies(live_app) -> list[dict]:
    connection = http.client.HTTPConnection(urlparse(live_app).netloc, timeout=30)
    connection.request("GET", "/_dash-dependencies")
    return json.loads(connection.getresponse().read())


def test_fuzz_never_gives_a_server_error(live_app, dependencies):
    rng = random.Random(SEED)
    connection = http.client.HTTPConnection(urlparse(live_app).netloc, timeout=60)
    statuses: dict[int, int] = {}
    failures = []
    for number in range(1200):
        method, path, body = _request(rng, dependencies, number)
        headers = {"Content-Type": "application/json"} if body is not None else {}
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            response.read()
        except (http.client.HTTPException, OSError):
            connection.close()
            connection = http.client.HTTPConnection(urlparse(live_app).netloc, timeout=60)
            continue
        statuses[response.status] = statuses.get(response.status, 0) + 1
        if response.status >= 500:
            failures.append((response.status, method, path, (body or b"")[:300]))
    assert not failures, failures[:5]
    print("statuses", statuses)
    assert sum(statuses.values()) >= 1000, statuses
    connection.request("GET", "/healthz")
    assert connection.getresponse().status == 200, "the server is still up"


def _request(rng: random.Random, dependencies: list[dict], number: int) -> tuple[str, str, bytes | None]:
    if number % 2 == 0:
        body = (
            json.dumps(callback_payload(rng, rng.choice(dependencies)), default=str).encode()
            if rng.random() < 0.85
            else raw_body(rng)
        )
        return "POST", "/_dash-update-component", body
    route = rng.choice(ROUTES).replace("{junk}", quote(str(junk(rng))[:200], safe=""))
    query = "&".join(f"{rng.choice(KEYS)}={quote(str(junk(rng))[:500], safe='')}" for _ in range(rng.randint(0, 4)))
    return "GET", route + (f"?{query}" if query else ""), None
