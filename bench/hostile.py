"""Hostile serving against `make serve` (nginx + gunicorn pools), each next to a floor measured in the same run:
idle half-open clients, an export storm, 100 mixed clients, and an instance killed under load."""

from __future__ import annotations

import http.client
import json
import os
import random
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

from bench.interactions import _deps, scenarios
from bench.load import JSON, Request, clients, percentile

PAGES = ["/", "/map", "/trends", "/claims", "/sources"]


def get_times(base: str, path: str, count: int, pause: float = 0.0) -> list[float]:
    connection = http.client.HTTPConnection(urlparse(base).netloc, timeout=30)
    times = []
    for _ in range(count):
        start = time.perf_counter()
        connection.request("GET", path)
        connection.getresponse().read()
        times.append(time.perf_counter() - start)
        time.sleep(pause)
    return times


def idle_clients(base: str) -> dict:
    """Two sockets that send half a request and never finish it; /healthz for everyone else."""
    floor = get_times(base, "/healthz", 50)
    host, port = urlparse(base).hostname, urlparse(base).port
    idle = [socket.create_connection((host, port)) for _ in range(2)]
    for sock in idle:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
    try:
        loaded = get_times(base, "/healthz", 50, pause=0.05)
    finally:
        for sock in idle:
            sock.close()
    return {"p95_ms": percentile(loaded, 0.95), "floor_p95_ms": percentile(floor, 0.95)}


def page_content_bodies(deps: dict[str, dict]) -> list[bytes]:
    """The callback every page load makes for its content (Dash Pages), one per page."""
    content = next(d for k, d in deps.items() if "_pages_content.children" in k)
    parts = content["output"].strip(".").split("...")
    outputs = [{"id": p.rsplit(".", 1)[0], "property": p.rsplit(".", 1)[1]} for p in parts]
    return [
        json.dumps(
            {
                "output": content["output"],
                "outputs": outputs,
                "inputs": [
                    {"id": "_pages_location", "property": "pathname", "value": path},
                    {"id": "_pages_location", "property": "search", "value": ""},
                ],
                "changedPropIds": ["_pages_location.pathname"],
            }
        ).encode()
        for path in PAGES
    ]


def export_storm(base: str, content: list[bytes]) -> dict:
    """40 print-size PNGs at once (distinct views, so none is cached) while other clients load pages."""
    netloc = urlparse(base).netloc
    outcomes: list[tuple[int, str | None]] = []
    lock = threading.Lock()

    def export(n: int) -> None:
        connection = http.client.HTTPConnection(netloc, timeout=120)
        connection.request("GET", f"/download/map.png?indicator=arrests&preset=print&year=latest&storm={n}")
        response = connection.getresponse()
        response.read()
        with lock:
            outcomes.append((response.status, response.getheader("Retry-After")))

    timed_posts(base, content, 10)  # warm: the floor is the cached cost, as in normal traffic
    floor_pages = timed_posts(base, content, 40)
    floor_health = get_times(base, "/healthz", 40)
    storm = [threading.Thread(target=export, args=(n,)) for n in range(40)]
    for thread in storm:
        thread.start()
    time.sleep(0.3)
    pages = timed_posts(base, content, 40, pause=0.05)
    health = get_times(base, "/healthz", 40, pause=0.05)
    for thread in storm:
        thread.join()
    statuses = [status for status, _ in outcomes]
    return {
        "page_content_p95_ms": percentile(pages, 0.95),
        "healthz_p95_ms": percentile(health, 0.95),
        "floor_page_content_p95_ms": percentile(floor_pages, 0.95),
        "floor_healthz_p95_ms": percentile(floor_health, 0.95),
        "exports_ok": statuses.count(200),
        "exports_503_with_retry_after": sum(1 for s, r in outcomes if s == 503 and r),
        "exports_other": len([s for s in statuses if s not in (200, 503)]),
    }


def timed_posts(base: str, bodies: list[bytes], count: int, pause: float = 0.0) -> list[float]:
    connection = http.client.HTTPConnection(urlparse(base).netloc, timeout=30)
    times = []
    for n in range(count):
        start = time.perf_counter()
        connection.request("POST", "/_dash-update-component", bodies[n % len(bodies)], JSON)
        connection.getresponse().read()
        times.append(time.perf_counter() - start)
        time.sleep(pause)
    return times


def mixed_load(base: str, deps: dict[str, dict], content: list[bytes]) -> dict:
    """100 clients for 30 s: page loads (shell and content callback), interactions and downloads; next to the
    same clients sending only the no-op callback."""
    interactions = [b for name, group in scenarios(deps).items() if not name.startswith("floor") for b in group]
    noop = scenarios(deps)["floor (no-op callback)"]
    downloads = ["/download/map.csv?indicator=arrests", "/download/trends.csv", "/download/tables/sources.csv"]

    def mix(rng: random.Random) -> Request:
        roll = rng.random()
        if roll < 0.2:
            return "GET", rng.choice(PAGES), None
        if roll < 0.4:
            return "POST", "/_dash-update-component", rng.choice(content)
        if roll < 0.5:
            return "GET", rng.choice(downloads), None
        return "POST", "/_dash-update-component", rng.choice(interactions)

    floor = clients(base, 100, 15, lambda rng: ("POST", "/_dash-update-component", rng.choice(noop)))
    load = clients(base, 100, 30, mix)
    return load | {"floor_p95_ms": floor["p95_ms"], "floor_throughput_rps": floor["throughput_rps"]}


def instance_killed(base: str, process: subprocess.Popen) -> dict:
    """Two page instances behind nginx; 30 s of GETs; one instance SIGKILLed (master and workers) at 10 s."""

    def gets(rng: random.Random) -> Request:
        return "GET", rng.choice([*PAGES, "/healthz", "/download/map.csv?indicator=arrests"]), None

    killed: list[int] = []

    def kill_one() -> None:
        time.sleep(10)
        master = _page_master(process.pid, 1)
        family = [master, *_children(master)]
        for pid in family:
            os.kill(pid, signal.SIGKILL)
        killed.extend(family)

    killer = threading.Thread(target=kill_one)
    killer.start()
    result = clients(base, 20, 30, gets)
    killer.join()
    return result | {"killed_pids": len(killed)}


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def _page_master(supervisor: int, number: int) -> int:
    for pid in _children(supervisor):
        command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        if f"iraq-figures-pages-{number}".encode() in command:
            return pid
    raise RuntimeError(f"page instance {number} not found under the supervisor {supervisor}")


def chromium_left() -> int:
    found = subprocess.run(["pgrep", "-c", "-f", "chromium.*headless"], capture_output=True, text=True)
    return int(found.stdout.strip() or 0)


def deps_of(base: str) -> dict[str, dict]:
    return _deps(http.client.HTTPConnection(urlparse(base).netloc, timeout=60))


def measure_one(base: str) -> dict:
    deps = deps_of(base)
    content = page_content_bodies(deps)
    return {
        "idle clients": idle_clients(base),
        "export storm": export_storm(base, content),
        "mixed load": mixed_load(base, deps, content),
    }
