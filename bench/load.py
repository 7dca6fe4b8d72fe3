"""50 concurrent clients for 30 seconds against gunicorn (as `make serve`): throughput, p95 latency, errors."""

from __future__ import annotations

import http.client
import random
import threading
import time
from urllib.parse import urlparse

CLIENTS = 50
SECONDS = 30


def measure(base_url: str, bodies: list[bytes]) -> dict:
    """Each client alternates page loads and map interactions on its own keep-alive connection."""
    host = urlparse(base_url).netloc
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    deadline = time.monotonic() + SECONDS

    def client(seed: int) -> None:
        rng = random.Random(seed)
        connection = http.client.HTTPConnection(host, timeout=30)
        while time.monotonic() < deadline:
            start = time.perf_counter()
            try:
                if rng.random() < 0.3:
                    connection.request(
                        "GET", rng.choice(["/", "/map", "/healthz", "/claims"]), headers={"Accept-Encoding": "gzip"}
                    )
                else:
                    connection.request(
                        "POST",
                        "/_dash-update-component",
                        rng.choice(bodies),
                        {"Content-Type": "application/json", "Accept-Encoding": "gzip"},
                    )
                response = connection.getresponse()
                response.read()
                ok = response.status < 500
            except (OSError, http.client.HTTPException) as error:
                ok, response = False, error
                connection.close()
                connection = http.client.HTTPConnection(host, timeout=30)
            with lock:
                latencies.append(time.perf_counter() - start)
                if not ok:
                    errors.append(str(getattr(response, "status", response)))

    threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    ordered = sorted(latencies)
    return {
        "clients": CLIENTS,
        "seconds": elapsed,
        "requests": len(latencies),
        "throughput_rps": len(latencies) / elapsed,
        "p50_ms": ordered[len(ordered) // 2] * 1000,
        "p95_ms": ordered[int(0.95 * (len(ordered) - 1))] * 1000,
        "errors": len(errors),
        "error_examples": errors[:5],
    }
