"""Closed-loop clients on keep-alive connections (each sends its next request when the last is answered):
throughput, p95 latency and failures. `measure` is 50 clients for 30 s against gunicorn."""

from __future__ import annotations

import http.client
import random
import threading
import time
from collections.abc import Callable
from urllib.parse import urlparse

CLIENTS = 50
SECONDS = 30
JSON = {"Content-Type": "application/json", "Accept-Encoding": "gzip"}
Request = tuple[str, str, bytes | None]  # method, path, body


def clients(base: str, count: int, seconds: float, choose: Callable[[random.Random], Request]) -> dict:
    """`count` keep-alive clients for `seconds`, each sending what `choose` picks; latency and failures."""
    netloc = urlparse(base).netloc
    latencies: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client(seed: int) -> None:
        rng = random.Random(seed)
        connection = http.client.HTTPConnection(netloc, timeout=30)
        while time.monotonic() < deadline:
            method, path, body = choose(rng)
            start = time.perf_counter()
            try:
                connection.request(method, path, body, JSON if body else {"Accept-Encoding": "gzip"})
                response = connection.getresponse()
                response.read()
                failed = None if response.status < 500 else f"{method} {path.split('?')[0]}: {response.status}"
            except (OSError, http.client.HTTPException) as error:
                failed = f"{method} {path.split('?')[0]}: {type(error).__name__}"
                connection.close()
                connection = http.client.HTTPConnection(netloc, timeout=30)
            with lock:
                latencies.append(time.perf_counter() - start)
                if failed:
                    failures.append(failed)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(count)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return {
        "clients": count,
        "seconds": round(elapsed, 1),
        "requests": len(latencies),
        "throughput_rps": len(latencies) / elapsed,
        "p95_ms": percentile(latencies, 0.95),
        "errors": len(failures),
        "error_examples": sorted(set(failures))[:5],
    }


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[int(share * (len(ordered) - 1))] * 1000 if ordered else float("nan")


def measure(base_url: str, bodies: list[bytes]) -> dict:
    """Each client mixes page loads (30%) and map interactions on its own keep-alive connection."""

    def mix(rng: random.Random) -> Request:
        if rng.random() < 0.3:
            return "GET", rng.choice(["/", "/map", "/healthz", "/claims"]), None
        return "POST", "/_dash-update-component", rng.choice(bodies)

    return clients(base_url, CLIENTS, SECONDS, mix)
